"""The production shape, run: a person's requests go through the real reverse proxy
(deploy/Caddyfile in Debian's caddy) to two `palm-customs serve` replicas backed by PostgreSQL,
Redis and S3-compatible storage, with standalone `palm-customs worker` processes.

Which replica served a request is read from outside: each replica counts GraphQL requests by
operation name in its own /metrics, and the scenarios name their operations uniquely.

The scenarios share one stack (module scope) and run in file order; each makes its own people
and data. The last ones are faults: Redis restarted, a replica killed.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, TypeVar

import boto3
import httpx
import pytest
from tortoise import Tortoise
from websockets.asyncio.client import ClientConnection, connect

from palm_customs.appointments.models import Slot
from palm_customs.catalogue.demo import seed_ports
from palm_customs.core.db import tortoise_config
from palm_customs.core.job_workers import JobWorker
from palm_customs.core.jobs import Job, JobStatus
from palm_customs.documents.storage import blob_key
from palm_customs.identity.models import Session
from tests.appointments.flows import ITEM, book, noon_zone
from tests.core.test_metrics import samples, value
from tests.declarations.flows import submit, trip
from tests.documents.files import png_with_gps
from tests.documents.flows import create_material, upload, uploaded
from tests.factories import make_person_input, make_site, make_slot
from tests.identity.authenticator import SoftAuthenticator, b64url
from tests.identity.flows import create_account, sign_in
from tests.identity.test_passwords import CREATE as CREATE_WITH_PASSWORD
from tests.identity.test_passwords import PASSWORD
from tests.notifications.receiver import Device, Receiver
from tests.topology.stack import S3_BUCKET, S3_KEYS, Replica, Stack, pg_admin

pytestmark = [pytest.mark.asyncio(loop_scope="module"), pytest.mark.usefixtures("orm")]

T = TypeVar("T")

PROXY_CLIENT = "127.0.0.3"  # a phone on the internet, as the proxy sees it
DIRECT_CLIENT = "127.0.0.2"  # someone reaching a replica without the proxy
SPOOFED = "203.0.113.7"  # what a client claims in X-Forwarded-For

PUSH_SUBSCRIBE = """
mutation TopologyPushSubscribe($endpoint: String!, $p256dh: String!, $auth: String!) {
  pushSubscriptionSave(endpoint: $endpoint, p256dh: $p256dh, auth: $auth,
                       categories: ["declaration_outcomes"], device: "phone") { __typename }
}
"""
BOOKING_UPDATES = (
    "subscription {name}($id: ID!) {{ myBookingUpdates(bookingId: $id) {{ bookingId status }} }}"
)
CANCEL = (
    "mutation {name}($id: ID!) {{ bookingCancel(bookingId: $id) {{ __typename"
    " ... on BookingChanged {{ booking {{ id status }} }} }} }}"
)
SIGN_IN_WITH_PASSWORD = """
mutation {name}($name: String!, $password: String!) {{
  signInWithPassword(signInName: $name, password: $password) {{
    __typename
    ... on SignInError {{ code }}
    ... on TooManyAttempts {{ retryAfterSeconds }}
  }}
}}
"""


# --- how the scenarios talk to the stack ---------------------------------------------------------


def client(base_url: str, origin: str, *, source: str, **headers: str) -> httpx.AsyncClient:
    """An HTTP client whose connections come from the loopback address `source`."""
    return httpx.AsyncClient(
        base_url=base_url,
        headers={"origin": origin, "accept-language": "en", **headers},
        transport=httpx.AsyncHTTPTransport(local_address=source),
        timeout=30,
    )


@pytest.fixture
async def phone(stack: Stack) -> AsyncIterator[httpx.AsyncClient]:
    """A person's phone: every request through the proxy, claiming a forged address."""
    async with client(
        stack.origin, stack.origin, source=PROXY_CLIENT, **{"x-forwarded-for": SPOOFED}
    ) as http:
        yield http


def direct(
    stack: Stack, replica: Replica, *, source: str = DIRECT_CLIENT, **headers: str
) -> httpx.AsyncClient:
    """Straight to one replica, not through the proxy (claiming a forged address too)."""
    return client(
        replica.url, stack.origin, source=source, **{"x-forwarded-for": SPOOFED, **headers}
    )


