"""Tables inside documents (.docx, HTML) as lines of tab-separated cells, one row a line, so the
table reader (chitieu.text.tables) reads them by their heading row.

A table is a list of rows of `GridCell`s (text, columns spanned, rows spanned). The grid keeps
columns aligned: a cell spanning columns is followed by empty cells; a cell spanning rows is
repeated in the rows below (a unit "%" merged down a column is every row's unit). Heading rows
tied together by merged cells ("Năm 2025" over "Kế hoạch | Thực hiện", "Chỉ tiêu" spanning both
rows) become one heading line whose cells join the words above and below ("Năm 2025 Thực
hiện"), since the table reader reads a single heading row. A first row that is one cell across
the whole table is a title, kept as a line of its own.

A layout table (pages and some documents set their whole text in one) is no data: a table of
one column, one holding another table, or one with a cell of running text keeps each cell's
own lines, in order, and any table inside them as its own rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Grids larger than this are not tables anyone reads as targets; their spans are clipped so a
# hostile colspan="100000" cannot blow up memory.
MAX_COLUMNS = 64
MAX_ROWSPAN = 1000
# A cell that is a bare figure (not a year): a row holding one is data, not a heading.
_FIGURE = re.compile(r"^[<>≤≥~+-]?\s*\d[\d.,]*\s*%?$")
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
# A cell longer than this is running text: its table is a layout table.
LAYOUT_CELL = 400


@dataclass
class GridCell:
    text: str
    colspan: int = 1
    rowspan: int = 1  # 0: continues the cell above (DOCX vMerge), however far it reaches
    nested: bool = False  # holds a table (its lines are in `text`)


def clean(text: str) -> str:
    """One line of cell text: whitespace (tabs, line breaks) folded to single spaces."""
    return " ".join(text.split())


def clean_lines(text: str) -> list[str]:
    """The non-empty lines of a text, each cell of a tab-separated row cleaned."""
    lines = ("\t".join(clean(c) for c in line.split("\t")) for line in text.split("\n"))
    return [line for line in lines if line.strip("\t")]


def _is_layout(rows: list[list[GridCell]]) -> bool:
    width = max((sum(max(1, c.colspan) for c in row) for row in rows), default=0)
    return width <= 1 or any(c.nested or len(c.text) > LAYOUT_CELL for row in rows for c in row)


_Pending = dict[int, tuple[str, int, tuple[int, int]]]  # col -> text, rows left, origin


def _fill(line: list[str], origin: list[tuple[int, int]], pending: _Pending, upto: int) -> None:
    """Put the cells spanning down from rows above into the row, from its end: while they
    come next, or (with `upto` past them) up to the last of them, padding gaps."""
    while len(line) < MAX_COLUMNS and (len(line) in pending or len(line) < upto):
        col = len(line)
        got = pending.get(col)
        if got is None:
            line.append("")
            origin.append((-1, col))
            continue
        text, left, at = got
        line.append(text)
        origin.append(at)
        if left <= 1:
            del pending[col]
        else:
            pending[col] = (text, left - 1, at)


def _grid(rows: list[list[GridCell]]) -> tuple[list[list[str]], list[list[tuple[int, int]]]]:
    """The text of every grid slot, and for each slot the (row, column) of the cell it is
    part of (its origin), so merges can be told from repeated words."""
    texts: list[list[str]] = []
    origins: list[list[tuple[int, int]]] = []
    pending: _Pending = {}
    for r, row in enumerate(rows):
        line: list[str] = []
        origin: list[tuple[int, int]] = []
        for cell in row:
            if pending:
                _fill(line, origin, pending, 0)
            col = len(line)
            if col >= MAX_COLUMNS:
                break
            span = max(1, min(cell.colspan, MAX_COLUMNS - col))
            text = clean(cell.text)
            at = (r, col)
            if cell.rowspan == 0 and r > 0:  # DOCX vMerge continue: the cell above, repeated
                above = texts[r - 1]
                if col < len(above):
                    text, at = above[col], origins[r - 1][col]
            for k in range(span):
                line.append(text if k == 0 else "")
                origin.append(at)
                if cell.rowspan > 1:
                    pending[col + k] = (
                        text if k == 0 else "",
                        min(cell.rowspan, MAX_ROWSPAN) - 1,
                        at,
                    )
        if pending:
            _fill(line, origin, pending, max(pending) + 1)
        texts.append(line)
        origins.append(origin)
    return texts, origins


def _is_heading(cells: list[str]) -> bool:
    return any(cells) and not any(_FIGURE.match(c) and not _YEAR.match(c) for c in cells)


def _splits(origins: list[list[tuple[int, int]]], texts: list[list[str]], r: int) -> bool:
    """Row r+1 holds sub-headings: two cells of its own or more under a cell of row r that
    spans columns (not a group row "I | Chỉ tiêu kinh tế" spanning them as well)."""
    if r + 1 >= len(texts):
        return False
    width = len(origins[r])
    for c in range(width - 1):
        if origins[r][c] == origins[r][c + 1] and (c == 0 or origins[r][c - 1] != origins[r][c]):
            cols = [k for k in range(c, width) if origins[r][k] == origins[r][c]]
            below = {origins[r + 1][k] for k in cols if texts[r + 1][k]}
            if len(below) >= 2:
                return True
    return False


def table_lines(rows: list[list[GridCell]]) -> list[str]:
    """The lines of a table: a title line if any, one heading line, then one line per row
    (a layout table: its cells' own lines)."""
    if _is_layout(rows):
        return [line for row in rows for cell in row for line in clean_lines(cell.text)]
    texts, origins = _grid(rows)
    width = max((len(t) for t in texts), default=0)
    if width == 0:
        return []
    for r, t in enumerate(texts):  # short rows: empty cells of their own
        origins[r].extend((r, col) for col in range(len(t), width))
        t.extend([""] * (width - len(t)))
    lines: list[str] = []
    start = 0
    # A title row: one cell across the whole table.
    while start < len(texts) and width > 1 and len(set(origins[start])) == 1:
        if texts[start][0]:
            lines.append(texts[start][0])
        start += 1
    # The heading band: the first row and the rows its merged cells reach into.
    end = start
    if start < len(texts) and _is_heading(texts[start]):
        spans_down = []
        for col in range(width):  # merged slots are contiguous: stop at the first other cell
            r = start
            while r + 1 < len(texts) and origins[r + 1][col] == origins[start][col]:
                r += 1
            spans_down.append(r)
        end = max(spans_down, default=start)
        if end == start and _splits(origins, texts, start):
            end = start + 1  # a heading spanning columns over sub-headings
        while end > start and (end >= len(texts) or not _is_heading(texts[end])):
            end -= 1
    if end > start:
        heading = []
        for col in range(width):
            words: list[str] = []
            seen: set[tuple[int, int]] = set()
            for r in range(start, end + 1):
                at = origins[r][col]
                text = texts[r][col] or next(
                    (
                        texts[r][c]
                        for c in range(col, -1, -1)
                        if origins[r][c] == at and texts[r][c]
                    ),
                    "",
                )
                if at not in seen and text:
                    words.append(text)
                seen.add(at)
            heading.append(" ".join(words))
        lines.append("\t".join(heading))
        start = end + 1
    for t in texts[start:]:
        if any(t):
            lines.append("\t".join(t))
    return lines
