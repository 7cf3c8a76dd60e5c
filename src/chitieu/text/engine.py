"""The reader: text -> targets, results, summaries (+ diagnostics).

Translate, then parse: normalise and tag cue phrases from grammar/vi (tokens.py), cut into
sentences and clauses, find the quantities, then decide per clause whether it sets targets or
reports results, and read each quantity with the rules in targets.py / results.py /
summaries.py.
"""

from __future__ import annotations

from chitieu.text.clauses import Slot, build_slots, has_prefix, range_has, tag_cats
from chitieu.text.items import (
    Diagnostic,
    ExtractedResult,
    ExtractedSummary,
    ExtractedTarget,
    Extraction,
)
from chitieu.text.quantities import Quantity, scan_quantities
from chitieu.text.results import build_results
from chitieu.text.sentences import Sentence, split_sentences
from chitieu.text.summaries import is_summary_quantity, merge, read_sentence
from chitieu.text.targets import build_targets, is_structure
from chitieu.text.tokens import Prepared, prepare

TARGET, RESULT = "target", "result"


def _mode_cues(doc: Prepared, a: int, b: int, covered: set[int]) -> tuple[bool, bool]:
    """(has a result cue, has a target cue) in tokens [a, b), ignoring words that belong to
    a quantity or directly follow one ("126,82% chỉ tiêu" is a reference, not a heading)."""
    res = tgt = False
    for i in range(a, b):
        t = doc.tag(i)
        if t is None or t.start != i or i in covered:
            continue
        cats = t.categories
        if "modes.result" in cats:
            res = True
        if "modes.target" in cats:
            tgt = True
    return res, tgt


def _doc_default(doc: Prepared) -> str:
    res = sum(1 for t in doc.tags if "modes.result" in t.categories)
    tgt = sum(1 for t in doc.tags if "modes.target" in t.categories)
    return TARGET if tgt > res else RESULT


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


def _weak_result(doc: Prepared, slots: list[Slot]) -> bool:
    """A percentage of a plan ("đạt 126,82% chỉ tiêu") reads as a reported result."""
    for s in slots:
        a, b = s.post_near
        if s.q.is_percent and a < b and has_prefix(tag_cats(doc, a), "references."):
            return True
    return False


def extract(text: str) -> Extraction:
    doc = prepare(text)
    sentences = split_sentences(doc)
    diagnostics: list[Diagnostic] = [
        Diagnostic(s.span, s.rule, s.text, "bỏ qua")
        for s in doc.skips
        if s.rule == "boilerplate" or any(c.isdigit() for c in s.text)
    ]
    targets: list[ExtractedTarget] = []
    results: list[ExtractedResult] = []
    raw_summaries = []
    default = _doc_default(doc)
    block_mode: str | None = None
    para_mode: str | None = None
    for s in sentences:
        if s.new_line:
            para_mode = None
        if not s.bullet and not s.ends_with_colon:
            block_mode = None if s.new_line else block_mode
        sentence_mode: str | None = None
        summary_qs: list[Quantity] = []
        for a, b in s.clauses:
            qs = scan_quantities(doc, a, b)
            covered = {i for q in qs for i in range(q.first, q.last)}
            covered |= {q.last for q in qs}
            res, tgt = _mode_cues(doc, a, b, covered)
            mine = [q for q in qs if not is_summary_quantity(doc, q)]
            summary_qs += [q for q in qs if is_summary_quantity(doc, q)]
            mine = [q for q in mine if _keep(doc, q, diagnostics)]
            slots = build_slots(doc, a, b, mine)
            if res:
                mode = RESULT
            elif tgt:
                mode = TARGET
            elif sentence_mode:
                mode = sentence_mode
            elif para_mode:
                mode = para_mode
            elif block_mode:
                mode = block_mode
            elif _weak_result(doc, slots):
                mode = RESULT
            else:
                mode = default
            if res or tgt:
                sentence_mode = (
                    mode if sentence_mode is None or (tgt and not res) else sentence_mode
                )
            if not slots:
                continue
            if mode == TARGET:
                targets += build_targets(
                    doc, slots, (a, b), s.index, is_structure(doc, s.start, b), diagnostics
                )
            else:
                estimated = range_has(doc, s.start, a, "modes.estimated") and _head_colon(doc, s)
                results += build_results(doc, slots, (a, b), s.index, estimated, diagnostics)
        if sentence_mode:
            para_mode = sentence_mode
            if s.ends_with_colon:
                block_mode = sentence_mode
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


def _head_colon(doc: Prepared, s: Sentence) -> bool:
    return any(doc.tokens[i].text == ":" for i in range(s.start, s.end))


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
