"""`chitieu evaluate TARGETS RESULTS` end to end, on real files: the outputs are opened and
read back, and every error path checks exit code 2, the place in the message and that no
output file was written."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from chitieu.cli import main
from tables_files import RESULTS, TARGETS, write_csv, write_json, write_xlsx

ROOT = Path(__file__).resolve().parents[1]
SENTENCE = (
    "Trong 4 chỉ tiêu Nghị quyết đề ra, có 2 chỉ tiêu đạt và vượt (trong đó 1 chỉ tiêu vượt), "
    "1 chỉ tiêu không đạt, 1 chỉ tiêu chưa có kết quả đánh giá."
)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    """Targets as XLSX, results as a ";" CSV with BOM, as the brief's typical pair."""
    targets = write_xlsx(tmp_path / "targets.xlsx", TARGETS)
    results = write_csv(tmp_path / "results.csv", RESULTS)
    return targets, results


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["evaluate", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_it_prints_the_table_in_vietnamese_format_and_the_summary(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run([str(files[0]), str(files[1]), "--period", "2024"], capsys)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Đánh giá kết quả thực hiện chỉ tiêu năm 2024"
    header = next(line for line in lines if line.startswith("STT"))
    for title in (
        "Chỉ tiêu",
        "ĐVT",
        "Chỉ tiêu NQ",
        "Thực hiện / Ước TH",
        "% so với NQ",
        "% so với cùng kỳ",
        "Đánh giá",
    ):
        assert title in header
    row = {
        line.split("|")[1].strip(): [c.strip() for c in line.split("|")]
        for line in lines
        if line.count("|") == 7
    }
    assert row["Tổng giá trị sản xuất"][3:8] == ["≥ 9.484", "9.500 (ước)", "100,17%", "–", "Vượt"]
    assert row["Tổng chi ngân sách"][3:8] == ["≥ 640,706", "600,5", "93,72%", "–", "Không đạt"]
    assert row["Tỷ lệ hộ nghèo"][3:8] == ["≤ 0,63", "0,63", "100%", "–", "Đạt"]
    assert row["Giải quyết việc làm"][7] == "Chưa đánh giá"
    assert "I. KINH TẾ" in lines and "II. VĂN HÓA – XÃ HỘI" in lines
    assert SENTENCE in lines


def test_it_writes_json_with_numbers_as_json_numbers(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run([str(files[0]), str(files[1]), "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert data["period"] == "2024"
    first, second, third, fourth = data["rows"]
    assert (first["target_value"], first["actual"], first["percent_of_target"]) == (
        9484,
        9500,
        100.17,
    )
    assert first["estimated"] is True and first["status"] == "exceeded"
    assert second["target_value"] == 640.706 and second["status"] == "not_achieved"
    assert third["status_label"] == "Đạt"
    assert fourth["actual"] is None and fourth["status"] == "pending"
    assert data["summary"] == {
        "total": 4,
        "achieved": 2,
        "exceeded": 1,
        "not_achieved": 1,
        "pending": 1,
        "sentence": SENTENCE,
    }


def test_it_writes_csv_that_reads_back_with_decimal_commas(
    files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_path = tmp_path / "out" / "danh-gia.csv"
    out_path.parent.mkdir()
    code, out, _ = run(
        [str(files[0]), str(files[1]), "-o", str(out_path)], capsys
    )  # format from suffix
    assert code == 0 and SENTENCE in out
    raw = out_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert [r["Mã"] for r in rows] == ["KT01", "KT02", "VH01", "VH02"]
    assert rows[1]["Giá trị chỉ tiêu"] == "640,706" and rows[1]["Thực hiện / Ước TH"] == "600,5"
    assert rows[0]["% so với NQ"] == "100,17" and rows[0]["Ước tính"] == "x"
    assert [r["Đánh giá"] for r in rows] == ["Vượt", "Không đạt", "Đạt", "Chưa đánh giá"]
    assert list(out_path.parent.iterdir()) == [out_path]  # no temporary file left behind


def test_it_writes_xlsx_with_numbers_and_percent_formats(
    files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_path = tmp_path / "danh-gia.xlsx"
    code, _, _ = run(
        [str(files[0]), str(files[1]), "--format", "xlsx", "-o", str(out_path)], capsys
    )
    assert code == 0
    sheet = load_workbook(out_path).active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    col = {h: i for i, h in enumerate(header)}
    first = [c for c in sheet[2]]
    assert first[col["Giá trị chỉ tiêu"]].value == 9484
    assert first[col["Thực hiện / Ước TH"]].value == 9500
    percent = first[col["% so với NQ"]]
    assert percent.value == pytest.approx(1.0017) and "%" in percent.number_format
    assert sheet.cell(3, col["Giá trị chỉ tiêu"] + 1).value == pytest.approx(640.706)
    assert [sheet.cell(r, col["Đánh giá"] + 1).value for r in range(2, 6)] == [
        "Vượt",
        "Không đạt",
        "Đạt",
        "Chưa đánh giá",
    ]
    assert sheet.cell(7, 1).value == SENTENCE


def test_it_evaluates_a_change_target_from_last_years_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    targets = write_json(
        tmp_path / "t.json",
        [
            {
                "code": "QP01",
                "name": "Số vụ tội phạm",
                "kind": "change",
                "comparator": "<=",
                "value": -5,
                "unit": "%",
                "period": "2024",
            }
        ],
    )
    results = write_json(
        tmp_path / "r.json",
        [
            {"code": "QP01", "period": "2023", "value": 120, "unit": "vụ"},
            {"code": "QP01", "period": "2024", "value": 112, "unit": "vụ"},
        ],
    )
    code, out, _ = run([str(targets), str(results), "--format", "json"], capsys)
    assert code == 0
    (row,) = json.loads(out)["rows"]
    assert (row["change_percent"], row["status"]) == (-6.67, "exceeded")


def test_it_needs_an_output_file_for_xlsx(
    files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run([str(files[0]), str(files[1]), "--format", "xlsx"], capsys)
    assert (code, out) == (2, "") and "-o" in err


def test_it_rejects_an_unknown_period_option(
    files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_path = tmp_path / "o.json"
    code, _, err = run(
        [str(files[0]), str(files[1]), "--period", "2024-Q5", "-o", str(out_path)], capsys
    )
    assert code == 2 and "--period" in err and "2024-Q5" in err
    assert not out_path.exists()


# --- bad input: exit 2, the place in the message, nothing written ------------------------------


def assert_rejected(
    args: list[str],
    out_path: Path,
    capsys: pytest.CaptureFixture[str],
    *places: tuple[str, str, str],
) -> str:
    code, out, err = run([*args, "-o", str(out_path)], capsys)
    assert code == 2
    assert out == ""
    for file, where, column in places:
        assert any(
            file in line and where in line and f'cột "{column}"' in line
            for line in err.splitlines()
        ), err
    assert "Chưa ghi tệp nào" in err
    assert not out_path.exists()
    assert [p.name for p in out_path.parent.iterdir() if p.name.startswith(".")] == []
    return err


def test_bad_input_missing_required_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    targets = write_csv(tmp_path / "t.csv", [["Mã", "Giá trị"], ["KT01", "1"]])
    results = write_csv(tmp_path / "r.csv", RESULTS)
    assert_rejected(
        [str(targets), str(results)], tmp_path / "o.xlsx", capsys, ("t.csv", "dòng 1", "Chỉ tiêu")
    )


def test_bad_input_malformed_number_and_errors_of_both_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [list(r) for r in TARGETS]
    rows[2][4] = "12,3,4"
    targets = write_csv(tmp_path / "t.csv", rows)
    results = write_csv(tmp_path / "r.csv", [["Mã", "Thực hiện"], ["KT01", "9.5.0"]])
    err = assert_rejected(
        [str(targets), str(results)],
        tmp_path / "o.csv",
        capsys,
        ("t.csv", "dòng 3", "Giá trị"),
        ("r.csv", "dòng 2", "Thực hiện"),
    )
    assert "có 2 lỗi" in err


def test_bad_input_unit_mismatch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    targets = write_xlsx(tmp_path / "t.xlsx", TARGETS)
    results = write_csv(tmp_path / "r.csv", [["Mã", "Thực hiện", "ĐVT"], ["VH01", "5", "tỷ đồng"]])
    err = assert_rejected(
        [str(targets), str(results)], tmp_path / "o.json", capsys, ("r.csv", "dòng 2", "ĐVT")
    )
    assert '"tỷ đồng"' in err and '"%"' in err and "t.xlsx, dòng 4" in err


def test_bad_input_duplicate_target_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [*TARGETS, ["KT02", "Tổng chi lần hai", "Kinh tế", ">=", "1", "tỷ đồng", "2024"]]
    targets = write_xlsx(tmp_path / "t.xlsx", rows)
    results = write_csv(tmp_path / "r.csv", RESULTS)
    err = assert_rejected(
        [str(targets), str(results)], tmp_path / "o.xlsx", capsys, ("t.xlsx", "dòng 6", "Mã")
    )
    assert "(A)" in err and "dòng 3" in err


def test_bad_input_result_for_an_unknown_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    targets = write_csv(tmp_path / "t.csv", TARGETS)
    results = write_json(
        tmp_path / "r.json", [{"code": "KT01", "value": 9500}, {"code": "XX99", "value": 1}]
    )
    err = assert_rejected(
        [str(targets), str(results)], tmp_path / "o.csv", capsys, ("r.json", "mục 2", "code")
    )
    assert "XX99" in err


def test_bad_input_unknown_comparator_and_period(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [list(r) for r in TARGETS]
    rows[1][3] = "hơn"
    rows[3][6] = "2024-Q7"
    targets = write_csv(tmp_path / "t.csv", rows, delimiter=",", bom=False)
    results = write_csv(tmp_path / "r.csv", RESULTS)
    assert_rejected(
        [str(targets), str(results)],
        tmp_path / "o.csv",
        capsys,
        ("t.csv", "dòng 2", "So sánh"),
        ("t.csv", "dòng 4", "Kỳ"),
    )


def test_bad_input_range_with_min_above_max(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    targets = write_json(
        tmp_path / "t.json",
        [
            {
                "code": "KT01",
                "name": "Tăng trưởng",
                "comparator": "range",
                "value": 7,
                "value_max": "6,5",
                "unit": "%",
            }
        ],
    )
    results = write_json(tmp_path / "r.json", [{"code": "KT01", "value": 7}])
    err = assert_rejected(
        [str(targets), str(results)], tmp_path / "o.json", capsys, ("t.json", "mục 1", "value_max")
    )
    assert "6,5" in err


def test_bad_input_impossible_values(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    targets = write_xlsx(tmp_path / "t.xlsx", TARGETS)
    results = write_csv(
        tmp_path / "r.csv",
        [
            ["Mã", "Thực hiện", "ĐVT"],
            ["VH01", "104", "%"],
            ["VH02", "-3", "lao động"],
            ["KT01", "-5", "tỷ đồng"],
        ],
    )
    err = assert_rejected(
        [str(targets), str(results)],
        tmp_path / "o.csv",
        capsys,
        ("r.csv", "dòng 2", "Thực hiện"),
        ("r.csv", "dòng 3", "Thực hiện"),
    )
    assert "dòng 4" not in err  # money may be negative


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("t.xlsx", b"not a zip file", "không phải tệp Excel .xlsx hợp lệ"),
        ("t.csv", b"M\xe3;Ch\xec ti\xeau\n", "UTF-8"),
        ("t.json", b'[{"code": "KT01",}]', "JSON không hợp lệ"),
    ],
)
def test_bad_input_malformed_files_get_a_message_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes, expected: str
) -> None:
    targets = tmp_path / name
    targets.write_bytes(content)
    results = write_csv(tmp_path / "r.csv", RESULTS)
    code, out, err = run([str(targets), str(results), "-o", str(tmp_path / "o.csv")], capsys)
    assert code == 2 and out == ""
    assert expected in err and str(targets) in err and "Traceback" not in err
    assert not (tmp_path / "o.csv").exists()


def test_a_failed_run_leaves_an_existing_output_untouched(
    files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_path = tmp_path / "o.csv"
    out_path.write_text("báo cáo cũ", encoding="utf-8")
    bad = write_csv(tmp_path / "bad.csv", [["Mã", "Thực hiện"], ["KT01", "12,3,4"]])
    code, _, _ = run([str(files[0]), str(bad), "-o", str(out_path)], capsys)
    assert code == 2
    assert out_path.read_text(encoding="utf-8") == "báo cáo cũ"


def test_the_installed_command_runs_in_a_subprocess(
    files: tuple[Path, Path], tmp_path: Path
) -> None:
    exe = ROOT / ".venv" / "bin" / "chitieu"
    if not exe.exists():
        exe = Path(sys.executable).parent / "chitieu"
    done = subprocess.run(
        [str(exe), "evaluate", str(files[0]), str(files[1]), "--period", "2024"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert SENTENCE in done.stdout and "9.500 (ước)" in done.stdout
    bad = write_csv(tmp_path / "bad.csv", [["Mã", "Thực hiện"], ["KT01", "12,3,4"]])
    out_path = tmp_path / "o.xlsx"
    failed = subprocess.run(
        [str(exe), "evaluate", str(files[0]), str(bad), "-o", str(out_path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert failed.returncode == 2
    assert 'bad.csv, dòng 2, cột "Thực hiện"' in failed.stderr and "Traceback" not in failed.stderr
    assert not out_path.exists()


def test_it_refuses_a_folder_as_output(
    files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run([str(files[0]), str(files[1]), "-o", str(tmp_path)], capsys)
    assert (code, out) == (2, "") and "thư mục" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["results.csv", "targets.xlsx"]


def test_it_groups_rows_by_field_in_the_usual_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    targets = write_csv(
        tmp_path / "t.csv",
        [
            ["Mã", "Chỉ tiêu", "Lĩnh vực", "Giá trị"],
            ["XD01", "Kết nạp đảng viên", "Xây dựng Đảng", "60"],
            ["KT01", "Tổng thu", "Kinh tế", "186"],
            ["XD02", "Chi bộ mới", "xay dung dang", "2"],
        ],
    )
    results = write_csv(tmp_path / "r.csv", [["Mã", "Thực hiện"], ["KT01", "190"]])
    code, out, _ = run([str(targets), str(results), "--format", "json"], capsys)
    assert code == 0
    assert [r["code"] for r in json.loads(out)["rows"]] == ["KT01", "XD01", "XD02"]
    code, out, _ = run([str(targets), str(results)], capsys)
    headings = [line for line in out.splitlines() if line[:3] in ("I. ", "II.")]
    assert headings == ["I. KINH TẾ", "II. XÂY DỰNG ĐẢNG VÀ HỆ THỐNG CHÍNH TRỊ"]


def test_it_lists_cell_errors_and_cross_file_errors_together(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [list(r) for r in TARGETS]
    rows[1][4] = "12,3,4"  # KT01's value is malformed
    targets = write_csv(tmp_path / "t.csv", rows)
    results = write_csv(
        tmp_path / "r.csv",
        [
            ["Mã", "Thực hiện", "ĐVT"],
            ["KT01", "9.500", "tỷ đồng"],
            ["VH01", "3", "tỷ đồng"],
            ["XX", "1", ""],
        ],
    )
    err = assert_rejected(
        [str(targets), str(results)],
        tmp_path / "o.csv",
        capsys,
        ("t.csv", "dòng 2", "Giá trị"),
        ("r.csv", "dòng 3", "ĐVT"),
        ("r.csv", "dòng 4", "Mã"),
    )
    assert "có 3 lỗi" in err  # KT01's result is not reported as unknown: its row exists
