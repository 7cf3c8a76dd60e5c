"""Cell and row checks of a targets or results file: every bad cell named by row and column,
every error of the file reported at once."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from chitieu.model import Kind
from chitieu.tables import InputErrors, load_results, load_targets
from chitieu.tables.errors import MAX_ERRORS_PER_FILE
from chitieu.tables.plausibility import impossible_level
from tables_files import write_csv, write_json, write_xlsx

HEADER = ["Mã", "Chỉ tiêu", "So sánh", "Giá trị", "Giá trị tối đa", "ĐVT", "Kỳ"]


def target_errors(path: Path) -> InputErrors:
    with pytest.raises(InputErrors) as caught:
        load_targets(path)
    return caught.value


def test_it_rejects_a_malformed_number_naming_row_and_column(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["KT01", "Tổng thu", ">=", "186", "", "tỷ đồng", "2024"],
        ["KT02", "Tổng chi", ">=", "12,3,4", "", "tỷ đồng", ""],
    ]
    path = write_csv(tmp_path / "t.csv", rows)
    (error,) = target_errors(path).errors
    assert (error.code, error.row, error.column) == ("bad_number", 3, "Giá trị")
    assert "12,3,4" in str(error) and str(error).startswith(f'{path}, dòng 3, cột "Giá trị": ')


def test_it_names_the_spreadsheet_letter_in_an_xlsx(tmp_path: Path) -> None:
    rows = [HEADER, ["KT01", "Tổng thu", ">=", "1.23.4", None, "tỷ đồng", 2024]]
    (error,) = target_errors(write_xlsx(tmp_path / "t.xlsx", rows)).errors
    assert (error.row, error.column, error.column_ref) == (2, "Giá trị", "D")
    assert 'dòng 2, cột "Giá trị" (D)' in str(error)


def test_it_collects_every_error_of_the_file(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["KT01", "Tổng thu", "nhiều hơn", "186", "", "tỷ đồng", "2024"],
        ["KT02", "", ">=", "640,706", "", "tỷ đồng", "năm ngoái"],
        ["KT01", "Tổng thu lần hai", ">=", "1", "", "tỷ đồng", "2024"],
        ["KT03", "Tăng trưởng", "range", "7", "6,5", "%", "2024"],
    ]
    errors = target_errors(write_csv(tmp_path / "t.csv", rows))
    found = {(e.code, e.row, e.column) for e in errors}
    assert found == {
        ("unknown_comparator", 2, "So sánh"),
        ("missing_value", 3, "Chỉ tiêu"),
        ("bad_period", 3, "Kỳ"),
        ("duplicate_code", 4, "Mã"),
        ("range_inverted", 5, "Giá trị tối đa"),
    }
    duplicate = next(e for e in errors if e.code == "duplicate_code")
    assert "dòng 2" in duplicate.message  # points at the first row with that code


def test_it_stops_listing_after_the_limit_but_counts_the_rest(tmp_path: Path) -> None:
    rows = [HEADER] + [
        [f"M{i}", "A", ">=", "x", "", "", ""] for i in range(MAX_ERRORS_PER_FILE + 7)
    ]
    errors = target_errors(write_csv(tmp_path / "t.csv", rows))
    assert len(errors) == MAX_ERRORS_PER_FILE and errors.omitted == 7
    assert "và 7 lỗi khác" in errors.report()


def test_it_treats_codes_with_other_case_and_spacing_as_duplicates(tmp_path: Path) -> None:
    rows = [HEADER, ["KT01", "A", "", "1", "", "", ""], [" kt01 ", "B", "", "2", "", "", ""]]
    assert target_errors(write_csv(tmp_path / "t.csv", rows)).codes == ["duplicate_code"]


def test_it_infers_a_range_from_a_maximum_and_checks_its_bounds(tmp_path: Path) -> None:
    rows = [HEADER, ["KT01", "Tốc độ tăng trưởng kinh tế", "", "6,5", "7", "%", "2024"]]
    (target,) = load_targets(write_csv(tmp_path / "t.csv", rows))
    assert (target.comparator.value, target.value, target.value_max) == (
        "range",
        Decimal("6.5"),
        Decimal(7),
    )
    rows = [HEADER, ["KT01", "Tốc độ tăng trưởng", ">=", "6,5", "7", "%", "2024"]]
    (error,) = target_errors(write_csv(tmp_path / "u.csv", rows)).errors
    assert (error.code, error.column) == ("bad_value", "Giá trị tối đa")


@pytest.mark.parametrize(
    ("name", "unit", "value", "column"),
    [
        ("Tỷ lệ hộ nghèo", "%", "120", "Giá trị"),  # a proportion above 100%
        ("Tỉ lệ che phủ rừng", "%", "-3", "Giá trị"),  # a negative proportion, old spelling
        ("Xây dựng trường đạt chuẩn", "trường", "-2", "Giá trị"),  # a negative count
        ("Giải quyết việc làm", "lao động", "870,5", "Giá trị"),  # half a worker
        ("Diện tích trồng rừng", "ha", "-10", "Giá trị"),  # a negative area
    ],
)
def test_it_rejects_an_impossible_target_value(
    tmp_path: Path, name: str, unit: str, value: str, column: str
) -> None:
    rows = [HEADER, ["KT01", name, ">=", value, "", unit, "2024"]]
    (error,) = target_errors(write_csv(tmp_path / "t.csv", rows)).errors
    assert (error.code, error.row, error.column) == ("impossible_value", 2, column)


@pytest.mark.parametrize(
    ("name", "kind", "unit", "value"),
    [
        ("Tốc độ tăng trưởng kinh tế", Kind.LEVEL, "%", Decimal(130)),  # growth may exceed 100%
        ("Tỷ lệ tăng dân số tự nhiên", Kind.LEVEL, "%", Decimal("-0.2")),  # a rate of change
        ("Thu ngân sách", Kind.CHANGE, "%", Decimal(150)),  # "tăng 150%"
        ("Cân đối ngân sách", Kind.LEVEL, "tỷ đồng", Decimal(-12)),  # a deficit
        ("Chỉ số không đơn vị", Kind.LEVEL, None, Decimal(-1)),
    ],
)
def test_it_accepts_values_that_only_look_odd(
    name: str, kind: Kind, unit: str | None, value: Decimal
) -> None:
    assert impossible_level(name, kind, unit, value) is None


def test_it_rejects_a_fall_of_more_than_a_hundred_percent() -> None:
    assert impossible_level("Số vụ tội phạm", Kind.CHANGE, "%", Decimal(-120)) is not None


def test_it_rejects_impossible_result_percentages(tmp_path: Path) -> None:
    rows = [["Mã", "% so với NQ", "% so với cùng kỳ"], ["KT01", "-5", ""], ["KT02", "", "-130"]]
    with pytest.raises(InputErrors) as caught:
        load_results(write_csv(tmp_path / "r.csv", rows))
    assert {(e.code, e.row, e.column) for e in caught.value} == {
        ("impossible_value", 2, "% so với NQ"),
        ("impossible_value", 3, "% so với cùng kỳ"),
    }


def test_it_names_the_json_item_and_key(tmp_path: Path) -> None:
    items = [
        {"code": "KT01", "name": "A", "value": 1},
        {"code": "KT02", "name": "B", "comparator": "lớn hơn", "value": 2},
    ]
    (error,) = target_errors(write_json(tmp_path / "t.json", items)).errors
    assert (error.code, error.row, error.row_label, error.column) == (
        "unknown_comparator",
        2,
        "mục",
        "comparator",
    )
    assert str(error).startswith(
        f'{tmp_path / "t.json"}, mục 2, cột "comparator": không hiểu "lớn hơn"'
    )
    assert '"<=" (tối đa)' in error.message and '"range" (từ … đến)' in error.message


def test_it_rejects_a_date_where_a_number_belongs(tmp_path: Path) -> None:
    from datetime import datetime

    rows = [HEADER, ["KT01", "Tổng thu", ">=", datetime(2024, 5, 1), None, "tỷ đồng", 2024]]
    (error,) = target_errors(write_xlsx(tmp_path / "t.xlsx", rows)).errors
    assert (error.code, error.column) == ("bad_number", "Giá trị")


@pytest.mark.parametrize(
    ("cell", "comparator", "value", "value_max"),
    [
        ("≥ 98", ">=", "98", None),
        ("trên 98%", ">=", "98", None),
        ("100% trở lên", ">=", "100", None),
        ("không quá 0,63", "<=", "0.63", None),
        ("khoảng 60", "~", "60", None),
        ("6,5 - 7", "range", "6.5", "7"),
        ("từ 6,5 đến 7%", "range", "6.5", "7"),
        ("9.484", ">=", "9484", None),
    ],
)
def test_it_reads_a_comparator_written_in_the_value_cell(
    tmp_path: Path, cell: str, comparator: str, value: str, value_max: str | None
) -> None:
    rows = [["Mã", "Chỉ tiêu", "Giá trị", "ĐVT"], ["KT01", "Tốc độ tăng trưởng", cell, "%"]]
    (target,) = load_targets(write_csv(tmp_path / "t.csv", rows))
    assert target.comparator.value == comparator
    assert target.value == Decimal(value)
    assert target.value_max == (Decimal(value_max) if value_max else None)


def test_it_rejects_a_value_cell_that_contradicts_the_comparator_column(tmp_path: Path) -> None:
    rows = [["Mã", "Chỉ tiêu", "So sánh", "Giá trị"], ["KT01", "Tỷ lệ hộ nghèo", ">=", "≤ 0,63"]]
    (error,) = target_errors(write_csv(tmp_path / "t.csv", rows)).errors
    assert (error.code, error.row, error.column) == ("bad_value", 2, "Giá trị")


def test_it_reports_a_malformed_number_inside_a_written_range(tmp_path: Path) -> None:
    rows = [["Mã", "Chỉ tiêu", "Giá trị"], ["KT01", "Tăng trưởng", "6,5,1 - 7"]]
    (error,) = target_errors(write_csv(tmp_path / "t.csv", rows)).errors
    assert (error.code, error.column) == ("bad_number", "Giá trị") and "6,5,1" in error.message
