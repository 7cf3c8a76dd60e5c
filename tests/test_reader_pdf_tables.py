"""Tables inside text-layer PDFs reach the table reader as tab-separated rows: real PDF files
rendered by WeasyPrint from HTML with bordered tables and Vietnamese text, read by
read_document, extract and `chitieu extract FILE`."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from chitieu.cli import main
from chitieu.text import DocumentError, Extraction, extract, read_document

_RUNNING = (
    '@top-center { content: "UBND XÃ AN BÌNH - Báo cáo số 45/BC-UBND"; font-size: 10pt; }'
    ' @bottom-right { content: "Trang " counter(page) "/" counter(pages); font-size: 10pt; }'
)
_CSS = """
@page { size: A4; margin: 2cm 2cm 2cm 3cm; %s }
body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif;
  font-size: 13pt; line-height: 1.3; text-align: justify; }
table.so-lieu { border-collapse: collapse; width: 100%%; }
.so-lieu td, .so-lieu th { border: 1px solid #000; padding: 2pt 4pt; }
thead { display: table-header-group; }
"""

OPENING = (
    "<p>ỦY BAN NHÂN DÂN XÃ AN BÌNH</p>"
    "<p>BÁO CÁO Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2026</p>"
    "<p>Năm 2026, dù thời tiết diễn biến thất thường và giá vật tư nông nghiệp tăng cao, cán bộ"
    " và nhân dân trong xã đã đoàn kết, chủ động khắc phục khó khăn; phần lớn các chỉ tiêu chủ"
    " yếu đều đạt và vượt kế hoạch. Kết quả cụ thể như sau:</p>"
)
BUDGET_ROWS = [
    ("Tổng thu ngân sách nhà nước trên địa bàn", "tỷ đồng", "42,5", "47,8", "112,5"),
    ("Giá trị sản xuất nông nghiệp", "tỷ đồng", "350", "362,4", "103,5"),
    ("Số lao động được tạo việc làm mới", "người", "450", "480", "106,7"),
    ("Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "93", "94,2", "101,3"),
]
CLOSING = (
    "<p>Bên cạnh những kết quả đạt được, công tác giải phóng mặt bằng một số công trình còn"
    " chậm, việc thu hút doanh nghiệp đầu tư vào địa bàn chưa đạt yêu cầu đề ra.</p>"
)
PROSE = (
    "<p>Năm 2026, tổng thu ngân sách nhà nước trên địa bàn xã ước đạt 47,8 tỷ đồng, bằng"
    " 112,5% kế hoạch, tăng 9,4% so với năm 2025. Giá trị sản xuất nông nghiệp ước đạt 362,4"
    " tỷ đồng, tăng 4,1% so với cùng kỳ.</p>"
    "<p>Năm 2027, phấn đấu tổng thu ngân sách nhà nước trên địa bàn đạt 50 tỷ đồng trở lên;"
    " tỷ lệ hộ nghèo giảm xuống dưới 1,2%; tỷ lệ dân số tham gia bảo hiểm y tế đạt trên"
    " 95%.</p>"
)


def _pdf(path: Path, body: str, running: bool = False) -> Path:
    from weasyprint import HTML

    css = _CSS % (_RUNNING if running else "")
    html = (
        f"<html><head><meta charset='utf-8'><style>{css}</style></head><body>{body}</body></html>"
    )
    HTML(string=html).write_pdf(str(path))
    return path


def _table(heading: str, rows: list[tuple[str, ...]], repeat_heading: bool = True) -> str:
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    head = f"<thead>{heading}</thead>" if repeat_heading else heading
    return f"<table class='so-lieu'>{head}<tbody>{body}</tbody></table>"


def _row(*cells: str) -> str:
    return "<tr>" + "".join(f"<th>{c}</th>" for c in cells) + "</tr>"


BUDGET_HEADING = _row(
    "Chỉ tiêu", "Đơn vị", "Kế hoạch 2026", "Ước thực hiện 2026", "So với kế hoạch (%)"
)


def _results(ex: Extraction) -> list[tuple[object, ...]]:
    return [(r.name, r.value, r.unit, r.estimated, r.percent_of_target) for r in ex.results]


def _items(ex: Extraction) -> list[tuple[object, ...]]:
    """What was read, without positions (the texts compared differ in spacing)."""
    targets = [(t.name, t.comparator, t.value, t.unit, t.basis) for t in ex.targets]
    results = [(r.name, r.value, r.unit, r.estimated, r.change_percent) for r in ex.results]
    return [*targets, *results]


def _pypdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def _pages_with_tables(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        return sum(1 for page in pdf.pages if page.find_tables())


def test_a_pdf_budget_table_gives_estimated_results_with_their_share_of_the_plan(
    tmp_path: Path,
) -> None:
    body = OPENING + _table(BUDGET_HEADING, BUDGET_ROWS) + CLOSING
    path = _pdf(tmp_path / "bao-cao.pdf", body)
    text = read_document(path)
    lines = text.splitlines()
    heading = "Chỉ tiêu\tĐơn vị\tKế hoạch 2026\tƯớc thực hiện 2026\tSo với kế hoạch (%)"
    assert heading in lines
    # Each row a line where the table stands, a wrapped name joined back into its cell.
    start = lines.index(heading)
    assert lines[start + 1 : start + 5] == ["\t".join(row) for row in BUDGET_ROWS]
    assert lines[start - 1].endswith("Kết quả cụ thể như sau:")
    assert lines[start + 5].startswith("Bên cạnh những kết quả đạt được")
    ex = extract(text)
    assert ex.targets == []
    assert _results(ex) == [
        ("Tổng thu ngân sách nhà nước trên địa bàn", Decimal("47.8"), "tỷ đồng", True, Decimal("112.5")),
        ("Giá trị sản xuất nông nghiệp", Decimal("362.4"), "tỷ đồng", True, Decimal("103.5")),
        ("Số lao động được tạo việc làm mới", Decimal(480), "người", True, Decimal("106.7")),
        ("Tỷ lệ dân số tham gia bảo hiểm y tế", Decimal("94.2"), "%", True, Decimal("101.3")),
    ]  # fmt: skip
    # pypdf's text layer alone runs the cells together and loses the table.
    assert _results(extract(_pypdf_text(path))) != _results(ex)


def test_a_pdf_targets_table_with_a_merged_two_row_heading_gives_the_2027_targets(
    tmp_path: Path,
) -> None:
    heading = (
        "<tr><th rowspan='2'>TT</th><th rowspan='2'>Chỉ tiêu</th><th rowspan='2'>Đơn vị</th>"
        "<th colspan='2'>Năm 2026</th><th rowspan='2'>Kế hoạch 2027</th></tr>"
        "<tr><th>Kế hoạch</th><th>Thực hiện</th></tr>"
    )
    rows = [
        ("1", "Tốc độ tăng giá trị sản xuất", "%", "7", "7,4", "7,5 - 8"),
        ("2", "Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", "42,5", "47,8", "50"),
        ("3", "Tỷ lệ hộ nghèo", "%", "1,8", "1,6", "dưới 1,2"),
    ]
    body = "<p>Các chỉ tiêu chủ yếu năm 2027:</p>" + _table(heading, rows)
    text = read_document(_pdf(tmp_path / "nghi-quyet.pdf", body))
    assert (
        "TT\tChỉ tiêu\tĐơn vị\tNăm 2026 Kế hoạch\tNăm 2026 Thực hiện\tKế hoạch 2027"
        in text.splitlines()
    )
    ex = extract(text)
    got = [(t.name, t.comparator, t.value, t.value_max, t.unit) for t in ex.targets]
    assert got == [
        ("Tốc độ tăng giá trị sản xuất", "range", Decimal("7.5"), Decimal(8), "%"),
        ("Thu ngân sách nhà nước trên địa bàn", ">=", Decimal(50), None, "tỷ đồng"),
        ("Tỷ lệ hộ nghèo", "<=", Decimal("1.2"), None, "%"),
    ]
    assert [(r.name, r.value, r.estimated) for r in ex.results] == [
        ("Tốc độ tăng giá trị sản xuất", Decimal("7.4"), False),
        ("Thu ngân sách nhà nước trên địa bàn", Decimal("47.8"), False),
        ("Tỷ lệ hộ nghèo", Decimal("1.6"), False),
    ]


_VILLAGES = [
    f"{a} {b}"
    for a in ("An", "Bình", "Đông", "Tân", "Phú", "Hòa", "Thạnh", "Long")
    for b in ("Lạc", "Minh", "Thịnh", "Hưng", "Mỹ")
]
_LONG_ROWS = [
    (f"Sản lượng lương thực thôn {name}", "tấn", f"{200 + 5 * i}", f"{210 + 5 * i}", "")
    for i, name in enumerate(_VILLAGES)
]


@pytest.mark.parametrize("repeat_heading", [True, False], ids=["heading-repeated", "not"])
def test_a_table_over_a_page_break_reads_as_one_table_without_the_page_furniture(
    tmp_path: Path, repeat_heading: bool
) -> None:
    body = OPENING + _table(BUDGET_HEADING, _LONG_ROWS, repeat_heading) + CLOSING
    path = _pdf(tmp_path / "dai.pdf", body, running=True)
    assert _pages_with_tables(path) >= 2  # the test is about a table cut by page breaks
    text = read_document(path)
    lines = text.splitlines()
    assert sum(1 for line in lines if line.startswith("Chỉ tiêu\tĐơn vị")) == 1
    for row in _LONG_ROWS:
        assert lines.count("\t".join(row)) == 1
    # The running header and the page numbers are not rows, nor text.
    assert "Báo cáo số 45" not in text and "Trang 1/" not in text and "Trang 2/" not in text
    ex = extract(text)
    assert [(r.name, r.value, r.unit, r.estimated) for r in ex.results] == [
        (name, Decimal(est), unit, True) for name, unit, _plan, est, _pct in _LONG_ROWS
    ]


def test_two_tables_with_the_same_columns_and_a_caption_between_pages_stay_apart(
    tmp_path: Path,
) -> None:
    second = [("Tổng thu ngân sách nhà nước trên địa bàn", "tỷ đồng", "50", "", "")]
    body = (
        _table(BUDGET_HEADING, BUDGET_ROWS)
        + "<p style='page-break-before: always'>Biểu 2. Kế hoạch năm 2027</p>"
        + _table(BUDGET_HEADING, second)
    )
    text = read_document(_pdf(tmp_path / "hai-bieu.pdf", body, running=True))
    lines = text.splitlines()
    assert sum(1 for line in lines if line.startswith("Chỉ tiêu\tĐơn vị")) == 2
    assert lines.index("Biểu 2. Kế hoạch năm 2027") == len(BUDGET_ROWS) + 1


def test_a_bare_figure_ending_a_pages_body_is_kept_while_page_numbers_are_dropped(
    tmp_path: Path,
) -> None:
    body = (
        "<p>Số lao động được giải quyết việc làm trong năm 2026:</p><p>912</p>"
        "<p style='page-break-before: always'>Số hộ được vay vốn ưu đãi trong năm 2026:</p>"
        "<p>57</p>"
    )
    text = read_document(_pdf(tmp_path / "so.pdf", body, running=True))
    assert text.splitlines() == [
        "Số lao động được giải quyết việc làm trong năm 2026:",
        "912",
        "Số hộ được vay vốn ưu đãi trong năm 2026:",
        "57",
    ]


def test_a_pdf_without_tables_reads_as_it_did_with_pypdf(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "van-ban.pdf", OPENING + PROSE + CLOSING)
    text = read_document(path)
    assert "\t" not in text
    ex = extract(text)
    assert _items(ex) == _items(extract(_pypdf_text(path)))
    assert [(t.name, t.value) for t in ex.targets] == [
        ("tổng thu ngân sách nhà nước", Decimal(50)),
        ("tỷ lệ hộ nghèo", Decimal("1.2")),
        ("tỷ lệ dân số tham gia bảo hiểm y tế", Decimal(95)),
    ]


@pytest.mark.parametrize(
    "frame",
    [
        "<table class='so-lieu'><tr><td>{0}</td></tr><tr><td>{1}</td></tr></table>",
        "<table class='so-lieu'><tr><td>{0}</td><td>{1}</td></tr></table>",
    ],
    ids=["one-column-box", "two-column-layout-table"],
)
def test_prose_inside_a_ruled_frame_reads_as_prose(tmp_path: Path, frame: str) -> None:
    first, second = PROSE.split("</p>")[:2]
    framed = _pdf(tmp_path / "khung.pdf", frame.format(first + "</p>", second + "</p>"))
    assert _pages_with_tables(framed) == 1  # pdfplumber does see a "table" there
    plain = _pdf(tmp_path / "tron.pdf", PROSE)
    text, unframed = read_document(framed), read_document(plain)
    assert "\t" not in text
    # The same words in the same order (only where the lines wrap differs: the frame is
    # narrower), so the same targets.
    assert text.split() == unframed.split()
    targets = [(t.name, t.comparator, t.value, t.unit) for t in extract(text).targets]
    assert targets == [(t.name, t.comparator, t.value, t.unit) for t in extract(unframed).targets]
    assert [value for _n, _c, value, _u in targets] == [Decimal(50), Decimal("1.2"), Decimal(95)]


def test_a_page_turned_for_display_still_gives_its_table_and_a_sideways_page_its_text(
    tmp_path: Path,
) -> None:
    from pypdf import PdfWriter

    source = _pdf(tmp_path / "bao-cao.pdf", OPENING + _table(BUDGET_HEADING, BUDGET_ROWS))
    expected = _results(extract(read_document(source)))
    assert len(expected) == len(BUDGET_ROWS)
    # Content drawn sideways, turned upright by the page's /Rotate (a landscape page printed
    # to PDF): read as it is seen.
    upright = PdfWriter(clone_from=source)
    upright.pages[0].rotate(90)
    upright.pages[0].transfer_rotation_to_content()
    upright.pages[0].rotate(270)
    upright.write(tmp_path / "xoay.pdf")
    assert _results(extract(read_document(tmp_path / "xoay.pdf"))) == expected
    # A page shown sideways: its text still reads (pypdf, along the text), without the table.
    sideways = PdfWriter(clone_from=source)
    sideways.pages[0].rotate(90)
    sideways.write(tmp_path / "nghieng.pdf")
    text = read_document(tmp_path / "nghieng.pdf")
    assert text.splitlines()[0].startswith("ỦY BAN NHÂN DÂN XÃ AN BÌNH")
    assert "Kết quả cụ thể như sau:" in text and "\t" not in text


def test_the_command_reads_a_pdf_table_into_the_contract_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _pdf(tmp_path / "bao-cao.pdf", OPENING + _table(BUDGET_HEADING, BUDGET_ROWS))
    assert main(["extract", str(path), "--format", "json"]) == 0
    captured = capsys.readouterr()
    out = json.loads(captured.out)
    assert [(r["name"], r["value"], r["unit"], r["estimated"]) for r in out["results"]] == [
        ("Tổng thu ngân sách nhà nước trên địa bàn", 47.8, "tỷ đồng", True),
        ("Giá trị sản xuất nông nghiệp", 362.4, "tỷ đồng", True),
        ("Số lao động được tạo việc làm mới", 480, "người", True),
        ("Tỷ lệ dân số tham gia bảo hiểm y tế", 94.2, "%", True),
    ]
    assert [r["percent_of_target"] for r in out["results"]] == [112.5, 103.5, 106.7, 101.3]
    assert captured.err == ""  # no library warnings on the terminal


def test_without_pdfplumber_the_text_layer_is_read_by_pypdf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _pdf(tmp_path / "bao-cao.pdf", OPENING + _table(BUDGET_HEADING, BUDGET_ROWS))
    monkeypatch.setitem(sys.modules, "pdfplumber", None)  # `import pdfplumber` fails
    text = read_document(path)
    assert text == _pypdf_text(path)
    assert "\t" not in text


def test_a_truncated_pdf_gets_the_typed_vietnamese_error(tmp_path: Path) -> None:
    whole = _pdf(tmp_path / "day-du.pdf", OPENING + _table(BUDGET_HEADING, BUDGET_ROWS))
    cut = tmp_path / "bi-cat.pdf"
    data = whole.read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(DocumentError) as caught:
        read_document(cut)
    assert caught.value.code == "malformed"
    assert str(caught.value) == (
        f"Không đọc được tệp {cut}: tệp .pdf bị hỏng hoặc không đúng định dạng"
    )


def _raw_pdf(content: bytes) -> bytes:
    """A one-page PDF drawing `content` (PDF operators), Helvetica as /F1."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for k, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{k} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{off:010d} 00000 n \n".encode() for off in offsets)
    out += f"trailer << /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF".encode()
    return bytes(out)


