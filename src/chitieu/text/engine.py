"""The reader: text -> targets, results, summaries (+ diagnostics).

Translate, then parse: normalise and tag cue phrases from grammar/vi (tokens.py), cut into
sentences and clauses, find the quantities, then decide per clause whether it sets targets or
reports results, and read each quantity with the rules in targets.py / results.py /
summaries.py.
"""

from __future__ import annotations

import bisect

from chitieu.text.clauses import Slot, build_slots, has_prefix, range_has, tag_cats
from chitieu.text.items import (
    Diagnostic,
    ExtractedResult,
    ExtractedSummary,
    ExtractedTarget,
    Extraction,
)
from chitieu.text.quantities import Quantity, scan_quantities
from chitieu.text.results import build_results, starts_with_plan
from chitieu.text.sentences import Sentence, split_sentences
from chitieu.text.summaries import is_summary_quantity, merge, read_sentence
from chitieu.text.targets import build_targets, is_structure
from chitieu.text.tokens import Prepared, prepare

TARGET, RESULT = "target", "result"
_MODE_MESSAGES = {
    TARGET: "mệnh đề được đọc là chỉ tiêu đề ra",
    RESULT: "mệnh đề được đọc là kết quả thực hiện",
}
_SKIP_MESSAGES = {
    "trap": "ngày tháng, năm, số hiệu văn bản, điện thoại, độ tuổi…: không phải số liệu",
    "boilerplate": "dòng trình bày của trang web (menu, bộ đếm, chân trang)",
    "number": "không đọc được số",
}


def _mode_cues(doc: Prepared, a: int, b: int, covered: set[int]) -> tuple[bool, bool]:
    res, tgt, basis = _mode_cues3(doc, a, b, covered)
    return res or (basis and not tgt), tgt and not res


def _mode_cues3(doc: Prepared, a: int, b: int, covered: set[int]) -> tuple[bool, bool, bool]:
    """(has a result cue, has a target cue) in tokens [a, b), ignoring words that belong to
    a quantity or directly follow one ("126,82% chỉ tiêu" is a reference, not a heading)."""
    res = tgt = basis = False
    for i in range(a, b):
        t = doc.tag(i)
        if t is None or t.start != i:
            continue
        cats = t.categories
        # A basis that is a reporting period ("so với cùng kỳ") still speaks for a result.
        if "modes.result_basis" in cats:
            basis = True
        if i in covered:
            continue
        if "modes.result" in cats:
            res = True
        if "modes.target" in cats:
            tgt = True
    return res, tgt, basis


_Cues = dict[tuple[int, int], tuple[bool, bool]]


def _clause_cues(doc: Prepared, sentences: list[Sentence]) -> _Cues:
    """(result cue, target cue) of every clause, computed once."""
    cues: _Cues = {}
    for s in sentences:
        for a, b in s.clauses:
            qs = scan_quantities(doc, a, b)
            cues[(a, b)] = _mode_cues(doc, a, b, _covered(doc, qs, a, b))
    return cues


def _doc_default(doc: Prepared, sentences: list[Sentence], cues: _Cues) -> str:
    """With no cue anywhere near a statement, the document's leaning decides: the mode most
    clauses with figures state outright. A text with no sign of reporting reads as targets."""
    res = tgt = 0
    for s in sentences:
        for a, b in s.clauses:
            qs = scan_quantities(doc, a, b)
            if not qs:
                continue
            r, t = cues[(a, b)]
            # Counting targets met ("đạt 6/7 chỉ tiêu") is reporting.
            r = r or any(is_summary_quantity(doc, q) for q in qs)
            res += r
            tgt += t and not r
    return RESULT if res > tgt else TARGET


def _covered(doc: Prepared, qs: list[Quantity], a: int, b: int) -> set[int]:
    """Tokens whose cue words do not speak for the clause: the quantities, the word right
    after one ("126,82% chỉ tiêu"), and a comparison's basis ("so với ước thực hiện 2025")."""
    covered = {i for q in qs for i in range(q.first, q.last)}
    covered |= {q.last for q in qs if "references.plan" in tag_cats(doc, q.last)}
    # A bracket holding a figure speaks for that figure only ("(năm 2025 ước đạt 8,1%)").
    firsts = sorted(q.first for q in qs)
    open_at: int | None = None
    for k in range(a, b):
        t = doc.tokens[k].text
        if t == "(":
            open_at = k
        elif t == ")" and open_at is not None:
            j = bisect.bisect_left(firsts, open_at)
            if j < len(firsts) and firsts[j] < k:
                covered.update(range(open_at, k))
            open_at = None
    i = a
    while i < b:
        if "references.compare" in tag_cats(doc, i):
            j = i
            while j < b and doc.tokens[j].text not in (",", ";", "(", ")", "."):
                covered.add(j)
                j += 1
            i = j
        i += 1
    return covered