def session_cookie(http: httpx.AsyncClient) -> str:
    token = http.cookies.get("palm_session")
    assert token, "signed in: the session cookie is set"
    return f"palm_session={token}"


async def ask(
    http: httpx.AsyncClient, query: str, variables: dict[str, Any] | None = None, **headers: str
) -> dict[str, Any]:
    name = query.split("(", 1)[0].split("{", 1)[0].split()[1]
    response = await http.post(
        "/graphql",
        json={"query": query, "variables": variables or {}, "operationName": name},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert "errors" not in body, body
    data: dict[str, Any] = next(iter(body["data"].values()))
    return data


def served_by(stack: Stack, operation: str, kind: str = "query") -> list[str]:
    """The replicas that counted a request of this (unique) operation name."""
    return [
        replica.name
        for replica in stack.replicas
        if replica.alive()
        and value(
            replica.metrics(),
            "palm_graphql_request_seconds_count",
            operation=operation,
            type=kind,
        )
        > 0
    ]


def unique(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4().hex[:10]}"


async def until(check: Callable[[], Awaitable[T]], *, what: str, stack: Stack) -> T:
    """Poll until `check` answers something true (a deadline only stops a broken run)."""
    deadline = time.monotonic() + 60
    while True:
        result = await check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}\n{stack.logs()}")
        await asyncio.sleep(0.1)


async def signed_up(http: httpx.AsyncClient, stack: Stack, n: int) -> SoftAuthenticator:
    auth = SoftAuthenticator(origin=stack.origin)
    created = await create_account(http, auth, n=n)
    assert created["__typename"] == "SignInSuccess", created
    return auth


async def me(http: httpx.AsyncClient, name: str) -> dict[str, Any]:
    return await ask(http, "query " + name + " { me { accountId person { fullName } } }")


# --- a person's journey across replicas ----------------------------------------------------------


async def test_a_person_signed_up_through_the_proxy_is_signed_in_on_every_replica(
    stack: Stack, phone: httpx.AsyncClient
) -> None:
    # given a person who signed up through the proxy (one replica handled it)
    await signed_up(phone, stack, 1)
    # when they keep using the app until both replicas have answered them (for up to 30 s: the
    # proxy checks its upstreams every 2 s, and one that was not up at its first check is left
    # out until the next)
    answers: dict[str, set[str]] = {}
    deadline = time.monotonic() + 30
    while len(answers) < 2 and time.monotonic() < deadline:
        name = unique("TopologyMe")
        answer = await me(phone, name)
        for replica in served_by(stack, name):
            answers.setdefault(replica, set()).add(json.dumps(answer, sort_keys=True))
        await asyncio.sleep(0.05)
    # then each replica knew them: the session lives in the database, not in a process
    assert set(answers) == {"app-1", "app-2"}, "the proxy sends requests to both replicas"
    seen = set().union(*answers.values())
    assert len(seen) == 1
    assert json.loads(seen.pop())["person"] == {"fullName": "王小明1"}


async def test_the_app_believes_forwarded_addresses_from_the_proxy_only(
    stack: Stack, phone: httpx.AsyncClient
) -> None:
    # given a person who signs up through the proxy while claiming another address
    auth = await signed_up(phone, stack, 2)
    account_id = (await me(phone, "TopologyWhoAmI"))["accountId"]
    # when they sign in again straight at a replica, claiming that address again
    async with direct(stack, stack.replicas[0]) as bypass:
        signed_in = await sign_in(bypass, auth)
    # and the proxy's own address forwards a client's
    async with direct(stack, stack.replicas[1], source="127.0.0.1") as proxy_like:
        signed_in_again = await sign_in(proxy_like, auth)
    # then the proxy replaced the forged header with the phone's real address, a client
    # reaching a replica directly is taken at its socket address, and only the proxy's
    # address is believed when it forwards one
    assert signed_in["__typename"] == signed_in_again["__typename"] == "SignInSuccess"
    sessions = await Session.filter(account_id=account_id).order_by("created_at")
    assert [s.ip for s in sessions] == [PROXY_CLIENT, DIRECT_CLIENT, SPOOFED]


