"""How a result's figure is read against its basis: a plan ("95,3% kế hoạch" is a percent of
target), a past period ("tăng 8% so với cùng kỳ" is a change), a status word ("vượt", "đạt").

Split out of results.py so that the tests of a basis live apart from the loop that builds items
(results.py), and so modes.py can ask "is this measured against a plan?" without importing
the item builder.
"""

from __future__ import annotations

import bisect

from chitieu.text.clauses import Slot
from chitieu.text.cues import has_prefix, range_has, tag_cats
from chitieu.text.naming import NameAnswers, _name_words, _text
from chitieu.text.quantities import Quantity
from chitieu.text.tokens import Prepared


def starts_with_plan(doc: Prepared, a: int, b: int) -> bool:
    """ "126,82% chỉ tiêu Nghị quyết", "100% so với nghị quyết": measured against a plan."""
    if a >= b:
        return False
    cats = tag_cats(doc, a)
    if "references.plan" in cats:
        return True
    # (no "so với" opening the words, the usual case: no _after_compare call)
    return "references.compare" in cats and _after_compare(doc, a, b, "references.plan")


def _after_compare(doc: Prepared, a: int, b: int, category: str) -> bool:
    """ "so với <category>": a comparing cue opens [a, b) and a `category` cue follows it."""
    if "references.compare" not in tag_cats(doc, a):
        return False
    t = doc.tag(a)
    nxt = t.end if t is not None else a + 1
    return nxt < b and category in tag_cats(doc, nxt)


def against_basis(doc: Prepared, q: Quantity) -> bool:
    """ "95,3% kế hoạch", "74% so với cùng kỳ": a percentage measured against a plan or a
    period, whatever verb introduces it ("tương đương 95,3% kế hoạch năm")."""
    if not q.is_percent:
        return False
    end = min(len(doc.words), q.last + 4)
    return starts_with_plan(doc, q.last, end) or _compared_to_period(doc, q.last, end)


def _compared_to_period(doc: Prepared, a: int, b: int) -> bool:
    """ "so với cùng kỳ", "so với năm 2024", or a bare "cùng kỳ"."""
    if a >= b:
        return False
    cats = tag_cats(doc, a)
    if "references.period" in cats and "modes.result_basis" in cats:
        return True
    return _after_compare(doc, a, b, "references.period")


def _plan_before_paren(doc: Prepared, slot: Slot) -> bool:
    """ "vượt chỉ tiêu Bộ Công an giao (80%)": a bare figure in brackets right after plan words
    quotes the target."""
    first = slot.q.first
    paren = next((i for i in range(first - 1, max(-1, first - 7), -1) if doc.words[i] == "("), None)
    if paren is None or paren < slot.chain[0] - 1:
        return False  # words other than cue words between the bracket and the figure
    for i in range(paren - 1, max(-1, paren - 12), -1):
        if doc.kinds[i] == "num" and doc.trap_at(doc.starts[i]) is None:
            return False
        if has_prefix(tag_cats(doc, i), ("references.plan", "status.")):
            return True
    return False


def _compare_words(doc: Prepared, slot: Slot) -> str:
    a, b = slot.post_near
    if a < b and "references.compare" in tag_cats(doc, a):
        return _text(doc, (a, b))
    return ""


def signed_in_paren(doc: Prepared, first: int) -> bool:
    """ "giảm 21 vụ (-8,6%)": a signed percentage in brackets is the change."""
    if first < 2:
        return False
    words = doc.words
    return (
        words[first - 1] in ("-", "+")
        and doc.ends[first - 1] == doc.starts[first]
        and words[first - 2] == "("
    )


_STATUSES = (
    ("status.exceeded", "exceeded"),
    ("status.not_achieved", "not_achieved"),
    ("status.achieved", "achieved"),
)


def _status(doc: Prepared, a: int, b: int) -> str | None:
    keys = doc.keys
    for i in range(max(a, 0), min(b, len(keys))):
        cats = keys[i]
        if "status." in cats:  # the file prefix: one lookup for the usual token
            for key, status in _STATUSES:
                if key in cats:
                    return status
    return None


def listed_status(doc: Prepared, a: int, b: int) -> str | None:
    """ "Hai chỉ tiêu không đạt là tỷ lệ A (đạt 88,5%, …) và tỷ lệ B (đạt 31%, …)": targets
    with a status, then "là"/"gồm"/":", before the clause's first figure (a..b), give that
    status to every target the clause then lists."""
    words = doc.words
    nouns = doc.category_starts("summaries.set_noun")  # cached, sorted
    j = bisect.bisect_left(nouns, max(a, 0))
    if j < len(nouns) and nouns[j] < b:
        t = doc.tag(nouns[j])
        if t is None or t.end >= b:
            return None
        st = doc.tag(t.end)
        status = _status(doc, t.end, t.end + 1)
        if st is not None and status and st.end < b and words[st.end] in ("là", "gồm", ":"):
            return status
    return None


def _read_amount(doc: Prepared, name: str) -> bool:
    """The name is of an amount (an indicators.amount phrase), not a rate of one."""
    words = list(_name_words(name))  # split_words(fold(name)), read once per name
    amount = False
    for i in range(len(words)):
        found = doc.lexicon.cues.longest(words, i)
        if found is None:
            continue
        cats = found[1].categories
        if "indicators.rate" in cats and i == 0:
            return False
        if i == 0 and "names.term" in cats and found[0] > 1:
            # "tốc độ tăng trưởng giá trị sản xuất": a term opening on a rate ("tốc độ")
            # names that rate of the amount after it.
            inner = doc.lexicon.cues.longest(words[: found[0] - 1], 0)
            while inner is not None:
                if "indicators.rate" in inner[1].categories:
                    return False
                inner = doc.lexicon.cues.longest(words[: inner[0] - 1], 0)
        if "indicators.amount" in cats:
            amount = True
    return amount


_is_amount = NameAnswers(_read_amount)  # (names recur across clauses and texts)


def _plan_then_performed(doc: Prepared, slot: Slot, nxt: Slot | None) -> bool:
    """ "Chỉ tiêu thu ngân sách … là 50 tỷ đồng, thực hiện được 53,2 tỷ đồng": the first
    figure, named by a plan word, is the plan; the one a reporting word introduces is done."""
    if nxt is None or nxt.q.unit != slot.q.unit or slot.q.unit is None:
        return False
    starts = [slot.pre[0], slot.name_range[0]]
    starts += [k + 1 for k in range(slot.pre[0], slot.q.first) if doc.words[k] == ":"]
    if not any("references.plan" in tag_cats(doc, k) for k in starts):
        return False
    return range_has(doc, nxt.full_pre[0], nxt.q.first, "modes.result") or range_has(
        doc, nxt.full_pre[0], nxt.q.first, "verbs.performed"
    )
