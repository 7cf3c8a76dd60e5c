"""Cue words around numbers: what category a token's phrase has, and where a clause's
segments end. The small vocabulary every reading rule shares."""

from __future__ import annotations

from bisect import bisect_right

from chitieu.text.tokens import Prepared

BOUNDARY_PUNCT = {",", ";", ":", "(", ")"}


BOUNDARY_WORDS = {"và"}


# Cue categories that may sit between a name and its number ("tăng bình quân khoảng 5%").
# Sets, not tuples, wherever a token's keys are tested with isdisjoint: an untagged token's
# empty keys answer at once (a tuple is walked item by item whatever the keys).
CHAIN = frozenset(
    (
        "comparators.",
        "verbs.",
        "names.filler",
        "modes.estimated",
        "modes.result",
        "modes.target",
        "status.",
    )
)


# Categories that end a name when looking for the subject of a clause.
PREDICATE = (
    "verbs.value",
    "verbs.complete",
    "verbs.increase",
    "verbs.decrease",
    "verbs.ratio_to_basis",
    "verbs.exceed_by",
    "verbs.respectively",
    "status.",
)


_EMPTY: frozenset[str] = frozenset()


def tag_cats(doc: Prepared, i: int) -> frozenset[str]:
    """The categories of the cue phrase covering token i, with their file prefixes."""
    keys = doc.keys
    return keys[i] if 0 <= i < len(keys) else _EMPTY


def has_prefix(cats: frozenset[str], prefixes: tuple[str, ...] | str) -> bool:
    """True when one of the categories is, or lies under, one of the prefixes. Prefixes end
    with "." (a whole file) or name a full category."""
    if isinstance(prefixes, str):
        return prefixes in cats
    return not cats.isdisjoint(prefixes)


def range_has(doc: Prepared, a: int, b: int, category: str) -> bool:
    """True when a phrase of `category` (or under a "file." prefix) covers a token of [a, b)."""
    # A binary search over that category's phrases (sorted, never overlapping): the first
    # ending after a must start before b. Cheaper than scanning even a short cue chain, and
    # most texts hold no phrase of the category asked at all.
    starts, ends = doc.category_spans(category)
    if not starts or a >= b:
        return False
    j = bisect_right(ends, a)  # a < 0 or b past the end: the same answer as clipped
    return j < len(starts) and starts[j] < b


def first_tag_in(doc: Prepared, a: int, b: int, prefixes: tuple[str, ...]) -> int | None:
    """Start of the first phrase under `prefixes` covering a token of [a, b). By binary search
    over those phrases: a clause with no predicate may be the whole text, asked once per
    number."""
    starts, ends = doc.category_spans(prefixes)
    if a >= b:
        return None
    j = bisect_right(ends, a)  # the first such phrase ending after a
    return starts[j] if j < len(starts) and starts[j] < b else None


def is_boundary(doc: Prepared, i: int, words: bool = True) -> bool:
    """ ",", ";", ":", "(", ")" and, between statements, a lone "và" (not the one inside
    "đạt và vượt")."""
    w = doc.words[i]
    if w in BOUNDARY_PUNCT:  # these characters are only ever punctuation tokens
        return True
    if not words or w not in BOUNDARY_WORDS:
        return False
    j = doc.tag_of[i]
    if j < 0:
        return False
    tag = doc.tags[j]
    return tag.end - tag.start == 1


def last_boundary(doc: Prepared, a: int, b: int, words: bool = True) -> int | None:
    """Index of the last boundary in [a, b), skipping parenthesised text with no number."""
    texts, kinds, starts = doc.words, doc.kinds, doc.starts
    i = b - 1
    while i >= a:
        if texts[i] == ")":
            j = i - 1
            while j >= a and texts[j] != "(":
                if kinds[j] == "num" and doc.trap_at(starts[j]) is None:
                    break
                j -= 1
            if j >= a and texts[j] == "(":
                i = j - 1
                continue
            return i
        if is_boundary(doc, i, words):
            return i
        i -= 1
    return None


