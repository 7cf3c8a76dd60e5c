"""The Vietnamese text reader: `extract(text)` and `read_document(path)`."""

from __future__ import annotations

from chitieu.text.documents import DocumentError, read_document
from chitieu.text.engine import extract
from chitieu.text.items import (
    Diagnostic,
    ExtractedResult,
    ExtractedSummary,
    ExtractedTarget,
    Extraction,
)

__all__ = [
    "Diagnostic",
    "DocumentError",
    "ExtractedResult",
    "ExtractedSummary",
    "ExtractedTarget",
    "Extraction",
    "extract",
    "read_document",
]
