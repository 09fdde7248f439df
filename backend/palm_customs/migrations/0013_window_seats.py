from tortoise import migrations
from tortoise.migrations import operations as ops
from json import loads
from typing import Any
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index


def _sql(client: Any, text: str) -> str:
    # Written with "?" placeholders; PostgreSQL (asyncpg) numbers them.
    if client.capabilities.dialect != "postgres":
        return text
    parts = text.split("?")
    return "".join(f"{part}${n}" for n, part in enumerate(parts[:-1], 1)) + parts[-1]


async def give_existing_bookings_their_window_seats(apps: Any, schema_editor: Any) -> None:
    """Every booking holding a seat gets a window-time of a window serving its item (the most
    specialised first, in booking order) and `seat` becomes that window's number. A booking
    that finds no free window at its time was over capacity before this fix: it is kept (never
    cancelled by a migration) without a window-time, under a negative `active_seat`. The slot
    counters are then counted again as taken windows serving each item at each time.
    """
    client = schema_editor.client
    windows: dict[int, list[dict[str, Any]]] = {}
    for row in await client.execute_query_dict(
        "SELECT id, site_id, number, item_codes, active FROM appointment_window ORDER BY id"
    ):
        codes = row["item_codes"]
        row["item_codes"] = loads(codes) if isinstance(codes, str) else list(codes)
        windows.setdefault(row["site_id"], []).append(row)
    held = await client.execute_query_dict(
        "SELECT id, site_id, item_code, starts_at, seat FROM appointment_booking"
        " WHERE active_seat IS NOT NULL ORDER BY created_at, id"
    )
    taken: dict[tuple[Any, Any], dict[int, Any]] = {}  # (site, start) -> window id -> booking
    numbers: list[tuple[Any, int]] = []
    for booking in held:
        used = taken.setdefault((booking["site_id"], booking["starts_at"]), {})
        serving = sorted(
            (w for w in windows.get(booking["site_id"], []) if booking["item_code"] in w["item_codes"]),
            key=lambda w: (not w["active"], len(w["item_codes"]), w["number"]),
        )
        window = next((w for w in serving if w["id"] not in used), None)
        if window is None:
            numbers.append((booking["id"], -int(booking["seat"])))
            continue
        used[window["id"]] = booking["id"]
        numbers.append((booking["id"], int(window["number"])))
        await client.execute_query(
            _sql(
                client,
                "INSERT INTO appointment_window_seat (window_id, site_id, starts_at, booking_id)"
                " VALUES (?, ?, ?, ?)",
            ),
            [window["id"], booking["site_id"], booking["starts_at"], booking["id"]],
        )
    # Seat numbers change within a slot: clear them first so UNIQUE (slot, active_seat) holds
    # at every step.
    for booking_id, _ in numbers:
        await client.execute_query(
            _sql(client, "UPDATE appointment_booking SET active_seat = NULL WHERE id = ?"),
            [booking_id],
        )
    for booking_id, number in numbers:
        if number > 0:
            sql, values = "UPDATE appointment_booking SET active_seat = ?, seat = ? WHERE id = ?", [
                number,
                number,
                booking_id,
            ]
        else:
            sql, values = "UPDATE appointment_booking SET active_seat = ? WHERE id = ?", [
                number,
                booking_id,
            ]
        await client.execute_query(_sql(client, sql), values)
    by_id = {w["id"]: w for rows in windows.values() for w in rows}
    for (site_id, starts_at), used in taken.items():
        for slot in await client.execute_query_dict(
            _sql(
                client,
                "SELECT id, item_code FROM appointment_slot"
                " WHERE site_id = ? AND starts_at = ? AND status = 'open'",
            ),
            [site_id, starts_at],
        ):
            count = sum(
                1
                for window_id in used
                if by_id[window_id]["active"] and slot["item_code"] in by_id[window_id]["item_codes"]
            )
            await client.execute_query(
                _sql(client, "UPDATE appointment_slot SET booked = ? WHERE id = ?"),
                [count, slot["id"]],
            )


class Migration(migrations.Migration):
    dependencies = [('palm', '0012_application_drafts')]

    initial = False

    operations = [
        ops.CreateModel(
            name='WindowSeat',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('window', fields.ForeignKeyField('palm.ServiceWindow', source_field='window_id', db_constraint=True, to_field='id', related_name='seats', on_delete=OnDelete.RESTRICT)),
                ('site_id', fields.IntField()),
                ('starts_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('booking_id', fields.UUIDField(null=True, unique=True)),
            ],
            options={'table': 'appointment_window_seat', 'app': 'palm', 'unique_together': (('window', 'starts_at'),), 'indexes': [Index(fields=['site_id', 'starts_at'])], 'pk_attr': 'id', 'table_description': "One window's time at a site, given to at most one booking across all its items."},
            bases=['Model'],
        ),
        ops.RunPython(give_existing_bookings_their_window_seats, ops.RunPython.noop),
    ]
