"""The report as an editable Word document (python-docx, imported only here).

Everything is formatted through named styles ("Normal", "Heading 1/2" and the "CT …" styles
below), never by formatting runs one by one, so staff can restyle the whole draft in Word.
Page: A4, margins of Decree 30/2020/NĐ-CP (top 20, bottom 20, left 30, right 15 mm), page
numbers centred at the top from page 2;
Times New Roman 14 pt for the text, 13 pt in the header block, 11 pt in the table.
"""

from __future__ import annotations

import io
from typing import Any

from chitieu.reports.cells import header_cells, roman, row_cells
from chitieu.reports.model import Report, Section

FONT = "Times New Roman"
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
# Column widths in cm on the 16,5 cm between the margins.
COLUMN_WIDTHS_CM = (1.2, 4.1, 1.6, 1.8, 2.2, 1.9, 1.9, 1.8)
NUMERIC_COLUMNS = {3, 4, 5, 6}
# The header block: the body on the left, the motto (one line at 12 pt) on the right.
HEADER_WIDTHS_CM = (6.3, 10.2)
CENTERED_COLUMNS = {0, 2, 7}

# name -> (base, size pt, bold, italic, underline, alignment, first-line indent cm)
PARAGRAPH_STYLES: dict[str, tuple[str, float, bool, bool, bool, str, float]] = {
    "CT Header": ("Normal", 12, False, False, False, "center", 0),
    "CT Header Body": ("Normal", 12, True, False, False, "center", 0),
    "CT Header Motto": ("Normal", 12, True, False, False, "center", 0),
    "CT Header Motto Line": ("Normal", 14, True, False, True, "center", 0),
    "CT Header Date": ("Normal", 14, False, True, False, "center", 0),
    "CT Doc Type": ("Normal", 15, True, False, False, "center", 0),
    "CT Title": ("Normal", 14, True, False, False, "center", 0),
    "CT Figure": ("Normal", 14, False, False, False, "center", 0),
    "CT Caption": ("Normal", 12, False, True, False, "center", 0),
    "CT Table": ("Normal", 11, False, False, False, "left", 0),
    "CT Table Number": ("Normal", 11, False, False, False, "right", 0),
    "CT Table Center": ("Normal", 11, False, False, False, "center", 0),
    "CT Table Heading": ("Normal", 11, True, False, False, "center", 0),
    "CT Table Group": ("Normal", 11, True, False, False, "left", 0),
    "CT Note": ("Normal", 11, False, True, False, "left", 0),
    "CT Page Number": ("Normal", 13, False, False, False, "center", 0),
    "CT Recipients Heading": ("Normal", 12, True, True, False, "left", 0),
    "CT Recipients": ("Normal", 11, False, False, False, "left", 0),
    "CT Signer": ("Normal", 14, True, False, False, "center", 0),
    "CT Signer Name": ("Normal", 14, True, False, False, "center", 0),
}


def _style(paragraph: Any, name: str) -> Any:
    """Apply a paragraph style by id. python-docx's `paragraph.style = name` scans every style
    on each call (a second for a 60-row table); our style ids are the names without spaces."""
    paragraph._p.style = name.replace(" ", "")
    return paragraph


def _add(container: Any, text: str, style: str) -> Any:
    return _style(container.add_paragraph(text), style)


def _set_font(style: Any, name: str) -> None:
    """Set the font for every script; drop the theme fonts that would otherwise win."""
    from docx.oxml.ns import qn

    style.font.name = name
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), name)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attr), None)


def _define_styles(document: Any) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, RGBColor

    align = {
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }
    styles = document.styles
    normal = styles["Normal"]
    _set_font(normal, FONT)
    normal.font.size = Pt(14)
    fmt = normal.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.first_line_indent = Cm(1)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(6)
    fmt.line_spacing = 1.15
    for level in (1, 2):
        heading = styles[f"Heading {level}"]
        _set_font(heading, FONT)
        heading.font.size = Pt(14)
        heading.font.bold = True
        heading.font.italic = False
        heading.font.color.rgb = RGBColor(0, 0, 0)
        heading.paragraph_format.first_line_indent = Cm(0 if level == 1 else 1)
        heading.paragraph_format.space_before = Pt(12 if level == 1 else 6)
        heading.paragraph_format.space_after = Pt(6)
        heading.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    for name, (base, size, bold, italic, underline, where, indent) in PARAGRAPH_STYLES.items():
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[base]
        style.font.size = Pt(size)
        style.font.bold = bold
        style.font.italic = italic
        style.font.underline = underline
        style.paragraph_format.alignment = align[where]
        style.paragraph_format.first_line_indent = Cm(indent)
        if name == "CT Signer Name":
            style.paragraph_format.space_before = Pt(60)  # room for the signature and seal
        if name.startswith(("CT Header", "CT Table", "CT Recipients", "CT Signer")):
            style.paragraph_format.space_after = Pt(0)
            style.paragraph_format.line_spacing = 1.0


def _page_numbers(section: Any) -> None:
    """A PAGE field centred in the top margin, none on the first page (Decree 30)."""
    from docx.oxml.ns import qn

    section.different_first_page_header_footer = True
    paragraph = _style(section.header.paragraphs[0], "CT Page Number")
    field = paragraph._p.makeelement(qn("w:fldSimple"), {qn("w:instr"): "PAGE"})
    paragraph._p.append(field)


