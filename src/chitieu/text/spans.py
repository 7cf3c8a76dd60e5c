"""Where an indicator's name lies in the words before a number: after a ':' head and an
introductory segment, past leading cue words, up to the first predicate."""

from __future__ import annotations

import bisect

from chitieu.text.cues import PREDICATE, first_tag_in, has_prefix, tag_cats, trim
from chitieu.text.lexicon import load_name_words
from chitieu.text.tokens import Prepared

# A first segment that only sets the scene ("Năm 2026, …", "Về xây dựng Đảng, …").
# "mặc dù còn khó khăn, …", "với sự vào cuộc của …, …", "trong 9 tháng đầu năm 2026 vừa
# qua, …", "từ ngày 15/12/2024 đến 14/12/2025, …": a segment opening with these words
# (name_words.toml, `intro`) sets the scene, however long.
_INTRO_WORDS = load_name_words().intro


# A label that names a field of targets, not an indicator ("Lĩnh vực quốc phòng - an ninh:"):
# name_words.toml, `field_label`.
_FIELD_WORDS = load_name_words().field_label


_NO_KEYS: frozenset[str] = frozenset()


def keys_over(doc: Prepared, a: int, b: int) -> frozenset[str]:
    """Every cue key of tokens [a, b) (has_prefix over them is one isdisjoint): one C-level
    union instead of a Python test per token, over a name or a head of a few words."""
    return _NO_KEYS.union(*doc.keys[max(a, 0) : b])


def _has_word(doc: Prepared, a: int, b: int) -> bool:
    """A word token in [a, b): a C-level search that stops at the first (no slice copied)."""
    try:
        doc.kinds.index("word", a, max(a, b))
    except ValueError:
        return False
    return True


def _top_level_comma(doc: Prepared, a: int, b: int) -> int | None:
    texts = doc.words
    # The usual case: the first comma, with no bracket before it, is at the top level (C-level
    # searches, no Python loop over the words).
    try:
        first = texts.index(",", a, max(a, b))
    except ValueError:
        return None  # no comma at all
    before = texts[a:first]
    if "(" not in before and ")" not in before:
        return first
    depth = 0
    for i in range(a, b):
        t = texts[i]
        if t == "(":
            depth += 1
        elif t == ")":
            depth -= 1
        elif t == "," and depth == 0:
            return i
    return None


def _is_intro(doc: Prepared, a: int, b: int) -> bool:
    if a >= b:
        return False
    if doc.words[a] in _INTRO_WORDS and "summaries.subset" not in doc.keys[a]:
        return True  # "trong bối cảnh …," sets the scene; "trong đó khu vực nông, …" names
    if b - a > 6:
        return False
    keys, kinds = doc.keys, doc.kinds
    for i in range(a, b):  # noqa: SIM110 (a generator costs more per call here)
        # A date, a period or a reporting cue sets the scene; "phấn đấu tỷ lệ xã, phường …"
        # does not.
        if not keys[i].isdisjoint(_SCENE) or kinds[i] == "num":
            return True
    return False


_SCENE = frozenset(("modes.result", "modes.result_basis", "references.period"))


def _is_attribution(doc: Prepared, a: int, b: int) -> bool:
    """ "Báo cáo tại kỳ họp cho biết, …": who speaks, not what is measured."""
    keys = doc.keys
    for i in range(max(a, b - 4), b):  # noqa: SIM110 (a generator costs more per call here)
        if "names.attribution" in keys[i]:
            return True
    return False


def _skip_leading_cues(doc: Prepared, i: int, b: int) -> tuple[int, str | None]:
    """Past cue words, punctuation and numbers that open a name; a tăng/giảm among them is
    remembered ("kéo giảm số vụ tội phạm …")."""
    texts, kinds, keys, starts = doc.words, doc.kinds, doc.keys, doc.starts
    number_words = doc.lexicon.number_words
    trap_at = doc.trap_at
    verb = None
    while i < b:
        kind = kinds[i]
        cats = keys[i]
        if (
            (kind == "punct" and texts[i] not in ('"', "'", "("))
            or trap_at(starts[i]) in _LEADING_TRAPS  # "9 tháng năm 2025 thu ngân sách …"
            or (texts[i] == '"' and _opens_quote(doc, i, b))
        ):
            i += 1
        # A number word before a cue counts like a number ("Hai chỉ tiêu không đạt là tỷ lệ
        # …"); before a plain word it is part of the name ("hai con số").
        elif (
            kind == "num"
            or not cats.isdisjoint(_LEADING)
            or (texts[i] in number_words and i + 1 < b and not keys[i + 1].isdisjoint(_LEADING))
        ):
            if "verbs.increase" in cats:
                verb = "increase"
            elif "verbs.decrease" in cats:
                verb = "decrease"
            t = doc.tag(i)
            i = t.end if t is not None and t.start == i else i + 1
        else:
            break
    return i, verb