async def test_a_document_uploaded_through_one_replica_is_served_by_the_other(
    stack: Stack, phone: httpx.AsyncClient
) -> None:
    # given a person signed in through the proxy, and a photo they upload to the first replica
    await signed_up(phone, stack, 3)
    await create_material(code="TOPOLOGY_PHOTO")
    cookie = session_cookie(phone)
    async with direct(stack, stack.replicas[0], cookie=cookie) as first:
        document = uploaded(await upload(first, png_with_gps(), material="TOPOLOGY_PHOTO"))
        kept = await first.get(document["url"])
    # when the other replica and the proxy are asked for it
    async with direct(stack, stack.replicas[1], cookie=cookie) as second:
        from_second = await second.get(document["url"])
    through_proxy = await phone.get(document["url"])
    # then both serve the same bytes, which live in the bucket, not in any replica's folder
    assert kept.status_code == from_second.status_code == through_proxy.status_code == 200
    assert from_second.content == through_proxy.content == kept.content
    bucket = boto3.client(
        "s3",
        endpoint_url=stack.s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id=S3_KEYS["S3_ACCESS_KEY_ID"],
        aws_secret_access_key=S3_KEYS["S3_SECRET_ACCESS_KEY"],
    )
    keys = [o["Key"] for o in bucket.list_objects_v2(Bucket=S3_BUCKET).get("Contents", [])]
    assert blob_key(document["sha256"]) in keys
    for replica in stack.replicas:
        assert not any(p.is_file() for p in (replica.var_dir / "blobs").rglob("*"))


async def _bookable_slot() -> Slot:
    site = await make_site(
        code=f"TOPO-{uuid.uuid4().hex[:6]}",
        names=("拓扑", "拓撲", "Topology hall"),
        timezone=noon_zone(),
        windows=[(1, [ITEM])],
    )
    return await make_slot(site=site, item_code=ITEM, capacity=1)


async def _subscribe(stack: Stack, cookie: str, booking_id: str, name: str) -> ClientConnection:
    ws = await connect(
        f"ws://localhost:{stack.proxy_port}/graphql",
        subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
        additional_headers={"Origin": stack.origin, "Cookie": cookie, "Accept-Language": "en"},
        open_timeout=10,
    )
    await ws.send(json.dumps({"type": "connection_init"}))
    assert json.loads(await asyncio.wait_for(ws.recv(), 10))["type"] == "connection_ack"
    await ws.send(
        json.dumps(
            {
                "id": "1",
                "type": "subscribe",
                "payload": {
                    "query": BOOKING_UPDATES.format(name=name),
                    "variables": {"id": booking_id},
                    "operationName": name,
                },
            }
        )
    )
    return ws


async def _next_status(ws: ClientConnection) -> str:
    message = json.loads(await asyncio.wait_for(ws.recv(), 30))
    assert message["type"] == "next", message
    status: str = message["payload"]["data"]["myBookingUpdates"]["status"]
    return status


def subscribed_on(stack: Stack, name: str) -> list[str]:
    return [
        r.name
        for r in stack.replicas
        if value(r.metrics(), "palm_subscriptions_open", operation=name) > 0
    ]


async def _live_update_crosses_replicas(stack: Stack, phone: httpx.AsyncClient) -> None:
    slot = await _bookable_slot()
    booked = await book(phone, slot)
    assert booked["__typename"] == "BookingSuccess", booked
    booking_id = booked["booking"]["id"]
    listening = unique("TopologyUpdates")
    ws = await _subscribe(stack, session_cookie(phone), booking_id, listening)
    try:
        assert await _next_status(ws) == "CONFIRMED"
        [subscription_replica] = subscribed_on(stack, listening)
        # when the person cancels: the proxy sends it to the replica with fewer open
        # requests, the other one (the WebSocket is one open request)
        cancelling = unique("TopologyCancel")
        cancelled = await ask(phone, CANCEL.format(name=cancelling), {"id": booking_id})
        assert cancelled["booking"]["status"] == "CANCELLED"
        [cancel_replica] = served_by(stack, cancelling, "mutation")
        # then the phone, listening on the other replica, hears it (Redis pub/sub)
        assert cancel_replica != subscription_replica
        assert await _next_status(ws) == "CANCELLED"
    finally:
        await ws.close()


