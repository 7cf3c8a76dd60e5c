"""The Excel appendix, checked by opening the generated file with openpyxl."""

from __future__ import annotations

import io
import re
from decimal import Decimal

import openpyxl
import pytest
from openpyxl.workbook.workbook import Workbook

from chitieu.reports.demo import demo_report
from chitieu.reports.render import render

REPORT = demo_report()


@pytest.fixture(scope="module")
def workbook() -> Workbook:
    return openpyxl.load_workbook(io.BytesIO(render(REPORT, "xlsx")))


def rows_by_name(workbook: Workbook) -> dict[str, int]:
    ws = workbook["Phụ lục"]
    return {
        str(ws[f"B{r}"].value): r
        for r in range(4, ws.max_row + 1)
        if isinstance(ws[f"A{r}"].value, int)
    }


def compute(ws: object, formula: str) -> float:
    """Evaluate the two-cell ratio formulas the report writes ("=E5/D5")."""
    m = re.fullmatch(r"=([A-Z])(\d+)/([A-Z])(\d+)", formula)
    assert m, formula
    top = ws[f"{m[1]}{m[2]}"].value  # type: ignore[index]
    bottom = ws[f"{m[3]}{m[4]}"].value  # type: ignore[index]
    return float(top) / float(bottom)


def test_the_header_row_has_the_appendix_columns(workbook: Workbook) -> None:
    ws = workbook["Phụ lục"]
    assert [c.value for c in ws[3]][:8] == [
        "STT",
        "Chỉ tiêu",
        "ĐVT",
        "Chỉ tiêu NQ",
        "Thực hiện / Ước thực hiện",
        "% so với NQ",
        "% so với cùng kỳ",
        "Đánh giá",
    ]


def test_numbers_are_stored_as_numbers(workbook: Workbook) -> None:
    ws = workbook["Phụ lục"]
    r = rows_by_name(workbook)["Thu ngân sách từ kinh tế địa phương"]
    assert ws[f"D{r}"].value == 150 and ws[f"D{r}"].data_type == "n"
    assert ws[f"E{r}"].value == pytest.approx(190.23) and ws[f"E{r}"].data_type == "n"
    assert ws[f"E{r}"].number_format == "#,##0.00"
    assert ws[f"I{r}"].value == pytest.approx(145.85)
    r = rows_by_name(workbook)["Tổng giá trị sản xuất (giá so sánh 2010)"]
    assert ws[f"E{r}"].value == 8922 and ws[f"E{r}"].number_format == "#,##0"
    assert ws[f"J{r}"].value == "Ước thực hiện"


def test_the_percent_columns_are_formulas_that_give_the_report_figures(
    workbook: Workbook,
) -> None:
    ws = workbook["Phụ lục"]
    rows = rows_by_name(workbook)
    formulas = 0
    for row in REPORT.rows:
        r = rows[row.name]
        cell = ws[f"F{r}"]
        assert cell.number_format == "0.00%"
        if row.percent_formula is not None:
            assert isinstance(cell.value, str) and cell.value.startswith("=")
            value = compute(ws, cell.value)
            assert row.percent_of_target is not None
            assert value * 100 == pytest.approx(float(row.percent_of_target), abs=0.005)
            formulas += 1
        change = ws[f"G{r}"].value
        if row.previous is not None:
            assert change == f"=E{r}/I{r}"
            assert row.percent_of_last_year is not None
            assert compute(ws, change) * 100 == pytest.approx(
                float(row.percent_of_last_year), abs=0.005
            )
    assert formulas == 16  # every target with a number on both sides


def test_a_lower_is_better_target_divides_the_other_way(workbook: Workbook) -> None:
    ws = workbook["Phụ lục"]
    r = rows_by_name(workbook)["Tỷ lệ hộ nghèo"]
    assert ws[f"F{r}"].value == f"=D{r}/E{r}"
    assert ws[f"D{r}"].value == pytest.approx(0.8)
    assert ws[f"D{r}"].number_format == '"≤ "#,##0.0'


def test_a_stated_change_with_no_numbers_is_written_as_a_number(workbook: Workbook) -> None:
    ws = workbook["Phụ lục"]
    r = rows_by_name(workbook)["Số vụ tội phạm về trật tự xã hội"]
    assert ws[f"D{r}"].value == "giảm ít nhất 5%"
    assert ws[f"E{r}"].value == pytest.approx(7.4)
    assert ws[f"G{r}"].value == pytest.approx(1.074)
    assert ws[f"H{r}"].value == "Không đạt"


def test_statuses_and_the_summary_sheet_agree_with_the_report(workbook: Workbook) -> None:
    ws = workbook["Phụ lục"]
    statuses = [ws[f"H{r}"].value for r in rows_by_name(workbook).values()]
    assert statuses.count("Vượt") == 10
    assert statuses.count("Đạt") == 5
    assert statuses.count("Không đạt") == 3
    assert statuses.count("Chưa đánh giá") == 1
    summary = workbook["Tổng hợp"]
    assert summary["A1"].value == REPORT.opening
    counts = {summary[f"A{r}"].value: summary[f"B{r}"].value for r in range(6, 10)}
    assert counts == {"Vượt": 10, "Đạt": 5, "Không đạt": 3, "Chưa đánh giá": 1}
    assert summary["B10"].value == "=SUM(B6:B9)"
    assert len(summary._charts) == 1


def test_the_percent_of_target_matches_the_evaluation_exactly() -> None:
    row = next(r for r in REPORT.rows if "kinh tế địa phương" in r.name)
    assert row.percent_of_target == Decimal("126.82")
