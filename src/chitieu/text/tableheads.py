"""A heading on two lines in a table pasted as text: which cell of each line is over which
column.

    Chỉ tiêu | ĐVT | Năm 2025           | Năm 2026
             |     | Kế hoạch | Thực hiện | Kế hoạch | Ước TH

A pasted table has lost its merges, so the columns are read back from the two lines and the
width of the rows below. A top cell with nothing under it spans both lines ("Chỉ tiêu", "ĐVT");
a top cell over sub-headings is a group ("Năm 2025") spanning as many columns as it has
sub-headings. Where the lower line kept its empty cells (a tab or "|" table: "||Kế hoạch|…")
their places say which top cells stand alone; where it did not (a table apart by spaces), the
top cells that can head a group are those naming a period or a kind of figure ("Năm 2025",
"Thực hiện 6 tháng"). The sub-headings split among the groups where a kind repeats ("Kế hoạch |
Thực hiện | Kế hoạch | Ước TH": two groups), else evenly. A top line whose cells already stand
over every column (its merged cells pasted as empty cells: "Năm 2025 | | Năm 2026 |") is read
cell by cell, an empty top cell taking the group cell to its left.

pair_columns gives, for each column, (top cell, lower cell or None); two_line_columns then reads
each column from the words of both, as a document's merged heading does (doctables.py), the
lower cell's kind first.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from chitieu.text.cues import has_prefix, tag_cats
from chitieu.text.tablecells import (
    PERIOD_CATS,
    Column,
    cell_cats,
    read_column,
    split_cells,
    words_only,
)
from chitieu.text.tokens import Prepared

Slot = tuple[int, int | None]  # (top cell, lower cell or None) of one column


@dataclass(frozen=True)
class HeadCell:
    """What the table reader knows of one heading cell."""

    empty: bool
    role: str | None  # the kind of figure the cell names alone (tables._column)
    groups: bool = False  # may head a group: words, not the unit column
    period: bool = False  # names a period or a kind of figure ("Năm 2025", "Thực hiện")


def _split(roles: list[str | None], count: int) -> list[int] | None:
    """Sizes of `count` groups over sub-headings of these roles: a new group where a role
    repeats, else equal sizes; None when neither gives `count`."""
    sizes: list[int] = []
    seen: set[str] = set()
    for role in roles:
        if not sizes or (role is not None and role in seen):
            sizes.append(0)
            seen = set()
        sizes[-1] += 1
        if role is not None:
            seen.add(role)
    if len(sizes) == count:
        return sizes
    if count and len(roles) % count == 0:
        return [len(roles) // count] * count
    return None


def _cell_by_cell(top: list[HeadCell], below: list[HeadCell]) -> list[Slot]:
    slots: list[Slot] = []
    group: int | None = None  # the top cell over the sub-headings to the left, if any
    for i, (t, b) in enumerate(zip(top, below, strict=True)):
        if not t.empty:
            group = i if not b.empty else None
            slots.append((i, None if b.empty else i))
        elif group is not None and not b.empty:
            slots.append((group, i))
        else:
            slots.append((i, None if b.empty else i))
    return slots


def pair_columns(top: list[HeadCell], below: list[HeadCell], width: int) -> list[Slot] | None:
    """Each column's (top cell, lower cell), or None when the two lines do not fit the width."""
    if below and below[0].empty and len(below) < width:
        # The lower line kept its empty cells but not the last ones: they stand alone.
        below = below + [HeadCell(True, None)] * (width - len(below))
    if len(below) == width and any(t.empty for t in top[1:]) and len(top) <= width:
        # The top line kept its merged cells' empty cells ("Thực hiện 6 tháng | | So sánh").
        return _cell_by_cell(top + [HeadCell(True, None)] * (width - len(top)), below)
    if len(top) >= width or not below or len(below) > width:
        return None
    if below[0].empty:  # the lower line kept its empty cells: they mark the single columns
        return _by_places(top, below)
    return _by_kinds(top, below, width)