async def test_a_booking_change_made_on_one_replica_reaches_the_phone_listening_on_the_other(
    stack: Stack, phone: httpx.AsyncClient
) -> None:
    # given a person with a booking, whose phone listens to it through the proxy
    await signed_up(phone, stack, 4)
    # when / then
    await _live_update_crosses_replicas(stack, phone)


async def _declare(phone: httpx.AsyncClient) -> None:
    await seed_ports()
    submitted = await submit(phone, trip())
    assert submitted["__typename"] == "DeclarationSubmitSuccess", submitted


async def _push_device(phone: httpx.AsyncClient, receiver: Receiver) -> Device:
    device = receiver.device()
    saved = await ask(
        phone,
        PUSH_SUBSCRIBE,
        {
            "endpoint": receiver.endpoint(device),
            "p256dh": device.p256dh,
            "auth": b64url(device.auth),
        },
    )
    assert saved["__typename"] == "NotificationDone", saved
    return device


async def test_a_notification_enqueued_by_a_replica_is_delivered_by_a_standalone_worker(
    stack: Stack, phone: httpx.AsyncClient, receiver: Receiver
) -> None:
    # given a traveller with a phone that takes push messages
    await signed_up(phone, stack, 5)
    device = await _push_device(phone, receiver)
    # when they submit a declaration through the proxy (the replicas run no jobs)
    await _declare(phone)

    async def delivered() -> bool:
        return bool(receiver.deliveries_to(device))

    await until(delivered, what="the push message", stack=stack)
    # then a standalone worker delivered it, worded in the person's language (the worker
    # process has every message of the catalogue)
    [delivery] = receiver.deliveries_to(device)
    print(delivery.payload)
    done = sum(
        value(w.metrics(), "palm_job_results_total", kind="push.deliver", result="done")
        for w in stack.workers
    )
    assert done >= 1


async def test_a_killed_workers_job_is_taken_back_at_once_by_a_live_worker(
    stack: Stack, phone: httpx.AsyncClient, receiver: Receiver
) -> None:
    # given the two live workers, and a traveller whose push service keeps the first message
    # waiting (the worker that sends it will die waiting)
    assert len(stack.workers) == 2
    await signed_up(phone, stack, 6)
    device = await _push_device(phone, receiver)
    receiver.hold(device, 20.0)
    await _declare(phone)

    async def in_flight() -> bool:
        return receiver.arrivals_to(device) == 1

    await until(in_flight, what="the message to reach the push service", stack=stack)
    [job] = await Job.filter(kind="push.deliver", status=JobStatus.RUNNING)
    holder = await JobWorker.get(name=job.locked_by)
    [doomed] = [w for w in stack.workers if w.pid == holder.pid]
    lease_end = job.locked_until
    assert lease_end is not None
    # when that worker is killed (-9) while its message is out
    await asyncio.to_thread(doomed.kill)
    stack.workers.remove(doomed)

    async def finished() -> Job | None:
        return await Job.get_or_none(id=job.id, status=JobStatus.DONE)

    done = await until(finished, what="the job to be finished by the live worker", stack=stack)
    assert done is not None
    # then the live worker took it back when it saw the holder dead, long before the dead
    # worker's lease would have let it, and sent it again under the same Topic (the push
    # service replaces a copy it still holds)
    assert done.reclaims == 1
    assert done.finished_at is not None
    assert done.finished_at < lease_end
    first, again = receiver.deliveries_to(device)
    assert again.headers["topic"] == first.headers["topic"]
    assert again.payload == first.payload


