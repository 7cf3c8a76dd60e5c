"""normalize() and fold() take quicker paths (one pass for the zero-width and typographic
characters, no NFC work on a text already in NFC, the tone pairs as one character class per
first vowel): each must give what the plain steps give."""

from __future__ import annotations

import random
import re
import unicodedata

from case_matching import case_texts
from chitieu.text import normalize as N
from chitieu.text.normalize import fold, normalize


def _plain_normalize(text: str) -> str:
    """The steps one by one: NFC line by line, zero-width characters dropped, then the
    typographic ones mapped."""
    text = text.replace("\r\n", "\n")
    text = "\n".join(unicodedata.normalize("NFC", line) for line in text.split("\n"))
    text = re.sub("[\u200b\u200c\u200d\ufeff\u00ad]", "", text)
    return text.translate(N._CHAR_MAP)


def _plain_fold_pairs(text: str) -> str:
    """Each old-placement pair replaced in turn (pairs never overlap: a second letter is never
    a first one)."""
    for old, new in N._FOLD_PAIRS.items():
        text = text.replace(old, new)
    return text


def _messy_texts() -> list[str]:
    """Case passages with typographic and zero-width characters, decomposed accents, CR line
    ends and the old tone placement sprinkled in, short and long."""
    rng = random.Random(17)
    odd = ["\u00a0", "\u2013", "\u201c", "\u201d", "\u2019", "\u2026", "\r", "\r\n", "\u200b"]
    odd += [
        "\u00ad",
        "\ufeff",
        "\u2212",
        "a\u0301",
        "o\u0300a",
        "ho\u00e0",
        "kho\u1ebb",
        "thu\u1ef7",
    ]
    odd += ["Ho\u00c0", "\u200bo\u00e0", "u\u200b\u1ef3", "\u3000"]
    cases = case_texts()
    texts = []
    for size in (1, 5, 40, 200):
        for _ in range(8):
            parts = []
            for _ in range(size):
                parts.append(rng.choice(cases)[: rng.randint(0, 300)])
                parts.append(rng.choice(odd))
            texts.append("".join(parts))
    return [*texts, "\n".join(cases)]


def test_normalize_gives_what_the_plain_steps_give() -> None:
    texts = _messy_texts()
    assert any(not unicodedata.is_normalized("NFC", t) for t in texts)
    assert any(unicodedata.is_normalized("NFC", t) for t in texts)
    for text in texts:
        assert normalize(text) == _plain_normalize(text)


def test_a_zero_width_character_removed_next_to_a_typographic_one_maps_it_alike() -> None:
    assert normalize("a\u200b\u2013\u200bb\r\u200b\nc") == "a-b\n\nc"


def test_fold_gives_the_plain_substitution_on_long_and_short_texts() -> None:
    texts = [normalize(t) for t in _messy_texts()]
    assert any(len(t) >= 1000 for t in texts) and any(len(t) < 100 for t in texts)
    assert any(fold(t) != t.lower() for t in texts)  # some pairs were moved
    for text in texts:
        assert fold(text) == _plain_fold_pairs(text.lower())


def test_the_tone_pairs_are_folded_at_any_place() -> None:
    pairs = list(N._FOLD_PAIRS)
    text = "".join(pairs) + "o" + "".join(p[1] for p in pairs) + "uo" + pairs[0] + pairs[-1]
    assert fold(text) == _plain_fold_pairs(text)
    assert fold(pairs[3]) == N._FOLD_PAIRS[pairs[3]]  # at the very start
    assert fold("xyz") == "xyz"
