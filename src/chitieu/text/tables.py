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

from chitieu.text.cues import has_prefix, tag_cats
from chitieu.text.items import ExtractedResult, ExtractedTarget
from chitieu.text.naming import is_lower_better
from chitieu.text.subrows import HEADING_CATS, RowName, label_rank, name_rows, split_mark
from chitieu.text.tablecells import YEAR, is_unit, read_figure, split_cells
from chitieu.text.tableheads import HeadCell, pair_columns
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


@dataclass
class Column:
    role: str | None  # "unit" | "actual" | "plan" | "ratio_plan" | "ratio_period" | None
    estimated: bool = False
    year: int | None = None


@dataclass
class Tables:
    lines: list[tuple[int, int]] = field(default_factory=list)  # char spans read here
    targets: list[ExtractedTarget] = field(default_factory=list)
    results: list[ExtractedResult] = field(default_factory=list)

    def covers(self, pos: int) -> bool:
        """Char `pos` lies in a table read here (lines are sorted and apart)."""
        j = bisect.bisect_right(self.lines, (pos, 1 << 62)) - 1
        return j >= 0 and self.lines[j][0] <= pos < self.lines[j][1]


def _cell_cats(doc: Prepared, starts: list[int], a: int, b: int) -> tuple[frozenset[str], bool]:
    """The categories of the phrases in chars [a, b), and whether a "%" is there."""
    cats: set[str] = set()
    percent = False
    i = bisect.bisect_left(starts, a)
    while i < len(doc.tokens) and doc.tokens[i].start < b:
        cats |= tag_cats(doc, i)
        percent = percent or doc.tokens[i].text == "%"
        i += 1
    return frozenset(cats), percent


def _column(doc: Prepared, starts: list[int], spans: list[tuple[int, int]]) -> Column:
    """What the figures under a heading are, from the words of its cells (one, or a group's
    and its own on a two-line heading)."""
    cats: frozenset[str] = frozenset()
    percent = False
    years: list[int] = []
    for a, b in spans:
        more, pct = _cell_cats(doc, starts, a, b)
        cats, percent = cats | more, percent or pct
        years += [int(y) for y in YEAR.findall(doc.text[a:b])]
    year = max(years) if years else None
    if "tables.unit_column" in cats:
        return Column("unit")
    if percent or "tables.ratio" in cats or "references.compare" in cats:
        period = not cats.isdisjoint(_PERIOD_CATS)
        has_plan = not cats.isdisjoint(("tables.plan", "references.plan"))
        return Column("ratio_period" if period and not has_plan else "ratio_plan")
    if not cats.isdisjoint(("tables.actual", "modes.estimated", "modes.result")):
        estimated = not cats.isdisjoint(("modes.estimated", "tables.estimated"))
        return Column("actual", estimated, year)
    if not cats.isdisjoint(("tables.plan", "references.plan")):
        return Column("plan", year=year)
    return Column(None, year=year)


_PERIOD_CATS = ("tables.period", "references.period", "modes.result_basis")


def _words_only(doc: Prepared, cells: list[tuple[int, int]]) -> bool:
    """No figure but years ("Kế hoạch 2027") and numbered names ("2. Tỷ lệ trẻ …"): a heading,
    or a row without figures."""
    text = doc.text
    return not any(
        read_figure(doc, t) and not YEAR.fullmatch(t) and not _marked_name(doc, t)
        for t in (text[s:e] for s, e in cells)
    )


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
    if found is None or len(found[1]) < 3 or not _words_only(doc, found[1]):
        return None
    sep, cells = found
    return _named(doc, sep, [_column(doc, starts, [cell]) for cell in cells], cells[0])


def _two_line_header(
    doc: Prepared, starts: list[int], top: tuple[int, int], below: tuple[int, int], width: int
) -> _Head | None:
    """A heading on two lines (tableheads.py): its columns, each read from its group's words
    and its own ("Năm 2025" + "Kế hoạch")."""
    text = doc.text
    found = split_cells(text, *top)
    if found is None or len(found[1]) < 2 or not _words_only(doc, found[1]):
        return None
    sep, up = found
    lower = split_cells(text, *below, outer=text[top[0] : top[1]].lstrip().startswith("|"))
    if lower is None or lower[0] != sep or not _words_only(doc, lower[1]):
        return None
    down = lower[1]
    # Sub-headings stand under the groups, not under the rows' names: a first cell empty (tab,
    # "|") or, apart by spaces, starting past the end of the top line's first.
    if not down or (
        down[0][0] < down[0][1] if sep != " " else down[0][0] - below[0] <= up[0][1] - top[0]
    ):
        return None
    if any(_plain_words(doc, starts, *c) > 1 for c in down):
        return None  # "Tỷ lệ hộ nghèo": a row's name, not a sub-heading
    down_cols = [_column(doc, starts, [c]) if c[0] < c[1] else Column(None) for c in down]
    if not any(c.role is not None and c.role != "unit" for c in down_cols):
        return None
    heads = []
    for i, c in enumerate(up):
        col = _column(doc, starts, [c])
        cats, _ = _cell_cats(doc, starts, *c)
        period = col.year is not None or not cats.isdisjoint(_PERIOD_CATS)
        heads.append(
            HeadCell(c[0] >= c[1], col.role, col.role != "unit" and i > 0, period or bool(col.role))
        )
    lows = [HeadCell(c[0] >= c[1], col.role) for c, col in zip(down, down_cols, strict=True)]
    slots = pair_columns(heads, lows, width)
    if slots is None:
        return None
    cols = [
        _column(doc, starts, [up[t]]) if d is None else _paired(doc, starts, up[t], down[d])
        for t, d in slots
    ]
    return _named(doc, sep, cols, up[0])


