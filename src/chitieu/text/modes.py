"""Does a clause set targets or report results? Cue words first (read in mode_cues.py), then
the sentence, the section, the years, the paragraph, weak signs, and last the document's
leaning."""

from __future__ import annotations

import bisect

from chitieu.text.clauses import Slot
from chitieu.text.cues import has_prefix, tag_cats
from chitieu.text.mode_cues import Cues, Figures
from chitieu.text.normalize import fold
from chitieu.text.quantities import quantities_in
from chitieu.text.result_bases import signed_in_paren, starts_with_plan
from chitieu.text.sentences import Sentence
from chitieu.text.summaries import is_summary_quantity
from chitieu.text.tokens import Prepared

TARGET, RESULT = "target", "result"
_NO_KEYS: frozenset[str] = frozenset()
# "nhiệm kỳ", "giai đoạn" as tokens hold them (folded: "đoạn" -> "đọan").
_TERM_WORDS = ("kỳ", fold("đoạn"))
# doc_default when as many statements report as set targets: the nearest one before decides.
TIE = "tie"


def doc_default(
    doc: Prepared, sentences: list[Sentence], cues: Cues, figures: Figures | None = None
) -> str:
    """With no cue anywhere near a statement, the document's leaning decides: the mode most
    clauses with figures state outright, and the sentences without figures that frame them
    ("… tổ chức hội nghị sơ kết 6 tháng đầu năm"), one vote each. A text with no sign of
    reporting reads as targets. A tie (TIE) leaves it to the nearest cued statement before,
    else to reports (targets are nearly always announced by a cue; reports often go bare).
    `figures`: cues_and_figures' quantities, else they are read here."""
    if figures is None:
        figures = [[(a, b, quantities_in(doc, a, b)) for a, b in s.clauses] for s in sentences]
    res = tgt = 0
    for row in figures:  # a sentence's clauses
        figured = False  # the sentence holds a figure
        for a, b, qs in row:
            if not qs:
                continue
            figured = True
            r, t, _ = cues[(a, b)]
            # Counting targets met ("đạt 6/7 chỉ tiêu") is reporting.
            if not r:
                for q in qs:
                    if q.unit_kind == "count" and is_summary_quantity(doc, q):
                        r = True
                        break
            res += r
            tgt += t and not r
        if not figured:
            r = t = False
            for a, b, _qs in row:
                cr, ct, _ = cues[(a, b)]
                r, t = r or cr, t or ct
            res += r and not t
            tgt += t and not r
    if res and res == tgt:
        return TIE
    return RESULT if res > tgt else TARGET


def period_years(doc: Prepared, a: int, b: int) -> list[int]:
    """Years a statement is about: "năm 2025", "giai đoạn 2026 - 2030" (its end), not the
    basis of a comparison ("so với năm 2024") nor a date ("ngày 10 tháng 12 năm 2025")."""
    return [y for _, y in _period_years_at(doc, a, b)]


class Years:
    """period_years of a whole text, read once: the reader asks it of every clause and again
    of the clause's sentence, and whether a number is such a year depends only on the words
    before it, so the years of a range are a slice of the text's."""

    __slots__ = ("_at", "_sentence", "_years")

    def __init__(self, doc: Prepared) -> None:
        found = _period_years_at(doc, 0, len(doc.words))
        self._at = [i for i, _ in found]
        self._years = [y for _, y in found]
        # The latest year of the last sentence asked: its clauses without years of their own
        # all fall back on it (a long sentence of many clauses must not be read again each).
        self._sentence: tuple[int, int, int | None] = (-1, -1, None)

    def between(self, a: int, b: int) -> list[int]:
        """period_years(doc, a, b)."""
        at = self._at
        return self._years[bisect.bisect_left(at, a) : bisect.bisect_left(at, b)]

    def mode(
        self, s: Sentence, target_year: int | None, past: bool, clause: tuple[int, int]
    ) -> str | None:
        """The years of the clause, else of its sentence: an earlier one than the year
        targets are set for reports ("Năm 2026 … đạt 185.000 con; năm 2027 phấn đấu …")."""
        if target_year is None or not past:
            return None
        at = self._at  # self.between(*clause), inlined: asked of most clauses with figures
        j = bisect.bisect_left(at, clause[0])
        k = bisect.bisect_left(at, clause[1], j)
        if j < k:
            latest: int | None = max(self._years[j:k])
        else:
            start, end, latest = self._sentence
            if (start, end) != (s.start, s.end):
                ys = self.between(s.start, s.end)
                latest = max(ys) if ys else None
                self._sentence = (s.start, s.end, latest)
        if latest is None:
            return None
        return RESULT if latest < target_year else TARGET


