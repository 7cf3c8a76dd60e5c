"""Long random texts of filler words with a few figures sprinkled in: where the trap masking
searches only the windows around the digits, not the whole text."""

from __future__ import annotations

import random


def sparse_soup(
    seed: int, rare: list[str], filler: list[str], count: int, rate: float, words: tuple[int, int]
) -> list[str]:
    """`count` texts of a random number of words in the `words` range, each word one of `rare`
    with probability `rate`, else one of `filler`."""
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        picks = [
            rng.choice(rare) if rng.random() < rate else rng.choice(filler)
            for _ in range(rng.randint(*words))
        ]
        texts.append(" ".join(picks))
    return texts
