"""Cue tagging: the grammar's cue phrases found over a text's words, longest first, left to
right, in one pass (see lexicon.py for the trie they are read from)."""

from __future__ import annotations

from functools import partial
from itertools import compress
from typing import NamedTuple

from chitieu.text.lexicon import Lexicon


class Tag(NamedTuple):
    """A cue phrase over tokens; a tuple, so a text's phrases are built in one pass."""

    start: int  # token index
    end: int  # token index, exclusive
    categories: frozenset[str]
    phrase: str
    # The categories plus their file prefixes ("verbs.value" -> also "verbs."), so a prefix
    # test is one set lookup.
    keys: frozenset[str] = frozenset()


# Build a Tag from a tuple of its fields without a Python-level call.
_make_tag = partial(tuple.__new__, Tag)
_EMPTY: frozenset[str] = frozenset()


def tag_words(
    lexicon: Lexicon, words: list[str]
) -> tuple[list[Tag], list[int], list[frozenset[str]]]:
    """The cue phrases over `words`, with, per word, the index of its phrase (-1: none) and
    that phrase's keys. Longest cue phrase first, left to right. Only tokens that can open a
    phrase are visited, and the trie walk is inlined: this runs once per text on every token."""
    found: list[tuple[int, int, frozenset[str], str, frozenset[str]]] = []
    n = len(words)
    tag_of = [-1] * n
    keys = [_EMPTY] * n
    steps = lexicon.cues.steps()
    end = 0
    for i in compress(range(n), map(steps.__contains__, words)):
        if i < end:
            continue  # inside the phrase just tagged
        best, after = steps[words[i]]
        stop = j = i + 1
        while after is not None and j < n:
            nxt = after.get(words[j])
            if nxt is None:
                break
            j += 1
            if nxt[0] is not None:
                best, stop = nxt[0], j
            after = nxt[1]
        if best is None:
            continue
        k = len(found)
        categories, phrase, phrase_keys = best
        found.append((i, stop, categories, phrase, phrase_keys))
        # Item by item: slice assignments build two lists per phrase (most are 1-2 words).
        if stop == i + 1:
            tag_of[i] = k
            keys[i] = phrase_keys
        else:
            for m in range(i, stop):
                tag_of[m] = k
                keys[m] = phrase_keys
        end = stop
    return list(map(_make_tag, found)), tag_of, keys
