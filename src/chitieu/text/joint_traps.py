"""Traps about a number tried together at each digit (masking.py): most start at a number's
first digit ("\\d(?<![\\d.,]\\d)…": dates, durations, counts of documents…). Each searched on
its own costs a pass over the text that stops at every digit; one pattern tries them all at
once at each digit where one of their heads (pattern_facts.digit_heads: the number's start,
mostly) is, and captures, trap by trap, the match its own pattern would give there. From
those, taken left to right without overlap, come the matches finditer gives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chitieu.text.lexicon import Trap
from chitieu.text.pattern_facts import digit_heads, reach


@dataclass(frozen=True)
class Joined:
    """The traps tried together at the digits: `finder` captures in group k + 1 the match of
    trap `members[k]` at each digit where one of them matches. `near[k]`: the trap's attempts
    read less than the window's characters, so searching the whole text finds what searching the
    windows around its digits finds (see join_traps)."""

    finder: re.Pattern[str]
    members: tuple[int, ...]
    near: tuple[bool, ...]


def can_join(trap: Trap) -> bool:
    """A trap whose every match starts with a digit, with no groups or flags of its own
    (its match is read from the joint pattern's group), and that a substring test would
    seldom spare (see _rarely_spared)."""
    return (
        trap.pattern.groups == 0
        and trap.pattern.flags == re.UNICODE
        and _rarely_spared(trap)
        and bool(digit_heads(trap.pattern))
    )


_LETTER = re.compile(r"[^\W\d_]")


def _rarely_spared(trap: Trap) -> bool:
    """Whether most texts hold what the trap needs: no `needs`, or one without a letter ("-",
    "/": in nearly every text of figures), and no hint or one of several words. A word it
    needs ("giải pháp", "mm") or one plain word as hint ("sao") is missing from most texts:
    there a substring test spares the trap's pass, where joined it would be tried at every
    digit. (Only a matter of cost: measured on bench/corpus and the golden passages.)"""
    if trap.needs and all(_LETTER.search(s) for s in trap.needs):
        return False
    return trap.hint is None or _METACHARACTER.search(trap.hint.pattern) is not None


_METACHARACTER = re.compile(r"[\\.^$*+?{}\[\]|()]")  # none: the hint is one plain string


def join_traps(traps: list[Trap], members: list[int], window: int) -> Joined | None:
    """The traps `members` tried together (None: no member). `window`: how far from a digit
    the traps are looked for (see masking._windows)."""
    if not members:
        return None
    patterns = [traps[i].pattern for i in members]
    heads = sorted({h for p in patterns for h in digit_heads(p)})
    tries = "".join(f"(?:(?=({p.pattern}))|)" for p in patterns)  # each: its match, or none
    # The first digit lets `re` skip to the digits; the look-behind steps back onto it to try
    # the heads, then each trap. The conditions after it refuse a digit where none matched.
    none_matched = "(?!)"
    for k in range(len(patterns), 0, -1):
        none_matched = f"(?({k})|{none_matched})"
    finder = re.compile(rf"\d(?<=(?=(?:{'|'.join(heads)})){tries}\d){none_matched}")
    near = tuple((reach(p) or window + 1) <= window for p in patterns)
    return Joined(finder, tuple(members), near)


def joined_matches(joined: Joined, scan: str) -> list[list[tuple[int, int]]]:
    """Per member, the matches finditer(scan) gives: at each digit, the match its pattern
    has there, kept when it starts at or past where the last one kept ended."""
    count = len(joined.members)
    found: list[list[tuple[int, int]]] = [[] for _ in range(count)]
    ends = [0] * count
    for m in joined.finder.finditer(scan):
        regs = m.regs
        for k in range(count):
            s, e = regs[k + 1]
            if s >= ends[k]:  # (-1, -1): no match of this trap here
                found[k].append((s, e))
                ends[k] = e  # never empty: a match holds its first digit
    return found
