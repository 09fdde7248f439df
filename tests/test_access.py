"""Access meta-tests (issue #11): classes of defect that a new field must not bring back."""

from __future__ import annotations

import uuid
from types import SimpleNamespace

import pytest
from graphql import OperationType
from strawberry.types.base import StrawberryObjectDefinition

from palm_customs.core.api_errors import AccessDenied
from palm_customs.core.i18n import Language
from palm_customs.core.permissions import Level, Principal, Requires, declared_requirement
from palm_customs.schema import build_schema

# The only fields an enrolment-only session (a password without a second factor) may use:
# finishing the enrolment, watching and ending itself. `me` (level 0) shows it no personal data.
ENROLMENT_FIELDS = {
    "Query.pendingTotp",
    "Mutation.totpConfirm",
    "Mutation.signOut",
    "Subscription.sessionStatus",
}


def _root_fields() -> list[tuple[str, str, Requires]]:
    schema = build_schema()
    found = []
    for root in ("Query", "Mutation", "Subscription"):
        definition = schema.get_type_by_name(root)
        assert isinstance(definition, StrawberryObjectDefinition)
        for field in definition.fields:
            requirement = declared_requirement(field.extensions)
            assert requirement is not None
            found.append((root, schema.config.name_converter.get_graphql_name(field), requirement))
    return found


def test_only_the_enrolment_fields_let_an_enrolment_only_session_in() -> None:
    opened = {f"{root}.{name}" for root, name, req in _root_fields() if req.enrolment}
    assert opened == ENROLMENT_FIELDS


def _enrolment_info() -> SimpleNamespace:
    principal = Principal(
        actor="account:x",
        level=Level.ANONYMOUS,
        roles=frozenset(),
        session_id=uuid.uuid4(),
        enrolment_account_id=uuid.uuid4(),
    )
    return SimpleNamespace(
        context=SimpleNamespace(principal=principal, language=Language.EN),
        operation=SimpleNamespace(operation=OperationType.QUERY),
    )


@pytest.mark.parametrize(
    ("root", "name", "requirement"),
    [f for f in _root_fields() if f[2].level >= Level.SESSION and not f[2].enrolment],
    ids=lambda v: v if isinstance(v, str) else "",
)
async def test_every_other_signed_in_field_refuses_an_enrolment_only_session(
    root: str, name: str, requirement: Requires
) -> None:
    with pytest.raises(AccessDenied) as refused:
        await requirement.has_permission(None, _enrolment_info())  # type: ignore[arg-type]
    assert refused.value.code.value == "UNAUTHENTICATED"
