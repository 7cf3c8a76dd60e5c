"""The traps whose every match starts with a digit (dates, years, durations, document
numbers…) are tried together, at each digit, by one pattern (joint_traps.Joined) instead of a
pass each: each must still find exactly what its own finditer finds, and the masks must be
those of the traps searched one by one, on dense and on sparse texts (where only the windows
around the digits are searched)."""

from __future__ import annotations

import random
import re
import time

import pytest

from case_matching import case_texts
from chitieu.text import joint_traps, masking
from chitieu.text.lexicon import load_lexicon
from chitieu.text.normalize import fold, normalize
from chitieu.text.pattern_facts import digit_heads, reach
from word_soup import sparse_soup


def _digit_soup() -> list[str]:
    """Figures in every form glued to the words the digit traps look for, so that matches
    touch and overlap ("2020-2025-2030", "1/2/2024/5"), and a few non-ASCII digits."""
    bits = ["1", "2", "24", "0", "19", "2025", "2030", "1995", "12,5", "3.500", "07", "٣", "５"]
    bits += ["-", "/", ".", ",", ":", " ", " ", "  ", "\n", "h", "giờ", "năm", "tháng", "tuần"]
    bits += ["qúy", "học", "tỷ", "%", "đồng", "ha", "người", "sao", "cũ", "xã", "mm", "km/h"]
    bits += ["nq", "-nq/tu", "đại biểu", "giải pháp", "nghị quyết", "24/7", "(", ")", "x"]
    rng = random.Random(3)
    texts = [
        "ngày 19-4-2023, lúc 10:33 và 8h15; nhiệm kỳ 2020 - 2025 - 2030; 05-ct/tw, 02-đa/tu",
        "sau 3 năm, 6 tháng đầu năm; trực 24/24 giờ; năm 1995 và 2045; 2,5 năm; 12/2024/qđ",
    ]
    for size in (10, 50, 400, 3000):
        for _ in range(10):
            texts.append("".join(rng.choice(bits) for _ in range(size)))
    return texts


def _sparse_texts() -> list[str]:
    """Long texts with few figures: the windows around the digits are not the whole text."""
    figures = ["ngày 19-4-2023", "lúc 10:33", "05-ct/tw", "sau 3 năm", "năm 2025", "24/7"]
    filler = ["phát triển", "kinh tế", "xã hội", "của", "tỉnh", ",", ".", "\n", "-", "/"]
    return sparse_soup(9, figures, filler, 20, 0.01, (500, 3000))


def _texts() -> list[str]:
    cases = case_texts()
    raw = [*cases, "\n\n".join(cases), *_digit_soup(), *_sparse_texts()]
    return [fold(normalize(t)) for t in raw]


def test_the_common_traps_about_a_number_are_tried_together() -> None:
    lexicon = load_lexicon()
    steps, _, joined, _ = masking._plan(lexicon.traps)
    assert joined is not None and len(joined.members) >= 5
    names = {lexicon.traps[i].name for i in joined.members}
    assert {"date", "duration"} <= names
    # One tried together is neither tried at opening strings nor searched on its own.
    assert all(steps[i].joined and not steps[i].opened for i in joined.members)


def test_the_joint_pattern_gives_each_trap_the_matches_of_its_finditer() -> None:
    lexicon = load_lexicon()
    _, _, joined, _ = masking._plan(lexicon.traps)
    assert joined is not None
    compared = 0
    for text in _texts():
        found = joint_traps.joined_matches(joined, text)
        for i, matches in zip(joined.members, found, strict=True):
            pattern = lexicon.traps[i].pattern
            assert matches == [m.span() for m in pattern.finditer(text)], (i, text[:80])
            compared += len(matches)
    assert compared > 2000


def test_masks_are_those_of_the_traps_searched_one_by_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lexicon = load_lexicon()
    texts = _texts()
    assert any(masking._windows(t) != [(0, len(t))] for t in texts)  # sparse ones are there
    monkeypatch.setattr(masking, "_PLANS", {})
    joined = [masking.mask_traps(lexicon, t) for t in texts]
    monkeypatch.setattr(masking, "_PLANS", {})
    monkeypatch.setattr(masking, "can_join", lambda trap: False)
    assert joined == [masking.mask_traps(lexicon, t) for t in texts]
    assert sum(map(len, joined)) > 2000


