"""Sub-rows of a table: the rows that are parts of the row above them, and their names.

    Tỷ lệ huy động trẻ đến trường    %
    - Nhà trẻ                        %    28,5
    - Mẫu giáo                       %    90,5

A row's place in the outline is read from its list mark, in the nesting Vietnamese documents
use (as fields.py reads headings): "A." > "I." > "1." > "1.1." > "a)" > no mark > "-" > "+" >
other bullets. The mark is the one before the name ("- Nhà trẻ", "a) …", "1.1. …"), else the
row's own label cell ("-", "a", "1.1" under "STT"); a row with an empty label cell under "STT"
ranks as a "-" row, and a name indented more than the rows above ranks below them (a table's
rows without any mark stay side by side). A name opening with a part word (tables.toml `part_of`: "Trong đó: thu nội địa", "Bao gồm …")
is a part of the row right above; a row holding only that word ("Trong đó:") is no row.

A sub-row's parent is the nearest row above it of a higher rank, unless that row is a section
heading (a field, "Về kinh tế", a set of targets, "Chỉ tiêu kinh tế", or a row numbered "I." or
"A." without figures): a heading groups indicators, it is not one. A sub-row is then named the way the sentence reader names the parts
of a shared head ("Tỷ lệ huy động trẻ đến trường: nhà trẻ đạt 28,5%, …"): "<parent>: <sub-row>".

A sub-row names itself, whether its parent has figures of its own or not, when it opens with
its parent's measure: the parent's first word past a total word (tables.toml `total`). "Thu nội
địa" and "Thu cân đối ngân sách" under "Tổng thu ngân sách", "Chi thường xuyên" under "Chi
ngân sách", "Diện tích lúa" under "Diện tích gieo trồng" say what they count; "Nhà trẻ" under
"Tỷ lệ huy động trẻ…" or "Lúa" under "Sản lượng lương thực" (a total with its parts) do not.
A part of a part carries the whole chain ("<parent>: <part>: <its part>"). Parent rows with
figures of their own stay items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from chitieu.text.fields import heading_field
from chitieu.text.lexicon import Lexicon, split_words
from chitieu.text.normalize import fold, fold_phrase

# A list mark before a name: "I." (roman), "A." (capital), "1." / "1.1." / "1.1 " (numbers),
# "a)" (letter), "-" / "+" / other bullets.
_MARK = re.compile(
    r"^(?:(?P<roman>[IVX]{1,5})[.)]\s+|(?P<upper>[A-ZĐ])[.)]\s+"
    r"|(?P<dotted>\d{1,2}(?:\.\d{1,2})+)[.)]?\s+|(?P<arabic>\d{1,2})[.)]\s+"
    r"|(?P<lower>[a-zđ])[.)]\s+|(?P<bullet>[-–—+*•])\s*)"
)
# The same marks alone in a label cell ("STT" column): "I", "1", "1.1", "a", "-", "+".
_LABEL = re.compile(
    r"^(?:(?P<roman>[IVX]{1,5})|(?P<upper>[A-ZĐ])|(?P<dotted>\d{1,2}(?:\.\d{1,2})+)"
    r"|(?P<arabic>\d{1,3})|(?P<lower>[a-zđ])|(?P<bullet>[-–—+*•]))[.)]?$"
)
# Words as the tagger splits them (lexicon.split_words), with their places in the name.
_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|\S")
# The nesting of Vietnamese documents (fields.py ranks headings the same way).
_RANK = {"upper": 0.0, "roman": 1.0, "arabic": 2.0, "lower": 5.0, "plain": 5.5}
_BULLET_RANK = {"-": 6.0, "–": 6.0, "—": 6.0, "+": 7.0}
_OTHER_BULLET = 8.0
# Indentation deepens a plain row by a little, never past a "-" row.
_INDENT_STEP = 0.01
_MAX_INDENT = 40
# Two spaces make a step: a stray space before a name (" Tỷ lệ hộ nghèo") is no indentation.
_INDENT_WIDTH = 2
# A part ("Trong đó: …") ranks just under the row above it, above that row's "-" rows.
_PART_STEP = 0.25
# Words of a section heading's name, not an indicator's ("Chỉ tiêu kinh tế", "Kết quả …").
HEADING_CATS = ("modes.target", "modes.result", "modes.section_target", "modes.section_result")


@dataclass(frozen=True)
class RowName:
    """One data row as the outline sees it: the label cell (None: the table has none), the name
    cell as written, its indentation, whether its name reads as a section heading, and whether it
    has figures."""

    label: str | None
    name: str
    indent: int = 0
    heading: bool = False
    figures: bool = True  # the row has figures of its own


def _rank_of(style: str, text: str) -> float:
    if style == "dotted":
        return _RANK["arabic"] + text.count(".")
    if style == "bullet":
        return _BULLET_RANK.get(text[0], _OTHER_BULLET)
    return _RANK[style]


def split_mark(name: str) -> tuple[float | None, str]:
    """(rank of the list mark before the name or None, the name without it)."""
    m = _MARK.match(name)
    if m is None:
        return None, name
    style = next(k for k, v in m.groupdict().items() if v is not None)
    rest = name[m.end() :].strip()
    if not rest:
        return None, name
    return _rank_of(style, m.group(style)), rest


def label_rank(label: str) -> float | None:
    m = _LABEL.match(label.strip())
    if m is None:
        return None
    style = next(k for k, v in m.groupdict().items() if v is not None)
    return _rank_of(style, m.group(style))


_PHRASES: dict[tuple[int, str], tuple[tuple[str, ...], ...]] = {}


def _phrases(lexicon: Lexicon, category: str) -> tuple[tuple[str, ...], ...]:
    """The folded words of a table's phrases, longest first (kept per lexicon: it is loaded
    once and lives as long as the process)."""
    key = (id(lexicon), category)
    found = _PHRASES.get(key)
    if found is None:
        words = {split_words(fold_phrase(e.phrase)) for e in lexicon.entries_of(category)}
        found = _PHRASES[key] = tuple(sorted(words, key=len, reverse=True))
    return found


# Each row's name is asked for two phrases (a part word, a section word), and names recur
# across the tables of a text: its words are read once (a bounded cache).
@lru_cache(maxsize=4096)
def _name_words(name: str) -> tuple[tuple[tuple[int, int], ...], tuple[str, ...]]:
    """The folded words of a name and their char spans in it."""
    folded = fold(name)
    spans = tuple((m.start(), m.end()) for m in _WORD.finditer(folded))
    return spans, tuple(folded[a:b] for a, b in spans)


def _after_phrase(lexicon: Lexicon, category: str, name: str) -> str | None:
    """The name after a leading phrase of `category` (and a ":" or "-" after it), or None when
    the name does not open with one."""
    spans, words = _name_words(name)
    for phrase in _phrases(lexicon, category):
        if words[: len(phrase)] == phrase:
            return name[spans[len(phrase) - 1][1] :].lstrip(" :-–").strip()
    return None


def _measure(lexicon: Lexicon, name: str) -> str | None:
    """The parent's measure: its first word past a total word ("Tổng thu …" -> "thu")."""
    words = split_words(fold_phrase(name))
    for phrase in _phrases(lexicon, "tables.total"):
        if words[: len(phrase)] == phrase and len(words) > len(phrase):
            return words[len(phrase)]
    return words[0] if words else None


