"""A person verifies their identity document with the configured real-name service, and
reads how far it has been checked."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from palm_customs.context import Context
from palm_customs.core.mutation import refusals, run_mutation
from palm_customs.core.permissions import Level, Role, access
from palm_customs.identity.models import IdentityLevel, IdentityVerification, Person
from palm_customs.identity.services import verification
from palm_customs.identity.types import AccountError, TooManyAttempts
from palm_customs.identity.verification_provider import (
    ProviderAnswer,
    VerificationProvider,
    provider_from,
)
from palm_customs.identity.verification_types import (
    IdentityStatus,
    IdentityVerified,
    IdentityVerifyResult,
)

# Tests put a provider here; None: the one the settings configure (or none).
provider_override: VerificationProvider | None = None


def configured_provider(info: Info[Context, Any]) -> VerificationProvider | None:
    return provider_override or provider_from(info.context.settings)


@strawberry.mutation(
    extensions=access(Level.VERIFIED, Role.PERSON),
    description="Ask the real-name verification service to check your identity document "
    "against your name and date of birth (five tries a day). A match raises it to VERIFIED.",
)
async def identity_verify_online(info: Info[Context, Any]) -> IdentityVerifyResult:
    context = info.context
    account_id = context.principal.account_id
    assert account_id is not None
    provider = configured_provider(info)
    answers: list[ProviderAnswer] = []

    async def ask() -> None:
        answers.append(
            await verification.ask_provider(provider, context.rate_limiter, account_id=account_id)
        )

    result = await run_mutation(
        info,
        prepare=ask,
        perform=lambda c: verification.record_provider_answer(
            c,
            account_id=account_id,
            answer=answers[0],
            provider_name=provider.name if provider else "-",
        ),
        refused=refusals(AccountError, TooManyAttempts),
    )
    if isinstance(result, verification.IdentityVerified):
        return IdentityVerified(
            level=result.person.identity_level,
            method=result.verification.method,
            verified_at=result.verification.created_at,
        )
    return result


async def my_identity(info: Info[Context, Any]) -> IdentityStatus | None:
    account_id = info.context.principal.account_id
    person = await Person.get_or_none(account_id=account_id)
    if person is None:
        return None
    last = (
        await IdentityVerification.filter(account_id=account_id, document_key=person.document_key)
        .order_by("-created_at")
        .first()
        if person.identity_level is IdentityLevel.VERIFIED
        else None
    )
    return IdentityStatus(
        level=person.identity_level,
        method=last.method if last else None,
        verified_at=last.created_at if last else None,
        online_available=configured_provider(info) is not None,
    )


my_identity_field = strawberry.field(
    my_identity,
    extensions=access(Level.SESSION, Role.PERSON),
    description="How far your identity document has been checked, and whether online "
    "real-name verification is offered.",
)
