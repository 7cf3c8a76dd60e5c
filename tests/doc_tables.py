"""Worked-example tables in docs/*.md, read by the tests that run them."""

from __future__ import annotations

from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"


def table_rows(doc: str, header: str) -> list[list[str]]:
    """The cells of each row of the Markdown table whose header line starts with `header`
    in docs/`doc` (the separator line under the header is skipped)."""
    lines = (DOCS / doc).read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(header))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows
