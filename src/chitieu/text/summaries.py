"""Counts of targets ("đạt 15/19 chỉ tiêu, trong đó vượt 10") -> summaries.

Each count of "chỉ tiêu" is read by the first role word after it (up to the next count), else
the last role word before it. Counts in one sentence fill one summary; summaries that agree
on every count they both state (the headline and the body of an article) merge into one.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from itertools import compress

from chitieu.text.cues import has_prefix, last_boundary, tag_cats
from chitieu.text.items import ExtractedSummary
from chitieu.text.normalize import fold_phrase
from chitieu.text.quantities import Quantity
from chitieu.text.tokens import Prepared

FIELDS = ("total", "achieved", "exceeded", "not_achieved", "pending")
# Post-count words: what the counted targets did. Order = priority at one position.
_ROLES = ("pending", "not_achieved", "achieved", "exceeded", "total")


def is_summary_quantity(doc: Prepared, q: Quantity) -> bool:
    """A count of targets: its unit is a set noun of summaries.toml ("chỉ tiêu")."""
    if not q.unit or q.unit_kind != "count":
        return False
    # Asked of every count the reader meets; a unit's answer is folded (a regex pass) once.
    key = (id(doc.lexicon), q.unit)
    found = _IS_NOUN.get(key)
    if found is None:
        if len(_IS_NOUN) >= 4096:  # bounded: units as written vary with the text
            _IS_NOUN.clear()
        found = _IS_NOUN[key] = fold_phrase(q.unit) in _set_nouns(doc)
    return found


_NOUNS: dict[int, frozenset[str]] = {}
_IS_NOUN: dict[tuple[int, str], bool] = {}


def _set_nouns(doc: Prepared) -> frozenset[str]:
    key = id(doc.lexicon)
    if key not in _NOUNS:
        entries = doc.lexicon.entries_of("summaries.set_noun")
        _NOUNS[key] = frozenset(fold_phrase(e.phrase) for e in entries)
    return _NOUNS[key]


@dataclass
class _Summary:
    counts: dict[str, int] = field(default_factory=dict)
    start: int = 0
    end: int = 0
    sentence: int = 0
    named: bool = False  # one target named apart: only completes a count stated before


# Each role's two categories ("summaries.achieved", "status.achieved"), built once: _role
# asks them of every token after a count.
_ROLE_KEYS = tuple((role, f"summaries.{role}", f"status.{role}") for role in _ROLES)
_ROLE_CATS = frozenset(key for _, *keys in _ROLE_KEYS for key in keys)


def _role(doc: Prepared, a: int, b: int, first: bool, allow_total: bool) -> str | None:
    rng = range(a, b) if first else range(b - 1, a - 1, -1)
    for i in rng:
        cats = tag_cats(doc, i)
        if "summaries.subset" in cats:
            if first:
                return None
            continue
        if cats.isdisjoint(_ROLE_CATS):
            continue  # most tokens: no role word
        for role, own, status in _ROLE_KEYS:
            said = own in cats or status in cats
            if said and (allow_total or role != "total"):
                if role == "total" and doc.words[i] == "/":
                    continue
                return role
    return None


def _all_of(doc: Prepared, a: int, b: int) -> bool:
    """ "đều" ("all of them") right before the first role word after a count."""
    for i in range(a, b):
        cats = tag_cats(doc, i)
        if "summaries.all_of" in cats:
            return True
        if not cats.isdisjoint(_ROLE_CATS):
            return False
    return False


def read_sentence(
    doc: Prepared, a: int, b: int, qs: list[Quantity], sentence: int
) -> list[_Summary]:
    out: list[_Summary] = []
    cur = _Summary(sentence=sentence)
    prev_end = a
    for k, q in enumerate(qs):
        split = last_boundary(doc, prev_end, q.first) if k else None
        pre_a = split + 1 if split is not None else prev_end
        nxt = qs[k + 1].first if k + 1 < len(qs) else b
        # A count's own words stop at a heading colon or a clause end ("5 chỉ tiêu: (1) …").
        stop = next((i for i in range(q.last, nxt) if doc.words[i] in (":", ";")), None)
        if stop is not None and k + 1 >= len(qs):
            nxt = stop
        post_split = last_boundary(doc, q.last, nxt) if k + 1 < len(qs) else None
        post_b = post_split if post_split is not None else nxt
        role = _role(doc, q.last, post_b, first=True, allow_total=True)
        if role is None:
            role = _role(doc, pre_a, q.first, first=False, allow_total=True)
        assign: dict[str, int] = {}
        if q.total is None and role not in (None, "total") and _all_of(doc, q.last, post_b):
            assign["total"] = int(q.value)  # "4 chỉ tiêu … đều hoàn thành": all of them
        if q.total is not None:
            assign["total"] = int(q.total)
            assign[role if role and role != "total" else "achieved"] = int(q.value)
        else:
            assign[role or "total"] = int(q.value)
        if any(cur.counts.get(k2, v) != v for k2, v in assign.items()):
            out.append(cur)
            cur = _Summary(sentence=sentence)
        if not cur.counts:
            cur.start = q.start
        cur.counts.update(assign)
        cur.end = q.end
        prev_end = q.last
    if cur.counts:
        _single_mentions(doc, a, b, qs, cur)
        out.append(cur)
    return out


def _single_mentions(doc: Prepared, a: int, b: int, qs: list[Quantity], cur: _Summary) -> None:
    """ "…; riêng chỉ tiêu tỷ lệ lao động qua đào tạo chưa đạt": one target named alone. The
    clause may also open on it ("12/13 chỉ tiêu đạt và vượt; chỉ tiêu thu ngân sách không đạt")."""
    counted = {q.last - 1 for q in qs} | {i for q in qs for i in range(q.first, q.last)}
    # Only the words right after "riêng", ";" or "," can open one: visit those, found by one
    # C-level pass over the sentence's words (a doc-wide position list per opener cost more,
    # built for the few sentences that count targets).
    words = doc.words
    after_opener = map(_OPENERS.__contains__, words[a : max(a, b - 1)])
    for i in compress(range(a + 1, b), after_opener):
        tag = doc.tag(i)
        if tag is None or tag.start != i or i in counted:
            continue
        cats = tag.categories
        if not ({"summaries.set_noun", "references.plan"} & cats):
            continue
        if words[i - 1] != "riêng" and not _names_one(doc, tag.end, b, cats):
            continue
        end = next((k for k in range(i, b) if doc.words[k] in (";", ".")), b)
        role = _role(doc, tag.end, end, first=True, allow_total=False)
        if role in ("not_achieved", "pending") and role not in cur.counts:
            cur.counts[role] = 1


_OPENERS = frozenset(("riêng", ";", ","))


def _names_one(doc: Prepared, nxt: int, b: int, cats: frozenset[str]) -> bool:
    """ "chỉ tiêu thu ngân sách …": the set noun, then the name of one target (not "chỉ tiêu
    chưa đạt gồm …", which may be several)."""
    return (
        "summaries.set_noun" in cats
        and nxt < b
        and doc.kinds[nxt] == "word"
        and not has_prefix(tag_cats(doc, nxt), ("modes.", "verbs.", "summaries.", "comparators."))
    )


def reports_met(summaries: list[_Summary]) -> bool:
    """Counts of targets met, not met or pending (not a bare "đề ra 16 chỉ tiêu")."""
    # Asked of every sentence, most with no count of targets: no generator for those.
    return bool(summaries) and any(set(s.counts) - {"total"} for s in summaries)


def named_apart(doc: Prepared, a: int, b: int, sentence: int) -> list[_Summary]:
    """ "Tuy nhiên, chỉ tiêu giải ngân vốn đầu tư công … không đạt chỉ tiêu đề ra.": one target
    named as not met (or pending) in a sentence of its own, after the count of targets."""
    starts = doc.category_starts("summaries.set_noun")
    j = bisect.bisect_left(starts, a)
    if j == len(starts) or starts[j] >= b:
        return []
    i = starts[j]
    tag = doc.tag(i)
    if tag is None or (i > a and doc.words[i - 1] not in (",", "riêng")):
        return []  # the named target opens its clause
    nxt = tag.end
    if (
        nxt >= b
        or doc.kinds[nxt] != "word"
        or has_prefix(tag_cats(doc, nxt), ("modes.", "verbs.", "summaries.", "comparators."))
    ):
        return []  # "chỉ tiêu đề ra", "chỉ tiêu 5": not one target named
    end = next((k for k in range(nxt, b) if doc.words[k] == ";"), b)
    role = _role(doc, nxt, end, first=True, allow_total=False)
    if role not in ("not_achieved", "pending"):
        return []
    start = doc.starts[i]
    return [_Summary({role: 1}, start, doc.ends[end - 1], sentence, named=True)]


def _fits(m: _Summary, s: _Summary) -> bool:
    """ "hoàn thành 18/20 chỉ tiêu. … Có 2 chỉ tiêu không đạt": counts that complete the set
    stated just before (one total, and the parts add up to no more than it)."""
    counts = {**m.counts, **s.counts}
    total = counts.get("total")
    if total is None or ("total" in m.counts) == ("total" in s.counts):
        return False
    parts = sum(counts.get(k, 0) for k in ("achieved", "not_achieved", "pending"))
    return parts <= total


def _completes(m: _Summary, s: _Summary) -> bool:
    """ "18 chỉ tiêu, 16 đạt và vượt. Trong đó: nhóm kinh tế 6/7 … 02 chỉ tiêu không đạt": a
    count of targets missed, after the groups, makes up exactly the set stated before them."""
    if "total" in s.counts or set(s.counts) - {"not_achieved", "pending"} or not s.counts:
        return False
    if "total" not in m.counts or set(s.counts) & set(m.counts):
        return False
    counts = {**m.counts, **s.counts}
    parts = sum(counts.get(k, 0) for k in ("achieved", "not_achieved", "pending"))
    return "achieved" in counts and parts == counts["total"]


def _consistent(counts: dict[str, int]) -> bool:
    """Counts that can describe one set of targets. Two groups of the same size ("Trong 2 chỉ
    tiêu lĩnh vực môi trường …, cả 2 đều vượt" then "Trong 2 chỉ tiêu quốc phòng – an ninh …, 1
    đạt, 1 không đạt") agree on their total but not on their parts, and must stay apart."""
    achieved, exceeded = counts.get("achieved"), counts.get("exceeded")
    if achieved is not None and exceeded is not None and exceeded > achieved:
        return False  # "đạt" includes "vượt" wherever both are stated
    total = counts.get("total")
    if total is None:
        return True
    met = achieved if achieved is not None else (exceeded or 0)
    return met + counts.get("not_achieved", 0) + counts.get("pending", 0) <= total


def _met_in_parts(whole: _Summary, parts: _Summary) -> int | None:
    """ "14/16 chỉ tiêu hoàn thành" then "có 10 chỉ tiêu vượt, 4 chỉ tiêu đạt và 2 chỉ tiêu
    không đạt": the same set told whole and in parts; the targets met (achieved, exceeded ones
    included) are the whole's count, when the parts add up to it."""
    w, p = whole.counts, parts.counts
    if "exceeded" in w or "achieved" not in w or "achieved" not in p or "exceeded" not in p:
        return None
    if p["achieved"] + p["exceeded"] != w["achieved"]:
        return None
    if any(w[k] != p[k] for k in set(w) & set(p) - {"achieved"}):
        return None
    return w["achieved"]


def merge(summaries: list[_Summary]) -> list[ExtractedSummary]:
    merged: list[_Summary] = []
    for s in summaries:
        # Only recent summaries can be restated (a headline, then the body): bounded work.
        for m in merged[-8:]:
            shared = set(s.counts) & set(m.counts)
            agree = all(s.counts[k] == m.counts[k] for k in shared)
            # "đề ra 22 chỉ tiêu. … có 19 chỉ tiêu đạt": a total stated alone, then its counts.
            follows = m is merged[-1] and (
                (set(m.counts) == {"total"} and "total" not in s.counts)
                or (set(s.counts) == {"total"} and "total" not in m.counts)
            )
            restates = shared and agree and _consistent({**m.counts, **s.counts})
            met = _met_in_parts(m, s) or _met_in_parts(s, m)
            if restates or follows or met or (m is merged[-1] and not shared and _fits(m, s)):
                m.counts.update(s.counts)
                if met:
                    m.counts["achieved"] = met
                break
        else:
            whole = next((m for m in reversed(merged[-8:]) if _completes(m, s)), None)
            if whole is not None:
                whole.counts.update(s.counts)
            elif not s.named:  # a target named apart with no count before it is no summary
                merged.append(_Summary(dict(s.counts), s.start, s.end, s.sentence))
    return [
        ExtractedSummary(
            total=m.counts.get("total"),
            achieved=m.counts.get("achieved"),
            exceeded=m.counts.get("exceeded"),
            not_achieved=m.counts.get("not_achieved"),
            pending=m.counts.get("pending"),
            span=(m.start, m.end),
            sentence=m.sentence,
            rule="summary",
        )
        for m in merged
        if set(m.counts) != {"total"}  # a bare number of targets says nothing about them
    ]
