"""Who may use a field, and at which assurance level.

Every root field declares its requirement with `access(...)`; a meta-test walks the schema and
fails on any field without one. Levels follow ARCHITECTURE.md:

0 anonymous · 1 any session · 2 user-verified sign-in · 3 fresh step-up (≤ 5 minutes).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import strawberry
from graphql import OperationType
from strawberry.extensions.field_extension import FieldExtension
from strawberry.permission import BasePermission, PermissionExtension
from strawberry.schema_directive import Location

from palm_customs.core.api_errors import AccessCode, AccessDenied

# Who the caller is lives apart from GraphQL (business rules use it); re-exported for the API.
from palm_customs.core.principal import Level as Level
from palm_customs.core.principal import Principal as Principal
from palm_customs.core.principal import Role as Role

if TYPE_CHECKING:
    from strawberry.types import Info


@strawberry.schema_directive(
    locations=[Location.FIELD_DEFINITION],
    name="access",
    description="Who may use this field: the assurance level (0-3) and, if any, the roles.",
)
class AccessDirective:
    level: int
    roles: list[str]


class Requires(BasePermission):
    """Permission carrying the declared level and roles (any of them) of one field."""

    def __init__(self, level: Level, roles: frozenset[Role], *, enrolment: bool = False) -> None:
        self.level = level
        self.roles = roles
        # Whether an enrolment-only session may use this field (finishing the second factor).
        self.enrolment = enrolment and not roles

    @property
    def schema_directive(self) -> object:
        # Published in schema.graphql, so the PWA knows which actions will ask for step-up.
        return AccessDirective(level=int(self.level), roles=sorted(r.value for r in self.roles))

    async def has_permission(self, source: Any, info: Info[Any, Any], **kwargs: Any) -> bool:
        context = info.context
        principal: Principal = context.principal
        code: AccessCode | None = None
        if self.enrolment and principal.enrolment_account_id is not None:
            return True
        if principal.level < self.level:
            code = (
                AccessCode.UNAUTHENTICATED
                if principal.level == Level.ANONYMOUS
                else AccessCode.STEP_UP_REQUIRED
            )
        elif self.roles and not (principal.roles & self.roles):
            code = AccessCode.FORBIDDEN
        if code is None:
            return True
        if info.operation.operation == OperationType.MUTATION:
            await context.audit_refusal(operation=info.field_name, outcome=code.value)
        raise AccessDenied(code, context.language, required_level=int(self.level))


def access(level: Level, *roles: Role, enrolment: bool = False) -> list[FieldExtension]:
    """The extensions list that declares a root field's assurance level and allowed roles.

    `enrolment=True` also lets an enrolment-only session (password, no second factor yet) use
    the field; only the few fields that finish an enrolment may say so (a meta-test lists them).
    """
    return [
        PermissionExtension(permissions=[Requires(level, frozenset(roles), enrolment=enrolment)])
    ]


def declared_requirement(extensions: list[FieldExtension]) -> Requires | None:
    for extension in extensions:
        if isinstance(extension, PermissionExtension):
            for permission in extension.permissions:
                if isinstance(permission, Requires):
                    return permission
    return None
