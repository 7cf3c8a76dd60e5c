"""Names of indicators and the basis of a change, read from the words around a number."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from chitieu.text.clauses import Slot
from chitieu.text.columns import cell_break, column_unit
from chitieu.text.cues import has_prefix, tag_cats, trim
from chitieu.text.lexicon import Lexicon, split_words
from chitieu.text.normalize import fold
from chitieu.text.quantities import unit_at
from chitieu.text.spans import head, keys_over, subject
from chitieu.text.tokens import Prepared

# (a set: isdisjoint answers an untagged token's empty keys at once, a tuple is walked)
_NOT_A_NAME = frozenset(
    (
        "references.",
        "comparators.",
        "status.",
        "modes.",
        "verbs.increase",
        "verbs.decrease",
        "verbs.ratio_to_basis",
        "verbs.exceed_by",
    )
)


def _text(doc: Prepared, r: tuple[int, int]) -> str:
    return doc.span_text(r[0], r[1])


def post_name(doc: Prepared, slot: Slot, full: bool = False) -> str:
    """Words after the number that name what it counts ("98% đảng viên hoàn thành nhiệm vụ").
    Read once per slot: its ranges are fixed when the clause's slots are built."""
    known = slot.post_names[full]
    if known is None:
        known = slot.post_names[full] = _post_name(doc, slot, full)
    return known


_BASIS_OR_PART = frozenset(("references.compare", "summaries.subset"))


def _post_name(doc: Prepared, slot: Slot, full: bool) -> str:
    a, b = slot.post if full else slot.post_near
    if a >= b and slot.shared is not None:
        return _text(doc, trim(doc, *slot.shared))  # "28 vụ, 46 đối tượng phạm tội về ma túy"
    keys = doc.keys  # indexes below b are tokens: no bounds check (tag_cats) needed
    # "90% trở lên tổ chức cơ sở đảng …": a bound word may come before the name.
    while a < b and "comparators.at_least" in keys[a]:
        t = doc.tag(a)
        a = t.end if t is not None else a + 1
    # "21 đoàn viên đã được kết nạp Đảng": an auxiliary is read past, not a cue that ends.
    k = a
    while k < b and "names.actor_end" in keys[k]:
        t = doc.tag(k)
        k = t.end if t is not None else k + 1
    # "1.250 lao động được giải quyết việc làm": "được" (a weak report sign) opens a name.
    if k >= b or (not keys[k].isdisjoint(_NOT_A_NAME) and "modes.result_weak" not in keys[k]):
        return ""
    a2, b2 = trim(doc, a, b)
    # Stop before a comparison that is a basis, not part of the name.
    for i in range(a2, b2):
        if not keys[i].isdisjoint(_BASIS_OR_PART):
            b2 = i
            break
    a2, b2 = trim(doc, a2, b2)
    words = _text(doc, (a2, b2))
    if slot.tail is not None:
        words = " ".join(x for x in (words, _text(doc, trim(doc, *slot.tail))) if x)
    return words


def _plan_words(doc: Prepared, slot: Slot) -> str:
    a, b = slot.post_near
    if a < b and "references.plan" in tag_cats(doc, a):
        # The plan's name may hold a "và" ("chỉ tiêu tuyển chọn và gọi công dân nhập ngũ").
        end = a
        while end < slot.post[1] and doc.words[end] not in (",", ";", "(", ")", "."):
            end += 1
        if end - a > 2:
            return _text(doc, trim(doc, a, end))
    return ""


