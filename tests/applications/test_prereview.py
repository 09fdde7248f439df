from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from starlette.applications import Starlette

from palm_customs.applications.models import Application, Review
from palm_customs.catalogue.models import HandlingMode, ServiceCategory, ServiceItem
from palm_customs.catalogue.services import seed_catalogue
from palm_customs.core import clock
from palm_customs.core.models import AuditEvent
from palm_customs.identity.models import Session
from palm_customs.notifications.models import Notification
from tests.conftest import ORIGIN, graphql
from tests.declarations.flows import inspector, key, traveller

SUBMIT = """
mutation($item: String!, $form: [FormValueInput!]!, $key: String!) {
  applicationSubmit(itemCode: $item, formData: $form, materials: [], idempotencyKey: $key) {
    __typename ... on ApplicationDone { applicationId status }
    ... on ValidationError { errors { field code message } }
    ... on ApplicationError { applicationCode message field }
  }
}
"""
RESUBMIT = """
mutation($id: ID!, $form: [FormValueInput!]!) {
  applicationResubmit(applicationId: $id, formData: $form, materials: []) {
    __typename ... on ApplicationDone { status } ... on ApplicationError { applicationCode }
  }
}
"""
APPLICATION = """
query($id: ID!) { application(id: $id) { number status revision dueDate daysLeft paused
  corrections { target problem action department } reviews { level department status }
  timeline { kind } } }
"""
QUEUE = "{ reviewQueue { review { id level department status } application { number } changes { fields materials } claimedByMe } }"
CLAIM = "mutation($id: ID!) { reviewClaim(reviewId: $id) { __typename ... on ApplicationError { applicationCode } } }"
CORRECT = """
mutation($id: ID!, $items: [CorrectionItemInput!]!) {
  reviewCorrectionsSend(reviewId: $id, corrections: $items) {
    __typename ... on ApplicationDone { status } ... on ValidationError { errors { field code } }
    ... on ApplicationError { applicationCode }
  }
}
"""
DECIDE = """
mutation($id: ID!, $passed: Boolean!) {
  reviewDecide(reviewId: $id, passed: $passed) { __typename ... on ApplicationDone { status } ... on ApplicationError { applicationCode } }
}
"""
FORM = [
    {"element": "APPLICANT_NAME", "value": "王小明"},
    {"element": "CONTACT_PHONE", "value": "+86 138 0013 8000"},
    {"element": "GOODS_DESCRIPTION", "value": "请问携带无人机入境需要申报吗？"},
]


def _client(app: Starlette) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=ORIGIN, headers={"origin": ORIGIN}
    )


async def _two_department_item() -> None:
    """A test item reviewed in parallel by two departments, then at a second level."""
    base = await ServiceItem.get(code="CUSTOMS_ENQUIRY")
    data = {
        **base.data,
        "departments": ["tariff", "finance"],
        "review_levels": 2,
        "time_limit_days": 10,
    }
    await ServiceItem.create(
        code="TEST_TWO_DEPARTMENTS",
        category=ServiceCategory.TAX,
        handling_mode=HandlingMode.FULLY_ONLINE,
        data=data,
        search_text="test",
        updated_at=clock.now(),
    )


async def _submit(
    client: httpx.AsyncClient, item: str = "CUSTOMS_ENQUIRY", form: list | None = None
) -> str:  # type: ignore[type-arg]
    body = await graphql(client, SUBMIT, {"item": item, "form": form or FORM, "key": key()})
    result = body["data"]["applicationSubmit"]  # type: ignore[index]
    assert result["__typename"] == "ApplicationDone", result
    return result["applicationId"]  # type: ignore[no-any-return]


async def _queue(officer: httpx.AsyncClient) -> list[dict]:  # type: ignore[type-arg]
    return (await graphql(officer, QUEUE))["data"]["reviewQueue"]  # type: ignore[index,no-any-return]


