from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('palm', '0010_appointments')]

    initial = False

    operations = [
        ops.CreateModel(
            name='DeclarationPhoto',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('declaration', fields.ForeignKeyField('palm.Declaration', source_field='declaration_id', db_constraint=True, to_field='id', related_name='photos', on_delete=OnDelete.CASCADE)),
                ('article_key', fields.CharField(max_length=40)),
                ('document_id', fields.UUIDField(db_index=True)),
            ],
            options={'table': 'declaration_photo', 'app': 'palm', 'unique_together': (('declaration', 'article_key'),), 'pk_attr': 'id', 'table_description': "An article's photo (a vault document) in one declaration version."},
            bases=['Model'],
        ),
    ]