def slot_name(
    doc: Prepared,
    slot: Slot,
    clause: tuple[int, int],
    prev_name: str | None,
) -> str | None:
    q = slot.q
    if slot.forced_name:
        return slot.forced_name
    own = doc.span_text(*_own_range(doc, slot))
    # (the chain's keys hold "names.actor_end" whenever its first phrase is one)
    done = _completed_by_actor(doc, slot) if own and "names.actor_end" in slot.chain_keys else None
    if done is not None:
        # "thành phố đã hoàn thành 18.940 căn": who acted, then what was done names it.
        own = _text(doc, done)
    if own and "modes.setter" in slot.chain_keys:
        own = ""  # "phường tập trung phấn đấu hoàn thành 100% …": who sets, not what
    # post_name's cached answer read here first: no call once the result rule has asked.
    after = slot.post_names[0]
    if after is None:
        after = post_name(doc, slot)
    counted = q.unit_kind == "count" and bool(q.unit)
    measure = q.unit_kind == "measure"
    exists = "verbs.exist" in slot.chain_keys
    if q.is_percent and exists and after:
        # "ấp 3 có 98% hộ gia đình đạt danh hiệu …": the counted noun after is the indicator.
        return _with_head(doc, clause, q.first, post_name(doc, slot, full=True) or after)
    if counted and exists and not after:
        # "có 87 trang trại, gia trại của hội viên cho thu nhập …": the list of what is counted.
        after = post_name(doc, slot, full=True)
    if (counted or (q.unit_kind == "measure" and not own)) and after:
        # "hoàn thành 3 km đường giao thông nông thôn": the noun after a measure names it.
        # "Hội Nông dân xã có 1.250 hội viên đạt danh hiệu …": who has them is not the name.
        owner = counted and exists
        name = " ".join(x for x in ("" if owner else own, q.unit, after) if x)
    elif own and q.is_percent and after and _counts_what_moved(doc, slot):
        # "chúng tôi đã kéo giảm 8,3% số vụ phạm tội …": who acted, the change, then the
        # indicator it is of.
        name = after
    elif own and q.is_percent and after and "verbs." not in slot.chain_keys:
        # "phường thu gom, xử lý 100% rác thải sinh hoạt": the share is the object of the
        # verb before it, and the noun after it says of what.
        name = f"{own} {after}"
    elif own:
        name = own
        if counted and (len(own.split()) <= 2 or not _holds_words(own, q.unit)):
            # "… ra quân làm sạch 36 tuyến phố": the counted noun says what was done.
            name = f"{own} {q.unit}"
        elif after and len(own.split()) <= (
            2 if q.unit_kind == "currency" else 3 if measure else 0
        ):
            # "vận động 1,2 tỷ đồng Quỹ Vì người nghèo", "cứng hóa 18,5 km đường …", "xây
            # dựng mới 18.400 m² phòng học": a bare verb, then what the amount is of.
            name = f"{own} {after}"
    elif q.is_percent and prev_name and _share_of_a_total(doc, slot):
        # "124 hộ nghèo, chiếm 5,12% tổng số hộ dân cư": the words after are the base.
        return prev_name
    elif q.is_percent and post_name(doc, slot, full=True):
        name = post_name(doc, slot, full=True)
    elif q.is_percent and _plan_words(doc, slot):
        # "hoàn thành 100% chỉ tiêu tuyển chọn …": the plan's own name names the target.
        name = _plan_words(doc, slot)
    elif prev_name and not (counted and q.unit and q.unit.lower() not in prev_name.lower()):
        # "50% số xã (8 xã)": a restatement keeps the name; "… 19 bác sĩ/vạn dân" does not.
        return prev_name
    elif q.unit and q.unit_kind in ("count", "measure"):
        name = q.unit
    else:
        sa, sb = subject(doc, clause[0], q.first)
        if sa < sb:
            return _with_head(doc, clause, q.first, _text(doc, (sa, sb)))
        return None
    if slot.subset and prev_name and not name.lower().startswith(prev_name.lower()):
        name = f"{prev_name} {name}"
    return _with_head(doc, clause, q.first, name)


def _share_of_a_total(doc: Prepared, slot: Slot) -> bool:
    """ "chiếm 5,12% tổng số hộ dân cư": a share (verbs.share) followed by "tổng …"."""
    a = slot.post_near[0]
    return a < len(doc.words) and doc.words[a] == "tổng" and "verbs.share" in slot.chain_keys


def _completed_by_actor(doc: Prepared, slot: Slot) -> tuple[int, int] | None:
    """The cue chain is "đã hoàn thành" (an auxiliary after the actor, then verbs.complete
    and nothing else): the span of "hoàn thành"."""
    a, b = slot.chain
    t = doc.tag(a)
    if t is None or t.start != a or "names.actor_end" not in t.categories:
        return None
    v = doc.tag(t.end)
    if v is None or v.start != t.end or v.end != b or "verbs.complete" not in v.categories:
        return None
    return (v.start, v.end)


