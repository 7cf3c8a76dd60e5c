"""The text of a PDF with its ruled tables kept as tables (pdfplumber).

pypdf's text layer loses a table's cell boxes: the cells of a row come apart by single spaces
and a wrapped cell or a two-line heading spreads over several lines, so the table reader cannot
see the columns. pdfplumber finds a table by its ruling lines (the borders a Word table prints
with), and gives each cell's box and text. Each table becomes a grid of `GridCell`s (a merged
cell: its columns and rows spanned) for `doctables.table_lines`, which gives the same
tab-separated rows as a .docx or HTML table; the text outside the tables comes from pdfplumber
too, line by line, and each table stands where it stands on its page.

Page furniture is dropped: a line at the top or bottom of a page that is a page number
("12", "- 12 -", "Trang 3/20") or is repeated at the top or bottom of other pages (running
headers and footers, digits aside). A table continued on the next page, with the same columns
and nothing but furniture or the page margins between, is one table: a heading row repeated on
the new page is dropped.

A page whose text runs sideways (shown turned a quarter) is read by pypdf, without tables.
Returns None when pdfplumber is missing or cannot read the file: the caller then reads the
text layer with pypdf as before (and reports a damaged file in Vietnamese).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chitieu.text.doctables import MAX_COLUMNS, GridCell, clean, table_lines

if TYPE_CHECKING:
    from pdfplumber.page import Page
    from pdfplumber.table import Table

# Ruling lines only: text alignment (the "text" strategy) cut whole pages of running text into
# grids of word pieces, and the Word tables offices send are printed with borders.
_SETTINGS: dict[str, Any] = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
# pdfplumber's time grows with the slots of the grid the ruling lines make (distinct x of the
# vertical lines times distinct y of the horizontal ones), faster than linearly: about 1 s for
# 4,000 slots, 40 s for 22,500. A page past MAX_PAGE_GRID (a drawing, a hostile file) and the
# pages after MAX_DOCUMENT_GRID slots in all (about 10 s) keep their text, without tables.
MAX_PAGE_GRID = 5000
MAX_DOCUMENT_GRID = 40000
# Edges closer than this (points) are one grid line; columns of two page halves of a table
# match when each edge is within _SAME_EDGE.
_SNAP = 1.5
_SAME_EDGE = 4.0
# The share of the page height at its top and bottom that holds headers and footers only:
# 6% of an A4 page is 18 mm, and an official text's body starts 20-25 mm from the edge.
_MARGIN = 0.06
# How many lines at each end of a page may be furniture.
_EDGE_LINES = 2

# A frame drawn around paragraphs (a bordered box, two columns of text side by side) is found
# as a table too: one with a cell of running text and not one bare figure is layout, read as
# its cells' lines (doctables only calls a cell of 400 characters running text).
_PROSE_CELL = 160
_FIGURE = re.compile(r"^[<>≤≥~+-]?\s*\d[\d.,]*\s*%?$")

_NEW_ROW = re.compile(r"^(?:[\dIVXLC]+[.)/]?(?:\s|$)|[A-ZĐa-zđ][.)](?:\s|$)|[-+*•–—])")

_PAGE_NUMBER = re.compile(
    r"^(?:trang\s*)?[-–—(\[]?\s*\d{1,4}\s*(?:(?:/|trên)\s*\d{1,4})?\s*[-–—)\]]?$", re.IGNORECASE
)
_DIGITS = re.compile(r"\d+")


@dataclass
class _Line:
    text: str
    top: float
    in_margin: bool


@dataclass
class _Table:
    rows: list[list[GridCell]]
    top: float
    edges: list[float]  # the x of each column edge, left to right
    open_bottom: bool = False  # its last row goes on (no border under it: cut by the page)


@dataclass
class _Page:
    blocks: list[_Line | _Table] = field(default_factory=list)
    sideways: bool = False  # its text runs up or down the page: pypdf reads it


def _cluster(values: list[float]) -> list[float]:
    """Sorted values, those within _SNAP of the previous one folded into it."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > _SNAP:
            out.append(v)
    return out


