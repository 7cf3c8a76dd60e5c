"""Results from one clause. A number with its own name opens an item; a number without one
adds to the item before it ("đạt 148% dự toán, … bằng 74% so với cùng kỳ").

This module holds the item-building loop and what it needs about earlier items; how a figure
reads against its basis (plan, period, status) is in result_bases.py, and the folding of
results said twice, across clauses, in duplicates.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from chitieu.text.clauses import Slot
from chitieu.text.cues import PREDICATE, has_prefix, tag_cats
from chitieu.text.duplicates import _content_of
from chitieu.text.items import Diagnostic, ExtractedResult, figure_diagnostic
from chitieu.text.naming import _text, post_name, slot_name
from chitieu.text.quantities import Quantity
from chitieu.text.result_bases import (
    _compare_words,
    _compared_to_period,
    _is_amount,
    _plan_before_paren,
    _plan_then_performed,
    _status,
    listed_status,
    signed_in_paren,
    starts_with_plan,
)
from chitieu.text.spans import keys_over
from chitieu.text.tokens import Prepared

HUNDRED = Decimal(100)
_MINUS_ONE = Decimal(-1)
_NO_KEYS: frozenset[str] = frozenset()
_ONE = Decimal(1)

_QUOTED_TARGET = "chỉ tiêu được nhắc lại trong báo cáo kết quả, không phải kết quả"


@dataclass(slots=True)
class _Item:
    name: str
    start: int
    end: int
    value: Decimal | None = None
    unit: str | None = None
    unit_kind: str | None = None
    percent_of_target: Decimal | None = None
    change_percent: Decimal | None = None
    status: str | None = None
    estimated: bool = False
    rules: tuple[str, ...] = ()
    unnamed: bool = False  # named only by its basis ("so với cùng kỳ, tăng 15,2%")


def shares_verb(doc: Prepared, slots: list[Slot]) -> bool:
    """ "thu ngân sách ước đạt 65 tỷ đồng; chi ngân sách 142 tỷ đồng": a clause with no verb
    of its own before its first figure shares the estimate of the clause before (ellipsis)."""
    if not verbless(doc, slots):
        return False
    first = slots[0]
    # Only an indicator's name before the figure ("chi ngân sách 142 tỷ đồng"): a verb not in
    # the tables ("toàn xã kết nạp 12 đảng viên") makes a statement of its own.
    na, nb = first.name_range
    return na < nb and has_prefix(tag_cats(doc, na), _INDICATOR_HEADS)


def verbless(doc: Prepared, slots: list[Slot], reaching: bool = False) -> bool:
    """No verb of its own before the clause's first figure ("nông nghiệp 964 tỷ đồng"); with
    `reaching`, a bare "đạt" does not count ("công nghiệp đạt 2.600 tỷ đồng")."""
    if not slots:
        return False
    first = slots[0]
    # The words before the figure, walked (their ranges do not overlap from clause to clause):
    # first_tag_in's index of every verb token of the text cost more to build than these
    # walks, asked of a text's few clauses after an estimate.
    keys = doc.keys
    i, end = max(first.full_pre[0], 0), first.q.first
    while i < end:
        if keys[i].isdisjoint(_OWN_VERB_KEYS):
            i += 1
            continue
        tag = doc.tag(i)
        if not reaching or tag is None or not tag.categories <= _REACHED:
            return False
        i = tag.end
    return True


_REACHED = frozenset(("verbs.", "verbs.value", "summaries.", "summaries.achieved"))  # "đạt"


_INDICATOR_HEADS = ("indicators.rate", "indicators.amount", "indicators.head")


_OWN_VERB_KEYS = frozenset(
    (*PREDICATE, "verbs.", "modes.result", "modes.target", "modes.estimated")
)


def _close(share: Decimal, stated: Decimal) -> bool:
    """A stated percentage rounds the share it restates (to a unit at worst)."""
    return abs(share - stated) <= Decimal("0.5")


def _share_of_whole(item: _Item, q: Quantity, before: list[Slot]) -> bool:
    """ "tiếp nhận 36 đơn, đã giải quyết 34 đơn, đạt 94,4%": the percentage is the count over
    a whole counted in the same unit just before (34/36), not a % of plan."""
    if item.value is None or item.unit is None or item.unit_kind != "count":
        return False
    for slot in before:
        # "38/41 chi bộ …, đạt 92,7%": the whole is the count's own total.
        total = slot.q.total
        if total and slot.q.value == item.value and _close(HUNDRED * item.value / total, q.value):
            return True
        whole = slot.q
        # "58 tin báo …, xử lý 55 tin": the same counting noun, written shorter the 2nd time.
        same = whole.unit is not None and (
            whole.unit == item.unit or whole.unit.split()[0] == item.unit.split()[0]
        )
        if (
            same
            and whole.value_max is None
            and whole.value > item.value
            and _close(HUNDRED * item.value / whole.value, q.value)
        ):
            return True
    return False


def build_results(
    doc: Prepared,
    slots: list[Slot],
    clause: tuple[int, int],
    sentence: int,
    estimated_context: bool,
    diagnostics: list[Diagnostic],
    prev_name: str | None = None,
) -> list[ExtractedResult]:
    """prev_name: the last name of the sentence's clause before ("…, năm 2025 đạt 4.800 tỷ
    đồng" restates its indicator)."""
    items: list[_Item] = []
    # "…; so với năm 2024, giảm 18 vụ, số người chết giảm 12,7%": changes stated apart.
    keys = doc.keys
    apart = 0 <= clause[0] < len(keys) and "references.compare" in keys[clause[0]]
    # "…, so với cùng kỳ tăng 2 vụ, tăng 1 người chết": differences listed after one basis.
    differences = False
    item_of: dict[int, _Item] = {}  # id(slot) -> the item its figure went to
    listed = listed_status(doc, clause[0], slots[0].q.first) if slots else None
    words = doc.words
    for n, slot in enumerate(slots):
        q = slot.q
        percent = q.unit_kind == "percent"  # (q.is_percent, asked below several times)
        # (a plan needs a figure after it in its unit: no call for most figures)
        if (
            n + 1 < len(slots)
            and q.unit is not None
            and slots[n + 1].q.unit == q.unit
            and _plan_then_performed(doc, slot, slots[n + 1])
        ):
            # The result takes the plan's indicator: "Thu ngân sách: dự toán giao …" -> the
            # words before the colon, else the plan figure's own name.
            colon = next((k for k in range(slot.pre[0], q.first) if words[k] == ":"), None)
            named = _text(doc, (slot.pre[0], colon)) if colon else _text(doc, slot.name_range)
            if named:
                slots[n + 1].forced_name = named
            diagnostics.append(
                figure_diagnostic(doc.text, q, "result.quoted_target", _QUOTED_TARGET)
            )
            continue
        pre_a = slot.pre[0]
        slashed = pre_a < q.first and words[pre_a] == "/"
        if pre_a < q.first and words[pre_a] in ("(", "/"):
            pre_a += 1
        elif slot.in_paren:  # "…, chưa đạt kế hoạch (kế hoạch 95%)": what the bracket says
            pre_a = next((i + 1 for i in range(q.first - 1, pre_a, -1) if words[i] == "("), pre_a)
        # "(kế hoạch 6,5-7%)", "65 tỷ đồng/dự toán 58 tỷ đồng": the plan quoted beside a result.
        if (slot.in_paren or slashed) and (
            starts_with_plan(doc, pre_a, slot.q.first)
            # "2 chỉ tiêu không đạt là tỷ lệ A (đạt 88,5%, …)": the status heads a list
            or (listed is None and _plan_before_paren(doc, slot))
        ):
            st = _status(doc, slot.full_pre[0], slot.q.first) or _status(
                doc, slot.post[0], slot.post[1]
            )
            if st and items and items[-1].status is None:
                items[-1].status = st
            diagnostics.append(
                figure_diagnostic(doc.text, q, "result.quoted_target", _QUOTED_TARGET)
            )
            continue
        own = doc.span_text(*slot.name_range)
        if own and items and percent and _continues_count(doc, slot, items[-1]):
            own = ""  # "xóa 186 căn nhà tạm, nhà dột nát …, đạt 100% kế hoạch": the same figure
        after = slot.post_names[0]  # post_name's cached answer, else the call that fills it
        if after is None:
            after = post_name(doc, slot)
        cumulative = bool(items) and "verbs.cumulative" in slot.chain_keys
        opens = (
            bool(own)
            or bool(slot.forced_name)
            or (bool(after) and (percent or q.unit_kind == "count"))
            or cumulative
        )
        opened = not (not opens and items)
        joined = item_of.get(id(slot.joins)) if slot.joins is not None else None
        if joined is not None:
            item, opened, own = joined, False, ""  # "…, giảm lần lượt 0,1% và 0,3%"
        elif not opens and items:
            item = items[-1]
        else:
            name = slot_name(doc, slot, clause, items[-1].name if items else prev_name)
            if cumulative and name is not None and not own:
                name = f"tổng số {name}"  # "…, nâng tổng số lên 5 trường"
            if name is None:
                diagnostics.append(
                    figure_diagnostic(
                        doc.text, q, "result.no_name", "không xác định được tên chỉ tiêu"
                    )
                )
                continue
            item = _Item(name, q.start, q.end)
            na, nb = slot.name_range
            # "… ước vận chuyển 742 triệu lượt hành khách, tăng 4,1%, đáp ứng 21,5% nhu cầu đi
            # lại": a figure led by words with no subject of their own (no indicator's head)
            # right after a comma goes on with the estimated statement before it.
            item.estimated = bool(
                items
                and items[-1].estimated
                and na < nb
                and slot.pre[0] > 0
                and words[slot.pre[0] - 1] == ","
                and keys_over(doc, na, nb).isdisjoint(_INDICATOR_HEADS)
            )
            item.unnamed = apart and all(
                has_prefix(tag_cats(doc, k), _BASIS_WORDS) or doc.kinds[k] != "word"
                for k in range(na, nb)
            )
            items.append(item)
        item_of[id(slot)] = item
        if q.end > item.end:
            item.end = q.end
        # The cue keys of the words before the figure, once (three questions below): the
        # slots' ranges before their figures do not overlap, so this stays linear.
        pre_keys = _NO_KEYS.union(*keys[max(0, slot.full_pre[0]) : q.first])
        # The same for the words after it (disjoint from the next figure's): no range_has or
        # _status call for the usual figure, whose words after hold no comparison or status.
        post_keys = _NO_KEYS.union(*keys[slot.post[0] : slot.post[1]])
        # "so với năm 2024, giảm 18 vụ": a difference from the basis, not a count reached.
        compared = (
            apart  # "…; so với cùng kỳ giảm 3 vụ, giảm 2 người chết": all differences
            or "references.compare" in pre_keys
            or "references.compare" in post_keys
        )
        chain_keys = slot.chain_keys
        inc = "verbs.increase" in chain_keys
        dec = "verbs.decrease" in chain_keys
        compared = compared or (differences and (inc or dec) and not percent)
        differences = compared and (inc or dec) and not percent
        valued = "verbs.value" in chain_keys
        exceed_by = "verbs.exceed_by" in chain_keys
        ratio = "verbs.ratio_to_basis" in chain_keys
        if "modes.estimated" in pre_keys or estimated_context:
            item.estimated = True
        # "Ước cả năm …, giải quyết việc làm cho 420 lao động, trong đó …": the part too.
        if slot.subset and len(items) > 1 and items[-2].estimated:
            item.estimated = True
        near_a, near_b = slot.post_near
        st = (_status(doc, slot.full_pre[0], q.first) if "status." in pre_keys else None) or (
            _status(doc, slot.post[0], slot.post[1]) if "status." in post_keys else None
        )
        if item.status is None:
            item.status = st or listed
        sign = _MINUS_ONE if (dec or (not inc and slot.head_verb == "decrease")) else _ONE
        if percent and q.value_max is None and starts_with_plan(doc, near_a, near_b):
            pot = HUNDRED + q.value if exceed_by else q.value
            if exceed_by:
                item.status = item.status or "exceeded"
            if item.percent_of_target is None:
                item.percent_of_target = pot
        elif percent and signed_in_paren(doc, q.first):
            if item.change_percent is None:
                negative = words[q.first - 1] == "-"
                item.change_percent = -q.value if negative else q.value
        elif (
            # "tương đương giảm 23,3%": a rise/fall verb after the ratio word gives the change
            percent and ratio and not (inc or dec) and _compared_to_period(doc, near_a, near_b)
        ):
            if item.change_percent is None:
                item.change_percent = q.value - HUNDRED
        elif percent and (
            inc
            or dec
            or (slot.head_verb and (not valued or _compared_to_period(doc, near_a, near_b)))
        ):
            if item.change_percent is None:
                item.change_percent = sign * q.value
        elif (
            (inc or dec)
            and not percent
            and q.unit_kind == "count"
            and opened
            and (not own or "verbs.more" in chain_keys)  # "… tăng thêm 17 trường"
            and not compared
        ):
            # "toàn tỉnh giảm 3.120 hộ nghèo": a count achieved, not a change of something else.
            item.value, item.unit, item.unit_kind = q.value, q.unit, q.unit_kind
        elif (inc or dec) and not percent:
            diagnostics.append(
                figure_diagnostic(
                    doc.text,
                    q,
                    "result.absolute_change",
                    "mức tăng/giảm tuyệt đối, không phải tỷ lệ thay đổi",
                )
            )
        elif (
            percent
            and "/" not in (q.unit or "")  # "8,6%/năm" is a rate, never a share of a plan
            and "word" not in doc.kinds[near_a:near_b]
            and "verbs.share" not in chain_keys  # "chiếm 1,15%"
            and (
                (
                    item.value is not None
                    and item.unit_kind != "percent"
                    and not _share_of_whole(item, q, slots[max(0, n - 8) : n])
                )
                or (item.value is None and _is_amount(doc, item.name))
            )
        ):
            if item.percent_of_target is None:
                item.percent_of_target = q.value
        elif item.value is None and q.value_max is None:
            item.value, item.unit, item.unit_kind = q.value, q.unit, q.unit_kind
        elif q.value_max is None and q.unit != item.unit:
            # A second figure in another unit ("100% (12/12 xã)", "214 đồng chí, đạt 6,46% so
            # với tổng số …"): its own result under the same name.
            compare = _compare_words(doc, slot)
            name = f"{item.name} {compare}".strip()
            if slot.subset and q.unit and item.unit and item.unit in item.name:
                # "giao 1.250 công dân nhập ngũ, trong đó có 38 đảng viên": a part of the whole.
                name = item.name.replace(item.unit, q.unit, 1)
            extra = _Item(name, q.start, q.end)
            extra.value, extra.unit, extra.unit_kind = q.value, q.unit, q.unit_kind
            extra.estimated = item.estimated
            items.append(extra)
    out: list[ExtractedResult] = []
    for it in items:
        if it.value is None and it.percent_of_target is None and it.change_percent is None:
            continue
        out.append(
            ExtractedResult(
                name=it.name,
                value=it.value,
                unit=it.unit,
                estimated=it.estimated,
                percent_of_target=it.percent_of_target,
                change_percent=it.change_percent,
                status=it.status,
                span=(it.start, it.end),
                sentence=sentence,
                rule=("result.apart_unnamed" if it.unnamed else "result.apart")
                if apart
                else "result",
            )
        )
    return out


def _continues_count(doc: Prepared, slot: Slot, prev: _Item) -> bool:
    """A % of plan whose own words only go on listing what the count before it counts
    ("186 căn nhà tạm, nhà dột nát cho hộ nghèo, đạt 100% kế hoạch"): a plain noun phrase
    (no verb, no indicator's head) sharing a word with that count's name."""
    q = slot.q
    if not (q.is_percent and prev.value is not None and prev.unit_kind == "count"):
        return False
    if prev.percent_of_target is not None or not starts_with_plan(doc, *slot.post_near):
        return False
    na, nb = slot.name_range
    if not keys_over(doc, na, nb).isdisjoint(_NOT_A_NOUN):
        return False
    return bool(_content_of(_text(doc, (na, nb))) & _content_of(prev.name))


_NOT_A_NOUN = ("verbs.", "indicators.rate", "indicators.amount", "indicators.head", "modes.")


_BASIS_WORDS = ("references.compare", "references.period", "modes.result_basis")