def _counts_what_moved(doc: Prepared, slot: Slot) -> bool:
    """A tăng/giảm right before a percentage, and "số …" (a count) right after it."""
    a = slot.post_near[0]
    moved = "verbs.increase" in slot.chain_keys or "verbs.decrease" in slot.chain_keys
    return moved and a < len(doc.words) and doc.words[a] == "số"


def _holds_words(name: str, unit: str | None) -> bool:
    """Whether the name already says what the unit counts: every word of the unit is in it
    ("số hộ nghèo" holds "hộ"), or the unit is "người" ("nâng tổng số hội viên lên 112.350
    người": a restatement in persons adds nothing to the name)."""
    words = _name_words(unit or "")
    if words == ("người",):
        return True
    have = set(_name_words(name))
    return all(w in have for w in words)


def _names_itself(doc: Prepared, k: int, end: int) -> bool:
    """ "Kỳ họp thứ 8 HĐND phường …: Thu ngân sách 6 tháng đạt 62%", "Lĩnh vực y tế: tỷ lệ
    bao phủ …": after the ':' an indicator's own head word opens the name; the words before
    are a headline or a field, not a group the name belongs to."""
    while k < end and doc.kinds[k] != "word":
        k += 1
    return k < end and has_prefix(tag_cats(doc, k), _INDICATOR_HEADS)


_INDICATOR_HEADS = ("indicators.rate", "indicators.amount", "indicators.head")


def _own_range(doc: Prepared, slot: Slot) -> tuple[int, int]:
    """The name's tokens without a unit column or a trailing "đến ngày 31/12"."""
    na, nb = slot.name_range
    # (no unit, or no cell break before the figure: no unit column to cut, no call)
    if nb > na and slot.q.unit is not None and cell_break(doc, slot.q.first):
        na, nb = _without_unit_cell(doc, slot)
    end = nb
    trap_at, starts = doc.trap_at, doc.starts
    while end > na and trap_at(starts[end - 1]) is not None:
        end -= 1  # "… năm 2025 đến ngày 31/12": the date
    if end < nb and end > na and "modes.result" in doc.keys[end - 1]:
        t = doc.tag(end - 1)
        return trim(doc, na, t.start if t is not None else end - 1)
    return na, nb


def _without_unit_cell(doc: Prepared, slot: Slot) -> tuple[int, int]:
    """ "Thu ngân sách<TAB>tỷ đồng<TAB>420": the unit's column is not part of the name."""
    na, nb = slot.name_range
    if nb <= na or slot.q.unit is None or not cell_break(doc, slot.q.first):
        return na, nb
    found = column_unit(doc, slot.q.first, unit_at)
    if found is None or not na < found[2] <= nb:
        return na, nb
    return trim(doc, na, found[2])


def _with_head(doc: Prepared, clause: tuple[int, int], end: int, name: str) -> str:
    if doc.first_colon(clause[0], end) is None:
        return name  # most clauses: no ':' head (head() would say None), no call
    h = head(doc, clause[0], end)
    if h is None or _names_itself(doc, h[1], end):
        return name
    if "indicators.structure" in keys_over(doc, *h):
        return name  # "Cơ cấu kinh tế năm 2026: nông nghiệp 32%": a sector is "tỷ trọng <sector>"
    head_text = _text(doc, h)
    if name.lower().startswith(head_text.lower()):
        return name
    return f"{head_text}: {name}"


# Words for what was done ("ước thực hiện", "kết quả thực hiện") before a basis period.
_DONE_IN = frozenset(("modes.estimated", "modes.result", "modes.section_result", "verbs.performed"))


def basis_of(doc: Prepared, slot: Slot) -> tuple[str | None, str | None]:
    """(basis, words for the name): "so với năm 2022" -> ("năm 2022", None);
    "so với GRDP" -> (None, "so với GRDP")."""
    a, b = slot.post
    keys = doc.keys  # indexes below b are tokens: no bounds check (tag_cats) needed
    i = a
    while i < b and "comparators." in keys[i]:
        t = doc.tag(i)
        i = t.end if t is not None else i + 1
    if i >= b or "references.compare" not in keys[i]:
        return None, None
    t = doc.tag(i)
    start = t.end if t is not None else i + 1
    end = start
    while (
        end < b
        and doc.words[end] not in (",", ";", "(", ")", ".")
        and not (doc.words[end] == "và" and end > start)
    ):
        end += 1
    if start >= end:
        return None, None
    text = _text(doc, (start, end))
    first = start
    # "so với ước thực hiện năm 2025", "so với (kết quả) thực hiện năm 2025": what was done in
    # a period is that period as a basis.
    while first < end and not keys[first].isdisjoint(_DONE_IN):
        t = doc.tag(first)
        first = t.end if t is not None else first + 1
    if first < end and not keys[first].isdisjoint(("references.period", "references.plan")):
        return text, None
    return None, _text(doc, (i, end))