async def test_the_form_is_checked_against_the_data_dictionary_all_at_once(
    client: httpx.AsyncClient,
) -> None:
    await seed_catalogue()
    await traveller(client)
    body = await graphql(
        client,
        SUBMIT,
        {
            "item": "CUSTOMS_ENQUIRY",
            "form": [
                {"element": "CONTACT_PHONE", "value": "call me"},
                {"element": "HACK", "value": "x"},
            ],
            "key": key(),
        },
    )
    errors = {(e["field"], e["code"]) for e in body["data"]["applicationSubmit"]["errors"]}  # type: ignore[index]
    assert errors == {
        ("input.formData.APPLICANT_NAME", "REQUIRED"),
        ("input.formData.GOODS_DESCRIPTION", "REQUIRED"),
        ("input.formData.CONTACT_PHONE", "INVALID_FORMAT"),
        ("input.formData.HACK", "INVALID_CHOICE"),
    }
    assert await Application.all().count() == 0


async def test_on_site_only_items_cannot_be_applied_for_online(client: httpx.AsyncClient) -> None:
    await seed_catalogue()
    await traveller(client)
    body = await graphql(client, SUBMIT, {"item": "CULTURAL_RELIC_EXIT", "form": [], "key": key()})
    assert body["data"]["applicationSubmit"]["applicationCode"] == "NOT_ONLINE"  # type: ignore[index]


async def test_submitting_twice_with_one_key_creates_one_application(
    client: httpx.AsyncClient,
) -> None:
    await seed_catalogue()
    await traveller(client)
    idempotency = key()
    first = await graphql(
        client, SUBMIT, {"item": "CUSTOMS_ENQUIRY", "form": FORM, "key": idempotency}
    )
    second = await graphql(
        client, SUBMIT, {"item": "CUSTOMS_ENQUIRY", "form": FORM, "key": idempotency}
    )
    assert first["data"] == second["data"]
    assert await Application.all().count() == 1


