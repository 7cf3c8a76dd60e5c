"""The words office staff write in cells, mapped to the domain's enums.

Lookup is on a normalised key (NFC, lower case, spaces and dashes collapsed); accent folding
("dat" for "đạt", "hoa" for both "hoà" and "hòa") is only a fallback, so a folded key never
shadows an exact one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from typing import TypeVar

from chitieu.model import FIELD_LABELS_VI, Comparator, Direction, Field, Kind, Status

T = TypeVar("T")

_SEPARATORS = re.compile(r"[\s\u00a0_–—\-,]+")


def normalize_key(text: str) -> str:
    """ "  Văn hóa – xã hội " -> "văn hóa xã hội"; keeps accents."""
    text = unicodedata.normalize("NFC", text).casefold().strip().rstrip(":*").strip()
    text = _SEPARATORS.sub(" ", text).strip()
    return re.sub(r"\s*/\s*", "/", text)


def fold(text: str) -> str:
    """Accent-free key for the fallback lookup: "Đánh giá" -> "danh gia"."""
    decomposed = unicodedata.normalize("NFD", normalize_key(text).replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class Vocabulary(Mapping[str, T]):
    """Words -> value; exact normalised key first, accent-folded key second."""

    def __init__(self, words: dict[str, T], hint: str = "") -> None:
        self.hint = hint  # the accepted words, as an error message should list them
        self._exact = {normalize_key(k): v for k, v in words.items()}
        self._folded: dict[str, T] = {}
        for key, value in self._exact.items():
            self._folded.setdefault(fold(key), value)

    def __getitem__(self, word: str) -> T:
        key = normalize_key(word)
        if key in self._exact:
            return self._exact[key]
        return self._folded[fold(key)]

    def __iter__(self) -> Iterator[str]:
        return iter(self._exact)

    def __len__(self) -> int:
        return len(self._exact)

    def lookup(self, word: str) -> T | None:
        try:
            return self[word]
        except KeyError:
            return None

    def examples(self, count: int = 6) -> str:
        """The accepted words for an error message: the hint, else the first few words."""
        return self.hint or ", ".join(f'"{w}"' for w in list(self._exact)[:count])


COMPARATORS: Vocabulary[Comparator] = Vocabulary(
    {
        ">=": Comparator.AT_LEAST,
        "≥": Comparator.AT_LEAST,
        "=>": Comparator.AT_LEAST,
        "tối thiểu": Comparator.AT_LEAST,
        "ít nhất": Comparator.AT_LEAST,
        "trở lên": Comparator.AT_LEAST,
        "không dưới": Comparator.AT_LEAST,
        "trên": Comparator.AT_LEAST,
        "at_least": Comparator.AT_LEAST,
        "<=": Comparator.AT_MOST,
        "≤": Comparator.AT_MOST,
        "=<": Comparator.AT_MOST,
        "tối đa": Comparator.AT_MOST,
        "không quá": Comparator.AT_MOST,
        "dưới": Comparator.AT_MOST,
        "at_most": Comparator.AT_MOST,
        "=": Comparator.EQUAL,
        "bằng": Comparator.EQUAL,
        "equal": Comparator.EQUAL,
        "~": Comparator.ABOUT,
        "≈": Comparator.ABOUT,
        "khoảng": Comparator.ABOUT,
        "about": Comparator.ABOUT,
        "range": Comparator.RANGE,
        "từ đến": Comparator.RANGE,
        "từ … đến": Comparator.RANGE,
        "trong khoảng": Comparator.RANGE,
    },
    hint='">=" (tối thiểu), "<=" (tối đa), "=", "~" (khoảng) hoặc "range" (từ … đến)',
)

KINDS: Vocabulary[Kind] = Vocabulary(
    {
        "level": Kind.LEVEL,
        "mức": Kind.LEVEL,
        "mức đạt": Kind.LEVEL,
        "giá trị": Kind.LEVEL,
        "change": Kind.CHANGE,
        "tăng giảm": Kind.CHANGE,
        "tăng/giảm": Kind.CHANGE,
        "thay đổi": Kind.CHANGE,
        "% thay đổi": Kind.CHANGE,
    },
    hint='"mức" (level) hoặc "tăng giảm" (change)',
)

DIRECTIONS: Vocabulary[Direction] = Vocabulary(
    {
        "higher": Direction.HIGHER,
        "cao hơn là tốt": Direction.HIGHER,
        "càng cao càng tốt": Direction.HIGHER,
        "tăng": Direction.HIGHER,
        "lower": Direction.LOWER,
        "thấp hơn là tốt": Direction.LOWER,
        "càng thấp càng tốt": Direction.LOWER,
        "giảm": Direction.LOWER,
        "neutral": Direction.NEUTRAL,
        "trung tính": Direction.NEUTRAL,
        "cơ cấu": Direction.NEUTRAL,
    },
    hint='"cao hơn là tốt", "thấp hơn là tốt" hoặc "trung tính"',
)

_FIELD_WORDS: dict[str, Field] = {f.value: f for f in Field}
_FIELD_WORDS.update({label: f for f, label in FIELD_LABELS_VI.items()})
_FIELD_WORDS.update(
    {
        "kinh tế xã hội": Field.ECONOMY,
        "văn hóa xã hội": Field.CULTURE_SOCIETY,
        "xã hội": Field.CULTURE_SOCIETY,
        "quốc phòng an ninh": Field.DEFENCE_SECURITY,
        "quốc phòng": Field.DEFENCE_SECURITY,
        "an ninh": Field.DEFENCE_SECURITY,
        "xây dựng đảng": Field.PARTY_BUILDING,
        "xây dựng đảng và hệ thống chính trị": Field.PARTY_BUILDING,
        "đảng": Field.PARTY_BUILDING,
    }
)
FIELDS: Vocabulary[Field] = Vocabulary(
    _FIELD_WORDS,
    hint='"Kinh tế", "Văn hóa – xã hội", "Môi trường", "Quốc phòng – an ninh", "Xây dựng Đảng" hoặc "Khác"',
)

STATUSES: Vocabulary[Status] = Vocabulary(
    {
        "vượt": Status.EXCEEDED,
        "vượt chỉ tiêu": Status.EXCEEDED,
        "exceeded": Status.EXCEEDED,
        "đạt": Status.ACHIEVED,
        "đạt chỉ tiêu": Status.ACHIEVED,
        "hoàn thành": Status.ACHIEVED,
        "achieved": Status.ACHIEVED,
        "không đạt": Status.NOT_ACHIEVED,
        "chưa đạt": Status.NOT_ACHIEVED,
        "not_achieved": Status.NOT_ACHIEVED,
        "chưa đánh giá": Status.PENDING,
        "chưa có kết quả": Status.PENDING,
        "pending": Status.PENDING,
    },
    hint='"vượt", "đạt", "không đạt" hoặc "chưa đánh giá"',
)

YES_NO: Vocabulary[bool] = Vocabulary(
    {
        "x": True,
        "có": True,
        "ước": True,
        "ước tính": True,
        "ước th": True,
        "ước thực hiện": True,
        "dự kiến": True,
        "true": True,
        "1": True,
        "yes": True,
        "không": False,
        "chính thức": False,
        "false": False,
        "0": False,
        "no": False,
    },
    hint='"x" / "có" hoặc để trống',
)


# A comparator written into the value cell ("≥ 98", "trên 98%", "6,5 - 7", "từ 100 trở lên"), as
# staff copy it from the resolution's table. Longer words first so "không quá" is not "không".
_CELL_PREFIXES: tuple[tuple[str, Comparator], ...] = (
    (">=", Comparator.AT_LEAST),
    ("=>", Comparator.AT_LEAST),
    ("≥", Comparator.AT_LEAST),
    ("<=", Comparator.AT_MOST),
    ("=<", Comparator.AT_MOST),
    ("≤", Comparator.AT_MOST),
    ("~", Comparator.ABOUT),
    ("≈", Comparator.ABOUT),
    ("tối thiểu", Comparator.AT_LEAST),
    ("ít nhất", Comparator.AT_LEAST),
    ("không dưới", Comparator.AT_LEAST),
    ("trên", Comparator.AT_LEAST),
    ("tối đa", Comparator.AT_MOST),
    ("không quá", Comparator.AT_MOST),
    ("dưới", Comparator.AT_MOST),
    ("khoảng", Comparator.ABOUT),
    ("từ", Comparator.AT_LEAST),
    ("=", Comparator.EQUAL),
)
_CELL_SUFFIXES: tuple[tuple[str, Comparator], ...] = (
    ("trở lên", Comparator.AT_LEAST),
    ("trở xuống", Comparator.AT_MOST),
)
_NUMBER = r"[+\-−]?\s*\d[\d.,\u00a0 ]*?"
_CELL_RANGE = re.compile(rf"^(?:từ\s+)?({_NUMBER})\s*%?\s*(?:-|–|—|đến)\s*({_NUMBER})\s*%?$")


def split_target_cell(text: str) -> tuple[Comparator, str, str | None] | None:
    """ "≥ 98" -> (>=, "98", None); "6,5 - 7%" -> (range, "6,5", "7"); "9.484" -> None."""
    t = " ".join(unicodedata.normalize("NFC", text).casefold().split())
    m = _CELL_RANGE.match(t)
    if m:
        return Comparator.RANGE, m.group(1), m.group(2)
    for suffix, comparator in _CELL_SUFFIXES:
        if t.endswith(suffix):
            found = split_target_cell(t[: -len(suffix)])
            rest = found[1] if found and found[0] is Comparator.AT_LEAST else t[: -len(suffix)]
            return comparator, rest.strip(), None
    for prefix, comparator in _CELL_PREFIXES:
        if t.startswith(prefix):
            rest = t[len(prefix) :].strip()
            if rest[:1].isdigit() or rest[:1] in "+-−":
                return comparator, rest, None
    return None