# Names and their words recur across clauses and documents: fold each once.
_fold_cached = lru_cache(maxsize=8192)(fold)


@lru_cache(maxsize=4096)
def _name_words(name: str) -> tuple[str, ...]:
    return split_words(fold(name))


class NameAnswers:
    """A yes/no rule's answers per name, for the lexicon they were read with: names recur
    across clauses and texts, and each answer costs a fold, a split and a walk of the name's
    words. Bounded: emptied when full."""

    def __init__(self, read: Callable[[Prepared, str], bool], size: int = 8192) -> None:
        self._read = read
        self._size = size
        self._answers: dict[str, bool] = {}
        self._lexicon: Lexicon | None = None

    def __call__(self, doc: Prepared, name: str) -> bool:
        if self._lexicon is not doc.lexicon:
            self._answers.clear()
            self._lexicon = doc.lexicon
        found = self._answers.get(name)
        if found is None:
            if len(self._answers) >= self._size:
                self._answers.clear()
            found = self._answers[name] = self._read(doc, name)
        return found


def _lower_is_better(doc: Prepared, name: str) -> bool:
    """A lower-is-better word in the name, and no reverser before or after it ("tỷ lệ cơ sở
    gây ô nhiễm … được xử lý", "tỷ lệ người nghiện ma túy được cai nghiện")."""
    words = list(_name_words(name))
    lower = False
    i = 0
    while i < len(words):
        found = doc.lexicon.cues.longest(words, i)
        if found is None:
            i += 1
            continue
        length, node = found
        if "indicators.lower_reverser" in node.categories:
            return False
        if "indicators.lower_is_better" in node.categories:
            lower = True
        i += length
    return lower


is_lower_better = NameAnswers(_lower_is_better)


def shared_names(doc: Prepared, slot: Slot, name: str) -> list[str]:
    """One figure for two indicators: "tỷ lệ A và tỷ lệ B đều đạt 100%", "90% tổ chức cơ sở
    đảng và đảng viên hoàn thành tốt nhiệm vụ" (two counted nouns sharing what follows)."""
    # Most names hold no "và" at all: no word to fold (a word folds to "và" only when its
    # lower case is "và": folding moves no tone of "và").
    if "và" not in name.lower():
        return [name]
    words = name.split()
    folded = [_fold_cached(w) for w in words]
    if "và" not in folded:
        return [name]
    chain_words = {doc.words[i] for i in range(slot.chain[0], slot.chain[1])}
    k = folded.index("và")
    left, right = words[:k], words[k + 1 :]
    # "kéo giảm 5-10% số người chết và số người bị thương": after the figure, too, two names
    # with one head share it.
    after = slot.post_near[0] < len(doc.words) and doc.words[slot.post_near[0]] == folded[0]
    if ("đều" in chain_words or after) and left and right and folded[0] == folded[k + 1]:
        return [" ".join(left), " ".join(right)]
    units = doc.lexicon.units
    first = units.longest(folded, 0)
    if first is not None and first[0] == k:
        second = units.longest(folded, k + 1)
        if second is not None:
            rest = words[k + 1 + second[0] :]
            return [" ".join(left + rest), " ".join(right)]
    return [name]


def names_units(doc: Prepared, last: int) -> bool:
    """ "ba xã Tân Lập, Tân Tiến, Tân Hòa (cũ)": a count followed by a proper name (two
    capitalised words) says which units, it is not a figure reached."""
    kinds = doc.kinds
    if last + 1 >= len(kinds):
        return False
    for k in (last, last + 1):
        word = doc.text[doc.starts[k] : doc.ends[k]]
        if kinds[k] != "word" or len(word) < 2 or not word.istitle():
            return False
    return True
