"""The Vietnamese grammar tables (grammar/vi/*.toml), loaded once into lookup structures.

Phrase tables become one trie over folded word sequences, so tagging a text is one left-to-right
pass with longest match first, whatever the number of phrases. Trap and boilerplate patterns
are compiled regexes. Every entry carries an example; tests/test_grammar_examples.py runs them.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from importlib import resources

from chitieu.text.normalize import fold_phrase, fold_tones

# Tables that are phrase lists (file stem -> kinds). Units and traps are handled apart.
PHRASE_FILES = (
    "comparators",
    "verbs",
    "references",
    "status",
    "modes",
    "indicators",
    "summaries",
    "names",
    "tables",
)
# Must cut words exactly as the tokenizer (tokens.py) does.
_WORD_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|\S")


def split_words(folded: str) -> tuple[str, ...]:
    """Words as the tagger sees them: digit groups, letter runs, single punctuation marks."""
    return tuple(_WORD_RE.findall(folded))


@dataclass(frozen=True)
class Entry:
    category: str  # "<file>.<table>", e.g. "comparators.at_least"
    phrase: str
    example: str
    value: Decimal | None = None
    canonical: str | None = None


# A phrase ending at a trie node: its categories, its words joined by " ", its keys.
type Phrase = tuple[frozenset[str], str, frozenset[str]]
# A trie node as the tagger walks it: the phrase ending there (or None), and the next words
# (None at a leaf).
type Step = tuple[Phrase | None, dict[str, Step] | None]


@dataclass
class Trie:
    """Word-sequence trie: node -> {word: node}; terminal nodes hold categories."""

    children: dict[str, Trie] = field(default_factory=dict)
    categories: set[str] = field(default_factory=set)
    entry: Entry | None = None
    # Filled by freeze() once the tables are loaded, so tagging builds no sets per token: the
    # categories, and the same plus their file prefixes ("verbs.value" -> also "verbs.").
    frozen: frozenset[str] = frozenset()
    keys: frozenset[str] = frozenset()
    _steps: dict[str, Step] | None = field(default=None, repr=False, compare=False)

    def add(self, words: tuple[str, ...], entry: Entry) -> None:
        self._steps = None  # built again on next use
        node = self
        for w in words:
            node = node.children.setdefault(w, Trie())
        node.categories.add(entry.category)
        if node.entry is None:
            node.entry = entry

    def freeze(self) -> None:
        """Precompute `frozen` and `keys` on every node (after the last add)."""
        stack = [self]
        while stack:
            node = stack.pop()
            node.frozen = frozenset(node.categories)
            node.keys = node.frozen | {c.split(".", 1)[0] + "." for c in node.categories}
            stack.extend(node.children.values())
        self._steps = None

    def steps(self) -> dict[str, Step]:
        """First word -> Step, the trie as nested tuples and dicts (built on first use, after
        freeze): the tagger walks every text's words through it, and a tuple's items cost
        less than a node's attributes, a phrase's joined words nothing."""
        if self._steps is None:

            def step(node: Trie, path: tuple[str, ...]) -> Step:
                phrase = (node.frozen, " ".join(path), node.keys) if node.categories else None
                after = {w: step(c, (*path, w)) for w, c in node.children.items()}
                return (phrase, after or None)

            self._steps = {w: step(c, (w,)) for w, c in self.children.items()}
        return self._steps

    def longest(self, words: list[str], start: int) -> tuple[int, Trie] | None:
        """The longest phrase starting at words[start]: (length, node), or None."""
        # Called for every token after a number: locals, one dict lookup per step.
        n = len(words)
        children = self.children
        best = None
        i = start
        while i < n:
            node = children.get(words[i])
            if node is None:
                break
            i += 1
            if node.categories:
                best = (i - start, node)
            children = node.children
        return best


@dataclass(frozen=True)
class Trap:
    name: str
    pattern: re.Pattern[str]
    example: str
    hint: re.Pattern[str] | None = None
    needs: tuple[str, ...] = ()  # every match holds one of these strings (none: no check)


@dataclass
class Lexicon:
    entries: list[Entry]
    cues: Trie
    units: Trie
    per: Trie
    multipliers: Trie
    number_words: dict[str, Decimal]
    # "năm" is five only after these words ("nâng tổng số lên năm trường"); else a year.
    number_word_after: dict[str, frozenset[str]]
    abbreviations: frozenset[str]
    traps: list[Trap]
    boilerplate: list[Trap]
    # "Bài viết liên quan:": a heading whose lines below, up to a blank line, are link titles.
    link_headings: list[Trap]
    unit_kind: dict[str, str]  # folded unit phrase -> count/measure/currency/percent
    # Each list above as one alternation: a line is tried once, not once per pattern (the
    # patterns hold no back-references, so "any matches" and "the union matches" agree).
    boilerplate_any: re.Pattern[str] | None = None
    link_headings_any: re.Pattern[str] | None = None
    # One word between two numbers that makes them a range ("6,5-7%", "từ 6,5 đến 7%").
    range_joiners: frozenset[str] = frozenset()
    # Words before a number and "." that number an article ("Điều 1. Thông qua …").
    numbered: frozenset[str] = frozenset()
    # Units counted even when handed over at an event (units.toml `given = true`): houses.
    given_units: frozenset[str] = frozenset()

    def entries_of(self, category: str) -> list[Entry]:
        return [e for e in self.entries if e.category == category]


def _read(stem: str) -> dict[str, list[dict[str, object]]]:
    text = resources.files("chitieu.grammar").joinpath("vi", f"{stem}.toml").read_text("utf-8")
    data = tomllib.loads(text)
    return {k: v for k, v in data.items() if isinstance(v, list)}


def _entry(category: str, row: dict[str, object]) -> Entry:
    value = row.get("value")
    canonical = row.get("canonical")
    return Entry(
        category=category,
        phrase=str(row["phrase"]),
        example=str(row["example"]),
        value=Decimal(str(value)) if value is not None else None,
        canonical=str(canonical) if canonical is not None else None,
    )


@cache
def load_lexicon() -> Lexicon:
    entries: list[Entry] = []
    cues = Trie()
    for stem in PHRASE_FILES:
        for table, rows in _read(stem).items():
            for row in rows:
                e = _entry(f"{stem}.{table}", row)
                entries.append(e)
                cues.add(split_words(fold_phrase(e.phrase)), e)
    units, per = Trie(), Trie()
    unit_kind: dict[str, str] = {}
    given_units: set[str] = set()
    for table, rows in _read("units").items():
        for row in rows:
            e = _entry(f"units.{table}", row)
            entries.append(e)
            if row.get("given") is True:
                given_units.add(e.phrase)
            key = split_words(fold_phrase(e.phrase))
            if table == "per":
                per.add(key, e)
            else:
                units.add(key, e)
                unit_kind[" ".join(key)] = table
    multipliers = Trie()
    number_words: dict[str, Decimal] = {}
    number_word_after: dict[str, frozenset[str]] = {}
    range_joiners: set[str] = set()
    for table, rows in _read("numbers").items():
        for row in rows:
            e = _entry(f"numbers.{table}", row)
            entries.append(e)
            if table == "multiplier":
                multipliers.add(split_words(fold_phrase(e.phrase)), e)
            elif table == "range_joiner":
                range_joiners.add(fold_phrase(e.phrase))
            elif table == "word" and e.value is not None:
                number_words[fold_phrase(e.phrase)] = e.value
                after = row.get("after")
                if isinstance(after, list):
                    number_word_after[fold_phrase(e.phrase)] = frozenset(
                        fold_phrase(str(w)) for w in after
                    )
    abbreviations: set[str] = set()
    numbered: set[str] = set()
    for table, rows in _read("sentences").items():
        for row in rows:
            e = _entry(f"sentences.{table}", row)
            entries.append(e)
            (numbered if table == "numbered" else abbreviations).add(fold_phrase(e.phrase))
    traps = [
        Trap(
            str(r["name"]),
            re.compile(fold_tones(str(r["pattern"]))),
            str(r["example"]),
            re.compile(fold_tones(str(r["hint"]))) if "hint" in r else None,
            tuple(fold_tones(str(x)) for x in _list(r.get("needs"))),
        )
        for r in _read("traps").get("trap", [])
    ]
    # ">> Xem thêm: …", "» Tin liên quan": a pointer mark may open a furniture line.
    lead = r"\s*(?:[>»•*]+\s*)?"
    furniture = _read("boilerplate")

    def line_traps(kind: str, prefix: str) -> list[Trap]:
        """Patterns a whole line of page furniture matches, after its leading marks."""
        return [
            Trap(
                f"{prefix}{i}", re.compile(lead + fold_tones(str(r["pattern"]))), str(r["example"])
            )
            for i, r in enumerate(furniture.get(kind, []))
        ]

    boilerplate = line_traps("line", "boilerplate")
    link_headings = line_traps("links", "links")
    cues.freeze()
    return Lexicon(
        entries=entries,
        cues=cues,
        units=units,
        per=per,
        multipliers=multipliers,
        number_words=number_words,
        number_word_after=number_word_after,
        abbreviations=frozenset(abbreviations),
        traps=traps,
        boilerplate=boilerplate,
        link_headings=link_headings,
        unit_kind=unit_kind,
        given_units=frozenset(given_units),
        boilerplate_any=_union(boilerplate),
        link_headings_any=_union(link_headings),
        range_joiners=frozenset(range_joiners),
        numbered=frozenset(numbered),
    )


def _list(value: object) -> list[object]:
    return value if isinstance(value, list) else []


def _union(traps: list[Trap]) -> re.Pattern[str] | None:
    """One pattern that matches where any of the traps' patterns matches (None: no traps)."""
    if not traps:
        return None
    return re.compile("|".join(f"(?:{t.pattern.pattern})" for t in traps))


