"""Every reference an input carries belongs to the caller (issue #11): another person's
application id in a booking or a waitlist entry was stored, and the owner's own booking was
then refused as APPLICATION_ALREADY_BOOKED."""

from __future__ import annotations

from starlette.applications import Starlette

from palm_customs.appointments.models import Booking, Slot
from tests.appointments.flows import (
    ITEM,
    WAITLIST_JOIN,
    book,
    call,
    create_application,
    create_site,
    create_slot,
    person,
)


async def test_a_booking_refuses_another_persons_application_and_the_owner_still_books(
    app: Starlette,
) -> None:
    # given
    site = await create_site()
    slot = await create_slot(site, capacity=3)
    owner = await person(app, 1)
    attacker = await person(app, 2)
    theirs = await create_application(sign_in_name="person1@example.cn")
    # when
    stolen = await book(attacker, slot, application_id=theirs)
    mine = await book(owner, slot, application_id=theirs)
    # then
    assert (stolen["code"], stolen["field"]) == ("NOT_FOUND", "applicationId")
    assert mine["__typename"] == "BookingSuccess", mine
    assert await Booking.filter(application_id=theirs).count() == 1
    assert (await Slot.get(id=slot.id)).booked == 1
    for c in (owner, attacker):
        await c.aclose()


async def test_a_waitlist_entry_refuses_another_persons_application(app: Starlette) -> None:
    # given
    site = await create_site()
    await create_slot(site)
    await person(app, 1)
    attacker = await person(app, 2)
    theirs = await create_application(sign_in_name="person1@example.cn")
    # when
    result = await call(
        attacker,
        WAITLIST_JOIN,
        input={
            "itemCode": ITEM,
            "siteId": str(site.id),
            "earlierThan": "2030-01-01T00:00:00+08:00",
            "applicationId": theirs,
        },
    )
    # then
    assert (result["code"], result["field"]) == ("NOT_FOUND", "applicationId")
    await attacker.aclose()
