"""Evaluate one target against one result: status, % of target, % change, a Vietnamese reason.

Pure functions over the frozen dataclasses of `chitieu.model`. The rules are written out, with
worked examples that a test runs, in docs/evaluation.md; keep the two in step.

Comparisons that decide a status are exact: Decimals are turned into Fractions, so a change
computed from a baseline (4 against 3 is +33,333…%) is compared as the exact quotient, never a
rounded one, and a result exactly at the target is "achieved", never "exceeded by 0,0000001".
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction

from chitieu.evaluate.wording import describe_actual, describe_target, reason_text
from chitieu.model import Comparator, Direction, Evaluation, Kind, Result, Status, Target
from chitieu.numbers import format_percent

# "khoảng X" accepts X ± 5 % of |X|: "khoảng 60%" is met by 57–63%. The bulk evaluator
# relies on this being 1/n for an integer n (see bulk.py), so keep it a unit fraction.
ABOUT_TOLERANCE = Fraction(1, 20)

# Computed percentages (% of target, % change) are rounded half-up to this many places for
# display; statuses never depend on the rounding.
PERCENT_PLACES = 2

HUNDRED = Fraction(100)

# A stated % of target further than this from the computed one gets a note: sources round,
# but a larger gap means another basis ("dự toán tỉnh giao") or a wrong figure.
PERCENT_NOTE_GAP = Decimal("0.5")


def evaluate(target: Target, result: Result | None) -> Evaluation:
    """The verdict on `target` given `result` (None: nothing reported yet -> PENDING)."""
    if result is None:
        return Evaluation(target, None, Status.PENDING, reason=reason_text("no_result"))
    change = _change_percent(result)
    notes: list[str] = []
    if target.is_qualitative:
        status = result.declared_status or Status.PENDING
        key = "qualitative" if result.declared_status else "qualitative_pending"
        return _done(target, result, status, result.percent_of_target, change, key, {}, notes)

    actual = _actual(target, result)
    lo, hi = _bounds(target.comparator, target.value, target.value_max)
    if actual is not None:
        status = decide(target.comparator, target.direction, actual, lo, hi)
        percent = percent_of_target(target, actual)
        stated = result.percent_of_target
        if percent is None:
            percent = stated
        elif stated is not None and abs(percent - stated) > PERCENT_NOTE_GAP:
            notes.append(
                reason_text(
                    "percent_differs",
                    stated=format_percent(stated),
                    computed=format_percent(percent),
                )
            )
        if result.declared_status is not None and result.declared_status is not status:
            notes.append(reason_text("declared_differs", declared=result.declared_status.label_vi))
        if target.kind is Kind.LEVEL and _unit_key(result.unit) not in ("", _unit_key(target.unit)):
            notes.append(
                reason_text("unit_differs", result_unit=result.unit or "", unit=target.unit or "")
            )
        words = {
            "actual": describe_actual(target, _actual_display(target, result, actual)),
            "target": describe_target(target),
        }
        return _done(target, result, status, percent, change, "numeric", words, notes)

    if result.percent_of_target is not None:
        status = decide_percent_only(target, Fraction(result.percent_of_target))
        words = {"percent": format_percent(result.percent_of_target)}
        return _done(
            target, result, status, result.percent_of_target, change, "percent", words, notes
        )

    if result.declared_status is not None:
        status = result.declared_status
        return _done(target, result, status, None, change, "declared", {}, notes)

    key = "missing_baseline" if target.kind is Kind.CHANGE else "missing_value"
    return _done(target, result, Status.PENDING, None, change, key, {}, notes)


def evaluate_many(pairs: Iterable[tuple[Target, Result | None]]) -> list[Evaluation]:
    """`evaluate` over (target, result) pairs, in order. For a million rows use bulk.py."""
    return [evaluate(target, result) for target, result in pairs]


def decide(
    comparator: Comparator, direction: Direction, actual: Fraction, lo: Fraction, hi: Fraction
) -> Status:
    """The status of `actual` against the band [lo, hi] of a target.

    ">=" and "<=" carry their own better side (the text said which side is acceptable), so the
    indicator's direction is not consulted: strictly beyond the bound is EXCEEDED, exactly on it
    ACHIEVED. "=", "~" and a range are symmetric: inside the band is ACHIEVED, beyond it on the
    indicator's better side EXCEEDED, anything else (incl. either side of a neutral one) NOT."""
    if comparator is Comparator.AT_LEAST:
        return _by_sign(actual - lo)
    if comparator is Comparator.AT_MOST:
        return _by_sign(hi - actual)
    if actual > hi:
        return Status.EXCEEDED if direction is Direction.HIGHER else Status.NOT_ACHIEVED
    if actual < lo:
        return Status.EXCEEDED if direction is Direction.LOWER else Status.NOT_ACHIEVED
    return Status.ACHIEVED


