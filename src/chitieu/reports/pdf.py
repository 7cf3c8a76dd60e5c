"""The report as PDF: WeasyPrint lays out the HTML preview, so both show the same thing.

WeasyPrint (and its Debian libraries: libpango-1.0-0, libpangoft2-1.0-0, libharfbuzz-subset0)
is imported only here. It embeds subsets of the fonts it uses; the CSS asks for Times New Roman,
which fontconfig resolves to Liberation Serif (fonts-liberation2) with every Vietnamese glyph,
then DejaVu Serif.
"""

from __future__ import annotations

from chitieu.reports.html import render_html
from chitieu.reports.model import Report


def render_pdf(report: Report, charts: list[tuple[str, bytes]] | None = None) -> bytes:
    from weasyprint import HTML

    document: bytes = HTML(string=render_html(report, charts)).write_pdf()
    return document
