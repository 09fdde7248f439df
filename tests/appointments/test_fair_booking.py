"""Fair booking (issue #20): the person, not the account, is the unit of fairness."""

from __future__ import annotations

import dataclasses
import importlib
from datetime import datetime, timedelta
from types import SimpleNamespace
from typing import Any

import httpx
from starlette.applications import Starlette
from tortoise import connections

from palm_customs.app import create_app
from palm_customs.appointments.models import Booking, BookingStatus, FairnessRule, WaitlistEntry
from palm_customs.core import clock
from palm_customs.identity.models import DocumentType, Person, RetainedIdentity
from palm_customs.settings import Settings
from tests.appointments.flows import (
    CANCEL,
    ITEM,
    OTHER_ITEM,
    RESCHEDULE,
    WAITLIST_JOIN,
    book,
    call,
    clerk,
    client_for,
    create_site,
    create_slot,
    key,
    person,
)
from tests.conftest import ORIGIN, _empty_tables, graphql
from tests.identity.authenticator import SoftAuthenticator
from tests.identity.flows import ACCOUNT_CREATE_FINISH, ACCOUNT_CREATE_START
from tests.identity.flows import person as person_input

DELETE = "mutation { accountDelete { __typename ... on AccountError { code } } }"
REFUSAL = (
    "mutation($slot: ID!, $item: String!, $key: String!) {"
    " bookingCreate(slotId: $slot, itemCode: $item, idempotencyKey: $key) {"
    " __typename ... on BookingSuccess { booking { id } }"
    " ... on AppointmentError { code message retryAt } } }"
)


async def register(app: Starlette, data: dict[str, Any]) -> tuple[httpx.AsyncClient, Any]:
    """A new client signed in to a new account for `data` (or the refusal, client None)."""
    client = client_for(app)
    auth = SoftAuthenticator(origin=ORIGIN)
    started = await graphql(client, ACCOUNT_CREATE_START, {"input": data})
    ceremony = started["data"]["accountCreateStart"]  # type: ignore[index]
    if ceremony["__typename"] != "PasskeyCeremony":
        await client.aclose()
        return None, ceremony  # type: ignore[return-value]
    finished = await graphql(
        client,
        ACCOUNT_CREATE_FINISH,
        {"c": ceremony["challengeId"], "j": auth.create(ceremony["optionsJson"]), "n": "Phone"},
    )
    result = finished["data"]["accountCreateFinish"]  # type: ignore[index]
    if result["__typename"] != "SignInSuccess":
        await client.aclose()
        return None, result  # type: ignore[return-value]
    return client, result


def passport_of(n: int, **overrides: Any) -> dict[str, Any]:
    """Person n's passport (same name and date of birth as their ID card), another email."""
    expiry = (clock.today() + timedelta(days=3650)).isoformat()
    data = person_input(
        n,
        documentType="PASSPORT",
        documentNumber=f"E{n:08d}",
        documentCountry="CHN",
        documentExpiry=expiry,
        email=f"passport{n}@example.cn",
    )
    data.update(overrides)
    return data


async def refused(client: httpx.AsyncClient, slot: Any, item: str = ITEM) -> dict[str, Any]:
    body = await graphql(client, REFUSAL, {"slot": str(slot.id), "item": item, "key": key()})
    assert "errors" not in body, body
    result: dict[str, Any] = body["data"]["bookingCreate"]  # type: ignore[index]
    return result


async def rule(item_code: str, **limits: int) -> None:
    values = {
        "max_per_item": 3,
        "max_per_day": 3,
        "max_reschedules": 3,
        "max_cancellations": 3,
        "change_window_hours": 168,
    } | limits
    await FairnessRule.create(
        item_code=item_code, updated_by="test", updated_at=clock.now(), **values
    )


def _later(days: int) -> str:
    return (clock.now() + timedelta(days=days)).isoformat()


