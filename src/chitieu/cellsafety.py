"""Formula injection: text from users must never become a formula in a file we export.

A target named "=HYPERLINK(…)" or "@SUM(…)" would run as a formula when an office worker
opens the CSV or XLSX in Excel or LibreOffice (CSV injection). Text cells starting with one
of = + - @ (or a tab / carriage return, which some spreadsheet programs skip) are written
as plain text: in CSV with a leading apostrophe, in XLSX as a string cell with Excel's
"quote prefix" flag, so the text is shown as written and never evaluated.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from chitieu.numbers import NumberFormatError, parse_number

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_risky(text: str) -> bool:
    """Text a spreadsheet program could take for a formula (a plain number is not)."""
    if not text.startswith(FORMULA_STARTS):
        return False
    try:
        parse_number(text)
    except NumberFormatError:
        return True
    return False


def csv_text(value: object) -> object:
    """A CSV cell value with risky text prefixed by an apostrophe; other values unchanged."""
    if isinstance(value, str) and is_risky(value):
        return "'" + value
    return value


def protect_cells(sheet: Any, columns: Iterable[str] | None = None) -> None:
    """Make every text cell of an openpyxl sheet (or of the given column letters) that
    starts like a formula a string cell; openpyxl otherwise stores "=…" as a formula."""
    wanted = set(columns) if columns is not None else None
    for row in sheet.iter_rows():
        for cell in row:
            value = cell.value
            if not isinstance(value, str) or not value.startswith(FORMULA_STARTS):
                continue
            if wanted is not None and cell.column_letter not in wanted:
                continue
            cell.data_type = "s"
            cell.quotePrefix = True
