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

import os
import re
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
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


def put_back(note: Callable[[str], None] | None = None, workers: int = 0) -> float:
    """Make every listed index and constraint again; seconds spent. Each one in its own
    transaction with its list entry, so an interrupted rebuild resumes where it stopped.

    Indexes (and unique constraints, built as a unique index first) are built side by side on
    `workers` connections (default: the cores, at most 4): each build sorts on one core, and
    CREATE INDEX takes a lock that other index builds on the same table share. Foreign keys
    come last, one by one, validated once every index is back."""
    started = time.perf_counter()
    pending = list(DeferredIndex.objects.all())
    if not pending:
        return 0.0
    if note is not None:
        note(f"dựng lại {len(pending)} chỉ mục và ràng buộc đã tạm bỏ khi nạp")
    builds = [i for i in pending if i.kind == INDEX or _unique_columns(i) is not None]
    # The largest table first, so that its long sorts start at once.
    builds.sort(key=lambda i: (i.table != ResultVersion._meta.db_table, i.table, i.name))
    rest = sorted(
        (i for i in pending if i not in builds),
        key=lambda i: (i.kind == FOREIGN_KEY, i.table, i.name),
    )
    workers = workers or min(4, os.cpu_count() or 1)
    failures: list[tuple[DeferredIndex, BaseException]] = []
    if workers > 1 and len(builds) > 1:
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="put-back") as pool:
            outcomes = list(pool.map(lambda i: _timed(i, note, own_connection=True), builds))
    else:
        outcomes = [_timed(i, note) for i in builds]
    failures += [(i, e) for i, e in zip(builds, outcomes, strict=True) if e is not None]
    if not failures:  # foreign keys only once every index is back (and none broke)
        for item in rest:
            error = _timed(item, note)
            if error is not None:
                failures.append((item, error))
                break
    if failures:
        item, exc = failures[0]
        raise RuntimeError(
            f"Không dựng lại được {item.kind} {item.name} của bảng {item.table}: {exc}. "
            "Danh sách còn lại ở bảng scale_deferredindex; chạy lại lệnh nạp để làm tiếp."
        ) from exc
    return time.perf_counter() - started


def _timed(
    item: DeferredIndex, note: Callable[[str], None] | None, own_connection: bool = False
) -> BaseException | None:
    step = time.perf_counter()
    try:
        _put_back_one(item, connection.ops.quote_name)
    except Exception as exc:
        return exc
    finally:
        if own_connection:  # a pool thread's connection: Django opened it for this thread
            connection.close()
    if note is not None:
        note(f"  {item.name}: {time.perf_counter() - step:.1f} giây")
    return None


def _unique_columns(item: DeferredIndex) -> str | None:
    """The columns of a plain unique constraint (`UNIQUE (a, b)`, no other clause), which can
    be built as a unique index alongside the others and then attached as the constraint."""
    match = re.fullmatch(r"UNIQUE \(([^()]*)\)", item.definition)
    return match.group(1) if item.kind == UNIQUE and match else None


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
        columns = _unique_columns(item)
        if columns is not None:
            # Two steps: the index under the lock index builds share, then the constraint
            # takes it over (a brief exclusive lock, not held while sorting).
            if not _constraint_exists(item):
                with transaction.atomic():
                    cur.execute("SELECT to_regclass(%s)", [item.name])
                    if cur.fetchone()[0] is None:
                        cur.execute(
                            f"CREATE UNIQUE INDEX {q(item.name)} ON {q(item.table)} ({columns})"
                        )
                with transaction.atomic():
                    cur.execute(
                        f"ALTER TABLE {q(item.table)} ADD CONSTRAINT {q(item.name)} "
                        f"UNIQUE USING INDEX {q(item.name)}"
                    )
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
