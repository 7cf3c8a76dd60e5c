"""The evaluated table written as a readable text table, JSON, CSV or XLSX (all as bytes, so the
command can write them atomically).

- text: Vietnamese number format (9.484; 640,706; 126,82%), then the summary sentence;
- json: numbers as JSON numbers (floats only here, at the edge), statuses as codes and labels;
- csv: UTF-8 with BOM, ";" between cells and decimal commas without grouping (9484; 640,706),
  which is what Excel in a Vietnamese locale opens directly, and what our readers read back;
- xlsx: numbers stored as numbers, the two % columns as fractions with a percent format.
"""

from __future__ import annotations

import csv
import io
import json
import textwrap
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from chitieu.cellsafety import csv_text, protect_cells
from chitieu.model import Field
from chitieu.numbers import format_number, format_percent, quantize
from chitieu.tables import view
from chitieu.tables.view import EvaluatedTable, Row

FORMATS = ("table", "json", "csv", "xlsx")
NAME_WIDTH = 42
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")
DASH = "–"


def write(table: EvaluatedTable, fmt: str) -> bytes:
    writers: dict[str, Callable[[EvaluatedTable], bytes]] = {
        "table": lambda t: render_text(t).encode("utf-8"),
        "json": lambda t: (render_json(t) + "\n").encode("utf-8"),
        "csv": render_csv,
        "xlsx": render_xlsx,
    }
    return writers[fmt](table)


# --- text -------------------------------------------------------------------------------------


def _pct(value: Decimal | None) -> str:
    return format_percent(value) if value is not None else DASH


def _actual_text(row: Row) -> str:
    if row.actual is None:
        return DASH
    text = format_number(row.actual)
    return f"{text} {view.ESTIMATED_MARK}" if row.estimated else text


