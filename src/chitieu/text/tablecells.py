"""The cells of a line of a table pasted as text, and what a cell holds: a figure ("135,6",
"8 - 8,5", "dưới 1"), a unit ("tỷ đồng", "triệu đồng/người/năm"). Shared by the heading and the
row readers (tables.py, tables' two-line headings)."""

from __future__ import annotations

import re
from decimal import Decimal

from chitieu.numbers import NumberFormatError, parse_number
from chitieu.text.lexicon import split_words
from chitieu.text.normalize import fold_phrase
from chitieu.text.tokens import Prepared

_SEPARATORS = {"\t": re.compile(r"\t"), "|": re.compile(r"\|"), " ": re.compile(r" {2,}")}
_NUMBER = re.compile(r"^([^\d+-]*?)\s*([+-]?\d+(?:[.,]\d+)*)\s*(?:-\s*(\d+(?:[.,]\d+)*))?\s*(.*)$")
_MAX_CELLS = 40
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