def _index(edges: list[float], v: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - v))


def _grid(table: Table) -> tuple[list[list[GridCell]], list[float]]:
    """The table's rows of cells, each with the columns and rows it spans, and its column
    edges. A grid slot no cell covers (a missing border) is an empty cell of its own."""
    texts = table.extract()
    boxes: list[tuple[tuple[float, float, float, float], str]] = []
    for row, row_texts in zip(table.rows, texts, strict=False):
        for box, text in zip(row.cells, row_texts, strict=False):
            if box is not None:
                boxes.append((box, text or ""))
    xs = _cluster([v for (x0, _, x1, _), _t in boxes for v in (x0, x1)])
    ys = _cluster([v for (_, top, _, bottom), _t in boxes for v in (top, bottom)])
    if len(xs) < 2 or len(ys) < 2:
        return [], xs
    width = min(len(xs) - 1, MAX_COLUMNS)
    owner: dict[tuple[int, int], tuple[int, int]] = {}  # slot -> the slot its cell starts at
    origin: dict[tuple[int, int], GridCell] = {}
    for (x0, top, x1, bottom), text in boxes:
        c0, c1 = _index(xs, x0), min(_index(xs, x1), width)
        r0, r1 = _index(ys, top), _index(ys, bottom)
        if c1 <= c0 or r1 <= r0 or (r0, c0) in owner:
            continue
        origin[(r0, c0)] = GridCell(text, c1 - c0, r1 - r0)
        for r in range(r0, r1):
            for c in range(c0, c1):
                owner.setdefault((r, c), (r0, c0))
    rows: list[list[GridCell]] = []
    for r in range(len(ys) - 1):
        cells: list[GridCell] = []
        for c in range(width):
            at = owner.get((r, c))
            if at is None:
                cells.append(GridCell(""))
            elif at == (r, c):
                cells.append(origin[at])
            # else: inside a cell that starts left of or above this slot
        rows.append(cells)
    return rows, xs[: width + 1]


def _is_prose(rows: list[list[GridCell]]) -> bool:
    texts = [clean(c.text) for row in rows for c in row]
    return any(len(t) >= _PROSE_CELL for t in texts) and not any(_FIGURE.match(t) for t in texts)


