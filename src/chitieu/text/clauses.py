"""One clause, its quantities and the text around each: the cue chain right before a number,
the name before it, the words after it. Shared by the target, result and summary rules."""

from __future__ import annotations

from dataclasses import dataclass, field

from chitieu.text.cues import (
    BOUNDARY_PUNCT,
    BOUNDARY_WORDS,
    CHAIN,
    PREDICATE,
    first_boundary,
    has_prefix,
    is_boundary,
    range_has,
    tag_cats,
    trim,
)
from chitieu.text.quantities import Quantity
from chitieu.text.spans import name_span
from chitieu.text.tokens import Prepared


@dataclass(slots=True)  # slots: one is built per figure and its fields read by every rule
class Slot:
    q: Quantity
    pre: tuple[int, int]  # token range between the previous quantity (or split) and this one
    post: tuple[int, int]  # token range after this quantity up to the next split
    post_near: tuple[int, int]  # post up to its first boundary
    chain: tuple[int, int]  # cue words right before the number
    name_range: tuple[int, int]  # pre without the chain, trimmed
    head_verb: str | None  # "increase" / "decrease" when the name began with such a verb
    in_paren: bool
    full_pre: tuple[int, int]  # pre before cutting at the last "," (status, estimate cues)
    forced_name: str | None = None  # set by "lần lượt là" distribution
    # "A còn 0,21%, B còn 0,85%, giảm lần lượt 0,1% và 0,3%": the earlier figure this one
    # qualifies (set by the same distribution when the names are those figures').
    joins: Slot | None = None
    subset: bool = False  # opens with "trong đó": a part of the statement before
    tail: tuple[int, int] | None = None  # name words after a parenthesised restatement
    shared: tuple[int, int] | None = None  # "28 vụ, 46 đối tượng phạm tội …": the next's words
    # The cue categories (and "file." prefixes) of the chain's phrases, gathered once: every
    # rule asks the chain about one or two of them ("verbs.increase" in slot.chain_keys is
    # range_has(doc, *slot.chain, "verbs.increase")).
    chain_keys: frozenset[str] = frozenset()
    # naming.post_name's answers (near, full), read once: the result and the name rules both ask.
    post_names: list[str | None] = field(default_factory=lambda: [None, None])


_EMPTY: frozenset[str] = frozenset()


# Words that open a sub-statement: a split before them is the right one ("…, trong đó …").
CONNECTORS = frozenset(("summaries.subset", "names.filler"))


def _split(doc: Prepared, a: int, b: int) -> int | None:
    """Where the words after one quantity stop and the words before the next begin."""
    texts, kinds, starts, keys = doc.words, doc.kinds, doc.starts, doc.keys
    bounds: list[int] = []
    i = a
    while i < b:
        if texts[i] == "(":
            j = i + 1
            has_num = False
            while j < b and texts[j] != ")":
                has_num = has_num or (kinds[j] == "num" and doc.trap_at(starts[j]) is None)
                j += 1
            if j >= b or has_num:
                bounds.append(i)
                break
            i = j + 1
            continue
        # is_boundary and _amount_with, their cheap tests first (this walks every token).
        w = texts[i]
        if (
            w in BOUNDARY_PUNCT
            or (w in BOUNDARY_WORDS and is_boundary(doc, i))
            or ("names.amount_with" in keys[i] and _amount_with(doc, i, b))
        ):
            bounds.append(i)
        i += 1
    if not bounds:
        return None
    for k in reversed(bounds):
        if k + 1 < b and not keys[k + 1].isdisjoint(CONNECTORS):
            return k
    return bounds[0]


_HEADS = ("indicators.rate", "indicators.amount", "indicators.head")


def _amount_with(doc: Prepared, i: int, b: int) -> bool:
    """ "150 căn nhà tình thương với tổng kinh phí 4,5 tỷ đồng": a "với" (names.amount_with)
    before an indicator's head word ends what the figure before counts and opens the name of
    the next one."""
    if "names.amount_with" not in doc.keys[i] or i + 1 >= b:
        return False
    t = doc.tag(i + 1)
    return t is not None and t.start == i + 1 and has_prefix(t.categories, _HEADS)


