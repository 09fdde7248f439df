"""The fair draw for the scarcest items (issue #20): entries, a seeded verifiable lottery, the
result held and told."""

from __future__ import annotations

import collections
import hashlib
import random
from datetime import datetime, timedelta
from typing import Any

from starlette.applications import Starlette

from palm_customs.appointments.models import Booking, BookingStatus, DrawEntry, DrawEntryStatus
from palm_customs.appointments.services.draw import draw_order, run_draw
from palm_customs.catalogue.services import seed_catalogue
from palm_customs.core import clock
from palm_customs.identity.models import Person
from palm_customs.notifications.models import Notification
from tests.appointments.flows import (
    CONFIRM_OFFER,
    ITEM,
    call,
    clerk,
    create_site,
    create_slot,
    person,
)
from tests.appointments.test_fair_booking import passport_of, refused, register
from tests.conftest import graphql
from tests.identity.flows import person as person_input

DRAW_FIELDS = "id itemCode slotsFrom slotsTo closesAt drawn seed entrantsDigest entryIds"
CREATE_DRAW = (
    "mutation($input: DrawCreateInput!) { drawCreate(input: $input) { __typename"
    " ... on DrawCreated { draw { " + DRAW_FIELDS + " } }"
    " ... on AppointmentError { code message } ... on ValidationError { errors { field code } }"
    " } }"
)
ENTER = (
    "mutation($id: ID!) { drawEnter(drawId: $id) { __typename"
    " ... on DrawEntered { entry { id state rank } }"
    " ... on AppointmentError { code message } } }"
)
MY_ENTRIES = "{ myDrawEntries { id state rank bookingId draw { id drawn } } }"
DRAWS = (
    "query($item: String!) { appointmentDraws(itemCode: $item) { "
    + DRAW_FIELDS
    + " itemName { zhHans en } siteName { zhHans en } } }"
)


async def _draw(app: Starlette, site: Any, closes_in: timedelta = timedelta(hours=1)) -> Any:
    supervisor = await clerk(app, "S3001", roles=("supervisor",))
    now = clock.now()
    created = await call(
        supervisor,
        CREATE_DRAW,
        input={
            "siteId": str(site.id),
            "itemCode": ITEM,
            "slotsFrom": (now + timedelta(days=1)).isoformat(),
            "slotsTo": (now + timedelta(days=3)).isoformat(),
            "closesAt": (now + closes_in).isoformat(),
        },
    )
    await supervisor.aclose()
    assert created["__typename"] == "DrawCreated", created
    return created["draw"]


async def test_a_draw_holds_the_seats_by_a_verifiable_lottery_and_tells_everyone(
    app: Starlette,
) -> None:
    # given an administrator's draw for the two seats of a scarce time
    site = await create_site()
    slot = await create_slot(site, starts_in=timedelta(days=2))
    draw = await _draw(app, site)
    people = [await person(app, n) for n in range(1, 6)]
    # when booking first-come, the person is sent to the draw with when it closes
    result = await refused(people[0], slot)
    assert result["code"] == "DRAW_ONLY", result
    assert datetime.fromisoformat(result["retryAt"]) == datetime.fromisoformat(draw["closesAt"])
    # and five people enter
    for client in people:
        entered = await call(client, ENTER, id=draw["id"])
        assert entered["__typename"] == "DrawEntered", entered
    # when the draw runs after entries close
    ran = await run_draw(int(draw["id"]), now=clock.now() + timedelta(hours=1, minutes=1))
    assert ran is not None
    # then two won a held seat, three lost, and everyone was told
    entries = await DrawEntry.all()
    states = collections.Counter(e.status for e in entries)
    assert states == {DrawEntryStatus.WON: 2, DrawEntryStatus.LOST: 3}
    offers = await Booking.filter(status=BookingStatus.OFFERED, slot_id=slot.id)
    assert {o.id for o in offers} == {e.booking_id for e in entries if e.booking_id}
    told = await Notification.all()
    assert sum(1 for n in told if n.subject == f"draw:{draw['id']}") == 3
    assert sum(1 for n in told if n.subject.startswith("booking:")) == 2
    # and anyone can recompute the order from the published seed and entry list
    public = (await graphql(people[0], DRAWS, {"item": ITEM}))["data"]["appointmentDraws"][0]  # type: ignore[index]
    assert public["drawn"] is True
    # (named, so a person sees which service and hall it is for; an item the catalogue does
    # not hold is named by its code)
    assert public["itemName"] == {"zhHans": ITEM, "en": ITEM}
    await seed_catalogue()
    named = (await graphql(people[0], DRAWS, {"item": ITEM}))["data"]["appointmentDraws"][0]  # type: ignore[index]
    assert named["itemName"] == {
        "zhHans": "文物出境申报",
        "en": "Taking cultural relics out of China",
    }
    assert public["siteName"] == {"zhHans": "测试大厅 TEST-A", "en": "Test hall TEST-A"}
    assert (
        public["entrantsDigest"]
        == hashlib.sha256("\n".join(public["entryIds"]).encode()).hexdigest()
    )
    order = draw_order(public["seed"], public["entryIds"])
    ranked = sorted(entries, key=lambda e: e.rank or 0)
    assert [str(e.id) for e in ranked] == order
    assert [e.status for e in ranked[:2]] == [DrawEntryStatus.WON] * 2
    # and a winner sees the result and confirms the held seat
    results = [(client, (await call(client, MY_ENTRIES))[0]) for client in people]
    assert sorted(r["state"] for _, r in results) == ["LOST", "LOST", "LOST", "WON", "WON"]
    winner, mine = next((c, r) for c, r in results if r["state"] == "WON")
    assert mine["rank"] in (1, 2)
    confirmed = await call(winner, CONFIRM_OFFER, id=mine["bookingId"])
    assert confirmed["__typename"] == "BookingSuccess", confirmed
    for client in people:
        await client.aclose()