def _period_years_at(doc: Prepared, a: int, b: int) -> list[tuple[int, int]]:
    """(token index, year) of period_years(doc, a, b)."""
    years: list[tuple[int, int]] = []
    words, kinds, values = doc.words, doc.kinds, doc.values
    for i in doc.numbers_in(max(a, 0), b):  # years are numbers: visit those alone
        # Four digits first: a string length is cheaper than comparing Decimals.
        if len(words[i]) != 4:
            continue
        value = values[i]
        if value is None or not 1950 <= value <= 2100:
            continue
        if doc.trap_at(doc.starts[i]) == "invoked_document_title":
            continue  # "Thực hiện Đề án … giai đoạn 2021 - 2030, …": the title's period
        prev = words[i - 1] if i > 0 else ""
        prev2 = words[i - 2] if i > 1 else ""
        if prev == "-" and i > 1 and kinds[i - 2] == "num":
            if not (i > 3 and words[i - 3] in _TERM_WORDS and _names_period(doc, i - 4)):
                years.append((i, int(value)))
            continue
        if prev != "năm" and not (prev == "-" or prev in _TERM_WORDS):
            continue
        if prev in _TERM_WORDS and _names_period(doc, i - 2):
            continue  # "khóa XII, nhiệm kỳ 2021 - 2026", "chuẩn nghèo … giai đoạn 2021 - 2025"
        if prev == "năm" and (prev2 in ("với", "so") or (i > 2 and words[i - 3] == "tháng")):
            continue
        if prev == "năm" and _estimate_as_basis(doc, i - 2):
            continue  # "tăng 12% so với ước thực hiện năm 2025": the basis, not the period
        years.append((i, int(value)))
    return years


def _names_period(doc: Prepared, i: int) -> bool:
    """The words before "nhiệm kỳ"/"giai đoạn" (ending at token i) name a body or a standard
    within five words ("khóa XII, nhiệm kỳ", "chuẩn nghèo đa chiều giai đoạn")."""
    for k in range(i - 1, max(i - 6, -1), -1):
        if doc.words[k] in (".", ";", ":"):
            return False
        if "modes.names_period" in tag_cats(doc, k):
            return True
    return False


def _estimate_as_basis(doc: Prepared, j: int) -> bool:
    """ "so với ước thực hiện năm 2025", "so với cùng kỳ năm 2025", "so với kế hoạch năm
    2025": a few words after "so với", ending at j, then the year: a comparison's basis."""
    words, kinds = doc.words, doc.kinds
    k = j
    while k > 0 and j - k < 5 and kinds[k] == "word":
        if words[k] == "với":
            return words[k - 1] == "so"
        k -= 1
    return False


def weak_sign(doc: Prepared, slots: list[Slot]) -> str | None:
    """TARGET for a bound or a range (quantity_target_signal), else RESULT for how reports
    write (weak_result), else None."""
    if quantity_target_signal(doc, slots):
        return TARGET
    if weak_result(doc, slots):
        return RESULT
    return None


def clause_weak_sign(
    doc: Prepared, signs: dict[tuple[int, int], str | None], a: int, b: int, slots: list[Slot]
) -> str | None:
    """weak_sign of clause [a, b), read once: the sentence's sign and the clause's own
    mode both ask. Nothing the loop does to its slots changes what weak_sign reads."""
    key = (a, b)
    if key in signs:
        return signs[key]
    found = signs[key] = weak_sign(doc, slots)
    return found


def sentence_weak_sign(
    doc: Prepared,
    signs: dict[tuple[int, int], str | None],
    infos: list[tuple[int, int, list[Slot]]],
    cues: Cues,
) -> str | None:
    """A weak sign anywhere in the sentence (on a clause with no cue) outweighs the
    document's leaning for all of it: the first one."""
    for a, b, slots in infos:
        if slots and not any(cues[(a, b)]):
            found = clause_weak_sign(doc, signs, a, b, slots)
            if found:
                return found
    return None


def quantity_target_signal(doc: Prepared, slots: list[Slot]) -> bool:
    """Bounds and ranges are how targets are written (a plan quoted in brackets aside)."""
    keys = doc.keys
    for slot in slots:
        if slot.in_paren:
            continue
        if slot.q.value_max is not None:
            return True
        for i in range(slot.chain[0], min(slot.post[1], slot.post[0] + 2)):
            if "modes.target_weak" in keys[i]:  # tokens of the clause: no bounds check
                return True
    return False


