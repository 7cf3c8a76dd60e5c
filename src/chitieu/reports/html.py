"""The report as one self-contained HTML page: the preview, and the source of the PDF.

No template engine: the document's words come from the report model (which takes them from
templates/vi.toml); this module only lays them out, escaping every string. Charts are embedded
as data URIs so the page has no outside reference.
"""

from __future__ import annotations

import base64
from html import escape

from chitieu.reports.cells import header_cells, roman, row_cells
from chitieu.reports.model import Report, Section

# A4 with the margins of Decree 30/2020/NĐ-CP (top/bottom 20-25 mm, left 30-35, right 15-20);
# page numbers centred in the top margin from page 2 on, as the decree lays them out.
# "Times New Roman" resolves to Liberation Serif (same metrics, full Vietnamese) on Debian.
CSS = """
@page { size: A4; margin: 20mm 15mm 20mm 30mm;
  @top-center { content: counter(page); font-size: 13pt; vertical-align: middle;
    font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; } }
@page :first { @top-center { content: none; } }
body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif;
  font-size: 14pt; line-height: 1.35; color: #000; }
.header { width: 100%; border-collapse: collapse; margin-bottom: 12pt; }
.header td { vertical-align: top; text-align: center; font-size: 13pt; padding: 0; }
.header .left { width: 40%; }
.header .body { font-weight: bold; }
.header .motto { font-weight: bold; font-size: 12pt; white-space: nowrap; }
.header .motto-line { font-weight: bold; text-decoration: underline; }
.header .place-date { font-style: italic; padding-top: 6pt; }
.header .star { padding: 2pt 0; }
.doc-type { text-align: center; font-weight: bold; font-size: 15pt; margin: 18pt 0 0; }
.title { text-align: center; font-weight: bold; margin: 0 0 12pt; }
.rule { text-align: center; margin: 0 0 12pt; }
h2 { font-size: 14pt; font-weight: bold; margin: 12pt 0 6pt; }
h3 { font-size: 14pt; font-weight: bold; margin: 8pt 0 4pt; }
p { text-align: justify; text-indent: 10mm; margin: 0 0 6pt; }
.opening { font-weight: normal; }
figure { margin: 10pt 0; text-align: center; page-break-inside: avoid; }
figure img { max-width: 100%; }
figcaption { font-style: italic; font-size: 12pt; }
.signature { width: 100%; border-collapse: collapse; margin-top: 12pt;
  page-break-inside: avoid; }
.signature td { vertical-align: top; padding: 0; }
.signature .recipients { width: 45%; font-size: 11pt; }
.signature .recipients-heading { font-size: 12pt; font-weight: bold; font-style: italic; }
.signature .sign { text-align: center; }
.signature .signer { font-weight: bold; }
.signature .signer-name { font-weight: bold; margin-top: 60pt; }
.appendix { page-break-before: always; }
.appendix h2, .appendix .caption { text-align: center; }
table.results { width: 100%; border-collapse: collapse; font-size: 11pt; line-height: 1.2; }
table.results th, table.results td { border: 0.5pt solid #000; padding: 2pt 3pt; }
table.results th { font-weight: bold; text-align: center; }
table.results td.num { text-align: right; white-space: nowrap; }
table.results td.center { text-align: center; }
table.results tr.group td { font-weight: bold; }
table.results tr { page-break-inside: avoid; }
.note { font-size: 11pt; font-style: italic; text-indent: 0; }
.status-not_achieved { color: #b71c1c; }
@media screen {
  html { background: #e8e8e8; }
  body { box-sizing: border-box; max-width: 210mm; margin: 8mm auto; background: #fff;
    padding: 20mm 15mm 20mm 30mm; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25); }
}
"""


# Column widths in % of the table: the target's name gets the room.
COLUMN_WIDTHS = (6, 32, 11, 11, 12, 10, 10, 8)


