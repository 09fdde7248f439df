"""The one clock: everything on the server that reads "now" asks here.

In production it is the system clock. Tests move it instead of waiting for it: `freeze(at)`
holds it at an instant, `travel(to)` shifts it and lets it run, `advance(delta)` jumps it.
The other processes of a test (the e2e server, its CLI commands and workers) follow the
`PALM_CLOCK` setting, which `settings.py` accepts only when `PALM_ENV=test`:

- `offset:<seconds>`: the system clock shifted by that many seconds (it keeps running);
- `frozen:<ISO 8601 instant with offset>`: held at that instant.

Dates that people see as "today" (working days, slot days, lead times) are dates in the
service's time zone, China Standard Time, never the UTC date: at 07:30 in Shanghai the UTC
date is still yesterday.

VAPID tokens for push services are the one exception: push services check them against the
true time, so `notifications/push.py` reads the system clock for them.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

SERVICE_ZONE = ZoneInfo("Asia/Shanghai")


class ClockSpecInvalid(ValueError):
    """A PALM_CLOCK value that is neither `offset:<seconds>` nor `frozen:<instant>`."""


@dataclass(slots=True)
class _State:
    offset: timedelta = timedelta(0)
    frozen_at: datetime | None = None
    # How far `advance` has moved monotonic time (TTL caches follow the clock's jumps).
    monotonic_shift: float = 0.0
    # Bumped whenever the clock is set or moved: caches of time-dependent answers compare it.
    generation: int = 0


_state = _State()


def now() -> datetime:
    """The current instant, timezone-aware, in UTC."""
    if _state.frozen_at is not None:
        return _state.frozen_at
    return datetime.now(UTC) + _state.offset


def local_now(zone: ZoneInfo = SERVICE_ZONE) -> datetime:
    """The current instant as wall-clock time in `zone` (the service's zone by default)."""
    return now().astimezone(zone)


def today(zone: ZoneInfo = SERVICE_ZONE) -> date:
    """Today's date in `zone`: the service's calendar day unless a site's zone is given."""
    return local_now(zone).date()


def day_of(at: datetime, zone: ZoneInfo = SERVICE_ZONE) -> date:
    """The calendar day an instant falls on in `zone` (the service's day by default), never
    the UTC date."""
    return at.astimezone(zone).date()


def monotonic() -> float:
    """Seconds for measuring intervals (TTLs); jumps forward with `advance`."""
    return time.monotonic() + _state.monotonic_shift


def generation() -> int:
    """Changes whenever the clock is set or moved (answers computed before are stale)."""
    return _state.generation


def describe() -> str:
    """The clock's mode, for logs and the test endpoint."""
    if _state.frozen_at is not None:
        return f"frozen:{_state.frozen_at.isoformat()}"
    if _state.offset:
        return f"offset:{_state.offset.total_seconds():.3f}"
    return "system"


def configure(spec: str | None) -> None:
    """Set the clock from a PALM_CLOCK value (None or "" or "system": the system clock)."""
    reset()
    if not spec or spec == "system":
        return
    kind, _, value = spec.partition(":")
    try:
        if kind == "offset":
            _state.offset = timedelta(seconds=float(value))
            return
        if kind == "frozen":
            instant = datetime.fromisoformat(value)
            if instant.tzinfo is None:
                raise ClockSpecInvalid("a frozen instant needs its UTC offset")
            _state.frozen_at = instant.astimezone(UTC)
            return
    except ValueError as error:
        raise ClockSpecInvalid(str(error)) from None
    raise ClockSpecInvalid(f"unknown clock mode {kind!r}")


def spec_for(at: datetime, *, frozen: bool = False) -> str:
    """The PALM_CLOCK value that puts a process's clock at `at` now (running, unless frozen)."""
    if at.tzinfo is None:
        raise ClockSpecInvalid("the instant needs its UTC offset")
    if frozen:
        return f"frozen:{at.astimezone(UTC).isoformat()}"
    return f"offset:{(at - datetime.now(UTC)).total_seconds():.6f}"


def reset() -> None:
    _state.offset = timedelta(0)
    _state.frozen_at = None
    _state.monotonic_shift = 0.0
    _state.generation += 1


def set_running_at(at: datetime) -> None:
    """Shift the clock so that it reads `at` now, and let it run."""
    _state.frozen_at = None
    _state.offset = at - datetime.now(UTC)
    _state.generation += 1


def advance(delta: timedelta) -> None:
    """Jump forward (or back) by `delta`, frozen or running."""
    if _state.frozen_at is not None:
        _state.frozen_at += delta
    else:
        _state.offset += delta
    _state.monotonic_shift += delta.total_seconds()
    _state.generation += 1


@contextlib.contextmanager
def freeze(at: datetime) -> Iterator[None]:
    """Hold the clock at `at` inside the block (tests)."""
    saved = (_state.offset, _state.frozen_at, _state.monotonic_shift)
    _state.frozen_at = at.astimezone(UTC)
    _state.generation += 1
    try:
        yield
    finally:
        _state.offset, _state.frozen_at, _state.monotonic_shift = saved
        _state.generation += 1


@contextlib.contextmanager
def travel(to: datetime) -> Iterator[None]:
    """Run the clock from `to` inside the block (tests)."""
    saved = (_state.offset, _state.frozen_at, _state.monotonic_shift)
    set_running_at(to)
    try:
        yield
    finally:
        _state.offset, _state.frozen_at, _state.monotonic_shift = saved
        _state.generation += 1


def _orm_now() -> datetime:
    return now()


def bind_orm() -> None:
    """Make Tortoise's `auto_now`/`auto_now_add` timestamps read this clock too.

    Tortoise stamps those fields through `tortoise.timezone.now`; without this, a record's
    `created_at` would come from the system clock while every rule compares it with ours.
    """
    import tortoise.timezone

    tortoise.timezone.now = _orm_now
