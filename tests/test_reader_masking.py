"""A trap with `needs` is searched only in the runs of characters its pattern can consume
around its needed strings (masking.py). That must find exactly what a pass over the whole
text finds: checked on the golden cases, one by one and joined into one long document, and on
long sparse texts where the digit windows are not the whole text."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from chitieu.text import masking
from chitieu.text.lexicon import load_lexicon
from chitieu.text.normalize import fold, normalize

CASES = Path(__file__).parent / "cases"


def _case_texts() -> list[str]:
    texts: list[str] = []
    for path in sorted(CASES.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                text = json.loads(line).get("text")
                if text:
                    texts.append(text)
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
    assert any(t.needs and masking._reach(t.pattern) is not None for t in lexicon.traps)


@pytest.mark.parametrize("text", _sparse_texts())
def test_searching_the_runs_finds_what_a_whole_pass_finds(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    lexicon = load_lexicon()
    folded = fold(normalize(text))
    monkeypatch.setattr(masking, "_CHARS_PER_RUN", 0)  # runs wherever a needed string is
    by_runs = masking.mask_traps(lexicon, folded)
    monkeypatch.setattr(masking, "_needed_runs", lambda trap, scan: None)
    assert by_runs == masking.mask_traps(lexicon, folded)


def test_searching_the_runs_agrees_on_every_case_text(monkeypatch: pytest.MonkeyPatch) -> None:
    lexicon = load_lexicon()
    folded = [fold(normalize(t)) for t in _case_texts()]
    monkeypatch.setattr(masking, "_CHARS_PER_RUN", 0)
    by_runs = [masking.mask_traps(lexicon, f) for f in folded]
    monkeypatch.setattr(masking, "_needed_runs", lambda trap, scan: None)
    assert by_runs == [masking.mask_traps(lexicon, f) for f in folded]
    assert any(by_runs)


def test_a_pattern_that_can_match_nothing_or_reads_any_character_is_not_analysed() -> None:
    assert masking._reach(re.compile(r"\d*")) is None
    assert masking._reach(re.compile(r"a.b")) is None
    assert masking._reach(re.compile(r"a(?=\d+)")) is None
    found = masking._reach(re.compile(r"ab\s?\d{2}(?!\d)"))
    assert found is not None
    run, ahead = found
    assert run.fullmatch("ab 12") and not run.match("x") and ahead >= 2
