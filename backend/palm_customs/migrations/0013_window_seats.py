from tortoise import migrations


class Migration(migrations.Migration):
    dependencies = [('palm', '0012_application_drafts')]

    initial = False

    operations: list[object] = []
