from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Annotated, Any

import strawberry

from palm_customs.alerts.errors import AlertErrorCode, AlertProblem
from palm_customs.alerts.models import Alert, AlertKind, AlertRule
from palm_customs.core.i18n import Language, translate
from palm_customs.core.mutation import ErrorMapper, maps
from palm_customs.core.types import ValidationError

strawberry.enum(AlertErrorCode, name="AuditAlertErrorCode", description="Why it was refused.")
strawberry.enum(AlertKind, name="AuditAlertKind", description="How a rule looks at the log.")


@strawberry.type(description="An alert or rule change was refused.")
class AuditAlertError:
    code: AlertErrorCode
    message: str


ERROR_MAPPERS: tuple[ErrorMapper[Any], ...] = (
    maps(
        AlertProblem,
        lambda e, c: AuditAlertError(code=e.error_code, message=e.message(c.language)),
    ),
)


def _title(code: str, language: Language) -> str:
    key = f"alert.rule.{code}"
    text = translate(key, language)
    return code if text == key else text


@strawberry.type(description="An anomaly rule over the audit log, kept as data.")
class AuditAlertRule:
    code: str
    title: str
    kind: AlertKind
    enabled: bool
    threshold: int
    window_minutes: int
    outcomes: list[str]
    exclude_outcomes: list[str]
    operations: list[str]
    hours_start: str
    hours_end: str
    timezone: str
    updated_at: datetime.datetime | None

    @classmethod
    def from_row(cls, row: AlertRule, language: Language) -> AuditAlertRule:
        return cls(
            code=row.code,
            title=_title(row.code, language),
            kind=row.kind,
            enabled=row.enabled,
            threshold=row.threshold,
            window_minutes=row.window_minutes,
            outcomes=list(row.outcomes),
            exclude_outcomes=list(row.exclude_outcomes),
            operations=list(row.operations),
            hours_start=row.hours_start,
            hours_end=row.hours_end,
            timezone=row.timezone,
            updated_at=row.updated_at,
        )


@strawberry.type(description="An anomaly raised from sealed audit events.")
class AuditAlert:
    id: strawberry.ID
    rule_code: str
    title: str
    # The officer (badge and name) or "an account that is not an officer's".
    who: str
    unit: str
    event_count: int
    first_seq: int
    last_seq: int
    first_at: datetime.datetime
    last_at: datetime.datetime
    raised_at: datetime.datetime
    acknowledged_at: datetime.datetime | None
    note: str

    @classmethod
    def from_row(cls, row: Alert, who: str, language: Language) -> AuditAlert:
        return cls(
            id=strawberry.ID(str(row.id)),
            rule_code=row.rule.code,
            title=_title(row.rule.code, language),
            who=who,
            unit=row.unit,
            event_count=row.event_count,
            first_seq=row.first_seq,
            last_seq=row.last_seq,
            first_at=row.first_at,
            last_at=row.last_at,
            raised_at=row.raised_at,
            acknowledged_at=row.acknowledged_at,
            note=row.note,
        )


@strawberry.type(description="The alert is acknowledged.")
class AuditAlertAcknowledged:
    alert: AuditAlert


@strawberry.type(description="The rule is changed; the evaluator uses it from its next run.")
class AuditAlertRuleSaved:
    rule: AuditAlertRule


AuditAlertAcknowledgeResult = Annotated[
    AuditAlertAcknowledged | ValidationError | AuditAlertError,
    strawberry.union("AuditAlertAcknowledgeResult"),
]
AuditAlertRuleUpdateResult = Annotated[
    AuditAlertRuleSaved | ValidationError | AuditAlertError,
    strawberry.union("AuditAlertRuleUpdateResult"),
]


@strawberry.input(description="What to change in a rule; fields left out stay as they are.")
class AuditAlertRuleUpdateInput:
    code: str
    enabled: bool | None = None
    threshold: int | None = None
    window_minutes: int | None = None
    hours_start: str | None = None
    hours_end: str | None = None


@dataclass(frozen=True, slots=True)
class Done:
    """A service's result with what the audit event names."""

    row: Any
    target: str

    @property
    def audit_targets(self) -> tuple[str, ...]:
        return (self.target,)
