"""The cells of a line of a table pasted as text, and what a cell holds: a figure ("135,6",
"8 - 8,5", "dưới 1"), a unit ("tỷ đồng", "triệu đồng/người/năm"), a numbered name ("1. Diện
tích …"), or a heading's kind of column ("Ước TH 2026": estimated results for 2026). Shared by
the row reader (tables.py) and the heading readers (tables.py, tableheads.py)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal

from chitieu.numbers import NumberFormatError, parse_number
from chitieu.text.lexicon import split_words
from chitieu.text.normalize import fold_phrase
from chitieu.text.subrows import split_mark
from chitieu.text.tokens import Prepared

_SEPARATORS = {"\t": re.compile(r"\t"), "|": re.compile(r"\|"), " ": re.compile(r" {2,}")}
_NUMBER = re.compile(r"^([^\d+-]*?)\s*([+-]?\d+(?:[.,]\d+)*)\s*(?:-\s*(\d+(?:[.,]\d+)*))?\s*(.*)$")
_MAX_CELLS = 40
_DIGIT = re.compile(r"\d")  # what _NUMBER needs at least once
YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def split_cells(
    text: str, a: int, b: int, outer: bool = True
) -> tuple[str, list[tuple[int, int]]] | None:
    """The separator of the line [a, b) and its cells' char spans (stripped; a tab or "|"
    keeps empty cells so columns stay aligned; `outer`: a "|" at an end is an outer bar)."""
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
    if sep == "|" and outer:  # "| a | b |": the outer bars make empty end cells
        first = 1 if out and out[0][0] >= out[0][1] else 0
        last = len(out) - 1 if len(out) > first and out[-1][0] >= out[-1][1] else len(out)
        out = out[first:last]
    if sep == " ":
        out = [c for c in out if c[0] < c[1]]
    return sep, out


_BOUNDS = {"comparators.at_least": ">=", "comparators.at_most": "<=", "comparators.about": "~"}


def read_figure(doc: Prepared, text: str) -> tuple[Decimal, Decimal | None, str, str | None] | None:
    """(value, upper bound, words after, comparator) of a cell: "135,6", "8 - 8,5", "dưới 1",
    "1.310 tỷ đồng"; None when the cell is no figure (words before a number must be a bound)."""
    if _DIGIT.search(text) is None:
        return None  # no digit, no figure: a name or a unit cell (the search costs less)
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


def is_unit(doc: Prepared, text: str) -> bool:
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


@dataclass
class Column:
    """What the figures under a heading are."""

    role: str | None  # "unit" | "actual" | "plan" | "ratio_plan" | "ratio_period" | None
    estimated: bool = False
    year: int | None = None


def cell_cats(doc: Prepared, starts: list[int], a: int, b: int) -> tuple[frozenset[str], bool]:
    """The categories of the phrases in chars [a, b), and whether a "%" is there."""
    # The cell's tokens by two binary searches, their keys in one C-level union.
    i = bisect.bisect_left(starts, a)
    j = bisect.bisect_left(starts, b, i)
    return _NO_CATS.union(*doc.keys[i:j]), "%" in doc.words[i:j]


_NO_CATS: frozenset[str] = frozenset()


def read_column(doc: Prepared, starts: list[int], spans: list[tuple[int, int]]) -> Column:
    """What the figures under a heading are, from the words of its cells (one, or a group's
    and its own on a two-line heading)."""
    cats: frozenset[str] = frozenset()
    percent = False
    years: list[int] = []
    for a, b in spans:
        more, pct = cell_cats(doc, starts, a, b)
        cats, percent = cats | more, percent or pct
        years += [int(y) for y in YEAR.findall(doc.text[a:b])]
    year = max(years) if years else None
    if "tables.unit_column" in cats:
        return Column("unit")
    if percent or "tables.ratio" in cats or "references.compare" in cats:
        period = not cats.isdisjoint(PERIOD_CATS)
        has_plan = not cats.isdisjoint(("tables.plan", "references.plan"))
        return Column("ratio_period" if period and not has_plan else "ratio_plan")
    if not cats.isdisjoint(("tables.actual", "modes.estimated", "modes.result")):
        estimated = not cats.isdisjoint(("modes.estimated", "tables.estimated"))
        return Column("actual", estimated, year)
    if not cats.isdisjoint(("tables.plan", "references.plan")):
        return Column("plan", year=year)
    return Column(None, year=year)


PERIOD_CATS = ("tables.period", "references.period", "modes.result_basis")


def words_only(doc: Prepared, cells: list[tuple[int, int]]) -> bool:
    """No figure but years ("Kế hoạch 2027") and numbered names ("2. Tỷ lệ trẻ …"): a heading,
    or a row without figures."""
    text = doc.text
    return not any(
        read_figure(doc, t) and not YEAR.fullmatch(t) and not marked_name(doc, t)
        for t in (text[s:e] for s, e in cells)
    )


def marked_name(doc: Prepared, text: str) -> bool:
    """ "1. Diện tích gieo trồng", "1.1. Lúa": a numbered name, not the figure 1 ("12.5 ha" is
    a figure: a unit follows)."""
    mark, rest = split_mark(text)
    return mark is not None and rest[:1].isalpha() and not is_unit(doc, rest)
