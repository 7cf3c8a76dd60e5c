"""One clause, its quantities and the text around each: the cue chain right before a number,
the name before it, the words after it. Shared by the target, result and summary rules."""

from __future__ import annotations

from dataclasses import dataclass

from chitieu.text.quantities import Quantity
from chitieu.text.tokens import Prepared

BOUNDARY_PUNCT = {",", ";", ":", "(", ")"}
BOUNDARY_WORDS = {"và"}
# Cue categories that may sit between a name and its number ("tăng bình quân khoảng 5%").
CHAIN = (
    "comparators.",
    "verbs.",
    "names.filler",
    "modes.estimated",
    "modes.result",
    "modes.target",
    "status.",
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


@dataclass
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
    subset: bool = False  # opens with "trong đó": a part of the statement before
    tail: tuple[int, int] | None = None  # name words after a parenthesised restatement


_EMPTY: frozenset[str] = frozenset()


def tag_cats(doc: Prepared, i: int) -> frozenset[str]:
    """The categories of the cue phrase covering token i, with their file prefixes."""
    j = doc.tag_of[i] if 0 <= i < len(doc.tag_of) else -1
    return doc.tags[j].keys if j >= 0 else _EMPTY


def has_prefix(cats: frozenset[str], prefixes: tuple[str, ...] | str) -> bool:
    """True when one of the categories is, or lies under, one of the prefixes. Prefixes end
    with "." (a whole file) or name a full category."""
    if isinstance(prefixes, str):
        return prefixes in cats
    return not cats.isdisjoint(prefixes)


def range_has(doc: Prepared, a: int, b: int, category: str) -> bool:
    return any(category in tag_cats(doc, i) for i in range(a, b))


def first_tag_in(doc: Prepared, a: int, b: int, prefixes: tuple[str, ...]) -> int | None:
    for i in range(a, b):
        if has_prefix(tag_cats(doc, i), prefixes):
            t = doc.tag(i)
            return t.start if t is not None else i
    return None


def is_boundary(doc: Prepared, i: int, words: bool = True) -> bool:
    """ ",", ";", ":", "(", ")" and, between statements, a lone "và" (not the one inside
    "đạt và vượt")."""
    tok = doc.tokens[i]
    if tok.kind == "punct" and tok.text in BOUNDARY_PUNCT:
        return True
    if not words or tok.text not in BOUNDARY_WORDS:
        return False
    tag = doc.tag(i)
    return tag is not None and tag.end - tag.start == 1


def last_boundary(doc: Prepared, a: int, b: int, words: bool = True) -> int | None:
    """Index of the last boundary in [a, b), skipping parenthesised text with no number."""
    i = b - 1
    while i >= a:
        tok = doc.tokens[i]
        if tok.text == ")":
            j = i - 1
            while j >= a and doc.tokens[j].text != "(":
                if doc.tokens[j].kind == "num" and doc.trap_at(doc.tokens[j].start) is None:
                    break
                j -= 1
            if j >= a and doc.tokens[j].text == "(":
                i = j - 1
                continue
            return i
        if is_boundary(doc, i, words):
            return i
        i -= 1
    return None


def first_boundary(doc: Prepared, a: int, b: int) -> int:
    i = a
    while i < b:
        tok = doc.tokens[i]
        if tok.text == "(":
            j = i + 1
            while j < b and doc.tokens[j].text != ")":
                j += 1
            if j < b:
                i = j + 1
                continue
            return i
        if is_boundary(doc, i):
            return i
        i += 1
    return b


def _chain_start(doc: Prepared, a: int, end: int) -> int:
    i = end
    while i > a:
        cats = tag_cats(doc, i - 1)
        if not has_prefix(cats, CHAIN):
            break
        t = doc.tag(i - 1)
        i = max(a, t.start if t is not None else i - 1)
    return i


def trim(doc: Prepared, a: int, b: int) -> tuple[int, int]:
    """Drop framing words and punctuation from both ends of a name."""
    # "(1) tăng trưởng GRDP …": an inline list number is not part of the name.
    while a < b and doc.trap_at(doc.tokens[a].start) == "inline_numbering":
        a += 1
    changed = True
    while changed and a < b:
        changed = False
        tok = doc.tokens[a]
        cats = tag_cats(doc, a)
        if tok.kind == "punct" and tok.text not in ('"', "'"):
            a, changed = a + 1, True
        elif has_prefix(cats, ("names.filler", "modes.target", "modes.result", "comparators.")):
            t = doc.tag(a)
            a, changed = (t.end if t is not None else a + 1), True
        if a >= b:
            break
        tok = doc.tokens[b - 1]
        cats = tag_cats(doc, b - 1)
        if tok.kind == "punct" and tok.text not in ('"', "'", ")"):
            b, changed = b - 1, True
        elif has_prefix(cats, ("names.filler", "verbs.", "comparators.")):
            t = doc.tag(b - 1)
            b, changed = (t.start if t is not None else b - 1), True
    if a < b and doc.tokens[b - 1].text == ")":
        depth = sum(
            1 if doc.tokens[k].text == "(" else -1 if doc.tokens[k].text == ")" else 0
            for k in range(a, b)
        )
        if depth < 0:
            b -= 1
    return (a, b) if a < b else (a, a)


# Words that open a sub-statement: a split before them is the right one ("…, trong đó …").
CONNECTORS = ("summaries.subset", "names.filler")
# A first segment that only sets the scene ("Năm 2026, …", "Về xây dựng Đảng, …").
_INTRO_WORDS = {"về", "theo", "tại", "sau", "qua", "đến", "tính", "cụ", "năm"}


def _split(doc: Prepared, a: int, b: int) -> int | None:
    """Where the words after one quantity stop and the words before the next begin."""
    bounds: list[int] = []
    i = a
    while i < b:
        tok = doc.tokens[i]
        if tok.text == "(":
            j = i + 1
            has_num = False
            while j < b and doc.tokens[j].text != ")":
                has_num = has_num or (
                    doc.tokens[j].kind == "num" and doc.trap_at(doc.tokens[j].start) is None
                )
                j += 1
            if j >= b or has_num:
                bounds.append(i)
                break
            i = j + 1
            continue
        if is_boundary(doc, i):
            bounds.append(i)
        i += 1
    if not bounds:
        return None
    for k in reversed(bounds):
        if k + 1 < b and has_prefix(tag_cats(doc, k + 1), CONNECTORS):
            return k
    return bounds[0]


# A label that names a field of targets, not an indicator ("Lĩnh vực quốc phòng - an ninh:").
_FIELD_WORDS = {"về", "lĩnh", "khối", "nhóm"}


def _top_level_comma(doc: Prepared, a: int, b: int) -> int | None:
    depth = 0
    for i in range(a, b):
        t = doc.tokens[i].text
        depth += (t == "(") - (t == ")")
        if t == "," and depth == 0:
            return i
    return None


def _is_intro(doc: Prepared, a: int, b: int) -> bool:
    if a >= b:
        return False
    if doc.tokens[a].text in _INTRO_WORDS:
        return True
    if b - a > 6:
        return False
    for i in range(a, b):
        cats = tag_cats(doc, i)
        # A date, a period or a reporting cue sets the scene; "phấn đấu tỷ lệ xã, phường …"
        # does not.
        if has_prefix(cats, ("modes.result", "references.period")) or doc.tokens[i].kind == "num":
            return True
    return False


def _is_attribution(doc: Prepared, a: int, b: int) -> bool:
    """ "Báo cáo tại kỳ họp cho biết, …": who speaks, not what is measured."""
    return any("names.attribution" in tag_cats(doc, i) for i in range(max(a, b - 4), b))


def _skip_leading_cues(doc: Prepared, i: int, b: int) -> tuple[int, str | None]:
    """Past cue words, punctuation and numbers that open a name; a tăng/giảm among them is
    remembered ("kéo giảm số vụ tội phạm …")."""
    verb = None
    while i < b:
        tok = doc.tokens[i]
        cats = tag_cats(doc, i)
        t = doc.tag(i)
        if (tok.kind == "punct" and tok.text not in ('"', "'", "(")) or (
            doc.trap_at(tok.start) == "inline_numbering"
        ):
            i += 1
        elif tok.kind == "num" or has_prefix(cats, _LEADING):
            if "verbs.increase" in cats:
                verb = "increase"
            elif "verbs.decrease" in cats:
                verb = "decrease"
            i = t.end if t is not None and t.start == i else i + 1
        else:
            break
    return i, verb


_LEADING = (
    "names.filler",
    "modes.",
    "comparators.",
    "verbs.",
    "status.",
    "summaries.subset",
    "references.period",  # "năm 2023 tăng trưởng kinh tế …"
)


def name_span(
    doc: Prepared, a: int, b: int, strip_intro: bool, label: bool = True
) -> tuple[tuple[int, int], str | None]:
    """The indicator named in tokens [a, b) (the words before a number's cue chain):
    after a ':' head and an introductory segment, past leading cue words (remembering a
    leading tăng/giảm), up to the first predicate word."""
    for i in range(b - 1, a - 1, -1):
        if doc.tokens[i].text == ":":
            # "- Tỷ lệ hộ nghèo: 0,85%": a label ends with the colon.
            # "- Tỷ lệ hộ nghèo: 0,85%" is a label; "Tai nạn giao thông giảm …: xảy ra 224 vụ"
            # is a sentence whose figures follow.
            verb_before = first_tag_in(doc, a, i, PREDICATE) is not None
            field = a < i and doc.tokens[a].text in _FIELD_WORDS  # "Về xây dựng Đảng: …"
            if (
                any(doc.tokens[k].kind == "word" for k in range(i + 1, b))
                or (not label and verb_before)
                or field
            ):
                a = i + 1
            else:
                b = i
            break
    if strip_intro:
        # "…các chỉ tiêu kế hoạch năm 2024, trong đó tốc độ tăng trưởng … đạt 7%": the name
        # follows the last "trong đó".
        for k in range(b - 1, a, -1):
            if doc.tokens[k - 1].text == "," and "summaries.subset" in tag_cats(doc, k):
                if _top_level_comma(doc, k - 1, k) is not None:
                    a = k
                break
        while True:
            comma = _top_level_comma(doc, a, b)
            if comma is None or not (_is_intro(doc, a, comma) or _is_attribution(doc, a, comma)):
                break
            a = comma + 1
    i, verb = _skip_leading_cues(doc, a, b)
    # "Đảng ủy xã đề ra chỉ tiêu thu nhập …": who sets the target comes before the verb.
    first_predicate = first_tag_in(doc, i, b, PREDICATE)
    for k in range(i, b if first_predicate is None else first_predicate):
        t = doc.tag(k)
        if t is not None and t.start == k and "modes.setter" in t.categories and k > i:
            i, lead = _skip_leading_cues(doc, t.end, b)
            verb = lead or verb
            break
    end = first_tag_in(doc, i, b, PREDICATE)
    if end is not None and end > i:
        # "Công an tỉnh kéo giảm tội phạm …": actor, verb, then the indicator.
        cats = tag_cats(doc, end)
        t = doc.tag(end)
        after = t.end if t is not None else end + 1
        named_rate = any("indicators.rate" in tag_cats(doc, k) for k in range(i, end))
        if has_prefix(cats, ("verbs.increase", "verbs.decrease")) and after < b and not named_rate:
            nxt = first_tag_in(doc, after, b, PREDICATE)
            if trim(doc, after, nxt if nxt is not None else b)[0] < b:
                verb = "increase" if "verbs.increase" in cats else "decrease"
                i, end = after, nxt
    na, nb = trim(doc, i, end if end is not None else b)
    while nb > na and (
        doc.tokens[nb - 1].kind == "num"
        or doc.tokens[nb - 1].text == "%"
        or has_prefix(tag_cats(doc, nb - 1), "comparators.")
    ):
        nb -= 1
        na, nb = trim(doc, na, nb)
    return (na, nb), verb


def build_slots(doc: Prepared, a: int, b: int, qs: list[Quantity]) -> list[Slot]:
    slots: list[Slot] = []
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
                pres.append((split + 1 if doc.tokens[split].text != "(" else split, q.first))
        prev_end = q.last
    if qs:
        posts.append((qs[-1].last, b))
    for k, q in enumerate(qs):
        pa, pb = pres[k]
        chain_a = _chain_start(doc, pa, pb)
        (na, nb), head_verb = name_span(
            doc, pa, chain_a, strip_intro=(k == 0), label=(chain_a == pb)
        )
        post = posts[k]
        near = (post[0], first_boundary(doc, post[0], post[1]))
        in_paren = _inside_paren(doc, pa if k else a, q.first)
        slots.append(
            Slot(q, (pa, pb), post, near, (chain_a, pb), (na, nb), head_verb, in_paren, (pa, pb))
        )
        slots[-1].subset = pa < pb and has_prefix(tag_cats(doc, pa), "summaries.subset")
    _restatements(doc, slots, b)
    _respectively(doc, a, slots)
    return slots


def _restatements(doc: Prepared, slots: list[Slot], b: int) -> None:
    """ "50% số xã (8 xã) đạt chuẩn …": the words after the parenthesis still name the first."""
    for k in range(len(slots) - 1):
        nxt = slots[k + 1]
        if not nxt.in_paren:
            continue
        close = nxt.q.last
        while close < b and doc.tokens[close].text != ")":
            close += 1
        if close >= b:
            continue
        end = first_boundary(doc, close + 1, b)
        if end > close + 1:
            slots[k].tail = (close + 1, end)


def _inside_paren(doc: Prepared, a: int, b: int) -> bool:
    depth = 0
    for i in range(b - 1, a - 1, -1):
        t = doc.tokens[i].text
        if t == ")":
            depth += 1
        elif t == "(":
            if depth == 0:
                return True
            depth -= 1
    return False


def subject(doc: Prepared, a: int, b: int) -> tuple[int, int]:
    """The clause's subject: from its start (after a ':' head) to the first predicate word."""
    colon = None
    for i in range(a, b):
        if doc.tokens[i].text == ":":
            colon = i
    start = colon + 1 if colon is not None else a
    end = first_tag_in(doc, start, b, (*PREDICATE, "verbs.exist"))
    return trim(doc, start, end if end is not None else b)


def head(doc: Prepared, a: int, b: int) -> tuple[int, int] | None:
    """ "tỷ lệ huy động học sinh …: nhà trẻ đạt 28,5%" -> the part before ':' names a group."""
    i = doc.first_colon(a, b)
    if i is None or i == a:
        return None
    if has_prefix(tag_cats(doc, i - 1), "names.filler"):
        return None  # "… như:", "… gồm:"
    ta, tb = trim(doc, a, i)
    comma = _top_level_comma(doc, ta, tb)
    if comma is not None and _is_intro(doc, ta, comma):
        ta, tb = trim(doc, comma + 1, tb)
    # A heading of the whole list ("…phấn đấu hoàn thành các chỉ tiêu:") is not a name.
    if any(has_prefix(tag_cats(doc, k), _HEADING) for k in range(ta, tb)):
        return None
    # "Tai nạn giao thông giảm trên cả 3 tiêu chí: …": the head is what comes before the verb.
    verb = first_tag_in(doc, ta, tb, PREDICATE)
    if verb is not None:
        ta, tb = trim(doc, ta, verb)
    # A heading of the whole list ("các chỉ tiêu chủ yếu năm 2026:") or of a field ("Về kinh
    # tế:") is not a name.
    if ta >= tb or doc.tokens[ta].text in _INTRO_WORDS | _FIELD_WORDS:
        return None
    if any(has_prefix(tag_cats(doc, k), _HEADING) for k in range(ta, tb)):
        return None
    return ta, tb


_HEADING = ("modes.target", "modes.result", "modes.section_target", "modes.section_result")


def _split_names(doc: Prepared, a: int, b: int) -> list[tuple[int, int]]:
    parts: list[tuple[int, int]] = []
    start = a
    for i in range(a, b):
        if doc.tokens[i].text in (",", "và") and (doc.tokens[i].text == "," or is_boundary(doc, i)):
            parts.append((start, i))
            start = i + 1
    parts.append((start, b))
    return [trim(doc, x, y) for x, y in parts if trim(doc, x, y)[0] < trim(doc, x, y)[1]]


def _respectively(doc: Prepared, a: int, slots: list[Slot]) -> None:
    """ "A và B lần lượt là 15,3% và 12,6%": give each value the name in the same position."""
    for k, slot in enumerate(slots):
        ca, cb = slot.chain
        if not range_has(doc, ca, cb, "verbs.respectively"):
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
        for i in range(slot.full_pre[0], ca):
            cats = tag_cats(doc, i)
            if doc.tokens[i].text == ":":
                start, verb = i + 1, None
            elif has_prefix(cats, PREDICATE):
                t = doc.tag(i)
                start = t.end if t is not None else i + 1
                if "verbs.increase" in cats:
                    verb = "increase"
                elif "verbs.decrease" in cats:
                    verb = "decrease"
        parts = _split_names(doc, start, ca)
        if len(parts) < len(group):
            continue
        parts = parts[-len(group) :]
        if verb is None:
            cats = frozenset().union(*(tag_cats(doc, i) for i in range(ca, cb)))
            verb = (
                "increase"
                if "verbs.increase" in cats
                else ("decrease" if "verbs.decrease" in cats else None)
            )
        texts = [doc.span_text(x, y) for x, y in parts]
        first_words = texts[0].split()
        for g, text in zip(group, texts, strict=True):
            words = text.split()
            # "tỷ trọng khu vực A và khu vực B": B shares the head written once before A.
            if g is not slot and words and words[0] in first_words[1:]:
                text = " ".join(first_words[: first_words.index(words[0])] + words)
            g.forced_name = text
            g.head_verb = verb or g.head_verb