async def _password_account(stack: Stack, n: int) -> str:
    async with client(stack.origin, stack.origin, source=PROXY_CLIENT) as http:
        created = await http.post(
            "/graphql",
            json={
                "query": CREATE_WITH_PASSWORD,
                "variables": {"input": make_person_input(n=n), "password": PASSWORD},
            },
        )
    assert (
        created.json()["data"]["accountCreateWithPassword"]["__typename"]
        == "PasswordAccountCreated"
    )
    return str(make_person_input(n=n)["email"])


async def _failures_until_refused(stack: Stack, name: str, source: str) -> tuple[int, str, str]:
    """Wrong passwords, alternately at each replica, until one refuses to check any more.

    Returns (failures counted, the replica that refused, the replica whose failure set the
    wait). The waits grow with each failure (2 s, 4 s, 8 s …), so a slow machine still gets
    its refusal within a few tries."""
    replicas = [r for r in stack.replicas if r.alive()]
    last_failure_on = ""
    for attempt in range(8):
        replica = replicas[attempt % len(replicas)]
        async with direct(stack, replica, source=source) as http:
            answer = await ask(
                http,
                SIGN_IN_WITH_PASSWORD.format(name=unique("TopologyWrongPassword")),
                {"name": name, "password": "not the password at all"},
            )
        if answer["__typename"] == "TooManyAttempts":
            assert answer["retryAfterSeconds"] > 0
            return attempt, replica.name, last_failure_on
        assert answer["__typename"] == "SignInError", answer
        last_failure_on = replica.name
    raise AssertionError("no replica ever refused")


async def test_sign_in_rate_limits_are_shared_by_the_replicas(stack: Stack) -> None:
    # given a password account
    name = await _password_account(stack, 7)
    # when wrong passwords are tried at one replica, then the other, in turn
    failures, refused_on, wait_set_on = await _failures_until_refused(stack, name, "127.0.0.4")
    # then a replica refused because of failures counted by the other one (Redis)
    assert failures >= 3
    assert refused_on != wait_set_on


async def test_after_the_journey_metrics_show_what_happened(stack: Stack) -> None:
    # when each replica and worker is scraped
    replicas = [samples(r.metrics()) for r in stack.replicas]
    workers = [samples(w.metrics()) for w in stack.workers]

    def total(
        scrapes: list[dict[tuple[str, frozenset[tuple[str, str]]], float]], name: str
    ) -> float:
        return sum(v for scrape in scrapes for (n, _), v in scrape.items() if n == name)

    # then the series the journey fed are there with non-zero counts
    assert total(replicas, "palm_graphql_request_seconds_count") > 0
    assert total(replicas, "palm_mutations_total") > 0
    assert total(replicas, "palm_audit_append_seconds_count") > 0
    assert total(replicas, "palm_rate_limit_refusals_total") > 0
    assert total(workers, "palm_job_results_total") > 0
    assert total(workers, "palm_push_results_total") > 0
    assert any(n == "palm_job_queue_depth" for scrape in replicas for (n, _) in scrape)


# --- faults ---------------------------------------------------------------------------------


async def test_after_redis_restarts_live_updates_and_rate_limits_work_again(
    stack: Stack, phone: httpx.AsyncClient
) -> None:
    # given a signed-in person, and a password account locked out by failures
    await signed_up(phone, stack, 8)
    name = await _password_account(stack, 9)
    await _failures_until_refused(stack, name, "127.0.0.5")
    # when Redis is restarted (it keeps nothing: the lock-out is forgotten)
    await asyncio.to_thread(stack.restart_redis)
    # then live updates cross the replicas again, and failures are counted again
    await _live_update_crosses_replicas(stack, phone)
    failures, refused_on, wait_set_on = await _failures_until_refused(stack, name, "127.0.0.5")
    assert failures >= 3
    assert refused_on != wait_set_on


