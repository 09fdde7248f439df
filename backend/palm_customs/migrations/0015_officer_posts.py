from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from tortoise.fields.db_defaults import SqlDefault
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('palm', '0014_session_pending_totp')]

    initial = False

    operations = [
        ops.AddField(
            model_name='Officer',
            name='posts',
            field=fields.JSONField(default=list, db_default=SqlDefault("'[]'"), encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads),
        ),
    ]