def build_slots(doc: Prepared, a: int, b: int, qs: list[Quantity]) -> list[Slot]:
    if not qs:
        return []  # most clauses of prose hold no figure
    slots: list[Slot] = []
    keys = doc.keys
    prev_end = a
    pres: list[tuple[int, int]] = []
    posts: list[tuple[int, int]] = []
    for k, q in enumerate(qs):
        if k == 0:
            pres.append((a, q.first))
        else:
            split = _split(doc, prev_end, q.first)
            if split is None:
                posts.append((prev_end, prev_end))
                pres.append((prev_end, q.first))
            else:
                posts.append((prev_end, split))
                pres.append((split + 1 if doc.words[split] != "(" else split, q.first))
        prev_end = q.last
    if qs:
        posts.append((qs[-1].last, b))
    for k, q in enumerate(qs):
        pa, pb = pres[k]
        # Where the cue chain before the number starts (inline: this runs for every figure).
        chain_a = pb
        while chain_a > pa and not keys[chain_a - 1].isdisjoint(CHAIN):
            chain_a = max(pa, doc.tags[doc.tag_of[chain_a - 1]].start)  # keys: tagged tokens
        (na, nb), head_verb = name_span(
            doc, pa, chain_a, strip_intro=(k == 0), label=(chain_a == pb)
        )
        post = posts[k]
        near = (post[0], first_boundary(doc, post[0], post[1]))
        # Most spans hold no bracket: one C-level search says so, with no call.
        start = pa if k else a
        in_paren = "(" in doc.words[start : q.first] and _inside_paren(doc, start, q.first)
        if k and not in_paren and slots[-1].in_paren:
            # "(đạt 91,2%, kế hoạch 93%)": still inside the bracket the figure before opened
            in_paren = ")" not in doc.words[qs[k - 1].last : q.first]
        slot = Slot(q, (pa, pb), post, near, (chain_a, pb), (na, nb), head_verb, in_paren, (pa, pb))
        slot.subset = pa < pb and "summaries.subset" in keys[pa]
        slot.chain_keys = _EMPTY.union(*keys[chain_a:pb])
        slots.append(slot)
    if len(slots) > 1:  # each of these relates a figure to another of its clause
        _restatements(doc, slots, b)
        _shared_tails(doc, slots)
        _respectively(doc, a, slots)
    return slots


def _restatements(doc: Prepared, slots: list[Slot], b: int) -> None:
    """ "50% số xã (8 xã) đạt chuẩn …": the words after the parenthesis still name the first."""
    for k in range(len(slots) - 1):
        nxt = slots[k + 1]
        if not nxt.in_paren:
            continue
        # The next ")" by binary search: scanning for it from every bracketed number of a
        # long clause whose brackets never close was quadratic.
        close = doc.next_token(")", nxt.q.last)
        if close is None or close >= b:
            continue
        end = first_boundary(doc, close + 1, b)
        if end > close + 1:
            slots[k].tail = (close + 1, end)


def _shared_tails(doc: Prepared, slots: list[Slot]) -> None:
    """ "bắt giữ 28 vụ, 46 đối tượng phạm tội về ma túy": two counts listed with a comma,
    the first with no words after it, share what the second is of."""
    for k in range(len(slots) - 1):
        s, nxt = slots[k], slots[k + 1]
        if (
            s.q.unit_kind == "count"
            and nxt.q.unit_kind == "count"
            and s.q.unit != nxt.q.unit
            and s.post_near[0] == s.post_near[1]
            and nxt.pre[1] - s.q.last <= 1  # only the comma between them
            and s.q.last < len(doc.words)
            and doc.words[s.q.last] == ","
            and nxt.post_near[0] < nxt.post_near[1]
            and doc.kinds[nxt.post_near[0]] == "word"
        ):
            s.shared = nxt.post_near


def _inside_paren(doc: Prepared, a: int, b: int) -> bool:
    texts = doc.words
    if "(" not in texts[a:b]:
        return False  # most spans hold no bracket: one C-level search says so
    depth = 0
    for i in range(b - 1, a - 1, -1):
        t = texts[i]
        if t == ")":
            depth += 1
        elif t == "(":
            if depth == 0:
                return True
            depth -= 1
    return False


