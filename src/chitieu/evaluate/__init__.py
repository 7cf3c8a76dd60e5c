"""Pure evaluation: a target and its result -> status, % of target, % change and the reason.

`evaluate` / `evaluate_many` work on the domain objects; `chitieu.evaluate.bulk` evaluates
columns of a million rows at once with the same rules (it imports numpy, so it is not
imported here). The rules, with worked examples, are in docs/evaluation.md."""

from __future__ import annotations

from chitieu.evaluate.rules import (
    ABOUT_TOLERANCE,
    PERCENT_PLACES,
    band,
    decide,
    decide_percent_only,
    evaluate,
    evaluate_many,
    percent_of_target,
)

__all__ = [
    "ABOUT_TOLERANCE",
    "PERCENT_PLACES",
    "band",
    "decide",
    "decide_percent_only",
    "evaluate",
    "evaluate_many",
    "percent_of_target",
]
