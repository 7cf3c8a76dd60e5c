"""Reports: the conference report written from the data, and the fact check of a draft.

    report = build_report(Header("Đảng bộ thị xã Cai Lậy", number="45-BC/TU"), period, evaluations)
    data = render(report, "docx")          # or "xlsx", "pdf", "html"; MEDIA_TYPES[fmt]
    result = check_text(text, evaluations)  # chitieu.reports.factcheck

The model and wording are plain Python; each format's library (python-docx, openpyxl,
WeasyPrint, Pillow for the PNG charts, matplotlib for SVG charts only) is imported only by its
adapter, when that format is rendered.
See docs/reports.md.
"""

from __future__ import annotations

from chitieu.reports.model import Header, Report, build_report
from chitieu.reports.render import FORMATS, MEDIA_TYPES, render

__all__ = ["FORMATS", "MEDIA_TYPES", "Header", "Report", "build_report", "render"]
