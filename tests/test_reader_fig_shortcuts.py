"""The reader's per-clause shortcuts answer what the plain rules answer: the years of a
clause read once per text, units read without the general span walk, brackets found by a
C-level search."""

from __future__ import annotations

from pathlib import Path

import pytest

from chitieu.text.clauses import _inside_paren
from chitieu.text.modes import RESULT, TARGET, Years, period_years
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