def _opens_quote(doc: Prepared, i: int, b: int) -> bool:
    """ "“Năm 2026 phải đạt tăng trưởng tối thiểu 10%”": a quote opening a quoted statement
    (none closes it before the figure), not one around a name ("“xã đạt chuẩn” đạt 12")."""
    return doc.words[i:b].count('"') % 2 == 1


# Periods and labels that open a statement, not its indicator ("trẻ 6 tuổi" is one).
_LEADING_TRAPS = frozenset(
    (
        "inline_numbering",
        "duration",
        "date",
        "day_month",
        "month",
        "month_year",
        "year_after_word",
        "year_span",
        "bare_year",
        "time",
        "time_of_day_date",
    )
)

_LEADING = frozenset(
    (
        "names.filler",
        "modes.",
        "comparators.",
        "verbs.",
        "status.",
        "summaries.subset",
        "references.period",  # "năm 2023 tăng trưởng kinh tế …"
    )
)


def name_span(
    doc: Prepared, a: int, b: int, strip_intro: bool, label: bool = True
) -> tuple[tuple[int, int], str | None]:
    """The indicator named in tokens [a, b) (the words before a number's cue chain):
    after a ':' head and an introductory segment, past leading cue words (remembering a
    leading tăng/giảm), up to the first predicate word."""
    colon = doc.last_colon(a, b)  # the last ":" of [a, b), by binary search
    if colon is not None:
        # "- Tỷ lệ hộ nghèo: 0,85%": a label ends with the colon.
        # "- Tỷ lệ hộ nghèo: 0,85%" is a label; "Tai nạn giao thông giảm …: xảy ra 224 vụ"
        # is a sentence whose figures follow.
        verb_before = first_tag_in(doc, a, colon, PREDICATE) is not None
        field = a < colon and doc.words[a] in _FIELD_WORDS  # "Về xây dựng Đảng: …"
        # "…, với các chỉ tiêu: hoàn thành ít nhất 12.000 căn hộ …": a label ending in a list
        # heading ("các chỉ tiêu", "mục tiêu") names no indicator; the name is after the colon.
        listed = colon > a and has_prefix(tag_cats(doc, colon - 1), _HEADING)
        if _has_word(doc, colon + 1, b) or (not label and verb_before) or field or listed:
            a = colon + 1
        else:
            b = colon
    if strip_intro:
        # "…các chỉ tiêu kế hoạch năm 2024, trong đó tốc độ tăng trưởng … đạt 7%": the name
        # follows the last "trong đó".
        texts, keys = doc.words, doc.keys
        # (a C-level test first: most names hold no comma, and then no walk back over them)
        if "," in texts[a : b - 1]:
            for k in range(b - 1, a, -1):
                if texts[k - 1] == "," and "summaries.subset" in keys[k]:
                    if _top_level_comma(doc, k - 1, k) is not None:
                        a = k
                    break
        while True:
            comma = _top_level_comma(doc, a, b)
            if comma is None or not (
                _is_intro(doc, a, comma)
                or _is_attribution(doc, a, comma)
                or _opens_indicator(doc, comma + 1)
                or _opens_statement(doc, comma + 1, b)
                or "names.scope" in tag_cats(doc, comma + 1)  # "…, toàn huyện còn 2.124 hộ nghèo"
            ):
                break
            a = comma + 1
        # "Sở … cho biết tỷ lệ học sinh bỏ học … còn 0,21%": who reports comes before the
        # statement, with or without a comma after the verb of reporting.
        said = doc.category_starts("names.reporting")  # cached; empty in most texts
        if said:
            j = bisect.bisect_left(said, b) - 1  # the last one starting before b
            if j >= 0 and said[j] > a:
                t = doc.tag(said[j])
                if t is not None and t.end < b:
                    a = t.end
    i, verb = _skip_leading_cues(doc, a, b)
    # "Đảng ủy xã đề ra chỉ tiêu thu nhập …": who sets the target comes before the verb.
    # The first predicate from i on, asked once and passed along while it stays the answer.
    stop = first_tag_in(doc, i, b, PREDICATE)
    keys = doc.keys
    # "UBND tỉnh yêu cầu các chủ đầu tư phấn đấu … giải ngân": the last setter before the
    # predicate (who is asked, then strives) ends the actors.
    limit = b if stop is None else stop
    moved = False
    # The setters' phrase starts after i and before the limit, by binary search (cached list,
    # empty in most texts): no walk over the name's words.
    setters = doc.category_starts("modes.setter")
    j = bisect.bisect_right(setters, i) if setters else 0
    while j < len(setters) and setters[j] < limit:
        t = doc.tags[doc.tag_of[setters[j]]]
        i, lead = _skip_leading_cues(doc, t.end, b)
        verb = lead or verb
        moved = True
        j = bisect.bisect_right(setters, i, j + 1)  # past i: the skip never moves back
    if moved:
        stop = first_tag_in(doc, i, b, PREDICATE)
    # _after_with looks at a "với" among the last words only: most names hold none (no call).
    after_with = i
    for k in range(b - 2, i if i > b - 6 else b - 6, -1):
        if "names.amount_with" in keys[k]:
            after_with = _after_with(doc, i, b, strip_intro, stop)
            break
    if after_with != i:
        i, stop = after_with, first_tag_in(doc, after_with, b, PREDICATE)
    i = _after_actor(doc, i, b, stop)
    end = stop
    if i < b and "names.organisation" in keys[i]:  # most names: no organisation to read past
        i, end = _after_organisation(doc, i, b, stop)
    if end is not None and end > i:
        # "Công an tỉnh kéo giảm tội phạm …": actor, verb, then the indicator.
        cats = tag_cats(doc, end)
        t = doc.tag(end)
        after = t.end if t is not None else end + 1
        named_rate = not keys_over(doc, i, end).isdisjoint(_OWN_HEADS)
        if has_prefix(cats, ("verbs.increase", "verbs.decrease")) and after < b and not named_rate:
            nxt = first_tag_in(doc, after, b, PREDICATE)
            if trim(doc, after, nxt if nxt is not None else b)[0] < b:
                verb = "increase" if "verbs.increase" in cats else "decrease"
                i, end = after, nxt
        elif (
            "verbs.complete" in cats
            and after < b
            and not named_rate
            and doc.kinds[after] == "word"
            and not doc.tag(after)
            and first_tag_in(doc, after, b, PREDICATE) is None
        ):
            # "xã đã hoàn thành xóa 186 căn nhà tạm": what was completed names the figure.
            i, end = after, None
    na, nb = trim(doc, i, end if end is not None else b)
    kinds, words = doc.kinds, doc.words  # nb - 1 is a token here: no bounds check needed
    while nb > na and (
        kinds[nb - 1] == "num" or words[nb - 1] == "%" or "comparators." in keys[nb - 1]
    ):
        was_number = kinds[nb - 1] == "num"
        nb -= 1
        # "… đầu người năm 2025 đạt": the period goes with its year.
        if was_number and nb > na and not keys[nb - 1].isdisjoint(_PERIOD_WORDS):
            t = doc.tag(nb - 1)
            nb = t.start if t is not None else nb - 1
        na, nb = trim(doc, na, nb)
    return (na, nb), verb