def _split_names(doc: Prepared, a: int, b: int) -> list[tuple[int, int]]:
    parts: list[tuple[int, int]] = []
    start = a
    for i in range(a, b):
        if doc.words[i] in (",", "và") and (doc.words[i] == "," or is_boundary(doc, i)):
            parts.append((start, i))
            start = i + 1
    parts.append((start, b))
    return [trim(doc, x, y) for x, y in parts if trim(doc, x, y)[0] < trim(doc, x, y)[1]]


def _respectively(doc: Prepared, a: int, slots: list[Slot]) -> None:
    """ "A và B lần lượt là 15,3% và 12,6%": give each value the name in the same position."""
    for k, slot in enumerate(slots):
        ca = slot.chain[0]
        if "verbs.respectively" not in slot.chain_keys:
            continue
        group = [slot]
        for nxt in slots[k + 1 :]:
            if nxt.name_range[0] < nxt.name_range[1]:
                break
            group.append(nxt)
        if len(group) < 2:
            continue
        # The names run from the last predicate before them (or the clause start) to the cue.
        start = a
        verb = None
        subject: tuple[int, int] | None = None  # the words before the last predicate
        for i in range(slot.full_pre[0], ca):
            cats = tag_cats(doc, i)
            if doc.words[i] == ":":
                start, verb, subject = i + 1, None, None
            elif has_prefix(cats, PREDICATE):
                t = doc.tag(i)
                subject = (start, i)
                start = t.end if t is not None else i + 1
                if "verbs.increase" in cats:
                    verb = "increase"
                elif "verbs.decrease" in cats:
                    verb = "decrease"
        # "A còn 0,21%, B còn 0,85%, giảm lần lượt 0,1% và 0,3%": the figures just before
        # the cue, with nothing but punctuation after them, are what the values qualify.
        prior = [s for s in slots[:k] if s.q.first >= start]
        if (
            len(prior) >= len(group)
            and all(g.q.is_percent for g in group)  # changes or shares of plan
            and all(doc.kinds[i] == "punct" for i in range(prior[-1].q.last, ca))
        ):
            cats = slot.chain_keys
            if verb is None and "verbs.increase" in cats:
                verb = "increase"
            elif verb is None and "verbs.decrease" in cats:
                verb = "decrease"
            for g, p in zip(group, prior[-len(group) :], strict=True):
                g.joins = p  # a result adds to p's item; a target takes p's name
                g.forced_name = p.forced_name or doc.span_text(*p.name_range) or None
                g.head_verb = verb or g.head_verb
            continue
        parts = _split_names(doc, start, ca)
        head = ""
        if len(parts) < len(group) and subject is not None:
            # "Xoài, nhãn và mận là ba loại quả chủ lực với sản lượng lần lượt 145.000 tấn,
            # 210.000 tấn và 98.000 tấn": the names are the subject, the indicator is named
            # after the verb.
            parts = _split_names(doc, *subject)
            if len(parts) == len(group) + 1 and (
                doc.numbers_in(*parts[0]) or range_has(doc, *parts[0], "references.period")
            ):
                parts = parts[1:]  # "Năm 2025, lúa, ngô và sắn là …": the period sets the scene
            if len(parts) != len(group) or any(doc.numbers_in(x, y) for x, y in parts):
                continue  # names are words, not figures
            at = next(
                (k for k in range(ca - 1, start - 1, -1) if has_prefix(tag_cats(doc, k), _HEADS)),
                None,
            )
            t = doc.tag(at) if at is not None else None
            head = doc.span_text(t.start, t.end) + " " if t is not None else ""
        if len(parts) < len(group):
            continue
        parts = parts[-len(group) :]
        if verb is None:
            cats = slot.chain_keys
            verb = (
                "increase"
                if "verbs.increase" in cats
                else ("decrease" if "verbs.decrease" in cats else None)
            )
        texts = [head + doc.span_text(x, y) for x, y in parts]
        first_words = texts[0].split()
        for g, text in zip(group, texts, strict=True):
            words = text.split()
            # "tỷ trọng khu vực A và khu vực B": B shares the head written once before A.
            if g is not slot and words and words[0] in first_words[1:]:
                text = " ".join(first_words[: first_words.index(words[0])] + words)
            g.forced_name = text
            g.head_verb = verb or g.head_verb
