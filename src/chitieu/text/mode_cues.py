"""The cue words a clause states its mode with: "đạt", "ước thực hiện" report, "phấn đấu",
"đến năm 2030" set targets. Words that belong to a figure, or to the basis of a comparison,
speak for that figure only and are set aside. modes.py weighs these cues with the other signs.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from chitieu.text.quantities import Quantity, quantities_in
from chitieu.text.sentences import Sentence
from chitieu.text.tokens import Prepared, Tag


def mode_cues(doc: Prepared, a: int, b: int, covered: set[int]) -> tuple[bool, bool, bool]:
    """(result, target, only a running total speaks): "cộng dồn giai đoạn 2026 - 2030 …" in
    a list of targets reports nothing by itself; the third flag lets the list decide."""
    return _mode_cues(doc, _tags_in(doc, a, b), covered, b)


def _tags_in(doc: Prepared, a: int, b: int) -> list[Tag]:
    """The phrases starting in tokens [a, b), by bisection: a clause may be the whole text."""
    starts = doc.tag_starts
    j = bisect.bisect_left(starts, max(a, 0))
    return doc.tags[j : bisect.bisect_left(starts, b, j)]


def _mode_cues(
    doc: Prepared, tags: Sequence[Tag], covered: set[int], b: int
) -> tuple[bool, bool, bool]:
    """mode_cues over `tags`, the clause's phrases (those without a mode cue may be left out:
    they weigh nothing)."""
    res, tgt, basis = _mode_cues3(doc, tags, covered, b)
    running = basis and not res and not tgt and _only_running_totals(tags)
    return res or (basis and not tgt), tgt and not res, running


def _only_running_totals(tags: Sequence[Tag]) -> bool:
    found = False
    for t in tags:
        if "modes.result_basis" in t.categories:
            if "modes.running_total" not in t.categories:
                return False
            found = True
    return found


def _mode_cues3(
    doc: Prepared, tags: Sequence[Tag], covered: set[int], b: int
) -> tuple[bool, bool, bool]:
    """(has a result cue, has a target cue, has a result basis) among `tags`, the phrases
    starting in the clause, ignoring words that belong to a quantity or directly follow one
    ("126,82% chỉ tiêu" is a reference, not a heading)."""
    res = tgt = basis = False
    first_res = last_res = last_tgt = -1
    setter = False
    for t in tags:
        i = t.start
        cats = t.categories
        # A basis that is a reporting period ("so với cùng kỳ") still speaks for a result.
        if "modes.result_basis" in cats:
            basis = True
        if i in covered:
            continue
        if "modes.result" in cats:
            if not res:
                first_res = i
            res, last_res = True, i
        # "hằng năm" sets targets only when nothing before it in the sentence reports.
        if "modes.target" in cats and "modes.recurrent" not in cats:
            tgt, last_tgt, setter = True, i, "modes.setter" in cats
    # "Dù kết quả khả quan, phường vẫn phải phấn đấu thu … 650 tỷ đồng": a report cue in a
    # segment of its own, then a target verb on the figure.
    if res and tgt and last_res < last_tgt < min(covered, default=b):
        comma = doc.next_token(",", last_res)
        res = comma is None or comma > last_tgt
    elif res and tgt and setter and last_tgt < first_res:
        # "phấn đấu đến ngày 31/01/2027 giải ngân 100% …": a date after the target verb, in
        # its segment, is a deadline, not the "as of" of a report.
        comma = doc.next_token(",", last_tgt)
        res = comma is not None and comma < first_res
    return res, tgt, basis


Cues = dict[tuple[int, int], tuple[bool, bool, bool]]
# The clauses of each sentence with their quantities: figures[n][k] is (a, b, quantities_in
# of [a, b)) for the k-th clause of the n-th sentence.
Figures = list[list[tuple[int, int, tuple[Quantity, ...]]]]


def clause_cues(doc: Prepared, sentences: list[Sentence]) -> Cues:
    """(result cue, target cue) of every clause, computed once."""
    return cues_and_figures(doc, sentences)[0]


def cues_and_figures(doc: Prepared, sentences: list[Sentence]) -> tuple[Cues, Figures]:
    """clause_cues, and the quantities of every clause it read on the way (the reader asks
    them of each clause again: a list, not a call and a cache lookup each time)."""
    cues: Cues = {}
    figures: Figures = []
    silent = (False, False, False)
    none: tuple[Quantity, ...] = ()
    # The phrases mode_cues weighs, in one pass over the text's phrases: nearly half the
    # clauses have none, and need no more than a binary search to say so.
    cue_tags = [t for t in doc.tags if not t.categories.isdisjoint(_MODE_CUES)]
    cue_starts = [t.start for t in cue_tags]
    # Most clauses hold no number: a binary search over where quantities may start says so.
    numbers = doc.number_starts()
    count = len(numbers)
    bisect_left = bisect.bisect_left
    for s in sentences:
        row: list[tuple[int, int, tuple[Quantity, ...]]] = []
        for a, b in s.clauses:
            j = bisect_left(numbers, a)
            qs = quantities_in(doc, a, b) if j < count and numbers[j] < b else none
            row.append((a, b, qs))
            j = bisect_left(cue_starts, max(a, 0))
            k = bisect_left(cue_starts, b, j)
            if j == k:
                # Nothing for mode_cues to weigh: the tokens it would set aside do not matter.
                cues[(a, b)] = silent
                continue
            cues[(a, b)] = _mode_cues(doc, cue_tags[j:k], covered_tokens(doc, qs, a, b), b)
        figures.append(row)
    return cues, figures


_MODE_CUES = frozenset(("modes.result", "modes.target", "modes.result_basis"))


def covered_tokens(doc: Prepared, qs: Sequence[Quantity], a: int, b: int) -> set[int]:
    """Tokens whose cue words do not speak for the clause: the quantities, the word right
    after one ("126,82% chỉ tiêu"), and a comparison's basis ("so với ước thực hiện 2025")."""
    covered: set[int] = set()
    keys = doc.keys
    for q in qs:
        covered.update(range(q.first, q.last))
        if q.last < len(keys) and "references.plan" in keys[q.last]:
            covered.add(q.last)
    # A bracket holding a figure speaks for that figure only ("(năm 2025 ước đạt 8,1%)").
    firsts = sorted([q.first for q in qs])
    open_at: int | None = None
    # Visit the brackets only, found by bisection (most clauses have none).
    k = doc.next_token("(", a) if firsts else None
    close = doc.next_token(")", a) if k is not None and k < b else None
    while k is not None and k < b:
        if close is not None and close < k:
            if open_at is not None:
                j = bisect.bisect_left(firsts, open_at)
                if j < len(firsts) and firsts[j] < close:
                    covered.update(range(open_at, close))
                open_at = None
            close = doc.next_token(")", close + 1)
            continue
        open_at = k
        k = doc.next_token("(", k + 1)
    while open_at is not None and close is not None and close < b:
        j = bisect.bisect_left(firsts, open_at)
        if j < len(firsts) and firsts[j] < close:
            covered.update(range(open_at, close))
        open_at = None
    # Visit only the tokens of "so với …" phrases (a clause may be the whole text).
    starts, ends = doc.category_spans("references.compare")
    k = bisect.bisect_right(ends, a)
    i = a
    while k < len(starts) and starts[k] < b:
        i = max(i, starts[k])
        while i < min(ends[k], b):
            j = i
            while j < b and doc.words[j] not in (",", ";", "(", ")", "."):
                covered.add(j)
                j += 1
            i = j + 1
        k += 1
    return covered
