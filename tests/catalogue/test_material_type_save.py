from __future__ import annotations

from datetime import timedelta

import httpx
from starlette.applications import Starlette

from palm_customs.applications.models import Application
from palm_customs.catalogue.models import MaterialType, ServiceItem, ServiceItemVersion
from palm_customs.catalogue.services import seed_catalogue
from palm_customs.core import clock
from palm_customs.core.models import AuditEvent
from palm_customs.identity.models import Session
from tests.conftest import ORIGIN, graphql
from tests.declarations.flows import inspector, key, traveller

SAVE = """
mutation($code: String!, $input: MaterialTypeInput!) {
  materialTypeSave(code: $code, input: $input) {
    __typename
    ... on MaterialTypeSaved {
      created
      material { code name { zhHans zhHant en } acceptedFormats maxBytes originalOnSite reusable
                 requiresValidity }
      itemsRepublished { code version }
    }
    ... on ValidationError { errors { field code message } }
  }
}
"""
TYPES = "{ materialTypes { code maxBytes acceptedFormats } }"
ITEM_UPDATE = """
mutation($code: String!, $input: ServiceItemUpdateInput!) {
  serviceItemUpdate(code: $code, input: $input) { ... on ServiceItemUpdated { item { version } } }
}
"""
SUBMIT = """
mutation($form: [FormValueInput!]!, $key: String!) {
  applicationSubmit(itemCode: "CUSTOMS_ENQUIRY", formData: $form, materials: [],
                    idempotencyKey: $key) {
    __typename ... on ApplicationDone { applicationId }
  }
}
"""
FORM = [
    {"element": "APPLICANT_NAME", "value": "王小明"},
    {"element": "CONTACT_PHONE", "value": "+86 138 0013 8000"},
    {"element": "GOODS_DESCRIPTION", "value": "请问携带无人机入境需要申报吗？"},
]


def material(**overrides: object) -> dict[str, object]:
    value: dict[str, object] = {
        "name": {"zhHans": "无人机照片", "zhHant": "無人機照片", "en": "Drone photo"},
        "acceptedFormats": ["jpeg", "png"],
        "maxBytes": 5 * 1024 * 1024,
        "originalOnSite": False,
        "reusable": True,
        "requiresValidity": False,
    }
    value.update(overrides)
    return value


def _client(app: Starlette) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=ORIGIN, headers={"origin": ORIGIN}
    )


async def _items_asking_for(code: str) -> list[str]:
    return sorted(
        i.code
        for i in await ServiceItem.all()
        if any(m["material"] == code for m in i.data["materials"])
    )


async def test_an_administrator_creates_a_material_type(client: httpx.AsyncClient) -> None:
    # given
    await seed_catalogue()
    await inspector(client, badge="A2101", roles=("administrator",))
    # when
    body = await graphql(client, SAVE, {"code": "drone_photo", "input": material()})
    # then
    saved = body["data"]["materialTypeSave"]  # type: ignore[index]
    assert saved["created"] is True
    assert saved["material"]["code"] == "DRONE_PHOTO"
    assert saved["material"]["acceptedFormats"] == ["jpeg", "png"]
    assert saved["itemsRepublished"] == []
    listed = (await graphql(client, TYPES))["data"]["materialTypes"]  # type: ignore[index]
    assert {
        "code": "DRONE_PHOTO",
        "maxBytes": 5 * 1024 * 1024,
        "acceptedFormats": ["jpeg", "png"],
    } in listed
    event = await AuditEvent.get(operation="materialTypeSave")
    assert (event.outcome, event.target_ids) == ("OK", ["material_type:DRONE_PHOTO"])


async def test_editing_a_material_publishes_new_item_versions_and_applications_keep_theirs(
    client: httpx.AsyncClient, app: Starlette
) -> None:
    # given the enquiry at version 2 asking for optional photos, and an application under it
    await seed_catalogue()
    await inspector(client, badge="A2102", roles=("administrator",))
    added = await graphql(
        client,
        ITEM_UPDATE,
        {
            "code": "CUSTOMS_ENQUIRY",
            "input": {"materials": [{"material": "PRODUCT_PHOTOS", "required": False}]},
        },
    )
    assert added["data"]["serviceItemUpdate"]["item"]["version"] == 2  # type: ignore[index]
    async with _client(app) as person:
        await traveller(person)
        done = await graphql(person, SUBMIT, {"form": FORM, "key": key()})
    application_id = done["data"]["applicationSubmit"]["applicationId"]  # type: ignore[index]
    before = await Application.get(id=application_id)
    photos = await MaterialType.get(code="PRODUCT_PHOTOS")
    asking = await _items_asking_for("PRODUCT_PHOTOS")
    assert "CUSTOMS_ENQUIRY" in asking
    # when the administrator narrows the photos' formats and size
    body = await graphql(
        client,
        SAVE,
        {
            "code": "PRODUCT_PHOTOS",
            "input": material(acceptedFormats=["jpeg"], maxBytes=1024 * 1024),
        },
    )
    # then every item asking for it is at a new version with the new rules frozen in
    saved = body["data"]["materialTypeSave"]  # type: ignore[index]
    assert saved["created"] is False
    assert saved["material"]["name"]["en"] == "Drone photo"
    republished = {i["code"]: i["version"] for i in saved["itemsRepublished"]}
    assert sorted(republished) == asking
    assert republished["CUSTOMS_ENQUIRY"] == 3
    enquiry = await ServiceItem.get(code="CUSTOMS_ENQUIRY")
    assert enquiry.version == 3
    assert enquiry.data["materials"] == [
        {
            "material": "PRODUCT_PHOTOS",
            "required": False,
            "type": {
                "names": {"zh-Hans": "无人机照片", "zh-Hant": "無人機照片", "en": "Drone photo"},
                "accepted_formats": ["jpeg"],
                "max_bytes": 1024 * 1024,
                "original_on_site": False,
                "reusable": True,
                "requires_validity": False,
            },
        }
    ]
    # and version 2 and the application made under it keep the rules it was checked against
    old_spec = {
        "names": dict(photos.names),
        "accepted_formats": list(photos.accepted_formats),
        "max_bytes": photos.max_bytes,
        "original_on_site": photos.original_on_site,
        "reusable": photos.reusable,
        "requires_validity": photos.requires_validity,
    }
    version_2 = await ServiceItemVersion.get(code="CUSTOMS_ENQUIRY", version=2)
    assert version_2.data["materials"][0]["type"] == old_spec
    after = await Application.get(id=application_id)
    assert (after.item_version, after.item_snapshot) == (2, before.item_snapshot)
    assert after.item_snapshot["materials"][0]["type"] == old_spec
    # and the audit event names the material and every new item version
    event = await AuditEvent.get(operation="materialTypeSave")
    assert event.target_ids[0] == "material_type:PRODUCT_PHOTOS"
    assert sorted(event.target_ids[1:]) == sorted(
        f"service_item:{c}@{v}" for c, v in republished.items()
    )