def decide_percent_only(target: Target, percent: Fraction) -> Status:
    """A result stated only as "đạt X% so với nghị quyết": X is an achievement ratio, 100 is
    the target exactly and more is better (sources write it so for every indicator).

    Over 100 EXCEEDED, 100 ACHIEVED, under 100 NOT_ACHIEVED; a "khoảng" target keeps its
    tolerance around 100 (95–105 achieved), and for a neutral indicator leaving that band
    either way is NOT_ACHIEVED."""
    if target.comparator is Comparator.ABOUT:
        lo, hi = _bounds(Comparator.ABOUT, Decimal(100), None)
        neutral = target.direction is Direction.NEUTRAL
        return decide(
            Comparator.ABOUT,
            Direction.NEUTRAL if neutral else Direction.HIGHER,
            percent,
            lo,
            hi,
        )
    return _by_sign(percent - HUNDRED)


def percent_of_target(target: Target, actual: Fraction) -> Decimal | None:
    """% of target, defined so that more than 100 is always better than the target.

    Higher-is-better: actual / target x 100. Lower-is-better ("<=", or a symmetric target on a
    lower-is-better indicator): target / actual x 100, so 0,5% poverty against 0,63% gives
    126%. When both numbers are negative (a "giảm" change target) the ratio of their sizes is
    taken the same way round ("giảm 7%" against "giảm ít nhất 5%" is 140%). Undefined (None)
    when one of them is zero or they have opposite signs, except that equal numbers are 100%."""
    if target.value is None:
        return None
    comparator, direction = target.comparator, target.direction
    value, value_max = Fraction(target.value), Fraction(target.value_max or 0)
    higher = True
    ref = value
    if comparator is Comparator.AT_MOST:
        higher = False
    elif comparator is Comparator.RANGE:
        if direction is Direction.LOWER:
            higher, ref = False, value_max
        elif direction is Direction.NEUTRAL:
            ref = (value + value_max) / 2
    elif comparator is not Comparator.AT_LEAST:
        higher = direction is not Direction.LOWER
    if actual == ref:
        return _quantize(HUNDRED)
    if actual == 0 or ref == 0 or (actual > 0) != (ref > 0):
        return None
    ratio = actual / ref if higher != (actual < 0) else ref / actual
    return _quantize(ratio * HUNDRED)


def band(
    comparator: Comparator, value: Decimal | None, value_max: Decimal | None
) -> tuple[Fraction, Fraction]:
    """The [lo, hi] a result is compared with (public for the bulk evaluator's tests)."""
    return _bounds(comparator, value, value_max)


def _bounds(
    comparator: Comparator, value: Decimal | None, value_max: Decimal | None
) -> tuple[Fraction, Fraction]:
    v = Fraction(value) if value is not None else Fraction(0)
    if comparator is Comparator.RANGE:
        return v, Fraction(value_max) if value_max is not None else v
    if comparator is Comparator.ABOUT:
        tolerance = abs(v) * ABOUT_TOLERANCE
        return v - tolerance, v + tolerance
    return v, v


def _actual(target: Target, result: Result) -> Fraction | None:
    """The number a status is decided on: the value for a level target; for a change target
    the change the source states, else the change computed from value and previous value."""
    if target.kind is Kind.LEVEL:
        return Fraction(result.value) if result.value is not None else None
    if result.change_percent is not None:
        return Fraction(result.change_percent)
    return _computed_change(result)


def _actual_display(target: Target, result: Result, actual: Fraction) -> Decimal:
    """The actual number as the source wrote it, or rounded when we computed it."""
    if target.kind is Kind.LEVEL and result.value is not None:
        return result.value
    if target.kind is Kind.CHANGE and result.change_percent is not None:
        return result.change_percent
    return _quantize(actual)


def _computed_change(result: Result) -> Fraction | None:
    if result.value is None or result.previous_value is None or result.previous_value == 0:
        return None
    previous = Fraction(result.previous_value)
    return (Fraction(result.value) - previous) * HUNDRED / abs(previous)


def _change_percent(result: Result) -> Decimal | None:
    if result.change_percent is not None:
        return result.change_percent
    computed = _computed_change(result)
    return None if computed is None else _quantize(computed)


def _unit_key(unit: str | None) -> str:
    """Units compared loosely: case and spacing differ between sources ("%/ năm", "%/năm")."""
    return "".join((unit or "").split()).casefold()


def _by_sign(margin: Fraction) -> Status:
    if margin > 0:
        return Status.EXCEEDED
    if margin == 0:
        return Status.ACHIEVED
    return Status.NOT_ACHIEVED


def _quantize(x: Fraction) -> Decimal:
    """x rounded half-up (away from zero) to PERCENT_PLACES, exactly at any magnitude (a
    Decimal division would round at 28 digits first and fail to quantize huge ratios)."""
    units = math.floor(abs(x) * 10**PERCENT_PLACES + Fraction(1, 2))
    sign = "-" if x < 0 and units else ""
    return Decimal(f"{sign}{units}E-{PERCENT_PLACES}")


def _done(
    target: Target,
    result: Result,
    status: Status,
    percent: Decimal | None,
    change: Decimal | None,
    key: str,
    words: dict[str, str],
    notes: list[str],
) -> Evaluation:
    reason = reason_text(key, status=status.label_vi.lower(), **words)
    if result.estimated:
        reason += reason_text("estimated_suffix")
    return Evaluation(
        target,
        result,
        status,
        percent_of_target=percent,
        change_percent=change,
        reason=reason,
        notes=tuple(notes),
    )
