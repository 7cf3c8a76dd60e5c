"""`chitieu synth --from DIR`: load chunk files written by `chitieu synth --out DIR`.

PostgreSQL: each target and result file goes into COPY as it is, in 1 MiB blocks (no Python
per row), checksummed on the way; only the resolution file (a hundred rows a chunk) is
rewritten, its commune codes becoming the councils' ids. The evaluation summary is computed
from the same files in a helper process (chitieu.web.scale.fileeval) while the main process
streams the chunk, then COPYed too: its time is in the load's. SQLite: the same files,
parsed and inserted with executemany (slower; for tests and small sets).

The guarantees of chitieu.web.scale.load hold: one transaction per chunk ending with its
LoadChunk row (same dataset key as a direct load, so either path resumes the other), indexes
set aside for a large first load and rebuilt, progress bar. A malformed chunk stops the load
with a message naming the file and the line; nothing of that chunk is stored.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import re
import sys
import time
import zlib
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import datetime
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

from django.db import DatabaseError, connection, models, transaction

from chitieu.synth import SynthSpec
from chitieu.web.models import Resolution, ResultVersion, TargetRow
from chitieu.web.scale import indexes
from chitieu.web.scale.fileeval import ChunkFileError, evaluate_chunk, unescape
from chitieu.web.scale.files import FORMAT, MANIFEST
from chitieu.web.scale.load import (
    EVALUATION,
    LoadError,
    LoadStats,
    end_indexes,
    prepare_places,
)
from chitieu.web.scale.models import LoadChunk, TargetEvaluation
from chitieu.web.scale.progress import Progress

BLOCK = 1 << 20


def read_manifest(directory: Path) -> dict[str, Any]:
    path = directory / MANIFEST
    try:
        manifest: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LoadError(
            f"Không thấy {path}: thư mục chưa có bộ dữ liệu hoàn chỉnh (chạy chitieu synth"
            " --out trước, và để lệnh đó chạy xong)"
        ) from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise LoadError(f"Tệp {path} không đọc được: {exc}") from None
    if manifest.get("format") != FORMAT:
        raise LoadError(f"Tệp {path}: định dạng {manifest.get('format')!r}, cần {FORMAT!r}")
    return manifest


def do_load_files(
    directory: Path,
    *,
    progress: Progress | None = None,
    stop_after: int | None = None,
    set_aside: bool | None = None,
) -> LoadStats:
    """Load every chunk of the dataset in `directory` not yet in the load log."""
    started = time.perf_counter()
    manifest = read_manifest(directory)
    spec = SynthSpec(**manifest["spec"])
    columns: dict[str, list[str]] = manifest["columns"]
    vendor = connection.vendor
    tables = {
        "resolution": Resolution._meta.db_table,
        "target": TargetRow._meta.db_table,
        "result": ResultVersion._meta.db_table,
    }
    _check_columns(columns, tables)
    places = prepare_places(spec)
    by_code = {code: (p.commune_id, p.province_id) for code, p in places.items()}
    done = set(
        LoadChunk.objects.filter(dataset=manifest["dataset"]).values_list("province_code", "year")
    )
    todo = [c for c in manifest["chunks"] if (c["province"], c["year"]) not in done]
    stats = LoadStats(skipped=len(manifest["chunks"]) - len(todo))
    if vendor == "postgresql":
        with connection.cursor() as cur:
            cur.execute("SET synchronous_commit = off")
        wanted = sum(c["files"]["result"]["rows"] for c in todo)
        aside = set_aside if set_aside is not None else indexes.should_set_aside(wanted)
        if aside and todo:
            stats.set_aside = True
            dropped = indexes.set_aside()
            if progress is not None and dropped:
                progress.note(f"tạm bỏ {dropped} chỉ mục và khóa ngoại để nạp nhanh; dựng lại sau")
        else:
            end_indexes(progress)
    if progress is not None:
        progress.start(len(manifest["chunks"]), already=stats.skipped)
    # spawn: a forked child would share the open database connection.
    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
    try:
        for chunk, evaluation in _ahead(pool, str(directory), todo, columns, by_code):
            if stop_after is not None and stats.chunks >= stop_after:
                break
            counts = _load_chunk(directory, manifest, chunk, evaluation, places, tables)
            stats.chunks += 1
            stats.resolutions += counts[0]
            stats.targets += counts[1]
            stats.results += counts[2]
            if progress is not None:
                progress.advance(counts[2])
        if vendor == "postgresql" and stats.chunks:
            _move_sequences(tables)
    finally:
        pool.shutdown(cancel_futures=True)
        if vendor == "postgresql":
            with connection.cursor() as cur:
                cur.execute("RESET synchronous_commit")
            stats.index_seconds = end_indexes(progress, quiet=sys.exc_info()[0] is not None)
    stats.seconds = time.perf_counter() - started
    if progress is not None:
        progress.finish()
    return stats


def _ahead(
    pool: ProcessPoolExecutor,
    directory: str,
    chunks: list[dict[str, Any]],
    columns: dict[str, list[str]],
    places: dict[int, tuple[int, int]],
) -> Iterator[tuple[dict[str, Any], Future[tuple[str, int]]]]:
    """Each chunk with its evaluation already under way, the next one's too (the helper
    works on chunk i+1 while chunk i's COPY runs)."""
    futures: list[Future[tuple[str, int]]] = []
    for i, chunk in enumerate(chunks):
        while len(futures) < min(i + 2, len(chunks)):
            futures.append(
                pool.submit(evaluate_chunk, directory, chunks[len(futures)], columns, places)
            )
        yield chunk, futures[i]


