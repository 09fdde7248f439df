from __future__ import annotations

import json
import uuid

import httpx
from starlette.applications import Starlette

from palm_customs.applications.models import ApplicationDraft
from palm_customs.catalogue.services import seed_catalogue
from palm_customs.core.drafts import MAX_DRAFT_BYTES
from palm_customs.core.models import AuditEvent
from palm_customs.identity.models import (
    Enterprise,
    EnterpriseMembership,
    EnterpriseRole,
    MembershipStatus,
)
from tests.conftest import ORIGIN, graphql
from tests.declarations.flows import key, traveller
from tests.documents.flows import account_of
from tests.identity.flows import sign_in

SAVE = """
mutation($item: String!, $base: Int!, $data: String!, $device: String!, $enterprise: ID) {
  applicationDraftSave(itemCode: $item, baseVersion: $base, dataJson: $data, device: $device,
                       enterpriseId: $enterprise) {
    __typename
    ... on ApplicationDraftSaved { draft { id itemCode enterpriseId version dataJson device } }
    ... on ApplicationDraftConflictError { code message serverVersion serverDataJson device }
    ... on ApplicationError { applicationCode message field }
    ... on ValidationError { errors { field code } }
  }
}
"""
MINE = "{ myApplicationDrafts { itemCode itemName { en } version dataJson device enterpriseId } }"
DELETE = """
mutation($item: String!) {
  applicationDraftDelete(itemCode: $item) {
    __typename ... on ApplicationDraftDeleted { itemCode } ... on ApplicationError { applicationCode }
  }
}
"""
SUBMIT = """
mutation($item: String!, $form: [FormValueInput!]!, $key: String!) {
  applicationSubmit(itemCode: $item, formData: $form, materials: [], idempotencyKey: $key) {
    __typename
  }
}
"""
FORM = [
    {"element": "APPLICANT_NAME", "value": "王小明"},
    {"element": "CONTACT_PHONE", "value": "+86 138 0013 8000"},
    {"element": "GOODS_DESCRIPTION", "value": "请问携带无人机入境需要申报吗？"},
]
ITEM = "CUSTOMS_ENQUIRY"


def _client(app: Starlette) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=ORIGIN, headers={"origin": ORIGIN}
    )


async def _save(
    client: httpx.AsyncClient,
    data: dict[str, object],
    *,
    base: int,
    device: str = "phone",
    item: str = ITEM,
    enterprise: str | None = None,
) -> dict[str, object]:
    body = await graphql(
        client,
        SAVE,
        {
            "item": item,
            "base": base,
            "data": json.dumps(data),
            "device": device,
            "enterprise": enterprise,
        },
    )
    assert "errors" not in body, body
    result: dict[str, object] = body["data"]["applicationDraftSave"]  # type: ignore[index]
    return result


async def _mine(client: httpx.AsyncClient) -> list[dict[str, object]]:
    body = await graphql(client, MINE)
    return body["data"]["myApplicationDrafts"]  # type: ignore[index,no-any-return]


async def test_a_draft_started_on_one_device_is_continued_on_another(
    client: httpx.AsyncClient, app: Starlette
) -> None:
    # given a draft saved from the phone
    await seed_catalogue()
    auth = await traveller(client)
    first = await _save(client, {"form": {"APPLICANT_NAME": "王小明"}}, base=0, device="phone")
    assert first["__typename"] == "ApplicationDraftSaved"
    assert first["draft"]["version"] == 1  # type: ignore[index]
    async with _client(app) as tablet:
        await sign_in(tablet, auth)
        # when the tablet lists the drafts and saves an edit from version 1
        listed = await _mine(tablet)
        edited = await _save(
            tablet, {"form": {"APPLICANT_NAME": "王小红"}}, base=1, device="tablet"
        )
    # then it saw the phone's copy and moved the draft to version 2
    assert listed == [
        {
            "itemCode": ITEM,
            "itemName": {"en": "Customs enquiry"},
            "version": 1,
            "dataJson": json.dumps({"form": {"APPLICANT_NAME": "王小明"}}, ensure_ascii=False),
            "device": "phone",
            "enterpriseId": None,
        }
    ]
    assert edited["draft"]["version"] == 2  # type: ignore[index]
    row = await ApplicationDraft.get()
    assert (row.version, row.data, row.device) == (
        2,
        {"form": {"APPLICANT_NAME": "王小红"}},
        "tablet",
    )
    assert await AuditEvent.filter(operation="applicationDraftSave", outcome="OK").count() == 2


