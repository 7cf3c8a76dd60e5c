"""`chitieu report`: files in, a document out; bad input stops with nothing written."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest
from pypdf import PdfReader

from chitieu.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TARGETS = EXAMPLES / "cai-lay-2024-targets.csv"
RESULTS = EXAMPLES / "cai-lay-2024-results.csv"
HEADER = ["--body", "Đảng bộ thị xã Cai Lậy", "--number", "12-BC/TU", "--place", "Cai Lậy"]


def report(*args: str) -> int:
    return main(["report", str(TARGETS), str(RESULTS), "--period", "2024", *HEADER, *args])


def test_it_writes_a_word_report_from_the_example_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "bao-cao.docx"
    assert report("--date", "05/01/2025", "-o", str(out)) == 0
    document = docx.Document(str(out))
    left, right = document.tables[0].rows[0].cells
    assert "ĐẢNG BỘ THỊ XÃ CAI LẬY" in left.text
    assert "Số 12-BC/TU" in left.text
    assert right.text.split("\n")[-1] == "Cai Lậy, ngày 05 tháng 01 năm 2025"
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Trong 24 chỉ tiêu Nghị quyết đề ra" in text
    assert "Đã ghi" in capsys.readouterr().out


def test_a_state_report_carries_the_national_motto(tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.pdf"
    assert report("--state", "--no-charts", "-o", str(out)) == 0
    text = " ".join(p.extract_text() or "" for p in PdfReader(out).pages)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" not in text


def test_the_format_follows_the_output_suffix(tmp_path: Path) -> None:
    out = tmp_path / "phu-luc.xlsx"
    assert report("-o", str(out)) == 0
    ws = openpyxl.load_workbook(out)["Phụ lục"]
    assert ws["A3"].value == "STT"


def test_html_goes_to_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert report("--format", "html", "--no-charts") == 0
    html = capsys.readouterr().out
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="vi">' in html
    assert "Trong 24 chỉ tiêu Nghị quyết đề ra" in html


def test_the_demo_needs_no_files(tmp_path: Path) -> None:
    out = tmp_path / "demo.docx"
    assert main(["report", "--demo", "--no-charts", "-o", str(out)]) == 0
    document = docx.Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "15 chỉ tiêu đạt và vượt (trong đó 10 chỉ tiêu vượt)" in text
    # The demo's own header and signature fill what the options do not give.
    assert "ĐẢNG BỘ THỊ XÃ CAI LẬY" in document.tables[0].rows[0].cells[0].text
    assert "T/M BAN THƯỜNG VỤ" in document.tables[1].rows[0].cells[1].text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--period", "2024-Q5"], "kỳ báo cáo không hợp lệ"),
        (["--date", "31/02/2024"], "ngày không hợp lệ"),
    ],
)
def test_bad_options_stop_with_nothing_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    out = tmp_path / "bao-cao.docx"
    assert report(*args, "-o", str(out)) == 2
    err = capsys.readouterr().err
    assert message in err and "Chưa ghi tệp nào" in err
    assert list(tmp_path.iterdir()) == []


def test_a_bad_input_file_names_the_place_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "chi-tieu.csv"
    lines = TARGETS.read_text(encoding="utf-8-sig").splitlines()
    lines[2] = lines[2].replace(";186;", ";12,3,4;")
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "bao-cao.docx"
    code = main(["report", str(bad), str(RESULTS), "--period", "2024", "-o", str(out)])
    assert code == 2
    err = capsys.readouterr().err
    assert "chi-tieu.csv" in err and "12,3,4" in err
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chi-tieu.csv"]


def test_a_binary_format_needs_an_output_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert report("--format", "docx") == 2
    assert "cần tệp đầu ra" in capsys.readouterr().err


def test_next_periods_targets_come_from_their_own_file(tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.docx"
    code = main(["report", "--demo", "--no-charts", "--next-targets", str(TARGETS), "-o", str(out)])
    assert code == 0
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
    heading = paragraphs.index("III. CHỈ TIÊU CHỦ YẾU NĂM 2024")  # the file's period
    assert (
        paragraphs[heading + 1]
        == "Tổng giá trị sản xuất (giá so sánh 2010): phấn đấu từ 9.484 tỷ đồng trở lên."
    )
    assert "Tỷ lệ hộ nghèo: phấn đấu không quá 0,63%." in paragraphs
    assert (
        "Tổng chi ngân sách: phấn đấu từ 640,706 tỷ đồng trở lên." in paragraphs
    )  # only in the file


def test_the_signature_block_comes_from_the_options(tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.html"
    args = ["--signer-authority", "TM. Ủy ban nhân dân", "--signer-position", "Chủ tịch"]
    args += ["--recipient", "Thường trực HĐND thị xã", "--recipient", "Lưu VT"]
    assert report("--state", "--no-charts", *args, "-o", str(out)) == 0
    html = out.read_text(encoding="utf-8")
    assert '<div class="signer">TM. ỦY BAN NHÂN DÂN</div>' in html
    assert '<div class="signer">CHỦ TỊCH</div>' in html
    assert "<div>- Thường trực HĐND thị xã,</div><div>- Lưu VT.</div>" in html
