"""In a long text, a trap with `needs` (or, for a trap with a hint, the strings its pattern
shows: pattern_facts.required_strings) is searched only in the runs of characters its pattern
can consume around those strings (masking.py). That must find exactly what a pass over the
whole text finds: checked on the golden cases, one by one and joined into one long document,
and on long sparse texts where the digit windows are not the whole text."""

from __future__ import annotations

import random
import re

import pytest

from case_matching import case_texts
from chitieu.text import masking
from chitieu.text.lexicon import load_lexicon
from chitieu.text.normalize import fold, normalize
from chitieu.text.pattern_facts import consumed_run, required_strings


def _case_texts() -> list[str]:
    texts = case_texts()
    return [*texts, "\n\n".join(texts)]


def _sparse_texts() -> list[str]:
    texts: list[str] = []
    rng = random.Random(7)
    rare = [
        "ngày 30/4",
        "05-CT/TW",
        "nhiệm kỳ 2020 - 2025",
        "x@y.gov.vn",
        "www.a.vn/2024",
        "250 đại biểu",
        "bầu 33",
        "sáng 12/12",
        "đến 15/10",
        "tháng 6/2024",
        "a-b",
        "-",
        "/",
    ]
    filler = ["phát triển", "kinh tế", "xã hội", "nông thôn", "của", "tỉnh", "các", ",", ".", "\n"]
    for _ in range(40):
        words = [
            rng.choice(rare) if rng.random() < 0.04 else rng.choice(filler)
            for _ in range(rng.randint(100, 800))
        ]
        texts.append(" ".join(words))
    return texts


def test_some_traps_are_searched_by_runs() -> None:
    lexicon = load_lexicon()
    assert any(t.needs and consumed_run(t.pattern) is not None for t in lexicon.traps)


@pytest.mark.parametrize("text", _sparse_texts())
def test_searching_the_runs_finds_what_a_whole_pass_finds(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    lexicon = load_lexicon()
    folded = fold(normalize(text))
    monkeypatch.setattr(masking, "_CHARS_PER_RUN", 0)  # runs wherever a needed string is
    by_runs = masking.mask_traps(lexicon, folded)
    monkeypatch.setattr(masking, "_needed_runs", lambda needs, reach, scan: None)
    assert by_runs == masking.mask_traps(lexicon, folded)


def test_searching_the_runs_agrees_on_every_case_text(monkeypatch: pytest.MonkeyPatch) -> None:
    lexicon = load_lexicon()
    folded = [fold(normalize(t)) for t in _case_texts()]
    monkeypatch.setattr(masking, "_CHARS_PER_RUN", 0)
    by_runs = [masking.mask_traps(lexicon, f) for f in folded]
    monkeypatch.setattr(masking, "_needed_runs", lambda needs, reach, scan: None)
    assert by_runs == [masking.mask_traps(lexicon, f) for f in folded]
    assert any(by_runs)


def test_a_pattern_that_can_match_nothing_or_reads_any_character_is_not_analysed() -> None:
    assert consumed_run(re.compile(r"\d*")) is None
    assert consumed_run(re.compile(r"a.b")) is None
    assert consumed_run(re.compile(r"a(?=\d+)")) is None
    found = consumed_run(re.compile(r"ab\s?\d{2}(?!\d)"))
    assert found is not None
    run, ahead = found
    assert run.fullmatch("ab 12") and not run.match("x") and ahead >= 2


def test_the_strings_a_pattern_shows_are_in_every_one_of_its_matches() -> None:
    texts = [fold(normalize(t)) for t in _case_texts()[:-1] + _sparse_texts()]
    checked = 0
    for trap in load_lexicon().traps:
        strings = required_strings(trap.pattern)
        for text in [fold(normalize(trap.example)), *texts]:
            for m in trap.pattern.finditer(text):
                if strings:
                    checked += 1
                    assert any(s in m.group(0) for s in strings), (trap.name, m.group(0))
    assert checked > 0


def test_a_file_name_pattern_shows_its_extensions_and_a_word_pattern_shows_nothing() -> None:
    assert required_strings(re.compile(r"[\w-]+\.(?:jpe?g|pdf)\b")) == (".jpeg", ".jpg", ".pdf")
    assert required_strings(re.compile(r"\d+\s?tuổi(?!\w)")) == ("tuổi",)
    # Both word and year digits are in every match: the longer strings test more sharply.
    assert required_strings(re.compile(r"(?:năm|nhiệm kỳ)\s+(?:19|20)\d{2}")) == ("nhiệm kỳ", "năm")
    assert required_strings(re.compile(r"\w+")) == ()
    assert required_strings(re.compile(r"a|\d")) == ()  # one branch shows no string


def test_without_the_private_regex_parser_every_trap_is_searched_whole_with_the_same_masks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # pattern_facts reads re._parser, a private module a later Python may change: then the
    # analyses give up and the masks must still be those of a whole pass.
    from chitieu.text import pattern_facts

    lexicon = load_lexicon()
    folded = [fold(normalize(t)) for t in _case_texts()[:60] + _sparse_texts()[:10]]
    expected = [masking.mask_traps(lexicon, f) for f in folded]
    broken = re.compile(r"(?:năm|tháng)\s+\d+x")  # not cached yet: the analysis runs anew
    monkeypatch.setattr(pattern_facts, "_sre_parse", None)
    assert consumed_run(broken) is None and required_strings(broken) == ()
    monkeypatch.setattr(masking, "_needed_runs", lambda needs, reach, scan: None)
    assert [masking.mask_traps(lexicon, f) for f in folded] == expected
