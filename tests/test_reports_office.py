"""The DOCX and XLSX as an office suite sees them: LibreOffice converts the DOCX to PDF and the
XLSX to CSV (computing the formulas). Skipped when LibreOffice is not installed (Debian:
libreoffice-writer-nogui, libreoffice-calc-nogui)."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from chitieu.reports.demo import HEADER, YEAR, demo_evaluations, demo_report
from chitieu.reports.model import Header, build_report
from chitieu.reports.render import render

SOFFICE = shutil.which("soffice")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(SOFFICE is None, reason="needs LibreOffice (soffice)"),
]


def convert(path: Path, to: str) -> Path:
    assert SOFFICE is not None
    profile = path.parent / "lo-profile"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(path.parent),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    out = path.with_suffix("." + to.split(":")[0])
    assert out.exists()
    return out


def test_libreoffice_computes_the_spreadsheet_formulas_to_the_report_figures(
    tmp_path: Path,
) -> None:
    report = demo_report()
    xlsx = tmp_path / "phu-luc.xlsx"
    xlsx.write_bytes(render(report, "xlsx"))
    # 44 = comma, 34 = quote, 76 = UTF-8; formatted text as shown in the cells.
    out = convert(xlsx, "csv:Text - txt - csv (StarCalc):44,34,76,1")
    with out.open(encoding="utf-8") as handle:
        rows = {row[1]: row for row in csv.reader(handle) if row and row[0].isdigit()}
    assert rows["Thu ngân sách từ kinh tế địa phương"][5] == "126.82%"
    assert rows["Thu ngân sách từ kinh tế địa phương"][6] == "130.43%"
    assert rows["Tổng giá trị sản xuất (giá so sánh 2010)"][5] == "99.13%"
    assert rows["Tỷ lệ hộ nghèo"][5] == "115.94%"  # =D/E: lower is better
    for row in report.rows:
        if row.percent_of_target is not None:
            assert rows[row.name][5] == f"{row.percent_of_target:.2f}%"


def test_word_lays_out_the_state_motto_on_one_line(tmp_path: Path) -> None:
    header = Header(
        "Ủy ban nhân dân thị xã Cai Lậy",
        party=False,
        superior="Ủy ban nhân dân tỉnh Tiền Giang",
        number="123/BC-UBND",
        place="Cai Lậy",
        date=HEADER.date,
    )
    report = build_report(header, YEAR, demo_evaluations())
    docx = tmp_path / "bao-cao.docx"
    docx.write_bytes(render(report, "docx", charts=False))
    text = PdfReader(convert(docx, "pdf")).pages[0].extract_text() or ""
    lines = [line.strip() for line in text.splitlines()]
    assert any(line.endswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") for line in lines), lines
    assert any("Độc lập - Tự do - Hạnh phúc" in line for line in lines), lines
