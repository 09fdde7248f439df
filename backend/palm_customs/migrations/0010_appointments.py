from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from palm_customs.appointments.models import BookingStatus, SlotStatus, WaitlistStatus
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('palm', '0009_documents')]

    initial = False

    operations = [
        ops.CreateModel(
            name='QueueCounter',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('site_id', fields.IntField()),
                ('day', fields.DateField()),
                ('last_number', fields.IntField(default=0)),
            ],
            options={'table': 'appointment_queue_counter', 'app': 'palm', 'unique_together': (('site_id', 'day'),), 'pk_attr': 'id', 'table_description': 'The last queue number issued at a site on a local day.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Site',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('code', fields.CharField(unique=True, max_length=20)),
                ('name_zh_hans', fields.CharField(max_length=120)),
                ('name_zh_hant', fields.CharField(max_length=120)),
                ('name_en', fields.CharField(max_length=160)),
                ('address_zh_hans', fields.CharField(max_length=300)),
                ('address_zh_hant', fields.CharField(max_length=300)),
                ('address_en', fields.CharField(max_length=300)),
                ('latitude', fields.FloatField()),
                ('longitude', fields.FloatField()),
                ('timezone', fields.CharField(default='Asia/Shanghai', max_length=40)),
                ('opening_hours', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('accessibility', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('phone', fields.CharField(default='', max_length=40)),
                ('active', fields.BooleanField(default=True)),
            ],
            options={'table': 'appointment_site', 'app': 'palm', 'pk_attr': 'id', 'table_description': 'A customs service hall where people come to a window by appointment.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ServiceWindow',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('site', fields.ForeignKeyField('palm.Site', source_field='site_id', db_constraint=True, to_field='id', related_name='windows', on_delete=OnDelete.CASCADE)),
                ('number', fields.IntField()),
                ('item_codes', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('active', fields.BooleanField(default=True)),
            ],
            options={'table': 'appointment_window', 'app': 'palm', 'unique_together': (('site', 'number'),), 'pk_attr': 'id', 'table_description': 'A counter at a site and the catalogue items (by code) it handles.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='SiteClosure',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('site', fields.ForeignKeyField('palm.Site', source_field='site_id', db_constraint=True, to_field='id', related_name='closures', on_delete=OnDelete.CASCADE)),
                ('starts_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('ends_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('reason', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('created_by', fields.CharField(max_length=80)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'appointment_site_closure', 'app': 'palm', 'indexes': [Index(fields=['site_id', 'starts_at'])], 'pk_attr': 'id', 'table_description': 'A period a site is closed (public holiday, maintenance, an emergency).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Slot',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('site', fields.ForeignKeyField('palm.Site', source_field='site_id', db_constraint=True, to_field='id', related_name='slots', on_delete=OnDelete.CASCADE)),
                ('item_code', fields.CharField(max_length=40)),
                ('starts_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('ends_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('capacity', fields.IntField()),
                ('booked', fields.IntField(default=0)),
                ('status', fields.CharEnumField(default=SlotStatus.OPEN, description='OPEN: open\nCLOSED: closed', enum_type=SlotStatus, max_length=8)),
            ],
            options={'table': 'appointment_slot', 'app': 'palm', 'unique_together': (('site', 'item_code', 'starts_at'),), 'indexes': [Index(fields=['item_code', 'starts_at']), Index(fields=['site_id', 'starts_at'])], 'pk_attr': 'id', 'table_description': 'A time at a site for one item with a number of seats.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Booking',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('number', fields.CharField(unique=True, max_length=20)),
                ('account', fields.ForeignKeyField('palm.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='bookings', on_delete=OnDelete.RESTRICT)),
                ('slot', fields.ForeignKeyField('palm.Slot', source_field='slot_id', db_constraint=True, to_field='id', related_name='bookings', on_delete=OnDelete.RESTRICT)),
                ('site', fields.ForeignKeyField('palm.Site', source_field='site_id', db_constraint=True, to_field='id', related_name='bookings', on_delete=OnDelete.RESTRICT)),
                ('item_code', fields.CharField(max_length=40)),
                ('starts_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('ends_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('seat', fields.IntField()),
                ('active_seat', fields.IntField(null=True)),
                ('application_id', fields.CharField(null=True, max_length=40)),
                ('active_application', fields.CharField(null=True, unique=True, max_length=40)),
                ('status', fields.CharEnumField(description='OFFERED: offered\nCONFIRMED: confirmed\nCHECKED_IN: checked_in\nCALLED: called\nSERVED: served\nNO_SHOW: no_show\nCANCELLED: cancelled\nRELEASED: released\nRESCHEDULED: rescheduled\nLAPSED: lapsed\nCLOSED: closed', enum_type=BookingStatus, max_length=12)),
                ('idempotency_key', fields.CharField(null=True, max_length=64)),
                ('credential', fields.TextField(default='', unique=False)),
                ('credential_kid', fields.CharField(default='', max_length=40)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('ended_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('offer_expires_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('waitlist_entry_id', fields.UUIDField(null=True)),
                ('replaces_id', fields.UUIDField(null=True)),
                ('late_minutes', fields.IntField(null=True)),
                ('checked_in_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('checkin_key', fields.CharField(null=True, unique=True, max_length=64)),
                ('queue_number', fields.IntField(null=True)),
                ('called_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('window_number', fields.IntField(null=True)),
                ('outcome_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('outcome_by', fields.UUIDField(null=True)),
            ],
            options={'table': 'appointment_booking', 'app': 'palm', 'unique_together': (('slot', 'active_seat'), ('account', 'idempotency_key')), 'indexes': [Index(fields=['account_id', 'status']), Index(fields=['site_id', 'starts_at'])], 'pk_attr': 'id', 'table_description': "A person's seat in a slot."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='SlotTemplate',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('site', fields.ForeignKeyField('palm.Site', source_field='site_id', db_constraint=True, to_field='id', related_name='slot_templates', on_delete=OnDelete.CASCADE)),
                ('item_code', fields.CharField(max_length=40)),
                ('slot_minutes', fields.IntField(default=15)),
                ('weekdays', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('active', fields.BooleanField(default=True)),
            ],
            options={'table': 'appointment_slot_template', 'app': 'palm', 'unique_together': (('site', 'item_code'),), 'pk_attr': 'id', 'table_description': 'How slots of one item are cut at one site: length and weekdays, inside opening hours.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='WaitlistEntry',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('account', fields.ForeignKeyField('palm.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='waitlist_entries', on_delete=OnDelete.CASCADE)),
                ('item_code', fields.CharField(max_length=40)),
                ('site_id', fields.IntField(null=True)),
                ('latitude', fields.FloatField(null=True)),
                ('longitude', fields.FloatField(null=True)),
                ('max_distance_km', fields.FloatField(null=True)),
                ('earlier_than', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('booking_id', fields.UUIDField(null=True)),
                ('application_id', fields.CharField(null=True, max_length=40)),
                ('status', fields.CharEnumField(description='WAITING: waiting\nOFFERED: offered\nFULFILLED: fulfilled\nLAPSED: lapsed\nCANCELLED: cancelled', enum_type=WaitlistStatus, max_length=10)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('offered_booking_id', fields.UUIDField(null=True)),
            ],
            options={'table': 'appointment_waitlist', 'app': 'palm', 'indexes': [Index(fields=['item_code', 'status', 'created_at'])], 'pk_attr': 'id', 'table_description': 'A person waiting for an earlier slot of an item at one site or any site within a distance.'},
            bases=['Model'],
        ),
    ]
