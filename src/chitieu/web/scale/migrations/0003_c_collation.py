"""PostgreSQL: the ASCII code columns of the hot indexes compare bytewise (COLLATE "C").

Under the database's C.UTF-8 (or any ICU/glibc) collation every comparison of these columns
goes through the locale's string comparison; building the 12-million-row indexes led or
tied on `period_code` spent most of its time there (docs/scale.md). The values are ASCII
codes (2025, 2025-Q3, approved, KT01, dat…), whose order is the same bytewise, so nothing a
query returns changes; equality and ORDER BY just get cheaper, and LIKE 'prefix%' can use the
b-tree directly. The column's type stays the same, so Django sees no model change; a later
AlterField on one of these columns would put the default collation back (then re-run this
SQL). SQLite compares bytewise already (BINARY): nothing to do there.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

# (table, column, type): the columns of the loaded tables' hot indexes holding ASCII codes.
COLUMNS = [
    ("web_resultversion", "period_code", "varchar(16)"),
    ("web_resultversion", "state", "varchar(16)"),
    ("scale_targetevaluation", "code", "varchar(32)"),
    ("scale_targetevaluation", "status", "varchar(16)"),
]


def _alter(collation: str) -> Any:
    def run(apps: Any, schema_editor: Any) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        by_table: dict[str, list[str]] = {}
        for table, column, kind in COLUMNS:
            by_table.setdefault(table, []).append(
                f'ALTER COLUMN "{column}" TYPE {kind} COLLATE {collation}'
            )
        for table, changes in by_table.items():
            # One statement a table: its indexes are rebuilt once, not once per column.
            schema_editor.execute(f'ALTER TABLE "{table}" ' + ", ".join(changes))

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("scale", "0002_deferredindex"),
    ]

    operations = [
        migrations.RunPython(_alter('"C"'), _alter('"default"')),
    ]
