"""Numbers with what makes them a quantity: ranges, N/M counts, units (scale words kept),
per-unit tails ("triệu đồng/người/năm"), and number words that count a noun ("một xã").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from chitieu.text.columns import column_unit
from chitieu.text.tokens import Prepared, Token

_SLASH_SPACES = re.compile(r"\s*/\s*")


@dataclass(frozen=True, slots=True)
class Quantity:
    first: int  # token index of the first number
    last: int  # token index just after the quantity (unit included)
    value: Decimal
    value_max: Decimal | None
    unit: str | None
    unit_kind: str | None  # "count" | "measure" | "currency" | "percent" | None
    total: Decimal | None  # the M of "N/M"
    start: int  # char span
    end: int

    @property
    def is_percent(self) -> bool:
        return self.unit_kind == "percent"

    @property
    def unit_folded(self) -> str:
        return (self.unit or "").lower()


def _is(tok: Token | None, *texts: str) -> bool:
    return tok is not None and tok.text in texts


def _tok(doc: Prepared, i: int) -> Token | None:
    return doc.tokens[i] if 0 <= i < len(doc.tokens) else None


def _same_line(doc: Prepared, a: int, b: int) -> bool:
    return "\n" not in doc.text[doc.tokens[a].end : doc.tokens[b].start]


def _number_at(doc: Prepared, i: int) -> Decimal | None:
    tok = _tok(doc, i)
    if tok is None or tok.kind != "num" or tok.value is None:
        return None
    if doc.trap_at(tok.start) is not None:
        return None
    return tok.value


def _unit_at(doc: Prepared, j: int) -> tuple[str, str, int] | None:
    """(unit as written, kind, index after) for a unit starting at token j, or None. A
    number is read again for each range that holds it: its unit is read once."""
    cache = doc.unit_cache
    if j in cache:
        found: tuple[str, str, int] | None = cache[j]
        return found
    found = _read_unit(doc, j)
    cache[j] = found
    return found


unit_at = _unit_at  # for columns.py: the unit cell before a figure in a table row


def _read_unit(doc: Prepared, j: int) -> tuple[str, str, int] | None:
    tokens = doc.tokens
    if j >= len(tokens) or not _same_line(doc, j - 1, j):
        return None
    words = doc.words
    lex = doc.lexicon
    k, kind = j, None
    # Scale words, possibly stacked ("ngàn tỷ").
    while k < len(tokens):
        found = lex.multipliers.longest(words, k)
        if found is None:
            break
        k += found[0]
    found_unit = lex.units.longest(words, k) if k < len(tokens) else None
    if found_unit is not None and not _glued_ok(doc, k, k + found_unit[0]):
        found_unit = None
    if found_unit is not None:
        length, node = found_unit
        entry = node.entry
        kind = lex.unit_kind.get(" ".join(words[k : k + length]))
        canonical = entry.canonical if entry is not None else None
        end = k + length
        text = canonical if canonical and k == j else doc.span_text(j, end)
        if canonical and k != j:
            text = doc.span_text(j, k) + " " + canonical
    elif k > j:
        end, kind, text = k, "measure", doc.span_text(j, k)
    else:
        return None
    # "/người/năm", "/ năm": per-unit tails, spacing normalised.
    while end + 1 < len(tokens) and words[end] == "/" and _same_line(doc, end - 1, end + 1):
        per = lex.per.longest(words, end + 1)
        if per is None:
            break
        text = text + "/" + doc.span_text(end + 1, end + 1 + per[0])
        end = end + 1 + per[0]
    return _SLASH_SPACES.sub("/", text), kind or "measure", end


def _glued_ok(doc: Prepared, a: int, b: int) -> bool:
    """Digits or signs inside a unit ("m2", "%0", "0/00") must touch the token before them."""
    for i in range(a + 1, b):
        if doc.tokens[i].kind != "word" and doc.tokens[i - 1].end != doc.tokens[i].start:
            return False
    return True


def scan_quantities(doc: Prepared, a: int, b: int) -> list[Quantity]:
    """All quantities whose first number lies in tokens [a, b)."""
    key = (a, b)
    cached = doc.quantity_cache.get(key)
    if cached is not None:
        return list(cached)
    out: list[Quantity] = []
    i = a
    tokens = doc.tokens
    number_words = doc.lexicon.number_words
    while i < b:
        tok = tokens[i]
        if tok.kind != "num" and tok.text not in number_words:
            i += 1
            continue
        q = _quantity_at(doc, i, b)
        if q is None:
            i += 1
            continue
        out.append(q)
        i = max(q.last, i + 1)
    doc.quantity_cache[key] = tuple(out)
    return out


def _quantity_at(doc: Prepared, i: int, b: int) -> Quantity | None:
    tok = doc.tokens[i]
    lex = doc.lexicon
    if tok.kind == "word":
        value = lex.number_words.get(tok.text)
        if value is None or doc.trap_at(tok.start) is not None:
            return None
        unit = _unit_at(doc, i + 1)
        if unit is None or unit[1] != "count":
            return None
        text, kind, end = unit
        return Quantity(i, end, value, None, text, kind, None, tok.start, doc.tokens[end - 1].end)
    v1 = _number_at(doc, i)
    if v1 is None:
        return None
    j = i + 1
    total: Decimal | None = None
    nxt = _tok(doc, j)
    if _is(nxt, "/") and nxt is not None and nxt.start == tok.end:
        t2 = _number_at(doc, j + 1)
        if t2 is not None and doc.tokens[j + 1].start == nxt.end and t2 >= v1:
            total, j = t2, j + 2
    u1 = _unit_at(doc, j) if j < len(doc.tokens) else None
    k = u1[2] if u1 else j
    v2: Decimal | None = None
    u2 = None
    if total is None and k + 1 < len(doc.tokens) and k < b + 3:
        joiner = doc.tokens[k]
        if (joiner.text in ("-", "đến", "tới")) and _same_line(doc, k - 1, k + 1):
            cand = _number_at(doc, k + 1)
            if cand is not None and cand != v1:
                cand_unit = _unit_at(doc, k + 2) if k + 2 < len(doc.tokens) else None
                same = u1 is None or cand_unit is None or u1[0] == cand_unit[0]
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
    return Quantity(
        first=i,
        last=last,
        value=lo,
        value_max=hi,
        unit=unit[0] if unit else None,
        unit_kind=unit[1] if unit else None,
        total=total,
        start=tok.start,
        end=doc.tokens[last - 1].end,
    )