async def test_a_stale_save_is_a_conflict_carrying_the_server_copy_and_overwrites_nothing(
    client: httpx.AsyncClient,
) -> None:
    # given version 2 on the server, saved by the tablet
    await seed_catalogue()
    await traveller(client)
    await _save(client, {"step": "phone"}, base=0, device="phone")
    await _save(client, {"step": "tablet"}, base=1, device="tablet")
    # when the phone saves what it edited from version 1
    stale = await _save(client, {"step": "phone again"}, base=1, device="phone")
    # then it is told what the server holds, and the server copy is unchanged
    assert stale == {
        "__typename": "ApplicationDraftConflictError",
        "code": "DRAFT_CONFLICT",
        "message": "This application draft was changed on another device. "
        "Choose which version to keep.",
        "serverVersion": 2,
        "serverDataJson": json.dumps({"step": "tablet"}),
        "device": "tablet",
    }
    row = await ApplicationDraft.get()
    assert (row.version, row.data) == (2, {"step": "tablet"})
    # and keeping "mine" is a save from the version the person has now seen
    kept = await _save(client, {"step": "phone again"}, base=2, device="phone")
    assert kept["draft"]["version"] == 3  # type: ignore[index]
    assert (await ApplicationDraft.get()).data == {"step": "phone again"}


async def test_a_second_new_draft_for_the_same_item_is_a_conflict_not_a_second_draft(
    client: httpx.AsyncClient,
) -> None:
    await seed_catalogue()
    await traveller(client)
    await _save(client, {"from": "phone"}, base=0, device="phone")
    # when another device starts its own draft of the same item
    second = await _save(client, {"from": "laptop"}, base=0, device="laptop")
    # then
    assert second["__typename"] == "ApplicationDraftConflictError"
    assert second["serverVersion"] == 1
    assert await ApplicationDraft.all().count() == 1


async def test_another_persons_drafts_are_invisible_and_untouchable(
    client: httpx.AsyncClient, app: Starlette
) -> None:
    # given someone's draft
    await seed_catalogue()
    await traveller(client)
    await _save(client, {"secret": "mine"}, base=0)
    async with _client(app) as other:
        await traveller(other, n=2)
        # when another person lists, saves and deletes for the same item
        listed = await _mine(other)
        saved = await _save(other, {"theirs": True}, base=0)
        deleted = await graphql(other, DELETE, {"item": ITEM})
        listed_after = await _mine(other)
    # then they only ever see and change their own
    assert listed == []
    assert saved["__typename"] == "ApplicationDraftSaved"
    assert deleted["data"]["applicationDraftDelete"]["__typename"] == "ApplicationDraftDeleted"  # type: ignore[index]
    assert listed_after == []
    first = await account_of(1)
    row = await ApplicationDraft.get(account_id=first.id)
    assert row.data == {"secret": "mine"}
    assert [d["dataJson"] for d in await _mine(client)] == [json.dumps({"secret": "mine"})]


async def test_drafts_need_a_session(client: httpx.AsyncClient) -> None:
    await seed_catalogue()
    body = await graphql(client, MINE)
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"  # type: ignore[index]


