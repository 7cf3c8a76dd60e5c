"""Bulk load of a synthetic dataset (chitieu.synth) into the web app's tables.

PostgreSQL: COPY through psycopg 3 (`cursor.copy`), ids reserved from the tables' sequences.
SQLite: executemany in one transaction per chunk, ids counted from the table's maximum while
the chunk holds the write lock.

Resumable and idempotent: a (province, year) chunk is one transaction that ends by writing
its scale.LoadChunk row; a re-run skips the chunks already in the log (without generating
them), so a crash or Ctrl-C leaves no partial chunk and loses at most one chunk of work.
"""

from __future__ import annotations

import queue
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from django.db import DatabaseError, connection, models, transaction

from chitieu.evaluate.bulk import evaluate_bulk
from chitieu.synth import Chunk, SynthSpec, chunk_keys, communes, iter_chunks, provinces
from chitieu.web.actions.units import do_load_units
from chitieu.web.models import (
    Body,
    BodyKind,
    Resolution,
    ResolutionKind,
    ResultVersion,
    TargetRow,
    Unit,
    UnitLevel,
)
from chitieu.web.models.targets import name_key
from chitieu.web.scale import indexes
from chitieu.web.scale.models import LoadChunk, TargetEvaluation
from chitieu.web.scale.progress import Progress


class LoadError(RuntimeError):
    """A load that cannot start; the message says why, in Vietnamese."""


@dataclass
class LoadStats:
    chunks: int = 0  # loaded by this run
    skipped: int = 0  # already in the load log
    resolutions: int = 0
    targets: int = 0
    results: int = 0
    seconds: float = 0.0  # wall clock, the index rebuild included
    index_seconds: float = 0.0  # of which building the set-aside indexes again
    set_aside: bool = False

    @property
    def rate(self) -> float:
        return self.results / self.seconds if self.seconds else 0.0


@dataclass(frozen=True)
class Place:
    body_id: int  # the commune's People's Council, which issues the resolution
    commune_id: int
    province_id: int


class Table:
    """A model's table with the columns we write, plus constant defaults for the others, so
    a field added to the model later does not break COPY (as long as it has a default)."""

    def __init__(self, model: type[models.Model], given: Sequence[str]) -> None:
        fields = {f.attname: f for f in model._meta.concrete_fields}
        self.name = model._meta.db_table
        rest = [f for a, f in fields.items() if a not in given and not f.primary_key]
        self.columns = [fields[a].column for a in given] + [f.column for f in rest]
        self.defaults = tuple(
            None if f.null and not f.has_default() else f.get_default() for f in rest
        )


class Writer:
    """The database-specific part: reserve ids, write rows."""

    def __init__(self) -> None:
        self.vendor = connection.vendor
        self._dt: dict[datetime, Any] = {}

    def datetime(self, value: datetime) -> Any:
        if self.vendor != "sqlite":
            return value
        out = self._dt.get(value)
        if out is None:  # SQLite stores naive UTC text; convert each distinct instant once
            out = self._dt[value] = connection.ops.adapt_datetimefield_value(value)
        return out

    def reserve_ids(self, table: Table, n: int) -> list[int]:
        with connection.cursor() as cur:
            if self.vendor == "postgresql":
                cur.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                    [table.name, n],
                )
                return [r[0] for r in cur.fetchall()]
            # The chunk's transaction holds SQLite's write lock (BEGIN IMMEDIATE): no one else
            # can take these ids before we commit.
            cur.execute(f'SELECT COALESCE(MAX(id), 0) FROM "{table.name}"')
            top = int(cur.fetchone()[0])
            cur.execute(
                "SELECT COALESCE(MAX(seq), 0) FROM sqlite_sequence WHERE name = %s", [table.name]
            )
            top = max(top, int(cur.fetchone()[0]))
            return list(range(top + 1, top + 1 + n))

    def write_results(self, table: Table, rows: list[tuple[Any, ...]]) -> None:
        """The results table, the bulk of the data: on PostgreSQL the COPY text is formatted
        here for the RESULT layout (one f-string a row), a third cheaper than `write_row`."""
        if self.vendor != "postgresql":
            self.write(table, rows)
            return
        tail = "".join("\t" + _copy_text(v) for v in table.defaults) + "\n"
        text, stamp = _copy_text, self._stamp
        lines = [
            f"{tid}\t{text(code)}\t{'t' if est else 'f'}\t{seq}\t{text(state)}\t"
            f"{'\\N' if value is None else value}\t{text(unit)}\t"
            f"{'\\N' if prev is None else prev}\t{'t' if ill else 'f'}\t{stamp(at)}{tail}"
            for tid, code, est, seq, state, value, unit, prev, ill, at in rows
        ]
        cols = ", ".join(f'"{c}"' for c in table.columns)
        with (
            connection.cursor() as wrapper,
            wrapper.cursor.copy(f'COPY "{table.name}" ({cols}) FROM STDIN') as copy,
        ):
            for start in range(0, len(lines), 5000):
                copy.write("".join(lines[start : start + 5000]))

    def _stamp(self, value: datetime) -> str:
        out = self._dt.get(value)
        if out is None:
            out = self._dt[value] = value.isoformat()
        return str(out)

    def write(self, table: Table, rows: Iterable[tuple[Any, ...]]) -> None:
        cols = ", ".join(f'"{c}"' for c in table.columns)
        extra = table.defaults
        with connection.cursor() as wrapper:
            cur = wrapper.cursor  # the driver's own cursor: psycopg's COPY, sqlite3's executemany
            if self.vendor == "postgresql":
                with cur.copy(f'COPY "{table.name}" ({cols}) FROM STDIN') as copy:
                    for row in rows:
                        copy.write_row(row + extra)
            else:
                marks = ", ".join("?" * len(table.columns))
                cur.executemany(
                    f'INSERT INTO "{table.name}" ({cols}) VALUES ({marks})',
                    (row + extra for row in rows),
                )


