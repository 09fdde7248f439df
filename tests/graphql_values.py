"""Well-formed GraphQL values for the schema walks (tests/test_input_fuzz.py,
tests/test_access_references.py).

A walk sends one value of interest (a hostile string, another person's id) and fills everything
else the operation requires with plain values. Those must be valid GraphQL for the operation,
or the call is refused as a malformed request (a validation or variable-coercion error) before
the value of interest reaches anything, and the walk proves nothing. So: every required input
field present (graphql-core marks "no default" with `Undefined`, not `None`), enums by name,
custom scalars in the form they parse, lists of one well-formed item.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLUnionType,
    Undefined,
    get_named_type,
    is_leaf_type,
)

# A plain value of every scalar the schema declares (a new scalar fails `plain` loudly).
SCALARS: dict[str, Any] = {
    "String": "x",
    "ID": "00000000-0000-4000-8000-000000000000",  # replaced by a fresh one per call
    "Int": 1,
    "Float": 1.0,
    "Boolean": False,
    "Date": "2026-12-10",
    "DateTime": "2026-12-10T10:00:00+08:00",
    "Time": "10:00:00",
    "Fen": 100,
}


def required(field: Any) -> bool:
    """Whether an argument or input field must be given (non-null and without a default)."""
    return isinstance(field.type, GraphQLNonNull) and field.default_value is Undefined


def plain(type_: GraphQLInputType, by_name: Mapping[str, str] | None = None) -> Any:
    """A well-formed value of the type: every required input field filled with a plain value
    (`by_name[field]` instead, for a String field of that name)."""
    if isinstance(type_, GraphQLNonNull):
        return plain(type_.of_type, by_name)
    if isinstance(type_, GraphQLList):
        return [plain(type_.of_type, by_name)]
    if isinstance(type_, GraphQLEnumType):
        return next(iter(type_.values))
    if isinstance(type_, GraphQLInputObjectType):
        return {
            name: _named(name, f.type, by_name) for name, f in type_.fields.items() if required(f)
        }
    assert isinstance(type_, GraphQLScalarType), type_
    if type_.name == "ID":
        return str(uuid.uuid4())
    assert type_.name in SCALARS, f"no plain value for scalar {type_.name}: add it to SCALARS"
    return SCALARS[type_.name]


def _named(name: str, type_: GraphQLInputType, by_name: Mapping[str, str] | None) -> Any:
    value = plain(type_, by_name)
    if by_name and name in by_name and get_named_type(type_).name == "String":
        return [by_name[name]] if isinstance(value, list) else by_name[name]
    return value


def arguments(field: GraphQLField, by_name: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Plain values of the field's required arguments."""
    return {
        name: _named(name, arg.type, by_name) for name, arg in field.args.items() if required(arg)
    }


def put(
    holder: dict[str, Any],
    path: list[str],
    value: Any,
    type_: GraphQLInputType,
    by_name: Mapping[str, str] | None = None,
) -> None:
    """Put `value` at `path` (an argument, then input fields) of `holder`, the arguments,
    making any input object on the way (well-formed) when it is not there yet. A list on the
    way gets the value in its first item; a list at the end is given `[value]`, unless the
    value is already a list."""
    named = get_named_type(type_)
    head, rest = path[0], path[1:]
    if not rest:
        inner = type_.of_type if isinstance(type_, GraphQLNonNull) else type_
        wrap = isinstance(inner, GraphQLList) and not isinstance(value, list)
        holder[head] = [value] if wrap else value
        return
    assert isinstance(named, GraphQLInputObjectType), (path, type_)
    field_type = named.fields[rest[0]].type
    current = holder.get(head)
    if current is None:
        current = plain(type_, by_name)
        holder[head] = current
    target = current[0] if isinstance(current, list) else current
    put(target, rest, value, field_type, by_name)


def document(
    root: str, name: str, field: GraphQLField, selection: str, given: Iterable[str]
) -> str:
    """`query`/`mutation` calling the field with the `given` arguments, each as a variable of
    its type (the others are left out: their defaults apply)."""
    names = [a for a in field.args if a in set(given)]
    declared = ", ".join(f"${a}: {field.args[a].type}" for a in names)
    passed = ", ".join(f"{a}: ${a}" for a in names)
    operation = "query" if root == "Query" else "mutation"
    head = f"{operation}({declared})" if declared else operation
    call = f"{name}({passed})" if passed else name
    return f"{head} {{ {call}{selection} }}"


def selection(type_: Any) -> str:
    """`__typename`, and the code and field of every error result, so a refusal can be judged."""
    named = get_named_type(type_)
    if is_leaf_type(named):
        return ""
    members = named.types if isinstance(named, GraphQLUnionType) else [named]
    parts = ["__typename"]
    for member in members:
        assert isinstance(member, GraphQLObjectType)
        # aliased: members' `code` fields have different enum types
        wanted = [f"{f}_{member.name}: {f}" for f in ("code", "field") if f in member.fields]
        if "applicationCode" in member.fields:
            wanted.append(f"code_{member.name}: applicationCode")
        if "nodes" in member.fields:
            wanted.append("nodes { __typename }")
        if "errors" in member.fields and member.name == "ValidationError":
            wanted.append("errors { field code }")
        if wanted:
            parts.append(f"... on {member.name} {{ {' '.join(wanted)} }}")
    return " { " + " ".join(parts) + " }"


def malformed(body: dict[str, Any]) -> list[str]:
    """The errors that say the request itself was malformed, so nothing was executed: GraphQL
    validation errors and graphql-core's own messages (no code), and variables that do not fit
    their declared types (BAD_USER_INPUT with graphql-core's "Variable '$…' got invalid value"
    in `detail`, schema.py `_bad_variables`)."""
    found = []
    for error in body.get("errors") or []:
        extensions = error.get("extensions") or {}
        code = extensions.get("code")
        detail = str(extensions.get("detail") or "")
        if code is None or (code == "BAD_USER_INPUT" and detail.startswith("Variable '$")):
            found.append(detail or str(error.get("message")))
    return found
