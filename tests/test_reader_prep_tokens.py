"""The prepared text's tokens and lookups (tokens.prepare / Prepared), as the rules see them."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from chitieu.text.lexicon import split_words
from chitieu.text.tokens import prepare

TEXT = (
    "Năm 2026: tổng thu ngân sách đạt 9.484,5 tỷ đồng (tăng 12%); "
    "diện tích 35 km², trồng mới một trăm ha rừng: kế hoạch 640,706 ha."
)


def test_the_tokenizer_cuts_words_exactly_as_the_lexicon_splitter() -> None:
    doc = prepare(TEXT)
    assert doc.words == list(split_words(doc.folded))
    assert [t.text for t in doc.tokens] == doc.words
    # Every token's span holds its folded text.
    assert all(doc.folded[t.start : t.end] == t.text for t in doc.tokens)


def test_each_token_has_the_kind_of_its_first_character_and_numbers_their_value() -> None:
    doc = prepare(TEXT)
    by_text = {t.text: t for t in doc.tokens}
    assert by_text["9.484,5"].kind == "num"
    assert by_text["9.484,5"].value == Decimal("9484.5")
    assert by_text["đồng"].kind == "word"
    assert by_text["đồng"].value is None
    assert by_text["%"].kind == "punct"
    assert by_text["km²"].kind == "word"  # "²" is a word character, not a decimal digit
    assert doc.kinds == [t.kind for t in doc.tokens]
    assert doc.starts == [t.start for t in doc.tokens]
    assert doc.ends == [t.end for t in doc.tokens]


def test_next_token_finds_the_first_occurrence_at_or_after_a_position() -> None:
    doc = prepare(TEXT)
    commas = [i for i, w in enumerate(doc.words) if w == ","]
    assert len(commas) == 1
    assert doc.next_token(",", 0) == commas[0]
    assert doc.next_token(",", commas[0]) == commas[0]
    assert doc.next_token(",", commas[0] + 1) is None
    assert doc.next_token("không có", 0) is None


def test_the_colon_lookups_answer_within_the_range_asked() -> None:
    doc = prepare(TEXT)
    colons = [i for i, w in enumerate(doc.words) if w == ":"]
    semicolon = doc.words.index(";")
    assert len(colons) == 2
    assert doc.last_colon(0, len(doc.words)) == colons[1]
    assert doc.last_colon(0, colons[1]) == colons[0]
    assert doc.last_colon(colons[0] + 1, colons[1]) is None
    assert doc.first_colon(0, len(doc.words)) == colons[0]
    # A ";" before the next ":" closes the search: the colon belongs to another clause.
    assert doc.first_colon(colons[0] + 1, len(doc.words)) is None
    assert semicolon < colons[1]
    assert doc.first_colon(semicolon + 1, len(doc.words)) == colons[1]


def test_number_starts_holds_digit_groups_and_number_words_in_order() -> None:
    doc = prepare(TEXT)
    starts = doc.number_starts()
    assert [doc.words[i] for i in starts] == [
        "năm",
        "2026",
        "9.484,5",
        "12",
        "35",
        "một",
        "640,706",
    ]
    assert doc.numbers_in(0, len(doc.words)) == [
        i for i, t in enumerate(doc.tokens) if t.kind == "num"
    ]


def test_next_token_finds_words_and_marks_alike() -> None:
    doc = prepare(TEXT)
    for text in ("ha", "(", ")", ";", "năm", "%"):
        every = [i for i, w in enumerate(doc.words) if w == text]
        assert every, text
        for a in range(len(doc.words) + 1):
            after = [i for i in every if i >= a]
            assert doc.next_token(text, a) == (after[0] if after else None), (text, a)
    assert doc.next_token("!", 0) is None  # a mark the text does not hold
    assert doc.positions_of("ha") == [i for i, w in enumerate(doc.words) if w == "ha"]


def test_trap_at_names_the_trap_over_each_masked_char_only() -> None:
    doc = prepare(TEXT)
    assert doc.masked == [(0, 8, "year_after_word")]  # "Năm 2026"
    assert [doc.trap_at(p) for p in (0, 4, 7)] == ["year_after_word"] * 3
    assert doc.trap_at(8) is None
    assert doc.trap_at(-1) is None
    assert doc.trap_at(len(doc.text) + 5) is None


def test_trap_at_gives_a_char_to_the_last_span_starting_before_it() -> None:
    # Spans from mask_traps never overlap; should they, the later span decides from its start.
    doc = replace(prepare(TEXT), masked=[(0, 10, "a"), (4, 6, "b"), (20, 25, "c")])
    assert [doc.trap_at(p) for p in (0, 3, 4, 5, 6, 9, 10, 20, 24, 25)] == [
        "a",
        "a",
        "b",
        "b",
        None,
        None,
        None,
        "c",
        "c",
        None,
    ]


def test_trap_chars_holds_exactly_the_chars_trap_at_names() -> None:
    doc = replace(prepare(TEXT), masked=[(0, 10, "a"), (4, 6, "b"), (20, 25, "c")])
    chars = doc.trap_chars()
    assert chars is doc.trap_chars()  # built once
    assert chars == {p: doc.trap_at(p) for p in range(len(doc.text)) if doc.trap_at(p)}


def test_category_spans_takes_one_category_or_any_of_several_prefixes() -> None:
    doc = prepare(TEXT)
    starts, ends = doc.category_spans(("verbs.", "comparators."))
    tagged = [t for t in doc.tags if not t.keys.isdisjoint(("verbs.", "comparators."))]
    assert (starts, ends) == ([t.start for t in tagged], [t.end for t in tagged])
    assert starts  # "đạt", "tăng": the text has verbs
    value = doc.category_spans("verbs.value")
    assert value[0] == [t.start for t in doc.tags if "verbs.value" in t.categories]
    assert set(value[0]) <= set(starts)
