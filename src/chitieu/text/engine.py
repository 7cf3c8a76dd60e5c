"""The reader: text -> targets, results, summaries (+ diagnostics).

Translate, then parse: normalise and tag cue phrases from grammar/vi (tokens.py), cut into
sentences and clauses, find the quantities, then decide per clause whether it sets targets or
reports results, and read each quantity with the rules in targets.py / results.py /
summaries.py.

This module holds the sentence loop and the modes it carries from clause to clause; which
numbers count as figures is in figure_filters.py, and the folding of items said twice in
duplicates.py.
"""

from __future__ import annotations

from chitieu.text.clauses import Slot, build_slots
from chitieu.text.criteria import drop_criteria
from chitieu.text.cues import range_has
from chitieu.text.duplicates import _dedupe, complete_names, drop_restated, join_changes
from chitieu.text.fields import with_fields
from chitieu.text.figure_filters import (
    _drop_starting_points,
    _keep,
    _restates,
    _share_of_targets,
    about_one_person,
)
from chitieu.text.headlines import drop_headline_echoes
from chitieu.text.items import (
    Diagnostic,
    ExtractedResult,
    ExtractedSummary,
    ExtractedTarget,
    Extraction,
    figure_diagnostic,
)
from chitieu.text.mode_cues import cues_and_figures
from chitieu.text.modes import (
    RESULT,
    TARGET,
    TIE,
    Years,
    clause_weak_sign,
    doc_default,
    heading_mode,
    paren_reports,
    sentence_weak_sign,
)
from chitieu.text.quantities import Quantity
from chitieu.text.results import build_results, shares_verb, verbless
from chitieu.text.sentences import split_sentences
from chitieu.text.summaries import (
    is_summary_quantity,
    merge,
    named_apart,
    read_sentence,
    reports_met,
)
from chitieu.text.tables import read_tables
from chitieu.text.targets import brings_own_head, build_targets, is_structure
from chitieu.text.tokens import prepare

# How far the comma closing a sentence's opening phrase ("Ước cả năm 2025,") may be.
_OPENER_WORDS = 8

_MODE_MESSAGES = {
    TARGET: "mệnh đề được đọc là chỉ tiêu đề ra",
    RESULT: "mệnh đề được đọc là kết quả thực hiện",
}
_SKIP_MESSAGES = {
    "trap": "ngày tháng, năm, số hiệu văn bản, điện thoại, độ tuổi…: không phải số liệu",
    "boilerplate": "dòng trình bày của trang web (menu, bộ đếm, chân trang)",
    "number": "không đọc được số",
}