def test_a_page_ruled_into_a_huge_grid_is_read_as_text_without_looking_for_tables(
    tmp_path: Path,
) -> None:
    from chitieu.text import pdftables

    # 150 x 150 crossing lines (a drawing, or a file made to stall pdfplumber's table search:
    # some 13 s on this grid, without the limit) and a line of text.
    lines = [f"{50 + 5 * k} 50 m {50 + 5 * k} 800 l S".encode() for k in range(150)] + [
        f"50 {50 + 5 * k} m 800 {50 + 5 * k} l S".encode() for k in range(150)
    ]
    text = b"BT /F1 12 Tf 60 815 Td (Thu ngan sach 186 ty dong) Tj ET"
    path = tmp_path / "luoi.pdf"
    path.write_bytes(_raw_pdf(b"\n".join([*lines, text])))
    with pdfplumber.open(path) as pdf:
        assert pdftables.grid_size(pdf.pages[0]) > pdftables.MAX_PAGE_GRID
    start = time.perf_counter()
    assert read_document(path) == "Thu ngan sach 186 ty dong"
    assert time.perf_counter() - start < 5


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (soffice)")
def test_a_word_style_pdf_joins_a_row_cut_by_the_page_break_back_together(tmp_path: Path) -> None:
    """A .docx saved as PDF by LibreOffice (as offices do with Word): a long table whose rows
    wrap, so some rows are cut by the page breaks, each part closed by its own borders; a
    running header in the page header."""
    import docx
    from docx.shared import Pt

    d = docx.Document()
    d.styles["Normal"].font.name = "Times New Roman"
    d.styles["Normal"].font.size = Pt(13)
    d.sections[0].header.paragraphs[0].text = "UBND XÃ AN BÌNH - Báo cáo số 45/BC-UBND"
    d.add_paragraph("Kết quả thực hiện các chỉ tiêu năm 2026 như sau:")
    table = d.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    heading = ("Chỉ tiêu", "Đơn vị", "Kế hoạch 2026", "Ước thực hiện 2026", "So với kế hoạch (%)")
    rows = [
        (f"Sản lượng lương thực thu hoạch tại thôn {name} trong năm", "tấn", f"{300 + i}", f"{310 + i}", "")
        for i, name in enumerate(_VILLAGES)
    ]  # fmt: skip
    for row in [heading, *rows]:
        for cell, text in zip(
            table.add_row().cells if row is not heading else table.rows[0].cells, row, strict=True
        ):
            cell.text = text
    d.add_paragraph("Giao các ban, ngành theo dõi, đôn đốc thực hiện.")
    source = tmp_path / "bao-cao.docx"
    d.save(str(source))
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [str(shutil.which("soffice")), f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    path = source.with_suffix(".pdf")
    assert _pages_with_tables(path) >= 3
    lines = read_document(path).splitlines()
    assert lines[0] == "Kết quả thực hiện các chỉ tiêu năm 2026 như sau:"
    assert lines[1] == "\t".join(heading)
    assert lines[2:-1] == ["\t".join(row) for row in rows]
    assert lines[-1] == "Giao các ban, ngành theo dõi, đôn đốc thực hiện."
