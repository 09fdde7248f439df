from tortoise import migrations
from tortoise.migrations import operations as ops
from palm_customs.appointments.models import DrawEntryStatus, DrawStatus
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('palm', '0080_fair_people')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Draw',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('site_id', fields.IntField()),
                ('item_code', fields.CharField(max_length=40)),
                ('slots_from', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('slots_to', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('closes_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('status', fields.CharEnumField(default=DrawStatus.OPEN, description='OPEN: open\nDRAWN: drawn', enum_type=DrawStatus, max_length=8)),
                ('seed', fields.CharField(null=True, max_length=64)),
                ('entrants_digest', fields.CharField(null=True, max_length=64)),
                ('drawn_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('created_by', fields.CharField(max_length=80)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'appointment_draw', 'app': 'palm', 'indexes': [Index(fields=['site_id', 'item_code', 'status'])], 'pk_attr': 'id', 'table_description': 'For the scarcest items, a fair draw instead of first-come: entries are collected until'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='DrawEntry',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('draw', fields.ForeignKeyField('palm.Draw', source_field='draw_id', db_constraint=True, to_field='id', related_name='entries', on_delete=OnDelete.CASCADE)),
                ('account_id', fields.UUIDField()),
                ('human_key', fields.CharField(max_length=40)),
                ('status', fields.CharEnumField(default=DrawEntryStatus.ENTERED, description='ENTERED: entered\nWON: won\nLOST: lost', enum_type=DrawEntryStatus, max_length=8)),
                ('rank', fields.IntField(null=True)),
                ('booking_id', fields.UUIDField(null=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'appointment_draw_entry', 'app': 'palm', 'unique_together': (('draw', 'human_key'),), 'pk_attr': 'id', 'table_description': "One human's entry in a draw (UNIQUE per human: several accounts are one entry)."},
            bases=['Model'],
        ),
    ]
