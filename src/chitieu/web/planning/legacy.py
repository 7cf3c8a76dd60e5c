"""Old communes' figures from a CSV file, for the continuity pages (LegacyFigure).

Columns (header row, any order; `;` or `,` separated; UTF-8):

    ma_xa_cu   the old commune's code in vietnam-provinces' legacy list (e.g. 382)
    chi_tieu   the indicator's name, as the new commune's target names it
    ky         the period code (2024, 2024-6M, …)
    gia_tri    the value, written the Vietnamese way (9.484; 2,5)
    dan_so     optional: the weight a rate is averaged by (population, households)

All rows or none: every bad cell is reported with its row and column, nothing is stored.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from chitieu.model import Period, PeriodError
from chitieu.numbers import NumberFormatError, parse_number
from chitieu.tables.errors import ErrorCollector, InputError
from chitieu.tables.readers import sniff_delimiter
from chitieu.web.models.targets import name_key
from chitieu.web.planning.actions import do_record_legacy_figure

REQUIRED = ("ma_xa_cu", "chi_tieu", "ky", "gia_tri")
OPTIONAL = ("dan_so",)


def _names() -> dict[str, str]:
    import vietnam_provinces.legacy as legacy

    return {str(int(w.code)): w.name for w in legacy.Ward.iter_all()}


@transaction.atomic
def do_load_legacy_csv(path: Path) -> int:
    """Store the figures of `path`; returns how many. Raises InputErrors, storing nothing."""
    name = path.name
    errors = ErrorCollector()
    text = path.read_text(encoding="utf-8-sig")
    reader = csv.DictReader(io.StringIO(text), delimiter=sniff_delimiter(text))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        errors.add(InputError(name, "missing_column", "thiếu cột " + ", ".join(missing), row=1))
        errors.raise_if_any()
    known = _names()
    rows: list[tuple[int, str, str, Decimal, Decimal | None, str]] = []
    for number, raw in enumerate(reader, start=2):
        cells = {k.strip().lower(): (v or "").strip() for k, v in raw.items() if k}
        before = errors.count_for(name)

        def bad(column: str, message: str, code: str = "bad_value") -> None:
            errors.add(InputError(name, code, message, row=number, column=column))  # noqa: B023

        code = cells["ma_xa_cu"]
        if not code.isdigit() or str(int(code)) not in known:
            bad("ma_xa_cu", f"{code!r} không phải mã xã, phường cũ (trước 7/2025)", "bad_code")
        indicator = name_key(cells["chi_tieu"])
        if not indicator:
            bad("chi_tieu", "chưa ghi tên chỉ tiêu", "missing_value")
        try:
            period = Period.parse(cells["ky"]).code
        except PeriodError as exc:
            bad("ky", str(exc), "bad_period")
            period = ""
        values: list[Decimal | None] = []
        for column in ("gia_tri", "dan_so"):
            cell = cells.get(column, "")
            if not cell:
                if column == "gia_tri":
                    bad(column, "chưa có giá trị", "missing_value")
                values.append(None)
                continue
            try:
                values.append(parse_number(cell))
            except NumberFormatError as exc:
                bad(column, str(exc), "bad_number")
                values.append(None)
        if errors.count_for(name) == before and values[0] is not None:
            old = str(int(code))
            rows.append((int(old), indicator, period, values[0], values[1], known[old]))
    errors.raise_if_any()
    for old_code, indicator, period, value, weight, old_name in rows:
        do_record_legacy_figure(
            old_code, indicator, period, value, weight=weight, old_name=old_name
        )
    return len(rows)