_PERIOD_WORDS = frozenset(("references.period", "modes.target"))


def subject(doc: Prepared, a: int, b: int) -> tuple[int, int]:
    """The clause's subject: from its start (after a ':' head) to the first predicate word."""
    colon = doc.last_colon(a, b)
    start = colon + 1 if colon is not None else a
    end = first_tag_in(doc, start, b, (*PREDICATE, "verbs.exist"))
    return trim(doc, start, end if end is not None else b)


def _opens_indicator(doc: Prepared, k: int) -> bool:
    """ "Công tác cải cách hành chính được đẩy mạnh, tỷ lệ hồ sơ …": after a comma, an
    indicator's head word starts the name afresh."""
    t = doc.tag(k)
    return t is not None and t.start == k and has_prefix(t.categories, _OWN_HEADS)


_OWN_HEADS = ("indicators.rate", "indicators.amount", "indicators.head")


def _after_with(doc: Prepared, i: int, b: int, first: bool, stop: int | None) -> int:
    """ "… 4.215 lao động bị mất việc làm với số tiền 5,3 tỷ đồng", "Cà phê là cây trồng chủ
    lực với diện tích 35.200 ha": a "với" (names.amount_with) among the last five words,
    followed by an indicator's head word, starts the name when the words before it describe
    the previous figure or make a statement (`stop`, the first predicate from i, lies before
    it). "thông qua kế hoạch đầu tư công với tổng vốn 295 tỷ đồng": a plain name before it
    is what the amount is of, and stays."""
    keys = doc.keys
    for k in range(b - 2, max(i, b - 6), -1):
        if "names.amount_with" not in keys[k]:
            continue
        t = doc.tag(k + 1)
        if (
            t is not None
            and t.start == k + 1
            and has_prefix(t.categories, _OWN_HEADS)
            and (not first or (stop is not None and stop < k))
        ):
            return k + 1
        return i
    return i