async def test_an_offer_from_the_waitlist_counts_against_the_cap(app: Starlette) -> None:
    # given a waiter holding two seats who is offered a third freed by someone else
    site = await create_site(windows=((1, (ITEM, OTHER_ITEM)),))
    slots = [await create_slot(site, starts_in=timedelta(days=2, hours=h)) for h in range(5)]
    holder, waiter = await person(app, 1), await person(app, 2)
    taken = (await book(holder, slots[0]))["booking"]["id"]
    await book(waiter, slots[1])
    await book(waiter, slots[2])
    joined = await call(
        waiter,
        WAITLIST_JOIN,
        input={"itemCode": ITEM, "siteId": str(site.id), "earlierThan": _later(4)},
    )
    assert joined["__typename"] == "WaitlistJoined", joined
    await call(holder, CANCEL, id=taken)
    assert await Booking.filter(status=BookingStatus.OFFERED).count() == 1
    # when the waiter books a fourth time
    result = await refused(waiter, slots[3])
    # then the offer counted: refused, naming the rule and when they may book again
    assert result["code"] == "TOO_MANY_BOOKINGS", result
    assert "counting offers" in result["message"]
    # (the earliest claim to end is the offer itself)
    assert datetime.fromisoformat(result["retryAt"]) == slots[0].ends_at
    for client in (holder, waiter):
        await client.aclose()


async def test_an_id_card_account_and_a_passport_account_of_one_person_share_one_cap(
    app: Starlette,
) -> None:
    # given one person registered twice: with the ID card, then with the passport
    site = await create_site()
    slots = [await create_slot(site, starts_in=timedelta(days=2, hours=h)) for h in range(4)]
    card, _ = await register(app, person_input(1))
    passport, _ = await register(app, passport_of(1))
    assert card is not None
    assert passport is not None
    humans = {p.human_key for p in await Person.all()}
    assert len(humans) == 1
    # when the two accounts book four seats between them
    for client, slot in ((card, slots[0]), (card, slots[1]), (passport, slots[2])):
        assert (await book(client, slot))["__typename"] == "BookingSuccess"
    result = await refused(passport, slots[3])
    # then the fourth is refused: one human, one cap
    assert result["code"] == "TOO_MANY_BOOKINGS", result
    assert await Booking.filter(status=BookingStatus.CONFIRMED).count() == 3
    for client in (card, passport):
        await client.aclose()


async def test_two_people_with_other_names_are_not_linked(app: Starlette) -> None:
    # given a passport of the same birth date and nationality but another name
    card, _ = await register(app, person_input(1))
    other, _ = await register(app, passport_of(1, fullName="李四"))
    # then they are two humans
    assert card is not None
    assert other is not None
    assert len({p.human_key for p in await Person.all()}) == 2
    for client in (card, other):
        await client.aclose()


async def test_one_person_holds_one_seat_per_time(app: Starlette) -> None:
    # given a booking of one item at a time
    site = await create_site()
    other_site = await create_site(code="TEST-B")
    at = (clock.now() + timedelta(days=2)).replace(microsecond=0)
    first = await create_slot(site, at=at)
    same_time = await create_slot(other_site, item_code=OTHER_ITEM, at=at + timedelta(minutes=5))
    me = await person(app, 1)
    number = (await book(me, first))["booking"]["number"]
    # when booking another seat overlapping it (another item, another site)
    result = await refused(me, same_time, OTHER_ITEM)
    # then
    assert result["code"] == "ONE_SEAT_PER_TIME", result
    assert number in result["message"]
    await me.aclose()


async def test_limits_per_item_and_per_day_are_data(app: Starlette) -> None:
    # given an administrator's rules: one seat of the item, two seats a day
    await rule(ITEM, max_per_item=1)
    await rule("*", max_per_day=2)
    site = await create_site()
    at = (clock.now() + timedelta(days=2)).replace(microsecond=0)
    item_slots = [await create_slot(site, at=at + timedelta(hours=h)) for h in (0, 1)]
    other = [
        await create_slot(site, item_code=OTHER_ITEM, at=at + timedelta(minutes=m))
        for m in (30, 90)
    ]
    me = await person(app, 1)
    assert (await book(me, item_slots[0]))["__typename"] == "BookingSuccess"
    # when / then a second seat of the item is refused
    result = await refused(me, item_slots[1])
    assert result["code"] == "ITEM_LIMIT", result
    assert datetime.fromisoformat(result["retryAt"]) == item_slots[0].ends_at
    # another item the same day is fine once, then the day is full
    assert (await book(me, other[0], item_code=OTHER_ITEM))["__typename"] == "BookingSuccess"
    result = await refused(me, other[1], OTHER_ITEM)
    assert result["code"] == "DAY_LIMIT", result
    await me.aclose()


