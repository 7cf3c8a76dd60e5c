"""Facts about a trap's regex, read from the standard library's regex parser, that let the
reader run it over less text with the same matches (masking.py):

- consumed_run: the characters a match can consist of, as a regex for one run of them, and
  how far past a run an attempt may read (lookaheads, \\b);
- required_strings: strings one of which every match contains ("every file name ends in
  .pdf, .jpg…"), when the pattern's structure shows it;
- opening_strings: strings one of which every match starts with ("tháng", "năm học"…).
"""

from __future__ import annotations

import importlib
import re
from functools import cache
from itertools import product
from typing import Any

# The regex parser of the standard library (no type stubs): it tells which characters a
# pattern can consume and how far its lookaheads read.
# A private module: should a later Python move or change it, every analysis below gives up
# (None / ()) and each trap is searched over the whole text, with the same matches.
try:
    _sre_parse: Any = importlib.import_module("re._parser")
except ImportError:
    _sre_parse = None
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
def _parsed(pattern: re.Pattern[str]) -> Any:
    """The parse of a pattern, once for all the analyses below (parsing is most of their
    cost, paid once per trap when the reader starts). They only read it."""
    return _sre_parse.parse(pattern.pattern, pattern.flags)


@cache
def consumed_run(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], int] | None:
    """A regex for one run of the characters `pattern` can consume, and how many characters
    past the end of a run an attempt may read (lookaheads, \\b, plus one for the failing
    look at the next character). None when the pattern is beyond this analysis or can match
    the empty string."""
    try:
        tree = _parsed(pattern)
        if tree.getwidth()[0] == 0:
            return None
        classes: list[str] = []
        ahead = _walk(tree, classes)
    except Exception:  # _Unknown, or a parser that is not the one this reads (see above)
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


# Sets of strings larger than this are not worth a substring test each.
_MAX_STRINGS = 16


