"""Every entry of grammar/vi/*.toml carries an example; this runs each one.

A phrase entry passes when the tagger, run on its example, tags the phrase with the entry's
category (longest match may merge categories of one phrase, never drop them). A unit entry
passes when the quantity reader finds that unit after a number in the example. A trap passes
when its pattern matches the example and the reader extracts nothing from the matched text.
"""

from __future__ import annotations

import pytest

from chitieu.text import extract
from chitieu.text.fields import heading_field, load_fields, name_field
from chitieu.text.lexicon import Entry, load_lexicon, split_words
from chitieu.text.normalize import fold_phrase
from chitieu.text.quantities import scan_quantities
from chitieu.text.sentences import split_sentences
from chitieu.text.tokens import prepare

LEXICON = load_lexicon()
PHRASES = [
    e for e in LEXICON.entries if not e.category.startswith(("units.", "numbers.", "sentences."))
]
UNITS = [
    e for e in LEXICON.entries if e.category.startswith("units.") and e.category != "units.per"
]
PER = [e for e in LEXICON.entries if e.category == "units.per"]


def _id(e: Entry) -> str:
    return f"{e.category}:{e.phrase}"


@pytest.mark.parametrize("entry", PHRASES, ids=_id)
def test_each_phrase_is_tagged_in_its_example(entry: Entry) -> None:
    doc = prepare(entry.example)
    words = split_words(fold_phrase(entry.phrase))
    found = []
    for tag in doc.tags:
        tag_words = tuple(doc.tokens[i].text for i in range(tag.start, tag.end))
        if tag_words == words:
            found.append(tag)
    assert found, f"{entry.phrase!r} is not tagged in {entry.example!r} (a longer phrase hides it)"
    assert any(entry.category in t.categories for t in found)


@pytest.mark.parametrize("entry", UNITS, ids=_id)
def test_each_unit_is_read_after_a_number_in_its_example(entry: Entry) -> None:
    doc = prepare(entry.example)
    # Compare without a per-unit tail ("triệu đồng/người/năm" -> "triệu đồng").
    units = [q.unit for q in scan_quantities(doc, 0, len(doc.tokens)) if q.unit]
    heads = [u if "/" not in u or u.count("/") == u.count("0/") else u.split("/")[0] for u in units]
    expected = entry.canonical or entry.phrase
    assert any(
        u in (expected, u) and (u == expected or u.endswith(" " + expected)) for u in heads + units
    ), (
        entry.example,
        units,
    )


@pytest.mark.parametrize("entry", PER, ids=_id)
def test_each_per_unit_tail_is_kept(entry: Entry) -> None:
    doc = prepare(entry.example)
    units = [q.unit for q in scan_quantities(doc, 0, len(doc.tokens)) if q.unit]
    assert any(u.endswith("/" + entry.phrase) for u in units), units


@pytest.mark.parametrize(
    "entry", [e for e in LEXICON.entries if e.category == "numbers.multiplier"], ids=_id
)
def test_each_scale_word_stays_in_the_unit(entry: Entry) -> None:
    doc = prepare(entry.example)
    units = [q.unit for q in scan_quantities(doc, 0, len(doc.tokens)) if q.unit]
    assert any(u.split()[0] == entry.phrase for u in units), units


@pytest.mark.parametrize(
    "entry", [e for e in LEXICON.entries if e.category == "numbers.word"], ids=_id
)
def test_each_number_word_counts_its_noun(entry: Entry) -> None:
    doc = prepare(entry.example)
    values = [q.value for q in scan_quantities(doc, 0, len(doc.tokens))]
    assert entry.value in values


@pytest.mark.parametrize(
    "entry", [e for e in LEXICON.entries if e.category == "numbers.range_joiner"], ids=_id
)
def test_each_range_joiner_makes_a_range(entry: Entry) -> None:
    doc = prepare(entry.example)
    assert any(q.value_max is not None for q in scan_quantities(doc, 0, len(doc.tokens)))


@pytest.mark.parametrize(
    "entry", [e for e in LEXICON.entries if e.category == "sentences.abbreviation"], ids=_id
)
def test_each_abbreviation_does_not_end_a_sentence(entry: Entry) -> None:
    doc = prepare(entry.example + ".")
    assert len(split_sentences(doc)) == 1


@pytest.mark.parametrize("trap", LEXICON.traps, ids=lambda t: t.name)
def test_each_trap_matches_its_example_and_yields_nothing_there(trap: object) -> None:
    from chitieu.text.lexicon import Trap
    from chitieu.text.normalize import fold, normalize

    assert isinstance(trap, Trap)
    text = normalize(trap.example)
    match = trap.pattern.search(fold(text))
    assert match, f"{trap.name} does not match {trap.example!r}"
    ex = extract(trap.example)
    for item in [*ex.targets, *ex.results, *ex.summaries]:
        s, e = item.span
        assert e <= match.start() or s >= match.end(), (trap.name, item)


@pytest.mark.parametrize("line", LEXICON.boilerplate, ids=lambda t: t.name)
def test_each_boilerplate_line_is_skipped(line: object) -> None:
    from chitieu.text.lexicon import Trap

    assert isinstance(line, Trap)
    doc = prepare(line.example + "\nThu ngân sách đạt 200 tỷ đồng.")
    assert doc.skipped_lines and doc.skipped_lines[0][0] == 0
    assert doc.tokens[0].text == "thu"


FIELDS = load_fields()


@pytest.mark.parametrize(
    "entry", [e for e in FIELDS.entries if e.category == "fields.heading"], ids=_id
)
def test_each_field_heading_names_its_field_in_its_example(entry: Entry) -> None:
    _, code = heading_field(entry.example)
    assert code == FIELDS.codes["heading:" + " ".join(split_words(fold_phrase(entry.phrase)))]


@pytest.mark.parametrize(
    "entry", [e for e in FIELDS.entries if e.category == "fields.heading_prefix"], ids=_id
)
def test_each_heading_prefix_still_lets_the_heading_name_a_field(entry: Entry) -> None:
    assert fold_phrase(entry.phrase) in fold_phrase(entry.example)
    assert heading_field(entry.example)[1] is not None


@pytest.mark.parametrize(
    "entry", [e for e in FIELDS.entries if e.category == "fields.name"], ids=_id
)
def test_each_name_cue_gives_its_field_in_its_example(entry: Entry) -> None:
    assert fold_phrase(entry.phrase) in fold_phrase(entry.example)
    expected = FIELDS.codes["name:" + " ".join(split_words(fold_phrase(entry.phrase)))]
    assert name_field(entry.example) == expected


@pytest.mark.parametrize("heading", LEXICON.link_headings, ids=lambda t: t.name)
def test_each_related_links_heading_is_skipped_with_the_titles_under_it(heading: object) -> None:
    from chitieu.text.lexicon import Trap

    assert isinstance(heading, Trap)
    doc = prepare(heading.example + "\n\nThu ngân sách đạt 200 tỷ đồng.")
    assert doc.skipped_lines and doc.skipped_lines[0][0] == 0
    assert len(doc.skipped_lines) == heading.example.count("\n") + 1
    assert doc.tokens[0].text == "thu"