async def test_reschedules_are_limited_per_person_and_item(app: Starlette) -> None:
    # given a rule of one reschedule a day for the item
    await rule(ITEM, max_reschedules=1, change_window_hours=24)
    site = await create_site()
    slots = [await create_slot(site, starts_in=timedelta(days=2, hours=h)) for h in range(3)]
    me = await person(app, 1)
    booking = (await book(me, slots[0]))["booking"]
    moved = await call(me, RESCHEDULE, id=booking["id"], slot=str(slots[1].id), key=key())
    assert moved["__typename"] == "BookingSuccess", moved
    # when rescheduling again
    body = await graphql(
        me,
        "mutation($id: ID!, $slot: ID!, $key: String!) {"
        " bookingReschedule(bookingId: $id, slotId: $slot, idempotencyKey: $key) {"
        " __typename ... on AppointmentError { code message retryAt } } }",
        {"id": moved["booking"]["id"], "slot": str(slots[2].id), "key": key()},
    )
    result = body["data"]["bookingReschedule"]  # type: ignore[index]
    # then refused until a day after the first reschedule
    assert result["code"] == "RESCHEDULE_LIMIT", result
    first = await Booking.get(status=BookingStatus.RESCHEDULED)
    assert first.ended_at is not None
    assert datetime.fromisoformat(result["retryAt"]) == first.ended_at + timedelta(hours=24)
    assert await Booking.filter(status=BookingStatus.CONFIRMED, slot_id=slots[1].id).count() == 1
    await me.aclose()


async def test_cancel_and_rebook_cycling_is_refused_until_the_window_passes(
    app: Starlette,
) -> None:
    # given a rule of two cancellations a week, reached
    await rule(ITEM, max_cancellations=2)
    site = await create_site()
    slots = [await create_slot(site, starts_in=timedelta(days=2, hours=h)) for h in range(3)]
    me = await person(app, 1)
    for slot in slots[:2]:
        booking = (await book(me, slot))["booking"]
        assert (await call(me, CANCEL, id=booking["id"]))["__typename"] == "BookingChanged"
    # when booking the item again
    result = await refused(me, slots[2])
    # then
    assert result["code"] == "REBOOK_LIMIT", result
    assert "cancelled this service 2 times" in result["message"]
    assert datetime.fromisoformat(result["retryAt"]) > clock.now() + timedelta(days=6)
    # and once the first cancellation is older than a week it is allowed again
    first = await Booking.filter(status=BookingStatus.CANCELLED).order_by("ended_at").first()
    assert first is not None
    await Booking.filter(id=first.id).update(ended_at=clock.now() - timedelta(days=7, seconds=1))
    assert (await book(me, slots[2]))["__typename"] == "BookingSuccess"
    await me.aclose()


async def test_the_same_document_cannot_register_as_another_type_or_state(
    app: Starlette,
) -> None:
    # given a passport registered
    first, _ = await register(app, passport_of(1, fullName="WANG XIAOMING"))
    assert first is not None
    # when the same number comes back as a travel permit or under another issuing state
    permit, as_permit = await register(
        app, passport_of(2, documentType="TRAVEL_PERMIT", documentNumber="e0000 0001")
    )
    other_state, in_hkg = await register(
        app, passport_of(3, documentNumber="E00000001", documentCountry="HKG")
    )
    # then both are refused as the same document
    assert permit is None
    assert as_permit["code"] == "DOCUMENT_ALREADY_REGISTERED", as_permit
    assert other_state is None
    assert in_hkg["code"] == "DOCUMENT_ALREADY_REGISTERED", in_hkg
    assert await Person.all().count() == 1
    await first.aclose()


async def test_deleting_an_account_frees_its_seats_and_its_document_keeps_its_history(
    app: Starlette,
) -> None:
    # given a person with a booking and a waiting person, and a rule of one cancellation a week
    await rule(ITEM, max_cancellations=1)
    site = await create_site(windows=((1, (ITEM,)),))
    slot = await create_slot(site, starts_in=timedelta(days=2))
    later = await create_slot(site, starts_in=timedelta(days=3))
    leaver, _ = await register(app, person_input(1))
    assert leaver is not None
    waiter = await person(app, 2)
    assert (await book(leaver, slot))["__typename"] == "BookingSuccess"
    joined = await call(
        waiter,
        WAITLIST_JOIN,
        input={"itemCode": ITEM, "siteId": str(site.id), "earlierThan": _later(4)},
    )
    assert joined["__typename"] == "WaitlistJoined", joined
    # when the person deletes their account
    body = await graphql(leaver, DELETE)
    assert body["data"]["accountDelete"]["__typename"] == "IdentityDone", body  # type: ignore[index]
    # then their booking is cancelled and the seat offered to the waiting person
    assert await Booking.filter(status=BookingStatus.CANCELLED).count() == 1
    offer = await Booking.get(status=BookingStatus.OFFERED)
    entry = await WaitlistEntry.get(offered_booking_id=offer.id)
    assert offer.slot_id == slot.id
    assert entry.status.value == "offered"
    # and what is kept of the document is a keyed hash, not the number
    retained = await RetainedIdentity.get()
    number = person_input(1)["documentNumber"]
    assert number not in retained.document_hash
    assert len(retained.document_hash) == 64
    # when the same document registers again at once
    again, _ = await register(app, person_input(1, email="again@example.cn"))
    assert again is not None
    # then it is the same human: the cancellation on deletion counts against rebooking
    result = await refused(again, later)
    assert result["code"] == "REBOOK_LIMIT", result
    for client in (waiter, again):
        await client.aclose()


