"""Every word of grammar/vi/name_words.toml (and of the one-word lists numbers.range_joiner and
sentences.numbered) shows its effect in its example, and the effect is lost without the word.

These words are not cue phrases (the tagger never sees them), so test_grammar_examples.py,
which checks tags, cannot run them. Here each example is read twice: with the tables as they
are (the effect the entry states must show), then with the entry's word taken out of the set the
reader uses (the effect must be gone): an example that would pass without its word proves
nothing about it.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from chitieu.numbers import parse_number
from chitieu.text import duplicates, extract, spans
from chitieu.text.lexicon import Entry, WordEntry, load_lexicon, load_name_words
from chitieu.text.normalize import fold_phrase
from chitieu.text.quantities import scan_quantities
from chitieu.text.sentences import split_sentences
from chitieu.text.tokens import prepare

WORDS = load_name_words()
# Where the reader binds each table: (module, global name).
BOUND = {
    "name_words.intro": (spans, "_INTRO_WORDS"),
    "name_words.field_label": (spans, "_FIELD_WORDS"),
    "name_words.place": (spans, "_PLACE_WORDS"),
    "name_words.noise": (duplicates, "_NAME_NOISE"),
}


def _id(e: WordEntry) -> str:
    return f"{e.category}:{e.word}"


def _names(text: str) -> list[str]:
    ex = extract(text)
    return [t.name for t in ex.targets] + [r.name for r in ex.results]


def _joined(text: str) -> list[Decimal | None]:
    """The values of the results that carry a change in percent."""
    return [r.value for r in extract(text).results if r.change_percent is not None]


def _shows_effect(e: WordEntry) -> bool:
    if e.joins is not None:
        return _joined(e.example) == [parse_number(e.joins)]
    return e.name in _names(e.example)


def test_the_reader_uses_the_tables_sets() -> None:
    for category, (module, attr) in BOUND.items():
        table = category.split(".", 1)[1]
        assert getattr(module, attr) is getattr(WORDS, table), attr


def test_every_table_has_entries_and_each_entry_states_one_effect() -> None:
    assert {e.category for e in WORDS.entries} == set(BOUND)
    for e in WORDS.entries:
        assert fold_phrase(e.word).split() == [e.word], e  # one word, as the reader sees it
        assert (e.name is None) != (e.joins is None), e
        assert (e.joins is not None) == (e.category == "name_words.noise"), e
        assert e.word in fold_phrase(e.example).split(), e


@pytest.mark.parametrize("entry", WORDS.entries, ids=_id)
def test_each_word_shows_its_effect_in_its_example(entry: WordEntry) -> None:
    assert _shows_effect(entry), (entry.name or entry.joins, _names(entry.example))


@pytest.mark.parametrize("entry", WORDS.entries, ids=_id)
def test_each_example_loses_its_effect_without_its_word(
    entry: WordEntry, monkeypatch: pytest.MonkeyPatch
) -> None:
    module, attr = BOUND[entry.category]
    monkeypatch.setattr(module, attr, getattr(module, attr) - {entry.word})
    assert not _shows_effect(entry), (entry.word, _names(entry.example))


def test_tone_placement_of_a_word_does_not_matter() -> None:
    # "Ngoài" folds to "ngòai" in the text; the table's "ngoài" is folded the same way.
    assert "ngòai" in WORDS.intro
    assert "kết nạp đảng viên mới" in _names(
        "Ngoài các nhiệm vụ thường xuyên của tổ chức cơ sở đảng, kết nạp 45 đảng viên mới."
    )


# Two word lists of other tables that the reader reads one word at a time: the range joiners
# of numbers.toml and the article words of sentences.toml. Their own examples are run by
# test_grammar_examples.py (the range joiners) and here (the article words); here each also
# loses its effect without its word.
LEXICON = load_lexicon()
JOINERS = LEXICON.entries_of("numbers.range_joiner")
NUMBERED = LEXICON.entries_of("sentences.numbered")


def _ranges(text: str) -> list[Decimal | None]:
    doc = prepare(text)
    return [q.value_max for q in scan_quantities(doc, 0, len(doc.tokens))]


def _sentences(text: str) -> int:
    return len(split_sentences(prepare(text)))


@pytest.mark.parametrize("entry", JOINERS, ids=lambda e: e.phrase)
def test_each_range_joiner_makes_no_range_without_it(
    entry: Entry, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert any(v is not None for v in _ranges(entry.example))
    word = fold_phrase(entry.phrase)
    monkeypatch.setattr(LEXICON, "range_joiners", LEXICON.range_joiners - {word})
    assert all(v is None for v in _ranges(entry.example))


@pytest.mark.parametrize("entry", NUMBERED, ids=lambda e: e.phrase)
def test_each_article_word_keeps_its_number_in_the_sentence(
    entry: Entry, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _sentences(entry.example) == 1
    word = fold_phrase(entry.phrase)
    monkeypatch.setattr(LEXICON, "numbered", LEXICON.numbered - {word})
    assert _sentences(entry.example) == 2


def test_houses_handed_over_are_counted_and_only_the_units_marked_given(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # units.toml marks "căn" as `given`: houses handed over at a ceremony were built and
    # count; gifts handed over at an event ("suất quà") are no figure.
    houses = "Năm 2025, huyện trao 150 căn nhà tình thương cho hộ nghèo."
    gifts = "Năm 2025, huyện trao 150 suất quà cho hộ nghèo."
    lexicon = load_lexicon()
    assert lexicon.given_units == frozenset({"căn"})

    def figures(text: str) -> list[Decimal]:
        found = extract(text)
        return [t.value for t in found.targets] + [
            r.value for r in found.results if r.value is not None
        ]

    assert figures(houses) == [Decimal(150)]
    assert figures(gifts) == []
    # Without the mark, the event word makes the houses a gift too.
    monkeypatch.setattr(lexicon, "given_units", frozenset())
    assert figures(houses) == []
