from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from palm_customs.identity.models import AccountKind, AccountStatus, ChallengePurpose, DocumentType, EnterpriseRole, MembershipStatus, SessionMethod
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('palm', '0002_jobs')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Account',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('kind', fields.CharEnumField(description='PERSON: person\nOFFICER: officer', enum_type=AccountKind, max_length=10)),
                ('status', fields.CharEnumField(default=AccountStatus.ACTIVE, description='ACTIVE: active\nDELETED: deleted', enum_type=AccountStatus, max_length=10)),
                ('user_handle', fields.CharField(unique=True, max_length=64)),
                ('sign_in_name', fields.CharField(null=True, unique=True, max_length=120)),
                ('language', fields.CharField(default='zh-Hans', max_length=8)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('deleted_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'account', 'app': 'palm', 'pk_attr': 'id', 'table_description': 'Whoever signs in: a person (traveller, applicant, enterprise member) or an officer.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Challenge',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('challenge', fields.CharField(unique=True, max_length=100)),
                ('purpose', fields.CharEnumField(description='REGISTER: register\nAUTHENTICATE: authenticate\nSTEP_UP: step_up\nADD_PASSKEY: add_passkey\nOFFICER_ENROL: officer_enrol', enum_type=ChallengePurpose, max_length=16)),
                ('account', fields.ForeignKeyField('palm.Account', source_field='account_id', null=True, db_constraint=True, to_field='id', related_name='challenges', on_delete=OnDelete.CASCADE)),
                ('session_id', fields.UUIDField(null=True)),
                ('pending', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('used_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'webauthn_challenge', 'app': 'palm', 'pk_attr': 'id', 'table_description': 'A WebAuthn challenge: random, stored here, single-use, valid five minutes.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Enterprise',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('name', fields.CharField(max_length=200)),
                ('uscc', fields.CharField(unique=True, max_length=18)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'enterprise', 'app': 'palm', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='EnterpriseMembership',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('enterprise', fields.ForeignKeyField('palm.Enterprise', source_field='enterprise_id', db_constraint=True, to_field='id', related_name='memberships', on_delete=OnDelete.CASCADE)),
                ('account', fields.ForeignKeyField('palm.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='memberships', on_delete=OnDelete.CASCADE)),
                ('role', fields.CharEnumField(description='ADMINISTRATOR: administrator\nDECLARANT: declarant', enum_type=EnterpriseRole, max_length=16)),
                ('status', fields.CharEnumField(description='INVITED: invited\nACTIVE: active\nREMOVED: removed', enum_type=MembershipStatus, max_length=10)),
                ('invited_by', fields.ForeignKeyField('palm.Account', source_field='invited_by_id', null=True, db_constraint=True, to_field='id', related_name='invitations_sent', on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('changed_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'enterprise_membership', 'app': 'palm', 'unique_together': (('enterprise', 'account'),), 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Officer',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('account', fields.OneToOneField('palm.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='officer', on_delete=OnDelete.CASCADE)),
                ('badge_number', fields.CharField(unique=True, max_length=20)),
                ('full_name', fields.CharField(max_length=120)),
                ('unit', fields.CharField(max_length=80)),
                ('roles', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('enrolment_code_hash', fields.CharField(null=True, max_length=64)),
                ('enrolment_expires_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('enrolled_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'officer', 'app': 'palm', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Passkey',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('account', fields.ForeignKeyField('palm.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='passkeys', on_delete=OnDelete.CASCADE)),
                ('credential_id', fields.CharField(unique=True, max_length=1400)),
                ('public_key', fields.BinaryField()),
                ('sign_count', fields.BigIntField(default=0)),
                ('transports', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('device_type', fields.CharField(default='single_device', max_length=20)),
                ('backed_up', fields.BooleanField(default=False)),
                ('name', fields.CharField(max_length=60)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('last_used_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'passkey', 'app': 'palm', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='PasswordCredential',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('account', fields.OneToOneField('palm.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='password', on_delete=OnDelete.CASCADE)),
                ('password_hash', fields.CharField(max_length=200)),
                ('totp_secret_encrypted', fields.CharField(null=True, max_length=300)),
                ('totp_confirmed', fields.BooleanField(default=False)),
                ('totp_last_step', fields.BigIntField(default=0)),
                ('changed_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'password_credential', 'app': 'palm', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Person',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('account', fields.OneToOneField('palm.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='person', on_delete=OnDelete.CASCADE)),
                ('full_name', fields.CharField(max_length=120)),
                ('date_of_birth', fields.DateField(null=True)),
                ('nationality', fields.CharField(max_length=3)),
                ('is_resident', fields.BooleanField()),
                ('email', fields.CharField(null=True, max_length=254)),
                ('mobile', fields.CharField(null=True, max_length=20)),
                ('document_type', fields.CharEnumField(null=True, description='RESIDENT_ID: resident_id\nPASSPORT: passport\nTRAVEL_PERMIT: travel_permit', enum_type=DocumentType, max_length=16)),
                ('document_number', fields.CharField(null=True, max_length=20)),
                ('document_country', fields.CharField(null=True, max_length=3)),
                ('document_expiry', fields.DateField(null=True)),
            ],
            options={'table': 'person', 'app': 'palm', 'unique_together': (('document_type', 'document_number', 'document_country'),), 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='RateLimitBucket',
            fields=[
                ('key', fields.CharField(primary_key=True, unique=True, db_index=True, max_length=120)),
                ('window_start', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('failures', fields.IntField(default=0)),
                ('locked_until', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'rate_limit_bucket', 'app': 'palm', 'pk_attr': 'key', 'table_description': 'Failure counters for sign-in rate limits when Redis is not configured.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='RecoveryCode',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('account', fields.ForeignKeyField('palm.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='recovery_codes', on_delete=OnDelete.CASCADE)),
                ('code_hash', fields.CharField(max_length=64)),
                ('used_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'recovery_code', 'app': 'palm', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Session',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('token_hash', fields.CharField(unique=True, max_length=64)),
                ('account', fields.ForeignKeyField('palm.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='sessions', on_delete=OnDelete.CASCADE)),
                ('method', fields.CharEnumField(description='PASSKEY: passkey\nPASSWORD_TOTP: password_totp\nPASSWORD: password\nRECOVERY: recovery', enum_type=SessionMethod, max_length=16)),
                ('base_level', fields.IntField()),
                ('roles', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('is_officer', fields.BooleanField(default=False)),
                ('step_up_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('last_seen_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('ended_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('ended_reason', fields.CharField(null=True, max_length=30)),
                ('ip', fields.CharField(max_length=64)),
                ('user_agent', fields.CharField(max_length=300)),
            ],
            options={'table': 'session', 'app': 'palm', 'indexes': [Index(fields=['account_id', 'ended_at'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
    ]
