from __future__ import annotations

import unicodedata

from django.db import migrations, models


def fill_name_key(apps, schema_editor):  # type: ignore[no-untyped-def]
    TargetRow = apps.get_model("web", "TargetRow")
    for row in TargetRow.objects.all().only("id", "name"):
        key = " ".join(unicodedata.normalize("NFC", row.name).lower().split())
        TargetRow.objects.filter(pk=row.pk).update(name_key=key)


class Migration(migrations.Migration):
    dependencies = [
        ("web", "0002_api_tokens"),
    ]

    operations = [
        migrations.AddField(
            model_name="targetrow",
            name="name_key",
            field=models.CharField(db_index=True, default="", editable=False, max_length=300),
        ),
        migrations.RunPython(fill_name_key, migrations.RunPython.noop),
    ]
