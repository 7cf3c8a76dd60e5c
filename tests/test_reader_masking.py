"""The trap patterns are run over less text than a pass each (masking.py), and must find
exactly what a pass finds:

- in a long text, a trap with `needs` (or, for a trap with a hint, the strings its pattern
  shows: pattern_facts.required_strings) is searched only in the runs of characters its
  pattern can consume around those strings;
- a trap whose every match starts with one of a few strings (pattern_facts.opening_strings)
  is tried only where one occurs, found for all traps by one pass.

Checked on the golden cases, one by one and joined into one long document, on long sparse
texts where the digit windows are not the whole text, and on texts dense in opening strings."""

from __future__ import annotations

import random
import re
import time

import pytest

from case_matching import case_texts
from chitieu.text import masking
from chitieu.text.lexicon import load_lexicon
from chitieu.text.normalize import fold, normalize
from chitieu.text.pattern_facts import consumed_run, opening_strings, required_strings
from word_soup import sparse_soup


def _case_texts() -> list[str]:
    texts = case_texts()
    return [*texts, "\n\n".join(texts)]


def _sparse_texts() -> list[str]:
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
    return sparse_soup(7, rare, filler, 40, 0.04, (100, 800))


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


# A trap whose every match starts with one of a few strings is tried only where those occur
# (masking._Opening finds them all in one pass): that must find what a pass per trap finds.


def _soup_texts() -> list[str]:
    """Texts dense in the traps' opening strings, glued to each other and to figures, so that
    occurrences overlap and start inside words ("nămhọc", "lần thứ", "số lượt truy cập")."""
    openings = sorted({s for t in load_lexicon().traps for s in opening_strings(t.pattern)})
    bits = [*openings, "1", "24", "2025", "30/4", "12,5", " ", " ", "\n", ", ", "-", ":", "%"]
    bits += ["đồng", "km", "tuổi", "giờ", "đồng chí", "tỷ", "cũ", "xã", "(3 - 5 tuổi)", "m"]
    rng = random.Random(11)
    # One trap's match holding the start of another of its matches, which finditer skips.
    texts = ["hội nghị lần thứ 2, năm năm 2025, từ năm 2020 đến tháng 6/2024 sau đến năm 2030"]
    for size in (20, 60, 300, 2000):
        for _ in range(12):
            glue = ("", " ")
            texts.append("".join(rng.choice(bits) + rng.choice(glue) for _ in range(size)))
    return texts


def _opening_texts() -> list[str]:
    return [fold(normalize(t)) for t in [*_case_texts(), *_sparse_texts(), *_soup_texts()]]


def test_most_traps_are_tried_at_their_opening_strings() -> None:
    steps, opening, _, _ = masking._plan(load_lexicon().traps)
    assert opening is not None
    assert sum(step.opened for step in steps) > len(steps) // 2


def test_every_match_of_a_trap_starts_with_one_of_its_opening_strings() -> None:
    texts = _opening_texts()
    checked = 0
    for trap in load_lexicon().traps:
        openings = opening_strings(trap.pattern)
        if not openings:
            continue
        for text in [fold(normalize(trap.example)), *texts]:
            for m in trap.pattern.finditer(text):
                checked += 1
                assert m.group(0).startswith(openings), (trap.name, m.group(0))
    assert checked > 1000


def test_the_opening_strings_a_pattern_shows() -> None:
    assert opening_strings(re.compile(r"(?:năm|nhiệm kỳ)\s+\d")) == ("nhiệm kỳ", "năm")
    assert opening_strings(re.compile(r"tháng(?<!\wtháng)\s+\d")) == ("tháng",)
    assert opening_strings(re.compile(r"a?b")) == ("ab", "b")
    assert opening_strings(re.compile(r"(?:^|(?<=[,.]))thực hiện")) == ("thực hiện",)
    assert opening_strings(re.compile(r"(?:a|\d)x")) == ()  # a branch opens with any digit
    assert opening_strings(re.compile(r"\d+ năm")) == ()
    assert opening_strings(re.compile(r"b*c")) == ()  # "b" repeated: only "" is certain
    assert opening_strings(re.compile(r"(?i)năm")) == ()  # "NĂM" matches too
    # Too many strings after three parts: the openings stop at two (none skips the third).
    assert {len(s) for s in opening_strings(re.compile(r"[a-h][a-h][a-h]x"))} == {2}


