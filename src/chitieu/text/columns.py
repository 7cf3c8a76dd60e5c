"""Tables pasted as text: one row per line, cells apart by a tab, two or more spaces or "|".

Office tables of targets put the unit in its own column before the figure ("Đơn vị tính"):
"Thu ngân sách trên địa bàn<TAB>tỷ đồng<TAB>420", "Tỷ lệ che phủ rừng | % | 48". The figure then
has no unit after it; the cell right before it, when it is a unit and nothing else, gives it.
"""

from __future__ import annotations

from collections.abc import Callable

from chitieu.text.tokens import Prepared

UnitRead = tuple[str, str, int]  # (unit as written, kind, token index after it)

_PIPE = "|"
_MAX_UNIT_TOKENS = 6  # "triệu đồng/người/năm"


def cell_break(doc: Prepared, i: int) -> bool:
    """A cell ends right before token i on the same line: a tab, 2+ spaces or a "|"."""
    if i <= 0:
        return False
    if doc.words[i - 1] == _PIPE:
        return True
    gap = doc.text[doc.ends[i - 1] : doc.starts[i]]
    return "\n" not in gap and ("\t" in gap or "  " in gap)


def column_unit(
    doc: Prepared, i: int, read_unit: Callable[[Prepared, int], UnitRead | None]
) -> tuple[str, str, int] | None:
    """(unit, kind, first token of its cell) when the cell before the number at token i is a
    unit alone and another cell (the indicator's name) comes before it on the same line."""
    if not cell_break(doc, i):
        return None
    end = i - 1 if doc.words[i - 1] == _PIPE else i  # the unit cell ends here
    start = end - 1
    while start > 0 and end - start < _MAX_UNIT_TOKENS and not cell_break(doc, start):
        start -= 1
    if start <= 0 or start >= end or not cell_break(doc, start):
        return None
    name_end = start - 1 if doc.words[start - 1] == _PIPE else start
    if name_end <= 0 or doc.kinds[name_end - 1] != "word":
        return None  # no name cell before (or a number: a unit after a figure)
    if "\n" in doc.text[doc.ends[name_end - 1] : doc.starts[start]]:
        return None
    found = read_unit(doc, start)
    if found is None or found[2] != end:
        return None
    return found[0], found[1], start
