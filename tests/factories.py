"""Keyword-only factories for what tests make directly in the database (rows a test needs as
its starting point, not the behaviour under test), and the person data the API takes.

Every argument has a default that yields a valid object, so a test names only what matters to
it: `await make_site(windows=[(1, [ITEM])])`, `make_person_input(n=2, isResident=False)`.
`connection` lets a factory write inside a transaction the test holds.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from palm_customs.appointments.models import ServiceWindow, Site, Slot, SlotStatus, SlotTemplate
from palm_customs.core import clock
from palm_customs.identity import documents, sessions
from palm_customs.identity.models import Account, AccountKind, Officer, Person, SessionMethod

# ------------------------------------------------------------------ people and accounts


def resident_id(birth: date, sequence: int) -> str:
    """A valid GB 11643 number for the birth date (the check character found by trial)."""
    body = f"110105{birth:%Y%m%d}{sequence:03d}"
    for check in "0123456789X":
        try:
            return documents.parse_resident_id(body + check).number
        except documents.DocumentNumberInvalid:
            continue
    raise AssertionError("no check character fits")


def make_person_input(*, n: int = 1, **overrides: Any) -> dict[str, Any]:
    """The GraphQL `PersonInput` of person n (a resident with a valid resident ID number);
    `overrides` replace fields by their GraphQL names."""
    birth = date(1980, 1, 1 + n % 28)
    data: dict[str, Any] = {
        "fullName": f"王小明{n}",
        "dateOfBirth": birth.isoformat(),
        "nationality": "CHN",
        "isResident": True,
        "documentType": "RESIDENT_ID",
        "documentNumber": resident_id(birth, n),
        "email": f"person{n}@example.cn",
    }
    data.update(overrides)
    return data


async def make_account(
    *,
    kind: AccountKind = AccountKind.PERSON,
    language: str | None = None,
    connection: BaseDBAsyncClient | None = None,
) -> Account:
    """A bare account (no sign-in factor); `language` None keeps the model's default."""
    extra = {} if language is None else {"language": language}
    return await Account.create(
        using_db=connection,
        id=uuid.uuid4(),
        kind=kind,
        user_handle=secrets.token_hex(16),
        **extra,
    )


async def make_person(
    *,
    full_name: str = "Person 1",
    nationality: str = "CHN",
    is_resident: bool = True,
    language: str | None = "en",
    connection: BaseDBAsyncClient | None = None,
) -> Person:
    """A person with an account of their own (`person.account`)."""
    account = await make_account(kind=AccountKind.PERSON, language=language, connection=connection)
    return await Person.create(
        using_db=connection,
        account=account,
        full_name=full_name,
        nationality=nationality,
        is_resident=is_resident,
    )


async def make_officer(
    *,
    badge_number: str = "W0001",
    full_name: str = "张窗口",
    unit: str = "PVG",
    roles: Sequence[str] = ("window_clerk",),
    language: str | None = "en",
    connection: BaseDBAsyncClient | None = None,
) -> Officer:
    """An enrolled officer with an account of their own (`officer.account`); `unit` is where
    they serve (a port or a site code)."""
    account = await make_account(kind=AccountKind.OFFICER, language=language, connection=connection)
    return await Officer.create(
        using_db=connection,
        account=account,
        badge_number=badge_number,
        full_name=full_name,
        unit=unit,
        roles=list(roles),
    )


async def make_session_token(
    *,
    account: Account,
    user_agent: str = "test",
    connection: BaseDBAsyncClient | None = None,
) -> str:
    """A passkey session of the account (a cookie value), as signing in would start it."""
    if connection is None:
        async with in_transaction() as own:
            return await make_session_token(account=account, user_agent=user_agent, connection=own)
    issued = await sessions.start(
        connection,
        account=account,
        method=SessionMethod.PASSKEY,
        ip="127.0.0.1",
        user_agent=user_agent,
    )
    return issued.token


# ------------------------------------------------------------------ appointments


async def make_site(
    *,
    code: str | None = None,
    names: tuple[str, str, str] = ("测试大厅", "測試大廳", "Test hall"),
    addresses: tuple[str, str, str] = ("上海", "上海", "Shanghai"),
    latitude: float = 31.2,
    longitude: float = 121.5,
    timezone: str = "Asia/Shanghai",
    opening_hours: dict[str, list[list[str]]] | None = None,
    accessibility: dict[str, str] | None = None,
    windows: Sequence[tuple[int, Sequence[str]]] = (),
    template_weekdays: Sequence[int] = (),
    slot_minutes: int = 15,
) -> Site:
    """A service hall (names and addresses in zh-Hans, zh-Hant, en), its windows (number,
    items) and a slot template for every item a window serves (`template_weekdays` empty: no
    slots are generated from it)."""
    site = await Site.create(
        code=code or f"S-{uuid.uuid4().hex[:6].upper()}",
        name_zh_hans=names[0],
        name_zh_hant=names[1],
        name_en=names[2],
        address_zh_hans=addresses[0],
        address_zh_hant=addresses[1],
        address_en=addresses[2],
        latitude=latitude,
        longitude=longitude,
        timezone=timezone,
        opening_hours=opening_hours or {},
        accessibility=accessibility or {},
    )
    items: set[str] = set()
    for number, codes in windows:
        await ServiceWindow.create(site_id=site.id, number=number, item_codes=list(codes))
        items.update(codes)
    for item in sorted(items):
        await SlotTemplate.create(
            site_id=site.id,
            item_code=item,
            slot_minutes=slot_minutes,
            weekdays=list(template_weekdays),
        )
    return site


async def make_slot(
    *,
    site: Site,
    item_code: str,
    starts_at: datetime | None = None,
    minutes: int = 15,
    capacity: int = 1,
    booked: int = 0,
    status: SlotStatus = SlotStatus.OPEN,
) -> Slot:
    """A slot of the site; by default two days from the project's clock, whole seconds."""
    at = starts_at or (clock.now() + timedelta(days=2)).replace(microsecond=0)
    return await Slot.create(
        site_id=site.id,
        item_code=item_code,
        starts_at=at,
        ends_at=at + timedelta(minutes=minutes),
        capacity=capacity,
        booked=booked,
        status=status,
    )