@lru_cache(maxsize=4096, typed=True)  # typed: True and 1 are different values here
def _copy_text(value: object) -> str:
    """A value in COPY's text format: \\N for NULL, t/f, backslash escapes in text. Cached:
    the strings of the results table (period codes, states, units) are few."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    text = str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


RESOLUTION = ("id", "issuing_body_id", "kind", "number", "title", "issued_on", "start_year")
RESOLUTION += ("is_public", "created_at")
TARGET = ("id", "resolution_id", "code", "order", "name", "name_key", "field", "kind")
TARGET += ("comparator", "value", "value_max", "unit", "basis", "direction", "illustrative")
RESULT = ("target_id", "period_code", "estimated", "seq", "state", "value", "unit")
RESULT += ("previous_value", "illustrative", "created_at")
EVALUATION = ("target_id", "resolution_id", "year", "commune_id", "province_id", "code")
EVALUATION += ("field", "status", "estimated")


def prepare_places(spec: SynthSpec) -> dict[int, Place]:
    """Units (from the pinned package) and one People's Council per commune, created if
    missing and reused if present: {commune code: Place}."""
    with transaction.atomic():
        if Unit.objects.count() < 34 + 3321:
            do_load_units()
        units = {
            (u.level, u.code): u
            for u in Unit.objects.filter(level__in=[UnitLevel.PROVINCE, UnitLevel.COMMUNE]).only(
                "id", "level", "code", "parent_id", "name"
            )
        }
        wanted = communes(spec)
        codes = {c.province_code for c in wanted}
        council = BodyKind.PEOPLES_COUNCIL
        bodies = {b.unit_id: b.pk for b in Body.objects.filter(kind=council, unit__isnull=False)}
        new = [
            Body(name=f"HĐND {p.name}", kind=council, unit=units[(UnitLevel.PROVINCE, p.code)])
            for p in provinces()
            if p.code in codes and units[(UnitLevel.PROVINCE, p.code)].pk not in bodies
        ]
        for b in Body.objects.bulk_create(new):
            bodies[b.unit_id] = b.pk
        new = []
        for c in wanted:
            unit = units[(UnitLevel.COMMUNE, c.code)]
            if unit.pk not in bodies:
                name = f"HĐND {c.name[:1].lower()}{c.name[1:]}"
                new.append(
                    Body(name=name, kind=council, unit=unit, parent_id=bodies[unit.parent_id])
                )
        for b in Body.objects.bulk_create(new, batch_size=500):
            bodies[b.unit_id] = b.pk
        out = {}
        for c in wanted:
            unit = units[(UnitLevel.COMMUNE, c.code)]
            out[c.code] = Place(bodies[unit.pk], unit.pk, unit.parent_id or 0)
        return out


def do_load(
    spec: SynthSpec,
    *,
    progress: Progress | None = None,
    stop_after: int | None = None,
    on_chunk: Callable[[Chunk], None] | None = None,
    share: tuple[int, int] = (0, 1),
    fk_checks: bool = True,
    set_aside: bool | None = None,
    manage_indexes: bool = True,
) -> LoadStats:
    """Load every chunk of `spec` not yet in the load log. `stop_after` loads at most that
    many chunks (tests use it to simulate an interrupted run). `share` = (i, n): only every
    n-th chunk starting at the i-th, for n loaders working side by side (chitieu synth --jobs).

    `fk_checks=False` (PostgreSQL superuser only) skips the per-row foreign-key triggers, as
    `pg_restore --disable-triggers` does: a third of the server's work. The loader makes every
    id it refers to in the same transaction, so the references hold by construction.

    `set_aside` (PostgreSQL): drop the loaded tables' secondary indexes and foreign keys for
    the load and build them again at the end (chitieu.web.scale.indexes); None decides by
    size. The rebuild is part of the load's time. `manage_indexes=False` leaves them to the
    caller (the parent of `--jobs` loaders)."""
    started = time.perf_counter()
    writer = Writer()
    if writer.vendor == "postgresql":
        with connection.cursor() as cur:
            # A chunk is still all-or-nothing; a crash may only lose the last few commits,
            # which the load log then does not list either, so a re-run loads them again.
            cur.execute("SET synchronous_commit = off")
            if not fk_checks:
                try:
                    with transaction.atomic():  # a refused SET must not poison a transaction
                        cur.execute("SET session_replication_role = replica")
                except DatabaseError as exc:
                    cur.execute("RESET synchronous_commit")
                    raise LoadError(
                        "Bỏ kiểm tra khóa ngoại (--no-fk-checks) cần quyền superuser của "
                        f"PostgreSQL; chưa nạp gì. Chi tiết: {exc}"
                    ) from exc
    elif not connection.in_atomic_block:  # SQLite refuses these inside a transaction
        with connection.cursor() as cur:
            cur.execute("PRAGMA cache_size = -200000")
            cur.execute("PRAGMA temp_store = MEMORY")
    try:
        places = prepare_places(spec)
        done = set(LoadChunk.objects.filter(dataset=spec.key).values_list("province_code", "year"))
        keys = chunk_keys(spec)
        index, n = share
        others = {k for position, k in enumerate(keys) if position % n != index}
        stats = LoadStats(skipped=len(done - others))
        done |= others
        total = len(keys) - len(others)
        if manage_indexes and writer.vendor == "postgresql":
            stats.set_aside = begin_indexes(spec, done, set_aside, progress)
        if progress is not None:
            progress.start(total, already=stats.skipped)
        tables = {
            "resolution": Table(Resolution, RESOLUTION),
            "target": Table(TargetRow, TARGET),
            "result": Table(ResultVersion, RESULT),
            "evaluation": Table(TargetEvaluation, EVALUATION),
        }
        for chunk in prefetch(iter_chunks(spec, skip=done)):
            if stop_after is not None and stats.chunks >= stop_after:
                break
            if on_chunk is not None:
                on_chunk(chunk)
            counts = _load_chunk(spec, chunk, places, writer, tables)
            stats.chunks += 1
            stats.resolutions += counts[0]
            stats.targets += counts[1]
            stats.results += counts[2]
            if progress is not None:
                progress.advance(counts[2])
    finally:
        if writer.vendor == "postgresql":  # the connection may serve other work afterwards
            with connection.cursor() as cur:
                cur.execute("RESET synchronous_commit")
                cur.execute("RESET session_replication_role")
            if manage_indexes:  # also after an error or Ctrl-C; a kill leaves the list
                stats.index_seconds = end_indexes(progress, quiet=sys.exc_info()[0] is not None)
    stats.seconds = time.perf_counter() - started
    if progress is not None:
        progress.finish()
    return stats


# Results per (commune, year) in the synthetic dataset (11,926,500 / 33,210), to size a load
# before generating it.
RESULTS_PER_RESOLUTION = 359


def expected_results(spec: SynthSpec, done: set[tuple[int, int]]) -> int:
    per_province: dict[int, int] = {}
    for c in communes(spec):
        per_province[c.province_code] = per_province.get(c.province_code, 0) + 1
    left = [k for k in chunk_keys(spec) if k not in done]
    return sum(per_province[p] for p, _ in left) * RESULTS_PER_RESOLUTION


def begin_indexes(
    spec: SynthSpec, done: set[tuple[int, int]], wanted: bool | None, progress: Progress | None
) -> bool:
    """Set the indexes aside if the load is large (or `wanted`); otherwise put back any that a
    killed load left aside. Whether they are aside for this load."""
    aside = wanted if wanted is not None else indexes.should_set_aside(expected_results(spec, done))
    if aside:
        dropped = indexes.set_aside()
        if progress is not None and dropped:
            progress.note(f"tạm bỏ {dropped} chỉ mục và khóa ngoại để nạp nhanh; dựng lại sau")
    else:
        end_indexes(progress)
    return aside


def end_indexes(progress: Progress | None, quiet: bool = False) -> float:
    """Put back what is set aside. `quiet`: an error is already on its way out; a failure
    here must not hide it (the list stays, the next run puts them back)."""
    try:
        return indexes.put_back(progress.note if progress is not None else None)
    except Exception:
        if not quiet:
            raise
        return 0.0


def prefetch(chunks: Iterator[Chunk], depth: int = 2) -> Iterator[Chunk]:
    """Generate the next chunks in a thread while this one is written.

    Python holds the GIL while generating, but waiting for PostgreSQL (COPY end, commit and
    its deferred foreign-key checks) releases it, so the two can overlap when the machine
    has a core to spare (on the shared 2-core test machine the gain was within the noise)."""
    box: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def produce() -> None:
        try:
            for chunk in chunks:
                while not stop.is_set():
                    try:
                        box.put(("chunk", chunk), timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            box.put(("end", None))
        except BaseException as exc:  # handed to the consumer, raised there
            box.put(("error", exc))

    thread = threading.Thread(target=produce, name="synth-prefetch", daemon=True)
    thread.start()
    try:
        while True:
            kind, item = box.get()
            if kind == "end":
                return
            if kind == "error":
                raise item
            yield item
    finally:
        stop.set()
        thread.join(timeout=10)


@transaction.atomic
def _load_chunk(
    spec: SynthSpec, chunk: Chunk, places: dict[int, Place], w: Writer, tables: dict[str, Table]
) -> tuple[int, int, int]:
    res_ids = w.reserve_ids(tables["resolution"], len(chunk.resolutions))
    n_targets = sum(len(r.targets) for r in chunk.resolutions)
    target_ids = iter(w.reserve_ids(tables["target"], n_targets))
    resolutions, targets, results, evaluations = [], [], [], []
    pairs = []
    for rid, res in zip(res_ids, chunk.resolutions, strict=True):
        place = places[res.commune.code]
        created = w.datetime(
            datetime(res.issued_on.year, res.issued_on.month, res.issued_on.day, tzinfo=UTC)
        )
        resolutions.append(
            (
                rid,
                place.body_id,
                ResolutionKind.ANNUAL.value,
                res.number,
                res.title,
                res.issued_on.isoformat(),
                res.year,
                res.is_public,
                created,
            )
        )
        for t in res.targets:
            tid = next(target_ids)
            i = t.indicator
            basis = "cùng kỳ năm trước" if i.kind.value == "change" else ""
            targets.append(
                (
                    tid,
                    rid,
                    i.code,
                    t.order,
                    i.name,
                    name_key(i.name),
                    i.field.value,
                    i.kind.value,
                    i.comparator.value,
                    t.value,
                    t.value_max,
                    i.unit,
                    basis,
                    i.direction.value,
                    True,
                )
            )
            for r in t.results:
                results.append(
                    (
                        tid,
                        r.period_code,
                        r.estimated,
                        r.seq,
                        r.state,
                        r.value,
                        i.unit,
                        r.previous_value,
                        True,
                        w.datetime(r.reported_at),
                    )
                )
            year_result = t.year_result(res.year)
            pairs.append((t.to_domain(res.year), year_result))
            evaluations.append(
                [
                    tid,
                    rid,
                    res.year,
                    place.commune_id,
                    place.province_id,
                    i.code,
                    i.field.value,
                    "",
                    bool(year_result and year_result.estimated),
                ]
            )
    for row, status in zip(evaluations, evaluate_bulk(pairs), strict=True):
        row[7] = status.value
    w.write(tables["resolution"], resolutions)
    w.write(tables["target"], targets)
    w.write_results(tables["result"], results)
    w.write(tables["evaluation"], (tuple(r) for r in evaluations))
    LoadChunk.objects.create(
        dataset=spec.key,
        province_code=chunk.province.code,
        year=chunk.year,
        resolutions=len(resolutions),
        targets=len(targets),
        results=len(results),
    )
    return len(resolutions), len(targets), len(results)
