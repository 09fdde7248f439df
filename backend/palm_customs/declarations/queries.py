from __future__ import annotations

import json
import uuid
from datetime import date, datetime
from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.context import Context
from palm_customs.core.errors import DomainError, ValidationFailed
from palm_customs.core.i18n import translate
from palm_customs.core.mutation import refusal, refusals
from palm_customs.core.pagination import check_page_size, decode_cursor, encode_cursor
from palm_customs.core.permissions import Level, Role, access
from palm_customs.core.types import LocalizedText, PageInfo, ValidationError
from palm_customs.declarations import api, checklist, estimate_limit, services
from palm_customs.declarations.errors import DeclarationErrorCode
from palm_customs.declarations.models import Declaration as DeclarationRow
from palm_customs.declarations.models import DeclarationDraft, Direction
from palm_customs.declarations.types import (
    ArticleCategory,
    ArticleInput,
    CashInput,
    ChecklistQuestion,
    Declaration,
    DeclarationConnection,
    DeclarationDraftInfo,
    DeclarationError,
    DeclarationVerification,
    DutyEstimate,
    DutyEstimateResult,
    DutyRules,
)
from palm_customs.identity.services.officers import officer_posts
from palm_customs.loaders import Loaders

OFFICERS = (Role.INSPECTOR, Role.SUPERVISOR)


@strawberry.input
class EstimateTravellerInput:
    is_resident: bool
    date_of_birth: date


async def _present(row: DeclarationRow, loaders: Loaders) -> Declaration:
    outcome = await loaders.inspection_outcome_by_declaration.load(row.id)
    return Declaration.from_row(row, outcome)


def _text(values: tuple[str, str, str]) -> LocalizedText:
    return LocalizedText(zh_hans=values[0], zh_hant=values[1], en=values[2])


