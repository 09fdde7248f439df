"""Applications use documents from the vault; the vault asks applications who may see them."""

from __future__ import annotations

import httpx
from starlette.applications import Starlette

from palm_customs.applications.models import Application
from palm_customs.catalogue.models import MaterialType
from palm_customs.catalogue.services import seed_catalogue
from palm_customs.identity.models import Officer
from tests.conftest import ORIGIN, graphql
from tests.declarations.flows import inspector, key, traveller
from tests.documents.files import jpeg_with_gps
from tests.documents.flows import DELETE, upload, uploaded

SUBMIT = """
mutation($form: [FormValueInput!]!, $materials: [MaterialRefInput!]!, $key: String!) {
  applicationSubmit(itemCode: "PETS_ENTRY", formData: $form, materials: $materials, idempotencyKey: $key) {
    __typename ... on ApplicationDone { applicationId }
    ... on ValidationError { errors { field code } }
  }
}
"""
FORM = [
    {"element": "APPLICANT_NAME", "value": "王小明"},
    {"element": "PET_SPECIES", "value": "dog"},
    {"element": "MICROCHIP_NO", "value": "985112003456789"},
    {"element": "ARRIVAL_DATE", "value": "2026-12-20"},
]
MATERIALS = ("PASSPORT", "PET_HEALTH_CERT", "RABIES_VACCINATION", "MICROCHIP_RECORD")


def _client(app: Starlette) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=ORIGIN, headers={"origin": ORIGIN}
    )


async def _documents(client: httpx.AsyncClient) -> dict[str, str]:
    ids = {}
    for index, material in enumerate(MATERIALS):
        ids[material] = uploaded(
            await upload(
                client,
                jpeg_with_gps((index * 40, 90, 160)),
                material=material,
                expiryDate="2030-01-01",
            )
        )["id"]
    return ids


async def test_an_application_with_vault_documents_and_who_may_see_them(
    client: httpx.AsyncClient, app: Starlette
) -> None:
    # given a traveller with four documents in the vault
    await seed_catalogue()
    await traveller(client)
    documents = await _documents(client)
    # when they apply with them
    body = await graphql(
        client,
        SUBMIT,
        {
            "form": FORM,
            "key": key(),
            "materials": [{"material": m, "documentId": d} for m, d in documents.items()],
        },
    )
    # then
    assert body["data"]["applicationSubmit"]["__typename"] == "ApplicationDone", body  # type: ignore[index]
    passport = documents["PASSPORT"]
    async with _client(app) as reviewer, _client(app) as other_department, _client(app) as stranger:
        await inspector(reviewer, badge="Q1001", roles=("reviewer",))
        await inspector(other_department, badge="Q1002", roles=("reviewer",))
        await Officer.filter(badge_number="Q1001").update(unit="quarantine")
        await Officer.filter(badge_number="Q1002").update(unit="tariff")
        await traveller(stranger, n=2)
        # the quarantine reviewer may open the passport scan; nobody else
        assert (await reviewer.get(f"/files/{passport}")).status_code == 200
        assert (await other_department.get(f"/files/{passport}")).status_code == 404
        assert (await stranger.get(f"/files/{passport}")).status_code == 404
    # and the document cannot be deleted while the application relies on it
    refused = await graphql(client, DELETE, {"id": passport})
    assert refused["data"]["documentDelete"]["__typename"] == "DocumentError"  # type: ignore[index]


async def test_someone_elses_document_cannot_be_attached(
    client: httpx.AsyncClient, app: Starlette
) -> None:
    await seed_catalogue()
    async with _client(app) as owner:
        await traveller(owner, n=2)
        theirs = await _documents(owner)
    await traveller(client)
    body = await graphql(
        client,
        SUBMIT,
        {
            "form": FORM,
            "key": key(),
            "materials": [{"material": m, "documentId": d} for m, d in theirs.items()],
        },
    )
    errors = {e["field"] for e in body["data"]["applicationSubmit"]["errors"]}  # type: ignore[index]
    assert "input.materials.0.documentId" in errors
    assert await Application.all().count() == 0


MATERIAL_SAVE = """
mutation($code: String!, $input: MaterialTypeInput!) {
  materialTypeSave(code: $code, input: $input) {
    __typename ... on MaterialTypeSaved { itemsRepublished { code version } }
  }
}
"""


async def test_documents_are_judged_by_the_material_rules_frozen_into_the_item_version(
    client: httpx.AsyncClient, app: Starlette
) -> None:
    # given a traveller's JPEG scans, and the passport type changed to PDF only after the pets
    # item's current version froze its rules (JPEG accepted)
    await seed_catalogue()
    await traveller(client)
    documents = await _documents(client)
    passport = await MaterialType.get(code="PASSPORT")
    assert "jpeg" in passport.accepted_formats
    await MaterialType.filter(code="PASSPORT").update(accepted_formats=["pdf"])
    materials = [{"material": m, "documentId": d} for m, d in documents.items()]
    # when they apply under that version
    body = await graphql(client, SUBMIT, {"form": FORM, "key": key(), "materials": materials})
    # then the version's rules decide: the JPEG passport scan is accepted
    assert body["data"]["applicationSubmit"]["__typename"] == "ApplicationDone", body  # type: ignore[index]

    # when an administrator makes the same change through the catalogue, which publishes a new
    # version of every item asking for the type
    await MaterialType.filter(code="PASSPORT").update(accepted_formats=passport.accepted_formats)
    async with _client(app) as admin:
        await inspector(admin, badge="A3001", roles=("administrator",))
        saved = await graphql(
            admin,
            MATERIAL_SAVE,
            {
                "code": "PASSPORT",
                "input": {
                    "name": {
                        "zhHans": passport.names["zh-Hans"],
                        "zhHant": passport.names["zh-Hant"],
                        "en": passport.names["en"],
                    },
                    "acceptedFormats": ["pdf"],
                    "maxBytes": passport.max_bytes,
                    "originalOnSite": passport.original_on_site,
                    "reusable": passport.reusable,
                    "requiresValidity": passport.requires_validity,
                },
            },
        )
    republished = saved["data"]["materialTypeSave"]["itemsRepublished"]  # type: ignore[index]
    assert "PETS_ENTRY" in {i["code"] for i in republished}, saved
    # then a new application under the new version refuses the JPEG passport scan
    again = await graphql(client, SUBMIT, {"form": FORM, "key": key(), "materials": materials})
    errors = {e["field"] for e in again["data"]["applicationSubmit"]["errors"]}  # type: ignore[index]
    assert errors == {"input.materials.0.documentId", "input.materials.PASSPORT"}
    assert await Application.all().count() == 1
