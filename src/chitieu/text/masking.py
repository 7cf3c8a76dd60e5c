"""What the reader sets aside before tokenizing: numbers caught by the trap patterns (dates,
years, document numbers, phones, ages…; grammar/vi/traps.toml) and whole lines of page
furniture (grammar/vi/boilerplate.toml). Both work on the folded text and return char spans.
"""

from __future__ import annotations

import importlib
import re
from functools import cache
from typing import Any

from chitieu.text.lexicon import Lexicon, Trap

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


# A trap with `needs` is run only over the stretches where a match can be: every match holds a
# needed string and consists of characters its pattern can consume, so it lies inside the run
# of such characters around a needed string. In a long text the strings are few and the runs
# short ("-" and "/" of dates, the "@" of an address), where a pattern run over the whole
# text costs a pass per trap. Finding a run and searching it costs about what a pattern pass
# over this many characters does:
_CHARS_PER_RUN = 400


def _needed_runs(trap: Trap, scan: str) -> list[tuple[int, int, int]] | None:
    """(start, end, endpos) of the runs around the trap's needed strings in `scan`, sorted:
    a match can only start inside one, and the pattern reads nothing at or past endpos while
    trying there. None: the pattern is not one we can reason about (scan it all)."""
    if sum(map(scan.count, trap.needs)) * _CHARS_PER_RUN > len(scan):
        return None  # needed strings everywhere (or a short text): one pass costs less
    reach = _reach(trap.pattern)
    if reach is None:
        return None
    run, ahead = reach
    rev: str | None = None  # the text reversed, to find where a run starts
    n = len(scan)
    found: set[tuple[int, int, int]] = set()
    for needle in trap.needs:
        p = scan.find(needle)
        while p >= 0:
            m = run.match(scan, p)
            end = m.end() if m is not None else p
            if end >= p + len(needle):  # else no match can hold this occurrence
                if rev is None:
                    rev = scan[::-1]
                back = run.match(rev, n - p)
                start = p - (back.end() - back.start()) if back is not None else p
                found.add((start, end, end + ahead))
            p = scan.find(needle, p + 1)
    return sorted(found)


def _scan_runs(
    trap: Trap,
    scan: str,
    a: int,
    b: int,
    runs: list[tuple[int, int, int]],
    spans: list[tuple[int, int, str]],
) -> None:
    """The matches finditer(scan, a, b) would give, looked for in the runs alone. Runs are
    disjoint and no match crosses one, so within each the search resumes where the last
    match ended, as finditer does; an attempt inside a run reads nothing at or past its
    endpos, so that bound changes no answer there (a match found past the run is not one)."""
    pattern = trap.pattern
    for start, end, endpos in runs:
        if end <= a or start >= b:
            continue
        pos = max(start, a)
        stop = min(end, b)
        limit = min(endpos, b)
        while pos < stop:
            m = pattern.search(scan, pos, limit)
            if m is None or m.start() >= stop:
                break
            spans.append((m.start(), m.end(), trap.name))
            pos = m.end()  # non-empty: _reach refuses patterns that match the empty string


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
        runs = _needed_runs(trap, scan) if trap.needs else None
        for a, b in windows if trap.hint is None else whole:
            if runs is not None:
                _scan_runs(trap, scan, a, b, runs, spans)
                continue
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


# The regex parser of the standard library (no type stubs): it tells which characters a
# pattern can consume and how far its lookaheads read.
_sre_parse: Any = importlib.import_module("re._parser")
_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


class _Unknown(Exception):
    """A construct the analysis does not model (back-references, inline flags…)."""


@cache
def _reach(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], int] | None:
    """A regex for one run of the characters `pattern` can consume, and how many characters
    past the end of a run an attempt may read (lookaheads, \\b, plus one for the failing
    look at the next character). None when the pattern is beyond this analysis or can match
    the empty string."""
    try:
        tree = _sre_parse.parse(pattern.pattern, pattern.flags)
        if tree.getwidth()[0] == 0:
            return None
        classes: list[str] = []
        ahead = _walk(tree, classes)
    except _Unknown:
        return None
    # One class for the plain characters and sets, the negated sets beside it.
    plain = "".join(sorted({c.strip("[]") for c in classes if not c.startswith("[^")}))
    alternatives = sorted({f"[{plain}]", *(c for c in classes if c.startswith("[^"))})
    return re.compile("(?:" + "|".join(alternatives) + ")+", pattern.flags), ahead + 2


def _walk(tree: Any, classes: list[str]) -> int:
    """Add to `classes` one regex per kind of character the tree consumes; return an upper
    bound of how far its lookaheads and position tests read past the consumed text."""
    ahead = 0
    for op, av in tree:
        name = str(op)
        if name == "LITERAL":
            classes.append(f"\\U{av:08x}")
        elif name == "IN":
            classes.append(_class(av))
        elif name == "BRANCH":
            ahead += sum(_walk(branch, classes) for branch in av[1])
        elif name == "SUBPATTERN":
            if av[1] or av[2]:
                raise _Unknown  # inline flags
            ahead += _walk(av[3], classes)
        elif name == "ATOMIC_GROUP":
            ahead += _walk(av, classes)
        elif name in _REPEATS:
            ahead += _walk(av[2], classes)
        elif name in ("ASSERT", "ASSERT_NOT"):
            direction, sub = av
            if direction == 1:  # a lookahead reads up to its widest match, and one more
                width = sub.getwidth()[1]
                if width >= _sre_parse.MAXWIDTH:
                    raise _Unknown
                ahead += width + 1 + _walk(sub, [])
            else:  # a lookbehind reads before the position: the real text, never cut
                _walk(sub, [])
        elif name == "AT":
            ahead += 1  # \\b, $: the next character
        else:
            raise _Unknown  # ANY, NOT_LITERAL, back-references…
    return ahead


def _class(items: Any) -> str:
    """A parsed character set back as a regex class."""
    parts: list[str] = []
    negate = False
    for op, av in items:
        name = str(op)
        if name == "NEGATE":
            negate = True
        elif name == "LITERAL":
            parts.append(f"\\U{av:08x}")
        elif name == "RANGE":
            parts.append(f"\\U{av[0]:08x}-\\U{av[1]:08x}")
        elif name == "CATEGORY" and str(av) in _CATEGORIES:
            parts.append(_CATEGORIES[str(av)])
        else:
            raise _Unknown
    return ("[^" if negate else "[") + "".join(parts) + "]"