async def test_one_network_creates_its_hourly_share_of_accounts_then_waits(
    settings: Settings,
) -> None:
    # given a server that lets one network create two accounts an hour
    application = create_app(dataclasses.replace(settings, sign_up_network_limit=2))
    async with application.router.lifespan_context(application):
        try:
            made = [await register(application, person_input(n)) for n in (1, 2)]
            # when a third sign-up comes from the same network
            third, refusal = await register(application, person_input(3))
            # then it is refused with when to try again, and nothing was created
            assert [client is not None for client, _ in made] == [True, True]
            assert third is None
            assert refusal["__typename"] == "TooManyAttempts", refusal
            assert await Person.all().count() == 2
            for client, _ in made:
                await client.aclose()
        finally:
            await _empty_tables()


RULE_SET = (
    "mutation($input: FairnessRuleInput!) { fairnessRuleSet(input: $input) { __typename"
    " ... on FairnessRuleSaved { rule { itemCode maxPerItem changeWindowHours } }"
    " ... on ValidationError { errors { field code } } } }"
)


async def test_an_administrator_sets_an_items_limits_and_they_apply(app: Starlette) -> None:
    # given an administrator
    admin = await clerk(app, "A1001", roles=("administrator",))
    limits = {
        "itemCode": ITEM.lower(),
        "maxPerItem": 1,
        "maxPerDay": 3,
        "maxReschedules": 2,
        "maxCancellations": 2,
        "changeWindowHours": 48,
    }
    # and a site that books the item (no catalogue here: the site's items are known)
    site = await create_site()
    # when they give a limit out of range, nothing is saved
    bad = await call(admin, RULE_SET, input=limits | {"maxPerItem": 9, "changeWindowHours": 0})
    assert bad["__typename"] == "ValidationError"
    assert {e["field"] for e in bad["errors"]} == {"input.maxPerItem", "input.changeWindowHours"}
    assert await FairnessRule.all().count() == 0
    # when they name an item no site books and the catalogue does not have (a typo), nothing
    # is saved: such a rule would govern nothing while the item kept the defaults
    typo = await call(admin, RULE_SET, input=limits | {"itemCode": ITEM[:-1]})
    assert typo["__typename"] == "ValidationError"
    assert typo["errors"] == [{"field": "input.itemCode", "code": "INVALID_CHOICE"}]
    assert await FairnessRule.all().count() == 0
    # when they set one seat per person for the item
    saved = await call(admin, RULE_SET, input=limits)
    assert saved["rule"] == {"itemCode": ITEM, "maxPerItem": 1, "changeWindowHours": 48}
    # then a person's second seat of the item is refused
    slots = [await create_slot(site, starts_in=timedelta(days=2, hours=h)) for h in (0, 1)]
    me = await person(app, 1)
    assert (await book(me, slots[0]))["__typename"] == "BookingSuccess"
    assert (await refused(me, slots[1]))["code"] == "ITEM_LIMIT"
    for client in (admin, me):
        await client.aclose()


RULE_IN_FORCE = (
    "query($item: String!) { fairnessRule(itemCode: $item) {"
    " itemCode source maxPerItem maxPerDay changeWindowHours verifiedOnly updatedAt } }"
)