def _plain_words(doc: Prepared, starts: list[int], a: int, b: int) -> int:
    """Words in chars [a, b) that no heading phrase covers ("tháng" in "6 tháng")."""
    count = 0
    i = bisect.bisect_left(starts, a)
    while i < len(doc.tokens) and doc.tokens[i].start < b:
        if doc.kinds[i] == "word" and not has_prefix(tag_cats(doc, i), _HEADING_WORDS):
            count += 1
        i += 1
    return count


_HEADING_WORDS = ("tables.", "references.", "modes.")


def _paired(doc: Prepared, starts: list[int], up: tuple[int, int], down: tuple[int, int]) -> Column:
    """A column under a group: the words of both ("Năm 2025" + "Kế hoạch": a plan for 2025;
    "So sánh (%)" + "Cùng kỳ": a ratio to the same period), the lower cell's kind first
    ("Thực hiện 6 tháng" + "Kế hoạch năm": the plan; "Năm 2025" + "Tỷ lệ (%)": a ratio to
    the plan, the year being no "same period")."""
    own = _column(doc, starts, [down])
    if own.role in _RATIOS or own.role == "unit":
        return own
    both = _column(doc, starts, [up, down])
    if both.role in _RATIOS or own.role not in ("actual", "plan"):
        return both
    return Column(own.role, own.role == "actual" and both.estimated, own.year or both.year)


_RATIOS = ("ratio_plan", "ratio_period")


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
    token_starts: list[int] = []  # built on the first line that could be a heading
    done = -1  # the last line read as part of a table
    for k in lines:
        if k <= done:
            continue
        a, b = bounds(k)
        if not _could_head(text[a:b]):
            continue
        if not token_starts:
            token_starts.extend([t.start for t in doc.tokens])
        head = None
        j = k + 1
        if k + 2 < n and (width := split_cells(text, *bounds(k + 2))) is not None:
            head = _two_line_header(doc, token_starts, (a, b), bounds(k + 1), len(width[1]))
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
                if not _words_only(doc, found[1]) or len(short) >= _MAX_SHORT:
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


def _marked_name(doc: Prepared, text: str) -> bool:
    """ "1. Diện tích gieo trồng", "1.1. Lúa": a numbered name, not the figure 1 ("12.5 ha" is
    a figure: a unit follows)."""
    mark, rest = split_mark(text)
    return mark is not None and rest[:1].isalpha() and not is_unit(doc, rest)


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
    named: list[tuple[list[tuple[int, int]], list[str], int, str | None]] = []
    outline: list[RowName] = []
    for cells in rows:
        texts = [text[s:e] for s, e in cells]
        name_at = next(
            (
                i
                for i, t in enumerate(texts)
                if cols[i].role is None
                and i != label_col
                and t
                and not _ROW_LABEL.match(t)
                and label_rank(t) is None
                and (not read_figure(doc, t) or _marked_name(doc, t))
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
        cats, _ = _cell_cats(doc, starts, *cells[name_at])
        heading = not cats.isdisjoint(HEADING_CATS)
        figures = any(
            cols[i].role not in (None, "unit") and read_figure(doc, t) for i, t in enumerate(texts)
        )
        indent = _indent(text, cells[name_at][0], sep)
        outline.append(RowName(label, name, indent, heading, figures))
        named.append((cells, texts, name_at, unit))
    names = name_rows(doc.lexicon, outline)
    for (cells, texts, name_at, unit), row_name in zip(named, names, strict=True):
        if row_name is None:
            continue
        name = row_name

        def figure(i: int, texts: list[str] = texts, unit: str | None = unit) -> _Cell | None:
            found = read_figure(doc, texts[i])
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
            lower = "<=" if is_lower_better(doc, name) else ">="
            comparator = "range" if hi is not None else (bound or lower)
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
