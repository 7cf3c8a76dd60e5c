from __future__ import annotations

import django.db.models.deletion
from django.db import migrations, models

# Indexes on the web app's tables that the national roll-ups and the load need. Created here
# (not in the web app's migrations) with IF NOT EXISTS, so either side may add them later.
MAIN_TABLE_INDEXES = [
    # The year figures of a year: the plain-SQL roll-up reads approved versions by period.
    "CREATE INDEX IF NOT EXISTS scale_result_period_approved "
    "ON web_resultversion (period_code, target_id) WHERE state = 'approved'",
    "CREATE INDEX IF NOT EXISTS scale_resolution_year ON web_resolution (start_year)",
]


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("web", "0003_target_name_key"),
    ]

    operations = [
        migrations.CreateModel(
            name="LoadChunk",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("dataset", models.CharField(max_length=200)),
                ("province_code", models.PositiveIntegerField()),
                ("year", models.PositiveSmallIntegerField()),
                ("resolutions", models.PositiveIntegerField()),
                ("targets", models.PositiveIntegerField()),
                ("results", models.PositiveIntegerField()),
                ("loaded_at", models.DateTimeField(auto_now_add=True)),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("dataset", "province_code", "year"), name="unique_load_chunk"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="TargetEvaluation",
            fields=[
                (
                    "target",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="web.targetrow",
                    ),
                ),
                ("year", models.PositiveSmallIntegerField()),
                ("code", models.CharField(blank=True, max_length=32)),
                ("field", models.CharField(max_length=32)),
                ("status", models.CharField(max_length=16)),
                ("estimated", models.BooleanField(default=False)),
                (
                    "commune",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="web.unit",
                    ),
                ),
                (
                    "province",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="web.unit",
                    ),
                ),
                (
                    "resolution",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="web.resolution",
                    ),
                ),
            ],
            options={
                "indexes": [
                    models.Index(
                        fields=["year", "province", "status"], name="scale_eval_year_prov"
                    ),
                    models.Index(
                        fields=["year", "code", "province", "status"], name="scale_eval_year_code"
                    ),
                    models.Index(
                        fields=["province", "year", "commune", "status"], name="scale_eval_prov"
                    ),
                ],
            },
        ),
        *[migrations.RunSQL(sql, migrations.RunSQL.noop) for sql in MAIN_TABLE_INDEXES],
    ]
