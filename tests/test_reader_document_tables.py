"""Tables inside .docx and HTML files reach the table reader as tab-separated rows: real files
built with python-docx, read by read_document, extract and `chitieu extract FILE`."""

from __future__ import annotations

import json
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from chitieu.cli import main
from chitieu.text import extract, read_document
from chitieu.text.doctables import GridCell, table_lines
from chitieu.text.documents import html_to_text


def _fill(cells: Any, values: tuple[str, ...]) -> None:
    for cell, value in zip(cells, values, strict=True):
        cell.text = value


def _resolution_docx(path: Path) -> Path:
    """A resolution's targets table: a two-row heading ("Năm 2025" over "Kế hoạch | Thực
    hiện", the other headings merged down), a group row, a cell of two paragraphs."""
    import docx

    d = docx.Document()
    d.add_paragraph("NGHỊ QUYẾT về kế hoạch phát triển kinh tế - xã hội năm 2026")
    d.add_paragraph("Các chỉ tiêu chủ yếu:")
    t = d.add_table(rows=2, cols=6)
    head, sub = t.rows[0].cells, t.rows[1].cells
    for i, text in ((0, "STT"), (1, "Chỉ tiêu"), (2, "Đơn vị tính"), (5, "Kế hoạch 2026")):
        head[i].merge(sub[i]).text = text
    head[3].merge(head[4]).text = "Năm 2025"
    sub[3].text, sub[4].text = "Kế hoạch", "Thực hiện"
    group = t.add_row().cells
    group[0].text = "I"
    group[1].merge(group[5]).text = "Chỉ tiêu kinh tế"
    _fill(t.add_row().cells, ("1", "Tốc độ tăng trưởng GRDP", "%", "8", "7,8", "8 - 8,5"))
    _fill(t.add_row().cells, ("2", "Thu ngân sách nhà nước", "tỷ đồng", "1.200", "1.250", "1.310"))
    row = t.add_row().cells
    _fill(row, ("3", "Tỷ lệ hộ nghèo", "%", "1,5", "1,2", "dưới 1"))
    row[1].add_paragraph("(chuẩn đa chiều)")
    d.add_paragraph("Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết.")
    d.save(str(path))
    return path


def _report_docx(path: Path) -> Path:
    """A 6-month report: a title row across the table, "Thực hiện 6 tháng" over three
    columns, a column-number row, a unit merged down two rows, "-" sub-rows."""
    import docx

    d = docx.Document()
    d.add_paragraph("Kết quả thực hiện các chỉ tiêu 6 tháng đầu năm 2026 như sau:")
    t = d.add_table(rows=3, cols=7)
    title, head, sub = (r.cells for r in t.rows)
    title[0].merge(title[6]).text = "BIỂU 01: CHỈ TIÊU KINH TẾ"
    for i, text in ((0, "TT"), (1, "Nội dung"), (2, "ĐVT"), (3, "KH năm 2026")):
        head[i].merge(sub[i]).text = text
    head[4].merge(head[6]).text = "Thực hiện 6 tháng"
    sub[4].text, sub[5].text, sub[6].text = "Ước TH", "Tỷ lệ (%) KH", "So cùng kỳ (%)"
    _fill(t.add_row().cells, ("A", "B", "C", "1", "2", "3=2/1", "4"))
    budget = t.add_row().cells
    _fill(budget, ("1", "Thu ngân sách nhà nước", "tỷ đồng", "1.310", "640,7", "48,9", "108,2"))
    home = t.add_row().cells
    _fill(home, ("", "- Thu nội địa", "", "1.200", "600", "50", "110"))
    budget[2].merge(home[2])
    budget[2].text = "tỷ đồng"
    _fill(
        t.add_row().cells, ("2", "Tổng vốn đầu tư toàn xã hội", "tỷ đồng", "9.484", "4.100", "", "")
    )
    d.save(str(path))
    return path