async def test_parallel_reviews_one_correction_list_resubmission_and_second_level(
    client: httpx.AsyncClient, app: Starlette
) -> None:
    # given an application reviewed in parallel by tariff and finance, then at level 2
    await seed_catalogue()
    await _two_department_item()
    await traveller(client)
    application_id = await _submit(client, item="TEST_TWO_DEPARTMENTS")
    async with _client(app) as tariff, _client(app) as finance, _client(app) as senior:
        await inspector(tariff, badge="R1001", roles=("reviewer",))
        await inspector(finance, badge="R1002", roles=("reviewer",))
        await inspector(senior, badge="R1003", roles=("senior_reviewer",))
        from palm_customs.identity.models import Officer

        await Officer.filter(badge_number="R1001").update(unit="tariff")
        await Officer.filter(badge_number="R1002").update(unit="finance")
        await Officer.filter(badge_number="R1003").update(unit="tariff")
        tariff_task = (await _queue(tariff))[0]
        finance_task = (await _queue(finance))[0]
        # when tariff asks for two corrections while finance is still reviewing
        await graphql(tariff, CLAIM, {"id": tariff_task["review"]["id"]})
        await graphql(finance, CLAIM, {"id": finance_task["review"]["id"]})
        sent = await graphql(
            tariff,
            CORRECT,
            {
                "id": tariff_task["review"]["id"],
                "items": [
                    {
                        "target": "field:GOODS_DESCRIPTION",
                        "problem": "型号不清楚",
                        "action": "写明无人机型号和重量",
                    },
                    {
                        "target": "field:CONTACT_PHONE",
                        "problem": "号码无法接通",
                        "action": "提供可接通的手机号",
                    },
                ],
            },
        )
        assert sent["data"]["reviewCorrectionsSend"]["status"] == "IN_REVIEW"  # type: ignore[index]
        still = (await graphql(client, APPLICATION, {"id": application_id}))["data"]["application"]  # type: ignore[index]
        assert still["status"] == "IN_REVIEW"
        assert still["corrections"] == []  # never drip-fed
        # and finance also finds one problem
        await graphql(
            finance,
            CORRECT,
            {
                "id": finance_task["review"]["id"],
                "items": [
                    {
                        "target": "field:APPLICANT_NAME",
                        "problem": "与证件不一致",
                        "action": "按证件填写全名",
                    },
                ],
            },
        )
        # then the applicant sees all three at once; the time limit is paused
        seen = (await graphql(client, APPLICATION, {"id": application_id}))["data"]["application"]  # type: ignore[index]
        assert seen["status"] == "CORRECTIONS_REQUIRED"
        assert {c["target"] for c in seen["corrections"]} == {
            "field:GOODS_DESCRIPTION",
            "field:CONTACT_PHONE",
            "field:APPLICANT_NAME",
        }
        assert seen["paused"] is True
        # resubmitting unchanged is refused; a fixed form is accepted
        unchanged = await graphql(client, RESUBMIT, {"id": application_id, "form": FORM})
        assert unchanged["data"]["applicationResubmit"]["applicationCode"] == "NOTHING_CHANGED"  # type: ignore[index]
        fixed = [
            {"element": "APPLICANT_NAME", "value": "王小明1"},
            {"element": "CONTACT_PHONE", "value": "+86 139 0000 0000"},
            {"element": "GOODS_DESCRIPTION", "value": "DJI Mini 4 Pro，249 克"},
        ]
        resubmitted = await graphql(client, RESUBMIT, {"id": application_id, "form": fixed})
        assert resubmitted["data"]["applicationResubmit"]["status"] == "IN_REVIEW"  # type: ignore[index]
        # the reviewer sees what changed
        again = (await _queue(tariff))[0]
        assert again["changes"]["fields"] == [
            "APPLICANT_NAME",
            "CONTACT_PHONE",
            "GOODS_DESCRIPTION",
        ]
        # both departments pass (with a fresh step-up: enrolment counts), then level 2
        for officer, task in ((tariff, again), (finance, (await _queue(finance))[0])):
            await graphql(officer, CLAIM, {"id": task["review"]["id"]})
            decided = await graphql(officer, DECIDE, {"id": task["review"]["id"], "passed": True})
            assert decided["data"]["reviewDecide"]["__typename"] == "ApplicationDone", decided  # type: ignore[index]
        # a level-1 reviewer may not do level 2 (different eyes), the senior may
        level_two = (await _queue(senior))[0]
        assert level_two["review"]["level"] == 2
        await graphql(senior, CLAIM, {"id": level_two["review"]["id"]})
        final = await graphql(senior, DECIDE, {"id": level_two["review"]["id"], "passed": True})
        assert final["data"]["reviewDecide"]["status"] == "PASSED"  # type: ignore[index]
    done = (await graphql(client, APPLICATION, {"id": application_id}))["data"]["application"]  # type: ignore[index]
    assert done["status"] == "PASSED"
    kinds = [e["kind"] for e in done["timeline"]]
    assert kinds[0] == "submitted"
    assert "corrections_required" in kinds
    assert kinds[-1] == "passed"
    notices = await Notification.filter(type="prereview_result").count()
    assert notices >= 4
    assert await AuditEvent.filter(operation="reviewDecide", outcome="OK").count() == 3


async def test_decisions_need_a_fresh_step_up(client: httpx.AsyncClient, app: Starlette) -> None:
    await seed_catalogue()
    await traveller(client)
    await _submit(client)
    async with _client(app) as officer:
        await inspector(officer, badge="R2001", roles=("reviewer",))
        from palm_customs.identity.models import Officer

        await Officer.filter(badge_number="R2001").update(unit="service_centre")
        task = (await _queue(officer))[0]
        await graphql(officer, CLAIM, {"id": task["review"]["id"]})
        stale = [s.id for s in await Session.filter(ended_at=None) if "reviewer" in s.roles]
        await Session.filter(id__in=stale).update(step_up_at=clock.now() - timedelta(minutes=6))
        refused = await graphql(officer, DECIDE, {"id": task["review"]["id"], "passed": True})
    assert refused["errors"][0]["extensions"]["code"] == "STEP_UP_REQUIRED"  # type: ignore[index]
    assert (await Review.get()).status.value == "claimed"