def test_a_trap_that_may_read_past_its_window_is_searched_in_the_windows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # "\d\s+tuổi" may read any number of spaces: in a sparse text the window around "5"
    # ends before "tuổi", and the windows' search finds nothing where the whole text's does.
    from chitieu.text.lexicon import Trap

    trap = Trap("far", re.compile(r"\d\s+tuổi"), "5 tuổi")
    lexicon = load_lexicon()
    monkeypatch.setattr(lexicon, "traps", [trap])
    text = "x " * 300 + "5" + " " * 200 + "tuổi" + " x" * 300
    _, _, joined, _ = masking._plan(lexicon.traps)
    assert joined is not None and joined.near == (False,)
    assert masking.mask_traps(lexicon, text) == []
    # Dense (the window is the whole text): the joint pattern's match is the pass's.
    assert masking.mask_traps(lexicon, "5" + " " * 60 + "tuổi") == [(0, 65, "far")]


def test_every_match_starts_where_one_of_its_traps_heads_matches() -> None:
    texts = _texts()
    checked = 0
    for trap in load_lexicon().traps:
        heads = [re.compile(h) for h in digit_heads(trap.pattern)]
        if not heads:
            continue
        for text in [fold(normalize(trap.example)), *texts]:
            for m in trap.pattern.finditer(text):
                checked += 1
                assert any(h.match(text, m.start()) for h in heads), (trap.name, m.group(0))
    assert checked > 2000


def test_the_heads_a_pattern_shows() -> None:
    (head,) = map(re.compile, digit_heads(re.compile(r"\d(?<![\d.,]\d)\d?\s?năm")))
    assert head.match("12 năm") and not head.match("1.2 năm", 2)  # a number's start only
    assert len(digit_heads(re.compile(r"(?:1(?<!\d1)9|2(?<!\d2)0)\d\d"))) == 2
    (head,) = map(re.compile, digit_heads(re.compile(r"24(?<![\d.,]24)/7")))
    assert head.match("24/7") and not head.match("124/7", 1)
    (head,) = map(re.compile, digit_heads(re.compile(r"(?<![\d.,])0\s?đồng")))
    assert head.match("0 đồng") and not head.match("10 đồng", 1)
    assert digit_heads(re.compile(r"(?:a|\d)x")) == ()  # a branch starts with a letter
    assert digit_heads(re.compile(r"\d*x")) == ()  # may start with "x"
    assert digit_heads(re.compile(r"[\d.]x")) == ()  # may start with "."
    assert digit_heads(re.compile(r"(?<=\s)")) == ()


def test_how_far_an_attempt_may_read() -> None:
    found = reach(re.compile(r"\d\d?\s(?:năm|tháng)(?!\s?\d)"))
    assert found is not None and 9 <= found <= 20
    assert reach(re.compile(r"\d+\s+năm")) is None  # unbounded
    assert reach(re.compile(r"\d*")) is None  # may match the empty string


def _mask_seconds(text: str) -> float:
    lexicon = load_lexicon()
    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        masking.mask_traps(lexicon, text)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("unit", ["1 ", "2024 ", "1-2/2024 ", "24/24 giờ ", "3 năm "], ids=repr)
def test_a_text_of_figures_costs_time_in_proportion_to_its_length(unit: str) -> None:
    # Every digit is a place where the joined traps are tried: that stays linear.
    small = (unit * (12_500 // len(unit) + 1))[:12_500]
    large = (unit * (100_000 // len(unit) + 1))[:100_000]
    t_small = max(_mask_seconds(small), 0.002)
    t_large = _mask_seconds(large)
    assert t_large / t_small < 25, f"{t_small:.3f} s -> {t_large:.3f} s"


def test_a_hint_without_metacharacters_is_the_one_string_its_pattern_shows() -> None:
    # joint_traps._rarely_spared tells a plain-word hint by its lack of metacharacters, for what
    # required_strings would show (one string, the hint itself) without parsing it.
    from chitieu.text.pattern_facts import required_strings

    hints = [t.hint for t in load_lexicon().traps if t.hint is not None]
    hints += [re.compile(h) for h in (r"a\.b", "a|b", "(?:ab)", "ab?", "x y", "đt")]
    for hint in hints:
        plain = joint_traps._METACHARACTER.search(hint.pattern) is None
        assert plain == (required_strings(hint) == (hint.pattern,)), hint.pattern


def test_every_trap_is_tried_one_way_only() -> None:
    plan = masking._plan(load_lexicon().traps)
    searched = {id(step) for step in plan.searched}
    for step in plan.steps:
        assert step.opened + step.joined + (id(step) in searched) == 1, step.trap.name
