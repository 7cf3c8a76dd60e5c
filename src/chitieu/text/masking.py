"""What the reader sets aside before tokenizing: numbers caught by the trap patterns (dates,
years, document numbers, phones, ages…; grammar/vi/traps.toml) and whole lines of page
furniture (grammar/vi/boilerplate.toml). Both work on the folded text and return char spans.
"""

from __future__ import annotations

import re

from chitieu.text.lexicon import Lexicon, Trap
from chitieu.text.pattern_facts import consumed_run, required_strings

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


# A trap with `needs` (see _plan) is run only over the stretches where a match can be: every
# match holds a needed string and consists of characters its pattern can consume, so it lies
# inside the run of such characters around a needed string. In a long text the strings are
# few and the runs short ("-" and "/" of dates, the "@" of an address, ".pdf"), where a
# pattern run over the whole text costs a pass per trap. Finding a run and searching it costs
# about what a pattern pass over this many characters does:
_CHARS_PER_RUN = 400


def _needed_runs(
    needs: tuple[str, ...], reach: tuple[re.Pattern[str], int] | None, scan: str
) -> list[tuple[int, int, int]] | None:
    """(start, end, endpos) of the runs around the trap's needed strings in `scan`, sorted:
    a match can only start inside one, and the pattern reads nothing at or past endpos while
    trying there. None: the pattern is not one we can reason about (scan it all)."""
    if len(scan) < _CHARS_PER_RUN or sum(map(scan.count, needs)) * _CHARS_PER_RUN > len(scan):
        return None  # needed strings everywhere (or a short text): one pass costs less
    if reach is None:
        return None
    run, ahead = reach
    occurrences: list[tuple[int, int]] = []  # (offset, length) of every needed string
    for needle in needs:
        p = scan.find(needle)
        while p >= 0:
            occurrences.append((p, len(needle)))
            p = scan.find(needle, p + 1)
    occurrences.sort()
    rev = scan[::-1]  # to find where a run starts, matching backwards
    n = len(scan)
    found: list[tuple[int, int, int]] = []
    end = -1
    for p, size in occurrences:
        if p + size <= end:
            continue  # inside the run just found: each run is read once (no quadratic case)
        m = run.match(scan, p)
        if m is None or m.end() < p + size:
            continue  # the string is not within one run: no match can hold it here
        end = m.end()
        back = run.match(rev, n - p)
        start = p - (back.end() - back.start()) if back is not None else p
        found.append((start, end, end + ahead))
    return found


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
            pos = m.end()  # non-empty: consumed_run refuses patterns that match the empty string


_Plan = list[tuple[Trap, tuple[str, ...], tuple[re.Pattern[str], int] | None]]
_PLANS: dict[int, tuple[list[Trap], _Plan]] = {}


def _plan(traps: list[Trap]) -> _Plan:
    """Per trap, once per trap list: the strings every match holds and the run its matches
    lie in (see pattern_facts.py). The strings are the grammar's `needs`, else, for a trap
    with a hint (a rare one), those its pattern shows: a cheaper test than the hint, and in a
    long text they mark the few places to search. A common trap's strings ("năm", "20") are
    in nearly every text: testing for them would only add cost."""
    cached = _PLANS.get(id(traps))
    if cached is None or cached[0] is not traps:
        plan = [
            (
                t,
                t.needs or (required_strings(t.pattern) if t.hint is not None else ()),
                consumed_run(t.pattern),
            )
            for t in traps
        ]
        cached = _PLANS[id(traps)] = (traps, plan)
    return cached[1]


def mask_traps(lexicon: Lexicon, folded: str) -> list[tuple[int, int, str]]:
    """Char spans of the traps' matches in the folded text, overlaps merged, sorted."""
    scan = _LONG_DIGITS.sub(lambda m: "x" * len(m.group(0)), folded)
    spans: list[tuple[int, int, str]] = []
    n = len(scan)
    windows = _windows(scan)
    if sum(b - a for a, b in windows) > n // 2:
        windows = [(0, n)]  # dense figures: one pass is cheaper than many windows
    whole = [(0, n)]
    for trap, needs, reach in _plan(lexicon.traps):
        if needs and not _holds_any(scan, needs):
            continue  # no match can exist: its pattern is not run at all
        if trap.hint is not None and trap.hint.search(scan) is None:
            continue
        # A trap with a hint is rare enough to look for everywhere (it may hold no digit:
        # "hai con số").
        runs = _needed_runs(needs, reach, scan) if needs else None
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
