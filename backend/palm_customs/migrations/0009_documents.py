from tortoise import migrations
from tortoise.migrations import operations as ops
from palm_customs.documents.models import FileFormat
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('palm', '0008_applications')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Document',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('owner_key', fields.CharField(max_length=60)),
                ('account', fields.ForeignKeyField('palm.Account', source_field='account_id', null=True, db_constraint=True, to_field='id', related_name='documents', on_delete=OnDelete.CASCADE)),
                ('enterprise', fields.ForeignKeyField('palm.Enterprise', source_field='enterprise_id', null=True, db_constraint=True, to_field='id', related_name='documents', on_delete=OnDelete.CASCADE)),
                ('uploaded_by', fields.ForeignKeyField('palm.Account', source_field='uploaded_by_id', db_constraint=True, to_field='id', related_name='documents_uploaded', on_delete=OnDelete.CASCADE)),
                ('idempotency_key', fields.CharField(max_length=64)),
                ('material_code', fields.CharField(max_length=40)),
                ('label', fields.CharField(default='', max_length=120)),
                ('file_format', fields.CharEnumField(description='JPEG: jpeg\nPNG: png\nHEIC: heic\nPDF: pdf', enum_type=FileFormat, max_length=8)),
                ('media_type', fields.CharField(max_length=40)),
                ('size_bytes', fields.IntField()),
                ('pages', fields.IntField()),
                ('sha256', fields.CharField(db_index=True, max_length=64)),
                ('source_sha256', fields.CharField(max_length=64)),
                ('issue_date', fields.DateField(null=True)),
                ('expiry_date', fields.DateField(null=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('updated_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'document', 'app': 'palm', 'unique_together': (('uploaded_by', 'idempotency_key'), ('owner_key', 'material_code', 'source_sha256')), 'indexes': [Index(fields=['owner_key', 'created_at'])], 'pk_attr': 'id', 'table_description': "A person's or enterprise's document in the vault, uploaded once and reused."},
            bases=['Model'],
        ),
    ]
