"""A headline that repeats a figure of the article under it is not a second item."""

from __future__ import annotations

import re
from functools import lru_cache

from chitieu.text.items import ExtractedResult, ExtractedTarget
from chitieu.text.normalize import fold

# A headline is the first line of a text that goes on for at least a short paragraph.
_MIN_BODY = 80
_WORD = re.compile(r"\w+")


# Names recur across items and texts: each is read once (a bounded cache).
@lru_cache(maxsize=20_000)
def _words(name: str) -> frozenset[str]:
    return frozenset(_WORD.findall(fold(name)))


def drop_headline_echoes(
    text: str, targets: list[ExtractedTarget], results: list[ExtractedResult]
) -> tuple[list[ExtractedTarget], list[ExtractedResult]]:
    """ "Hội LHPN tỉnh X: Năm 2026 phát triển mới 4.120 hội viên" above "… các cấp Hội phát
    triển mới 4.120 hội viên, …": the headline's figure (read as a target or a result, its
    sentence has no cue) is the body's result; keep the body's, which has its context."""
    end = text.find("\n")
    if end < 0 or len(text) - end < _MIN_BODY:
        return targets, results
    # Only an item within the headline can echo one below it: most headlines hold none (no
    # figure, or one the reader skipped), and then no name of the body is read.
    if not any(t.span[1] <= end for t in targets) and not any(
        r.span[1] <= end and r.value is not None for r in results
    ):
        return targets, results
    body = [
        (r.value, r.unit, _words(r.name))
        for r in results
        if r.span[0] > end and r.value is not None
    ]
    # "Xã X: Phấn đấu năm 2027 có thêm 2 thôn …" above the same target in the body.
    body_targets = [
        (t.kind, t.comparator, t.value, t.value_max, t.unit, _words(t.name))
        for t in targets
        if t.span[0] > end
    ]
    if not body and not body_targets:
        return targets, results

    def echoed(span: tuple[int, int], value: object, unit: str | None, name: str) -> bool:
        if span[1] > end or value is None:
            return False
        words = _words(name)
        return any(v == value and u == unit and words & w for v, u, w in body)

    def target_echoed(t: ExtractedTarget) -> bool:
        if t.span[1] > end:
            return False
        key = (t.kind, t.comparator, t.value, t.value_max, t.unit)
        words = _words(t.name)
        return echoed(t.span, t.value, t.unit, t.name) or any(
            b[:5] == key and words & b[5] for b in body_targets
        )

    return (
        [t for t in targets if not target_echoed(t)],
        [r for r in results if not echoed(r.span, r.value, r.unit, r.name)],
    )
