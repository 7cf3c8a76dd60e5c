"""Secondary indexes and foreign keys set aside during a large initial load (PostgreSQL).

Every result row the loader COPYs costs the server five index insertions and a deferred
foreign-key check at commit: two thirds of its work. For a large first load it is cheaper to
drop those indexes and foreign keys, load, and build them again once from sorted data
(`pg_restore` does the same). Primary keys stay: other tables' foreign keys point at them and
ids are appended in order, which costs little.

Crash safety: each index or constraint is listed in `scale.DeferredIndex` in the same
transaction that drops it, and taken off the list in the transaction that makes it again, so
at every instant it either exists or is listed. `put_back` runs when a load ends (normally,
with an error, or Ctrl-C) and at the start of any later load, so a killed load is repaired by
the next run, which also resumes the data. Foreign keys come back `NOT VALID` and are then
validated against every row (`VALIDATE CONSTRAINT`): a row that broke one stops the rebuild
with a message instead of being accepted silently.

While the indexes are set aside the app still answers, slowly, and does not enforce the
uniqueness of result versions: run a large load before users write, as an initial load is.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection, transaction

from chitieu.web.models import Resolution, ResultVersion, TargetRow
from chitieu.web.scale.models import DeferredIndex, TargetEvaluation

INDEX, UNIQUE, FOREIGN_KEY = "index", "unique", "foreign key"
# Below this many results to load (or when the table already holds more than the load
# adds), index upkeep row by row is cheaper than building every index again from scratch.
MIN_RESULTS = 1_000_000


def loaded_tables() -> list[str]:
    return [m._meta.db_table for m in (Resolution, TargetRow, ResultVersion, TargetEvaluation)]


@dataclass(frozen=True)
class Item:
    table: str
    name: str
    kind: str
    definition: str


def droppable() -> list[Item]:
    """The loaded tables' indexes and constraints that the load can do without: every index
    but primary keys, unique constraints no foreign key relies on, outgoing foreign keys."""
    tables = loaded_tables()
    with connection.cursor() as cur:
        # Plain indexes (not the index of a constraint) that no foreign key relies on.
        cur.execute(
            """
            SELECT c.relname, i.relname, pg_get_indexdef(i.oid)
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_class c ON c.oid = x.indrelid
            WHERE c.oid = ANY(%s::regclass[]) AND NOT x.indisprimary
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.oid)
            ORDER BY 1, 2
            """,
            [tables],
        )
        items = [Item(t, n, INDEX, d) for t, n, d in cur.fetchall()]
        cur.execute(
            """
            SELECT c.relname, k.conname, k.contype, pg_get_constraintdef(k.oid)
            FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
            WHERE k.conrelid = ANY(%s::regclass[])
              AND (k.contype = 'f' OR (k.contype = 'u' AND NOT EXISTS (
                SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = k.conindid
              )))
            ORDER BY 1, 2
            """,
            [tables],
        )
        for t, n, contype, d in cur.fetchall():
            items.append(Item(t, n, FOREIGN_KEY if contype == "f" else UNIQUE, d))
    return items


def should_set_aside(expected_results: int) -> bool:
    """A large load into a table that holds less than the load adds, or a load resuming one
    that had already set them aside (building them twice would waste the time saved)."""
    if DeferredIndex.objects.exists():
        return True
    if expected_results < MIN_RESULTS:
        return False
    with connection.cursor() as cur:  # bounded: never counts past what the load adds
        cur.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM {ResultVersion._meta.db_table} LIMIT %s) s",
            [expected_results],
        )
        return int(cur.fetchone()[0]) < expected_results


def set_aside() -> int:
    """Drop what `droppable` lists, each listed in DeferredIndex in the same transaction;
    foreign keys first (they may rely on nothing here, but unique constraints go after)."""
    q = connection.ops.quote_name
    items = droppable()
    order = {FOREIGN_KEY: 0, UNIQUE: 1, INDEX: 2}
    with transaction.atomic(), connection.cursor() as cur:
        for item in sorted(items, key=lambda i: order[i.kind]):
            DeferredIndex.objects.create(
                table=item.table, name=item.name, kind=item.kind, definition=item.definition
            )
            if item.kind == INDEX:
                cur.execute(f"DROP INDEX {q(item.name)}")
            else:
                cur.execute(f"ALTER TABLE {q(item.table)} DROP CONSTRAINT {q(item.name)}")
    return len(items)


def put_back(note: Callable[[str], None] | None = None) -> float:
    """Make every listed index and constraint again; seconds spent. Each one in its own
    transaction with its list entry, so an interrupted rebuild resumes where it stopped.
    Indexes first, foreign keys last (validated once the rows are all there)."""
    started = time.perf_counter()
    pending = list(DeferredIndex.objects.all())
    if not pending:
        return 0.0
    if note is not None:
        note(f"dựng lại {len(pending)} chỉ mục và ràng buộc đã tạm bỏ khi nạp")
    q = connection.ops.quote_name
    order = {INDEX: 0, UNIQUE: 1, FOREIGN_KEY: 2}
    for item in sorted(pending, key=lambda i: (order.get(i.kind, 3), i.table, i.name)):
        step = time.perf_counter()
        try:
            _put_back_one(item, q)
        except Exception as exc:
            raise RuntimeError(
                f"Không dựng lại được {item.kind} {item.name} của bảng {item.table}: {exc}. "
                "Danh sách còn lại ở bảng scale_deferredindex; chạy lại lệnh nạp để làm tiếp."
            ) from exc
        if note is not None:
            note(f"  {item.name}: {time.perf_counter() - step:.1f} giây")
    return time.perf_counter() - started


def _put_back_one(item: DeferredIndex, q: Callable[[str], str]) -> None:
    with connection.cursor() as cur:
        if item.kind == FOREIGN_KEY:
            with transaction.atomic():
                if not _constraint_exists(item):
                    # NOT VALID: added at once, without reading the rows under a lock.
                    definition = item.definition.removesuffix(" NOT VALID")
                    cur.execute(
                        f"ALTER TABLE {q(item.table)} ADD CONSTRAINT {q(item.name)} "
                        f"{definition} NOT VALID"
                    )
            with transaction.atomic():
                if not item.definition.endswith(" NOT VALID"):  # it was validated before
                    cur.execute(f"ALTER TABLE {q(item.table)} VALIDATE CONSTRAINT {q(item.name)}")
                item.delete()
            return
        with transaction.atomic():
            if item.kind == UNIQUE:
                if not _constraint_exists(item):
                    cur.execute(
                        f"ALTER TABLE {q(item.table)} ADD CONSTRAINT {q(item.name)} "
                        f"{item.definition}"
                    )
            else:
                cur.execute("SELECT to_regclass(%s)", [item.name])
                if cur.fetchone()[0] is None:
                    cur.execute(item.definition)
            item.delete()


def _constraint_exists(item: DeferredIndex) -> bool:
    with connection.cursor() as cur:
        cur.execute(
            "SELECT 1 FROM pg_constraint WHERE conrelid = %s::regclass AND conname = %s",
            [item.table, item.name],
        )
        return cur.fetchone() is not None
