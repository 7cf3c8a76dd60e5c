"""Text clean-up before reading: one canonical form, and a folded twin for lookups.

Web pages and office files give us NFD accents, no-break spaces, typographic dashes and quotes,
and two tone placements ("hoà" / "hòa"). We keep the text in NFC with plain spaces, dashes and
quotes (what users see in names), and build a *folded* copy of the same length for matching cue
phrases: lower case and the new tone placement. Same length means a match in the folded copy is
a span in the text, with no offset mapping to maintain.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Typographic characters that carry no meaning for the reader, mapped one-to-one.
_CHAR_MAP = str.maketrans(
    {
        "\u00a0": " ",  # no-break space
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u3000": " ",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",  # en dash: "6,5–7%"
        "\u2014": "-",
        "\u2212": "-",  # minus sign
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u2026": "…",
        "\r": "\n",
    }
)
_ZERO_WIDTH = "\u200b\u200c\u200d\ufeff\u00ad"
# Both, dropped or mapped in one pass: each character's replacement does not depend on its
# neighbours, so one pass gives what removing the one and mapping the other gives.
_CLEAN_MAP = {**{chr(c): str(v) for c, v in _CHAR_MAP.items()}, **dict.fromkeys(_ZERO_WIDTH, "")}
_CLEAN = re.compile("[" + re.escape("".join(_CLEAN_MAP)) + "]")

# Old tone placement (tone mark on the second vowel of oa/oe/uy) -> new placement (first vowel)
# is the convention of most current texts; both are correct Vietnamese. Only the folded copy
# is changed, so names keep the writer's spelling.
_TONES = {
    "a": "àáảãạ",
    "e": "èéẻẽẹ",
    "y": "ỳýỷỹỵ",
}
_FIRST = {"o": "òóỏõọ", "u": "ùúủũụ"}
_FOLD_PAIRS: dict[str, str] = {}
for _first, _second_plain in (("o", "a"), ("o", "e"), ("u", "y")):
    for _i, _marked in enumerate(_TONES[_second_plain]):
        _FOLD_PAIRS[_first + _marked] = _FIRST[_first][_i] + _second_plain
# One character class per first vowel ("o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ]", exactly the pairs): the regex
# engine tests a class at once where it tried the 15 pairs one by one (fold runs on every text
# and on every name compared).
_SECONDS: dict[str, str] = {}
for _pair in _FOLD_PAIRS:
    _SECONDS[_pair[0]] = _SECONDS.get(_pair[0], "") + _pair[1]
_FOLD_RE = re.compile("|".join(f"{re.escape(f)}[{s}]" for f, s in _SECONDS.items()))


def _fold_pair(m: re.Match[str]) -> str:
    return _FOLD_PAIRS[m.group(0)]


def normalize(text: str) -> str:
    """NFC, plain spaces/dashes/quotes, no zero-width characters, "\\n" line ends."""
    text = text.replace("\r\n", "\n")
    # Line by line: one decomposed accent anywhere sends the whole string down the slow path
    # (30x the quick check on a 100 KB document), and "\n" never composes with a neighbour,
    # so the joined lines are the NFC of the whole.
    # (Most texts are NFC already: the quick check alone then.)
    if not unicodedata.is_normalized("NFC", text):
        text = "\n".join([unicodedata.normalize("NFC", line) for line in text.split("\n")])
    # These characters are rare: a regex finds them faster than translate() walks every one.
    return _CLEAN.sub(lambda m: _CLEAN_MAP[m.group(0)], text)


def fold(text: str) -> str:
    """Lower case + new tone placement, guaranteed to keep the length of `text`.

    "Hoà Bình" -> "hòa bình". Characters whose lower case is longer (none in Vietnamese) are
    kept as they are so offsets stay valid.
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # rare: a character whose lower case is longer
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    folded = _FOLD_RE.sub(_fold_pair, lowered)
    assert len(folded) == len(text)
    return folded


def fold_tones(pattern: str) -> str:
    """Only the tone placement of `fold` (no lower case): for the regex patterns of the
    grammar, which are matched against the folded text ("khoảng" there reads "khỏang") and
    whose escapes ("\\D", "\\S") must keep their case."""
    return _FOLD_RE.sub(_fold_pair, pattern)


@lru_cache(maxsize=4096)
def fold_phrase(phrase: str) -> str:
    """A dictionary phrase in lookup form: normalised, folded, single spaces."""
    return " ".join(fold(normalize(phrase)).split())
