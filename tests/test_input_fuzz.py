"""Every string argument of every operation, sent hostile values (issue #11, class guard).

Walks the schema: for each query and mutation, each String/ID argument and each String/ID
field of its input objects gets, in turn, a value at its limit, one past it, NUL, another
control character, a right-to-left override and emoji, the other required arguments filled
with plain values. No answer may be INTERNAL or a 5xx, on SQLite and PostgreSQL; the values
the central guard refuses are answered BAD_USER_INPUT. Each caller is one that passes the
field's access check (anonymous, a person at level 3, an officer with every role at level 3),
so the value reaches the resolver.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
    get_named_type,
    is_leaf_type,
)
from starlette.applications import Starlette
from strawberry.types.base import StrawberryObjectDefinition

from palm_customs.core.input_guard import DEFAULT_MAX_LENGTH, STRING_SCALARS, limit_for
from palm_customs.core.permissions import Level, Requires, Role, declared_requirement
from palm_customs.schema import build_schema
from tests.appointments.flows import client_for
from tests.declarations.flows import inspector, traveller
from tests.identity.flows import step_up

# Calls that would end the caller's own session (the rest of the walk would then be refused
# before reaching any resolver); their string arguments are covered by the guard all the same.
SKIPPED = {"signOut", "signOutEverywhere", "accountDelete", "sessionEnd"}
OFFICER_ROLES = [
    r.value for r in Role if r not in (Role.PERSON, Role.ENTERPRISE_ADMIN, Role.DECLARANT)
]


@dataclass(frozen=True)
class Case:
    root: str
    field: str
    target: tuple[str, ...]  # argument, then input fields
    schema_path: str
    requirement: Requires


def _plain(type_: GraphQLInputType) -> Any:
    if isinstance(type_, GraphQLNonNull):
        return _plain(type_.of_type)
    if isinstance(type_, GraphQLList):
        return [_plain(type_.of_type)]
    if isinstance(type_, GraphQLEnumType):
        return next(iter(type_.values))
    if isinstance(type_, GraphQLInputObjectType):
        return {
            name: _plain(f.type)
            for name, f in type_.fields.items()
            if isinstance(f.type, GraphQLNonNull) and f.default_value is None
        }
    assert isinstance(type_, GraphQLScalarType)
    return {
        "String": "x",
        "ID": str(uuid.uuid4()),
        "Int": 1,
        "Float": 1.0,
        "Boolean": False,
        "Date": "2026-12-10",
        "DateTime": "2026-12-10T10:00:00+08:00",
        "Time": "10:00:00",
    }[type_.name]


def _string_targets(
    type_: GraphQLInputType, path: tuple[str, ...], schema_path: str, depth: int = 0
) -> Iterator[tuple[tuple[str, ...], str]]:
    named = get_named_type(type_)
    if isinstance(named, GraphQLScalarType) and named.name in STRING_SCALARS:
        yield path, schema_path
    elif isinstance(named, GraphQLInputObjectType) and depth < 2:
        for name, f in named.fields.items():
            yield from _string_targets(f.type, (*path, name), f"{named.name}.{name}", depth + 1)


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


def _document(root: str, name: str, field: GraphQLField) -> str:
    declared = ", ".join(f"${a}: {arg.type}" for a, arg in field.args.items())
    passed = ", ".join(f"{a}: ${a}" for a in field.args)
    selection = "" if is_leaf_type(get_named_type(field.type)) else " { __typename }"
    operation = "query" if root == "Query" else "mutation"
    head = f"{operation}({declared})" if declared else operation
    call = f"{name}({passed})" if passed else name
    return f"{head} {{ {call}{selection} }}"


def _variables(field: GraphQLField, target: tuple[str, ...], value: str) -> dict[str, Any]:
    variables: dict[str, Any] = {}
    for a, arg in field.args.items():
        if a == target[0] or isinstance(arg.type, GraphQLNonNull):
            variables[a] = _plain(arg.type)
    holder: Any = variables
    for index, part in enumerate(target):
        last = index == len(target) - 1
        if isinstance(holder, list):
            holder = holder[0]
        if last:
            holder[part] = [value] if isinstance(holder.get(part), list) else value
        else:
            if holder.get(part) is None:
                raise LookupError  # an optional input object: reached through its own case
            holder = holder[part]
    return variables


HOSTILE = {
    "nul": "a\x00b",
    "control": "a\x07b",
    "rtl_override": "\u202eabc",
    "emoji": "😀🇨🇳" * 5,
}


def _values(case: Case) -> dict[str, str]:
    limit = limit_for(case.schema_path)
    return {"at_limit": "a" * limit, "past_limit": "a" * (limit + 1), **HOSTILE}


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
    # given one caller per kind of access
    anonymous = client_for(app)
    person = client_for(app)
    officer = client_for(app)
    person_auth = await traveller(person)
    await step_up(person, person_auth)
    await inspector(officer, "F9001", roles=tuple(OFFICER_ROLES))
    core = build_schema()._schema
    failures: list[str] = []
    refused_past_limit: list[str] = []
    try:
        for case in _cases():
            req = case.requirement
            if req.level == Level.ANONYMOUS and not req.roles:
                client = anonymous
            elif req.roles and not (
                req.roles & {Role.PERSON, Role.ENTERPRISE_ADMIN, Role.DECLARANT}
            ):
                client = officer
            else:
                client = person
            field = core.get_type(case.root).fields[case.field]  # type: ignore[union-attr]
            document = _document(case.root, case.field, field)
            for label, value in _values(case).items():
                try:
                    variables = _variables(field, case.target, value)
                except LookupError:
                    continue
                # when
                response = await client.post(
                    "/graphql",
                    json={"query": document, "variables": variables},
                    headers={"accept-language": "en"},
                )
                # then
                where = f"{case.schema_path} [{'.'.join(case.target)}] {label}"
                if response.status_code >= 500:
                    failures.append(f"{where}: HTTP {response.status_code}")
                    continue
                codes = [
                    (e.get("extensions") or {}).get("code")
                    for e in response.json().get("errors") or []
                ]
                if "INTERNAL" in codes:
                    failures.append(f"{where}: INTERNAL")
                if label in ("nul", "control", "rtl_override", "past_limit") and codes[:1] != [
                    "BAD_USER_INPUT"
                ]:
                    refused_past_limit.append(f"{where}: {codes}")
    finally:
        for client in (anonymous, person, officer):
            await client.aclose()
    assert failures == []
    assert refused_past_limit == []
