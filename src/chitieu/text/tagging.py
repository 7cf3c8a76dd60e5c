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
    first_words = lexicon.cues.children
    end = 0
    for i in compress(range(n), map(first_words.__contains__, words)):
        if i < end:
            continue  # inside the phrase just tagged
        node = first_words[words[i]]
        j = i + 1
        best = node if node.categories else None
        stop = j
        children = node.children
        while children and j < n:
            nxt = children.get(words[j])
            if nxt is None:
                break
            j += 1
            if nxt.categories:
                best, stop = nxt, j
            children = nxt.children
        if best is None:
            continue
        if stop == i + 1:  # one word: no slices, no join
            tag_of[i] = len(found)
            keys[i] = best.keys
            found.append((i, stop, best.frozen, words[i], best.keys))
        else:
            tag_of[i:stop] = [len(found)] * (stop - i)
            keys[i:stop] = [best.keys] * (stop - i)
            found.append((i, stop, best.frozen, " ".join(words[i:stop]), best.keys))
        end = stop
    return list(map(_make_tag, found)), tag_of, keys