def render_text(table: EvaluatedTable) -> str:
    headers = [
        view.STT,
        view.NAME,
        view.UNIT,
        view.TARGET,
        view.ACTUAL,
        view.PERCENT,
        view.CHANGE,
        view.STATUS,
    ]
    right = {0, 3, 4, 5, 6}
    lines: list[list[str]] = []  # rows of cells; a one-cell row is a field heading
    current: Field | None = None
    headings = 0
    for row in table.rows:
        if table.has_fields and row.field is not current:
            current = row.field
            lines.append([f"{_ROMAN[headings]}. {row.field.label_vi.upper()}"])
            headings += 1
        name_lines = textwrap.wrap(row.name, NAME_WIDTH) or [""]
        cells = [
            str(row.stt),
            name_lines[0],
            row.unit or "",
            row.target_text,
            _actual_text(row),
            _pct(row.percent_of_target),
            _pct(row.change_percent),
            row.status_label,
        ]
        lines.append(cells)
        lines.extend(["", more, "", "", "", "", "", ""] for more in name_lines[1:])
    widths = [len(h) for h in headers]
    for cells in lines:
        if len(cells) > 1:
            widths = [max(w, len(c)) for w, c in zip(widths, cells, strict=True)]

    def fmt(cells: list[str]) -> str:
        return " | ".join(
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    rule = "-+-".join("-" * w for w in widths)
    out = [table.title, "", fmt(headers), rule]
    out += [cells[0] if len(cells) == 1 else fmt(cells) for cells in lines]
    out += [rule, "", table.sentence]
    if any(r.estimated for r in table.rows):
        out.append(f"{view.ESTIMATED_MARK}: số ước thực hiện.")
    return "\n".join(out) + "\n"


# --- json -------------------------------------------------------------------------------------


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def as_dict(table: EvaluatedTable) -> dict[str, Any]:
    s = table.summary
    return {
        "period": table.period.code if table.period else None,
        "period_label": table.period.label_vi if table.period else None,
        "rows": [
            {
                "stt": r.stt,
                "code": r.code,
                "name": r.name,
                "field": r.field.value,
                "field_label": r.field.label_vi,
                "unit": r.unit,
                "kind": r.kind.value,
                "comparator": r.comparator.value,
                "target_value": _number(r.target_value),
                "target_value_max": _number(r.target_value_max),
                "target_text": r.target_text,
                "actual": _number(r.actual),
                "estimated": r.estimated,
                "percent_of_target": _number(r.percent_of_target),
                "change_percent": _number(r.change_percent),
                "status": r.status.value,
                "status_label": r.status_label,
                "reason": r.reason,
            }
            for r in table.rows
        ],
        "summary": {
            "total": s.total,
            "achieved": s.achieved,
            "exceeded": s.exceeded,
            "not_achieved": s.not_achieved,
            "pending": s.pending,
            "sentence": table.sentence,
        },
    }


def render_json(table: EvaluatedTable) -> str:
    return json.dumps(as_dict(table), ensure_ascii=False, indent=2)


# --- csv and xlsx: the same columns ------------------------------------------------------------

FILE_HEADERS = [
    view.STT,
    view.CODE,
    view.NAME,
    view.FIELD,
    view.UNIT,
    view.TARGET,
    view.TARGET_VALUE,
    view.ACTUAL,
    view.ESTIMATED,
    view.PERCENT,
    view.CHANGE,
    view.STATUS,
    view.REASON,
]
PERCENT_COLUMNS = (view.PERCENT, view.CHANGE)


def _plain(value: Decimal | None, places: int | None = None) -> str:
    """9484 -> "9484", 640.706 -> "640,706": decimal comma, no grouping (unambiguous in CSV)."""
    if value is None:
        return ""
    if places is not None:
        value = quantize(value, places)
    text = format(value.normalize() if value == value.to_integral_value() else value, "f")
    return text.replace(".", ",")


def render_csv(table: EvaluatedTable) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(FILE_HEADERS)
    for r in table.rows:
        row = [
            r.stt,
            r.code,
            r.name,
            r.field.label_vi,
            r.unit or "",
            r.target_text,
            _plain(r.target_value),
            _plain(r.actual),
            "x" if r.estimated else "",
            _plain(r.percent_of_target, 2),
            _plain(r.change_percent, 2),
            r.status_label,
            r.reason,
        ]
        writer.writerow([csv_text(cell) for cell in row])  # no formula injection
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def render_xlsx(table: EvaluatedTable) -> bytes:
    from openpyxl import Workbook  # only the xlsx output pays for it
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Đánh giá"
    sheet.append(FILE_HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")

    def num(value: Decimal | None) -> float | int | None:
        if value is None:
            return None
        return int(value) if value == value.to_integral_value() else float(value)

    def frac(value: Decimal | None) -> float | None:
        return None if value is None else float(value / 100)

    for r in table.rows:
        sheet.append(
            [
                r.stt,
                r.code,
                r.name,
                r.field.label_vi,
                r.unit,
                r.target_text,
                num(r.target_value),
                num(r.actual),
                "x" if r.estimated else None,
                frac(r.percent_of_target),
                frac(r.change_percent),
                r.status_label,
                r.reason,
            ]
        )
    percent_letters = [chr(ord("A") + FILE_HEADERS.index(h)) for h in PERCENT_COLUMNS]
    number_letters = [
        chr(ord("A") + FILE_HEADERS.index(h)) for h in (view.TARGET_VALUE, view.ACTUAL)
    ]
    for row_number in range(2, len(table.rows) + 2):
        for letter in percent_letters:
            sheet[f"{letter}{row_number}"].number_format = "0.00%"
        for letter in number_letters:
            sheet[f"{letter}{row_number}"].number_format = "#,##0.###"
    summary_row = len(table.rows) + 3
    sheet.cell(summary_row, 1, table.sentence).font = Font(italic=True)
    workbook.properties.title = table.title
    widths = {
        "A": 5,
        "B": 8,
        "C": 45,
        "D": 22,
        "E": 10,
        "F": 18,
        "G": 12,
        "H": 14,
        "I": 8,
        "J": 12,
        "K": 14,
        "L": 14,
        "M": 60,
    }
    for letter, width in widths.items():
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    protect_cells(sheet)  # user text starting with = + - @ stays text, never a formula
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