def _lower_first(name: str) -> str:
    """ "Nhà trẻ" -> "nhà trẻ" after the parent's ":"; "GRDP", "Hà Nội" stay as written."""
    words = name.split()
    if not words or not words[0][:1].isupper() or not words[0][1:].islower():
        return name
    if len(words) > 1 and words[1][:1].isupper():
        return name
    return name[0].lower() + name[1:]


def is_heading_name(lexicon: Lexicon, name: str) -> bool:
    """A section heading: a field ("Kinh tế", "Văn hóa - xã hội") or a name opening with a
    section word ("Về y tế", "Lĩnh vực giáo dục": tables.toml `section`)."""
    return (
        heading_field(name)[1] is not None
        or _after_phrase(lexicon, "tables.section", name) is not None
    )


def name_rows(lexicon: Lexicon, rows: list[RowName]) -> list[str | None]:
    """Each row's name: its own, "<parent>: <own>" for a part that needs its parent's, None for
    a row that only says its next rows are parts ("Trong đó:")."""
    base_indent = min((r.indent for r in rows), default=0)
    # The ancestors open above the current row: (rank, name to give parts, may parent).
    stack: list[tuple[float, str, bool]] = []
    last_rank: float | None = None
    out: list[str | None] = []
    for row in rows:
        rank, own = split_mark(row.name)
        part = _after_phrase(lexicon, "tables.part_of", own)
        if part is not None and not part:
            out.append(None)  # "Trong đó:" alone: the rows below say which parts
            continue
        if part is not None:
            own = part
            rank = (last_rank if last_rank is not None else _RANK["plain"]) + _PART_STEP
        else:
            if rank is None and row.label:
                rank = label_rank(row.label)
            if rank is None:
                indent = min(max(row.indent - base_indent, 0) // _INDENT_WIDTH, _MAX_INDENT)
                # An empty label cell where rows are numbered: a part, as a "-" row is.
                base = _BULLET_RANK["-"] if row.label == "" else _RANK["plain"]
                rank = base + _INDENT_STEP * indent
            last_rank = rank
        while stack and stack[-1][0] >= rank:
            stack.pop()
        name = own
        parent = stack[-1] if stack else None
        if parent is not None and parent[2]:
            p_name = parent[1]
            p_plain = p_name.rsplit(": ", 1)[-1]
            measure = _measure(lexicon, p_plain)
            own_words = split_words(fold_phrase(own))
            if (
                own_words
                and own_words[0] != measure
                and not fold_phrase(own).startswith(fold_phrase(p_plain))
            ):
                name = f"{p_name}: {_lower_first(own)}"
        # "I | Nông nghiệp" with no figures: a section ("I." and "A." number sections).
        section = rank <= _RANK["roman"] and not row.figures
        stack.append((rank, name, not (row.heading or section or is_heading_name(lexicon, own))))
        out.append(name)
    return out
