"""Results from one clause. A number with its own name opens an item; a number without one
adds to the item before it ("đạt 148% dự toán, … bằng 74% so với cùng kỳ")."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from chitieu.text.clauses import Slot
from chitieu.text.cues import PREDICATE, first_tag_in, has_prefix, range_has, tag_cats
from chitieu.text.items import Diagnostic, ExtractedResult
from chitieu.text.lexicon import split_words
from chitieu.text.naming import _text, post_name, slot_name
from chitieu.text.normalize import fold
from chitieu.text.quantities import Quantity
from chitieu.text.tokens import Prepared

HUNDRED = Decimal(100)


@dataclass
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


def starts_with_plan(doc: Prepared, a: int, b: int) -> bool:
    """ "126,82% chỉ tiêu Nghị quyết", "100% so với nghị quyết": measured against a plan."""
    if a >= b:
        return False
    cats = tag_cats(doc, a)
    if "references.plan" in cats:
        return True
    if "references.compare" in cats:
        t = doc.tag(a)
        nxt = t.end if t is not None else a + 1
        return nxt < b and "references.plan" in tag_cats(doc, nxt)
    return False


def against_basis(doc: Prepared, q: Quantity) -> bool:
    """ "95,3% kế hoạch", "74% so với cùng kỳ": a percentage measured against a plan or a
    period, whatever verb introduces it ("tương đương 95,3% kế hoạch năm")."""
    if not q.is_percent:
        return False
    end = min(len(doc.tokens), q.last + 4)
    return starts_with_plan(doc, q.last, end) or _compared_to_period(doc, q.last, end)


def shares_verb(doc: Prepared, slots: list[Slot]) -> bool:
    """ "thu ngân sách ước đạt 65 tỷ đồng; chi ngân sách 142 tỷ đồng": a clause with no verb
    of its own before its first figure shares the estimate of the clause before (ellipsis)."""
    if not slots:
        return False
    first = slots[0]
    if first_tag_in(doc, first.full_pre[0], first.q.first, _OWN_VERB) is not None:
        return False
    # Only an indicator's name before the figure ("chi ngân sách 142 tỷ đồng"): a verb not in
    # the tables ("toàn xã kết nạp 12 đảng viên") makes a statement of its own.
    na, nb = first.name_range
    return na < nb and has_prefix(tag_cats(doc, na), _INDICATOR_HEADS)


_INDICATOR_HEADS = ("indicators.rate", "indicators.amount", "indicators.head")


_OWN_VERB = (*PREDICATE, "verbs.", "modes.result", "modes.target", "modes.estimated")


def _compared_to_period(doc: Prepared, a: int, b: int) -> bool:
    """ "so với cùng kỳ", "so với năm 2024", or a bare "cùng kỳ"."""
    if a >= b:
        return False
    cats = tag_cats(doc, a)
    if "references.period" in cats and "modes.result_basis" in cats:
        return True
    if "references.compare" in cats:
        t = doc.tag(a)
        nxt = t.end if t is not None else a + 1
        return nxt < b and "references.period" in tag_cats(doc, nxt)
    return False


def _plan_before_paren(doc: Prepared, slot: Slot) -> bool:
    """ "vượt chỉ tiêu Bộ Công an giao (80%)": a bare figure in brackets right after plan words
    quotes the target."""
    first = slot.q.first
    paren = next(
        (i for i in range(first - 1, max(-1, first - 7), -1) if doc.tokens[i].text == "("), None
    )
    if paren is None or paren < slot.chain[0] - 1:
        return False  # words other than cue words between the bracket and the figure
    for i in range(paren - 1, max(-1, paren - 12), -1):
        if doc.tokens[i].kind == "num" and doc.trap_at(doc.tokens[i].start) is None:
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
    sign, paren = doc.tokens[first - 1], doc.tokens[first - 2]
    return sign.text in ("-", "+") and sign.end == doc.tokens[first].start and paren.text == "("


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


def _is_amount(doc: Prepared, name: str) -> bool:
    words = list(split_words(fold(name)))
    amount = False
    for i in range(len(words)):
        found = doc.lexicon.cues.longest(words, i)
        if found is None:
            continue
        cats = found[1].categories
        if "indicators.rate" in cats and i == 0:
            return False
        if "indicators.amount" in cats:
            amount = True
    return amount


def _plan_then_performed(doc: Prepared, slot: Slot, nxt: Slot | None) -> bool:
    """ "Chỉ tiêu thu ngân sách … là 50 tỷ đồng, thực hiện được 53,2 tỷ đồng": the first
    figure, named by a plan word, is the plan; the one a reporting word introduces is done."""
    if nxt is None or nxt.q.unit != slot.q.unit or slot.q.unit is None:
        return False
    starts = [slot.pre[0], slot.name_range[0]]
    starts += [k + 1 for k in range(slot.pre[0], slot.q.first) if doc.tokens[k].text == ":"]
    if not any("references.plan" in tag_cats(doc, k) for k in starts):
        return False
    return range_has(doc, nxt.full_pre[0], nxt.q.first, "modes.result") or range_has(
        doc, nxt.full_pre[0], nxt.q.first, "verbs.performed"
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
) -> list[ExtractedResult]:
    items: list[_Item] = []
    # "…; so với năm 2024, giảm 18 vụ, số người chết giảm 12,7%": changes stated apart.
    apart = "references.compare" in tag_cats(doc, clause[0])
    for n, slot in enumerate(slots):
        q = slot.q
        if _plan_then_performed(doc, slot, slots[n + 1] if n + 1 < len(slots) else None):
            # The result takes the plan's indicator: "Thu ngân sách: dự toán giao …" -> the
            # words before the colon, else the plan figure's own name.
            colon = next(
                (k for k in range(slot.pre[0], q.first) if doc.tokens[k].text == ":"), None
            )
            named = _text(doc, (slot.pre[0], colon)) if colon else _text(doc, slot.name_range)
            if named:
                slots[n + 1].forced_name = named
            diagnostics.append(
                Diagnostic(
                    (q.start, q.end),
                    "result.quoted_target",
                    doc.text[q.start : q.end],
                    "chỉ tiêu được nhắc lại trong báo cáo kết quả, không phải kết quả",
                )
            )
            continue
        pre_a = slot.pre[0]
        slashed = pre_a < q.first and doc.tokens[pre_a].text == "/"
        if pre_a < q.first and doc.tokens[pre_a].text in ("(", "/"):
            pre_a += 1
        # "(kế hoạch 6,5-7%)", "65 tỷ đồng/dự toán 58 tỷ đồng": the plan quoted beside a result.
        if (slot.in_paren or slashed) and (
            starts_with_plan(doc, pre_a, slot.q.first) or _plan_before_paren(doc, slot)
        ):
            st = _status(doc, slot.full_pre[0], slot.q.first) or _status(
                doc, slot.post[0], slot.post[1]
            )
            if st and items and items[-1].status is None:
                items[-1].status = st
            diagnostics.append(
                Diagnostic(
                    (q.start, q.end),
                    "result.quoted_target",
                    doc.text[q.start : q.end],
                    "chỉ tiêu được nhắc lại trong báo cáo kết quả, không phải kết quả",
                )
            )
            continue
        own = _text(doc, slot.name_range)
        if own and items and _continues_count(doc, slot, items[-1]):
            own = ""  # "xóa 186 căn nhà tạm, nhà dột nát …, đạt 100% kế hoạch": the same figure
        after = post_name(doc, slot)
        cumulative = bool(items) and range_has(doc, *slot.chain, "verbs.cumulative")
        opens = (
            bool(own)
            or bool(slot.forced_name)
            or (bool(after) and (q.is_percent or q.unit_kind == "count"))
            or cumulative
        )
        opened = not (not opens and items)
        if not opens and items:
            item = items[-1]
        else:
            name = slot_name(doc, slot, clause, items[-1].name if items else None)
            if cumulative and name is not None and not own:
                name = f"tổng số {name}"  # "…, nâng tổng số lên 5 trường"
            if name is None:
                diagnostics.append(
                    Diagnostic(
                        (q.start, q.end),
                        "result.no_name",
                        doc.text[q.start : q.end],
                        "không xác định được tên chỉ tiêu",
                    )
                )
                continue
            item = _Item(name, q.start, q.end)
            na, nb = slot.name_range
            item.unnamed = apart and all(
                has_prefix(tag_cats(doc, k), _BASIS_WORDS) or doc.tokens[k].kind != "word"
                for k in range(na, nb)
            )
            items.append(item)
        item.end = q.end
        chain = slot.chain
        # "so với năm 2024, giảm 18 vụ": a difference from the basis, not a count reached.
        compared = (
            apart  # "…; so với cùng kỳ giảm 3 vụ, giảm 2 người chết": all differences
            or range_has(doc, slot.full_pre[0], q.first, "references.compare")
            or range_has(doc, slot.post[0], slot.post[1], "references.compare")
        )
        inc = range_has(doc, chain[0], chain[1], "verbs.increase")
        dec = range_has(doc, chain[0], chain[1], "verbs.decrease")
        valued = range_has(doc, chain[0], chain[1], "verbs.value")
        exceed_by = range_has(doc, chain[0], chain[1], "verbs.exceed_by")
        ratio = range_has(doc, chain[0], chain[1], "verbs.ratio_to_basis")
        if range_has(doc, slot.full_pre[0], q.first, "modes.estimated") or estimated_context:
            item.estimated = True
        # "Ước cả năm …, giải quyết việc làm cho 420 lao động, trong đó …": the part too.
        if slot.subset and len(items) > 1 and items[-2].estimated:
            item.estimated = True
        near_a, near_b = slot.post_near
        st = _status(doc, slot.full_pre[0], slot.q.first) or _status(
            doc, slot.post[0], slot.post[1]
        )
        if st and item.status is None:
            item.status = st
        sign = Decimal(-1) if (dec or (not inc and slot.head_verb == "decrease")) else Decimal(1)
        if q.is_percent and q.value_max is None and starts_with_plan(doc, near_a, near_b):
            pot = HUNDRED + q.value if exceed_by else q.value
            if exceed_by:
                item.status = item.status or "exceeded"
            if item.percent_of_target is None:
                item.percent_of_target = pot
        elif q.is_percent and signed_in_paren(doc, q.first):
            if item.change_percent is None:
                negative = doc.tokens[q.first - 1].text == "-"
                item.change_percent = -q.value if negative else q.value
        elif q.is_percent and ratio and _compared_to_period(doc, near_a, near_b):
            if item.change_percent is None:
                item.change_percent = q.value - HUNDRED
        elif q.is_percent and (
            inc
            or dec
            or (slot.head_verb and (not valued or _compared_to_period(doc, near_a, near_b)))
        ):
            if item.change_percent is None:
                item.change_percent = sign * q.value
        elif (
            (inc or dec)
            and not q.is_percent
            and q.unit_kind == "count"
            and opened
            and not own
            and not compared
        ):
            # "toàn tỉnh giảm 3.120 hộ nghèo": a count achieved, not a change of something else.
            item.value, item.unit, item.unit_kind = q.value, q.unit, q.unit_kind
        elif (inc or dec) and not q.is_percent:
            diagnostics.append(
                Diagnostic(
                    (q.start, q.end),
                    "result.absolute_change",
                    doc.text[q.start : q.end],
                    "mức tăng/giảm tuyệt đối, không phải tỷ lệ thay đổi",
                )
            )
        elif (
            q.is_percent
            and "/" not in (q.unit or "")  # "8,6%/năm" is a rate, never a share of a plan
            and all(doc.tokens[i].kind != "word" for i in range(near_a, near_b))
            and not range_has(doc, chain[0], chain[1], "verbs.share")  # "chiếm 1,15%"
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


_NAME_NOISE = {"số", "tỷ", "lệ", "tổng", "làm", "có", "của", "các", "và", "được"}


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
    if any(has_prefix(tag_cats(doc, k), _NOT_A_NOUN) for k in range(na, nb)):
        return False
    return bool(_content_words(_text(doc, (na, nb))) & _content_words(prev.name))


_NOT_A_NOUN = ("verbs.", "indicators.rate", "indicators.amount", "indicators.head", "modes.")


def _content_words(name: str) -> set[str]:
    return {w for w in fold(name).split() if w not in _NAME_NOISE}


_BASIS_WORDS = ("references.compare", "references.period", "modes.result_basis")


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
            for k in range(len(out) - 1, max(-1, len(out) - 21), -1):
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


_FIELDS = ("value", "unit", "percent_of_target", "change_percent", "status")


def drop_restated(results: list[ExtractedResult]) -> list[ExtractedResult]:
    """A headline that restates part of a result in the body ("…: thu ngân sách đạt 95% dự
    toán" above "tổng thu ngân sách … đạt 152,3 tỷ đồng, đạt 95% dự toán, tăng 8%") is the
    same result: keep the fuller one."""

    def said(r: ExtractedResult) -> dict[str, object]:
        return {f: getattr(r, f) for f in _FIELDS if getattr(r, f) is not None}

    if len(results) > 400:
        return results  # not one report with a headline: nothing to fold
    # What each result says and its name's words, once: each is compared with ~120 others.
    saids = [said(r) for r in results]
    # "Says all I say and more" as a set test: a proper subset of (field, value) pairs. Values
    # are Decimals and strings (hashable, equal ones hash alike); a NaN is never equal to
    # itself, so a result holding one keeps the field-by-field comparison.
    items = [frozenset(d.items()) if all(v == v for v in d.values()) else None for d in saids]
    names = [_content_words(r.name) for r in results]
    out: list[ExtractedResult] = []
    for i, r in enumerate(results):
        mine = saids[i]
        my_items = items[i]
        words = names[i]
        restated = False
        # Nearby results only: bounded work on hostile input, and a headline is near its body.
        for j in range(max(0, i - 60), min(len(results), i + 60)):
            if results[j] is r:
                continue
            theirs = saids[j]
            if len(theirs) <= len(mine):
                continue
            their_items = items[j]
            if my_items is not None and their_items is not None:
                if not my_items < their_items:
                    continue
            elif any(theirs.get(k) != v for k, v in mine.items()):
                continue
            other_words = names[j]
            shared = words & other_words
            if shared and len(shared) >= 0.6 * min(len(words), len(other_words)):
                restated = True
                break
        if not restated:
            out.append(r)
    return out
