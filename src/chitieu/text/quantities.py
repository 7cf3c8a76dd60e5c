"""Numbers with what makes them a quantity: ranges, N/M counts, units (scale words kept),
per-unit tails ("triệu đồng/người/năm"), and number words that count a noun ("một xã").
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal
from typing import NamedTuple

from chitieu.text.columns import column_unit
from chitieu.text.tokens import Prepared

_SLASH_SPACES = re.compile(r"\s*/\s*")


class Quantity(NamedTuple):  # a tuple: one is built per number read, and tuples build fast
    first: int  # token index of the first number
    last: int  # token index just after the quantity (unit included)
    value: Decimal
    value_max: Decimal | None
    unit: str | None
    unit_kind: str | None  # "count" | "measure" | "currency" | "percent" | None
    total: Decimal | None  # the M of "N/M"
    start: int  # char span
    end: int
    # unit_kind == "percent", stored: every rule asks it of every figure, and a field is read
    # in C where a property runs a Python call.
    is_percent: bool

    @property
    def unit_folded(self) -> str:
        return (self.unit or "").lower()


def _same_line(doc: Prepared, a: int, b: int) -> bool:
    return doc.text.find("\n", doc.ends[a], doc.starts[b]) < 0


def _number_at(doc: Prepared, i: int) -> Decimal | None:
    """The value of the number at token i, unless it is none or lies in a trap."""
    if not 0 <= i < len(doc.kinds) or doc.kinds[i] != "num":
        return None
    value = doc.values[i]
    if value is None or doc.trap_at(doc.starts[i]) is not None:
        return None
    return value


def _unit_at(doc: Prepared, j: int) -> tuple[str, str, int] | None:
    """(unit as written, kind, index after) for a unit starting at token j, or None. A
    number is read again for each range that holds it: its unit is read once."""
    found: tuple[str, str, int] | None = doc.unit_cache.get(j, _UNREAD)
    if found is _UNREAD:
        found = doc.unit_cache[j] = _read_unit(doc, j)
    return found


_UNREAD = ("", "", -1)  # a marker no reading returns


unit_at = _unit_at  # for columns.py: the unit cell before a figure in a table row


def _read_unit(doc: Prepared, j: int) -> tuple[str, str, int] | None:
    words = doc.words
    n = len(words)
    if j >= n:
        return None
    lex = doc.lexicon
    scales = lex.multipliers.children
    # Most tokens after a number open no unit and no scale word: one lookup says so.
    if words[j] not in scales and words[j] not in lex.units.children:
        return None
    text_of = doc.text
    starts, ends = doc.starts, doc.ends
    if text_of.find("\n", ends[j - 1], starts[j]) >= 0:  # _same_line, inlined: once per number
        return None
    k, kind = j, None
    # Scale words, possibly stacked ("ngàn tỷ"); most units open with none.
    while k < n and words[k] in scales:
        found = lex.multipliers.longest(words, k)
        if found is None:
            break
        k += found[0]
    found_unit = lex.units.longest(words, k) if k < n else None
    # (A one-word unit has nothing inside it to glue.)
    if found_unit is not None and found_unit[0] > 1 and not _glued_ok(doc, k, k + found_unit[0]):
        found_unit = None
    if found_unit is not None:
        length, node = found_unit
        entry = node.entry
        kind = lex.unit_kind.get(words[k] if length == 1 else " ".join(words[k : k + length]))
        canonical = entry.canonical if entry is not None else None
        end = k + length
        if canonical and k == j:
            text = canonical
        elif end == j + 1:
            text = text_of[starts[j] : ends[j]]  # span_text of one token: no space inside it
        else:
            text = doc.span_text(j, end)
        if canonical and k != j:
            text = doc.span_text(j, k) + " " + canonical
    elif k > j:
        end, kind, text = k, "measure", doc.span_text(j, k)
    else:
        return None
    # "/người/năm", "/ năm": per-unit tails, spacing normalised.
    while end + 1 < n and words[end] == "/" and _same_line(doc, end - 1, end + 1):
        per = lex.per.longest(words, end + 1)
        if per is None:
            break
        text = text + "/" + doc.span_text(end + 1, end + 1 + per[0])
        end = end + 1 + per[0]
    return (_SLASH_SPACES.sub("/", text) if "/" in text else text), kind or "measure", end


def _glued_ok(doc: Prepared, a: int, b: int) -> bool:
    """Digits or signs inside a unit ("m2", "%0", "0/00") must touch the token before them."""
    kinds, starts, ends = doc.kinds, doc.starts, doc.ends
    for i in range(a + 1, b):  # noqa: SIM110 (a generator costs more per call here)
        if kinds[i] != "word" and ends[i - 1] != starts[i]:
            return False
    return True


def scan_quantities(doc: Prepared, a: int, b: int) -> list[Quantity]:
    """All quantities whose first number lies in tokens [a, b) (a list the caller may keep)."""
    return list(quantities_in(doc, a, b))


def quantities_in(doc: Prepared, a: int, b: int) -> tuple[Quantity, ...]:
    """The same, read once per range: the mode rules ask each clause before the reader does."""
    key = (a, b)
    cached: tuple[Quantity, ...] | None = doc.quantity_cache.get(key)
    if cached is not None:
        return cached
    out: list[Quantity] = []
    # Only numbers and number words can open a quantity: visit those alone.
    starts = doc.number_starts()
    i = a
    for k in range(bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)):
        j = starts[k]
        if j < i:
            continue  # inside the quantity just read
        q = _quantity_at(doc, j, b)
        if q is None:
            continue
        out.append(q)
        i = q.last if q.last > j else j + 1
    found = doc.quantity_cache[key] = tuple(out)
    return found


def _quantity_at(doc: Prepared, i: int, b: int) -> Quantity | None:
    words, starts, ends = doc.words, doc.starts, doc.ends
    n = len(words)
    if doc.kinds[i] == "word":
        value = doc.lexicon.number_words.get(words[i])
        if value is None or doc.trap_at(starts[i]) is not None:
            return None
        after = doc.lexicon.number_word_after.get(words[i])
        if after is not None and (i == 0 or words[i - 1] not in after):
            return None
        unit = _unit_at(doc, i + 1)
        if unit is None or unit[1] != "count":
            return None
        text, kind, end = unit
        return Quantity(
            i, end, value, None, text, kind, None, starts[i], ends[end - 1], kind == "percent"
        )
    v1 = doc.values[i]  # a number token: number_starts holds numbers and number words
    if v1 is None or doc.trap_at(starts[i]) is not None:
        return None
    j = i + 1
    total: Decimal | None = None
    if j < n and words[j] == "/" and starts[j] == ends[i]:
        t2 = _number_at(doc, j + 1)
        if t2 is not None and starts[j + 1] == ends[j] and t2 >= v1:
            total, j = t2, j + 2
    u1: tuple[str, str, int] | None = None
    if j < n:
        # _unit_at, inlined: this runs once per number of the text.
        u1 = doc.unit_cache.get(j, _UNREAD)
        if u1 is _UNREAD:
            u1 = doc.unit_cache[j] = _read_unit(doc, j)
    k = u1[2] if u1 else j
    v2: Decimal | None = None
    u2 = None
    if (
        total is None
        and k + 1 < n
        and k < b + 3
        and words[k] in doc.lexicon.range_joiners  # numbers.toml
        and _same_line(doc, k - 1, k + 1)
    ):
        cand = _number_at(doc, k + 1)
        if cand is not None and cand != v1:
            cand_unit = _unit_at(doc, k + 2) if k + 2 < n else None
            # "từ 6,5% đến 7%/năm": a per-period tail written once, on the upper end, is both's.
            same = (
                u1 is None
                or cand_unit is None
                or u1[0] == cand_unit[0]
                or cand_unit[0].startswith(u1[0] + "/")
            )
            # "9,1% - 9,5%" or "6,5-7%"; a bare "5 - 7" with no unit is not a range we read.
            if same and (u1 is not None or cand_unit is not None):
                v2, u2, k = cand, cand_unit, (cand_unit[2] if cand_unit else k + 2)
    unit = u2 or u1
    if unit is None and total is None:  # "Thu ngân sách<TAB>tỷ đồng<TAB>420": a table row
        unit = column_unit(doc, i, unit_at)
    last = k if v2 is not None else (u1[2] if u1 else j)
    lo, hi = v1, v2
    if hi is not None and hi < lo:
        lo, hi = hi, lo
    if unit is None:
        return _new(
            Quantity, (i, last, lo, hi, None, None, total, starts[i], ends[last - 1], False)
        )
    kind = unit[1]
    return _new(
        Quantity,
        (i, last, lo, hi, unit[0], kind, total, starts[i], ends[last - 1], kind == "percent"),
    )


# What Quantity(...) does, without the Python-level __new__ a NamedTuple adds: one is built
# per number read. Fields in Quantity's order.
_new = tuple.__new__
