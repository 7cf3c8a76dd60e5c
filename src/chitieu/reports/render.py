"""One entry point for every format: `render(report, "docx")` -> bytes.

Each adapter is imported only when its format is asked for, so `chitieu report --format html`
does not load WeasyPrint and the web app pays only for what it serves."""

from __future__ import annotations

import importlib
from typing import Literal

from chitieu.reports.model import Report

Format = Literal["docx", "xlsx", "pdf", "html"]
FORMATS: tuple[Format, ...] = ("docx", "xlsx", "pdf", "html")
MEDIA_TYPES: dict[Format, str] = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
}


def render(report: Report, fmt: Format, *, charts: bool = True) -> bytes:
    """The document's bytes. Charts go into DOCX, PDF and HTML; the XLSX has its own native
    chart of the status counts."""
    images: list[tuple[str, bytes]] | None = None
    if charts and fmt != "xlsx":
        from chitieu.reports.charts import report_charts

        images = report_charts(report)
    if fmt == "xlsx":
        from chitieu.reports.xlsx import render_xlsx

        return render_xlsx(report)
    if fmt == "html":
        from chitieu.reports.html import render_html

        return render_html(report, images).encode("utf-8")
    module = importlib.import_module(f"chitieu.reports.{fmt}")
    data: bytes = getattr(module, f"render_{fmt}")(report, images)
    return data
