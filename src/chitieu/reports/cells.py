"""The text of the appendix table's cells, shared by the DOCX, HTML and PDF renderers (the XLSX
renderer writes numbers and formulas instead)."""

from __future__ import annotations

from chitieu.numbers import format_number, format_percent
from chitieu.reports.model import Report, TableRow

COLUMNS = ("stt", "name", "unit", "target", "actual", "percent", "change", "status")


def header_cells(report: Report) -> list[str]:
    return [report.labels[f"table.{key}"] for key in COLUMNS]


def row_cells(report: Report, row: TableRow) -> list[str]:
    actual = ""
    if row.actual is not None:
        actual = format_number(row.actual)
        if row.estimated:
            actual += " " + report.labels["table.estimated_mark"]
    return [
        str(row.number),
        row.name,
        row.unit,
        row.target_text,
        actual,
        format_percent(row.percent_of_target) if row.percent_of_target is not None else "",
        format_percent(row.percent_of_last_year) if row.percent_of_last_year is not None else "",
        row.status.label_vi,
    ]


def roman(n: int) -> str:
    """Field groups are numbered I, II, III… in Vietnamese tables."""
    numerals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, letters in numerals:
        while n >= value:
            out, n = out + letters, n - value
    return out