def _page(document: Any) -> None:
    from docx.shared import Mm

    section = document.sections[0]
    _page_numbers(section)
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])


def _header_block(document: Any, report: Report) -> None:
    from docx.shared import Cm

    h = report.header
    table = document.add_table(rows=1, cols=2)
    table.autofit = False
    left, right = table.rows[0].cells
    # Both the grid and the cells carry the widths: Word reads the cells, LibreOffice the grid.
    for column, cell, width in zip(table.columns, (left, right), HEADER_WIDTHS_CM, strict=True):
        column.width = cell.width = Cm(width)
    lines = h.body_lines
    left.paragraphs[0].text = lines[0] if lines else ""
    _style(left.paragraphs[0], "CT Header Body" if len(lines) == 1 else "CT Header")
    for line in lines[1:]:
        _add(left, line, "CT Header Body")
    _add(left, "*" if h.party else "———", "CT Header")
    _add(left, h.number_line, "CT Header")
    right.paragraphs[0].text = h.motto[0]
    _style(right.paragraphs[0], "CT Header Motto Line" if h.party else "CT Header Motto")
    for line in h.motto[1:]:
        _add(right, line, "CT Header Motto Line")
    _add(right, h.place_date_line(report.period.year), "CT Header Date")


def _signature(document: Any, report: Report) -> None:
    from docx.shared import Cm

    h = report.header
    table = document.add_table(rows=1, cols=2)
    table.autofit = False
    left, right = table.rows[0].cells
    for column, cell, width in zip(table.columns, (left, right), (8.0, 8.5), strict=True):
        column.width = cell.width = Cm(width)
    if h.recipients:
        _style(left.paragraphs[0], "CT Recipients Heading").text = report.labels[
            "headings.recipients"
        ]
        for line in h.recipient_lines:
            _add(left, line, "CT Recipients")
    lines = h.signer_lines
    _style(right.paragraphs[0], "CT Signer").text = lines[0] if lines else ""
    for line in lines[1:]:
        _add(right, line, "CT Signer")
    if h.signer_name:
        _add(right, h.signer_name, "CT Signer Name")


def _section(document: Any, section: Section, level: int) -> None:
    document.add_heading(section.heading, level=level + 1)
    for paragraph in section.paragraphs:
        _add(document, paragraph, "Normal")
    for sub in section.subsections:
        _section(document, sub, level + 1)


def _repeat_header_row(row: Any) -> None:
    from docx.oxml.ns import qn

    trpr = row._tr.get_or_add_trPr()
    element = trpr.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"})
    trpr.append(element)


def _cell(cell: Any, text: str, style: str) -> None:
    cell.paragraphs[0].text = text
    _style(cell.paragraphs[0], style)


def _table(document: Any, report: Report) -> None:
    from docx.shared import Cm

    table = document.add_table(rows=1, cols=len(COLUMN_WIDTHS_CM))
    table.style = "Table Grid"
    table.autofit = False
    for cell, text in zip(table.rows[0].cells, header_cells(report), strict=True):
        _cell(cell, text, "CT Table Heading")
    _repeat_header_row(table.rows[0])
    for i, group in enumerate(report.table, start=1):
        cells = table.add_row().cells
        _cell(cells[0], roman(i), "CT Table Group")
        merged = cells[1].merge(cells[-1])
        _cell(merged, group.label, "CT Table Group")
        for row in group.rows:
            cells = table.add_row().cells
            for j, text in enumerate(row_cells(report, row)):
                style = "CT Table"
                if j in NUMERIC_COLUMNS:
                    style = "CT Table Number"
                elif j in CENTERED_COLUMNS:
                    style = "CT Table Center"
                _cell(cells[j], text, style)
    for column, width in zip(table.columns, COLUMN_WIDTHS_CM, strict=True):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, COLUMN_WIDTHS_CM, strict=False):
            cell.width = Cm(width)


def render_docx(report: Report, charts: list[tuple[str, bytes]] | None = None) -> bytes:
    """The .docx file's bytes. `charts` are (caption, PNG bytes), e.g. from charts.all_charts."""
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.shared import Cm

    document = Document()
    _define_styles(document)
    _page(document)
    core = document.core_properties
    core.title = f"{report.doc_type} {report.title}"
    core.author = report.header.body
    core.language = "vi-VN"

    _header_block(document, report)
    _add(document, report.doc_type, "CT Doc Type")
    _add(document, report.title, "CT Title")
    _add(document, "-----", "CT Title")
    _add(document, report.lead, "Normal")
    _add(document, report.opening, "Normal")
    for section in report.sections:
        _section(document, section, 0)
    if report.header.has_signature:
        _signature(document, report)
    if charts:
        document.add_heading(report.labels["headings.charts"], level=1)
        for caption, image in charts:
            _add(document, "", "CT Figure").add_run().add_picture(io.BytesIO(image), width=Cm(15))
            _add(document, caption, "CT Caption")

    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_heading(report.labels["headings.appendix"], level=1)
    _add(document, report.labels["headings.appendix_title"], "CT Title")
    _table(document, report)
    _add(document, report.labels["table.note"], "CT Note")

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