async def test_the_rule_in_force_says_where_an_items_limits_come_from(app: Starlette) -> None:
    # given an administrator and a supervisor, a site that books the item, and no rule yet
    await create_site()
    admin = await clerk(app, "A1002", roles=("administrator",))
    supervisor = await clerk(app, "S1002", roles=("supervisor",))
    limits = {
        "maxPerItem": 2,
        "maxPerDay": 2,
        "maxReschedules": 1,
        "maxCancellations": 1,
        "changeWindowHours": 24,
    }
    built_in = (await graphql(supervisor, RULE_IN_FORCE, {"item": ITEM}))["data"]["fairnessRule"]  # type: ignore[index]
    assert built_in["source"] == "BUILT_IN"
    assert built_in["updatedAt"] is None
    assert built_in["changeWindowHours"] == 7 * 24
    # when a rule for every other item is set, it applies to the item
    await call(admin, RULE_SET, input=limits | {"itemCode": "*"})
    every = (await graphql(supervisor, RULE_IN_FORCE, {"item": ITEM}))["data"]["fairnessRule"]  # type: ignore[index]
    assert (every["source"], every["maxPerItem"], every["changeWindowHours"]) == (
        "EVERY_ITEM",
        2,
        24,
    )
    assert every["updatedAt"] is not None
    # and the item's own rule wins over it, for that item only
    await call(admin, RULE_SET, input=limits | {"itemCode": ITEM, "maxPerItem": 1})
    own = (await graphql(admin, RULE_IN_FORCE, {"item": ITEM.lower()}))["data"]["fairnessRule"]  # type: ignore[index]
    assert (own["itemCode"], own["source"], own["maxPerItem"]) == (ITEM, "ITEM", 1)
    other = (await graphql(admin, RULE_IN_FORCE, {"item": OTHER_ITEM}))["data"]["fairnessRule"]  # type: ignore[index]
    assert (other["source"], other["maxPerItem"]) == ("EVERY_ITEM", 2)
    # and a person cannot read it
    me = await person(app, 1)
    denied = await graphql(me, RULE_IN_FORCE, {"item": ITEM})
    assert denied["errors"][0]["extensions"]["code"] == "FORBIDDEN"  # type: ignore[index]
    for client in (admin, supervisor, me):
        await client.aclose()


async def test_migration_links_one_documents_earlier_duplicate_registrations(
    app: Starlette,
) -> None:
    # given two accounts registered before document keys with one passport number: once as a
    # passport, once as a travel permit (the old uniqueness let both in)
    first, second = await person(app, 1), await person(app, 2)
    accounts = [p.account_id for p in await Person.all().order_by("id")]
    await Person.filter(account_id=accounts[0]).update(
        document_type=DocumentType.PASSPORT,
        document_number="E00000001",
        document_key=None,
        human_key=None,
    )
    await Person.filter(account_id=accounts[1]).update(
        document_type=DocumentType.TRAVEL_PERMIT,
        document_number="E00000001",
        document_key=None,
        human_key=None,
    )
    migration = importlib.import_module("palm_customs.migrations.0080_fair_people")
    # when
    await migration.key_existing_people(None, SimpleNamespace(client=connections.get("default")))
    # then the first keeps the key, the second keeps its account without one, as one human
    people = await Person.all().order_by("id")
    assert [p.document_key for p in people] == ["TRV:CHN:E00000001", None]
    assert people[0].human_key is not None
    assert people[0].human_key == people[1].human_key
    # and their bookings count together
    site = await create_site()
    slots = [await create_slot(site, starts_in=timedelta(days=2, hours=h)) for h in range(4)]
    for client, slot in ((first, slots[0]), (first, slots[1]), (second, slots[2])):
        assert (await book(client, slot))["__typename"] == "BookingSuccess"
    assert (await refused(second, slots[3]))["code"] == "TOO_MANY_BOOKINGS"
    for client in (first, second):
        await client.aclose()


async def test_a_freed_seat_skips_a_waiter_already_at_the_cap(app: Starlette) -> None:
    # given a waiter holding three seats, and another waiting after them
    site = await create_site(windows=((1, (ITEM, OTHER_ITEM)),))
    slots = [await create_slot(site, starts_in=timedelta(days=2, hours=h)) for h in range(4)]
    holder, full, next_one = await person(app, 1), await person(app, 2), await person(app, 3)
    taken = (await book(holder, slots[0]))["booking"]["id"]
    for slot in slots[1:]:
        assert (await book(full, slot))["__typename"] == "BookingSuccess"
    for client in (full, next_one):
        joined = await call(
            client,
            WAITLIST_JOIN,
            input={"itemCode": ITEM, "siteId": str(site.id), "earlierThan": _later(4)},
        )
        assert joined["__typename"] == "WaitlistJoined", joined
    # when the seat is freed
    await call(holder, CANCEL, id=taken)
    # then it is offered to the next person who can take it
    offer = await Booking.get(status=BookingStatus.OFFERED)
    accounts = [p.account_id for p in await Person.all().order_by("id")]
    assert offer.account_id == accounts[2]
    for client in (holder, full, next_one):
        await client.aclose()
