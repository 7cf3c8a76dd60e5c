"""Tie a name read from a text ("tội phạm về trật tự xã hội") to a target of the data
("số vụ tội phạm về trật tự xã hội").

A score from the syllables both names share, measured both ways (how much of the claim the
target covers, times how much of the target the claim covers), so "tổng chi ngân sách" does not
tie to "tổng thu ngân sách địa phương" although three of its four syllables are there. The fact
check reports a mismatch only for a confident tie (`STRONG`); a weaker one can confirm a number
but never accuse it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

# Words that frame a name without naming the indicator ("công tác bảo hiểm y tế toàn dân",
# "lĩnh vực nông nghiệp"): dropped before comparing. Whole phrases, so "công nghiệp" stays.
FRAME_PHRASES = ("lĩnh vực", "công tác", "chỉ tiêu", "kết quả", "thực hiện", "trên địa bàn")
STRONG = 0.6  # tie confidently enough to call a differing number a mismatch
WEAK = 0.4  # tie well enough to confirm an equal number
MARGIN = 0.1  # the best candidate must beat the next one by this much


def syllables(name: str) -> frozenset[str]:
    text = unicodedata.normalize("NFC", name).casefold()
    text = re.sub(r"\([^)]*\)", lambda m: " " + m.group(0)[1:-1] + " ", text)
    for phrase in FRAME_PHRASES:
        text = re.sub(rf"(?<!\w){phrase}(?!\w)", " ", text)
    return frozenset(re.findall(r"\w+", text))


def score(claim: str, target: str) -> float:
    a, b = syllables(claim), syllables(target)
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return (shared / len(a)) * (shared / len(b))


@dataclass(frozen=True)
class Tie:
    index: int  # position of the target in the candidates given
    score: float

    @property
    def strong(self) -> bool:
        return self.score >= STRONG


def best_tie(claim: str, candidates: Sequence[str]) -> Tie | None:
    """The candidate the claim names, or None when none is close enough or two are as close."""
    scored = sorted(((score(claim, name), i) for i, name in enumerate(candidates)), reverse=True)
    if not scored or scored[0][0] < WEAK:
        return None
    best, index = scored[0]
    if len(scored) > 1 and best - scored[1][0] < MARGIN:
        return None
    return Tie(index, best)
