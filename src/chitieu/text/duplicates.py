"""Items said twice, folded after every clause is read: exact duplicates, a change stated
apart from its figure ("…; so với năm 2024, … giảm 12,7%"), and a headline that restates part
of a result in the body.

These look across clauses and sentences, unlike results.py which reads one clause; the
reader (engine.py) runs them once over everything it found.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache

from chitieu.text.items import ExtractedResult, ExtractedTarget
from chitieu.text.lexicon import load_name_words
from chitieu.text.normalize import fold

# Words that do not count when two names are compared (name_words.toml, `noise`).
_NAME_NOISE = load_name_words().noise


def _content_words(name: str) -> set[str]:
    return {w for w in fold(name).split() if w not in _NAME_NOISE}


# Names recur across the items of a text and across texts: their content words are read
# once per name (a bounded cache).
@lru_cache(maxsize=20_000)
def _content_of(name: str) -> frozenset[str]:
    return frozenset(_content_words(name))


def join_changes(results: list[ExtractedResult]) -> list[ExtractedResult]:
    """ "…, làm chết 96 người; so với năm 2024, … số người chết giảm 12,7%": a change stated
    apart (in a clause opening with "so với"), in the same sentence, belongs to the figure it
    is about."""
    out: list[ExtractedResult] = []
    for r in results:
        unnamed = r.rule == "result.apart_unnamed"
        lone_change = (
            r.rule in ("result.apart", "result.apart_unnamed")
            and r.value is None
            and r.percent_of_target is None
            and r.change_percent is not None
        )
        if lone_change:
            words = _content_words(r.name)
            window = list(range(len(out) - 1, max(-1, len(out) - 21), -1))
            if unnamed:
                # "…, làm chết 71 người, bị thương 58 người; so với cùng kỳ giảm 14 vụ
                # (-12,7%)": the count's unit says which figure changed.
                window = _same_unit_first(out, window, r)
            for k in window:
                prev = out[k]
                if prev.sentence != r.sentence:
                    break
                if (
                    prev.value is not None
                    and prev.change_percent is None
                    and (unnamed or len(words & _content_words(prev.name)) >= 2)
                ):
                    name = prev.name if unnamed else r.name
                    out[k] = replace(prev, name=name, change_percent=r.change_percent)
                    break
            else:
                out.append(r)
            continue
        out.append(r)
    return out


def _same_unit_first(
    out: list[ExtractedResult], window: list[int], r: ExtractedResult
) -> list[int]:
    """The figures of r's sentence, nearest first; first one whose name shares r's words
    ("giảm 9 người chết" -> "làm chết 71 người"), else one whose unit ends r's name ("giảm
    14 vụ" -> "96 vụ tai nạn giao thông")."""
    words = fold(r.name).split()
    content = _content_words(r.name)
    ks = [k for k in window if out[k].sentence == r.sentence]
    free = [k for k in ks if out[k].value is not None and out[k].change_percent is None]
    named = [k for k in free if len(content & _content_words(out[k].name)) >= 2]
    unit = [
        k
        for k in free
        if out[k].unit
        and fold(out[k].unit or "").split() == words[-len((out[k].unit or "").split()) :]
    ]
    best = (named or unit)[:1]
    return best + [k for k in ks if k not in best]


_FIELDS = ("value", "unit", "percent_of_target", "change_percent", "status")


def drop_restated(results: list[ExtractedResult]) -> list[ExtractedResult]:
    """A headline that restates part of a result in the body ("…: thu ngân sách đạt 95% dự
    toán" above "tổng thu ngân sách … đạt 152,3 tỷ đồng, đạt 95% dự toán, tăng 8%") is the
    same result: keep the fuller one."""
    if len(results) > 400:
        return results  # not one report with a headline: nothing to fold
    if len(results) < 2:
        return list(results)  # nothing to fold into: skip what each result says
    restatable = _restatable(results)
    if True not in restatable:
        return list(results)  # every result says a figure no other says
    # What each result says, once, as (field, value) pairs: "says all I say and more" is a
    # proper-subset test. Values are Decimals and strings (hashable, equal ones hash alike).
    saids = [_said(r) for r in results]
    items = [it for it in saids if it is not None]
    if len(items) < len(saids):
        # A result saying nothing is restated by any fuller one, and a NaN is never equal to
        # itself: the pair index below finds neither, so these compare field by field.
        return _drop_restated_by_fields(results)
    sizes = [len(it) for it in items]
    most = max(sizes)
    if min(sizes) == most:
        return list(results)  # none says more than another: none restates another
    # Who says each pair: a result restated by another shares all its pairs with it, so its
    # candidates are those saying its rarest pair (a figure's value: few), not ~120 neighbours.
    sayers: dict[tuple[str, object], list[int]] = {}
    for j, it in enumerate(items):
        for pair in it:
            sayers.setdefault(pair, []).append(j)
    out: list[ExtractedResult] = []
    for i, r in enumerate(results):
        mine = items[i]
        if sizes[i] == most or not restatable[i]:
            out.append(r)  # none says more, or none says all its figures
            continue
        candidates = min(map(sayers.__getitem__, mine), key=len)
        if len(candidates) > 1:  # not only itself
            # Nearby results only: bounded work on hostile input, and a headline is near its
            # body.
            lo = bisect_left(candidates, i - 60)
            hi = bisect_left(candidates, i + 60)
            words = _content_of(r.name)
            for j in candidates[lo:hi]:
                if mine < items[j] and _same_indicator(words, _content_of(results[j].name)):
                    break
            else:
                out.append(r)
        else:
            out.append(r)
    return out


