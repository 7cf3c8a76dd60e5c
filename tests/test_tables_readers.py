"""Reading targets and results files: CSV (BOM or not, ";" or ","), XLSX, JSON, and the files
that cannot be read at all."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from chitieu.model import Comparator, Direction, Field, Kind, Period
from chitieu.tables import InputErrors, load_results, load_targets
from chitieu.tables.readers import sniff_delimiter
from tables_files import TARGETS, write_csv, write_json, write_xlsx


def errors_of(call: object) -> InputErrors:
    assert callable(call)
    with pytest.raises(InputErrors) as caught:
        call()
    return caught.value


def test_it_reads_a_semicolon_csv_with_bom_and_decimal_commas(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "t.csv", TARGETS)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    targets = load_targets(path)
    assert [t.code for t in targets] == ["KT01", "KT02", "VH01", "VH02"]
    assert targets[0].value == Decimal(9484)
    assert targets[1].value == Decimal("640.706")
    assert targets[2].value == Decimal("0.63")
    assert targets[0].field is Field.ECONOMY
    assert targets[2].field is Field.CULTURE_SOCIETY
    assert targets[0].period == Period.year_of(2024)


def test_it_reads_a_comma_csv_without_bom_with_quoted_decimal_commas(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "t.csv", TARGETS, delimiter=",", bom=False)
    assert b'"640,706"' in path.read_bytes()
    targets = load_targets(path)
    assert targets[1].value == Decimal("640.706")
    assert targets[3].unit == "lao động"


def test_it_sniffs_the_delimiter_from_the_header_line() -> None:
    assert sniff_delimiter("Mã;Chỉ tiêu;Giá trị\nKT01;A;1,5\n") == ";"
    assert sniff_delimiter('Mã,Chỉ tiêu,Giá trị\nKT01,A,"1,5"\n') == ","
    assert sniff_delimiter("Mã\tChỉ tiêu\n") == "\t"


def test_it_reads_xlsx_numbers_as_numbers_and_text_the_vietnamese_way(tmp_path: Path) -> None:
    rows = [
        ["CHỈ TIÊU NGHỊ QUYẾT NĂM 2024"],  # a title above the header
        [],
        ["Mã", "Chỉ tiêu", "Giá trị", "ĐVT", "Kỳ"],
        ["KT01", "Tổng giá trị sản xuất", 9484, "tỷ đồng", 2024],
        ["KT02", "Tổng chi ngân sách", "640,706", "tỷ đồng", "2024"],
        [3, "Tỷ lệ tham gia bảo hiểm y tế", 0.975, "%", 2024],
        ["KT04", "Tỷ lệ hộ nghèo", 0.63, "%", 2024],
    ]
    path = write_xlsx(tmp_path / "t.xlsx", rows, formats={"C6": "0.0%", "C7": '0.00"%"'})
    targets = load_targets(path)
    assert [t.value for t in targets] == [
        Decimal(9484),
        Decimal("640.706"),
        Decimal("97.5"),  # shown as 97,5% in Excel: stored 0.975
        Decimal("0.63"),  # a literal "%" in the format does not scale
    ]
    assert targets[2].code == "3"  # a numeric code cell reads as text


def test_it_reads_a_json_list_with_english_keys(tmp_path: Path) -> None:
    items = [
        {"code": "KT01", "name": "Tổng thu ngân sách", "value": 186, "unit": "tỷ đồng"},
        {"code": "VH01", "name": "Tỷ lệ hộ nghèo", "comparator": "<=", "value": 0.63, "unit": "%"},
        {
            "code": "QP01",
            "name": "Số vụ tội phạm",
            "kind": "change",
            "comparator": "<=",
            "value": "-5",
            "unit": "%",
            "basis": "năm 2023",
        },
        {
            "code": "KT02",
            "name": "Tăng trưởng",
            "comparator": "range",
            "value": "6,5",
            "value_max": 7,
            "unit": "%",
        },
    ]
    targets = load_targets(write_json(tmp_path / "t.json", {"targets": items}))
    assert targets[1].value == Decimal("0.63")  # exact, not 0.6300000000000000044
    assert targets[1].direction is Direction.LOWER  # an upper bound: less is better
    assert targets[2].kind is Kind.CHANGE and targets[2].value == Decimal(-5)
    assert targets[2].basis == "năm 2023"
    assert targets[3].comparator is Comparator.RANGE
    assert (targets[3].value, targets[3].value_max) == (Decimal("6.5"), Decimal(7))


def test_it_matches_headers_without_accents_and_ignores_unknown_columns(tmp_path: Path) -> None:
    rows = [
        ["ma", "CHI TIEU", "Gia tri", "dvt", "Ghi chú của phòng"],
        ["KT01", "Tổng thu ngân sách", "186", "tỷ đồng", "số liệu tạm"],
    ]
    (target,) = load_targets(write_csv(tmp_path / "t.csv", rows))
    assert (target.code, target.name, target.value, target.unit) == (
        "KT01",
        "Tổng thu ngân sách",
        186,
        "tỷ đồng",
    )


def test_it_reads_results_with_flags_statuses_and_percentages(tmp_path: Path) -> None:
    rows = [
        ["Mã", "Kỳ", "Thực hiện", "ĐVT", "Ước tính", "% so với NQ", "% so với cùng kỳ", "Đánh giá"],
        ["KT01", "2024-6M", "4.800,5", "tỷ đồng", "x", "", "", ""],
        ["KT02", "2024", "", "", "", "126,82", "30,43", ""],
        ["QP02", "2024", "", "", "", "", "", "Đạt"],
        ["VH09", "2024", "", "", "", "", "", ""],  # listed, not reported yet: no result
    ]
    results = load_results(write_csv(tmp_path / "r.csv", rows))
    assert len(results) == 3
    first, second, third = results
    assert (
        first.value == Decimal("4800.5")
        and first.estimated
        and first.period == Period.parse("2024-6M")
    )
    assert second.percent_of_target == Decimal("126.82") and second.change_percent == Decimal(
        "30.43"
    )
    assert not second.estimated
    assert third.declared_status is not None and third.declared_status.value == "achieved"


def test_it_reports_a_missing_required_column_at_the_header_row(tmp_path: Path) -> None:
    rows = [["Mã", "Giá trị", "ĐVT"], ["KT01", "186", "tỷ đồng"]]
    path = write_csv(tmp_path / "t.csv", rows)
    errors = errors_of(lambda: load_targets(path))
    (error,) = errors.errors
    assert error.code == "missing_column"
    assert (error.file, error.row, error.column) == (str(path), 1, "Chỉ tiêu")
    assert str(error).startswith(f'{path}, dòng 1, cột "Chỉ tiêu": thiếu cột bắt buộc')


def test_it_reports_a_file_without_any_header(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "t.csv", [["a", "b"], ["1", "2"]])
    (error,) = errors_of(lambda: load_targets(path)).errors
    assert error.code == "missing_column" and '"Mã"' in error.message


def test_it_reports_two_columns_with_the_same_meaning(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "t.xlsx", [["Mã", "Chỉ tiêu", "Giá trị", "value"], ["A", "B", 1, 2]]
    )
    (error,) = errors_of(lambda: load_targets(path)).errors
    assert (error.code, error.row, error.column, error.column_ref) == (
        "duplicate_column",
        1,
        "value",
        "D",
    )


def test_it_rejects_a_csv_that_is_not_utf8_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    # A legacy 8-bit export: "ngân sách" as Latin-1 bytes on the third line.
    path.write_bytes(b"Ma;Chi tieu\nKT01;Tong thu\nKT02;Thu ng\xe2n s\xe1ch\n")
    (error,) = errors_of(lambda: load_targets(path)).errors
    assert error.code == "bad_encoding"
    assert error.row == 3
    assert "UTF-8" in error.message


def test_it_rejects_a_file_named_xlsx_that_is_not_one(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    path.write_text("Mã,Chỉ tiêu\n", encoding="utf-8")
    (error,) = errors_of(lambda: load_targets(path)).errors
    assert error.code == "bad_file" and ".xlsx" in error.message


def test_it_rejects_malformed_json_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    path.write_text(
        '[\n  {"code": "KT01", "name": "A"},\n  {"code": "KT02" "name": "B"}\n]', encoding="utf-8"
    )
    (error,) = errors_of(lambda: load_targets(path)).errors
    assert (error.code, error.row) == ("bad_json", 3)


def test_it_rejects_json_that_is_not_a_list_of_objects(tmp_path: Path) -> None:
    path = write_json(tmp_path / "t.json", [{"code": "KT01", "name": "A"}, "KT02"])
    (error,) = errors_of(lambda: load_targets(path)).errors
    assert (error.code, error.row, error.row_label) == ("bad_json", 2, "mục")
    assert str(error).startswith(f"{path}, mục 2:")


def test_it_rejects_an_unsupported_or_missing_file(tmp_path: Path) -> None:
    legacy = tmp_path / "t.xls"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0")
    assert errors_of(lambda: load_targets(legacy)).codes == ["bad_format"]
    assert errors_of(lambda: load_targets(tmp_path / "none.csv")).codes == ["not_found"]


def test_it_rejects_a_formula_saved_without_its_value(tmp_path: Path) -> None:
    # openpyxl (and other generators) save formulas without a computed value; reading the cell
    # as empty would silently make the target qualitative.
    rows = [["Mã", "Chỉ tiêu", "Giá trị"], ["KT01", "Tổng thu", 186], ["KT02", "Tổng chi", "=C2*2"]]
    path = write_xlsx(tmp_path / "t.xlsx", rows)
    (error,) = errors_of(lambda: load_targets(path)).errors
    assert (error.code, error.row, error.column, error.column_ref) == (
        "uncomputed_formula",
        3,
        "Giá trị",
        "C",
    )


def test_it_rejects_a_comma_csv_whose_decimal_comma_split_a_number(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(
        "Mã,Chỉ tiêu,Giá trị,ĐVT\nKT01,Tổng thu,186,tỷ đồng\nKT02,Tổng chi,640,706,tỷ đồng\n",
        encoding="utf-8",
    )
    (error,) = errors_of(lambda: load_targets(path)).errors
    assert (error.code, error.row) == ("extra_cells", 3)
    assert '"640,706"' in error.message


def test_it_reads_a_period_written_as_nam_2024(tmp_path: Path) -> None:
    rows = [["Mã", "Chỉ tiêu", "Giá trị", "Kỳ"], ["KT01", "Tổng thu", "186", "Năm 2024"]]
    (target,) = load_targets(write_csv(tmp_path / "t.csv", rows))
    assert target.period == Period.year_of(2024)
