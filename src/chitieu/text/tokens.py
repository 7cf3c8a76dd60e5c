"""From normalised text to tokens: words, numbers and punctuation with spans, masked traps,
skipped boilerplate lines, and cue phrases tagged from the grammar tables (tagging.py).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import accumulate, compress, repeat
from typing import Any, NamedTuple

from chitieu.numbers import NumberFormatError, parse_number
from chitieu.text.items import slot_init
from chitieu.text.lexicon import Lexicon, load_lexicon
from chitieu.text.masking import boilerplate_lines, mask_traps
from chitieu.text.normalize import fold, normalize
from chitieu.text.tagging import Tag as Tag  # re-exported: rules import it with Prepared
from chitieu.text.tagging import tag_words

# Digit groups (the number parser decides what they mean), letter runs, any other character;
# one group, so re.split keeps the tokens between the white space. Letters first (the most
# tokens) and possessive repeats (nothing after them to backtrack into): same cuts, fewer steps.
_SPLIT_RE = re.compile(r"([^\W\d_]++|\d++(?:[.,]\d++)*+|\S)")
# Digit groups repeat across texts ("2025", "1", "9.484"): each is read once (None: unreadable).
_VALUES: dict[str, Decimal | None] = {}
_UNREAD = Decimal("NaN")  # a marker no reading returns (a NaN is never cached)
MAX_NUMBER_CHARS = 24


class Token(NamedTuple):
    """A tuple: a text's tokens are built in one C-level pass (see prepare)."""

    kind: str  # "num" | "word" | "punct"
    start: int
    end: int
    text: str  # folded form
    value: Decimal | None = None


@slot_init
@dataclass(frozen=True, slots=True)
class Skip:
    """Something the reader saw and set aside on purpose."""

    span: tuple[int, int]
    rule: str
    text: str


