"""The reader's per-clause shortcuts answer what the plain rules answer: the years of a
clause read once per text, mode cues weighed over the phrases that carry one, units read
without the general span walk, brackets found by a C-level search, lone figures left out of
the filters that compare two."""

from __future__ import annotations

from pathlib import Path

import pytest

from chitieu.text.clauses import _inside_paren
from chitieu.text.criteria import drop_criteria
from chitieu.text.figure_filters import _drop_starting_points
from chitieu.text.mode_cues import clause_cues, covered_tokens, cues_and_figures, mode_cues
from chitieu.text.modes import RESULT, TARGET, Years, doc_default, period_years
from chitieu.text.quantities import quantities_in
from chitieu.text.sentences import split_sentences
from chitieu.text.tokens import prepare

SEEDS = sorted(Path(__file__).resolve().parents[1].joinpath("bench", "corpus").glob("*.txt"))

MIXED = (
    "Năm 2025, tổng sản phẩm trên địa bàn (GRDP) tăng 8,2% so với năm 2024; thu ngân sách "
    "đạt 1.250 tỷ đồng. Giai đoạn 2026 - 2030 phấn đấu tăng trưởng bình quân 9%/năm, thu "
    "nhập bình quân đầu người đến năm 2030 đạt 120 triệu đồng/người/năm (năm 2025 ước đạt "
    "75 triệu đồng). Khóa XII, nhiệm kỳ 2021 - 2026 đã hoàn thành 15/19 chỉ tiêu."
)


def _texts() -> list[str]:
    return [MIXED] + [p.read_text(encoding="utf-8") for p in SEEDS]


@pytest.mark.parametrize("text", _texts(), ids=lambda t: t[:24])
def test_the_years_of_any_clause_or_sentence_are_those_period_years_reads(text: str) -> None:
    doc = prepare(text)
    years = Years(doc)
    assert years.between(0, len(doc.tokens)) == period_years(doc, 0, len(doc.tokens))
    for s in split_sentences(doc):
        assert years.between(s.start, s.end) == period_years(doc, s.start, s.end)
        for a, b in s.clauses:
            assert years.between(a, b) == period_years(doc, a, b)


def test_a_clause_without_years_takes_the_latest_year_of_its_sentence() -> None:
    doc = prepare("Năm 2025, thu ngân sách đạt 1.250 tỷ đồng; chi 900 tỷ đồng.")
    years = Years(doc)
    (s,) = split_sentences(doc)
    last = s.clauses[-1]
    assert period_years(doc, *last) == []
    assert years.mode(s, 2026, True, last) == RESULT
    assert years.mode(s, 2025, True, last) == TARGET
    # No earlier year anywhere in the text: the years decide nothing.
    assert years.mode(s, 2026, False, last) is None
    assert years.mode(s, None, True, last) is None


def test_a_figure_is_inside_a_bracket_only_when_one_opens_before_it_and_stays_open() -> None:
    doc = prepare("thu nhập (năm 2025 ước đạt 75 triệu đồng) và (kế hoạch) đạt 80 triệu đồng")
    words = doc.words
    first, second = (words.index("75"), len(words) - 3)
    assert words[second] == "80"
    assert _inside_paren(doc, 0, first)
    assert not _inside_paren(doc, 0, second)
    assert not _inside_paren(doc, first, second)
    assert not _inside_paren(doc, 0, words.index("("))


def test_units_of_one_word_keep_their_spelling_and_units_of_several_their_spacing() -> None:
    doc = prepare("đạt 1.250 Tỷ  đồng, 45 ha và 12 người/năm")
    qs = quantities_in(doc, 0, len(doc.tokens))
    assert [(str(q.value), q.unit) for q in qs] == [
        ("1250", "Tỷ đồng"),
        ("45", "ha"),
        ("12", "người/năm"),
    ]


@pytest.mark.parametrize("text", _texts(), ids=lambda t: t[:24])
def test_clause_cues_weigh_the_same_phrases_as_mode_cues_over_every_phrase(text: str) -> None:
    doc = prepare(text)
    sentences = split_sentences(doc)
    cues = clause_cues(doc, sentences)
    for s in sentences:
        for a, b in s.clauses:
            covered = covered_tokens(doc, quantities_in(doc, a, b), a, b)
            assert cues[(a, b)] == mode_cues(doc, a, b, covered)


def test_a_lone_figure_passes_the_starting_point_and_criterion_filters_unchanged() -> None:
    doc = prepare("từ 2,1% xuống còn 1,6%; có 245 mô hình cho thu nhập từ 500 triệu đồng trở lên")
    (s,) = split_sentences(doc)
    for a, b in s.clauses:
        qs = list(quantities_in(doc, a, b))
        assert len(qs) == 2
        # Two figures: the filters drop one (a starting point, then a criterion).
        assert len(drop_criteria(doc, _drop_starting_points(doc, qs, []), [])) == 1
        for q in qs:  # one figure alone: nothing to weigh it against
            assert drop_criteria(doc, _drop_starting_points(doc, [q], []), []) == [q]


@pytest.mark.parametrize("text", _texts(), ids=lambda t: t[:24])
def test_the_quantities_handed_on_with_the_cues_are_those_each_clause_reads(text: str) -> None:
    doc = prepare(text)
    sentences = split_sentences(doc)
    cues, figures = cues_and_figures(doc, sentences)
    assert cues == clause_cues(prepare(text), split_sentences(prepare(text)))
    assert len(figures) == len(sentences)
    for s, row in zip(sentences, figures, strict=True):
        assert [(a, b) for a, b, _ in row] == list(s.clauses)
        for a, b, qs in row:
            assert list(qs) == list(quantities_in(doc, a, b))
    # The leaning reads the same from the handed-on quantities as from its own reading.
    assert doc_default(doc, sentences, cues, figures) == doc_default(doc, sentences, cues)
    assert any(qs for row in figures for _, _, qs in row)


@pytest.mark.parametrize("text", _texts(), ids=lambda t: t[:24])
def test_a_quantity_is_a_percentage_exactly_when_its_unit_is_one(text: str) -> None:
    doc = prepare(text)
    qs = quantities_in(doc, 0, len(doc.tokens))
    assert qs and any(q.is_percent for q in qs)
    for q in qs:
        assert q.is_percent == (q.unit_kind == "percent")