def _header(report: Report) -> str:
    h = report.header
    left = "".join(
        f'<div class="{"body" if i == len(h.body_lines) - 1 else "superior"}">{escape(line)}</div>'
        for i, line in enumerate(h.body_lines)
    )
    left += '<div class="star">*</div>' if h.party else '<div class="star">———</div>'
    left += f"<div>{escape(h.number_line)}</div>"
    motto = h.motto
    right = f'<div class="motto{"-line" if h.party else ""}">{escape(motto[0])}</div>'
    for line in motto[1:]:
        right += f'<div class="motto-line">{escape(line)}</div>'
    place_date = h.place_date_line(report.period.year)
    right += f'<div class="place-date">{escape(place_date)}</div>'
    return (
        '<table class="header"><tr>'
        f'<td class="left">{left}</td><td class="right">{right}</td>'
        "</tr></table>"
    )


def _signature(report: Report) -> str:
    h = report.header
    left = ""
    if h.recipients:
        left = (
            f'<div class="recipients-heading">{escape(report.labels["headings.recipients"])}</div>'
        )
        left += "".join(f"<div>{escape(line)}</div>" for line in h.recipient_lines)
    right = "".join(f'<div class="signer">{escape(line)}</div>' for line in h.signer_lines)
    if h.signer_name:
        right += f'<div class="signer-name">{escape(h.signer_name)}</div>'
    return (
        '<table class="signature"><tr>'
        f'<td class="recipients">{left}</td><td class="sign">{right}</td>'
        "</tr></table>"
    )


def _section(section: Section, level: int) -> str:
    tag = "h2" if level == 0 else "h3"
    out = [f"<{tag}>{escape(section.heading)}</{tag}>"]
    out.extend(f"<p>{escape(p)}</p>" for p in section.paragraphs)
    out.extend(_section(sub, level + 1) for sub in section.subsections)
    return "\n".join(out)


def table_html(report: Report) -> str:
    numeric = {0: "center", 2: "center", 3: "num", 4: "num", 5: "num", 6: "num", 7: "center"}
    heads = "".join(f"<th>{escape(h)}</th>" for h in header_cells(report))
    widths = "".join(f'<col style="width:{w}%">' for w in COLUMN_WIDTHS)
    rows = [f"<colgroup>{widths}</colgroup><thead><tr>{heads}</tr></thead><tbody>"]
    for i, group in enumerate(report.table, start=1):
        rows.append(
            f'<tr class="group"><td class="center">{roman(i)}</td>'
            f'<td colspan="7">{escape(group.label)}</td></tr>'
        )
        for row in group.rows:
            cells = row_cells(report, row)
            tds = "".join(
                f'<td class="{numeric.get(j, "")}">{escape(c)}</td>' for j, c in enumerate(cells)
            )
            rows.append(f'<tr class="status-{row.status.value}">{tds}</tr>')
    rows.append("</tbody>")
    return f'<table class="results">{"".join(rows)}</table>'


def render_html(report: Report, charts: list[tuple[str, bytes]] | None = None) -> str:
    """The whole report. `charts` are (caption, PNG bytes), e.g. from charts.all_charts."""
    parts = [
        _header(report),
        f'<div class="doc-type">{escape(report.doc_type)}</div>',
        f'<div class="title">{escape(report.title)}</div>',
        '<div class="rule">-----</div>',
        f"<p>{escape(report.lead)}</p>",
        f'<p class="opening">{escape(report.opening)}</p>',
    ]
    parts.extend(_section(s, 0) for s in report.sections)
    if report.header.has_signature:
        parts.append(_signature(report))
    if charts:
        parts.append(f"<h2>{escape(report.labels['headings.charts'])}</h2>")
        for caption, image in charts:
            data = base64.b64encode(image).decode("ascii")
            parts.append(
                f'<figure><img src="data:image/png;base64,{data}" alt="{escape(caption)}">'
                f"<figcaption>{escape(caption)}</figcaption></figure>"
            )
    parts.append(
        '<section class="appendix">'
        f"<h2>{escape(report.labels['headings.appendix'])}</h2>"
        f'<p class="caption"><b>{escape(report.labels["headings.appendix_title"])}</b></p>'
        f"{table_html(report)}"
        f'<p class="note">{escape(report.labels["table.note"])}</p>'
        "</section>"
    )
    body = "\n".join(parts)
    title = escape(f"{report.doc_type} {report.title}")
    return (
        '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
        f"<title>{title}</title><style>{CSS}</style></head>"
        f"<body>\n{body}\n</body></html>\n"
    )
