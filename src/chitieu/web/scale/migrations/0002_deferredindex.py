from __future__ import annotations

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("scale", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="DeferredIndex",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("table", models.CharField(max_length=100)),
                ("name", models.CharField(max_length=100, unique=True)),
                ("kind", models.CharField(max_length=16)),
                ("definition", models.TextField()),
                ("dropped_at", models.DateTimeField(auto_now_add=True)),
            ],
        ),
    ]
