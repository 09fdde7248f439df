from tortoise import migrations


class Migration(migrations.Migration):
    dependencies = [('palm', '0010_appointments')]

    initial = False

    operations: list[object] = []