async def _database_reachable(stack: Stack, *, reachable: bool) -> None:
    """An outage of PostgreSQL as the app sees it, on this test's database only (the server
    is shared): every open connection is dropped, and new ones are refused until it is back."""
    database = stack.database_url.rsplit("/", 1)[1]
    allow = "true" if reachable else "false"
    await pg_admin(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS {allow}')
    if not reachable:
        terminate = (
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"  # noqa: S608 (our own database)
            f" WHERE datname = '{database}' AND pid <> pg_backend_pid()"
        )
        await pg_admin(terminate)


async def test_while_the_database_is_down_requests_fail_cleanly_then_everything_recovers(
    stack: Stack, phone: httpx.AsyncClient, receiver: Receiver
) -> None:
    # given a traveller with a push subscription, signed in through the proxy
    await signed_up(phone, stack, 11)
    device = await _push_device(phone, receiver)
    # when the database goes away
    await _database_reachable(stack, reachable=False)
    try:
        during = await phone.post(
            "/graphql", json={"query": "query TopologyDuringOutage { me { accountId } }"}
        )
        ready = []
        for replica in stack.replicas:
            async with direct(stack, replica) as http:
                ready.append((await http.get("/readyz")).status_code)
    finally:
        await _database_reachable(stack, reachable=True)
    # then the request got a clean, typed 503 (no stack trace, no driver text) and the
    # replicas said they were not ready
    assert during.status_code == 503, f"{during.text}\n{stack.logs()}"
    error = during.json()["errors"][0]
    assert error["extensions"]["code"] == "UNAVAILABLE"
    assert error["extensions"]["requestId"]
    assert "asyncpg" not in during.text
    assert "Traceback" not in during.text
    assert ready == [503, 503]
    # and once it is back, the same processes (none restarted) serve the person again and a
    # worker delivers their notification
    # (this test's own connection was dropped with the others: connect it again)
    await Tortoise.close_connections()
    await Tortoise.init(config=tortoise_config(stack.database_url))

    async def answers_again() -> bool:
        response = await phone.post(
            "/graphql", json={"query": "query TopologyAfterOutage { me { accountId } }"}
        )
        return response.status_code == 200 and "errors" not in response.json()

    await until(answers_again, what="the app to recover", stack=stack)
    await _declare(phone)

    async def delivered() -> bool:
        return bool(receiver.deliveries_to(device))

    await until(delivered, what="the push message after the outage", stack=stack)
    assert all(r.alive() for r in stack.replicas)
    assert all(w.alive() for w in stack.workers)


async def test_when_a_replica_dies_the_proxy_serves_every_request_from_the_other(
    stack: Stack, phone: httpx.AsyncClient
) -> None:
    # given a signed-in person
    await signed_up(phone, stack, 10)
    # when one replica is killed (-9)
    doomed, survivor = stack.replicas
    address = f'"host":"127.0.0.1:{doomed.port}"'

    def failed_checks() -> int:
        return sum(
            1
            for line in stack.proxy.log().splitlines()
            if "HTTP request failed" in line and address in line
        )

    checks_before = failed_checks()
    await asyncio.to_thread(doomed.kill)
    # then until the proxy's health check has seen it gone, a request that the proxy sends on
    # a connection it kept open to the dead replica fails with a clean 502 (the proxy retries
    # a POST only when it could not connect: it may have been a mutation that took effect; and
    # Debian's Caddy 2.6 answers that retry 502 too, caddyserver/caddy#7546); every other
    # request is answered by the survivor, never "no upstreams" (503: the survivor rested)
    statuses: list[int] = []
    deadline = time.monotonic() + 60
    while failed_checks() <= checks_before:
        response = await phone.post(
            "/graphql", json={"query": "query TopologyProbe { me { accountId } }"}
        )
        assert response.status_code in (200, 502), (
            f"{response.status_code} {response.text}\n{stack.proxy.log()[-4000:]}"
        )
        statuses.append(response.status_code)
        assert time.monotonic() < deadline, stack.logs()
        await asyncio.sleep(0.2)
    await asyncio.sleep(0.5)  # the check marks the host down right after logging its failure
    # ...and from then on every request succeeds, answered by the survivor
    names = [unique("TopologyAfterKill") for _ in range(6)]
    for name in names:
        assert (await me(phone, name))["person"] == {"fullName": "王小明10"}
    assert all(served_by(stack, name) == [survivor.name] for name in names)
    print(
        f"after a replica was killed, before the proxy's health check saw it: {len(statuses)}"
        f" requests, {statuses.count(502)} answered 502"
    )
