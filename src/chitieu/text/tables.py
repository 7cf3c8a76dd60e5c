"""Tables of targets and results pasted as text, read by their heading row.

    Chỉ tiêu            ĐVT       Kế hoạch   Thực hiện   Tỷ lệ (%)
    Thu ngân sách       tỷ đồng   120        135,6       113

Cells are apart by a tab, a "|" or two or more spaces. The heading row says what each column
holds (grammar/vi/tables.toml, with the reader's own plan/report/period words): the unit, the
figures done ("Thực hiện", "Ước TH": results, estimated under "ước"), the figures set ("Kế
hoạch 2027": targets, unless a report quotes them beside its results for the same year), and
percentages of the plan or of the same period ("So cùng kỳ (%)": a ratio, change = X - 100).
Each data row below gives one result and/or one target; its name loses a list mark ("- Thu
nội địa") and, with no unit column, a unit in brackets at its end ("Thu ngân sách (tỷ đồng)"). A row alone ("Thu ngân sách<TAB>tỷ
đồng<TAB>420") is read by the ordinary rules (columns.py gives its unit).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from decimal import Decimal

from chitieu.numbers import NumberFormatError, parse_number
from chitieu.text.cues import tag_cats
from chitieu.text.items import ExtractedResult, ExtractedTarget
from chitieu.text.lexicon import split_words
from chitieu.text.naming import is_lower_better
from chitieu.text.normalize import fold_phrase
from chitieu.text.subrows import HEADING_CATS, RowName, label_rank, name_rows
from chitieu.text.tokens import Prepared

HUNDRED = Decimal(100)
_SEPARATORS = {"\t": re.compile(r"\t"), "|": re.compile(r"\|"), " ": re.compile(r" {2,}")}
_NUMBER = re.compile(r"^([^\d+-]*?)\s*([+-]?\d+(?:[.,]\d+)*)\s*(?:-\s*(\d+(?:[.,]\d+)*))?\s*(.*)$")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_ROW_LABEL = re.compile(r"^(?:\d{1,3}|[ivx]{1,4}|[a-zđ])[.)]?$", re.IGNORECASE)
_NEWLINE = re.compile("\n")
_SEPARATOR = re.compile(r"\t|\||  ")
_MAX_CELLS = 40
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


def _cells(text: str, a: int, b: int) -> tuple[str, list[tuple[int, int]]] | None:
    """The separator of the line [a, b) and its cells' char spans (stripped; a tab or "|"
    keeps empty cells so columns stay aligned)."""
    line = text[a:b]
    sep = "\t" if "\t" in line else ("|" if "|" in line else (" " if "  " in line else None))
    if sep is None or line.count(sep) > _MAX_CELLS * (2 if sep == " " else 1):
        return None  # no cells, or not a table anyone reads ("||||…")
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _SEPARATORS[sep].finditer(line):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(line)))
    out = []
    for s, e in spans:
        cell = line[s:e]
        lead = len(cell) - len(cell.lstrip())
        out.append((a + s + lead, a + s + len(cell.rstrip())))
    if sep == "|":  # "| a | b |": the outer bars make empty end cells
        first = 1 if out and out[0][0] >= out[0][1] else 0
        last = len(out) - 1 if len(out) > first and out[-1][0] >= out[-1][1] else len(out)
        out = out[first:last]
    if sep == " ":
        out = [c for c in out if c[0] < c[1]]
    return sep, out


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


def _column(doc: Prepared, starts: list[int], a: int, b: int) -> Column:
    cats, percent = _cell_cats(doc, starts, a, b)
    years = [int(y) for y in _YEAR.findall(doc.text[a:b])]
    year = max(years) if years else None
    if "tables.unit_column" in cats:
        return Column("unit")
    if percent or "tables.ratio" in cats or "references.compare" in cats:
        period = not cats.isdisjoint(("tables.period", "references.period", "modes.result_basis"))
        has_plan = not cats.isdisjoint(("tables.plan", "references.plan"))
        return Column("ratio_period" if period and not has_plan else "ratio_plan")
    if not cats.isdisjoint(("tables.actual", "modes.estimated", "modes.result")):
        estimated = not cats.isdisjoint(("modes.estimated", "tables.estimated"))
        return Column("actual", estimated, year)
    if not cats.isdisjoint(("tables.plan", "references.plan")):
        return Column("plan", year=year)
    return Column(None)


_BOUNDS = {"comparators.at_least": ">=", "comparators.at_most": "<=", "comparators.about": "~"}


def _figure(doc: Prepared, text: str) -> tuple[Decimal, Decimal | None, str, str | None] | None:
    """(value, upper bound, words after, comparator) of a cell: "135,6", "8 - 8,5", "dưới 1",
    "1.310 tỷ đồng"; None when the cell is no figure (words before a number must be a bound)."""
    m = _NUMBER.match(text)
    if m is None:
        return None
    bound = None
    if m.group(1):
        words = list(split_words(fold_phrase(m.group(1))))
        found = doc.lexicon.cues.longest(words, 0)
        if found is None or found[0] != len(words):
            return None
        bound = next((c for k, c in _BOUNDS.items() if k in found[1].categories), None)
        if bound is None:
            return None
    try:
        lo = parse_number(m.group(2))
        hi = parse_number(m.group(3)) if m.group(3) else None
    except NumberFormatError:
        return None
    if hi is not None and hi < lo:
        lo, hi = hi, lo
    return lo, hi, " ".join(m.group(4).split()), bound


def _is_unit(doc: Prepared, text: str) -> bool:
    """The words are a unit and nothing else ("tỷ đồng", "%", "ha", "triệu đồng/người/năm")."""
    if text.strip() in ("%", "‰"):
        return True
    words = list(split_words(fold_phrase(text)))
    lexicon = doc.lexicon
    found = lexicon.units.longest(words, 0) if words else None
    at = found[0] if found is not None else 0
    while at and at + 1 < len(words) and words[at] == "/":  # "/người/năm"
        found = lexicon.per.longest(words, at + 1) or lexicon.units.longest(words, at + 1)
        at = at + 1 + found[0] if found is not None else 0
    return at == len(words) > 0


def _header(
    doc: Prepared, starts: list[int], a: int, b: int
) -> tuple[str, list[Column], int | None] | None:
    found = _cells(doc.text, a, b)
    if found is None or len(found[1]) < 3:
        return None
    sep, cells = found
    # A heading names columns: no figure but years ("Kế hoạch 2027").
    if any(_figure(doc, doc.text[s:e]) and not _YEAR.fullmatch(doc.text[s:e]) for s, e in cells):
        return None
    cols = [_column(doc, starts, s, e) for s, e in cells]
    # The first column but a row number ("STT") names the rows, whatever its heading says
    # ("Chỉ tiêu", "Nội dung").
    first = 1 if _ORDINAL.match(doc.folded[cells[0][0] : cells[0][1]]) else 0
    if first < len(cols):
        cols[first] = Column(None)
    if not any(c.role in ("actual", "plan") for c in cols):
        return None
    return sep, cols, 0 if first else None


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
        head = _header(doc, token_starts, a, b)
        if head is None:
            continue
        sep, cols, label_col = head
        rows = []
        j = k + 1
        while j < n:
            found = _cells(text, *bounds(j))
            if found is None or found[0] != sep or len(found[1]) != len(cols):
                break
            rows.append(found[1])
            j += 1
        if rows:
            out.lines.append((a, bounds(j - 1)[1] + 1))
            _read_rows(doc, token_starts, sep, cols, label_col, rows, out)
            done = j - 1
    return out


_Cell = tuple[Decimal, Decimal | None, str | None, str | None]  # value, max, unit, bound


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
                and not _figure(doc, t)
            ),
            None,
        )
        if name_at is None:
            continue
        name = texts[name_at]
        unit = texts[unit_col] if unit_col is not None and texts[unit_col] not in _DASHES else None
        if unit_col is None and (bracket := _NAME_UNIT.search(name)) and _is_unit(doc, bracket[1]):
            name, unit = name[: bracket.start()], bracket[1].strip()
        label = texts[label_col] if label_col is not None and label_col < name_at else None
        cats, _ = _cell_cats(doc, starts, *cells[name_at])
        heading = not cats.isdisjoint(HEADING_CATS)
        outline.append(RowName(label, name, _indent(text, cells[name_at][0], sep), heading))
        named.append((cells, texts, name_at, unit))
    names = name_rows(doc.lexicon, outline)
    for (cells, texts, name_at, unit), row_name in zip(named, names, strict=True):
        if row_name is None:
            continue
        name = row_name

        def figure(i: int, texts: list[str] = texts, unit: str | None = unit) -> _Cell | None:
            found = _figure(doc, texts[i])
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