@dataclass(slots=True)  # slots: its fields are read in every rule's inner loop
class Prepared:
    text: str
    folded: str
    values: list[Decimal | None]  # per token: a number's value, None for the rest
    tags: list[Tag]
    tag_of: list[int]  # token index -> index in tags, or -1
    masked: list[tuple[int, int, str]]  # char spans of traps, sorted
    skipped_lines: list[tuple[int, int]]
    skips: list[Skip] = field(default_factory=list)
    lexicon: Lexicon = field(default_factory=load_lexicon)
    mask_starts: list[int] = field(default_factory=list)
    words: list[str] = field(default_factory=list)  # folded token texts, for the tries
    keys: list[frozenset[str]] = field(default_factory=list)  # per token: its phrase's keys
    tag_starts: list[int] = field(default_factory=list)  # token index where each tag starts
    _stops: list[int] | None = None  # token indexes of ":" and ";", built on first use
    _newlines: list[int] | None = None  # char offsets of "\n", built on first use
    _token_positions: dict[str, list[int]] = field(default_factory=dict)
    # Indexes built on first use (init=False: a dataclasses.replace copy builds its own).
    _marks: dict[str, list[int]] | None = field(default=None, init=False)  # mark -> indexes
    _trap_chars: dict[int, str] | None = field(default=None, init=False)  # char -> trap name
    # first_boundary answers, per range end: {end: {start token: boundary}}
    boundary_memo: dict[int, dict[int, int]] = field(default_factory=dict)
    _first_text: dict[int, int] = field(default_factory=dict)  # line start -> first non-space
    quantity_cache: dict[tuple[int, int], tuple[Any, ...]] = field(default_factory=dict)
    unit_cache: dict[int, Any] = field(default_factory=dict)  # token index -> unit read there
    _category_starts: dict[str, list[int]] = field(default_factory=dict)
    _category_spans: dict[str | tuple[str, ...], tuple[list[int], list[int]]] = field(
        default_factory=dict
    )

    _number_starts: list[int] | None = None
    _numbers: list[int] | None = None
    # The tokens' fields as parallel lists, for the hot loops (set by prepare).
    kinds: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    _tokens: list[Token] | None = field(default=None, init=False)

    @property
    def tokens(self) -> list[Token]:
        """The tokens as tuples, built on first use: the rules read the parallel lists
        (words, kinds, starts, ends, values), and most texts never need these."""
        tokens = self._tokens
        if tokens is None:
            fields = zip(self.kinds, self.starts, self.ends, self.words, self.values, strict=True)
            tokens = self._tokens = list(map(_new_tuple, repeat(Token), fields))
        return tokens

    def __post_init__(self) -> None:
        self.mask_starts = [m[0] for m in self.masked]
        self.tag_starts = [t.start for t in self.tags]

    def _word_positions(self, word: str) -> list[int]:
        """Indexes of the tokens reading `word`, in order. list.index walks the words in C (3x
        faster than a map over every token); Python runs once per token found."""
        words = self.words
        found: list[int] = []
        k = 0
        try:
            while True:
                k = words.index(word, k)
                found.append(k)
                k += 1
        except ValueError:  # no more (counting them first costs a pass on long texts)
            return found

    def _index_marks(self) -> dict[str, list[int]]:
        """Punctuation mark -> its token indexes, sorted: a C-level pass over the kinds, and
        Python only at the marks (a fifth of the tokens)."""
        marks: dict[str, list[int]] = {}
        words = self.words
        for i in compress(range(len(words)), map(_PUNCT.__contains__, self.kinds)):
            at = marks.get(words[i])
            if at is None:
                marks[words[i]] = [i]
            else:
                at.append(i)
        return marks

    def numbers_in(self, a: int, b: int) -> list[int]:
        """Indexes of the number tokens in [a, b), by binary search over all of them."""
        nums = self._numbers
        if nums is None:
            nums = list(compress(range(len(self.kinds)), map(_NUM.__contains__, self.kinds)))
            self._numbers = nums
        return nums[bisect.bisect_left(nums, a) : bisect.bisect_left(nums, b)]

    def number_starts(self) -> list[int]:
        """Token indexes of numbers and number words ("một", "hai"), sorted (cached)."""
        found = self._number_starts
        if found is None:
            # C-level passes: a text's numbers and its number words, merged in order (two
            # sorted runs: one merge). Number words are letter words, never a number token;
            # the kind test keeps the two runs apart whatever the word list holds.
            kinds = self.kinds
            found = self.numbers_in(0, len(kinds))
            named = compress(
                range(len(self.words)), map(self.lexicon.number_words.__contains__, self.words)
            )
            found += [i for i in named if kinds[i] != "num"]
            found.sort()
            self._number_starts = found
        return found

    def category_starts(self, category: str) -> list[int]:
        """Token indexes where a phrase of `category` starts, sorted (cached)."""
        found = self._category_starts.get(category)
        if found is None:
            found = [t.start for t in self.tags if category in t.categories]
            self._category_starts[category] = found
        return found

    def category_spans(self, category: str | tuple[str, ...]) -> tuple[list[int], list[int]]:
        """Token starts and ends of the phrases whose keys hold `category` (a category or a
        "file." prefix; a tuple: any of them), sorted: phrases never overlap, so both lists
        are (cached)."""
        found = self._category_spans.get(category)
        if found is None:
            if isinstance(category, str):
                tags = [t for t in self.tags if category in t.keys]
            else:
                tags = [t for t in self.tags if not t.keys.isdisjoint(category)]
            found = ([t.start for t in tags], [t.end for t in tags])
            self._category_spans[category] = found
        return found

    def positions_of(self, text: str) -> list[int]:
        """Indexes of the tokens that read `text`, sorted (cached; callers never change it).
        Punctuation marks, most of what is asked (",", ":", ";", "("), come from one index of
        every mark, built on first use."""
        at = self._token_positions.get(text)
        if at is None:
            if len(text) == 1 and _WORD_KIND[text] == "punct":  # a punctuation token's text
                marks = self._marks
                if marks is None:
                    marks = self._marks = self._index_marks()
                at = marks.get(text)
                if at is None:
                    at = []
            else:
                at = self._word_positions(text)
            self._token_positions[text] = at
        return at

    def next_token(self, text: str, a: int) -> int | None:
        """The first token at or after a that reads `text`, by binary search (cached list)."""
        at = self.positions_of(text)
        j = bisect.bisect_left(at, a)
        return at[j] if j < len(at) else None

    def last_colon(self, a: int, b: int) -> int | None:
        """The last ':' token in [a, b), by binary search over the ':' positions."""
        colons = self.positions_of(":")
        j = bisect.bisect_left(colons, b) - 1
        return colons[j] if j >= 0 and colons[j] >= a else None

    def newline_offsets(self) -> list[int]:
        """Char offsets of the "\\n" in the text, sorted (cached)."""
        newlines = self._newlines
        if newlines is None:
            newlines = [m.start() for m in _NEWLINE.finditer(self.text)]
            self._newlines = newlines
        return newlines

    def line_start(self, pos: int) -> int:
        """Where the line holding char `pos` starts: text.rfind("\\n", 0, pos) + 1, by binary
        search (rfind from every sentence was quadratic on a text with no line breaks)."""
        newlines = self._newlines
        if newlines is None:
            newlines = self.newline_offsets()
        j = bisect.bisect_left(newlines, pos)
        return newlines[j - 1] + 1 if j > 0 else 0

    def opens_line(self, pos: int) -> bool:
        """Only white space between the start of its line and char `pos`."""
        return self.first_text(self.line_start(pos)) >= pos

    def first_text(self, line_start: int) -> int:
        """Offset of the first non-space character from `line_start` on (cached per line)."""
        first = self._first_text.get(line_start)
        if first is None:
            m = _NON_SPACE.search(self.text, line_start)
            first = m.start() if m is not None else len(self.text)
            self._first_text[line_start] = first
        return first

    def first_colon(self, a: int, b: int) -> int | None:
        """The first ':' token in [a, b) that no ';' precedes there. A binary search over the
        ':'/';' positions: scanning ahead from every clause was quadratic on a long text with
        neither mark."""
        stops = self._stops
        if stops is None:
            stops = self._stops = sorted(self.positions_of(":") + self.positions_of(";"))
        j = bisect.bisect_left(stops, a)
        found = stops[j] if j < len(stops) else None
        if found is None or found >= b or self.words[found] != ":":
            return None
        return found

    def trap_at(self, pos: int) -> str | None:
        """The name of the trap masking char `pos`, or None. One dict lookup: it is asked of
        most tokens near a figure, by every rule."""
        chars = self._trap_chars
        if chars is None:
            chars = self.trap_chars()
        return chars.get(pos)

    def trap_chars(self) -> dict[int, str]:
        """Char offset -> trap name, for the chars the traps mask (cached; callers never
        change it): trap_at's index, for a loop asking many chars. As many entries as masked
        chars, at most the text's length. Spans come sorted by start; should two overlap, a
        char belongs to the last span starting at or before it (each span stops at the next
        one's start)."""
        chars = self._trap_chars
        if chars is not None:
            return chars
        chars = self._trap_chars = {}
        masked = self.masked
        for k, (s, e, name) in enumerate(masked):
            if k + 1 < len(masked):
                e = min(e, masked[k + 1][0])
            for pos in range(s, e):  # spans are short: a plain loop beats dict.fromkeys
                chars[pos] = name
        return chars

    def tag(self, i: int) -> Tag | None:
        tag_of = self.tag_of
        j = tag_of[i] if 0 <= i < len(tag_of) else -1
        return self.tags[j] if j >= 0 else None

    def has(self, i: int, category: str) -> bool:
        t = self.tag(i)
        return t is not None and category in t.categories

    def span_text(self, a: int, b: int) -> str:
        """Source text of tokens [a, b), as written, spaces collapsed."""
        if a >= b:
            return ""
        return " ".join(self.text[self.starts[a] : self.ends[b - 1]].split())


