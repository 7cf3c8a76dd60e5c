"""Tables of targets and results pasted as text, read by their heading row.

    Chỉ tiêu            ĐVT       Kế hoạch   Thực hiện   Tỷ lệ (%)
    Thu ngân sách       tỷ đồng   120        135,6       113

Cells are apart by a tab, a "|" or two or more spaces. The heading row says what each column
holds (grammar/vi/tables.toml, with the reader's own plan/report/period words): the unit, the
figures done ("Thực hiện", "Ước TH": results, estimated under "ước"), the figures set ("Kế
hoạch 2027": targets, unless a report quotes them beside its results for the same year), and
percentages of the plan or of the same period ("So cùng kỳ (%)": a ratio, change = X - 100).
A heading may take two lines ("Năm 2025" over "Kế hoạch | Thực hiện"): tableheads.py says which
cell of each is over which column, and a column reads the words of both, the lower cell's kind
first ("Thực hiện 6 tháng" over "Kế hoạch năm": the plan; "So sánh (%)" over "Cùng kỳ": a
ratio to the same period). Each data row below gives one result and/or one target; with no
unit column, a unit in brackets at its name's end is its unit ("Thu ngân sách (tỷ đồng)"). A
row that is a part of the row above ("- Nhà trẻ", "Trong đó: thu nội địa", "a", an empty
"STT" cell, an indented name) is named after it, "Tỷ lệ huy động trẻ đến trường: nhà trẻ",
unless it opens with its parent's measure ("Thu nội địa" under "Tổng thu ngân sách"):
subrows.py. A row without figures may lack its end cells ("Tỷ lệ huy động trẻ    %") when a
full row follows. A row alone ("Thu ngân sách<TAB>tỷ đồng<TAB>420") is read by the ordinary
rules (columns.py gives its unit).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from decimal import Decimal

from chitieu.text.items import ExtractedResult, ExtractedTarget
from chitieu.text.naming import is_lower_better
from chitieu.text.subrows import HEADING_CATS, RowName, label_rank, name_rows
from chitieu.text.tablecells import (
    Column,
    cell_cats,
    is_unit,
    marked_name,
    read_column,
    read_figure,
    split_cells,
    words_only,
)
from chitieu.text.tableheads import two_line_columns
from chitieu.text.tokens import Prepared

HUNDRED = Decimal(100)
_ROW_LABEL = re.compile(r"^(?:\d{1,3}|[ivx]{1,4}|[a-zđ])[.)]?$", re.IGNORECASE)
_NEWLINE = re.compile("\n")
_SEPARATOR = re.compile(r"\t|\||  ")
_MAX_SHORT = 3  # rows without figures in a row, lacking end cells, before the table ends
_ORDINAL = re.compile(r"^(?:stt|tt|số tt|số thứ tự)$")
_DASHES = {"", "-", "x", "—", "..."}
# A unit in brackets at the end of a name, when the table has no unit column: "Thu ngân sách
# (tỷ đồng)", "Tỷ lệ hộ nghèo (%)".
_NAME_UNIT = re.compile(r"\s*\(([^()]{1,30})\)$")
# The cue keys that give a column of figures done or set (tablecells.read_column): a heading
# without one has no "actual" or "plan" column, and _named turns it down.
_ROLE_KEYS = frozenset(
    ("tables.actual", "modes.estimated", "modes.result", "tables.plan", "references.plan")
)
_NO_KEYS: frozenset[str] = frozenset()


@dataclass
class Tables:
    lines: list[tuple[int, int]] = field(default_factory=list)  # char spans read here
    targets: list[ExtractedTarget] = field(default_factory=list)
    results: list[ExtractedResult] = field(default_factory=list)

    def covers(self, pos: int) -> bool:
        """Char `pos` lies in a table read here (lines are sorted and apart)."""
        j = bisect.bisect_right(self.lines, (pos, 1 << 62)) - 1
        return j >= 0 and self.lines[j][0] <= pos < self.lines[j][1]


_Head = tuple[str, list[Column], int | None]  # separator, columns, label column ("STT")


def _named(doc: Prepared, sep: str, cols: list[Column], first: tuple[int, int]) -> _Head | None:
    """The columns once the first names the rows: "Chỉ tiêu", "Nội dung", whatever its
    heading says; after a row number column ("STT") the second does."""
    label = 1 if _ORDINAL.match(doc.folded[first[0] : first[1]]) else 0
    if label < len(cols):
        cols[label] = Column(None)
    if not any(c.role in ("actual", "plan") for c in cols):
        return None
    return sep, cols, 0 if label else None


def _header(doc: Prepared, starts: list[int], a: int, b: int) -> _Head | None:
    found = split_cells(doc.text, a, b)
    if found is None or len(found[1]) < 3 or not words_only(doc, found[1]):
        return None
    sep, cells = found
    return _named(doc, sep, [read_column(doc, starts, [cell]) for cell in cells], cells[0])


def _could_head(line: str) -> bool:
    """Three cells or more (two separators): cheap test before reading the cells."""
    return line.count("\t") >= 2 or line.count("|") >= 2 or line.count("  ") >= 2


def read_tables(doc: Prepared) -> Tables:
    out = Tables()
    text = doc.text
    if "\t" not in text and "|" not in text and "  " not in text:
        return out  # no cells anywhere: the usual prose
    starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
    n = len(starts)

    def bounds(k: int) -> tuple[int, int]:
        return starts[k], (starts[k + 1] - 1) if k + 1 < n else len(text)

    # Only lines holding a separator can be a heading: find them, not every line.
    lines = sorted({bisect.bisect_right(starts, m.start()) - 1 for m in _SEPARATOR.finditer(text)})
    token_starts = doc.starts  # the tokens' char starts (cells find their tokens by them)
    keys = doc.keys
    done = -1  # the last line read as part of a table
    for k in lines:
        if k <= done:
            continue
        a, b = bounds(k)
        if not _could_head(text[a:b]):
            continue
        # A heading names a column of figures done or set ("Thực hiện", "Kế hoạch"), on its
        # line or the one below: without such a word on either (a menu "Trang chủ | Thời sự
        # | …"), neither heading reader below can find one; one C-level union says so.
        i = bisect.bisect_left(token_starts, a)
        j = bisect.bisect_left(token_starts, bounds(k + 1)[1] if k + 1 < n else b, i)
        if _NO_KEYS.union(*keys[i:j]).isdisjoint(_ROLE_KEYS):
            continue
        # A heading, on one line or two, has cells of words only; both readers below ask this
        # first: asked once here, most lines with cells (rows of figures) stop at it.
        top = split_cells(text, a, b)
        if top is None or len(top[1]) < 2 or not words_only(doc, top[1]):
            continue
        head = None
        j = k + 1
        if k + 2 < n and (width := split_cells(text, *bounds(k + 2))) is not None:
            two = two_line_columns(doc, token_starts, (a, b), bounds(k + 1), len(width[1]))
            head = _named(doc, *two) if two is not None else None
            j = k + 2
        if head is None:
            head = _header(doc, token_starts, a, b)
            j = k + 1
        if head is None:
            continue
        sep, cols, label_col = head
        rows: list[list[tuple[int, int]]] = []
        short: list[list[tuple[int, int]]] = []  # rows lacking end cells, kept if a row follows
        while j < n:
            found = split_cells(text, *bounds(j))
            if found is None or found[0] != sep or len(found[1]) > len(cols):
                break
            if len(found[1]) < len(cols):
                # "Tỷ lệ huy động trẻ    %": a parent row without figures lost its empty cells
                if not words_only(doc, found[1]) or len(short) >= _MAX_SHORT:
                    break
                end = found[1][-1][1]
                short.append(found[1] + [(end, end)] * (len(cols) - len(found[1])))
            else:
                rows += [*short, found[1]]
                short = []
            j += 1
        j -= len(short)
        if rows:
            out.lines.append((a, bounds(j - 1)[1] + 1))
            _read_rows(doc, token_starts, sep, cols, label_col, rows, out)
            done = j - 1
    return out


_Cell = tuple[Decimal, Decimal | None, str | None, str | None]  # value, max, unit, bound
_Read = tuple[Decimal, Decimal | None, str, str | None]  # read_figure's answer


def _indent(text: str, at: int, sep: str) -> int:
    """Spaces before a name cell's text: in its cell (a tab or "|" table), or at the line start
    (a table apart by spaces, where the name is the first cell)."""
    k = at
    while k > 0 and text[k - 1] == " ":
        k -= 1
    if sep == " ":
        return at - k if k == 0 or text[k - 1] == "\n" else 0
    return at - k


def _read_rows(
    doc: Prepared,
    starts: list[int],
    sep: str,
    cols: list[Column],
    label_col: int | None,
    rows: list[list[tuple[int, int]]],
    out: Tables,
) -> None:
    text = doc.text
    actual = [i for i, c in enumerate(cols) if c.role == "actual"]
    done_years = [y for i in actual if (y := cols[i].year) is not None]
    last_done = max(done_years) if done_years else None
    # A plan column is a target when nothing is reported for its year (or at all).
    planned = [
        i
        for i, c in enumerate(cols)
        if c.role == "plan"
        and (not actual or (c.year is not None and last_done is not None and c.year > last_done))
    ]
    unit_col = next((i for i, c in enumerate(cols) if c.role == "unit"), None)
    named: list[tuple[list[tuple[int, int]], list[_Read | None], int, str | None]] = []
    outline: list[RowName] = []
    for cells in rows:
        texts = [text[s:e] for s, e in cells]
        # What each cell reads as a figure, once: the name, the row's figures and its result
        # and target all ask (read_figure depends on the cell's text alone).
        figures_read = [read_figure(doc, t) for t in texts]
        name_at = next(
            (
                i
                for i, t in enumerate(texts)
                if cols[i].role is None
                and i != label_col
                and t
                and not _ROW_LABEL.match(t)
                and label_rank(t) is None
                and (not figures_read[i] or marked_name(doc, t))
            ),
            None,
        )
        if name_at is None:
            continue
        name = texts[name_at]
        unit = texts[unit_col] if unit_col is not None and texts[unit_col] not in _DASHES else None
        if unit_col is None and (bracket := _NAME_UNIT.search(name)) and is_unit(doc, bracket[1]):
            name, unit = name[: bracket.start()], bracket[1].strip()
        label = texts[label_col] if label_col is not None and label_col < name_at else None
        cats, _ = cell_cats(doc, starts, *cells[name_at])
        heading = not cats.isdisjoint(HEADING_CATS)
        figures = any(
            cols[i].role not in (None, "unit") and read for i, read in enumerate(figures_read)
        )
        indent = _indent(text, cells[name_at][0], sep)
        outline.append(RowName(label, name, indent, heading, figures))
        named.append((cells, figures_read, name_at, unit))
    names = name_rows(doc.lexicon, outline)
    for (cells, figures_read, name_at, unit), row_name in zip(named, names, strict=True):
        if row_name is None:
            continue
        name = row_name

        def figure(
            i: int, figures_read: list[_Read | None] = figures_read, unit: str | None = unit
        ) -> _Cell | None:
            found = figures_read[i]
            if found is None:
                return None
            lo, hi, rest, bound = found
            return lo, hi, unit or rest or None, bound

        span = cells[name_at][0], cells[-1][1]
        if actual:
            value = figure(actual[-1])
            pot = change = None
            for i, c in enumerate(cols):
                got = figure(i)
                if got is None or got[1] is not None:
                    continue
                if c.role == "ratio_plan":
                    pot = pot if pot is not None else got[0]
                elif c.role == "ratio_period":
                    change = change if change is not None else got[0] - HUNDRED
            if value is not None or pot is not None:
                out.results.append(
                    ExtractedResult(
                        name=name,
                        value=value[0] if value is not None and value[1] is None else None,
                        unit=value[2] if value is not None else None,
                        estimated=cols[actual[-1]].estimated,
                        percent_of_target=pot,
                        change_percent=change,
                        status=None,
                        span=span,
                        sentence=-1,
                        rule="table.result",
                    )
                )
        for i in planned:
            got = figure(i)
            if got is None:
                continue
            lo, hi, u, bound = got
            if hi is not None:
                comparator = "range"
            else:  # (the name's words read only when no bound says it)
                comparator = bound or ("<=" if is_lower_better(doc, name) else ">=")
            out.targets.append(
                ExtractedTarget(
                    name=name,
                    kind="level",
                    comparator=comparator,
                    value=lo,
                    value_max=hi,
                    unit=u,
                    basis=None,
                    span=span,
                    sentence=-1,
                    rule="table.target",
                )
            )
