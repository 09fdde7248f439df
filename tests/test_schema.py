from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from strawberry.types.base import StrawberryObjectDefinition

from palm_customs.app import create_app
from palm_customs.core.permissions import declared_requirement
from palm_customs.schema import build_schema, export_sdl
from tests.conftest import ORIGIN, make_settings

REPO = Path(__file__).resolve().parents[1]


def test_committed_schema_is_exactly_the_export() -> None:
    # given
    committed = (REPO / "schema.graphql").read_text()
    # then
    assert committed == export_sdl() + "\n", "run: palm-customs export-schema > schema.graphql"


def test_every_root_field_declares_its_access() -> None:
    # given
    schema = build_schema()
    undeclared = []
    # when
    for root in ("Query", "Mutation", "Subscription"):
        definition = schema.get_type_by_name(root)
        assert isinstance(definition, StrawberryObjectDefinition)
        for field in definition.fields:
            if declared_requirement(field.extensions) is None:
                undeclared.append(f"{root}.{field.python_name}")
    # then
    assert undeclared == []


def test_the_published_schema_shows_each_fields_access_level() -> None:
    sdl = export_sdl()
    assert (
        "feedbackSubmit(input: FeedbackSubmitInput!): FeedbackSubmitResult! @access(level: 0" in sdl
    )


@pytest.mark.parametrize(("env", "introspection_allowed"), [("production", False), ("test", True)])
async def test_introspection_is_off_in_production(
    migrated: str, var_dir: Path, env: str, introspection_allowed: bool
) -> None:
    # given
    overrides = {"PALM_ENV": env}
    if env == "production":
        overrides |= {
            "PUBLIC_ORIGIN": "https://palm.example",
            "SECRET_KEY": "x" * 40,
            "VAPID_PRIVATE_KEY": "unused-in-this-test",
            "VAPID_PUBLIC_KEY": "unused-in-this-test",
            "VAPID_SUBJECT": "mailto:ops@palm.example",
        }
    origin = overrides.get("PUBLIC_ORIGIN", ORIGIN)
    application = create_app(make_settings(migrated, var_dir, **overrides))
    transport = httpx.ASGITransport(app=application)
    async with httpx.AsyncClient(
        transport=transport, base_url=origin, headers={"origin": origin}
    ) as http:
        # when
        introspection = await http.post(
            "/graphql", json={"query": "{ __schema { types { name } } }"}
        )
        typo = await http.post("/graphql", json={"query": "{ serverInf { version } }"})
    # then
    assert ("errors" not in introspection.json()) is introspection_allowed
    suggested = "Did you mean" in typo.json()["errors"][0]["message"]
    assert suggested is introspection_allowed
