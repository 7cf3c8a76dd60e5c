"""What the reader sets aside before tokenizing: numbers caught by the trap patterns (dates,
years, document numbers, phones, ages…; grammar/vi/traps.toml) and whole lines of page
furniture (grammar/vi/boilerplate.toml). Both work on the folded text and return char spans.
"""

from __future__ import annotations

import re

from chitieu.text.lexicon import Lexicon

# Longer digit runs are not figures anyone writes; blanking them in the copy the trap patterns
# scan keeps every pattern linear on hostile input.
_LONG_DIGITS = re.compile(r"\d{19,}")
# Every trap pattern is about a number: it is only looked for this close to a digit.
_WINDOW = 80


# Digit runs at most 2 * _WINDOW apart share one window: a cluster is one match.
_CLUSTER = re.compile(rf"\d(?:\D{{0,{2 * _WINDOW}}}\d)*")


def _windows(scan: str) -> list[tuple[int, int]]:
    """The text within _WINDOW characters of a digit, as merged (start, end) spans."""
    n = len(scan)
    return [
        (max(0, m.start() - _WINDOW), min(n, m.end() + _WINDOW)) for m in _CLUSTER.finditer(scan)
    ]


def _holds_any(scan: str, needles: tuple[str, ...]) -> bool:
    for needle in needles:  # noqa: SIM110 (one or two needles: a loop beats a generator)
        if needle in scan:
            return True
    return False


def mask_traps(lexicon: Lexicon, folded: str) -> list[tuple[int, int, str]]:
    """Char spans of the traps' matches in the folded text, overlaps merged, sorted."""
    scan = _LONG_DIGITS.sub(lambda m: "x" * len(m.group(0)), folded)
    spans: list[tuple[int, int, str]] = []
    n = len(scan)
    windows = _windows(scan)
    if sum(b - a for a, b in windows) > n // 2:
        windows = [(0, n)]  # dense figures: one pass is cheaper than many windows
    whole = [(0, n)]
    for trap in lexicon.traps:
        if trap.needs and not _holds_any(scan, trap.needs):
            continue  # no match can exist: its pattern is not run at all
        if trap.hint is not None and trap.hint.search(scan) is None:
            continue
        # A trap with a hint is rare enough to look for everywhere (it may hold no digit:
        # "hai con số").
        for a, b in windows if trap.hint is None else whole:
            # pos/endpos keep lookbehinds seeing the real text before the window.
            for m in trap.pattern.finditer(scan, a, b):
                s, e = m.span()
                if e > s:
                    spans.append((s, e, trap.name))
    spans.sort()
    merged: list[tuple[int, int, str]] = []
    for s, e, name in spans:
        if merged and s < merged[-1][1]:
            ps, pe, pname = merged[-1]
            merged[-1] = (ps, max(pe, e), pname)
        else:
            merged.append((s, e, name))
    return merged


def boilerplate_lines(lexicon: Lexicon, folded: str) -> list[tuple[int, int]]:
    """Char spans of the lines of page furniture (menus, counters, link lists)."""
    lines: list[tuple[int, int]] = []
    pos = 0
    in_links = False  # under "Bài viết liên quan:", up to a blank line
    # One match per line and list (the patterns' union), not one per pattern.
    heading = lexicon.link_headings_any
    furniture = lexicon.boilerplate_any
    for line in folded.split("\n"):
        end = pos + len(line)
        if not line.strip():
            in_links = False
        elif len(line) <= 300:
            if in_links:
                lines.append((pos, end))
            elif heading is not None and heading.match(line):
                lines.append((pos, end))
                in_links = True
            elif furniture is not None and furniture.match(line):
                lines.append((pos, end))
        pos = end + 1
    return lines