def _restatable(results: list[ExtractedResult]) -> list[bool]:
    """Which results another may restate: one that says all a result says says each of its
    figures (value, % of plan, change) too, so each is said twice in the text or more. Most
    results of a text say a figure no other says: counting the figures clears them without
    building what each says."""
    values = [r.value for r in results]
    percents = [r.percent_of_target for r in results]
    changes = [r.change_percent for r in results]
    try:
        values_again, percents_again, changes_again = (
            _said_again(values),
            _said_again(percents),
            _said_again(changes),
        )
    except TypeError:  # a signalling NaN has no hash: leave it to the full comparison
        return [True] * len(results)
    # (a result saying no figure at all may be restated: True)
    return [
        not (
            (v is not None and v not in values_again)
            or (p is not None and p not in percents_again)
            or (c is not None and c not in changes_again)
        )
        for v, p, c in zip(values, percents, changes, strict=True)
    ]


def _said_again(figures: list[Decimal | None]) -> set[Decimal | None]:
    """The figures said twice or more (sets: a Counter costs more on a text's few results)."""
    once: set[Decimal | None] = set()
    again: set[Decimal | None] = set()
    for figure in figures:
        if figure in once:
            again.add(figure)
        else:
            once.add(figure)
    return again


def _said(r: ExtractedResult) -> frozenset[tuple[str, object]] | None:
    """The (field, value) pairs r says (_FIELDS), or None when it says nothing or holds a NaN.
    Spelled out field by field: this runs once per result of every text."""
    pairs: list[tuple[str, object]] = []
    value, percent, change = r.value, r.percent_of_target, r.change_percent
    if value is not None:
        if value.is_nan():
            return None
        pairs.append(("value", value))
    if r.unit is not None:
        pairs.append(("unit", r.unit))
    if percent is not None:
        if percent.is_nan():
            return None
        pairs.append(("percent_of_target", percent))
    if change is not None:
        if change.is_nan():
            return None
        pairs.append(("change_percent", change))
    if r.status is not None:
        pairs.append(("status", r.status))
    return frozenset(pairs) if pairs else None


def _same_indicator(words: frozenset[str], other_words: frozenset[str]) -> bool:
    """Most of the shorter name's content words are in the other name."""
    shared = words & other_words
    return bool(shared) and len(shared) >= 0.6 * min(len(words), len(other_words))


def _drop_restated_by_fields(results: list[ExtractedResult]) -> list[ExtractedResult]:
    """drop_restated comparing field by field (what a NaN or an empty result needs)."""

    def said(r: ExtractedResult) -> dict[str, object]:
        values = (r.value, r.unit, r.percent_of_target, r.change_percent, r.status)  # _FIELDS
        return {f: v for f, v in zip(_FIELDS, values, strict=True) if v is not None}

    saids = [said(r) for r in results]
    names = [_content_of(r.name) for r in results]
    out: list[ExtractedResult] = []
    for i, r in enumerate(results):
        mine = saids[i]
        restated = False
        for j in range(max(0, i - 60), min(len(results), i + 60)):
            theirs = saids[j]
            if results[j] is r or len(theirs) <= len(mine):
                continue
            if any(theirs.get(k) != v for k, v in mine.items()):
                continue
            if _same_indicator(names[i], names[j]):
                restated = True
                break
        if not restated:
            out.append(r)
    return out


def _dedupe[T: (ExtractedTarget, ExtractedResult)](items: list[T]) -> list[T]:
    if len(items) < 2:
        return list(items)  # nothing to compare: skip building the keys
    # Two items that say the same thing have the same name: only the items whose name recurs
    # need their keys (most names of a text are said once; said() reads every figure).
    once: set[str] = set()
    again: set[str] = set()
    for it in items:
        (again if it.name in once else once).add(it.name)
    if not again:
        return list(items)
    seen: set[tuple[object, ...]] = set()
    out: list[T] = []
    for it in items:
        if it.name in again:
            # What to_dict() says but the span (what repr(sorted(d.items())) keyed, without a
            # dict and a repr per item).
            key = it.said()
            if key in seen:
                continue
            seen.add(key)
        out.append(it)
    return out


def complete_names(
    targets: list[ExtractedTarget], results: list[ExtractedResult]
) -> list[ExtractedTarget]:
    """ "Năm 2025 … đón 9,2 triệu lượt khách du lịch …. Năm 2026, phấn đấu đón 10 triệu lượt
    khách": a target in the unit of a result, whose name begins the result's name, is the same
    indicator said shorter; it takes the full name."""
    if not targets or not results or len(results) > 400:
        return targets
    by_unit: dict[str, list[str]] = {}
    for r in results:
        if r.unit and r.value is not None:
            by_unit.setdefault(r.unit, []).append(r.name)
    out: list[ExtractedTarget] = []
    for t in targets:
        longer = [n for n in by_unit.get(t.unit or "", ()) if n.startswith(t.name + " ")]
        out.append(replace(t, name=longer[0]) if len(set(longer)) == 1 else t)
    return out