_NUM = frozenset(("num",))
_PUNCT = frozenset(("punct",))
_NEWLINE = re.compile("\n")
_NON_SPACE = re.compile(r"\S")


def _number_value(word: str) -> Decimal | None:
    """The value of a digit group, or None when it is not a number we read."""
    if len(word) > MAX_NUMBER_CHARS:
        return None
    # isascii: "²" and "③" are isdigit() but not numbers Decimal reads (hypothesis).
    if word.isascii() and word.isdigit():
        return Decimal(word)  # plain digits ("02" -> 2): the common case
    try:
        return parse_number(word)
    except NumberFormatError:
        return None


class _WordKind(dict[str, str]):
    """Token text -> kind, filled on first sight: by its first character, a letter run is a
    word; a digit group ("²" is a \\w, not a \\d, but reads as a number) is a number; anything
    else is punctuation. A dict, so a text's kinds come from one C-level map. Bounded:
    cleared when full."""

    def __missing__(self, word: str) -> str:
        if len(self) >= 65536:
            self.clear()
        c = word[0]
        kind = self[word] = "word" if c.isalpha() else ("num" if c.isdigit() else "punct")
        return kind


_WORD_KIND = _WordKind()


# Build a Token from a tuple of its fields without a Python-level call: map(tuple.__new__,
# repeat(Token), …) skips a partial's layer (15% of that pass).
_new_tuple = tuple.__new__


