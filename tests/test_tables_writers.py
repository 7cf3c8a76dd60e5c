"""The evaluated table in each output format, from real evaluations."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

from openpyxl import load_workbook

from chitieu.evaluate import evaluate_many
from chitieu.model import Comparator, Field, Kind, Period, Result, Status, Target
from chitieu.tables.view import EvaluatedTable, build_table
from chitieu.tables.writers import render_csv, render_json, render_text, render_xlsx

LONG = "Tỷ lệ huy động học sinh so với dân số trong độ tuổi: mẫu giáo (3 - 5 tuổi)"


def table() -> EvaluatedTable:
    pairs = [
        (
            Target(LONG, value=Decimal("90.5"), unit="%", code="VH03", field=Field.CULTURE_SOCIETY),
            Result(value=Decimal(91), unit="%", estimated=True),
        ),
        (
            Target(
                "Số vụ tội phạm",
                kind=Kind.CHANGE,
                comparator=Comparator.AT_MOST,
                value=Decimal(-5),
                unit="%",
                basis="năm 2023",
                code="QP01",
                field=Field.DEFENCE_SECURITY,
            ),
            Result(value=Decimal(112), unit="vụ", previous_value=Decimal(120)),
        ),
        (
            Target("Công tác tuyển quân đạt chỉ tiêu", code="QP02", field=Field.DEFENCE_SECURITY),
            Result(declared_status=Status.ACHIEVED),
        ),
        (
            Target(
                "Tăng trưởng kinh tế",
                comparator=Comparator.RANGE,
                value=Decimal("6.5"),
                value_max=Decimal(7),
                unit="%",
                code="KT01",
                field=Field.ECONOMY,
            ),
            None,
        ),
    ]
    return build_table(evaluate_many(pairs), Period.year_of(2024))


def test_the_text_table_wraps_long_names_and_marks_estimates() -> None:
    text = render_text(table())
    lines = text.splitlines()
    assert lines[0] == "Đánh giá kết quả thực hiện chỉ tiêu năm 2024"
    assert all(len(line) <= 160 for line in lines)
    first = next(i for i, line in enumerate(lines) if "Tỷ lệ huy động" in line)
    assert "mẫu giáo (3 - 5 tuổi)" in lines[first + 1] and lines[first + 1].lstrip().startswith("|")
    assert "91 (ước)" in lines[first] and "100,55%" in lines[first]
    assert "(ước): số ước thực hiện." in lines
    # Economy first, whatever the order the targets came in.
    assert (
        lines.index("I. KINH TẾ")
        < lines.index("II. VĂN HÓA – XÃ HỘI")
        < lines.index("III. QUỐC PHÒNG – AN NINH")
    )
    range_row = next(line for line in lines if "Tăng trưởng kinh tế" in line)
    assert "6,5 – 7" in range_row and "Chưa đánh giá" in range_row


def test_a_change_target_shows_its_change_and_a_qualitative_one_its_status() -> None:
    data = json.loads(render_json(table()))
    rows = {r["code"]: r for r in data["rows"]}
    assert rows["QP01"]["target_text"] == "giảm ít nhất 5% so với năm 2023"
    assert (rows["QP01"]["actual"], rows["QP01"]["change_percent"], rows["QP01"]["unit"]) == (
        -6.67,
        -6.67,
        "%",
    )
    assert rows["QP02"]["target_text"] == "Định tính" and rows["QP02"]["status"] == "achieved"
    assert (rows["KT01"]["target_value"], rows["KT01"]["target_value_max"]) == (6.5, 7)


def test_csv_and_xlsx_carry_the_same_rows() -> None:
    t = table()
    csv_rows = list(csv.DictReader(io.StringIO(render_csv(t).decode("utf-8-sig")), delimiter=";"))
    sheet = load_workbook(io.BytesIO(render_xlsx(t))).active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    assert header == list(csv_rows[0].keys())
    for number, row in enumerate(csv_rows, 2):
        cells = {h: sheet.cell(number, i + 1).value for i, h in enumerate(header)}
        assert cells["Mã"] == row["Mã"] and cells["Đánh giá"] == row["Đánh giá"]
        if row["% so với cùng kỳ"]:
            assert Decimal(row["% so với cùng kỳ"].replace(",", ".")) / 100 == Decimal(
                str(cells["% so với cùng kỳ"])
            )
    assert [r["Mã"] for r in csv_rows] == ["KT01", "VH03", "QP01", "QP02"]
