"""Every list query sends the same number of SQL statements for 5 rows and for 50.

One real record is made through the API, then copied (tests/statements.py `clone`) so the page
holds 5, then 50 rows, each with its own related rows (outcomes, reviews, events, sites...).
The statements the page request sends are counted on the database clients' logger, so this
holds on SQLite and PostgreSQL alike. An N+1 shows as 45 more statements for 50 rows.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any
from zoneinfo import ZoneInfo

import httpx
from starlette.applications import Starlette

from palm_customs.applications.models import (
    Application,
    ApplicationEvent,
    ApplicationStatus,
    CorrectionList,
    Review,
)
from palm_customs.appointments.models import Booking, WaitlistEntry, WaitlistStatus
from palm_customs.catalogue.services import seed_catalogue
from palm_customs.core import clock
from palm_customs.declarations.models import Declaration, InspectionOutcome, OutcomeKind
from palm_customs.documents.models import Document, FileFormat
from palm_customs.identity.models import Officer, Passkey, Session
from palm_customs.notifications.models import Notification, NotificationType, PushSubscription
from tests.appointments.flows import SITE_DAY, book, clerk, create_site, create_slot
from tests.conftest import ORIGIN, graphql
from tests.declarations.flows import inspector, key, submit, traveller, trip
from tests.statements import clone, counted_statements

MY_DECLARATIONS = """
query { myDeclarations(first: 60) { nodes { id number outcome { kind }
  articles { key photo { url } } } pageInfo { hasNextPage } } }
"""
MY_APPLICATIONS = """
query { myApplications(first: 60) { number daysLeft corrections { target }
  reviews { level status } timeline { kind } } }
"""
REVIEW_QUEUE = """
query { reviewQueue(first: 60) { review { id } application { number daysLeft timeline { kind } }
  changes { fields } claimedByMe } }