def extract(text: str) -> Extraction:
    doc = prepare(text)
    sentences = split_sentences(doc)
    diagnostics: list[Diagnostic] = [
        Diagnostic(s.span, s.rule, s.text, _skip_message(s.rule))
        for s in doc.skips
        if s.rule == "boilerplate" or any(map(str.isdigit, s.text))
    ]
    targets: list[ExtractedTarget] = []
    results: list[ExtractedResult] = []
    raw_summaries = []
    cues, figures = cues_and_figures(doc, sentences)  # (the quantities of every clause)
    default = doc_default(doc, sentences, cues, figures)
    years = Years(doc)
    all_years = years.between(0, len(doc.words))
    target_year = max(all_years) if all_years else None
    past = any(y < target_year for y in all_years) if target_year is not None else False
    block_mode: str | None = None
    block_estimated = False
    last_estimated = False  # the sentence before ended on an estimate
    last_mode: str | None = None  # the mode of the last clause read with figures
    para_mode: str | None = None
    cued = RESULT  # the mode of the last sentence a cue decided (for a tied leaning)
    tables = read_tables(doc)  # rows under a heading row of columns ("Kế hoạch | Thực hiện")
    keys, words, starts = doc.keys, doc.words, doc.starts
    n = len(keys)
    # Most texts hold no economic-structure phrase: then no clause needs is_structure asked.
    structured = bool(doc.category_starts("indicators.structure"))
    # Nor, in most texts, any phrase of these: range_has over a clause need not be asked.
    any_recurrent = bool(doc.category_spans("modes.recurrent")[0])
    any_event = bool(doc.category_spans("modes.event")[0])
    ages = [m[0] for m in doc.masked if m[2] == "age_apposition"]  # people's ages, rarely any
    targets += tables.targets
    results += tables.results
    for s, clauses in zip(sentences, figures, strict=True):
        if tables.lines and tables.covers(starts[s.start]):
            continue
        if s.new_line:
            para_mode = None
        heading = heading_mode(doc, s)
        # (keys hold a phrase's categories: doc.has(i, c) is c in keys[i], with no call)
        if para_mode is None and last_mode is not None and "modes.singles_out" in keys[s.start]:
            para_mode = last_mode  # "Riêng đặc khu Vân Đồn đón khoảng 1,2 triệu lượt khách"
        if heading is not None:
            block_mode = heading
        sentence_mode: str | None = None
        sentence_weak: str | None = None  # from bounds or report-only forms, this sentence only
        last_name: str | None = None  # "…giảm 2 - 3%/năm; đến năm 2030 còn dưới 5%"
        summary_qs: list[Quantity] = []
        infos: list[tuple[int, int, list[Slot]]] = []
        figured = False  # a clause of the sentence has figures to read
        for a, b, qs in clauses:
            if not qs:
                infos.append((a, b, []))  # most clauses of prose hold no figure: no filter to run
                continue
            # Counts of targets ("15/19 chỉ tiêu") go to the summaries, the other numbers
            # through the filters of figures, in one pass (a count first: a cheap test most
            # fail; only a percentage can be a share of targets: most skip the call).
            counts: list[Quantity] = []
            mine: list[Quantity] = []
            for q in qs:
                if q.unit_kind == "count" and is_summary_quantity(doc, q):
                    counts.append(q)
                elif _keep(doc, q, diagnostics) and (
                    not q.is_percent or not _share_of_targets(doc, q, diagnostics)
                ):
                    mine.append(q)
            if counts:  # (rare: most clauses count no targets)
                summary_qs += counts
            if len(mine) > 1:  # both filters weigh a figure against another of its clause
                mine = drop_criteria(
                    doc, _drop_starting_points(doc, mine, diagnostics), diagnostics
                )
            slots = build_slots(doc, a, b, mine)
            if counts:
                counted = [q.first for q in counts]
                slots = [sl for sl in slots if not _restates(doc, sl, counted, diagnostics)]
            infos.append((a, b, slots))
            figured = figured or bool(slots)
        prev_estimated = opening_estimate = False
        if figured:  # (what follows only weighs figures: half the sentences have none)
            # "… ước đạt 21.356 tỷ đồng. Trong đó: công nghiệp 13.480 tỷ đồng": a sentence
            # opening on "trong đó" breaks down the figure before it, and shares its mode and
            # estimate.
            part_of_before = "summaries.subset" in keys[s.start] or (
                s.start + 1 < n and "summaries.subset" in keys[s.start + 1]
            )
            if part_of_before:
                sentence_weak = last_mode
            prev_estimated = last_estimated and part_of_before
            # "Ước cả năm 2025, tổng giá trị sản xuất đạt …; tỷ lệ hộ nghèo còn 1,65%": an
            # estimate that opens the sentence as its own phrase (a comma within a few words)
            # covers every clause of it, as a heading "Ước thực hiện cả năm 2025:" covers its
            # list.
            opening_estimate = (
                "modes.estimated" in keys[s.start]
                and _first_index(words, ",", s.start, min(s.end, s.start + _OPENER_WORDS))
                is not None
            )
        breakdown = prev_estimated  # parts listed after "trong đó" share it while verbless
        last_estimated = False
        read_counts = read_sentence(doc, s.start, s.end, summary_qs, s.index) if summary_qs else []
        if read_counts and reports_met(read_counts):
            # "Nhiệm kỳ 2020 - 2025, … đạt và vượt 20/22 chỉ tiêu …; thu nhập … năm 2025 đạt
            # 75 triệu đồng": counting targets met reports, for the rest of its sentence too.
            sentence_mode = RESULT
        # The weak sign of each clause, read when first asked (see modes.clause_weak_sign).
        signs: dict[tuple[int, int], str | None] = {}
        any_weak: str | None = None
        any_weak_read = False
        decided: str | None = None  # a mode read from the years, passed on to the paragraph
        in_structure = False  # inside an economic-structure enumeration of this sentence
        for a, b, slots in infos:
            if not structured:
                pass
            elif is_structure(doc, a, b):
                in_structure = True
            elif in_structure and brings_own_head(doc, a, b, slots):
                in_structure = False  # "…; tỷ lệ đô thị hóa đạt 45%": the list has ended
            res, tgt, running = cues[(a, b)]
            if running and TARGET in (block_mode, sentence_mode):
                # "cộng dồn giai đoạn 2026 - 2030 thu hút 5 dự án" in a list of targets: a
                # running total over the period targets are set for is one of them.
                # "Quý II, phấn đấu …; thu ngân sách lũy kế 6 tháng đạt trên 50% dự toán": with
                # no year of its own it is one of them too; only an earlier year reports.
                ys = years.between(a, b)
                res = bool(ys) and not (target_year is not None and max(ys) >= target_year)
            if not slots:
                # A clause with no figure reads nothing: all it can pass on is what its years
                # say (`decided`, the mode chain below down to the years; the later steps
                # only weigh figures). Most clauses of prose end here.
                if (
                    past  # (years.mode answers None otherwise)
                    and not (res or tgt or sentence_mode)
                    and not (
                        any_recurrent
                        and para_mode != RESULT
                        and range_has(doc, a, b, "modes.recurrent")
                    )
                    and (by_years := years.mode(s, target_year, past, (a, b)))
                    and (by_years == RESULT or not block_mode)
                ):
                    decided = by_years
                continue
            recurrent = (
                any_recurrent and not (res or tgt) and range_has(doc, a, b, "modes.recurrent")
            )
            weak = False
            if (
                any_event
                and not (res or tgt)
                and range_has(doc, a, b, "modes.event")
                # "trao 150 căn nhà tình thương …": houses handed over are counted, not gifts
                # (the units marked `given` in units.toml).
                and not any(sl.q.unit in doc.lexicon.given_units for sl in slots)
            ):
                for sl in slots:
                    diagnostics.append(
                        figure_diagnostic(
                            doc.text,
                            sl.q,
                            "skip.event",
                            "số liệu của một sự kiện (trao quà, tham dự…), không phải chỉ tiêu",
                        )
                    )
                continue
            if ages and about_one_person(doc, a, b, ages):
                for sl in slots:
                    diagnostics.append(
                        figure_diagnostic(
                            doc.text,
                            sl.q,
                            "skip.person",
                            "số liệu của một người được kể trong bài, không phải của địa phương",
                        )
                    )
                continue
            if res:
                mode = RESULT
            elif tgt:
                mode = TARGET
            elif sentence_mode:
                mode = sentence_mode
            elif recurrent and para_mode != RESULT:
                # "… sản lượng hằng năm trên 98.000 tấn" inside a paragraph that reports is
                # the yearly figure of the period reviewed, not a target.
                mode = TARGET
            elif (
                past
                and (by_years := years.mode(s, target_year, past, (a, b)))
                and (by_years == RESULT or not block_mode)
            ):
                # An earlier year outranks a section heading ("NHIỆM VỤ NĂM 2027" as a
                # headline over "Năm 2026, … đạt …").
                mode = by_years
                decided = by_years
            elif block_mode:
                mode = block_mode
            elif para_mode:
                mode = para_mode
            elif (sign := clause_weak_sign(doc, signs, a, b, slots)) == TARGET:
                mode, weak = TARGET, True
            elif sentence_weak:
                mode = sentence_weak
            elif sign == RESULT:
                mode, weak = RESULT, True
            else:
                if not any_weak_read:
                    any_weak, any_weak_read = sentence_weak_sign(doc, signs, infos, cues), True
                mode = any_weak or (cued if default == TIE else default)
            if res or tgt or recurrent:
                sentence_mode = (
                    mode if sentence_mode is None or (tgt and not res) else sentence_mode
                )
            elif weak and sentence_weak is None:
                sentence_weak = mode
            last_mode = mode
            diagnostics.append(
                Diagnostic(
                    (starts[a], doc.ends[b - 1]),
                    f"mode.{mode}",
                    doc.span_text(a, min(b, a + 12)),
                    _MODE_MESSAGES[mode],
                )
            )
            if mode == TARGET:
                # "… từ 10% trở lên (năm 2025 ước đạt 8,1%)": a report quoted beside a target.
                quoted = [sl for sl in slots if sl.in_paren and paren_reports(doc, sl, target_year)]
                if quoted:  # (rare)
                    slots = [sl for sl in slots if sl not in quoted]
                structure = (
                    "clause"
                    if structured and is_structure(doc, a, b)
                    else ("sentence" if in_structure else None)
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
                colon = _first_index(doc.words, ":", s.start, a)
                subset = prev_estimated and range_has(doc, a, a + 2, "summaries.subset")
                breakdown = breakdown or subset
                estimated = (
                    colon is not None and range_has(doc, s.start, colon, "modes.estimated")
                ) or (
                    prev_estimated
                    and (
                        subset
                        or shares_verb(doc, slots)
                        or (breakdown and verbless(doc, slots, reaching=True))
                    )
                )
                estimated = estimated or block_estimated or opening_estimate
                found = build_results(
                    doc, slots, (a, b), s.index, estimated, diagnostics, last_name
                )
                prev_estimated = any(r.estimated for r in found)
                last_estimated = prev_estimated
                if found:
                    last_name = found[-1].name  # "… đạt 46,2%; năm 2027 phấn đấu đạt 47%"
                results += found
        if decided and not sentence_mode:
            para_mode = decided
            if block_mode and decided != block_mode:
                block_mode = None  # the years say otherwise: the section (or headline) ended
        if summary_qs and not sentence_mode:
            para_mode = RESULT  # counting targets met is reporting
        if sentence_mode:
            para_mode = cued = sentence_mode
            if s.ends_with_colon:
                block_mode = sentence_mode
            elif s.new_line and not s.bullet and block_mode and sentence_mode != block_mode:
                block_mode = None  # a paragraph that says otherwise ends the section
        if s.ends_with_colon:
            # "Ước thực hiện cả năm 2026:" makes the list under it estimates.
            block_estimated = range_has(doc, s.start, s.end, "modes.estimated")
        elif s.new_line and not s.bullet and heading is None:
            block_estimated = False
        if summary_qs:
            raw_summaries += read_counts
        elif raw_summaries:
            raw_summaries += named_apart(doc, s.start, s.end, s.index)
    results = join_changes(results)
    targets = complete_names(targets, results)
    summaries: list[ExtractedSummary] = merge(raw_summaries)
    targets, results = drop_headline_echoes(
        doc.text, _dedupe(targets), drop_restated(_dedupe(results))
    )
    targets, results = with_fields(doc.text, targets, results)
    return Extraction(
        text=doc.text,
        targets=targets,
        results=results,
        summaries=summaries,
        diagnostics=diagnostics,
    )


def _skip_message(rule: str) -> str:
    """The message of a skip rule ("trap.date" -> the traps' one), looked up once per rule."""
    found = _SKIP_BY_RULE.get(rule)
    if found is None:
        found = _SKIP_BY_RULE[rule] = _SKIP_MESSAGES.get(rule.split(".")[0], "bỏ qua")
    return found


_SKIP_BY_RULE: dict[str, str] = {}  # (rules are the grammar's trap names: a bounded set)


def _first_index(words: list[str], word: str, a: int, b: int) -> int | None:
    """The first index of `word` in words[a:b], or None (a C-level search)."""
    try:
        return words.index(word, a, max(a, b))
    except ValueError:
        return None