async def test_saving_a_material_unchanged_publishes_nothing(client: httpx.AsyncClient) -> None:
    await seed_catalogue()
    photo = await MaterialType.get(code="PASSPORT")
    await inspector(client, badge="A2103", roles=("administrator",))
    body = await graphql(
        client,
        SAVE,
        {
            "code": "PASSPORT",
            "input": {
                "name": {
                    "zhHans": photo.names["zh-Hans"],
                    "zhHant": photo.names["zh-Hant"],
                    "en": photo.names["en"],
                },
                "acceptedFormats": photo.accepted_formats,
                "maxBytes": photo.max_bytes,
                "originalOnSite": photo.original_on_site,
                "reusable": photo.reusable,
                "requiresValidity": photo.requires_validity,
            },
        },
    )
    assert body["data"]["materialTypeSave"]["itemsRepublished"] == []  # type: ignore[index]
    assert await ServiceItem.filter(version__gt=1).count() == 0


async def test_only_administrators_with_a_fresh_step_up_edit_materials(
    client: httpx.AsyncClient,
) -> None:
    await seed_catalogue()
    # a person
    await traveller(client)
    person = await graphql(client, SAVE, {"code": "PASSPORT", "input": material()})
    client.cookies.clear()
    # an officer who is not an administrator
    await inspector(client, badge="T2104")
    officer = await graphql(client, SAVE, {"code": "PASSPORT", "input": material()})
    client.cookies.clear()
    # nobody
    anonymous = await graphql(client, SAVE, {"code": "PASSPORT", "input": material()})
    assert person["errors"][0]["extensions"]["code"] == "FORBIDDEN"  # type: ignore[index]
    assert officer["errors"][0]["extensions"]["code"] == "FORBIDDEN"  # type: ignore[index]
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"  # type: ignore[index]
    assert (await MaterialType.get(code="PASSPORT")).names["en"] != "Drone photo"
    assert await ServiceItem.filter(version__gt=1).count() == 0
    assert await AuditEvent.filter(operation="materialTypeSave", outcome="OK").count() == 0


async def test_a_stale_step_up_is_asked_to_confirm_again(client: httpx.AsyncClient) -> None:
    # given an administrator whose last passkey confirmation is six minutes old
    await seed_catalogue()
    await inspector(client, badge="A2106", roles=("administrator",))
    await Session.filter(ended_at=None).update(step_up_at=clock.now() - timedelta(minutes=6))
    # when
    body = await graphql(client, SAVE, {"code": "PASSPORT", "input": material()})
    # then
    assert body["errors"][0]["extensions"]["code"] == "STEP_UP_REQUIRED"  # type: ignore[index]
    assert (await MaterialType.get(code="PASSPORT")).names["en"] == "Passport"


async def test_every_bad_value_is_listed_at_once_and_nothing_is_saved(
    client: httpx.AsyncClient,
) -> None:
    await seed_catalogue()
    photo = await MaterialType.get(code="PASSPORT")
    await inspector(client, badge="A2105", roles=("administrator",))
    body = await graphql(
        client,
        SAVE,
        {
            "code": "PASSPORT",
            "input": material(
                name={"zhHans": "", "zhHant": "照片", "en": "x" * 201},
                acceptedFormats=["jpeg", "exe", "jpeg"],
                maxBytes=10,
            ),
        },
    )
    errors = body["data"]["materialTypeSave"]["errors"]  # type: ignore[index]
    assert {(e["field"], e["code"]) for e in errors} == {
        ("input.name.zhHans", "REQUIRED"),
        ("input.name.en", "TOO_LONG"),
        ("input.acceptedFormats.1", "INVALID_CHOICE"),
        ("input.acceptedFormats.2", "INVALID_CHOICE"),
        ("input.maxBytes", "OUT_OF_RANGE"),
    }
    assert all(e["message"] for e in errors)
    empty = await graphql(
        client, SAVE, {"code": "bad code!", "input": material(acceptedFormats=[])}
    )
    assert {(e["field"], e["code"]) for e in empty["data"]["materialTypeSave"]["errors"]} == {  # type: ignore[index]
        ("code", "INVALID_FORMAT"),
        ("input.acceptedFormats", "REQUIRED"),
    }
    assert (await MaterialType.get(code="PASSPORT")).accepted_formats == photo.accepted_formats
    assert await ServiceItem.filter(version__gt=1).count() == 0
    assert (
        await AuditEvent.filter(operation="materialTypeSave", outcome="validation_failed").count()
        == 2
    )
