"""The field (lĩnh vực) of each item: from the nearest heading above that names one, else from
cue words in the item's name, else None. Phrases live in grammar/vi/fields.toml.

Headings nest by their list label ("I.", "1.", "a)", "-", none): a labelled line closes every
heading of its own label style or deeper, so "II. NHIỆM VỤ, GIẢI PHÁP" ends "I. KINH TẾ" while
"1. Tăng trưởng:" under it does not. Runs once per text after the items are read: one anchored
match per line, and a few dictionary lookups per line start and per item name.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from chitieu.model import Field
from chitieu.text.items import ExtractedResult, ExtractedTarget
from chitieu.text.lexicon import Entry, Trie, _entry, _read, split_words
from chitieu.text.naming import _name_words
from chitieu.text.normalize import fold, fold_phrase

# A list label at a line start. Roman before letters ("I." is a roman one); "1.2." nests
# deeper than "1."; a label may also stand alone in a table cell ("I<TAB>Kinh tế").
_LABEL = re.compile(
    r"[ \t|]*(?:(?:(?P<roman>[IVX]{1,5})|(?P<arabic>\d{1,2}(?:\.\d{1,2})*))(?:[.)][ \t|]| *[\t|])"
    r"|(?:(?P<upper>[A-ZĐ])|(?P<lower>[a-zđ]))[.)][ \t|]|(?P<bullet>[-+•*])[ \t])[ \t|]*"
)
# A heading ends its own cell: cells of a pasted table are apart by a tab, "|" or 2+ spaces.
_CELL_END = re.compile(r"\t|\||\s{2,}")
# Words after which a heading may go on ("1. Về kinh tế: tăng trưởng 7%…").
_AFTER = frozenset({":", ",", "(", ".", ";"})
_HEAD_CHARS = 90
_FIRST_WORD = re.compile(r"[ \t|]*([^\W\d_]+)")
# The usual nesting of Vietnamese documents: "A." > "I." > "1." > "1.1." > "a)" > unlabelled
# heading ("Quốc phòng - an ninh") > "-" > "+" > other bullets.
_RANK: dict[str, float] = {
    "upper": 0,
    "roman": 1,
    "arabic0": 2,
    "arabic1": 3,
    "arabic2": 4,
    "lower": 5,
    "plain": 5.5,
    "-": 6,
    "+": 7,
}
_DEEPEST = 8.0  # a heading phrase sits at the start of its line: look no further


@dataclass(frozen=True)
class FieldGrammar:
    headings: Trie
    prefixes: Trie
    names: Trie
    entries: tuple[Entry, ...]
    codes: dict[str, str]  # entry phrase key "<table>:<folded phrase>" -> field code
    starters: frozenset[str]  # words a heading line can open with (after its label)


@cache
def load_fields() -> FieldGrammar:
    tries = {"heading": Trie(), "heading_prefix": Trie(), "name": Trie()}
    entries: list[Entry] = []
    codes: dict[str, str] = {}
    for table, rows in _read("fields").items():
        for row in rows:
            e = _entry(f"fields.{table}", row)
            words = split_words(fold_phrase(e.phrase))
            if table != "heading_prefix":
                code = Field(str(row["field"])).value  # a wrong code fails loading, loudly
                codes[f"{table}:{' '.join(words)}"] = code
            tries[table].add(words, e)
            entries.append(e)
    starters = frozenset(tries["heading"].children) | frozenset(tries["heading_prefix"].children)
    return FieldGrammar(
        tries["heading"], tries["heading_prefix"], tries["name"], tuple(entries), codes, starters
    )


def heading_field(line: str) -> tuple[str | None, str | None]:
    """(label style or None, field code or None) of one line of text."""
    m = _LABEL.match(line)
    style = None
    if m is not None and m.end() < len(line):
        # The one named group that matched (the others are non-capturing): no dict built.
        style = m.lastgroup or ""
        if style == "arabic":
            style += str(m.group("arabic").count("."))
        elif style == "bullet":
            style = m.group("bullet")
        line = line[m.end() :]
    return style, _heading_phrase(line)


def _heading_phrase(line: str) -> str | None:
    g = load_fields()
    first = _FIRST_WORD.match(line)
    # lower() for fold(): no opening word of a heading has a tone to move ("hoà" -> "hòa").
    if first is None or first.group(1).lower() not in g.starters:
        return None  # most lines: one match and one set lookup
    head = _CELL_END.split(line[:_HEAD_CHARS], 1)[0]
    words = list(split_words(fold(head)))
    at = 0
    for _ in range(3):  # "Về lĩnh vực …", "Các chỉ tiêu về …"
        found = g.prefixes.longest(words, at)
        if found is None:
            break
        at += found[0]
    found = g.headings.longest(words, at)
    if found is None:
        return None
    end = at + found[0]
    if end < len(words) and words[end] not in _AFTER:
        return None  # "Kinh tế tăng trưởng khá": a sentence, not a heading
    return g.codes["heading:" + " ".join(words[at:end])]


# Indicator names repeat across texts ("Tỷ lệ hộ nghèo", "Tổng thu ngân sách"): each is read
# once, like the digit groups of tokens.py. Bounded: emptied when full.
_NAME_FIELDS: dict[str, str | None] = {}
_NAME_CACHE_SIZE = 20_000


def name_field(name: str) -> str | None:
    """The field the longest cue phrase in a name says (leftmost among equals), or None."""
    try:
        return _NAME_FIELDS[name]
    except KeyError:
        pass
    if len(_NAME_FIELDS) >= _NAME_CACHE_SIZE:
        _NAME_FIELDS.clear()
    code = _NAME_FIELDS[name] = _read_name(name)
    return code


def _read_name(name: str) -> str | None:
    g = load_fields()
    # (the name's words as naming reads them, cached: is_lower_better and the result rules
    # split the same names)
    words = _name_words(name)
    starts = g.names.children
    best = 0
    best_at = 0
    for i, w in enumerate(words):
        if w in starts:  # a dictionary test first: most words open no cue
            found = g.names.longest(words, i)  # type: ignore[arg-type]
            if found is not None and found[0] > best:
                best, best_at = found[0], i
    if not best:
        return None
    return g.codes["name:" + " ".join(words[best_at : best_at + best])]


def heading_fields(text: str, until: int) -> tuple[list[int], list[str | None]]:
    """Offsets of the text's labelled or heading lines up to `until` and the field in force
    from each."""
    starts: list[int] = []
    fields: list[str | None] = []
    # Open field headings, outermost first: (rank, code, a bullet list head "- Về kinh tế:").
    stack: list[tuple[float, str, bool]] = []
    offset = 0
    for line in text.split("\n"):
        if offset > until:
            break
        style, code = heading_field(line) if line else (None, None)
        if style is not None or code is not None:
            rank = _RANK.get(style or "plain", _DEEPEST)
            colon = line.rstrip().endswith(":")
            # A line closes the headings of its own rank and deeper ("II." ends "I. KINH TẾ",
            # "2. Các chỉ tiêu khác:" ends "1. Về kinh tế:"), whether it names a field or not;
            # but "- Về kinh tế:" keeps the "-" items under it, up to the next "-" heading.
            while stack and stack[-1][0] > rank:
                stack.pop()
            if stack and stack[-1][0] == rank and (code is not None or colon or not stack[-1][2]):
                stack.pop()
            if code is not None:
                stack.append((rank, code, colon and rank >= _RANK["-"]))
            starts.append(offset)
            fields.append(stack[-1][1] if stack else None)
        offset += len(line) + 1
    return starts, fields


def assign_fields[T: (ExtractedTarget, ExtractedResult)](
    items: list[T], starts: list[int], fields: list[str | None]
) -> list[T]:
    """Each item with the field of the heading above it, else of its name."""
    for it in items:
        k = bisect.bisect_right(starts, it.span[0]) - 1
        code = (fields[k] if k >= 0 else None) or name_field(it.name)
        if code is not None:
            # The items were built by this very call and nobody holds them yet: setting the
            # field in place costs far less than dataclasses.replace (the reader's speed is
            # a tracked goal).
            object.__setattr__(it, "field", code)
    return items


def with_fields(
    text: str, targets: list[ExtractedTarget], results: list[ExtractedResult]
) -> tuple[list[ExtractedTarget], list[ExtractedResult]]:
    """The items again, each with its `field`."""
    if not targets and not results:
        return targets, results
    until = max([t.span[0] for t in targets] + [r.span[0] for r in results])
    starts, fields = heading_fields(text, until)
    return assign_fields(targets, starts, fields), assign_fields(results, starts, fields)
