"""Every string argument of every operation, sent hostile values (issue #11, class guard).

Walks the schema: for each query and mutation, each String/ID argument and each String/ID
field of its input objects (at any depth) gets, in turn, a value at its limit, one past it,
NUL, another control character, a right-to-left override and emoji. Everything else the
operation requires is filled with plain, well-formed values (tests/graphql_values.py), so
each call is valid GraphQL but for the value under test, and the walk proves that value got
somewhere:

- no answer is INTERNAL or a 5xx, on SQLite and PostgreSQL;
- no answer says the request was malformed (a validation or variable-coercion error: the
  value would have reached nothing);
- the values the central guard refuses (past the limit, NUL, control, RTL override) are
  answered BAD_USER_INPUT naming that very field: they reached the guard;
- the others (at the limit, emoji) are not refused by the guard nor by access checks: they
  reached the resolver, which answers as it will (a result, an error result, a typed error).

Each caller is one that passes the field's access check (anonymous, a person at level 3 who
administers an enterprise, an officer with every officer role at level 3).
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
from graphql import (
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLScalarType,
    get_named_type,
)
from starlette.applications import Starlette
from strawberry.types.base import StrawberryObjectDefinition

from palm_customs.catalogue.services import seed_catalogue
from palm_customs.core.input_guard import DEFAULT_MAX_LENGTH, STRING_SCALARS, limit_for
from palm_customs.core.permissions import Level, Requires, Role, declared_requirement
from palm_customs.schema import build_schema
from tests.appointments.flows import client_for
from tests.conftest import graphql
from tests.declarations.flows import inspector, traveller
from tests.graphql_values import arguments, document, malformed, put, selection
from tests.identity.flows import step_up
from tests.identity.test_enterprises import REGISTER, USCC

# Calls that would end the caller's own session (the rest of the walk would then be refused
# before reaching any resolver); their string arguments are covered by the guard all the same.
SKIPPED = {"signOut", "signOutEverywhere", "accountDelete", "sessionEnd"}
PERSON_ROLES = {Role.PERSON, Role.ENTERPRISE_ADMIN, Role.DECLARANT}
OFFICER_ROLES = [r.value for r in Role if r not in PERSON_ROLES]
# Answers of an access check: the value did not reach the resolver.
ACCESS_CODES = {"UNAUTHENTICATED", "STEP_UP_REQUIRED", "FORBIDDEN"}


@dataclass(frozen=True)
class Case:
    root: str
    field: str
    target: tuple[str, ...]  # argument, then input fields
    schema_path: str
    requirement: Requires

    @property
    def where(self) -> str:
        return f"{self.schema_path} [{'.'.join(self.target)}]"


def _string_targets(
    type_: GraphQLInputType, path: tuple[str, ...], schema_path: str, seen: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], str]]:
    named = get_named_type(type_)
    if isinstance(named, GraphQLScalarType) and named.name in STRING_SCALARS:
        yield path, schema_path
    elif isinstance(named, GraphQLInputObjectType) and named.name not in seen:
        for name, f in named.fields.items():
            yield from _string_targets(
                f.type, (*path, name), f"{named.name}.{name}", (*seen, named.name)
            )


def _cases() -> list[Case]:
    schema = build_schema()
    core = schema._schema
    cases = []
    for root in ("Query", "Mutation"):
        definition = schema.get_type_by_name(root)
        assert isinstance(definition, StrawberryObjectDefinition)
        requirements = {
            schema.config.name_converter.get_graphql_name(f): declared_requirement(f.extensions)
            for f in definition.fields
        }
        root_type = core.get_type(root)
        for name, field in root_type.fields.items():  # type: ignore[union-attr]
            if name in SKIPPED:
                continue
            requirement = requirements[name]
            assert requirement is not None
            for arg_name, arg in field.args.items():
                for target, schema_path in _string_targets(
                    arg.type, (arg_name,), f"{root}.{name}.{arg_name}"
                ):
                    cases.append(Case(root, name, target, schema_path, requirement))
    return cases


# Plain values a resolver accepts for String fields of these names, so that it looks further
# than the first plain "x" before answering (more of the values under test get used).
BY_NAME = {
    "itemCode": "CUSTOMS_ENQUIRY",
    "portCode": "PVG",
    "unitValue": "100.00",
    "amount": "100.00",
    "currency": "CNY",
    "dataJson": "{}",
    "draftJson": "{}",
    "nationality": "CHN",
    "documentNumber": "E12345678",
    "password": "Plain-Walk-Passphrase-42",
    "slug": "plain-walk",
    "endpoint": "https://push.example.org/plain-walk",
}


def _variables(field: GraphQLField, target: tuple[str, ...], value: str) -> dict[str, Any]:
    """The required arguments, well-formed, with `value` at `target` (the input objects on
    its way made, with their required fields) and a fresh idempotency key."""
    variables = arguments(field, BY_NAME)
    if "idempotencyKey" in field.args:
        variables["idempotencyKey"] = uuid.uuid4().hex
    put(variables, list(target), value, field.args[target[0]].type, BY_NAME)
    return variables


HOSTILE = {
    "nul": "a\x00b",
    "control": "a\x07b",
    "rtl_override": "\u202eabc",
    "emoji": "😀🇨🇳" * 5,
}
# Values the guard refuses; the others must get past it.
REFUSED = {"past_limit", "nul", "control", "rtl_override"}


def _values(case: Case) -> dict[str, str]:
    limit = limit_for(case.schema_path)
    return {"at_limit": "a" * limit, "past_limit": "a" * (limit + 1), **HOSTILE}


def _verdict(case: Case, label: str, response: httpx.Response) -> tuple[str, str | None]:
    """(where the value got: "guard", "resolver" or "nowhere", why the answer is wrong)."""
    if response.status_code >= 500:
        return "nowhere", f"HTTP {response.status_code}"
    body = response.json()
    errors = body.get("errors") or []
    codes = [(e.get("extensions") or {}).get("code") for e in errors]
    if "INTERNAL" in codes:
        return "nowhere", f"INTERNAL: {errors}"
    if malformed(body):
        return "nowhere", f"malformed request, the value reached nothing: {malformed(body)}"
    field = ".".join(case.target)
    # the guard's refusals name the field and come before execution (no path)
    guard = [
        e["extensions"]["field"]
        for e in errors
        if (e.get("extensions") or {}).get("code") == "BAD_USER_INPUT"
        and "field" in e["extensions"]
        and not e.get("path")
    ]
    if label in REFUSED:
        if guard == [field] and len(errors) == 1:
            return "guard", None
        return "nowhere", f"not refused by the guard for {field}: {errors or body.get('data')}"
    if guard:
        return "guard", f"the guard refused an acceptable value (for {guard}): {errors}"
    if set(codes) & ACCESS_CODES:
        return "nowhere", f"refused by an access check before the resolver: {codes}"
    # the resolver ran; it may have refused a plain value of another argument first
    named = {str((e.get("extensions") or {}).get("field")) for e in errors} - {"None"}
    answer = (body.get("data") or {}).get(case.field)
    if isinstance(answer, dict):
        named |= {str(v) for k, v in answer.items() if k.startswith("field_") and v}
        named |= {str(e.get("field")) for e in answer.get("errors") or [] if e.get("field")}
    last = case.target[-1].lower()
    if named and not any(n.lower().split(".")[-1] == last for n in named):
        return "resolver, another field first", None
    if any(
        (e.get("extensions") or {}).get("code") == "BAD_USER_INPUT"
        and "field" not in e["extensions"]
        for e in errors
    ):  # longer than its column, found by the ORM (schema.py `_is_unfitting_value`)
        return "resolver, refused as not fitting its column", None
    return "resolver", None


async def _step_up(client: httpx.AsyncClient, auth: Any) -> None:
    stepped = await step_up(client, auth)
    assert stepped["__typename"] == "StepUpSuccess", stepped


def test_every_string_argument_has_a_limit_no_larger_than_needed() -> None:
    # the few large ones are named (JSON documents, signed credentials, an article's body);
    # everything else falls under the default
    large = {c.schema_path for c in _cases() if limit_for(c.schema_path) > DEFAULT_MAX_LENGTH}
    assert all(
        path.endswith(("Json", "credential")) or path == "KnowledgeArticleTextInput.body"
        for path in large
    ), large


async def test_no_string_argument_of_any_operation_ends_in_an_internal_error(
    app: Starlette,
) -> None:
    # given one caller per kind of access: anonymous, a person at level 3 who administers an
    # enterprise, an officer with every officer role at level 3
    await seed_catalogue()  # the service items BY_NAME names
    anonymous = client_for(app)
    person = client_for(app)
    officer = client_for(app)
    person_auth = await traveller(person)
    registered = await graphql(person, REGISTER, {"name": "上海示例贸易有限公司", "uscc": USCC})
    assert registered["data"]["enterpriseRegister"]["__typename"] == "IdentityDone", registered  # type: ignore[index]
    await _step_up(person, person_auth)
    officer_auth = await inspector(officer, "F9001", roles=tuple(OFFICER_ROLES))
    await _step_up(officer, officer_auth)
    core = build_schema()._schema
    failures: list[str] = []
    reached: Counter[str] = Counter()
    try:
        for case in _cases():
            req = case.requirement
            if req.level == Level.ANONYMOUS and not req.roles:
                client, auth = anonymous, None
            elif req.roles and not (req.roles & PERSON_ROLES):
                client, auth = officer, officer_auth
            else:
                client, auth = person, person_auth
            field = core.get_type(case.root).fields[case.field]  # type: ignore[union-attr]
            wanted = selection(field.type)
            for label, value in _values(case).items():
                variables = _variables(field, case.target, value)
                query = document(case.root, case.field, field, wanted, variables)
                # when
                for attempt in (1, 2):
                    response = await client.post(
                        "/graphql",
                        json={"query": query, "variables": variables},
                        headers={"accept-language": "en"},
                    )
                    # a step-up lasts minutes; the walk may outlast it: step up again
                    expired = "STEP_UP_REQUIRED" in response.text and auth is not None
                    if attempt == 2 or not expired:
                        break
                    await _step_up(client, auth)
                # then
                got, why = _verdict(case, label, response)
                reached[got] += 1
                if why:
                    failures.append(f"{case.where} {label}: {why}")
    finally:
        for client in (anonymous, person, officer):
            await client.aclose()
    print(f"\ninput fuzz: {len(_cases())} string arguments, answers: {dict(reached)}")
    assert failures == [], "\n".join(failures)