def weak_result(doc: Prepared, slots: list[Slot]) -> bool:
    """A percentage of a plan after "đạt" ("đạt 126,82% chỉ tiêu") reads as a result."""
    for k, s in enumerate(slots):
        a, b = s.post_near
        if k and restated_share(doc, slots[k - 1], s):
            return True
        if "modes.result_weak" in tag_cats(doc, s.q.first - 1):
            return True  # "thu hút được 45 dự án"
        if s.q.is_percent and signed_in_paren(doc, s.q.first):
            return True  # "giảm 12 vụ (-15,8%)": a change worked out after the fact
        chain_keys = s.chain_keys
        reached = "verbs.value" in chain_keys or "verbs.exceed_by" in chain_keys
        if s.q.is_percent and reached and starts_with_plan(doc, a, b):
            return True
        # "bằng 108,5% cùng kỳ", "tăng 6,2 triệu đồng", "12/12 xã": only reports say these.
        if "verbs.ratio_to_basis" in chain_keys and s.q.is_percent:
            return True
        if s.q.total is not None:
            return True
        # "đạt 8,2% (kế hoạch 8%)": a plan quoted beside a figure is how reports write.
        if s.in_paren and starts_with_plan(doc, s.pre[0] + 1, s.q.first):
            return True
        moved = "verbs.increase" in chain_keys or "verbs.decrease" in chain_keys
        compared = s.post[0] < s.post[1] and "references.compare" in tag_cats(doc, s.post[0])
        if moved and not s.q.is_percent and (s.q.unit_kind != "count" or compared):
            return True
    return False


def restated_share(doc: Prepared, before: Slot, s: Slot) -> bool:
    """ "số hộ nghèo còn 86 hộ, chiếm 1,15%", "kết nạp 43 đảng viên, đạt 107,5%": a figure
    followed by a bare percentage (its share, or its % of plan), with no name and no bound
    of its own, is how reports write; a target states the level it aims at."""
    if (
        not s.q.is_percent
        or before.q.unit is None
        or before.q.is_percent
        or before.q.value_max is not None
    ):
        return False
    na, nb = s.name_range
    ca, cb = s.chain
    return (
        na >= nb
        and ca < cb
        and "verbs.value" in s.chain_keys
        and "modes.target_weak" not in s.chain_keys  # "còn" is a level, "dưới" a bound
        and "modes.target_weak" not in before.chain_keys
        # "chiếm 1,15%" alone, not "đạt 90% kế hoạch"
        and all(doc.kinds[i] != "word" for i in range(*s.post_near))
    )


def paren_reports(doc: Prepared, slot: Slot, target_year: int | None = None) -> bool:
    """The bracket around a figure holds a reporting word ("ước đạt", "thực hiện") or a year
    before the one targets are set for ("(năm 2025 đạt 41,2%)" beside a 2030 target)."""
    i = slot.q.first - 1
    while i >= 0 and doc.words[i] != "(":
        if doc.words[i] == ")":
            return False
        i -= 1
    if i < 0:
        return False
    years = period_years(doc, i, slot.q.first)
    if target_year is not None and years and max(years) < target_year:
        return True
    return any(
        has_prefix(tag_cats(doc, k), ("modes.result", "modes.estimated"))
        for k in range(i, slot.q.first)
    )


def heading_mode(doc: Prepared, s: Sentence) -> str | None:
    """A line with no figure that opens a section: "II. CÁC CHỈ TIÊU CHỦ YẾU ĐẾN NĂM 2030",
    "… với các chỉ tiêu chủ yếu sau:". Short, or ending with a colon."""
    if not s.ends_with_colon and (not s.new_line or s.end - s.start > 16):
        return None
    figures = [q for q in quantities_in(doc, s.start, s.end) if q.unit or q.total is not None]
    if figures and not s.ends_with_colon:
        return None
    if (
        not s.ends_with_colon
        and s.end < len(doc.words)
        and "\n" not in doc.text[doc.ends[s.end - 1] : doc.starts[s.end]]
    ):
        return None  # not alone on its line
    cats = _NO_KEYS.union(*doc.keys[max(s.start, 0) : s.end])  # each token's tag_cats
    if "modes.section_result" in cats:
        return RESULT
    if "modes.section_target" in cats:
        return TARGET
    return None
