"""Web Push delivery (RFC 8030/8291/8292) for queued push jobs.

The sender sits behind a small interface; the production implementation encrypts each message
(RFC 8291, http_ece, as pywebpush does) and posts it to the browser's push service over one
shared aiohttp session (kept-alive connections per origin), reusing a VAPID header per
push-service origin while it is valid. Tests run the same sender against a local
push-service receiver that decrypts every message.
"""

from __future__ import annotations

import base64
import json
import logging
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol
from urllib.parse import urlsplit

import aiohttp
import http_ece
from cryptography.hazmat.primitives.asymmetric import ec
from py_vapid import Vapid02

from palm_customs.core import clock, jobs, metrics
from palm_customs.core.coalesce import Deferred
from palm_customs.notifications.models import Notification, PushSubscription
from palm_customs.notifications.services import PUSH_BUDGET, PUSH_JOB
from palm_customs.settings import Settings

logger = logging.getLogger(__name__)

# RFC 8291: a 4096-byte record holds at most 3993 bytes of plaintext.
MAX_PAYLOAD = 3993
TTL_SECONDS = 24 * 60 * 60
_TTL = str(TTL_SECONDS)
# A VAPID JWT is valid this long (RFC 8292 allows up to 24 h) and renewed when less is left
# than VAPID_RENEW_BEFORE (seconds, true time).
VAPID_LIFETIME = 12 * 60 * 60
VAPID_RENEW_BEFORE = 600


class PayloadTooLarge(ValueError):
    pass


def payload_for(notification: Notification) -> bytes:
    """Only what the notification shows; the app fetches details when opened."""
    body = json.dumps(
        {
            "id": str(notification.id),
            "title": notification.title,
            "body": notification.body,
            "link": notification.link,
            "topic": notification.topic,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode()
    if len(body) > MAX_PAYLOAD:
        raise PayloadTooLarge(f"{len(body)} bytes")
    return body


LAST_SUCCESS_PRECISION = timedelta(minutes=1)


@dataclass(frozen=True, slots=True)
class PushResult:
    status: int
    retry_after: float | None = None


class PushSender(Protocol):
    async def send(
        self, *, subscription: PushSubscription, payload: bytes, urgency: str, topic: str
    ) -> PushResult: ...


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        try:
            from email.utils import parsedate_to_datetime

            # An HTTP date from the push service is true time, not the (test-movable) clock.
            true_now = datetime.now(UTC)
            return max(0.0, (parsedate_to_datetime(value) - true_now).total_seconds())
        except (TypeError, ValueError):
            return None


def _b64url_decode(value: str) -> bytes:
    return base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))


def encrypt(payload: bytes, *, p256dh: str, auth: str) -> bytes:
    """RFC 8291 (aes128gcm) for one message: a fresh ephemeral ECDH key and salt every time."""
    return http_ece.encrypt(  # type: ignore[no-any-return]
        payload,
        private_key=ec.generate_private_key(ec.SECP256R1()),
        dh=_b64url_decode(p256dh),
        auth_secret=_b64url_decode(auth),
        version="aes128gcm",
    )


class WebPushSender:
    """Posts each message over one aiohttp session (its connection pool keeps connections to
    each push-service origin open between messages). What pywebpush's WebPusher does per call
    is done here directly: the same RFC 8291 encryption per message (http_ece), the same
    headers, without copying the subscription, building case-insensitive dicts and reading the
    answer as text for every message."""

    def __init__(self, settings: Settings) -> None:
        self.vapid = Vapid02.from_pem(settings.vapid_private_key.reveal().encode())
        self.subject = settings.vapid_subject
        self._session: aiohttp.ClientSession | None = None
        self._headers: dict[str, tuple[float, dict[str, str]]] = {}

    def _session_for_loop(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=15))
        return self._session

    def vapid_headers(self, endpoint: str) -> dict[str, str]:
        """The VAPID Authorization header for the endpoint's origin (the JWT's audience),
        signed once and reused until less than VAPID_RENEW_BEFORE of its lifetime is left."""
        parts = urlsplit(endpoint)
        audience = f"{parts.scheme}://{parts.netloc}"
        cached = self._headers.get(audience)
        # Push services check VAPID expiry against true time, never the test-movable clock.
        now = time.time()
        if cached and cached[0] - now > VAPID_RENEW_BEFORE:
            return cached[1]
        expires = int(now) + VAPID_LIFETIME
        # A fresh claims dict per signature: py_vapid writes into the one it is given.
        headers = self.vapid.sign({"aud": audience, "exp": expires, "sub": self.subject})
        self._headers[audience] = (expires, dict(headers))
        return dict(headers)

    async def send(
        self, *, subscription: PushSubscription, payload: bytes, urgency: str, topic: str
    ) -> PushResult:
        body = encrypt(payload, p256dh=subscription.p256dh, auth=subscription.auth)
        headers = {
            **self.vapid_headers(subscription.endpoint),
            "Content-Encoding": "aes128gcm",
            "TTL": _TTL,
            "Urgency": urgency,
            "Topic": topic,
        }
        async with self._session_for_loop().post(
            subscription.endpoint, data=body, headers=headers
        ) as response:
            await response.read()  # the whole answer: the connection goes back to the pool
            return PushResult(
                status=response.status,
                retry_after=_retry_after(response.headers.get("Retry-After")),
            )

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()


_sender: PushSender | None = None


def use_sender(sender: PushSender | None) -> None:
    """Install the sender the push jobs use (the server and workers do it at start)."""
    global _sender
    _sender = sender