def test_a_docx_targets_table_with_a_merged_heading_gives_targets_and_last_years_results(
    tmp_path: Path,
) -> None:
    text = read_document(_resolution_docx(tmp_path / "nq.docx"))
    lines = text.splitlines()
    assert lines[2] == (
        "STT\tChỉ tiêu\tĐơn vị tính\tNăm 2025 Kế hoạch\tNăm 2025 Thực hiện\tKế hoạch 2026"
    )
    assert lines[3] == "I\tChỉ tiêu kinh tế\t\t\t\t"  # the merged group cell, padded
    assert "3\tTỷ lệ hộ nghèo (chuẩn đa chiều)\t%\t1,5\t1,2\tdưới 1" in lines
    assert lines[-1] == "Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết."
    ex = extract(text)
    assert [(t.name, t.comparator, t.value, t.value_max, t.unit) for t in ex.targets] == [
        ("Tốc độ tăng trưởng GRDP", "range", Decimal(8), Decimal("8.5"), "%"),
        ("Thu ngân sách nhà nước", ">=", Decimal(1310), None, "tỷ đồng"),
        ("Tỷ lệ hộ nghèo (chuẩn đa chiều)", "<=", Decimal(1), None, "%"),
    ]
    assert [(r.name, r.value, r.unit, r.estimated) for r in ex.results] == [
        ("Tốc độ tăng trưởng GRDP", Decimal("7.8"), "%", False),
        ("Thu ngân sách nhà nước", Decimal(1250), "tỷ đồng", False),
        ("Tỷ lệ hộ nghèo (chuẩn đa chiều)", Decimal("1.2"), "%", False),
    ]


def test_a_docx_six_month_report_gives_estimates_with_plan_and_same_period_ratios(
    tmp_path: Path,
) -> None:
    text = read_document(_report_docx(tmp_path / "bc.docx"))
    lines = text.splitlines()
    assert lines[1] == "BIỂU 01: CHỈ TIÊU KINH TẾ"  # the title row, a line of its own
    assert lines[2].split("\t")[4:] == [
        "Thực hiện 6 tháng Ước TH",
        "Thực hiện 6 tháng Tỷ lệ (%) KH",
        "Thực hiện 6 tháng So cùng kỳ (%)",
    ]
    ex = extract(text)
    assert ex.targets == []  # the year's plan quoted beside its results
    got = [
        (r.name, r.value, r.unit, r.estimated, r.percent_of_target, r.change_percent)
        for r in ex.results
    ]
    assert got == [
        (
            "Thu ngân sách nhà nước",
            Decimal("640.7"),
            "tỷ đồng",
            True,
            Decimal("48.9"),
            Decimal("8.2"),
        ),
        ("Thu nội địa", Decimal(600), "tỷ đồng", True, Decimal(50), Decimal(10)),
        ("Tổng vốn đầu tư toàn xã hội", Decimal(4100), "tỷ đồng", True, None, None),
    ]