async def test_a_draft_for_an_enterprise_needs_an_active_membership(
    client: httpx.AsyncClient,
) -> None:
    # given an enterprise the person is only invited to
    await seed_catalogue()
    await traveller(client)
    enterprise = await Enterprise.create(
        id=uuid.uuid4(), name="上海测试贸易有限公司", uscc="91310000MA1FL0000X"
    )
    membership = await EnterpriseMembership.create(
        id=uuid.uuid4(),
        enterprise=enterprise,
        account=await account_of(1),
        role=EnterpriseRole.DECLARANT,
        status=MembershipStatus.INVITED,
    )
    # when saving for it while invited, then while active
    refused = await _save(client, {"a": 1}, base=0, enterprise=str(enterprise.id))
    membership.status = MembershipStatus.ACTIVE
    await membership.save()
    accepted = await _save(client, {"a": 1}, base=0, enterprise=str(enterprise.id))
    listed_while_member = await _mine(client)
    membership.status = MembershipStatus.REMOVED
    await membership.save()
    listed_after_leaving = await _mine(client)
    # then
    assert refused["__typename"] == "ApplicationError"
    assert (refused["applicationCode"], refused["field"]) == ("NOT_A_MEMBER", "enterpriseId")
    assert accepted["draft"]["enterpriseId"] == str(enterprise.id)  # type: ignore[index]
    assert [d["enterpriseId"] for d in listed_while_member] == [str(enterprise.id)]
    assert listed_after_leaving == []
    assert (
        await AuditEvent.filter(operation="applicationDraftSave", outcome="not_a_member").count()
        == 1
    )


async def test_an_oversized_or_malformed_draft_is_refused_and_nothing_is_stored(
    client: httpx.AsyncClient,
) -> None:
    await seed_catalogue()
    await traveller(client)
    # when
    large = await _save(client, {"text": "x" * MAX_DRAFT_BYTES}, base=0)
    body = await graphql(
        client, SAVE, {"item": ITEM, "base": 0, "data": "[1, 2]", "device": "phone"}
    )
    malformed = body["data"]["applicationDraftSave"]  # type: ignore[index]
    unknown = await _save(client, {"a": 1}, base=0, item="NO_SUCH_ITEM")
    onsite = await _save(client, {"a": 1}, base=0, item="CULTURAL_RELIC_EXIT")
    # then
    assert (large["applicationCode"], large["field"]) == ("DRAFT_TOO_LARGE", "dataJson")
    assert malformed["errors"] == [{"field": "dataJson", "code": "INVALID_FORMAT"}]
    assert unknown["applicationCode"] == "ITEM_NOT_FOUND"
    assert onsite["applicationCode"] == "NOT_ONLINE"
    assert await ApplicationDraft.all().count() == 0
    # and just under the limit is fine
    fits = await _save(client, {"text": "x" * (MAX_DRAFT_BYTES - 100)}, base=0)
    assert fits["__typename"] == "ApplicationDraftSaved"


async def test_submitting_the_application_removes_its_draft_only(
    client: httpx.AsyncClient,
) -> None:
    # given drafts for two items
    await seed_catalogue()
    await traveller(client)
    await _save(client, {"form": {}}, base=0, item=ITEM)
    await _save(client, {"form": {}}, base=0, item="PRE_CLASSIFICATION")
    # when the enquiry is submitted
    body = await graphql(client, SUBMIT, {"item": ITEM, "form": FORM, "key": key()})
    # then its draft is gone and the other stays
    assert body["data"]["applicationSubmit"]["__typename"] == "ApplicationDone"  # type: ignore[index]
    assert [d["itemCode"] for d in await _mine(client)] == ["PRE_CLASSIFICATION"]


async def test_a_deleted_draft_is_gone_and_deleting_again_says_not_found(
    client: httpx.AsyncClient,
) -> None:
    await seed_catalogue()
    await traveller(client)
    await _save(client, {"a": 1}, base=0)
    first = await graphql(client, DELETE, {"item": ITEM})
    again = await graphql(client, DELETE, {"item": ITEM})
    assert first["data"]["applicationDraftDelete"] == {  # type: ignore[index]
        "__typename": "ApplicationDraftDeleted",
        "itemCode": ITEM,
    }
    assert again["data"]["applicationDraftDelete"]["applicationCode"] == "NOT_FOUND"  # type: ignore[index]
    assert await ApplicationDraft.all().count() == 0