@dataclass(frozen=True)
class WordEntry:
    """A word of name_words.toml with its example and the effect the example shows."""

    category: str  # "name_words.<table>", e.g. "name_words.intro"
    word: str  # folded
    example: str
    name: str | None = None  # the indicator's name read from the example
    joins: str | None = None  # the value of the figure a change stated apart joins


@dataclass(frozen=True)
class NameWords:
    """Single words the name rules look at one token at a time (name_words.toml): not cue
    phrases, so they stay out of the tagger and its categories."""

    entries: tuple[WordEntry, ...]
    intro: frozenset[str]  # open a scene-setting segment ("Mặc dù …, …")
    field_label: frozenset[str]  # open a field label ("Lĩnh vực …:")
    noise: frozenset[str]  # ignored when two names are compared
    place: frozenset[str]  # place words after an organisation ("Hội Nông dân xã …")


@cache
def load_name_words() -> NameWords:
    """name_words.toml, folded like the text's words (read apart from load_lexicon: a small
    file that modules bind at import, without building the tries)."""
    entries = tuple(
        WordEntry(
            category=f"name_words.{table}",
            word=fold_phrase(str(row["word"])),
            example=str(row["example"]),
            name=str(row["name"]) if "name" in row else None,
            joins=str(row["joins"]) if "joins" in row else None,
        )
        for table, rows in _read("name_words").items()
        for row in rows
    )

    def words(table: str) -> frozenset[str]:
        return frozenset(e.word for e in entries if e.category == f"name_words.{table}")

    return NameWords(
        entries=entries,
        intro=words("intro"),
        field_label=words("field_label"),
        noise=words("noise"),
        place=words("place"),
    )