_SHORT_WALK = 32
# Every word the walk below stops at or tests: with none of them, there is no boundary.
_STOPS = frozenset((*BOUNDARY_PUNCT, *BOUNDARY_WORDS, "("))


def first_boundary(doc: Prepared, a: int, b: int) -> int:
    """The first boundary in [a, b) outside closed brackets (an unclosed "(" is one), or b."""
    # The usual case, a few words to the clause end with no mark or "và" at all, is one
    # C-level set test; a few words to a comma with no bracket are walked plainly; a bracket
    # or a longer walk takes the memoised walk.
    texts = doc.words
    if a >= 0 and b - a <= _SHORT_WALK and _STOPS.isdisjoint(texts[a:b]):
        return b
    end = min(b, a + _SHORT_WALK)
    for i in range(a, end):
        w = texts[i]
        if w == "(":
            return _first_boundary_memo(doc, a, b)
        if w in BOUNDARY_PUNCT or (w in BOUNDARY_WORDS and is_boundary(doc, i)):
            return i
    return b if end == b else _first_boundary_memo(doc, a, b)


def _first_boundary_memo(doc: Prepared, a: int, b: int) -> int:
    """first_boundary, by a walk whose steps depend only on (i, b): every token walked gets
    the answer memoised. Without it, asking from each number of a long clause with brackets
    and no comma was quadratic."""
    memo = doc.boundary_memo.get(b)
    if memo is None:
        memo = doc.boundary_memo[b] = {}
    texts = doc.words
    path: list[int] = []
    i = a
    found = b
    while i < b:
        known = memo.get(i)
        if known is not None:
            found = known
            break
        path.append(i)
        if texts[i] == "(":
            j = i + 1
            while j < b and texts[j] != ")":
                j += 1
            if j < b:
                i = j + 1
                continue
            found = i
            break
        if is_boundary(doc, i):
            found = i
            break
        i += 1
    for k in path:
        memo[k] = found
    return found


_TRIM_HEAD = frozenset(("names.filler", "modes.target", "modes.result", "comparators."))
_TRIM_TAIL = frozenset(("names.filler", "verbs.", "comparators."))
_DATE_TRAPS = frozenset(("date", "day_month", "month_year", "quarter_year"))


def trim(doc: Prepared, a: int, b: int) -> tuple[int, int]:
    """Drop framing words and punctuation from both ends of a name."""
    texts, kinds, keys, starts = doc.words, doc.kinds, doc.keys, doc.starts
    traps = doc.trap_chars()  # one call, then a dict lookup per token
    # "(1) tăng trưởng GRDP …": an inline list number is not part of the name.
    while a < b and traps.get(starts[a]) == "inline_numbering":
        a += 1
    # "(trong) tháng 12/2026 bàn giao …": a leading month or date frames the name.
    while a < b and traps.get(starts[a]) in _DATE_TRAPS:
        a += 1
    changed = True
    while changed and a < b:
        changed = False
        # An untagged token's keys are empty, hence false: no isdisjoint call for it.
        if kinds[a] == "punct" and texts[a] not in ('"', "'"):
            a, changed = a + 1, True
        elif keys[a] and not keys[a].isdisjoint(_TRIM_HEAD):
            a, changed = doc.tags[doc.tag_of[a]].end, True  # keys only on tagged tokens
        if a >= b:
            break
        if kinds[b - 1] == "punct" and texts[b - 1] not in ('"', "'", ")"):
            b, changed = b - 1, True
        elif keys[b - 1] and not keys[b - 1].isdisjoint(_TRIM_TAIL):
            b, changed = doc.tags[doc.tag_of[b - 1]].start, True
    if a < b and texts[b - 1] in ('"', "'") and texts[a:b].count(texts[b - 1]) % 2:
        b -= 1  # '… giải ngân vốn đầu tư công đạt trên 95%"': a quotation closes, not the name
        a, b = trim(doc, a, b) if a < b else (a, b)
    if a < b and texts[b - 1] == ")":
        depth = 0
        for k in range(a, b):
            t = texts[k]
            if t == "(":
                depth += 1
            elif t == ")":
                depth -= 1
        if depth < 0:
            b -= 1
    return (a, b) if a < b else (a, a)
