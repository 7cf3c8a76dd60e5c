"""The evaluation summary of a chunk read from its files (chitieu synth --from).

Runs in a helper process while the loader's main process streams the chunk into COPY, so the
per-row Python work of evaluating (parse the target rows and the year's approved figures,
chitieu.evaluate.bulk) overlaps PostgreSQL's. Imports no Django: the helper is a spawned
interpreter that only needs this module.
"""

from __future__ import annotations

import gzip
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from chitieu.evaluate.bulk import evaluate_bulk
from chitieu.model import Comparator, Direction, Field, Kind, Period, Result, Target


class ChunkFileError(ValueError):
    """A malformed chunk file; the message names the file and the line, in Vietnamese."""


def read_text(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return data.decode()


def unescape(field: str) -> str | None:
    """A field of COPY's text format as its value (None for \\N)."""
    if field == "\\N":
        return None
    if "\\" not in field:
        return field
    out, i = [], 0
    while i < len(field):
        ch = field[i]
        if ch == "\\" and i + 1 < len(field):
            nxt = field[i + 1]
            out.append({"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}.get(nxt, nxt))
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def _rows(
    path: Path, cols: list[str], wanted: list[str], keep: str = ""
) -> list[tuple[int, list[str | None]]]:
    """(line number, the wanted fields) of each row containing `keep`; a wrong field count is
    an error. `keep` skips the splitting of lines that cannot matter (COPY checks those)."""
    where = [cols.index(c) for c in wanted]
    out = []
    for number, line in enumerate(read_text(path).splitlines(), start=1):
        if keep not in line:
            continue
        fields = line.split("\t")
        if len(fields) != len(cols):
            raise ChunkFileError(
                f"Tệp {path.name}, dòng {number}: có {len(fields)} cột, cần {len(cols)}"
            )
        out.append((number, [unescape(fields[i]) for i in where]))
    return out


def _decimal(value: str | None, path: Path, number: int, column: str) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(value)
    except InvalidOperation:
        raise ChunkFileError(
            f"Tệp {path.name}, dòng {number}, cột {column}: {value!r} không phải là số"
        ) from None


def evaluate_chunk(
    directory: str, chunk: dict[str, Any], columns: dict[str, list[str]], places: dict[int, Any]
) -> tuple[str, int]:
    """The chunk's evaluation rows as COPY text (columns as load.EVALUATION) and their count.
    `places`: {commune code: (commune id, province id)}."""
    base = Path(directory)
    paths = {k: base / f["name"] for k, f in chunk["files"].items()}
    resolutions: dict[int, tuple[int, int, int]] = {}  # id -> year, commune id, province id
    for number, (res_id, res_commune, res_year) in _rows(
        paths["resolution"], columns["resolution"], ["id", "commune_code", "start_year"]
    ):
        try:
            ids = places[int(res_commune or "")]
            resolutions[int(res_id or "")] = (int(res_year or ""), ids[0], ids[1])
        except (KeyError, ValueError):
            raise ChunkFileError(
                f"Tệp {paths['resolution'].name}, dòng {number}: mã xã hoặc năm không hợp lệ"
                f" ({res_commune!r}, {res_year!r})"
            ) from None
    best: dict[int, tuple[bool, int, Result]] = {}  # target id -> the year figure
    years = {str(y) for y, _, _ in resolutions.values()}
    result_path = paths["result"]
    wanted = ["target_id", "period_code", "estimated", "seq", "state", "value"]
    wanted += ["previous_value", "unit"]
    # Only the year period's versions count (a chunk is one year), a tenth of the lines or
    # less: skip the others unsplit (a value equal to the year gets split, then ignored).
    keep = f"\t{next(iter(years))}\t" if len(years) == 1 else "\tapproved\t"
    for number, row in _rows(result_path, columns["result"], wanted, keep=keep):
        target_s, period, est, seq, state, value, previous, unit = row
        if period is None or period not in years or state != "approved":
            continue
        key = (est != "t", int(seq or 0))
        t = int(target_s or 0)
        old = best.get(t)
        if old is None or key > old[:2]:
            figure = Result(
                period=Period.year_of(int(period)),
                value=_decimal(value, result_path, number, "value"),
                unit=unit,
                estimated=est == "t",
                previous_value=_decimal(previous, result_path, number, "previous_value"),
            )
            best[t] = (key[0], key[1], figure)
    target_path = paths["target"]
    wanted = ["id", "resolution_id", "code", "order", "name", "field", "kind", "comparator"]
    wanted += ["value", "value_max", "unit", "basis", "direction"]
    pairs: list[tuple[Target, Result | None]] = []
    rows: list[tuple[int, int, int, int, int, str, str, bool]] = []
    for number, row in _rows(target_path, columns["target"], wanted):
        text = ["" if v is None else v for v in row]
        tid_s, rid_s, code, order, name, field, kind, comparator = text[:8]
        unit, basis, direction = row[10], text[11], text[12]
        try:
            tid, rid = int(tid_s), int(rid_s)
            year, commune, province = resolutions[rid]
            target = Target(
                name=name,
                kind=Kind(kind),
                comparator=Comparator(comparator),
                value=_decimal(row[8], target_path, number, "value"),
                value_max=_decimal(row[9], target_path, number, "value_max"),
                unit=unit,
                basis=basis or None,
                direction=Direction(direction),
                field=Field(field),
                period=Period.year_of(year),
                code=code,
                order=int(order or 0),
            )
        except (KeyError, ValueError) as exc:
            if isinstance(exc, ChunkFileError):
                raise
            raise ChunkFileError(
                f"Tệp {target_path.name}, dòng {number}: chỉ tiêu không hợp lệ ({exc})"
            ) from None
        found = best.get(tid)
        result = found[2] if found is not None and found[2].period == target.period else None
        pairs.append((target, result))
        estimated = result is not None and result.estimated
        rows.append((tid, rid, year, commune, province, code, field, estimated))
    lines = []
    for (tid, rid, year, commune, province, code, field, on_estimate), status in zip(
        rows, evaluate_bulk(pairs), strict=True
    ):
        lines.append(
            f"{tid}\t{rid}\t{year}\t{commune}\t{province}\t{_esc(code)}\t{_esc(field)}\t"
            f"{status.value}\t{'t' if on_estimate else 'f'}\n"
        )
    return "".join(lines), len(lines)


def _esc(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
