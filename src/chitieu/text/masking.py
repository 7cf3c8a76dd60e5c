"""What the reader sets aside before tokenizing: numbers caught by the trap patterns (dates,
years, document numbers, phones, ages…; grammar/vi/traps.toml) and whole lines of page
furniture (grammar/vi/boilerplate.toml). Both work on the folded text and return char spans.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Any, NamedTuple

from chitieu.text.joint_traps import Joined, can_join, join_traps, joined_matches
from chitieu.text.lexicon import Lexicon, Trap
from chitieu.text.pattern_facts import consumed_run, opening_strings, required_strings

# Longer digit runs are not figures anyone writes; blanking them in the copy the trap patterns
# scan keeps every pattern linear on hostile input. (Spelt "\d\d{18,}", the same as "\d{19,}":
# a pattern that starts with one class lets `re` skip to the digits instead of trying every
# position.)
_LONG_DIGITS = re.compile(r"\d\d{18,}")
# Every trap pattern is about a number: it is only looked for this close to a digit.
_WINDOW = 80


# Digit runs at most 2 * _WINDOW apart share one window: a cluster is one match.
_CLUSTER = re.compile(rf"\d(?:\D{{0,{2 * _WINDOW}}}\d)*")


def _windows(scan: str) -> list[tuple[int, int]]:
    """The text within _WINDOW characters of a digit, as merged (start, end) spans; the whole
    text as one span when they cover more than half of it (dense figures: one pass is
    cheaper than many windows). The spans only grow: past half, the rest is not looked for."""
    n = len(scan)
    windows: list[tuple[int, int]] = []
    covered = 0
    for m in _CLUSTER.finditer(scan):
        a, b = max(0, m.start() - _WINDOW), min(n, m.end() + _WINDOW)
        covered += b - a
        if covered > n // 2:
            return [(0, n)]
        windows.append((a, b))
    return windows


def _passes(trap: Trap, needs: tuple[str, ...], scan: str) -> bool:
    """Whether the text holds one of the needed strings (if any) and the trap's hint (if any):
    else the trap is not run (no match can exist)."""
    if needs and not _holds_any(scan, needs):
        return False
    return trap.hint is None or trap.hint.search(scan) is not None


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
    needs: tuple[str, ...], pattern: re.Pattern[str], scan: str
) -> list[tuple[int, int, int]] | None:
    """(start, end, endpos) of the runs around the trap's needed strings in `scan`, sorted:
    a match can only start inside one, and the pattern reads nothing at or past endpos while
    trying there. None: the pattern is not one we can reason about (scan it all)."""
    if len(scan) < _CHARS_PER_RUN or sum(map(scan.count, needs)) * _CHARS_PER_RUN > len(scan):
        return None  # needed strings everywhere (or a short text): one pass costs less
    reach = consumed_run(pattern)  # (cached; asked only here: it compiles a regex)
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


# A trap whose every match starts with one of a few strings ("tháng", "năm học"; see
# pattern_facts.opening_strings) is tried only where one of them occurs. One pass of one
# pattern finds where all the traps' opening strings occur, where a pass per trap would cost
# as much each. An opening of one character is worth it only for a rare mark ("(", "/"): a
# digit, a letter or a space opens too many places.
_SELECTIVE_MARK = re.compile(r"[^\w\s,.]")
# Trying a trap at one place costs about what a pattern pass over this many characters does:
# with more places than the text's length over this, one pass costs less.
_CHARS_PER_PLACE = 40


def _openings(trap: Trap) -> tuple[str, ...]:
    """The strings a trap is tried at, () to scan for it (see _SELECTIVE_MARK)."""
    openings = opening_strings(trap.pattern)
    if any(len(s) == 1 and not _SELECTIVE_MARK.fullmatch(s) for s in openings):
        return ()
    return openings


def _trie_pattern(node: dict[str, Any]) -> str:
    """A regex of the strings of a character trie. Where one string goes on into a longer one
    the longer is tried first, so a match is the longest string at its start."""
    branches = [re.escape(c) + _trie_pattern(child) for c, child in sorted(node.items()) if c]
    if "" in node:
        branches.append("")
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


@dataclass(frozen=True)
class _Opening:
    """Finds where the traps' opening strings occur: `finder` matches one character, the
    start of an occurrence, and captures the longest opening string there (it consumes only
    that character, so an occurrence that starts inside another is found too). All the
    strings at a place are prefixes of the longest one: `traps` maps the longest one to the
    traps (indexes) opened by it or by one of its prefixes."""

    finder: re.Pattern[str]
    traps: dict[str, tuple[int, ...]]


def _opening_finder(openings: list[tuple[str, ...]]) -> _Opening | None:
    strings = {s for found in openings for s in found}
    if not strings:
        return None
    trie: dict[str, Any] = {}
    for string in strings:
        node = trie
        for c in string:
            node = node.setdefault(c, {})
        node[""] = {}
    first = "[" + "".join(re.escape(c) for c in sorted(trie)) + "]"
    # The first character first lets `re` skip to the candidates; the look-behind steps back
    # onto it and reads the longest string there.
    finder = re.compile(f"{first}(?<=(?=({_trie_pattern(trie)})){first})")
    opened_by: dict[str, list[int]] = {}
    for i, found in enumerate(openings):
        for s in found:
            opened_by.setdefault(s, []).append(i)
    # A string's traps: those opened by one of its prefixes (itself included).
    traps = {
        string: tuple(
            sorted({i for k in range(1, len(string) + 1) for i in opened_by.get(string[:k], ())})
        )
        for string in strings
    }
    return _Opening(finder, traps)


def _places(opening: _Opening | None, scan: str) -> dict[int, list[int]]:
    """Trap index -> the sorted offsets in `scan` where one of its opening strings starts."""
    places: dict[int, list[int]] = {}
    if opening is None:
        return places
    traps = opening.traps
    for m in opening.finder.finditer(scan):
        p = m.start()
        for i in traps[m[1]]:  # one longest string per offset: no offset twice for a trap
            if i in places:
                places[i].append(p)
            else:
                places[i] = [p]
    return places


def _match_at(
    trap: Trap,
    scan: str,
    spread: list[tuple[int, int]],
    places: list[int],
    spans: list[tuple[int, int, str]],
) -> None:
    """The matches finditer(scan, a, b) would give for each (a, b) of `spread` (disjoint,
    sorted), tried at the places alone: every match starts at one, and the first place at or
    past where the last match ended that matches is where finditer's search from there
    would find its next match."""
    pattern, name = trap.pattern, trap.name
    count = len(places)
    for a, b in spread:
        j = bisect_left(places, a)  # a match never reaches past its (a, b) into the next
        while j < count and places[j] < b:
            m = pattern.match(scan, places[j], b)
            if m is None:
                j += 1
                continue
            spans.append((places[j], m.end(), name))
            j = bisect_left(places, m.end(), j + 1)  # past the place: never an empty match


@dataclass(frozen=True)
class _Step:
    trap: Trap
    needs: tuple[str, ...]
    opened: bool  # tried only where its opening strings are (see _Opening)
    joined: bool  # tried at the digits with the other such traps (see joint_traps.py)


class _Plan(NamedTuple):
    steps: list[_Step]
    opening: _Opening | None
    joined: Joined | None
    searched: list[_Step]  # neither opened nor joined: searched on their own


_PLANS: dict[int, tuple[list[Trap], _Plan]] = {}


def _needs(trap: Trap) -> tuple[str, ...]:
    return trap.needs or (required_strings(trap.pattern) if trap.hint is not None else ())


def _plan(traps: list[Trap]) -> _Plan:
    """Per trap, once per trap list: the strings every match holds (see pattern_facts.py),
    and how it is tried: at the digits with the others that start there (joint_traps.py), at
    its opening strings (_Opening), or searched on its own. The strings are the grammar's
    `needs`, else, for a trap with a hint (a rare one), those its pattern shows: a cheaper
    test than the hint, and in a long text they mark the few places to search. A common
    trap's strings ("năm", "20") are in nearly every text: testing for them would only add
    cost."""
    cached = _PLANS.get(id(traps))
    if cached is None or cached[0] is not traps:
        joinable = [can_join(t) for t in traps]
        openings = [() if j else _openings(t) for t, j in zip(traps, joinable, strict=True)]
        steps = [
            _Step(t, _needs(t), bool(found), j)
            for t, found, j in zip(traps, openings, joinable, strict=True)
        ]
        members = [i for i, j in enumerate(joinable) if j]
        plan = _Plan(
            steps,
            _opening_finder(openings),
            join_traps(traps, members, _WINDOW),
            [step for step in steps if not step.opened and not step.joined],
        )
        cached = _PLANS[id(traps)] = (traps, plan)
    return cached[1]


def _run(
    step: _Step, scan: str, spread: list[tuple[int, int]], spans: list[tuple[int, int, str]]
) -> None:
    """The trap's matches in each (a, b) of `spread`, unless the needed strings or the hint
    are missing. A trap with a hint is rare enough to look for everywhere (it may hold no
    digit: "hai con số"): its spread is the whole text."""
    if step.needs and not _holds_any(scan, step.needs):
        return
    _search(step, scan, spread, spans)


def _search(
    step: _Step, scan: str, spread: list[tuple[int, int]], spans: list[tuple[int, int, str]]
) -> None:
    """_run, once one of the needed strings is known to be in the text."""
    trap, needs = step.trap, step.needs
    if trap.hint is not None and trap.hint.search(scan) is None:
        return
    runs = _needed_runs(needs, trap.pattern, scan) if needs else None
    for a, b in spread:
        if runs is not None:
            _scan_runs(trap, scan, a, b, runs, spans)
            continue
        # pos/endpos keep lookbehinds seeing the real text before the window.
        for m in trap.pattern.finditer(scan, a, b):
            s, e = m.span()
            if e > s:
                spans.append((s, e, trap.name))


def mask_traps(lexicon: Lexicon, folded: str) -> list[tuple[int, int, str]]:
    """Char spans of the traps' matches in the folded text, overlaps merged, sorted."""
    scan = _LONG_DIGITS.sub(lambda m: "x" * len(m.group(0)), folded)
    spans: list[tuple[int, int, str]] = []
    n = len(scan)
    windows = _windows(scan)
    whole = [(0, n)]
    steps, opening, joined, searched = _plan(lexicon.traps)
    if joined is not None:
        dense = windows == whole
        for i, near, matches in zip(
            joined.members, joined.near, joined_matches(joined, scan), strict=True
        ):
            step = steps[i]
            if not near and not dense and step.trap.hint is None:
                # Searched in the windows alone, and an attempt may read past one's end:
                # the whole text's matches may not be the windows'.
                _run(step, scan, windows, spans)
            elif matches and _passes(step.trap, step.needs, scan):
                name = step.trap.name
                spans += [(s, e, name) for s, e in matches]
    for i, at in _places(opening, scan).items():
        trap = steps[i].trap
        spread = windows if trap.hint is None else whole
        if len(at) * _CHARS_PER_PLACE >= n:
            _run(steps[i], scan, spread, spans)  # so many places: one pass costs less
            continue
        # Trying the places costs less than the needed strings' and the hint's searches:
        # those are only asked when a match is found (a trap is run when both pass).
        found: list[tuple[int, int, str]] = []
        _match_at(trap, scan, spread, at, found)
        if found and _passes(trap, steps[i].needs, scan):
            spans += found
    # An opened trap without places holds none of its opening strings: it cannot match.
    for step in searched:
        if step.needs:  # (tested here: most texts hold none, and a call costs more)
            for needle in step.needs:
                if needle in scan:
                    break
            else:
                continue
        _search(step, scan, windows if step.trap.hint is None else whole, spans)
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