def test_the_one_pass_finds_every_place_each_trap_opens_at() -> None:
    lexicon = load_lexicon()
    steps, opening, _, _ = masking._plan(lexicon.traps)
    for text in _opening_texts():
        places = masking._places(opening, text)
        for i, step in enumerate(steps):
            if not step.opened:
                continue
            expected = sorted(
                {p for s in masking._openings(step.trap) for p in _occurrences(text, s)}
            )
            assert places.get(i, []) == expected, (step.trap.name, text[:80])


def _occurrences(text: str, string: str) -> list[int]:
    found = []
    p = text.find(string)
    while p >= 0:
        found.append(p)
        p = text.find(string, p + 1)
    return found


@pytest.mark.parametrize("places_always", [False, True])
def test_trying_the_opening_places_masks_what_a_pass_per_trap_masks(
    places_always: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    lexicon = load_lexicon()
    texts = _opening_texts()
    monkeypatch.setattr(masking, "_PLANS", {})
    if places_always:  # never the pass, however many places
        monkeypatch.setattr(masking, "_CHARS_PER_PLACE", 0)
    by_places = [masking.mask_traps(lexicon, t) for t in texts]
    monkeypatch.setattr(masking, "_PLANS", {})
    monkeypatch.setattr(masking, "_openings", lambda trap: ())
    assert by_places == [masking.mask_traps(lexicon, t) for t in texts]
    assert sum(map(len, by_places)) > 1000


def test_each_trap_tried_at_its_places_gives_the_matches_of_finditer_in_any_windows() -> None:
    # Unmerged, so that a match that overlaps the one before (finditer resumes past a match)
    # would show.
    lexicon = load_lexicon()
    steps, opening, _, _ = masking._plan(lexicon.traps)
    rng = random.Random(5)
    compared = 0
    for text in _opening_texts():
        places = masking._places(opening, text)
        n = len(text)
        cuts = sorted(rng.randrange(n + 1) for _ in range(6))
        spreads = [
            [(0, n)],
            [(cuts[0], cuts[3])],
            [(cuts[0], cuts[1]), (cuts[2], cuts[3]), (cuts[4], cuts[5])],  # disjoint, sorted
            masking._windows(text),
        ]
        for spread in spreads:
            for i, step in enumerate(steps):
                if not step.opened or not spread:
                    continue
                found: list[tuple[int, int, str]] = []
                masking._match_at(step.trap, text, spread, places.get(i, []), found)
                expected = [
                    (m.start(), m.end(), step.trap.name)
                    for a, b in spread
                    for m in step.trap.pattern.finditer(text, a, b)
                ]
                assert found == expected, (step.trap.name, spread, text[:80])
                compared += len(found)
    assert compared > 1000


def _mask_seconds(text: str) -> float:
    lexicon = load_lexicon()
    best = float("inf")
    for _ in range(2):  # best of 2: the less disturbed by other work on the machine
        start = time.process_time()
        masking.mask_traps(lexicon, text)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize(
    "unit", ["năm ", "(", "tổ 1 ", "lần thứ 2 ", "(1) ", "từ ngày 1/2 "], ids=repr
)
def test_a_text_made_of_opening_strings_costs_time_in_proportion_to_its_length(
    unit: str,
) -> None:
    # Every character may be a place to try: the one pass and the tries stay linear.
    small = (unit * (12_500 // len(unit) + 1))[:12_500]
    large = (unit * (100_000 // len(unit) + 1))[:100_000]
    t_small = max(_mask_seconds(small), 0.002)
    t_large = _mask_seconds(large)
    # Linear work gives ~8x; quadratic gives ~64x. 25x leaves room for a noisy machine.
    assert t_large / t_small < 25, f"{t_small:.3f} s -> {t_large:.3f} s"
