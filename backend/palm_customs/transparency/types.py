from __future__ import annotations

from datetime import datetime

import strawberry

from palm_customs.transparency.services import Access, RecordKind

strawberry.enum(RecordKind, name="DataRecordKind", description="Which kind of your records.")


@strawberry.type(description="An officer opened or changed one of your records (from the log).")
class DataAccess:
    event_id: strawberry.ID = strawberry.field(
        description="The audit event; ask myDataAccessProof for its inclusion proof."
    )
    kind: RecordKind
    record_id: strawberry.ID
    label: str = strawberry.field(
        description="Declaration number, service item code or material code."
    )
    operation: str = strawberry.field(description="What was done (the API operation's name).")
    outcome: str = strawberry.field(description="READ when only opened, else OK or a refusal.")
    officer_unit: str = strawberry.field(description="The officer's unit (department or site).")
    occurred_at: datetime
    sealed: bool = strawberry.field(
        description="In a signed tree head already: an inclusion proof can be given."
    )

    @classmethod
    def from_access(cls, access: Access) -> DataAccess:
        return cls(
            event_id=strawberry.ID(str(access.event_id)),
            kind=access.kind,
            record_id=strawberry.ID(access.record_id),
            label=access.label,
            operation=access.operation,
            outcome=access.outcome,
            officer_unit=access.officer_unit,
            occurred_at=access.occurred_at,
            sealed=access.sealed,
        )