"""
MY_BOOKINGS = "query { myBookings(includePast: true, first: 60) { id number site { code } } }"
MY_DOCUMENTS = "query { myDocuments(first: 60) { nodes { id materialCode } } }"
MY_WAITLIST = "query { myWaitlist { id itemCode status } }"
MY_PUSH_DEVICES = "query { myPushDevices { id device categories } }"
MY_SESSIONS = "query { mySessions { id current signInMethod } }"
MY_PASSKEYS = "query { myPasskeys { id name synced } }"
MY_NOTIFICATIONS = (
    "query { myNotifications(first: 60) { nodes { id title } unreadCount pageInfo { endCursor } } }"
)
APPLICATION_SUBMIT = """
mutation($item: String!, $form: [FormValueInput!]!, $key: String!) {
  applicationSubmit(itemCode: $item, formData: $form, materials: [], idempotencyKey: $key) {
    __typename ... on ApplicationDone { applicationId }
  }
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


async def _statements_for_5_and_50(
    client: httpx.AsyncClient,
    query: str,
    *,
    add: Callable[[int], Awaitable[None]],
    rows: Callable[[dict[str, Any]], list[Any]],
    variables: dict[str, object] | None = None,
) -> tuple[int, int]:
    """Add rows up to 5, count the page's statements; up to 50, count again."""
    before = await graphql(client, query, variables)
    assert "errors" not in before, before
    made = len(rows(before["data"]))  # type: ignore[arg-type]
    assert 1 <= made < 5, made
    counts = []
    for total, more in ((5, 5 - made), (50, 45)):
        await add(more)
        with counted_statements() as statements:
            body = await graphql(client, query, variables)
        assert "errors" not in body, body
        assert len(rows(body["data"])) == total  # type: ignore[arg-type]
        counts.append(len(statements))
    return counts[0], counts[1]


async def test_my_declarations_with_outcomes_and_photos_cost_the_same_for_5_and_50(
    client: httpx.AsyncClient,
) -> None:
    # given one real declaration, each copy with its outcome and an article photo reference
    await traveller(client)
    made = await submit(client, trip())
    assert made["__typename"] == "DeclarationSubmitSuccess", made
    original = await Declaration.get(id=made["declaration"]["id"])

    async def add(more: int) -> None:
        copies = await clone(
            original,
            more,
            number=lambda i: f"T{uuid.uuid4().hex[:12].upper()}",
            idempotency_key=lambda i: key(),
            articles=lambda i: [
                {**a, "photo_document_id": str(uuid.uuid4())} for a in original.articles
            ],
        )
        await InspectionOutcome.bulk_create(
            InspectionOutcome(
                id=uuid.uuid4(),
                declaration_id=c.id,
                officer_id=original.account_id,
                kind=OutcomeKind.RELEASED,
                idempotency_key=key(),
                recorded_at=clock.now(),
                observed_at=clock.now(),
            )
            for c in copies
        )

    # when
    five, fifty = await _statements_for_5_and_50(
        client,
        MY_DECLARATIONS,
        add=add,
        rows=lambda data: data["myDeclarations"]["nodes"],
    )
    # then
    assert five == fifty, (five, fifty)


async def _application(client: httpx.AsyncClient) -> Application:
    await seed_catalogue()
    body = await graphql(
        client, APPLICATION_SUBMIT, {"item": "CUSTOMS_ENQUIRY", "form": FORM, "key": key()}
    )
    done = body["data"]["applicationSubmit"]  # type: ignore[index]
    assert done["__typename"] == "ApplicationDone", done
    return await Application.get(id=done["applicationId"])


async def _copy_application(
    original: Application, more: int, *, status: ApplicationStatus | None = None
) -> None:
    """Copies of an application, each with copies of its reviews and events (and, asking for
    corrections, a correction list)."""
    reviews = await Review.filter(application_id=original.id)
    events = await ApplicationEvent.filter(application_id=original.id)
    copies = await clone(
        original,
        more,
        number=lambda i: f"A{uuid.uuid4().hex[:12].upper()}",
        idempotency_key=lambda i: key(),
        status=lambda i: status or original.status,
    )
    for copy in copies:
        for review in reviews:
            await clone(review, 1, application_id=lambda i, c=copy: c.id)
        for event in events:
            await clone(event, 1, application_id=lambda i, c=copy: c.id)
        if status is ApplicationStatus.CORRECTIONS_REQUIRED:
            await CorrectionList.create(
                id=uuid.uuid4(),
                application_id=copy.id,
                review_id=reviews[0].id,
                revision=copy.revision,
                items=[
                    {"target": "APPLICANT_NAME", "problem": "p", "action": "a", "department": "d"}
                ],
                created_at=clock.now(),
            )


async def test_my_applications_with_reviews_events_and_corrections_cost_the_same_for_5_and_50(
    client: httpx.AsyncClient,
) -> None:
    # given
    await traveller(client)
    original = await _application(client)

    async def add(more: int) -> None:
        await _copy_application(original, more, status=ApplicationStatus.CORRECTIONS_REQUIRED)

    # when
    five, fifty = await _statements_for_5_and_50(
        client,
        MY_APPLICATIONS,
        add=add,
        rows=lambda data: data["myApplications"],
    )
    # then
    assert five == fifty, (five, fifty)


async def test_the_review_queue_costs_the_same_for_5_and_50(
    client: httpx.AsyncClient, app: Starlette
) -> None:
    # given applications waiting for the reviewer's department
    await traveller(client)
    original = await _application(client)
    async with _client(app) as reviewer:
        await inspector(reviewer, badge="R4001", roles=("reviewer",))
        await Officer.filter(badge_number="R4001").update(unit="service_centre")

        async def add(more: int) -> None:
            await _copy_application(original, more)

        # when
        five, fifty = await _statements_for_5_and_50(
            reviewer, REVIEW_QUEUE, add=add, rows=lambda data: data["reviewQueue"]
        )
    # then
    assert five == fifty, (five, fifty)


async def test_my_bookings_at_many_sites_cost_the_same_for_5_and_50(
    client: httpx.AsyncClient,
) -> None:
    # given one real booking; each copy at a site of its own
    site = await create_site()
    slot = await create_slot(site)
    await traveller(client)
    made = await book(client, slot)
    assert made["__typename"] == "BookingSuccess", made
    original = await Booking.get(id=made["booking"]["id"])

    async def add(more: int) -> None:
        sites = await clone(site, more, code=lambda i: f"S-{uuid.uuid4().hex[:10]}")
        await clone(
            original,
            more,
            number=lambda i: f"B{uuid.uuid4().hex[:12].upper()}",
            idempotency_key=lambda i: key(),
            site_id=lambda i: sites[i].id,
            active_seat=lambda i: None,
            active_application=lambda i: None,
            checkin_key=lambda i: None,
        )

    # when
    five, fifty = await _statements_for_5_and_50(
        client, MY_BOOKINGS, add=add, rows=lambda data: data["myBookings"]
    )
    # then
    assert five == fifty, (five, fifty)


async def test_my_notifications_cost_the_same_for_5_and_50(client: httpx.AsyncClient) -> None:
    # given
    await traveller(client)
    me = await graphql(client, "query { me { accountId } }")
    account = me["data"]["me"]["accountId"]  # type: ignore[index]
    original = Notification(
        id=uuid.uuid4(),
        recipient_id=account,
        type=NotificationType.POLICY_NOTICE,
        subject="policy:1",
        topic="policy-1",
        title="Notice",
        body="Body",
        link="/",
        language="en",
        created_at=clock.now(),
    )
    await original.save()

    async def add(more: int) -> None:
        await clone(original, more)

    # when
    five, fifty = await _statements_for_5_and_50(
        client,
        MY_NOTIFICATIONS,
        add=add,
        rows=lambda data: data["myNotifications"]["nodes"],
    )
    # then
    assert five == fifty, (five, fifty)


async def test_a_site_day_costs_the_same_for_5_and_50_bookings(
    client: httpx.AsyncClient, app: Starlette
) -> None:
    # given
    site = await create_site()
    slot = await create_slot(site)
    await traveller(client)
    made = await book(client, slot)
    assert made["__typename"] == "BookingSuccess", made
    original = await Booking.get(id=made["booking"]["id"])
    day = slot.starts_at.astimezone(ZoneInfo(site.timezone)).date().isoformat()

    async def add(more: int) -> None:
        await clone(
            original,
            more,
            number=lambda i: f"B{uuid.uuid4().hex[:12].upper()}",
            idempotency_key=lambda i: key(),
            active_seat=lambda i: None,
            active_application=lambda i: None,
            checkin_key=lambda i: None,
        )

    officer = await clerk(app, roles=("supervisor",))
    try:
        # when
        five, fifty = await _statements_for_5_and_50(
            officer,
            SITE_DAY,
            add=add,
            rows=lambda data: data["siteDay"]["bookings"],
            variables={"site": str(site.id), "date": day},
        )
    finally:
        await officer.aclose()
    # then
    assert five == fifty, (five, fifty)


async def test_my_sessions_and_passkeys_cost_the_same_for_5_and_50(
    client: httpx.AsyncClient,
) -> None:
    # given
    await traveller(client)
    session = await Session.filter(ended_at=None).first()
    passkey = await Passkey.first()
    assert session is not None
    assert passkey is not None

    async def add_sessions(more: int) -> None:
        await clone(session, more, token_hash=lambda i: uuid.uuid4().hex)

    async def add_passkeys(more: int) -> None:
        await clone(passkey, more, credential_id=lambda i: uuid.uuid4().hex)

    # when
    sessions = await _statements_for_5_and_50(
        client, MY_SESSIONS, add=add_sessions, rows=lambda data: data["mySessions"]
    )
    passkeys = await _statements_for_5_and_50(
        client, MY_PASSKEYS, add=add_passkeys, rows=lambda data: data["myPasskeys"]
    )
    # then
    assert sessions[0] == sessions[1], sessions
    assert passkeys[0] == passkeys[1], passkeys


async def test_my_documents_waitlist_places_and_push_devices_cost_the_same_for_5_and_50(
    client: httpx.AsyncClient,
) -> None:
    # given one of each (the first made before counting), then copies
    await traveller(client)
    me = await graphql(client, "query { me { accountId } }")
    account = uuid.UUID(me["data"]["me"]["accountId"])  # type: ignore[index]
    now = clock.now()
    document = Document(
        id=uuid.uuid4(),
        owner_key=f"account:{account}",
        account_id=account,
        uploaded_by_id=account,
        idempotency_key=key(),
        material_code="PASSPORT",
        file_format=FileFormat.PDF,
        media_type="application/pdf",
        size_bytes=1000,
        pages=1,
        sha256="0" * 64,
        source_sha256=key(),
        created_at=now,
        updated_at=now,
    )
    entry = WaitlistEntry(
        id=uuid.uuid4(),
        account_id=account,
        item_code="CULTURAL_RELIC_EXIT",
        earlier_than=now,
        status=WaitlistStatus.WAITING,
        created_at=now,
    )
    device = PushSubscription(
        id=uuid.uuid4(),
        account_id=account,
        endpoint=f"https://push.example/{key()}",
        p256dh="p",
        auth="a",
        device="phone",
        categories=["policy_notices"],
    )
    for row in (document, entry, device):
        await row.save()
    cases: list[tuple[str, Any, dict[str, Callable[[], str]], Callable[[Any], list[Any]]]] = [
        (
            MY_DOCUMENTS,
            document,
            {"idempotency_key": key, "source_sha256": key},
            lambda data: data["myDocuments"]["nodes"],
        ),
        (MY_WAITLIST, entry, {}, lambda data: data["myWaitlist"]),
        (
            MY_PUSH_DEVICES,
            device,
            {"endpoint": lambda: f"https://push.example/{key()}"},
            lambda data: data["myPushDevices"],
        ),
    ]
    for query, original, unique, rows in cases:

        async def add(more: int, original: Any = original, unique: Any = unique) -> None:
            await clone(
                original, more, **{name: lambda i, m=make: m() for name, make in unique.items()}
            )

        # when
        five, fifty = await _statements_for_5_and_50(client, query, add=add, rows=rows)
        # then
        assert five == fifty, (query, five, fifty)