def _report(status: str) -> None:
    metrics.PUSH_RESULTS.labels(status).inc()


@dataclass(frozen=True, slots=True)
class _Claimed:
    """A claim's notifications and devices, read in two queries for all its push jobs."""

    notifications: dict[uuid.UUID, Notification]
    subscriptions: dict[uuid.UUID, PushSubscription]


# What a run reads of its notification and device: a claim reads only these columns (no
# dates, JSON or enums it does not use to convert for every message).
_NOTIFICATION_FIELDS = (
    "id",
    "superseded_by_id",
    "read_at",
    "title",
    "body",
    "link",
    "topic",
    "urgency",
)
_SUBSCRIPTION_FIELDS = ("id", "endpoint", "p256dh", "auth", "last_success_at")


async def prefetch(payloads: list[dict[str, Any]]) -> _Claimed:
    notification_ids = {uuid.UUID(p["notification"]) for p in payloads}
    subscription_ids = {uuid.UUID(p["subscription"]) for p in payloads}
    notifications = Notification.filter(id__in=notification_ids).only(*_NOTIFICATION_FIELDS)
    subscriptions = PushSubscription.filter(id__in=subscription_ids).only(*_SUBSCRIPTION_FIELDS)
    return _Claimed(
        notifications={n.id: n for n in await notifications},
        subscriptions={s.id: s for s in await subscriptions},
    )


async def _reached_many(ids: Sequence[uuid.UUID]) -> None:
    """Devices reached just now, written in one statement for the pushes answered together."""
    await PushSubscription.filter(id__in=sorted(set(ids))).update(last_success_at=clock.now())


# Shown to the minute: written with the job finishes (core/jobs.py), nobody waits for it.
_reached: Deferred[uuid.UUID] = Deferred(_reached_many, linger=jobs.DONE_LINGER)


async def _rows(payload: dict[str, Any]) -> tuple[Notification | None, PushSubscription | None]:
    notification_id = uuid.UUID(payload["notification"])
    subscription_id = uuid.UUID(payload["subscription"])
    claimed = jobs.prefetched()
    if isinstance(claimed, _Claimed):  # read for the whole claim (absent: deleted since)
        return (
            claimed.notifications.get(notification_id),
            claimed.subscriptions.get(subscription_id),
        )
    return (
        await Notification.get_or_none(id=notification_id),
        await PushSubscription.get_or_none(id=subscription_id),
    )


async def deliver(payload: dict[str, Any]) -> None:
    """The push job: send one notification to one device, and act on the answer.

    The hand-over is recorded (committed) just before the message leaves, and only while this
    run still holds its job (core.jobs.hand_over): a worker that lost the job sends nothing.
    If a run died after a hand-over and before learning the answer, the next run cannot know
    whether the push service took the message. It sends it again under the same Topic, which
    makes the push service replace a copy it still holds, and the service worker shows it
    under the same tag (the topic), replacing a copy already shown: the phone shows it once.
    """
    if _sender is None:
        raise RuntimeError("no push sender installed")
    notification, subscription = await _rows(payload)
    if notification is None or subscription is None:
        return  # unsubscribed or erased since: nothing to deliver
    if notification.superseded_by_id is not None or notification.read_at is not None:
        return  # already replaced or seen in the inbox
    try:
        body = payload_for(notification)
    except PayloadTooLarge as error:
        raise jobs.PermanentFailure(f"payload too large: {error}") from None
    if await jobs.hand_over():
        logger.info(
            "push %s: an earlier run's outcome is unknown; sending again under Topic %s",
            notification.id,
            notification.topic,
        )
        _report("resent")
    try:
        result = await _sender.send(
            subscription=subscription,
            payload=body,
            urgency=notification.urgency.value,
            topic=notification.topic,
        )
    except aiohttp.ClientConnectorError as error:
        # No connection was made: the message certainly did not leave.
        _report("unreachable")
        raise jobs.RetryLater(None, f"push service unreachable: {type(error).__name__}") from None
    except (TimeoutError, aiohttp.ClientError, OSError) as error:
        # Sent, perhaps received, no answer: the outcome is unknown (the hand-over stays).
        _report("no answer")
        raise ConnectionError(f"push service gave no answer: {type(error).__name__}") from None
    _report(str(result.status))
    if result.status in (200, 201, 202):
        now = clock.now()
        last = subscription.last_success_at
        # A device shown as "last reached" to the minute: a fan-out writes it once, not per push.
        if last is None or now - last >= LAST_SUCCESS_PRECISION:
            _reached.add(subscription.id)
        return
    if result.status in (404, 410):
        # The browser dropped this subscription for good.
        await PushSubscription.filter(id=subscription.id).delete()
        return
    if result.status == 429 or result.status >= 500:
        delay = None if result.retry_after is None else timedelta(seconds=result.retry_after)
        # Honoured for as long as the job's budget (the message's TTL) lasts.
        raise jobs.RetryLater(delay, f"push service answered {result.status}")
    raise jobs.PermanentFailure(f"push service refused the message: {result.status}")


# Installed by palm_customs/registry.py. A run waits 15 s at most for the push service; the
# budget is the message's TTL: after it a push service would drop the message anyway.
JOB_HANDLERS: dict[str, jobs.HandlerEntry] = {
    PUSH_JOB: jobs.JobKind(run=deliver, timeout=30.0, budget=PUSH_BUDGET, prefetch=prefetch)
}