def _by_places(top: list[HeadCell], below: list[HeadCell]) -> list[Slot] | None:
    runs: list[tuple[int, int]] = []  # (first, end) of each run of sub-headings
    i = 0
    while i < len(below):
        if below[i].empty:
            i += 1
            continue
        j = i
        while j < len(below) and not below[j].empty:
            j += 1
        runs.append((i, j))
        i = j
    singles = sum(1 for b in below if b.empty)
    groups = len(top) - singles
    if groups < len(runs) or not runs:
        return None
    if groups == len(runs):  # one group over each run of sub-headings
        sizes = [[e - s] for s, e in runs]
    elif len(runs) == 1:  # "Năm 2025 | Năm 2026" over one run of four
        s, e = runs[0]
        found = _split([below[k].role for k in range(s, e)], groups)
        if found is None:
            return None
        sizes = [found]
    else:
        return None
    slots: list[Slot] = []
    at = 0  # the next top cell
    k = 0
    run_sizes = iter(sizes)
    while k < len(below):
        if below[k].empty:
            if at >= len(top):
                return None
            slots.append((at, None))
            at, k = at + 1, k + 1
            continue
        for size in next(run_sizes):
            if at >= len(top) or not top[at].groups:
                return None
            slots.extend((at, c) for c in range(k, k + size))
            at, k = at + 1, k + size
    return slots if at == len(top) else None


def _by_kinds(top: list[HeadCell], below: list[HeadCell], width: int) -> list[Slot] | None:
    """The lower line lost its empty cells: the top cells that can head a group, contiguous,
    are the groups; the others stand alone."""
    groups = [i for i, t in enumerate(top) if t.groups and t.period and i > 0]
    if not groups or groups != list(range(groups[0], groups[-1] + 1)):
        return None
    if len(top) - len(groups) + len(below) != width:
        return None
    sizes = _split([b.role for b in below], len(groups))
    if sizes is None:
        return None
    slots: list[Slot] = [(i, None) for i in range(groups[0])]
    k = 0
    for g, size in zip(groups, sizes, strict=True):
        slots.extend((g, c) for c in range(k, k + size))
        k += size
    slots.extend((i, None) for i in range(groups[-1] + 1, len(top)))
    return slots


def two_line_columns(
    doc: Prepared, starts: list[int], top: tuple[int, int], below: tuple[int, int], width: int
) -> tuple[str, list[Column], tuple[int, int]] | None:
    """A heading on two lines: its separator, its columns (each read from its group's words and
    its own, "Năm 2025" + "Kế hoạch") and its first top cell."""
    text = doc.text
    found = split_cells(text, *top)
    if found is None or len(found[1]) < 2 or not words_only(doc, found[1]):
        return None
    sep, up = found
    lower = split_cells(text, *below, outer=text[top[0] : top[1]].lstrip().startswith("|"))
    if lower is None or lower[0] != sep or not words_only(doc, lower[1]):
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
    down_cols = [read_column(doc, starts, [c]) if c[0] < c[1] else Column(None) for c in down]
    if not any(c.role is not None and c.role != "unit" for c in down_cols):
        return None
    heads = []
    for i, c in enumerate(up):
        col = read_column(doc, starts, [c])
        cats, _ = cell_cats(doc, starts, *c)
        period = col.year is not None or not cats.isdisjoint(PERIOD_CATS)
        heads.append(
            HeadCell(c[0] >= c[1], col.role, col.role != "unit" and i > 0, period or bool(col.role))
        )
    lows = [HeadCell(c[0] >= c[1], col.role) for c, col in zip(down, down_cols, strict=True)]
    slots = pair_columns(heads, lows, width)
    if slots is None:
        return None
    cols = [
        read_column(doc, starts, [up[t]]) if d is None else _paired(doc, starts, up[t], down[d])
        for t, d in slots
    ]
    return sep, cols, up[0]


def _plain_words(doc: Prepared, starts: list[int], a: int, b: int) -> int:
    """Words in chars [a, b) that no heading phrase covers ("tháng" in "6 tháng")."""
    count = 0
    i = bisect.bisect_left(starts, a)
    while i < len(doc.starts) and doc.starts[i] < b:
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
    own = read_column(doc, starts, [down])
    if own.role in _RATIOS or own.role == "unit":
        return own
    both = read_column(doc, starts, [up, down])
    if both.role in _RATIOS or own.role not in ("actual", "plan"):
        return both
    return Column(own.role, own.role == "actual" and both.estimated, own.year or both.year)


_RATIOS = ("ratio_plan", "ratio_period")
