"""Which numbers in a clause are figures at all, before the reader decides target or result:
numbers that locate ("ở 3 khu vực") or name units, bare numbers with no unit or cue, shares of
targets met that restate a count ("chiếm 89,5%"), starting points ("từ 2,1% xuống còn 1,6%")
and the same figure in another unit ("tương đương 45 tỷ đồng").

Each filter that drops a number says why in a diagnostic. Split out of engine.py, which keeps
the sentence loop that decides the mode of each clause.
"""

from __future__ import annotations

import bisect

from chitieu.text.clauses import Slot
from chitieu.text.cues import has_prefix, range_has, tag_cats
from chitieu.text.items import Diagnostic, figure_diagnostic
from chitieu.text.naming import names_units
from chitieu.text.quantities import Quantity
from chitieu.text.result_bases import against_basis
from chitieu.text.tokens import Prepared


def _counts_next(doc: Prepared, k: int) -> bool:
    """ "tổ chức Ngày hội tại 100% khu phố": a share of counted units after "tại" is how far
    something reached, not a place."""
    found = doc.lexicon.units.longest(doc.words, k) if k < len(doc.words) else None
    if found is None:
        return False
    return doc.lexicon.unit_kind.get(" ".join(doc.words[k : k + found[0]])) == "count"


def _keep(doc: Prepared, q: Quantity, diagnostics: list[Diagnostic]) -> bool:
    """Numbers that locate ("ở 3 khu vực") or carry no unit and no cue are not figures."""
    before = q.first - 1
    if (
        before >= 0
        and "names.locative" in doc.keys[before]
        and not (q.is_percent and _counts_next(doc, q.last))
        # "thu hồi đất của 1.126/1.158 hộ": a count out of a total is how far, too
        and not (q.total is not None and q.unit_kind == "count")
    ):
        diagnostics.append(
            figure_diagnostic(
                doc.text, q, "skip.locative", "số chỉ nơi chốn/phạm vi, không phải số liệu"
            )
        )
        return False
    if q.unit_kind == "count" and names_units(doc, q.last):
        diagnostics.append(
            figure_diagnostic(
                doc.text, q, "skip.named_units", "số đơn vị được nêu tên, không phải số liệu"
            )
        )
        return False
    if q.unit is None and q.total is None:
        cats = doc.keys[before] if before >= 0 else frozenset()
        if not has_prefix(cats, ("comparators.", "verbs.")):
            diagnostics.append(
                figure_diagnostic(
                    doc.text,
                    q,
                    "skip.no_unit",
                    "số không có đơn vị và không có từ chỉ số liệu đứng trước",
                )
            )
            return False
    return True


def _share_of_targets(doc: Prepared, q: Quantity, diagnostics: list[Diagnostic]) -> bool:
    """ "đạt 90,9% số chỉ tiêu Nghị quyết đề ra": the share of targets met restates a count."""
    k = q.last + 1  # "số chỉ tiêu": the number of targets, not a plan
    if (
        q.is_percent
        and k < len(doc.words)
        and (
            (doc.words[k - 1] == "số" and "summaries.set_noun" in tag_cats(doc, k))
            # "hoàn thành 100% các chỉ tiêu": all the targets, not one indicator
            or doc.words[k - 1 : k + 2] == ["các", "chỉ", "tiêu"]
        )
    ):
        diagnostics.append(
            figure_diagnostic(
                doc.text,
                q,
                "skip.share_of_targets",
                "tỷ lệ chỉ tiêu đạt, đã có trong số liệu tổng hợp",
            )
        )
        return True
    return False


def _restates(doc: Prepared, slot: Slot, counted: list[int], diagnostics: list[Diagnostic]) -> bool:
    """ "17/19 chỉ tiêu đạt và vượt kế hoạch, chiếm 89,5%": a share with no name of its own
    after a count of targets restates that count."""
    j = bisect.bisect_left(counted, slot.q.first)
    if not (slot.q.is_percent and j > 0):
        return False
    # "3 chỉ tiêu chưa đạt nhưng đạt trên 90%": named by a count of targets, about them;
    # "2 chỉ tiêu không đạt là tỷ lệ hộ … (đạt 88,5%)" names an indicator after the count.
    restates = slot.name_range[0] <= counted[j - 1] < slot.chain[0] and not any(
        has_prefix(tag_cats(doc, k), _OWN_HEADS) for k in range(counted[j - 1], slot.chain[0])
    )
    if not restates:
        # Else a bare share after a comma, with no word of its own before it.
        last = max(counted[j - 1], slot.pre[0] - 1)  # look back no further than this slot's words
        k = slot.chain[0] - 1
        while k > last and doc.words[k] != ",":
            k -= 1
        if k <= last or any(doc.kinds[i] == "word" for i in range(k + 1, slot.chain[0])):
            return False
    diagnostics.append(
        figure_diagnostic(
            doc.text,
            slot.q,
            "skip.share_of_targets",
            "tỷ lệ chỉ tiêu đạt, đã có trong số liệu tổng hợp",
        )
    )
    return True


_OWN_HEADS = ("indicators.rate", "indicators.amount", "indicators.head")


def _drop_starting_points(
    doc: Prepared, qs: list[Quantity], diagnostics: list[Diagnostic]
) -> list[Quantity]:
    """ "từ 2,1% xuống còn 1,6%": only the level reached is a figure; "(tương đương 45 tỷ
    đồng)" restates the figure before it."""
    out: list[Quantity] = []
    for k, q in enumerate(qs):
        if (
            q.first > 0
            and "verbs.equivalent" in doc.keys[q.first - 1]
            and out
            and not against_basis(doc, q)  # "tương đương 95,3% kế hoạch" is a % of plan
        ):
            diagnostics.append(
                figure_diagnostic(
                    doc.text, q, "skip.equivalent", "cùng số liệu viết theo đơn vị khác"
                )
            )
            continue
        nxt = qs[k + 1] if k + 1 < len(qs) else None
        if (
            nxt is not None
            and q.last < len(doc.words)
            and nxt.first - q.last <= 6  # "từ 3,2% đầu nhiệm kỳ xuống còn 0,8%"
            and range_has(doc, q.last, nxt.first, "verbs.from_to")
            # Words, or a dated year ("từ 14,5% năm 2015 xuống còn 3,9%").
            and all(
                doc.kinds[k] == "word" or doc.trap_at(doc.starts[k])
                for k in range(q.last, nxt.first)
            )
        ):
            diagnostics.append(
                figure_diagnostic(
                    doc.text, q, "skip.starting_point", "mức xuất phát, không phải số liệu đạt được"
                )
            )
            continue
        out.append(q)
    return out


def about_one_person(doc: Prepared, a: int, b: int, ages: list[int]) -> bool:
    """ "Anh Y Bhin Niê (41 tuổi) cho biết vườn 2 ha …", "Cử tri Nguyễn Thị Lan, 71 tuổi, …":
    a named person given with an age (news introduces private people so, officials never)
    tells of their own garden or street; "trẻ mẫu giáo (5 tuổi)" names no one. `ages`: where
    the text's age_apposition traps start."""
    lo, hi = doc.starts[a], doc.ends[b - 1]
    for start in ages:
        if not lo <= start < hi:
            continue
        k = bisect.bisect_left(doc.starts, start) - 1  # the word before "(" or ","
        if k >= 0 and doc.kinds[k] == "word" and doc.text[doc.starts[k]].isupper():
            return True
    return False