async def test_reviewers_only_see_and_claim_their_departments_reviews_once(
    client: httpx.AsyncClient, app: Starlette
) -> None:
    await seed_catalogue()
    await traveller(client)
    await _submit(client)
    async with _client(app) as one, _client(app) as two, _client(app) as elsewhere:
        from palm_customs.identity.models import Officer

        for badge, officer in (("R3001", one), ("R3002", two), ("R3003", elsewhere)):
            await inspector(officer, badge=badge, roles=("reviewer",))
        await Officer.filter(badge_number__in=["R3001", "R3002"]).update(unit="service_centre")
        await Officer.filter(badge_number="R3003").update(unit="tariff")
        task = (await _queue(one))[0]
        assert await _queue(elsewhere) == []
        first = await graphql(one, CLAIM, {"id": task["review"]["id"]})
        second = await graphql(two, CLAIM, {"id": task["review"]["id"]})
        foreign = await graphql(elsewhere, CLAIM, {"id": task["review"]["id"]})
    assert first["data"]["reviewClaim"]["__typename"] == "ApplicationDone"  # type: ignore[index]
    assert second["data"]["reviewClaim"]["applicationCode"] == "ALREADY_CLAIMED"  # type: ignore[index]
    assert foreign["data"]["reviewClaim"]["applicationCode"] == "NOT_YOUR_DEPARTMENT"  # type: ignore[index]


async def test_corrections_must_point_at_the_items_fields_or_materials(
    client: httpx.AsyncClient, app: Starlette
) -> None:
    await seed_catalogue()
    await traveller(client)
    await _submit(client)
    async with _client(app) as officer:
        await inspector(officer, badge="R4001", roles=("reviewer",))
        from palm_customs.identity.models import Officer

        await Officer.filter(badge_number="R4001").update(unit="service_centre")
        task = (await _queue(officer))[0]
        await graphql(officer, CLAIM, {"id": task["review"]["id"]})
        bad = await graphql(
            officer,
            CORRECT,
            {
                "id": task["review"]["id"],
                "items": [
                    {"target": "field:NOT_IN_FORM", "problem": "x", "action": ""},
                ],
            },
        )
    errors = {(e["field"], e["code"]) for e in bad["data"]["reviewCorrectionsSend"]["errors"]}  # type: ignore[index]
    assert errors == {
        ("corrections.0.target", "INVALID_CHOICE"),
        ("corrections.0.action", "REQUIRED"),
    }


async def test_others_applications_are_invisible(client: httpx.AsyncClient, app: Starlette) -> None:
    await seed_catalogue()
    await traveller(client)
    application_id = await _submit(client)
    async with _client(app) as other:
        await traveller(other, n=2)
        seen = await graphql(other, APPLICATION, {"id": application_id})
        withdraw = await graphql(
            other,
            "mutation($id: ID!) { applicationWithdraw(applicationId: $id) { __typename ... on ApplicationError { applicationCode } } }",
            {"id": application_id},
        )
    assert seen["data"] == {"application": None}
    assert withdraw["data"]["applicationWithdraw"]["applicationCode"] == "NOT_FOUND"  # type: ignore[index]


@pytest.mark.parametrize("rating", [0, 6])
async def test_ratings_are_one_to_five_and_only_after_completion(
    client: httpx.AsyncClient, rating: int
) -> None:
    await seed_catalogue()
    await traveller(client)
    application_id = await _submit(client)
    early = await graphql(
        client,
        "mutation($id: ID!) { applicationRate(applicationId: $id, rating: 5) { __typename ... on ApplicationError { applicationCode } } }",
        {"id": application_id},
    )
    assert early["data"]["applicationRate"]["applicationCode"] == "WRONG_STATE"  # type: ignore[index]
    await Application.filter(id=application_id).update(status="passed")
    bad = await graphql(
        client,
        "mutation($id: ID!, $r: Int!) { applicationRate(applicationId: $id, rating: $r) { __typename ... on ValidationError { errors { field } } } }",
        {"id": application_id, "r": rating},
    )
    assert bad["data"]["applicationRate"]["errors"][0]["field"] == "rating"  # type: ignore[index]