def _check_columns(columns: dict[str, list[str]], tables: dict[str, str]) -> None:
    models_: dict[str, type[models.Model]] = {
        "resolution": Resolution,
        "target": TargetRow,
        "result": ResultVersion,
    }
    for kind, model in models_.items():
        have = {f.column for f in model._meta.concrete_fields} | {"commune_code"}
        missing = [c for c in columns[kind] if c not in have]
        if missing:
            raise LoadError(
                f"Bảng {tables[kind]} không có cột {', '.join(missing)} mà tệp dữ liệu cần:"
                " hãy sinh lại bộ dữ liệu bằng phiên bản này (chitieu synth --out)"
            )


@transaction.atomic
def _load_chunk(
    directory: Path,
    manifest: dict[str, Any],
    chunk: dict[str, Any],
    evaluation: Future[tuple[str, int]],
    places: dict[int, Any],
    tables: dict[str, str],
) -> tuple[int, int, int]:
    columns = manifest["columns"]
    files = chunk["files"]
    _check_ids_free(chunk, tables)
    res_path = directory / files["resolution"]["name"]
    res_cols = columns["resolution"]
    at = res_cols.index("commune_code")
    lines = []
    for number, line in enumerate(_text(res_path, files["resolution"]).splitlines(), 1):
        fields = line.split("\t")
        try:
            fields[at] = str(places[int(fields[at])].body_id)
        except (KeyError, ValueError, IndexError):
            raise LoadError(
                f"Tệp {res_path.name}, dòng {number}: mã xã không hợp lệ; phần (tỉnh"
                f" {chunk['province']}, năm {chunk['year']}) không được nạp"
            ) from None
        lines.append("\t".join(fields) + "\n")
    cols = ["issuing_body_id" if c == "commune_code" else c for c in res_cols]
    _copy_text(
        tables["resolution"], cols, res_path, ["".join(lines).encode()], files["resolution"]["rows"]
    )
    for kind in ("target", "result"):
        path = directory / files[kind]["name"]
        _copy_text(
            tables[kind], columns[kind], path, _blocks(path, files[kind]), files[kind]["rows"]
        )
    try:
        text, n = evaluation.result()
    except ChunkFileError as exc:
        raise LoadError(
            f"{exc}; phần (tỉnh {chunk['province']}, năm {chunk['year']}) không được nạp"
        ) from None
    eval_path = Path(f"(đánh giá của phần tỉnh {chunk['province']}, năm {chunk['year']})")
    _copy_text(TargetEvaluation._meta.db_table, list(EVALUATION), eval_path, [text.encode()], n)
    LoadChunk.objects.create(
        dataset=manifest["dataset"],
        province_code=chunk["province"],
        year=chunk["year"],
        resolutions=files["resolution"]["rows"],
        targets=files["target"]["rows"],
        results=files["result"]["rows"],
    )
    return files["resolution"]["rows"], files["target"]["rows"], files["result"]["rows"]


def _check_ids_free(chunk: dict[str, Any], tables: dict[str, str]) -> None:
    with connection.cursor() as cur:
        for kind in ("resolution", "target"):
            lo, hi = chunk[f"{kind}_ids"]
            cur.execute(
                f'SELECT 1 FROM "{tables[kind]}" WHERE id BETWEEN %s AND %s LIMIT 1', [lo, hi]
            )
            if cur.fetchone() is not None:
                raise LoadError(
                    f"Bảng {tables[kind]} đã có dòng với mã (id) trong khoảng {lo}–{hi} mà phần"
                    f" (tỉnh {chunk['province']}, năm {chunk['year']}) dùng: cơ sở dữ liệu đã có"
                    " dữ liệu khác. Hãy sinh lại bộ dữ liệu với --id-base lớn hơn mã lớn nhất"
                    " hiện có; chưa nạp gì của phần này."
                )


def _blocks(path: Path, entry: dict[str, Any]) -> Iterator[bytes]:
    """The file's content in large blocks, decompressed if .gz, checked against the
    manifest's checksum once read (an error then rolls the chunk back)."""
    digest = hashlib.sha256()
    inflate = zlib.decompressobj(wbits=31) if path.suffix == ".gz" else None
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed by the with below; opening errors first
    except OSError as exc:
        raise LoadError(f"Không đọc được tệp {path}: {exc.strerror}") from None
    with fh:
        while raw := fh.read(BLOCK):
            digest.update(raw)
            if inflate is None:
                yield raw
            else:
                try:
                    yield inflate.decompress(raw)
                except zlib.error as exc:
                    raise LoadError(f"Tệp {path.name}: không giải nén được ({exc})") from None
    if inflate is not None:
        yield inflate.flush()
    if digest.hexdigest() != entry["sha256"]:
        raise LoadError(
            f"Tệp {path.name}: tổng kiểm (SHA-256) không khớp với manifest.json — tệp đã bị"
            " sửa hoặc hỏng; phần này không được nạp"
        )