async def test_one_person_enters_once_whichever_account(app: Starlette) -> None:
    # given a person with an ID card account and a passport account
    site = await create_site()
    draw = await _draw(app, site)
    card, _ = await register(app, person_input(1))
    passport, _ = await register(app, passport_of(1))
    assert card is not None
    assert passport is not None
    assert (await call(card, ENTER, id=draw["id"]))["__typename"] == "DrawEntered"
    # when the other account enters too
    again = await call(passport, ENTER, id=draw["id"])
    # then it is the same person's entry
    assert again["code"] == "DRAW_ALREADY_ENTERED", again
    assert await DrawEntry.all().count() == 1
    for client in (card, passport):
        await client.aclose()


async def test_only_a_registered_checked_document_enters_and_only_while_open(
    app: Starlette,
) -> None:
    # given a person whose document is a duplicate kept from before keys (no document key)
    site = await create_site()
    draw = await _draw(app, site, closes_in=timedelta(minutes=5))
    me = await person(app, 1)
    await Person.all().update(document_key=None)
    # when / then
    assert (await call(me, ENTER, id=draw["id"]))["code"] == "NOT_VERIFIED"
    # and once entries close nobody enters
    await Person.all().update(document_key="RID:CHN:X")
    clock.advance(timedelta(minutes=6))
    assert (await call(me, ENTER, id=draw["id"]))["code"] == "DRAW_CLOSED"
    assert await DrawEntry.all().count() == 0
    await me.aclose()


async def test_a_draw_needs_a_sane_period(app: Starlette) -> None:
    supervisor = await clerk(app, "S3001", roles=("supervisor",))
    site = await create_site()
    now = clock.now()
    result = await call(
        supervisor,
        CREATE_DRAW,
        input={
            "siteId": str(site.id),
            "itemCode": ITEM,
            "slotsFrom": (now + timedelta(hours=1)).isoformat(),
            "slotsTo": (now + timedelta(days=60)).isoformat(),
            "closesAt": (now - timedelta(hours=1)).isoformat(),
        },
    )
    assert result["__typename"] == "ValidationError"
    assert {e["field"] for e in result["errors"]} == {"closesAt", "slotsTo"}
    await supervisor.aclose()


def test_the_lottery_gives_every_entrant_the_same_chance() -> None:
    # given 40 entrants for 10 seats, drawn 10,000 times with recorded seeds
    entrants = [f"{n:032x}" for n in range(40)]
    seeds = random.Random(20261206)
    wins: collections.Counter[str] = collections.Counter()
    runs = 10_000
    # when
    for _ in range(runs):
        seed = f"{seeds.getrandbits(256):064x}"
        wins.update(draw_order(seed, entrants)[:10])
    # then each wins about a quarter of the time: within 5 standard deviations
    expected = runs * 10 / 40
    sigma = (runs * 0.25 * 0.75) ** 0.5
    assert all(abs(wins[e] - expected) < 5 * sigma for e in entrants), wins
    # and the order is a pure function of the seed and the list (verifiable)
    assert draw_order("ab" * 32, entrants) == draw_order("ab" * 32, list(reversed(entrants)))
    assert draw_order("ab" * 32, entrants) != draw_order("cd" * 32, entrants)