@cache
def required_strings(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """Strings one of which every match of `pattern` contains, the longest such set the
    structure shows (a run of literal parts, or alternatives of them); () when none."""
    try:
        found = _required(_parsed(pattern))
    except Exception:  # _Unknown, or a parser that is not the one this reads (see above)
        return ()
    return tuple(sorted(found)) if found else ()


def _better(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    """The more selective of two string sets: longer shortest string, then fewer strings."""
    if not a or "" in a:
        return b if b and "" not in b else None
    if not b or "" in b:
        return a
    return max(a, b, key=lambda s: (min(map(len, s)), -len(s)))


def _required(tree: Any) -> set[str] | None:
    """A set of strings one of which every match of the sequence `tree` contains."""
    best: set[str] | None = None
    run: set[str] | None = {""}  # the exact strings of the current run of exact parts
    for op, av in tree:
        exact = _exact(op, av)
        if exact is not None:
            run = _join(run, exact) if run is not None else exact
            if run is None:  # too many strings: start again from this part
                run = exact
            best = _better(best, run)
            if len(exact) > 1 or len(run) > 1:  # (one string each: the run is the better)
                best = _better(best, exact)
            continue
        run = {""}
        name = str(op)
        if name == "SUBPATTERN":
            best = _better(best, _required(av[3]))
        elif name == "ATOMIC_GROUP":
            best = _better(best, _required(av))
        elif name in _REPEATS and av[0] >= 1:
            best = _better(best, _required(av[2]))
        elif name == "BRANCH":
            union: set[str] = set()
            for branch in av[1]:
                found = _required(branch)
                if not found or "" in found:
                    break
                union |= found
            else:
                best = _better(best, union if len(union) <= _MAX_STRINGS else None)
    return best


def _join(a: set[str], b: set[str]) -> set[str] | None:
    joined = _product(a, b)
    return joined if len(joined) <= _MAX_STRINGS else None


def _product(a: set[str], b: set[str]) -> set[str]:
    """Every string of `a` followed by one of `b`. Most parts are one literal: those cases
    skip the pairs (the analyses run over every trap when the reader starts). The sets are
    never changed once made: `a` itself may be the answer."""
    if len(b) == 1:
        (y,) = b
        return {x + y for x in a} if y else a
    if len(a) == 1:
        (x,) = a
        return {x + y for y in b}
    return {x + y for x, y in product(a, b)}


def _exact(op: Any, av: Any) -> set[str] | None:
    """The few strings one part of a pattern matches, or None (many, or unknown)."""
    name = str(op)
    if name == "LITERAL":
        return {chr(av)}
    if name in ("ASSERT", "ASSERT_NOT", "AT"):
        return {""}  # reads, consumes nothing: the parts around it are adjacent
    if name == "IN":
        chars: set[str] = set()
        for item_op, item_av in av:
            kind = str(item_op)
            if kind == "LITERAL":
                chars.add(chr(item_av))
            elif kind == "RANGE" and item_av[1] - item_av[0] < _MAX_STRINGS:
                chars.update(map(chr, range(item_av[0], item_av[1] + 1)))
            else:
                return None  # a category or a negated set: many characters
        return chars if len(chars) <= _MAX_STRINGS else None
    if name == "SUBPATTERN":
        if av[1] or av[2]:
            raise _Unknown  # inline flags
        return _exact_sequence(av[3])
    if name == "BRANCH":
        union: set[str] = set()
        for branch in av[1]:
            found = _exact_sequence(branch)
            if found is None:
                return None
            union |= found
        return union if len(union) <= _MAX_STRINGS else None
    if name in _REPEATS and av[1] <= 3:
        item = _exact_sequence(av[2])
        if item is None:
            return None
        strings: set[str] = set()
        for count in range(av[0], av[1] + 1):
            repeated: set[str] | None = {""}
            for _ in range(count):
                repeated = _join(repeated, item) if repeated is not None else None
            if repeated is None:
                return None
            strings |= repeated
        return strings if len(strings) <= _MAX_STRINGS else None
    return None


def _exact_sequence(tree: Any) -> set[str] | None:
    strings: set[str] | None = {""}
    for op, av in tree:
        exact = _exact(op, av)
        if exact is None or strings is None:
            return None
        strings = _join(strings, exact)
    return strings


# Past this many opening strings the set is cut to the shorter ones it was built from.
_MAX_OPENINGS = 64


@cache
def opening_strings(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """Non-empty strings one of which every match of `pattern` starts with (so a match can
    only start where one occurs); () when the structure shows none."""
    if pattern.flags & re.IGNORECASE:
        return ()  # its literals match other cases too
    try:
        found = _openings(_parsed(pattern))
    except Exception:  # _Unknown, or a parser that is not the one this reads (see above)
        return ()
    return tuple(sorted(found)) if found and "" not in found else ()


def _openings(tree: Any) -> set[str]:
    """Strings one of which every match of the sequence `tree` starts with ("" among them:
    some match may start with anything)."""
    strings: set[str] = {""}
    for op, av in tree:
        exact = _exact(op, av)  # zero-width parts (look-arounds, \b) are {""}: skipped
        if exact is None:
            # The first part that is not a few exact strings: its own openings end the set.
            name = str(op)
            sub: set[str] = {""}
            if name == "SUBPATTERN":
                if av[1] or av[2]:
                    raise _Unknown  # inline flags
                sub = _openings(av[3])
            elif name == "ATOMIC_GROUP":
                sub = _openings(av)
            elif name in _REPEATS and av[0] >= 1:
                sub = _openings(av[2])
            elif name == "BRANCH":
                sub = set().union(*map(_openings, av[1]))
            return _join_openings(strings, sub) or strings
        joined = _join_openings(strings, exact)
        if joined is None:
            return strings  # too many: the strings so far are the openings (no part skipped)
        strings = joined
    return strings


def _join_openings(a: set[str], b: set[str]) -> set[str] | None:
    """Every string of `a` followed by one of `b`; None when that would be too many."""
    joined = _product(a, b)
    return joined if len(joined) <= _MAX_OPENINGS else None


@cache
def reach(pattern: re.Pattern[str]) -> int | None:
    """How many characters from where an attempt starts it may read, at most: the widest
    match plus what its lookaheads and position tests read past it, plus one (as
    consumed_run's). None when unbounded, beyond this analysis, or when the pattern can
    match the empty string."""
    try:
        tree = _parsed(pattern)
        narrowest, widest = (int(w) for w in tree.getwidth())
        if narrowest == 0 or widest >= _sre_parse.MAXWIDTH:
            return None
        return widest + _walk(tree, []) + 2
    except Exception:  # _Unknown, or a parser that is not the one this reads (see above)
        return None


@cache
def digit_heads(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """() unless every match of `pattern` starts with a digit; then regexes one of which
    matches where every match starts: its first character's class with the look-behinds
    around it ("\\d(?<![\\d.,]\\d)"), rebuilt from the parse. A head may leave out some of the
    pattern's conditions (a construct it does not rebuild): it is only ever weaker."""
    try:
        heads = _heads(_parsed(pattern))
    except Exception:  # _Unknown, or a parser that is not the one this reads (see above)
        return ()
    return tuple(sorted(set(heads))) if heads else ()


def _heads(tree: Any) -> list[str] | None:
    """The heads of the sequence `tree` (see digit_heads), None when some match may start
    with something else than a digit."""
    before: list[str] = []  # look-behinds ahead of the first character
    items = list(tree)
    for i, (op, av) in enumerate(items):
        name = str(op)
        if name == "ASSERT_NOT" or name == "ASSERT":
            before.append(_lookbehind(name, av))
            continue
        if name == "BRANCH":
            found = [_heads(branch) for branch in av[1]]
            if any(h is None for h in found):
                return None
            return ["".join(before) + h for hs in found if hs is not None for h in hs]
        if name == "SUBPATTERN":
            if av[1] or av[2]:
                raise _Unknown  # inline flags
            sub = _heads(av[3])
            return None if sub is None else ["".join(before) + h for h in sub]
        if name in _REPEATS and av[0] >= 1:
            sub = _heads(av[2])
            return None if sub is None else ["".join(before) + h for h in sub]
        first = _digit_class(op, av)
        if first is None:
            return None
        # Then the literals, sets and look-behinds right after it, up to anything else:
        # "24(?<![\d.,]24)", most often the check of a number's start ("\d(?<![\d.,]\d)").
        after: list[str] = []
        for later_op, later_av in items[i + 1 :]:
            later = str(later_op)
            if later in ("ASSERT_NOT", "ASSERT"):
                after.append(_lookbehind(later, later_av))
            elif later == "LITERAL":
                after.append(f"\\U{later_av:08x}")
            elif later == "IN":
                after.append(_class(later_av))
            else:
                break
        return ["".join(before) + first + "".join(after)]
    return None  # nothing consumed: the empty string matches


def _digit_class(op: Any, av: Any) -> str | None:
    """The part as a regex when it consumes one character and only digits, else None."""
    name = str(op)
    if name == "LITERAL":
        return f"\\U{av:08x}" if chr(av).isdecimal() else None
    if name != "IN":
        return None
    for item_op, item_av in av:
        kind = str(item_op)
        if kind == "LITERAL" and chr(item_av).isdecimal():
            continue
        if kind == "RANGE" and ord("0") <= item_av[0] and item_av[1] <= ord("9"):
            continue
        if kind == "CATEGORY" and str(item_av) == "CATEGORY_DIGIT":
            continue
        return None  # a negated set, a letter, another category
    return _class(av)


def _lookbehind(name: str, av: Any) -> str:
    """A look-behind of literals and sets, rebuilt; "" for anything else (a lookahead, a
    position test, other contents): leaving a condition out keeps a head necessary."""
    direction, sub = av
    if direction != -1:
        return ""
    parts: list[str] = []
    for op, item in sub:
        if str(op) == "LITERAL":
            parts.append(f"\\U{item:08x}")
        elif str(op) == "IN":
            parts.append(_class(item))
        else:
            return ""
    return ("(?<!" if name == "ASSERT_NOT" else "(?<=") + "".join(parts) + ")"
