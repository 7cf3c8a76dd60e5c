"""The report's appendix table as an Excel workbook (openpyxl, imported only here).

Numbers are stored as numbers, never as text, with display formats; how separators look is
decided by the viewer's locale (Vietnamese Excel shows 9.484 and 126,82%). "% so với NQ" is a
formula of the target and actual cells when that ratio gives the evaluator's figure (see
`TableRow.percent_formula`), "% so với cùng kỳ" a formula of the actual and the same period last
year when that is known; otherwise the stated figure is written as a number.
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from chitieu.cellsafety import protect_cells
from chitieu.model import Comparator, Status
from chitieu.reports.cells import roman
from chitieu.reports.model import Report, TableRow

FONT = "Times New Roman"
# Column letters; I and J follow the eight columns of the printed table.
COLUMNS = ("A", "B", "C", "D", "E", "F", "G", "H", "I", "J")
WIDTHS = (6, 48, 14, 14, 16, 12, 12, 13, 16, 18)
HEADER_ROW = 3
PERCENT_FORMAT = "0.00%"
STATUS_FILL = {Status.NOT_ACHIEVED: "FDECEA", Status.PENDING: "EEEEEE"}


def number_format(value: Decimal, prefix: str = "") -> str:
    """ "#,##0" for whole numbers, "#,##0.00" for two decimals…, with an optional text prefix."""
    exponent = value.normalize().as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    fmt = "#,##0" + ("." + "0" * places if places else "")
    return f'"{prefix}"{fmt}' if prefix else fmt


def _number(value: Decimal) -> int | float:
    """Cells hold floats (the XLSX edge); whole numbers stay ints so they show no decimals."""
    return int(value) if value == value.to_integral_value() else float(value)


def _write_row(ws: Any, r: int, row: TableRow, report: Report) -> None:
    from openpyxl.styles import Alignment, PatternFill

    target = row.target
    ws[f"A{r}"] = row.number
    ws[f"B{r}"] = row.name
    ws[f"C{r}"] = row.unit
    comparator = row.comparator
    if target is not None and comparator in (Comparator.AT_LEAST, Comparator.EQUAL):
        ws[f"D{r}"] = _number(target)
        ws[f"D{r}"].number_format = number_format(target)
    elif target is not None and comparator is Comparator.AT_MOST and not row.is_change:
        ws[f"D{r}"] = _number(target)
        ws[f"D{r}"].number_format = number_format(target, "≤ ")
    else:
        ws[f"D{r}"] = row.target_text or None
    if row.actual is not None:
        ws[f"E{r}"] = _number(row.actual)
        ws[f"E{r}"].number_format = number_format(row.actual)
    if row.previous is not None:
        ws[f"I{r}"] = _number(row.previous)
        ws[f"I{r}"].number_format = number_format(row.previous)
    if row.percent_formula == "actual/target":
        ws[f"F{r}"] = f"=E{r}/D{r}"
    elif row.percent_formula == "target/actual":
        ws[f"F{r}"] = f"=D{r}/E{r}"
    elif row.percent_of_target is not None:
        ws[f"F{r}"] = float(row.percent_of_target / 100)
    if row.previous is not None and row.actual is not None and row.previous != 0:
        ws[f"G{r}"] = f"=E{r}/I{r}"
    elif row.percent_of_last_year is not None:
        ws[f"G{r}"] = float(row.percent_of_last_year / 100)
    ws[f"F{r}"].number_format = PERCENT_FORMAT
    ws[f"G{r}"].number_format = PERCENT_FORMAT
    ws[f"H{r}"] = row.status.label_vi
    if row.estimated:
        ws[f"J{r}"] = report.labels["table.estimated_note"]
    for col in COLUMNS:
        ws[f"{col}{r}"].alignment = Alignment(wrap_text=True, vertical="center")
    if row.status in STATUS_FILL:
        fill = PatternFill("solid", fgColor=STATUS_FILL[row.status])
        ws[f"H{r}"].fill = fill


def _appendix(ws: Any, report: Report) -> None:
    from openpyxl.styles import Alignment, Border, Font, Side

    ws.title = "Phụ lục"
    ws["A1"] = report.labels["headings.appendix_title"].upper()
    ws["A1"].font = Font(name=FONT, bold=True, size=13)
    ws.merge_cells("A1:J1")
    ws["A1"].alignment = Alignment(horizontal="center")
    ws["A2"] = report.header.body
    ws["A2"].font = Font(name=FONT, italic=True, size=12)
    ws.merge_cells("A2:J2")
    ws["A2"].alignment = Alignment(horizontal="center")
    keys = ("stt", "name", "unit", "target", "actual", "percent", "change", "status")
    heads = [report.labels[f"table.{k}"] for k in keys]
    heads += [report.labels["table.previous"], report.labels["table.remark"]]
    for col, text in zip(COLUMNS, heads, strict=True):
        cell = ws[f"{col}{HEADER_ROW}"]
        cell.value = text
        cell.font = Font(name=FONT, bold=True, size=12)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    r = HEADER_ROW
    for i, group in enumerate(report.table, start=1):
        r += 1
        ws[f"A{r}"] = roman(i)
        ws[f"B{r}"] = group.label
        ws.merge_cells(f"B{r}:J{r}")
        ws[f"A{r}"].font = ws[f"B{r}"].font = Font(name=FONT, bold=True, size=12)
        for row in group.rows:
            r += 1
            _write_row(ws, r, row, report)
    thin = Side(style="thin")
    body_font = Font(name=FONT, size=12)
    for row_cells in ws.iter_rows(min_row=HEADER_ROW, max_row=r, max_col=len(COLUMNS)):
        for cell in row_cells:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            if cell.row > HEADER_ROW and not (cell.font and cell.font.b):
                cell.font = body_font
    ws[f"A{r + 2}"] = report.labels["table.note"]
    ws[f"A{r + 2}"].font = Font(name=FONT, italic=True, size=11)
    for col, width in zip(COLUMNS, WIDTHS, strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = f"C{HEADER_ROW + 1}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _summary(ws: Any, report: Report) -> None:
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Alignment, Font

    ws["A1"] = report.opening
    ws["A1"].font = Font(name=FONT, size=12)
    ws["A1"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells("A1:D3")
    ws["A5"], ws["B5"] = "Đánh giá", report.labels["charts.count_axis"]
    ws["A5"].font = ws["B5"].font = Font(name=FONT, bold=True, size=12)
    for i, (status, count) in enumerate(report.charts.status_counts, start=6):
        ws[f"A{i}"] = status.label_vi
        ws[f"B{i}"] = count
    last = 5 + len(report.charts.status_counts)
    ws[f"A{last + 1}"] = "Tổng số"
    ws[f"B{last + 1}"] = f"=SUM(B6:B{last})"
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 14
    chart = BarChart()
    chart.title = report.labels["charts.status_title"]
    chart.y_axis.title = report.labels["charts.count_axis"]
    chart.add_data(Reference(ws, min_col=2, min_row=5, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=6, max_row=last))
    chart.legend = None
    ws.add_chart(chart, "D5")


def render_xlsx(report: Report) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    _appendix(workbook.active, report)
    _summary(workbook.create_sheet("Tổng hợp"), report)
    workbook.properties.title = f"{report.doc_type} {report.title}"
    workbook.properties.creator = report.header.body
    # User text (names, units, targets) stays text; only our own ratio/SUM formulas remain.
    protect_cells(workbook["Phụ lục"], columns=("A", "B", "C", "D", "H", "J"))
    protect_cells(workbook["Tổng hợp"], columns=("A",))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