def _period_years(doc: Prepared, a: int, b: int) -> list[int]:
    """Years a statement is about: "năm 2025", "giai đoạn 2026 - 2030" (its end), not the
    basis of a comparison ("so với năm 2024") nor a date ("ngày 10 tháng 12 năm 2025")."""
    years: list[int] = []
    toks = doc.tokens
    for i in range(a, b):
        t = toks[i]
        if t.kind != "num" or t.value is None or len(t.text) != 4 or not 1950 <= t.value <= 2100:
            continue
        prev = toks[i - 1].text if i > 0 else ""
        prev2 = toks[i - 2].text if i > 1 else ""
        if prev == "-" and i > 1 and toks[i - 2].kind == "num":
            years.append(int(t.value))
            continue
        if prev != "năm" and not (prev == "-" or prev in ("đoạn", "kỳ")):
            continue
        if prev == "năm" and (prev2 in ("với", "so") or (i > 2 and toks[i - 3].text == "tháng")):
            continue
        years.append(int(t.value))
    return years


def _year_mode(doc: Prepared, s: Sentence, target_year: int | None, past: bool) -> str | None:
    if target_year is None or not past:
        return None
    ys = _period_years(doc, s.start, s.end)
    if not ys:
        return None
    if max(ys) < target_year:
        return RESULT
    return TARGET


def _quantity_target_signal(doc: Prepared, slots: list[Slot]) -> bool:
    for slot in slots:
        if slot.q.value_max is not None:
            return True
        for i in range(slot.chain[0], min(slot.post[1], slot.post[0] + 2)):
            if "modes.target_weak" in tag_cats(doc, i):
                return True
    return False