@strawberry.type
class DeclarationQuery:
    @strawberry.field(
        extensions=access(Level.ANONYMOUS),
        description="The duty rules, rate table, categories and checklist: cache them to "
        "estimate offline.",
    )
    async def duty_rules(self) -> DutyRules:
        current = await services.current_rules()
        rules = current.rules
        return DutyRules(
            version=rules.version,
            effective_from=rules.effective_from,
            source=rules.source,
            rates_date=current.rates.date,
            rates_source=current.rates.source,
            rule_set_json=json.dumps(rules.to_dict(), ensure_ascii=False),
            rates_json=json.dumps(current.rates.to_dict(), ensure_ascii=False),
            categories=[
                ArticleCategory(
                    code=c.code,
                    name=LocalizedText(
                        zh_hans=c.name.zh_hans, zh_hant=c.name.zh_hant, en=c.name.en
                    ),
                    examples=LocalizedText(
                        zh_hans=c.examples.zh_hans, zh_hant=c.examples.zh_hant, en=c.examples.en
                    ),
                    rate=str(c.rate),
                    synonyms=list(c.synonyms),
                    needs_measure=c.needs_measure,
                )
                for c in rules.categories
            ],
            checklist=[
                ChecklistQuestion(
                    code=i.code, question=_text(i.question), guidance=_text(i.guidance)
                )
                for i in checklist.CHECKLIST
            ],
        )

    @strawberry.field(
        extensions=access(Level.ANONYMOUS),
        description="The server's duty estimate for articles being typed (nothing is stored).",
    )
    async def duty_estimate(
        self,
        info: Info[Context, Any],
        travellers: list[EstimateTravellerInput],
        articles: list[ArticleInput],
        cash: list[CashInput] | None = None,
        restricted_yes: list[str] | None = None,
        direction: Direction = Direction.ARRIVING,
        port_code: str = "",
        frequent_crosser: bool = False,
    ) -> DutyEstimateResult:
        try:
            await estimate_limit.count_estimate(
                info.context.rate_limiter,
                estimate_limit.estimate_key(info.context.principal, info.context.meta.ip),
                per_minute=info.context.settings.duty_estimate_limit,
            )
            problems: list[Any] = []
            converted_articles = api.articles(articles, "", problems)
            converted_cash = api.cash(cash or [], "", problems)
            if problems:
                raise ValidationFailed(problems)
            estimate = await services.estimate_only(
                travellers=[
                    services.EstimateTraveller(
                        is_resident=t.is_resident, date_of_birth=t.date_of_birth
                    )
                    for t in travellers[:30]
                ],
                articles=converted_articles,
                cash=converted_cash,
                restricted_yes=(restricted_yes or [])[:50],
                direction=direction,
                port_code=port_code,
                frequent_crosser=frequent_crosser,
            )
        except DomainError as error:
            return refusal(
                error,
                info.context,
                refusals(ValidationError, DeclarationError),
                operation=info.field_name,
            )
        return DutyEstimate.from_dict(estimate.to_dict())

    @strawberry.field(
        extensions=access(Level.SESSION, Role.PERSON),
        description="Your declarations, newest first.",
    )
    async def my_declarations(
        self, info: Info[Context, Any], first: int = 20, after: str | None = None
    ) -> DeclarationConnection:
        language = info.context.language
        limit = check_page_size(first, language)
        cursor = decode_cursor(after, language)
        query = DeclarationRow.filter(account_id=info.context.principal.account_id)
        if cursor:
            try:
                query = query.filter(submitted_at__lt=datetime.fromisoformat(cursor))
            except ValueError:
                return DeclarationConnection(
                    nodes=[], page_info=PageInfo(has_next_page=False, end_cursor=None)
                )
        rows = await query.order_by("-submitted_at").limit(limit + 1)
        page = rows[:limit]
        # One batched load for the page (no task per row): the same IN query, less scheduling.
        outcomes = await info.context.loaders.inspection_outcome_by_declaration.load_many(
            [r.id for r in page]
        )
        return DeclarationConnection(
            nodes=[Declaration.from_row(r, o) for r, o in zip(page, outcomes, strict=True)],
            page_info=PageInfo(
                has_next_page=len(rows) > limit,
                end_cursor=encode_cursor(page[-1].submitted_at.isoformat()) if page else None,
            ),
        )

    @strawberry.field(
        extensions=access(Level.SESSION, Role.PERSON),
        description="One of your declarations (others' are never found).",
    )
    async def declaration(self, info: Info[Context, Any], id: strawberry.ID) -> Declaration | None:
        try:
            key = uuid.UUID(id)
        except ValueError:
            return None
        row = await DeclarationRow.get_or_none(id=key, account_id=info.context.principal.account_id)
        return await _present(row, info.context.loaders) if row else None

    @strawberry.field(
        extensions=access(Level.SESSION, Role.PERSON),
        description="Drafts synced from your devices.",
    )
    async def my_declaration_drafts(self, info: Info[Context, Any]) -> list[DeclarationDraftInfo]:
        rows = (
            await DeclarationDraft.filter(account_id=info.context.principal.account_id)
            .order_by("-updated_at")
            .limit(20)
        )
        return [
            DeclarationDraftInfo(
                id=strawberry.ID(str(r.id)),
                version=r.version,
                data_json=json.dumps(r.data, ensure_ascii=False),
                updated_at=r.updated_at,
                device=r.device,
            )
            for r in rows
        ]

    @strawberry.field(
        extensions=access(Level.VERIFIED, *OFFICERS),
        description="Check a scanned declaration code online: signature, then the latest status.",
    )
    async def declaration_verification(
        self, info: Info[Context, Any], credential: str
    ) -> DeclarationVerification:
        result = await services.verify_credential(credential[:5000])
        language = info.context.language
        if result.declaration is not None:
            # Officers read only declarations for the ports where they serve: elsewhere the
            # signed code says what it says (it is checked offline too), but the server tells
            # nothing of the declaration or its status, and the look is audited.
            context = info.context
            if result.declaration.port_code not in await officer_posts(
                context.principal.account_id
            ):
                await context.audit_refusal(
                    operation="declarationVerification",
                    outcome="OTHER_PORT",
                    target_ids=(f"declaration:{result.declaration.number}",),
                )
                return DeclarationVerification(
                    valid=False,
                    problem=DeclarationErrorCode.NOT_FOUND,
                    message=translate("declaration.not_found", language),
                    superseded=False,
                    latest_version=None,
                    declaration=None,
                    issued_at=None,
                    expires_at=None,
                )
            await context.audit_read(
                operation="declarationVerification",
                target_ids=(f"declaration:{result.declaration.id}",),
            )
        declaration = (
            await _present(result.declaration, info.context.loaders) if result.declaration else None
        )
        superseded = bool(
            result.declaration
            and result.latest_version is not None
            and result.latest_version > result.declaration.version
        )
        return DeclarationVerification(
            valid=result.problem is None and result.declaration is not None,
            problem=result.problem,
            message=translate(f"declaration.{result.problem.value}", language)
            if result.problem
            else (translate("declaration.superseded", language) if superseded else None),
            superseded=superseded,
            latest_version=result.latest_version,
            declaration=declaration,
            issued_at=result.credential.issued_at if result.credential else None,
            expires_at=result.credential.expires_at if result.credential else None,
        )

    @strawberry.field(
        extensions=access(Level.VERIFIED, *OFFICERS),
        description="The latest version of a declaration by its number (typed at the channel).",
    )
    async def declaration_by_number(
        self, info: Info[Context, Any], number: str
    ) -> Declaration | None:
        row = (
            await DeclarationRow.filter(number=number.strip().upper()[:20])
            .order_by("-version")
            .first()
        )
        if row is None:
            return None
        # Officers read only declarations for the ports where they serve; a look elsewhere is
        # answered like an unknown number, and audited.
        context = info.context
        if row.port_code not in await officer_posts(context.principal.account_id):
            await context.audit_refusal(
                operation="declarationByNumber",
                outcome="OTHER_PORT",
                target_ids=(f"declaration:{row.number}",),
            )
            return None
        await info.context.audit_read(
            operation="declarationByNumber", target_ids=(f"declaration:{row.id}",)
        )
        return await _present(row, info.context.loaders)
