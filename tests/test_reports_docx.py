"""The Word report, checked by opening the generated file with python-docx."""

from __future__ import annotations

import io

import docx
import pytest
from docx.document import Document
from docx.shared import Length, Pt
from docx.table import Table

from chitieu.reports.demo import demo_report
from chitieu.reports.render import render


@pytest.fixture(scope="module")
def document() -> Document:
    return docx.Document(io.BytesIO(render(demo_report(), "docx")))


def texts(document: Document) -> list[str]:
    return [p.text for p in document.paragraphs]


def test_it_is_a4_with_decree_30_margins(document: Document) -> None:
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297

    # Word stores twentieths of a point: 15 mm reads back as 14,99 mm, hence the rounding.
    def mm(length: Length) -> float:
        return round(length.mm, 1)

    assert 20 <= mm(section.top_margin) <= 25
    assert 20 <= mm(section.bottom_margin) <= 25
    assert 30 <= mm(section.left_margin) <= 35
    assert 15 <= mm(section.right_margin) <= 20


def test_it_formats_through_named_styles_in_times_new_roman(document: Document) -> None:
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert Pt(13) <= normal.font.size <= Pt(14)
    assert document.styles["Heading 1"].font.name == "Times New Roman"
    # No hard formatting: every run takes its font, size and weight from its style.
    runs = [r for p in document.paragraphs for r in p.runs]
    runs += [r for t in document.tables for c in t._cells for p in c.paragraphs for r in p.runs]
    assert runs
    assert all(r.font.name is None and r.font.size is None and r.bold is None for r in runs)
    used = {p.style.name for p in document.paragraphs}
    assert {"Normal", "Heading 1", "Heading 2", "CT Doc Type", "CT Title"} <= used


def test_the_header_block_has_the_body_the_party_name_and_the_date(document: Document) -> None:
    left, right = document.tables[0].rows[0].cells
    assert left.text.split("\n") == [
        "ĐẢNG BỘ TỈNH TIỀN GIANG",
        "ĐẢNG BỘ THỊ XÃ CAI LẬY",
        "*",
        "Số 45-BC/TU",
    ]
    assert right.text.split("\n") == [
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Cai Lậy, ngày 05 tháng 12 năm 2023",
    ]


def test_it_opens_with_the_title_and_the_counts(document: Document) -> None:
    paragraphs = texts(document)
    assert paragraphs[:2] == ["BÁO CÁO", "Kết quả thực hiện các chỉ tiêu Nghị quyết năm 2023"]
    assert demo_report().opening in paragraphs
    assert "15 chỉ tiêu đạt và vượt (trong đó 10 chỉ tiêu vượt)" in demo_report().opening


def test_the_sentences_and_sections_are_in_the_document(document: Document) -> None:
    body = "\n".join(texts(document))
    assert "đạt 126,82% chỉ tiêu Nghị quyết, tăng 30,43% so với năm 2022" in body
    assert "ước thực hiện 8.922 tỷ đồng" in body
    assert "II. CÁC CHỈ TIÊU KHÔNG ĐẠT VÀ CHƯA ĐÁNH GIÁ" in body
    assert "còn thiếu 78 tỷ đồng" in body


def appendix(document: Document) -> Table:
    return next(t for t in document.tables if t.rows[0].cells[0].text == "STT")


def test_it_ends_the_text_with_the_recipients_and_the_signer(document: Document) -> None:
    left, right = document.tables[1].rows[0].cells
    assert left.text.split("\n") == [
        "Nơi nhận:",
        "- Ban Thường vụ Tỉnh ủy,",
        "- Các đồng chí Thị ủy viên,",
        "- Lưu Văn phòng Thị ủy.",
    ]
    assert right.text.split("\n") == ["T/M BAN THƯỜNG VỤ", "BÍ THƯ"]
    assert right.paragraphs[0].style.name == "CT Signer"


def test_the_appendix_table_has_the_figures_and_statuses(document: Document) -> None:
    table = appendix(document)
    header = [c.text for c in table.rows[0].cells]
    assert header == [
        "STT",
        "Chỉ tiêu",
        "ĐVT",
        "Chỉ tiêu NQ",
        "Thực hiện / Ước thực hiện",
        "% so với NQ",
        "% so với cùng kỳ",
        "Đánh giá",
    ]
    rows = {r.cells[1].text: [c.text for c in r.cells] for r in table.rows[1:]}
    assert rows["Thu ngân sách từ kinh tế địa phương"] == [
        "2",
        "Thu ngân sách từ kinh tế địa phương",
        "tỷ đồng",
        "150",
        "190,23",
        "126,82%",
        "130,43%",
        "Vượt",
    ]
    assert rows["Tổng giá trị sản xuất (giá so sánh 2010)"][4] == "8.922 (ước)"
    assert rows["Tổng giá trị sản xuất (giá so sánh 2010)"][7] == "Không đạt"
    assert rows["Kinh tế"][0] == "I"  # field group row
    statuses = [r.cells[7].text for r in table.rows[1:] if r.cells[0].text.isdigit()]
    assert statuses.count("Vượt") == 10 and statuses.count("Không đạt") == 3


def test_the_two_charts_are_embedded(document: Document) -> None:
    assert len(document.inline_shapes) == 2
    assert "Số chỉ tiêu theo kết quả đánh giá" in texts(document)


def test_pages_are_numbered_at_the_top_from_the_second_page(document: Document) -> None:
    section = document.sections[0]
    assert section.different_first_page_header_footer
    header = section.header.paragraphs[0]
    assert header.style.name == "CT Page Number"
    assert 'w:instr="PAGE"' in header._p.xml
    assert all(not p.text for p in section.first_page_header.paragraphs)