def _keep(doc: Prepared, q: Quantity, diagnostics: list[Diagnostic]) -> bool:
    """Numbers that locate ("ở 3 khu vực") or carry no unit and no cue are not figures."""
    before = q.first - 1
    if before >= 0 and "names.locative" in tag_cats(doc, before):
        diagnostics.append(
            Diagnostic(
                (q.start, q.end),
                "skip.locative",
                doc.text[q.start : q.end],
                "số chỉ nơi chốn/phạm vi, không phải số liệu",
            )
        )
        return False
    if q.unit is None and q.total is None:
        cats = tag_cats(doc, before) if before >= 0 else frozenset()
        if not has_prefix(cats, ("comparators.", "verbs.")):
            diagnostics.append(
                Diagnostic(
                    (q.start, q.end),
                    "skip.no_unit",
                    doc.text[q.start : q.end],
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
        and k < len(doc.tokens)
        and doc.words[k - 1] == "số"
        and ("summaries.set_noun" in tag_cats(doc, k))
    ):
        diagnostics.append(
            Diagnostic(
                (q.start, q.end),
                "skip.share_of_targets",
                doc.text[q.start : q.end],
                "tỷ lệ chỉ tiêu đạt, đã có trong số liệu tổng hợp",
            )
        )
        return True
    return False


def _weak_result(doc: Prepared, slots: list[Slot]) -> bool:
    """A percentage of a plan after "đạt" ("đạt 126,82% chỉ tiêu") reads as a result."""
    for s in slots:
        a, b = s.post_near
        ca, cb = s.chain
        reached = range_has(doc, ca, cb, "verbs.value") or range_has(doc, ca, cb, "verbs.exceed_by")
        if s.q.is_percent and reached and starts_with_plan(doc, a, b):
            return True
        # "bằng 108,5% cùng kỳ", "tăng 6,2 triệu đồng", "12/12 xã": only reports say these.
        if range_has(doc, ca, cb, "verbs.ratio_to_basis") and s.q.is_percent:
            return True
        if s.q.total is not None:
            return True
        moved = range_has(doc, ca, cb, "verbs.increase") or range_has(doc, ca, cb, "verbs.decrease")
        compared = s.post[0] < s.post[1] and "references.compare" in tag_cats(doc, s.post[0])
        if moved and not s.q.is_percent and (s.q.unit_kind != "count" or compared):
            return True
    return False


def _drop_starting_points(
    doc: Prepared, qs: list[Quantity], diagnostics: list[Diagnostic]
) -> list[Quantity]:
    """ "từ 2,1% xuống còn 1,6%": only the level reached is a figure; "(tương đương 45 tỷ
    đồng)" restates the figure before it."""
    out: list[Quantity] = []
    for k, q in enumerate(qs):
        if q.first > 0 and "verbs.equivalent" in tag_cats(doc, q.first - 1) and out:
            diagnostics.append(
                Diagnostic(
                    (q.start, q.end),
                    "skip.equivalent",
                    doc.text[q.start : q.end],
                    "cùng số liệu viết theo đơn vị khác",
                )
            )
            continue
        nxt = qs[k + 1] if k + 1 < len(qs) else None
        if (
            nxt is not None
            and q.last < len(doc.tokens)
            and nxt.first - q.last <= 3
            and ("verbs.from_to" in tag_cats(doc, q.last))
        ):
            diagnostics.append(
                Diagnostic(
                    (q.start, q.end),
                    "skip.starting_point",
                    doc.text[q.start : q.end],
                    "mức xuất phát, không phải số liệu đạt được",
                )
            )
            continue
        out.append(q)
    return out


def extract(text: str) -> Extraction:
    doc = prepare(text)
    sentences = split_sentences(doc)
    diagnostics: list[Diagnostic] = [
        Diagnostic(s.span, s.rule, s.text, _SKIP_MESSAGES.get(s.rule.split(".")[0], "bỏ qua"))
        for s in doc.skips
        if s.rule == "boilerplate" or any(c.isdigit() for c in s.text)
    ]
    targets: list[ExtractedTarget] = []
    results: list[ExtractedResult] = []
    raw_summaries = []
    cues = _clause_cues(doc, sentences)
    default = _doc_default(doc, sentences, cues)
    all_years = _period_years(doc, 0, len(doc.tokens))
    target_year = max(all_years) if all_years else None
    past = any(y < target_year for y in all_years) if target_year is not None else False
    block_mode: str | None = None
    para_mode: str | None = None
    for s in sentences:
        if s.new_line:
            para_mode = None
        heading = _heading_mode(doc, s)
        if heading is not None:
            block_mode = heading
        sentence_mode: str | None = None
        sentence_weak: str | None = None  # from bounds or report-only forms, this sentence only
        last_name: str | None = None  # "…giảm 2 - 3%/năm; đến năm 2030 còn dưới 5%"
        prev_estimated = False
        summary_qs: list[Quantity] = []
        infos = []
        for a, b in s.clauses:
            qs = scan_quantities(doc, a, b)
            mine = [q for q in qs if not is_summary_quantity(doc, q)]
            summary_qs += [q for q in qs if is_summary_quantity(doc, q)]
            mine = [
                q
                for q in mine
                if _keep(doc, q, diagnostics) and not _share_of_targets(doc, q, diagnostics)
            ]
            mine = _drop_starting_points(doc, mine, diagnostics)
            infos.append((a, b, build_slots(doc, a, b, mine)))
        # A weak sign anywhere in the sentence outweighs the document's leaning for all of it.
        any_weak: str | None = None
        for a, b, slots in infos:
            if not any(cues[(a, b)]) and slots:
                if _quantity_target_signal(doc, slots):
                    any_weak = TARGET
                elif _weak_result(doc, slots):
                    any_weak = RESULT
                if any_weak:
                    break
        decided: str | None = None  # a mode read from the years, passed on to the paragraph
        for a, b, slots in infos:
            res, tgt = cues[(a, b)]
            weak = False
            if slots and not (res or tgt) and range_has(doc, a, b, "modes.event"):
                for sl in slots:
                    diagnostics.append(
                        Diagnostic(
                            (sl.q.start, sl.q.end),
                            "skip.event",
                            doc.text[sl.q.start : sl.q.end],
                            "số liệu của một sự kiện (trao quà, tham dự…), không phải chỉ tiêu",
                        )
                    )
                continue
            if res:
                mode = RESULT
            elif tgt:
                mode = TARGET
            elif sentence_mode:
                mode = sentence_mode
            elif block_mode:
                mode = block_mode
            elif year_mode := _year_mode(doc, s, target_year, past):
                mode = year_mode
                decided = year_mode
            elif para_mode:
                mode = para_mode
            elif _quantity_target_signal(doc, slots):
                mode, weak = TARGET, True
            elif sentence_weak:
                mode = sentence_weak
            elif _weak_result(doc, slots):
                mode, weak = RESULT, True
            else:
                mode = any_weak or default
            if (res or tgt) and slots:
                sentence_mode = (
                    mode if sentence_mode is None or (tgt and not res) else sentence_mode
                )
            elif weak and sentence_weak is None:
                sentence_weak = mode
            if not slots:
                continue
            diagnostics.append(
                Diagnostic(
                    (doc.tokens[a].start, doc.tokens[b - 1].end),
                    f"mode.{mode}",
                    doc.span_text(a, min(b, a + 12)),
                    _MODE_MESSAGES[mode],
                )
            )
            if mode == TARGET:
                # "… từ 10% trở lên (năm 2025 ước đạt 8,1%)": a report quoted beside a target.
                quoted = [sl for sl in slots if sl.in_paren and _paren_reports(doc, sl)]
                slots = [sl for sl in slots if sl not in quoted]
                structure = (
                    "clause"
                    if is_structure(doc, a, b)
                    else ("sentence" if is_structure(doc, s.start, a) else None)
                )
                found_targets = build_targets(
                    doc, slots, (a, b), s.index, structure, diagnostics, last_name
                )
                if found_targets:
                    last_name = found_targets[-1].name
                targets += found_targets
                for sl in quoted:
                    before = [t for t in found_targets if t.span[1] <= sl.q.start]
                    if before:
                        sl.forced_name = before[-1].name
                    results += build_results(doc, [sl], (a, b), s.index, False, diagnostics)
            else:
                # An estimate covers its own clause, a "trong đó" part of it, or a list after
                # a heading that says "ước".
                colon = next((i for i in range(s.start, a) if doc.tokens[i].text == ":"), None)
                estimated = (
                    colon is not None and range_has(doc, s.start, colon, "modes.estimated")
                ) or (prev_estimated and range_has(doc, a, a + 2, "summaries.subset"))
                found = build_results(doc, slots, (a, b), s.index, estimated, diagnostics)
                prev_estimated = any(r.estimated for r in found)
                results += found
        if decided and not sentence_mode:
            para_mode = decided
        if sentence_mode:
            para_mode = sentence_mode
            if s.ends_with_colon:
                block_mode = sentence_mode
            elif s.new_line and not s.bullet and block_mode and sentence_mode != block_mode:
                block_mode = None  # a paragraph that says otherwise ends the section
        if summary_qs:
            raw_summaries += read_sentence(doc, s.start, s.end, summary_qs, s.index)
    summaries: list[ExtractedSummary] = merge(raw_summaries)
    return Extraction(
        text=doc.text,
        targets=_dedupe(targets),
        results=_dedupe(results),
        summaries=summaries,
        diagnostics=diagnostics,
    )


def _paren_reports(doc: Prepared, slot: Slot) -> bool:
    """The bracket around a figure holds a reporting word ("ước đạt", "thực hiện")."""
    i = slot.q.first - 1
    while i >= 0 and doc.tokens[i].text != "(":
        if doc.tokens[i].text == ")":
            return False
        i -= 1
    return i >= 0 and any(
        has_prefix(tag_cats(doc, k), ("modes.result", "modes.estimated"))
        for k in range(i, slot.q.first)
    )


def _heading_mode(doc: Prepared, s: Sentence) -> str | None:
    """A line with no figure that opens a section: "II. CÁC CHỈ TIÊU CHỦ YẾU ĐẾN NĂM 2030",
    "… với các chỉ tiêu chủ yếu sau:". Short, or ending with a colon."""
    if not s.ends_with_colon and (not s.new_line or s.end - s.start > 16):
        return None
    figures = [q for q in scan_quantities(doc, s.start, s.end) if q.unit or q.total is not None]
    if figures and not s.ends_with_colon:
        return None
    if not s.ends_with_colon and s.end < len(doc.tokens):
        nxt = doc.tokens[s.end]
        if "\n" not in doc.text[doc.tokens[s.end - 1].end : nxt.start]:
            return None  # not alone on its line
    cats: set[str] = set()
    for i in range(s.start, s.end):
        cats |= tag_cats(doc, i)
    if "modes.section_result" in cats:
        return RESULT
    if "modes.section_target" in cats:
        return TARGET
    return None


def _dedupe[T: (ExtractedTarget, ExtractedResult)](items: list[T]) -> list[T]:
    seen: set[str] = set()
    out: list[T] = []
    for it in items:
        d = it.to_dict()
        d.pop("span", None)
        key = repr(sorted(d.items()))
        if key not in seen:
            seen.add(key)
            out.append(it)
    return out
