"""`chitieu synth --out DIR`: the synthetic dataset as files ready for PostgreSQL's COPY.

A national bulk load reads files; generating while loading makes the load pay for the
generator. Each (province, year) chunk is three files in COPY's text format (tab-separated,
\\N for NULL, backslash escapes), optionally gzip-compressed:

    p01-2017.resolution.tsv[.gz]   ids, the commune's CODE (not a database id), the fields
    p01-2017.target.tsv[.gz]       absolute ids, pointing at the resolution ids above
    p01-2017.result.tsv[.gz]       pointing at the target ids above (result ids: the sequence)

and `manifest.json` lists, per chunk, each file's row count and SHA-256 (of the bytes on
disk) and the id ranges it uses. Ids are absolute (counted from `--id-base`, as pg_dump's
rows carry theirs), so targets and results go into COPY untouched; the loader checks that
the ranges are free and moves the sequences past them. The evaluation summary is not in the
files: it is derived data, computed by the loader (chitieu.web.scale.fileeval).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from chitieu.synth import SynthSpec, iter_chunks
from chitieu.web.models import Resolution, ResolutionKind, ResultVersion, TargetRow
from chitieu.web.scale.load import RESOLUTION, RESULT, TARGET, Table, Writer, _copy_text, _name_key

FORMAT = "chitieu-synth-copy-1"
MANIFEST = "manifest.json"
KINDS = ("resolution", "target", "result")


def columns() -> dict[str, list[str]]:
    """The COPY column list of each file. The resolution file holds the commune's code in
    place of issuing_body_id (a database id the generator cannot know)."""
    res = Table(Resolution, RESOLUTION).columns
    return {
        "resolution": ["commune_code" if c == "issuing_body_id" else c for c in res],
        "target": Table(TargetRow, TARGET).columns,
        "result": Table(ResultVersion, RESULT).columns,
    }


def chunk_name(province: int, year: int, kind: str, compress: bool) -> str:
    return f"p{province:02d}-{year}.{kind}.tsv" + (".gz" if compress else "")


class _TextWriter(Writer):
    """Writer.result_rows' COPY-text path without a database connection."""

    def __init__(self) -> None:
        self.vendor = "postgresql"
        self._dt = {}
        defaults = Table(ResultVersion, RESULT).defaults
        self._result_tail = "".join("\t" + _copy_text(v) for v in defaults) + "\n"


def _line(values: tuple[Any, ...]) -> str:
    return "\t".join(_copy_text(v) for v in values) + "\n"


def write_dataset(
    spec: SynthSpec,
    out: Path,
    *,
    compress: bool = False,
    id_base: int = 1,
    on_chunk: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    """Write every chunk of `spec` under `out` and the manifest last (a directory without
    manifest is an unfinished write). Returns the manifest."""
    out.mkdir(parents=True, exist_ok=True)
    cols = columns()
    target_tail = "".join("\t" + _copy_text(v) for v in Table(TargetRow, TARGET).defaults)
    res_tail = "".join("\t" + _copy_text(v) for v in Table(Resolution, RESOLUTION).defaults)
    text = _TextWriter()
    next_res = next_target = id_base
    chunks = []
    for chunk in iter_chunks(spec):
        res_lines: list[str] = []
        target_lines: list[str] = []
        result_lines: list[str] = []
        first_res, first_target = next_res, next_target
        for res in chunk.resolutions:
            rid = next_res
            next_res += 1
            created = datetime(
                res.issued_on.year, res.issued_on.month, res.issued_on.day, tzinfo=UTC
            ).isoformat()
            row: tuple[Any, ...] = (
                rid,
                res.commune.code,
                ResolutionKind.ANNUAL,
                res.number,
                res.title,
            )
            row += (res.issued_on.isoformat(), res.year, res.is_public, created)
            res_lines.append(_line(row)[:-1] + res_tail + "\n")
            for t in res.targets:
                tid = next_target
                next_target += 1
                i = t.indicator
                basis = "cùng kỳ năm trước" if i.kind.value == "change" else ""
                row = (tid, rid, i.code, t.order, i.name, _name_key(i.name), i.field.value)
                row += (i.kind.value, i.comparator.value, t.value, t.value_max, i.unit, basis)
                row += (i.direction.value, True)
                target_lines.append(_line(row)[:-1] + target_tail + "\n")
                result_lines += text.result_rows(tid, i.unit, t.results)
        files = {}
        for kind, lines in zip(KINDS, (res_lines, target_lines, result_lines), strict=True):
            name = chunk_name(chunk.province.code, chunk.year, kind, compress)
            data = "".join(lines).encode()
            files[kind] = {"name": name, "rows": len(lines), "sha256": _write(out / name, data)}
        chunks.append(
            {
                "province": chunk.province.code,
                "year": chunk.year,
                "files": files,
                "resolution_ids": [first_res, next_res - 1],
                "target_ids": [first_target, next_target - 1],
            }
        )
        if on_chunk is not None:
            on_chunk(len(result_lines))
    manifest = {
        "format": FORMAT,
        "dataset": spec.key,
        "spec": asdict(spec),
        "compressed": compress,
        "id_base": id_base,
        "columns": cols,
        "chunks": chunks,
    }
    tmp = out / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, out / MANIFEST)
    return manifest


def _write(path: Path, data: bytes) -> str:
    """Write through a temporary name (a killed write leaves no half file under the real
    name); the checksum is of the bytes on disk, which is what the loader reads."""
    if path.suffix == ".gz":
        data = gzip.compress(data, compresslevel=1, mtime=0)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)
    return hashlib.sha256(data).hexdigest()