def _text(path: Path, entry: dict[str, Any]) -> str:
    return b"".join(_blocks(path, entry)).decode()


_LINE = re.compile(r"line (\d+)")


def _copy_text(table: str, cols: list[str], path: Path, blocks: Any, rows: int) -> None:
    """COPY the blocks into `table`; a rejected row becomes a LoadError naming the file and
    line (PostgreSQL counts COPY's lines from 1, as the file's)."""
    if connection.vendor != "postgresql":
        _insert_parsed(table, cols, path, blocks, rows)
        return
    import psycopg  # the raw cursor's errors are the driver's, not Django's

    names = ", ".join(f'"{c}"' for c in cols)
    try:
        with connection.cursor() as wrapper:
            cur = wrapper.cursor
            with cur.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
                for block in blocks:
                    copy.write(block)
            copied = cur.rowcount
    except (DatabaseError, psycopg.Error) as exc:
        diag = getattr(exc.__cause__ or exc, "diag", None)
        context = getattr(diag, "context", None) or ""
        primary = getattr(diag, "message_primary", None) or str(exc).splitlines()[0]
        found = _LINE.search(context)
        where = f", dòng {found.group(1)}" if found else ""
        raise LoadError(
            f"Tệp {path.name}{where}: PostgreSQL không nhận dòng này ({primary}); phần này"
            " không được nạp"
        ) from None
    if copied != rows:
        raise LoadError(f"Tệp {path.name}: có {copied} dòng, manifest.json ghi {rows}")


def _insert_parsed(table: str, cols: list[str], path: Path, blocks: Any, rows: int) -> None:
    """SQLite: parse COPY text (booleans, timestamps to what Django stores) and insert."""
    fields = {f.column: f for m in models_for(table) for f in m._meta.concrete_fields}
    convert: list[Callable[[str | None], Any]] = []
    for c in cols:
        f = fields.get(c)
        if isinstance(f, models.BooleanField):
            convert.append(_bool)
        elif isinstance(f, models.DateTimeField):
            convert.append(_stamp)
        elif isinstance(f, models.DecimalField):
            convert.append(partial(_number, column=c, kind=Decimal))
        elif isinstance(f, (models.IntegerField, models.ForeignKey, models.AutoField)):
            convert.append(partial(_number, column=c, kind=int))
        else:
            convert.append(_same)
    text = b"".join(blocks).decode()
    parsed = []
    for number, line in enumerate(text.splitlines(), 1):
        values = line.split("\t")
        if len(values) != len(cols):
            raise LoadError(
                f"Tệp {path.name}, dòng {number}: có {len(values)} cột, cần {len(cols)};"
                " phần này không được nạp"
            )
        try:
            parsed.append(tuple(f(unescape(v)) for f, v in zip(convert, values, strict=True)))
        except ValueError as exc:
            raise LoadError(
                f"Tệp {path.name}, dòng {number}, {exc}; phần này không được nạp"
            ) from None
    if len(parsed) != rows:
        raise LoadError(f"Tệp {path.name}: có {len(parsed)} dòng, manifest.json ghi {rows}")
    names = ", ".join(f'"{c}"' for c in cols)
    marks = ", ".join("?" * len(cols))
    try:
        with connection.cursor() as wrapper:
            wrapper.cursor.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', parsed)
    except DatabaseError as exc:
        raise LoadError(
            f"Tệp {path.name}: cơ sở dữ liệu không nhận ({exc}); phần này không được nạp"
        ) from None


def _bool(value: str | None) -> bool | None:
    return None if value is None else value == "t"


def _stamp(value: str | None) -> Any:
    if value is None:
        return None
    return connection.ops.adapt_datetimefield_value(datetime.fromisoformat(value))


def _same(value: str | None) -> str | None:
    return value


def _number(value: str | None, column: str, kind: Callable[[str], Any]) -> Any:
    """SQLite would store a malformed number as text: check it as COPY would."""
    if value is None:
        return None
    try:
        return kind(value)
    except (ValueError, ArithmeticError):
        raise ValueError(f"cột {column}: {value!r} không phải là số") from None


def models_for(table: str) -> list[type[models.Model]]:
    return [
        m
        for m in (Resolution, TargetRow, ResultVersion, TargetEvaluation)
        if m._meta.db_table == table
    ]


def _move_sequences(tables: dict[str, str]) -> None:
    """The files carry their ids: move the sequences past them, as pg_dump's setval does."""
    with connection.cursor() as cur:
        for kind in ("resolution", "target"):
            name = tables[kind]
            cur.execute(
                "SELECT setval(pg_get_serial_sequence(%s, 'id'),"
                f' GREATEST((SELECT MAX(id) FROM "{name}"), 1))',
                [name],
            )
