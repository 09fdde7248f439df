from __future__ import annotations

from datetime import timedelta

import httpx
from starlette.applications import Starlette

from palm_customs.appointments.models import Booking, BookingStatus
from palm_customs.core import clock
from palm_customs.ratings.models import Rating
from tests.appointments.flows import ITEM, book, clerk, create_site, create_slot, person
from tests.conftest import graphql

SAVE = """
mutation($input: RatingSaveInput!) {
  ratingSave(input: $input) {
    __typename
    ... on RatingSaved { rating { stars windowStars windowNumber siteCode itemCode comment } }
    ... on RatingError { code message }
    ... on ValidationError { errors { field code } }
  }
}
"""
SUMMARY = """
query($site: String, $item: String) {
  ratingSummary(siteCode: $site, itemCode: $item) { count average distribution }
}
"""
UNIT = "{ unitRatings { stars comment siteCode } }"


async def _served(app: Starlette, n: int) -> tuple[httpx.AsyncClient, str]:
    """Person n's appointment at TEST-A, served at window 1."""
    slot = await create_slot(await _site(), starts_in=timedelta(days=2, minutes=15 * n))  # type: ignore[arg-type]
    client = await person(app, n)
    booking = (await book(client, slot))["booking"]
    await Booking.filter(id=booking["id"]).update(status=BookingStatus.SERVED, window_number=1)
    return client, booking["id"]


async def _site() -> object:
    from palm_customs.appointments.models import Site

    return await Site.get_or_none(code="TEST-A") or await create_site()


def _input(subject: str, stars: int, **more: object) -> dict[str, object]:
    return {"input": {"kind": "APPOINTMENT", "subjectId": subject, "stars": stars, **more}}


async def test_a_rated_appointment_changes_the_sites_public_average(app: Starlette) -> None:
    # given two served appointments, one already rated 5
    first, first_id = await _served(app, 1)
    second, second_id = await _served(app, 2)
    await graphql(first, SAVE, _input(first_id, 5))
    before = await graphql(first, SUMMARY, {"site": "TEST-A"})
    # when the second person rates theirs 2 and the window 4
    saved = await graphql(second, SAVE, _input(second_id, 2, windowStars=4, comment="Slow."))
    # then
    rating = saved["data"]["ratingSave"]["rating"]  # type: ignore[index]
    assert (rating["stars"], rating["windowStars"], rating["windowNumber"]) == (2, 4, 1)
    assert (rating["siteCode"], rating["itemCode"]) == ("TEST-A", ITEM)
    after = await graphql(first, SUMMARY, {"site": "TEST-A"})
    assert before["data"]["ratingSummary"] == {  # type: ignore[index]
        "count": 1,
        "average": 5.0,
        "distribution": [0, 0, 0, 0, 1],
    }
    assert after["data"]["ratingSummary"] == {  # type: ignore[index]
        "count": 2,
        "average": 3.5,
        "distribution": [0, 1, 0, 0, 1],
    }
    by_item = await graphql(first, SUMMARY, {"item": ITEM})
    assert by_item["data"]["ratingSummary"]["count"] == 2  # type: ignore[index]
    for c in (first, second):
        await c.aclose()


async def test_one_rating_per_thing_changeable_for_seven_days_only(app: Starlette) -> None:
    # given
    me, booking_id = await _served(app, 1)
    await graphql(me, SAVE, _input(booking_id, 1))
    # when changed 20 minutes later, and again once the first rating is eight days old
    with clock.travel(clock.now() + timedelta(minutes=20)):
        changed = await graphql(me, SAVE, _input(booking_id, 4))
    await Rating.all().update(created_at=clock.now() - timedelta(days=8))
    late = await graphql(me, SAVE, _input(booking_id, 5))
    # then
    assert changed["data"]["ratingSave"]["rating"]["stars"] == 4  # type: ignore[index]
    assert late["data"]["ratingSave"]["code"] == "CHANGE_CLOSED"  # type: ignore[index]
    assert [r.stars for r in await Rating.all()] == [4]
    await me.aclose()


async def test_only_my_completed_things_can_be_rated(app: Starlette) -> None:
    # given one served appointment and one still confirmed
    me, served_id = await _served(app, 1)
    other, other_id = await _served(app, 2)
    await Booking.filter(id=other_id).update(status=BookingStatus.CONFIRMED)
    # when
    not_done = await graphql(other, SAVE, _input(other_id, 3))
    not_mine = await graphql(other, SAVE, _input(served_id, 1))
    bad = await graphql(me, SAVE, _input(served_id, 9, comment="x" * 600))
    garbage = await graphql(me, SAVE, _input("not-an-id", 3))
    # then
    assert not_done["data"]["ratingSave"]["code"] == "NOT_COMPLETED"  # type: ignore[index]
    assert not_mine["data"]["ratingSave"]["code"] == "NOT_FOUND"  # type: ignore[index]
    assert {(e["field"], e["code"]) for e in bad["data"]["ratingSave"]["errors"]} == {  # type: ignore[index]
        ("input.stars", "OUT_OF_RANGE"),
        ("input.comment", "TOO_LONG"),
    }
    assert garbage["data"]["ratingSave"]["code"] == "NOT_FOUND"  # type: ignore[index]
    assert await Rating.all().count() == 0
    for c in (me, other):
        await c.aclose()


async def test_officers_see_their_units_ratings_with_comments_and_no_other(
    app: Starlette,
) -> None:
    # given a rating with a comment at TEST-A
    me, booking_id = await _served(app, 1)
    await graphql(me, SAVE, _input(booking_id, 2, comment="The window closed early."))
    here = await clerk(app, "W9001", site_code="TEST-A")
    elsewhere = await clerk(app, "W9002", site_code="TEST-B")
    # when
    mine = await graphql(here, UNIT)
    theirs = await graphql(elsewhere, UNIT)
    person_asks = await graphql(me, UNIT)
    # then
    assert mine["data"]["unitRatings"] == [  # type: ignore[index]
        {"stars": 2, "comment": "The window closed early.", "siteCode": "TEST-A"}
    ]
    assert theirs["data"]["unitRatings"] == []  # type: ignore[index]
    assert person_asks["errors"][0]["extensions"]["code"] == "FORBIDDEN"  # type: ignore[index]
    for c in (me, here, elsewhere):
        await c.aclose()