def test_the_command_reads_a_docx_table_into_the_contract_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _resolution_docx(tmp_path / "nq.docx")
    assert main(["extract", str(path), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [(t["name"], t["value"], t["unit"]) for t in out["targets"]] == [
        ("Tốc độ tăng trưởng GRDP", 8, "%"),
        ("Thu ngân sách nhà nước", 1310, "tỷ đồng"),
        ("Tỷ lệ hộ nghèo (chuẩn đa chiều)", 1, "%"),
    ]
    assert [r["value"] for r in out["results"]] == [7.8, 1250, 1.2]


def test_columns_laid_out_with_tab_stops_in_a_docx_are_read_as_a_table(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("Chỉ tiêu\tĐVT\tKế hoạch 2026")
    d.add_paragraph("Thu ngân sách\ttỷ đồng\t1.310")
    d.add_paragraph("Tỷ lệ che phủ rừng\t%\t46")
    d.save(str(tmp_path / "tabs.docx"))
    ex = extract(read_document(tmp_path / "tabs.docx"))
    assert [(t.name, t.value, t.unit) for t in ex.targets] == [
        ("Thu ngân sách", Decimal(1310), "tỷ đồng"),
        ("Tỷ lệ che phủ rừng", Decimal(46), "%"),
    ]


HTML = """<html><body><nav>Trang chủ | Tin tức | Liên hệ</nav>
<table class="layout"><tr><td>
<h1>Báo cáo 6 tháng đầu năm 2026</h1>
<table border="1"><caption>Biểu 01</caption>
<thead><tr><th rowspan="2">TT</th><th rowspan="2">Nội dung</th><th rowspan="2">ĐVT</th>
<th rowspan="2">KH năm 2026</th><th colspan="3">Thực hiện 6 tháng</th></tr>
<tr><th>Ước TH</th><th>Tỷ lệ (%) KH</th><th>So cùng kỳ (%)</th></tr></thead>
<tr><td>I</td><td colspan="6"><b>Chỉ tiêu kinh tế</b></td></tr>
<tr><td>1<td>Thu ngân sách<br>nhà nước<td rowspan="2">tỷ đồng<td>1.310<td>640,7<td>48,9<td>108,2
<tr><td>2</td><td><p>Tổng vốn đầu tư</p><p>toàn xã hội</p></td><td>9.484</td><td>4.100</td>
<td>43,2</td><td>112,5</td></tr>
<tr><td>3</td><td>Tỷ lệ hộ nghèo theo chuẩn mới</td>
<td>%</td><td>dưới 1</td><td>1,1</td><td></td><td>-</td></tr>
</table><p>Trên đây là báo cáo.</p>
</td><td>Tin liên quan<br>Lịch công tác</td></tr></table></body></html>"""


def test_an_html_table_in_a_page_layout_table_keeps_its_columns_through_rowspan_and_colspan() -> (
    None
):
    text = html_to_text(HTML)
    lines = text.splitlines()
    assert lines[:3] == ["Báo cáo 6 tháng đầu năm 2026", "Biểu 01", lines[2]]
    assert lines[2].startswith("TT\tNội dung\tĐVT\tKH năm 2026\tThực hiện 6 tháng Ước TH\t")
    assert "1\tThu ngân sách nhà nước\ttỷ đồng\t1.310\t640,7\t48,9\t108,2" in lines
    assert "2\tTổng vốn đầu tư toàn xã hội\ttỷ đồng\t9.484\t4.100\t43,2\t112,5" in lines
    assert "3\tTỷ lệ hộ nghèo theo chuẩn mới\t%\tdưới 1\t1,1\t\t-" in lines
    # The layout table around the article keeps each cell's own lines.
    assert lines[-3:] == ["Trên đây là báo cáo.", "Tin liên quan", "Lịch công tác"]
    ex = extract(text)
    assert ex.targets == []
    assert [
        (r.name, r.value, r.unit, r.percent_of_target, r.change_percent) for r in ex.results
    ] == [
        ("Thu ngân sách nhà nước", Decimal("640.7"), "tỷ đồng", Decimal("48.9"), Decimal("8.2")),
        ("Tổng vốn đầu tư toàn xã hội", Decimal(4100), "tỷ đồng", Decimal("43.2"), Decimal("12.5")),
        ("Tỷ lệ hộ nghèo theo chuẩn mới", Decimal("1.1"), "%", None, None),
    ]
    assert all(r.estimated for r in ex.results)


def test_an_html_file_and_the_command_read_the_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bc.html"
    path.write_text(HTML, encoding="utf-8")
    assert read_document(path) == html_to_text(HTML)
    assert main(["extract", str(path), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [r["value"] for r in out["results"]] == [640.7, 4100, 1.1]


def test_html_without_tables_reads_as_before() -> None:
    html = "<p>Thu   ngân\tsách <b>đạt</b> 640,7 tỷ đồng.</p><div>Dòng hai</div>"
    assert html_to_text(html) == "Thu ngân sách đạt 640,7 tỷ đồng.\nDòng hai"


def test_a_cell_spanning_columns_is_padded_and_one_spanning_rows_repeated() -> None:
    rows = [
        [GridCell("Chỉ tiêu"), GridCell("ĐVT"), GridCell("Kế hoạch")],
        [GridCell("A"), GridCell("%", rowspan=2), GridCell("8")],
        [GridCell("B"), GridCell("9")],
        [GridCell("C", colspan=2), GridCell("10")],
        [GridCell(""), GridCell(""), GridCell("")],  # an empty row: dropped
        [GridCell("", colspan=1), GridCell("x", rowspan=0), GridCell("11")],  # DOCX vMerge
    ]
    assert table_lines(rows) == [
        "Chỉ tiêu\tĐVT\tKế hoạch",
        "A\t%\t8",
        "B\t%\t9",
        "C\t\t10",
        "\t\t11",  # continues the empty row above
    ]


def test_hostile_spans_are_clipped_and_read_quickly() -> None:
    started = time.process_time()
    html = "<table>" + '<tr><td colspan="100000" rowspan="100000">x</td></tr>' * 2000 + "</table>"
    text = html_to_text(html)
    deep = "<table><tr><td>" * 3000 + "y" + "</td></tr></table>" * 3000
    assert "y" in html_to_text(deep)
    assert time.process_time() - started < 10
    assert all(len(line.split("\t")) <= 64 for line in text.splitlines())


def test_a_docx_table_holding_tables_is_layout_and_keeps_their_lines(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    t = d.add_table(rows=1, cols=2)
    t.rows[0].cells[0].text = "Chỉ tiêu"
    cell = t.rows[0].cells[1]
    for depth in range(12):  # deeper than tables are followed: the words are still there
        inner = cell.add_table(rows=1, cols=2)
        inner.rows[0].cells[0].text = f"mức {depth}"
        cell = inner.rows[0].cells[1]
    cell.text = "đáy"
    d.save(str(tmp_path / "nested.docx"))
    lines = read_document(tmp_path / "nested.docx").splitlines()
    assert lines[:3] == ["Chỉ tiêu", "mức 0", "mức 1"]
    assert lines[-1].split() == ["mức", "8", "mức", "9", "mức", "10", "mức", "11", "đáy"]
    assert all("\t" not in line for line in lines)


def test_cells_spanning_down_past_a_short_row_stay_in_their_columns() -> None:
    rows = [
        [GridCell("Chỉ tiêu"), GridCell("ĐVT"), GridCell("Kế hoạch")],
        [GridCell("A", rowspan=2), GridCell("%"), GridCell("8", rowspan=2)],
        [],  # a row with no cells of its own (HTML <tr></tr>)
        [GridCell("B"), GridCell("%"), GridCell("9")],
    ]
    assert table_lines(rows)[1:] == ["A\t%\t8", "A\t\t8", "B\t%\t9"]


def test_a_one_column_box_or_a_cell_of_running_text_keeps_its_lines() -> None:
    box = "<table><tr><td><p>Thu ngân sách đạt 640,7 tỷ đồng.</p><p>Dòng hai.</p></td></tr></table>"
    assert html_to_text(box) == "Thu ngân sách đạt 640,7 tỷ đồng.\nDòng hai."
    prose = "Kinh tế tăng trưởng khá. " * 20
    page = f"<table><tr><td><p>{prose}</p><p>Kết luận.</p></td><td>Tin khác</td></tr></table>"
    assert html_to_text(page).splitlines() == [prose.strip(), "Kết luận.", "Tin khác"]


def test_a_group_row_under_a_heading_spanning_columns_is_not_a_sub_heading() -> None:
    rows = [
        [GridCell("STT"), GridCell("Chỉ tiêu"), GridCell("ĐVT"), GridCell("Kế hoạch 2026", 2)],
        [GridCell("I"), GridCell("Chỉ tiêu kinh tế", colspan=4)],
        [
            GridCell("1"),
            GridCell("Thu ngân sách"),
            GridCell("tỷ đồng"),
            GridCell("1.310"),
            GridCell(""),
        ],
    ]
    lines = table_lines(rows)
    assert lines[:2] == ["STT\tChỉ tiêu\tĐVT\tKế hoạch 2026\t", "I\tChỉ tiêu kinh tế\t\t\t"]
    (target,) = extract("\n".join(lines)).targets
    assert (target.name, target.value, target.unit) == ("Thu ngân sách", Decimal(1310), "tỷ đồng")


def test_without_a_unit_column_a_unit_in_brackets_after_the_name_is_the_unit(
    tmp_path: Path,
) -> None:
    import docx

    d = docx.Document()
    t = d.add_table(rows=1, cols=3)
    _fill(t.rows[0].cells, ("STT", "Chỉ tiêu", "Kế hoạch 2026"))
    _fill(t.add_row().cells, ("1", "Thu ngân sách (tỷ đồng)", "1.310"))
    _fill(t.add_row().cells, ("2", "Thu nhập bình quân (triệu đồng/người/năm)", "85"))
    _fill(t.add_row().cells, ("3", "Tỷ lệ hộ nghèo (theo chuẩn mới)", "1"))  # no unit: kept
    d.save(str(tmp_path / "nq.docx"))
    ex = extract(read_document(tmp_path / "nq.docx"))
    assert [(t.name, t.value, t.unit) for t in ex.targets] == [
        ("Thu ngân sách", Decimal(1310), "tỷ đồng"),
        ("Thu nhập bình quân", Decimal(85), "triệu đồng/người/năm"),
        ("Tỷ lệ hộ nghèo (theo chuẩn mới)", Decimal(1), None),
    ]


def test_a_docx_table_of_contents_is_not_read_as_figures(tmp_path: Path) -> None:
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    d = docx.Document()
    toc = d.add_paragraph("Thu ngân sách\t12")  # "title<TAB>page" in a "TOC 1" paragraph
    toc._p.get_or_add_pPr().append(parse_xml(f'<w:pStyle {nsdecls("w")} w:val="TOC1"/>'))
    d.element.body.append(
        parse_xml(
            f"<w:sdt {nsdecls('w')}><w:sdtPr><w:docPartObj>"
            '<w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr>'
            "<w:sdtContent><w:p><w:r><w:t>Thu nội địa</w:t></w:r><w:r><w:tab/></w:r>"
            "<w:r><w:t>14</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        )
    )
    d.add_paragraph("Năm 2026 phấn đấu thu ngân sách đạt 1.310 tỷ đồng.")
    d.element.body.append(  # any other content control is read through
        parse_xml(
            f"<w:sdt {nsdecls('w')}><w:sdtPr/><w:sdtContent><w:p><w:r>"
            "<w:t>Tỷ lệ hộ nghèo giảm còn dưới 1%.</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        )
    )
    d.save(str(tmp_path / "toc.docx"))
    text = read_document(tmp_path / "toc.docx")
    assert text.split("\n") == [
        "Năm 2026 phấn đấu thu ngân sách đạt 1.310 tỷ đồng.",
        "Tỷ lệ hộ nghèo giảm còn dưới 1%.",
    ]


def test_docx_sub_rows_with_an_empty_or_dash_stt_cell_take_their_parents_name(
    tmp_path: Path,
) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("Kết quả thực hiện các chỉ tiêu giáo dục năm học 2025 - 2026:")
    t = d.add_table(rows=1, cols=5)
    _fill(t.rows[0].cells, ("STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện"))
    _fill(t.add_row().cells, ("1", "Tỷ lệ huy động trẻ đến trường", "%", "", ""))
    _fill(t.add_row().cells, ("", "Nhà trẻ", "%", "28", "28,5"))
    _fill(t.add_row().cells, ("-", "Mẫu giáo", "%", "90", "90,5"))
    _fill(t.add_row().cells, ("2", "Số trường đạt chuẩn quốc gia", "trường", "40", "42"))
    _fill(t.add_row().cells, ("", "Số trường mầm non đạt chuẩn", "trường", "12", "13"))
    path = tmp_path / "gd.docx"
    d.save(str(path))
    ex = extract(read_document(path))
    assert [(r.name, r.value, r.unit) for r in ex.results] == [
        ("Tỷ lệ huy động trẻ đến trường: nhà trẻ", Decimal("28.5"), "%"),
        ("Tỷ lệ huy động trẻ đến trường: mẫu giáo", Decimal("90.5"), "%"),
        ("Số trường đạt chuẩn quốc gia", Decimal(42), "trường"),
        # Opens with its parent's measure ("số"): a name of its own.
        ("Số trường mầm non đạt chuẩn", Decimal(13), "trường"),
    ]