def prepare(raw: str) -> Prepared:
    lexicon = load_lexicon()
    text = normalize(raw)
    folded = fold(text)
    masked = mask_traps(lexicon, folded)
    skipped_lines = boilerplate_lines(lexicon, folded)
    skips = [Skip((s, e), f"trap.{name}", text[s:e]) for s, e, name in masked]
    skips += [Skip((s, e), "boilerplate", text[s:e]) for s, e in skipped_lines]
    # Skipped lines are blanked in the copy we tokenize (same length, so spans still hold).
    source = folded
    if skipped_lines:
        chars = list(folded)
        for s, e in skipped_lines:
            chars[s:e] = " " * (e - s)
        source = "".join(chars)
    # One split gives the tokens between runs of white space (every other character is in a
    # token); their offsets are running sums of the lengths. No match object per token.
    parts = _SPLIT_RE.split(source)
    words = parts[1::2]
    offsets = list(accumulate(map(len, parts)))
    starts = offsets[0:-1:2]
    ends = offsets[1::2]
    kinds = list(map(_WORD_KIND.__getitem__, words))
    values: list[Decimal | None] = [None] * len(words)
    known = _VALUES
    # The number tokens' indexes, by C-level passes; kept for Prepared.numbers_in.
    numbers = list(compress(range(len(kinds)), map(_NUM.__contains__, kinds)))
    for i in numbers:
        word = words[i]
        value = known.get(word, _UNREAD)
        if value is _UNREAD:
            value = _number_value(word)
            # Decimals are immutable, so sharing one is safe; bounded by clearing when full.
            if len(known) >= 65536:
                known.clear()
            known[word] = value
        values[i] = value
        if value is None:
            s, e = starts[i], ends[i]
            skips.append(Skip((s, e), "number.unreadable", text[s:e]))
    tags, tag_of, keys = tag_words(lexicon, words)
    doc = Prepared(
        text,
        folded,
        values,
        tags,
        tag_of,
        masked,
        skipped_lines,
        skips,
        lexicon,
        words=words,
        keys=keys,
        kinds=kinds,
        starts=starts,
        ends=ends,
    )
    doc._numbers = numbers
    return doc