def _outside(boxes: list[tuple[float, float, float, float]]) -> Callable[[dict[str, Any]], bool]:
    """A filter keeping every object but the characters inside the tables (read as cells)."""

    def keep(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return True
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    return keep


def grid_size(page: Page) -> int:
    """How many slots the page's ruling lines make: distinct x of the vertical ones times
    distinct y of the horizontal ones (to the point)."""
    xs: set[int] = set()
    ys: set[int] = set()
    for edge in page.edges:
        if edge["orientation"] == "v":
            xs.add(round(edge["x0"]))
        else:
            ys.add(round(edge["top"]))
    return len(xs) * len(ys)


def _closing_lines(page: Page) -> tuple[list[dict[str, Any]], set[int]]:
    """Horizontal lines closing the column lines that end with no border across them: a row
    cut by the page break (its cells' sides run to the page's end, its bottom is on the next
    page) would otherwise not be a row, and its text would fall out of the table. Also the
    y (to the point) of the closing lines at a bottom."""
    across: dict[int, list[tuple[float, float]]] = {}
    ends: dict[tuple[int, str], list[float]] = {}
    for edge in page.edges:
        if edge["orientation"] == "h":
            across.setdefault(round(edge["top"]), []).append((edge["x0"], edge["x1"]))
        else:
            ends.setdefault((round(edge["top"]), "top"), []).append(edge["x0"])
            ends.setdefault((round(edge["bottom"]), "bottom"), []).append(edge["x0"])
    lines: list[dict[str, Any]] = []
    bottoms: set[int] = set()
    for (y, side), xs in ends.items():
        spans = [s for dy in range(-3, 4) for s in across.get(y + dy, [])]
        if len(xs) < 2 or all(any(a - 3 <= x <= b + 3 for a, b in spans) for x in xs):
            continue
        x0, x1 = min(xs), max(xs)
        lines.append(
            {"object_type": "line", "x0": x0, "x1": x1, "top": float(y), "bottom": float(y),
             "width": x1 - x0, "height": 0.0}
        )  # fmt: skip
        if side == "bottom":
            bottoms.add(y)
    return lines, bottoms


def _read_page(page: Page, budget: list[int]) -> _Page:
    """The page's lines and tables, top to bottom; `budget` is the grid slots the document
    may still spend on finding tables (its one item goes down)."""
    chars = page.chars
    if sum(1 for c in chars if not c.get("upright", True)) * 2 > len(chars):
        # A page turned a quarter (a wide table printed sideways): pdfplumber's lines would
        # be a letter each; pypdf reads along the text.
        return _Page(sideways=True)
    tables: list[Table] = []
    open_bottoms: set[int] = set()
    size = grid_size(page)
    if 0 < size <= min(MAX_PAGE_GRID, budget[0]):
        budget[0] -= size
        closing, open_bottoms = _closing_lines(page)
        tables = page.find_tables({**_SETTINGS, "explicit_horizontal_lines": closing})
    boxes = [t.bbox for t in tables]
    text_page = page.filter(_outside(boxes)) if boxes else page
    height = float(page.height)
    got = _Page()
    for line in text_page.extract_text_lines(return_chars=False):
        text = clean(str(line["text"]))
        if text:
            top = float(line["top"])
            margin = top < height * _MARGIN or float(line["bottom"]) > height * (1 - _MARGIN)
            got.blocks.append(_Line(text, top, margin))
    for table in tables:
        rows, edges = _grid(table)
        if _is_prose(rows):  # one column of cells, left to right: doctables keeps their lines
            rows = [[cell] for row in rows for cell in row]
        if any(cell.text.strip() for row in rows for cell in row):
            bottom = round(table.bbox[3])
            cut = any(abs(bottom - y) <= 1 for y in open_bottoms)
            got.blocks.append(_Table(rows, float(table.bbox[1]), edges, cut))
    got.blocks.sort(key=lambda b: b.top)
    return got


def _edge_lines(page: _Page) -> list[_Line]:
    """The lines in the header or footer area at either end of the page (a figure wrapped to
    the last line of the body, "… thực hiện\n912", is never one)."""
    out: list[_Line] = []
    for blocks in (page.blocks, page.blocks[::-1]):
        for block in blocks[:_EDGE_LINES]:
            if not isinstance(block, _Line) or not block.in_margin:
                break
            out.append(block)
    return out


def _drop_furniture(pages: list[_Page]) -> None:
    """Remove page numbers and running headers/footers (the same on two pages or more, but
    for their digits) from the header and footer areas."""
    seen: dict[str, int] = {}
    for page in pages:
        for key in {_DIGITS.sub("#", line.text.lower()) for line in _edge_lines(page)}:
            seen[key] = seen.get(key, 0) + 1
    for page in pages:
        furniture = {
            id(line)
            for line in _edge_lines(page)
            if _PAGE_NUMBER.match(line.text) or seen[_DIGITS.sub("#", line.text.lower())] >= 2
        }
        page.blocks = [b for b in page.blocks if id(b) not in furniture]


def _same_columns(a: _Table, b: _Table) -> bool:
    return len(a.edges) == len(b.edges) and all(
        abs(x - y) <= _SAME_EDGE for x, y in zip(a.edges, b.edges, strict=True)
    )


def _key(row: list[GridCell]) -> list[tuple[str, int, int]]:
    return [(clean(c.text), c.colspan, c.rowspan) for c in row]


def _rest_of_row(table: _Table, row: list[GridCell]) -> bool:
    """The first row on a new page is the rest of the table's last row, cut by the page break:
    the last row was left open (no border under it), or (Word and LibreOffice close both
    parts with borders) the row only goes on cells written above and leaves others empty
    (the figures stand in the first part), and does not start like a row of its own: a
    number, a roman numeral, a bullet or a line in capitals ("II. CHỈ TIÊU XÃ HỘI")."""
    last = table.rows[-1] if table.rows else []
    if not last or [c.colspan for c in row] != [c.colspan for c in last]:
        return False
    if table.open_bottom:
        return True
    texts = [clean(c.text) for c in row]
    above = [clean(c.text) for c in last]
    return (
        any(texts)
        and all(a for t, a in zip(texts, above, strict=True) if t)
        and any(a and not t for t, a in zip(texts, above, strict=True))
        and not any(_NEW_ROW.match(t) or t.isupper() for t in texts if t)
    )


def _continue(table: _Table, more: _Table) -> None:
    """Append the rows of the table's continuation, less a repeated heading."""
    skip = 0
    limit = min(3, len(table.rows), len(more.rows))
    while skip < limit and _key(table.rows[skip]) == _key(more.rows[skip]):
        skip += 1
    rows = more.rows[skip:]
    if rows and _rest_of_row(table, rows[0]):
        for cell, rest in zip(table.rows[-1], rows.pop(0), strict=True):
            cell.text = f"{clean(cell.text)} {clean(rest.text)}".strip()
    table.rows.extend(rows)
    table.open_bottom = more.open_bottom


def _join_pages(pages: list[_Page]) -> list[_Line | _Table]:
    """The blocks of all pages in order; a table continued on the next page (same columns,
    only margin lines between) is merged into the one it continues."""
    out: list[_Line | _Table] = []
    open_table: _Table | None = None  # the last table, with only margin lines after it
    for page in pages:
        first = True  # still at the page's top: only margin lines so far
        for block in page.blocks:
            if isinstance(block, _Table):
                if first and open_table is not None and _same_columns(open_table, block):
                    _continue(open_table, block)
                    first = False
                    continue
                open_table, first = block, False
                out.append(block)
            elif block.in_margin:
                out.append(block)  # after the table, even if the table goes on
            else:
                out.append(block)
                open_table, first = None, False
    return out


def _text(blocks: list[_Line | _Table]) -> str:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, _Table):
            lines.extend(table_lines(block.rows))
        else:
            lines.append(block.text)
    return "\n".join(lines)


def _read_sideways(path: Path, pages: list[_Page]) -> None:
    """The sideways pages' text from pypdf, line by line (no tables: a known gap)."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    for page, source in zip(pages, reader.pages, strict=True):
        if page.sideways:
            lines = (clean(line) for line in (source.extract_text() or "").split("\n"))
            page.blocks = [_Line(line, float(k), False) for k, line in enumerate(lines) if line]


def read_pdf_tables(path: Path) -> str | None:
    """The text of a text-layer PDF, its tables as tab-separated rows; None when pdfplumber
    is not installed, cannot read the file or finds no text (pypdf is the fallback)."""
    try:
        import pdfplumber
    except ImportError:
        return None
    # pdfminer warns on stderr about harmless quirks (a missing CropBox …).
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    pages: list[_Page] = []
    budget = [MAX_DOCUMENT_GRID]
    try:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                pages.append(_read_page(page, budget))
                page.close()  # free its parsed objects: memory stays flat over many pages
        if any(page.sideways for page in pages):
            _read_sideways(path, pages)
    except Exception:  # pdfminer raises many kinds on a damaged file; pypdf then explains
        return None
    _drop_furniture(pages)
    text = _text(_join_pages(pages))
    return text if text.strip() else None