def _opens_statement(doc: Prepared, k: int, b: int) -> bool:
    """ "Thực hiện chương trình giảm nghèo bền vững, phấn đấu tỷ lệ hộ nghèo giảm còn …":
    after a comma, a mode word (phấn đấu, dự kiến, ước…) followed by a name starts the
    statement afresh; "Thu ngân sách, ước đạt …" (nothing named after it) does not."""
    t = doc.tag(k)
    if t is None or t.start != k or "modes." not in t.keys:
        return False
    i, _ = _skip_leading_cues(doc, k, b)
    return i < b and doc.kinds[i] == "word" and first_tag_in(doc, i, i + 1, PREDICATE) is None


def _after_actor(doc: Prepared, i: int, b: int, stop: int | None) -> int:
    """ "tỉnh đã thu hút 35 dự án": the words before "đã" are who acted, when plain words
    (the action) follow it; "tỷ lệ hộ nghèo đã giảm còn 2%" keeps its name. `stop` is the
    first predicate from i (first_tag_in); it is still the first from the index returned,
    which lies before it."""
    limit = b if stop is None else stop
    # The first "đã" phrase starting after i, by binary search (cached list): no walk.
    ends = doc.category_starts("names.actor_end")
    j = bisect.bisect_right(ends, i)
    if j == len(ends) or ends[j] >= limit:
        return i
    nxt = doc.tags[doc.tag_of[ends[j]]].end
    if nxt < limit and doc.kinds[nxt] == "word" and not doc.tag(nxt):
        return nxt
    return i


# Place words between an organisation and its place's name (name_words.toml, `place`).
_PLACE_WORDS = load_name_words().place


def _after_organisation(doc: Prepared, i: int, b: int, stop: int | None) -> tuple[int, int | None]:
    """ "Hội Cựu chiến binh xã Tân Phú vận động hội viên phát triển 25 trang trại": the
    organisation (its name, its place, the place's proper name) acts; the indicator is what
    follows, when a plain word (the action) comes before the figure. Returns where the name
    starts and the first predicate from there (`stop`: the first one from i)."""
    t = doc.tag(i) if i < b else None
    if t is None or t.start != i or "names.organisation" not in t.categories:
        return i, stop
    k = t.end
    while k < b and doc.words[k] in _PLACE_WORDS:
        k += 1
    while k < b and doc.kinds[k] == "word" and doc.text[doc.starts[k]].isupper():
        k += 1  # "Tân Phú"
    after = first_tag_in(doc, k, b, PREDICATE)
    if k < (b if after is None else after) and doc.kinds[k] == "word":
        return k, after
    return i, stop


def head(doc: Prepared, a: int, b: int) -> tuple[int, int] | None:
    """ "tỷ lệ huy động học sinh …: nhà trẻ đạt 28,5%" -> the part before ':' names a group."""
    i = doc.first_colon(a, b)
    if i is None or i == a:
        return None
    if has_prefix(tag_cats(doc, i - 1), "names.filler"):
        return None  # "… như:", "… gồm:"
    if _is_attribution(doc, a, i):
        return None  # "Đồng chí Chủ tịch UBND tỉnh cho biết: …" names who speaks
    ta, tb = trim(doc, a, i)
    if not keys_over(doc, a, ta).isdisjoint(_HEADING) and keys_over(doc, ta, tb).isdisjoint(
        _HEADS_OR_STRUCTURE
    ):
        return None  # "Mục tiêu đến năm 2030: …" heads a list; "phấn đấu tỷ lệ …:" a group
    comma = _top_level_comma(doc, ta, tb)
    if comma is not None and _is_intro(doc, ta, comma):
        ta, tb = trim(doc, comma + 1, tb)
    # A heading of the whole list ("…phấn đấu hoàn thành các chỉ tiêu:") is not a name.
    if not keys_over(doc, ta, tb).isdisjoint(_HEADING):
        return None
    # "Tai nạn giao thông giảm trên cả 3 tiêu chí: …": the head is what comes before the verb.
    verb = first_tag_in(doc, ta, tb, PREDICATE)
    if verb is not None:
        ta, tb = trim(doc, ta, verb)
    # A heading of the whole list ("các chỉ tiêu chủ yếu năm 2026:") or of a field ("Về kinh
    # tế:") is not a name.
    if ta >= tb or doc.words[ta] in _INTRO_OR_FIELD:
        return None
    if not keys_over(doc, ta, tb).isdisjoint(_HEADING):
        return None
    return ta, tb


_HEADING = ("modes.target", "modes.result", "modes.section_target", "modes.section_result")
_HEADS_OR_STRUCTURE = (*_OWN_HEADS, "indicators.structure")
_INTRO_OR_FIELD = _INTRO_WORDS | _FIELD_WORDS
