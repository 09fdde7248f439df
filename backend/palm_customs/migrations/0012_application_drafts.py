from tortoise import migrations


class Migration(migrations.Migration):
    dependencies = [('palm', '0011_declaration_photos')]

    initial = False

    operations: list[object] = []
