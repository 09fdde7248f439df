from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields
import unicodedata
import uuid
from typing import Any

_FAMILY = {"resident_id": "RID", "passport": "TRV", "travel_permit": "TRV"}


def _key(document_type: str, number: str, country: str | None) -> str:
    folded = unicodedata.normalize("NFKC", number).upper()
    digits = "".join(ch for ch in folded if ch.isascii() and ch.isalnum())
    state = "CHN" if document_type == "resident_id" else (country or "").upper()
    return f"{_FAMILY[document_type]}:{state}:{digits}"


async def key_existing_people(apps: Any, schema_editor: Any) -> None:
    """Give every person a document key and a human. Registrations from before the key that
    are one document (the same number typed as a passport and a travel permit, or under
    another issuing state) keep their accounts: the first keeps the key, the later ones keep
    none, and all of them share one human, so fairness limits count them together."""
    client = schema_editor.client
    marker = "$1" if client.capabilities.dialect == "postgres" else "?"
    second = "$2" if client.capabilities.dialect == "postgres" else "?"
    third = "$3" if client.capabilities.dialect == "postgres" else "?"
    rows = await client.execute_query_dict(
        "SELECT id, document_type, document_number, document_country FROM person"
        " WHERE document_type IS NOT NULL AND document_number IS NOT NULL ORDER BY id"
    )
    humans: dict[str, str] = {}
    for row in rows:
        key = _key(row["document_type"], row["document_number"], row["document_country"])
        # The same number within a family is one document whatever state was chosen.
        loose = key.split(":")[0] + ":" + key.split(":")[2]
        if loose in humans:
            await client.execute_query(
                f"UPDATE person SET human_key = {marker} WHERE id = {second}",
                [humans[loose], row["id"]],
            )
            continue
        humans[loose] = uuid.uuid4().hex
        await client.execute_query(
            f"UPDATE person SET document_key = {marker}, human_key = {second} WHERE id = {third}",
            [key, humans[loose], row["id"]],
        )


class Migration(migrations.Migration):
    dependencies = [('palm', '0062_ratings')]

    initial = False

    operations = [
        ops.CreateModel(
            name='FairnessRule',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('item_code', fields.CharField(unique=True, max_length=40)),
                ('max_per_item', fields.IntField()),
                ('max_per_day', fields.IntField()),
                ('max_reschedules', fields.IntField()),
                ('max_cancellations', fields.IntField()),
                ('change_window_hours', fields.IntField()),
                ('updated_by', fields.CharField(max_length=80)),
                ('updated_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'appointment_fairness_rule', 'app': 'palm', 'pk_attr': 'id', 'table_description': 'How much of one item a person (the human, across their accounts) may hold and how often'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='RetainedIdentity',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('document_hash', fields.CharField(unique=True, max_length=64)),
                ('human_key', fields.CharField(max_length=32)),
                ('account_id', fields.UUIDField()),
                ('deleted_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('retain_until', fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'retained_identity', 'app': 'palm', 'pk_attr': 'id', 'table_description': "What is kept of a deleted person's identity document for a retention period: a keyed"},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Person',
            name='document_key',
            field=fields.CharField(null=True, unique=True, max_length=64),
        ),
        ops.AddField(
            model_name='Person',
            name='human_key',
            field=fields.CharField(null=True, db_index=True, max_length=32),
        ),
        ops.RunPython(key_existing_people, ops.RunPython.noop),
    ]
