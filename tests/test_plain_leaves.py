"""The executor's short path for plain leaf fields (schema.py PalmExecutionContext) answers
exactly what graphql-core's general path answers: values, nulls and located errors."""

from __future__ import annotations

import enum
from typing import Any

import pytest
import strawberry
from graphql import GraphQLSchema
from strawberry.permission import BasePermission

from palm_customs.schema import PalmExecutionContext, build_schema, plain_leaf_fields


@strawberry.enum
class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


class Never(BasePermission):
    message = "no"

    def has_permission(self, source: Any, info: Any, **kwargs: Any) -> bool:
        return False


@strawberry.type
class Item:
    name: str
    note: str | None
    colour: Colour
    count: int
    secret: str = strawberry.field(permission_classes=[Never], default="hidden")

    @strawberry.field
    def shout(self, times: int = 1) -> str:
        return self.name.upper() * times

    @strawberry.field
    def broken(self) -> str:
        raise ValueError("boom")


class Raises:
    """An object whose attribute read fails: the general path must report it."""

    note = None
    colour = Colour.RED
    count = 1

    @property
    def name(self) -> str:
        raise RuntimeError("cannot read")


@strawberry.type
class Query:
    @strawberry.field
    def items(self) -> list[Item]:
        return [
            Item(name="a", note=None, colour=Colour.BLUE, count=2),
            Item(name=None, note="n", colour=Colour.RED, count=3),  # type: ignore[arg-type]
            Item(name="c", note="x", colour="green", count=4),  # type: ignore[arg-type]
            Item(name="d", note="y", colour=Colour.RED, count="many"),  # type: ignore[arg-type]
        ]

    @strawberry.field
    def odd(self) -> Item | None:
        return Raises()  # type: ignore[return-value]


def _schemas() -> tuple[strawberry.Schema, strawberry.Schema]:
    general = strawberry.Schema(query=Query)
    short = strawberry.Schema(query=Query)
    short.execution_context_class = type(
        "Short", (PalmExecutionContext,), {"plain_leaves": plain_leaf_fields(short._schema)}
    )
    return general, short


def test_only_fields_that_read_an_attribute_take_the_short_path() -> None:
    _, short = _schemas()
    found = plain_leaf_fields(short._schema)
    assert set(found) == {
        ("Item", "name"),
        ("Item", "note"),
        ("Item", "colour"),
        ("Item", "count"),
    }  # not `secret` (a permission), `shout` (arguments), `broken` (a resolver)


@pytest.mark.parametrize(
    "query",
    [
        "{ items { name note colour count } }",
        "{ items { note colour count shout(times: 2) secret } }",
        "{ items { name broken } }",
        "{ odd { name note colour count } }",
        "{ odd { note count } }",
    ],
)
async def test_the_short_path_answers_as_graphql_core(query: str) -> None:
    general, short = _schemas()
    expected = await general.execute(query)
    got = await short.execute(query)
    assert got.data == expected.data
    assert [(e.message, e.path, e.locations) for e in got.errors or []] == [
        (e.message, e.path, e.locations) for e in expected.errors or []
    ]


def test_the_app_schema_uses_it_and_never_for_a_field_with_access() -> None:
    schema = build_schema()
    plain = schema.execution_context_class.plain_leaves  # type: ignore[attr-defined]
    assert ("Port", "code") in plain
    graphql_schema: GraphQLSchema = schema._schema
    for type_name, field_name in plain:
        field = graphql_schema.type_map[type_name].fields[field_name]  # type: ignore[union-attr]
        definition = field.extensions["strawberry-definition"]
        assert not definition.extensions
        assert not definition.base_resolver
        assert not field.args
