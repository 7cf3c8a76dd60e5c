"""Term targets (chỉ tiêu nhiệm kỳ): progress to date and whether the term is on track.

Three kinds of targets are set by congress resolutions for a five-year term:

- END_LEVEL: a level to reach by the last year ("đến năm 2025 tỷ lệ hộ nghèo dưới 1%");
- TOTAL: an amount summed over the term ("giải quyết việc làm cho 5.000 lao động trong 5 năm");
- AVERAGE_GROWTH: a compound average yearly growth ("tăng trưởng bình quân 8%/năm", CAGR).

For each we compare what has been achieved per year so far with what is needed per year in the
remaining years (the "anticipated progress" idea of SDG progress assessments): the pace ratio
achieved / needed decides ON_TRACK, AT_RISK or OFF_TRACK. The rule and its worked examples are
in docs/term-and-forecast.md, whose table a test runs: keep the two in step.

Decimal arithmetic throughout; the exact parts (totals, levels) go through Fraction so that a
pace exactly equal to the need is on track, never "99,9999%".
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, localcontext
from fractions import Fraction

from chitieu.model import Direction
from chitieu.numbers import format_percent, quantize
from chitieu.term.model import TermAssessment, TermError, TermKind, TermStatus, TermTarget
from chitieu.term.wording import REASONS, format_pace

# Achieving at least this share of the needed yearly pace is "at risk", below it "off track".
# 0,8: the remaining years would need at most a quarter more effort per year than so far,
# which a locality can plausibly find; more than that has rarely been caught up.
AT_RISK_RATIO = Fraction(4, 5)

# Displayed figures (progress %, yearly amounts) are rounded half-up to this many places.
PLACES = 2

# Growth rates come out of fractional powers; they are compared after rounding to this many
# places so that an exact 8%/year pace is not judged short by a last-digit error.
_GROWTH_PLACES = 12


def assess_term(target: TermTarget, results: Mapping[int, Decimal]) -> TermAssessment:
    """Assess `target` from yearly results {year: value}: levels for END_LEVEL, yearly amounts
    for TOTAL, yearly growth rates in % for AVERAGE_GROWTH (as reports state them; see
    `growth_rates` to compute them from levels). Years outside the term are ignored."""
    years = sorted(y for y in results if target.start_year < y <= target.end_year)
    if not years:
        return TermAssessment(target, TermStatus.NOT_ASSESSED, reason=REASONS["no_data"])
    if target.kind is TermKind.END_LEVEL:
        return _assess_level(target, results, years)
    missing = [y for y in range(target.start_year + 1, years[-1] + 1) if y not in results]
    if missing:
        raise TermError(
            f"chỉ tiêu {target.name!r}: thiếu số liệu năm "
            + ", ".join(str(y) for y in missing)
            + " (chỉ tiêu cộng dồn hoặc bình quân cần đủ các năm đã qua)"
        )
    if target.kind is TermKind.TOTAL:
        return _assess_total(target, results, years)
    return _assess_growth(target, results, years)


def growth_rates(
    baseline: Decimal, levels: Mapping[int, Decimal], first_year: int
) -> dict[int, Decimal]:
    """Yearly growth rates in % from levels, `baseline` being the level of first_year − 1."""
    rates: dict[int, Decimal] = {}
    previous = baseline
    year = first_year
    while year in levels:
        if previous == 0:
            raise TermError(f"không tính được tốc độ tăng năm {year}: năm trước bằng 0")
        rates[year] = (levels[year] - previous) * 100 / previous
        previous = levels[year]
        year += 1
    return rates


def _assess_level(
    target: TermTarget, results: Mapping[int, Decimal], years: list[int]
) -> TermAssessment:
    latest_year = years[-1]
    latest = Fraction(results[latest_year])
    goal = Fraction(target.value)
    # The baseline year's own figure, when reported, is as good as a declared baseline.
    baseline = target.baseline if target.baseline is not None else results.get(target.start_year)
    if baseline is not None:
        base_year, base = target.start_year, Fraction(baseline)
    elif len(years) >= 2:
        base_year, base = years[0], Fraction(results[years[0]])
    else:
        return _not_assessed(target, latest_year, "level_one_point")
    sign = _sign(target.direction, goal - base)
    elapsed, remaining = latest_year - target.start_year, target.end_year - latest_year
    span = goal - base
    progress = (latest - base) / span * 100 if span else None
    expected = Fraction(latest_year - base_year, target.end_year - base_year) * 100
    achieved_pace = sign * (latest - base) / (latest_year - base_year)
    gap = sign * (goal - latest)  # > 0: still to go
    secured = gap <= 0
    needed = gap / remaining if remaining and not secured else None
    return _decide(
        target,
        latest_year=latest_year,
        elapsed=elapsed,
        remaining=remaining,
        achieved=results[latest_year],
        progress=progress,
        expected=expected,
        pace=achieved_pace,
        needed=needed,
        secured=secured,
    )


def _assess_total(
    target: TermTarget, results: Mapping[int, Decimal], years: list[int]
) -> TermAssessment:
    latest_year = years[-1]
    elapsed, remaining = latest_year - target.start_year, target.end_year - latest_year
    done = sum((Fraction(results[y]) for y in years), Fraction(0))
    goal = Fraction(target.value)
    progress = done / goal * 100 if goal else None
    expected = Fraction(elapsed, target.years) * 100
    used = done / elapsed
    if target.direction is Direction.LOWER:
        # A cap over the term ("không quá 100 vụ trong 5 năm"): the "pace" is how much of the
        # cap may still be used per year against how much has been used per year so far.
        left = goal - done
        if remaining == 0 or left < 0:
            return _decide(
                target, latest_year=latest_year, elapsed=elapsed, remaining=remaining,
                achieved=_dec(done), progress=progress, expected=expected,
                pace=None, needed=None, secured=left >= 0, breached=left < 0,
            )  # fmt: skip
        allowed = left / remaining
        ratio = allowed / used if used else None
        return _decide(
            target, latest_year=latest_year, elapsed=elapsed, remaining=remaining,
            achieved=_dec(done), progress=progress, expected=expected,
            pace=used, needed=allowed, secured=used == 0, ratio=ratio,
        )  # fmt: skip
    gap = goal - done
    secured = gap <= 0
    needed = gap / remaining if remaining and not secured else None
    return _decide(
        target, latest_year=latest_year, elapsed=elapsed, remaining=remaining,
        achieved=_dec(done), progress=progress, expected=expected,
        pace=used, needed=needed, secured=secured,
    )  # fmt: skip


def _assess_growth(
    target: TermTarget, results: Mapping[int, Decimal], years: list[int]
) -> TermAssessment:
    latest_year = years[-1]
    elapsed, remaining = latest_year - target.start_year, target.end_year - latest_year
    with localcontext(prec=40):
        factor = Decimal(1)
        for y in years:
            factor *= 1 + results[y] / 100
        if factor <= 0:
            raise TermError(
                f"chỉ tiêu {target.name!r}: tốc độ tăng năm nào đó không hợp lệ (≤ −100%)"
            )
        goal_factor = (1 + target.value / 100) ** target.years
        achieved_rate = (factor ** (Decimal(1) / elapsed) - 1) * 100
        progress = (factor - 1) / (goal_factor - 1) * 100 if goal_factor != 1 else None
        expected_factor = (1 + target.value / 100) ** elapsed
        expected = (expected_factor - 1) / (goal_factor - 1) * 100 if goal_factor != 1 else None
        sign = _sign(target.direction, target.value)
        still = goal_factor / factor
        needed_rate = (still ** (Decimal(1) / remaining) - 1) * 100 if remaining else None
    achieved_rate = quantize(achieved_rate, _GROWTH_PLACES)
    pace = Fraction(sign * achieved_rate)
    secured = sign * (still - 1) <= 0
    needed = None
    if needed_rate is not None and not secured:
        needed = Fraction(sign * quantize(needed_rate, _GROWTH_PLACES))
    return _decide(
        target, latest_year=latest_year, elapsed=elapsed, remaining=remaining,
        achieved=_dec(achieved_rate), progress=None if progress is None else Fraction(progress),
        expected=None if expected is None else Fraction(expected),
        pace=pace, needed=needed, secured=secured,
    )  # fmt: skip


def _decide(
    target: TermTarget,
    *,
    latest_year: int,
    elapsed: int,
    remaining: int,
    achieved: Decimal,
    progress: Fraction | None,
    expected: Fraction | None,
    pace: Fraction | None,
    needed: Fraction | None,
    secured: bool,
    ratio: Fraction | None = None,
    breached: bool = False,
) -> TermAssessment:
    """The status rule of docs/term-and-forecast.md §1.3, in its order."""
    if ratio is None and pace is not None and needed is not None and needed > 0:
        ratio = pace / needed
    if breached:
        status, key = TermStatus.OFF_TRACK, "breached"
    elif remaining == 0:
        status, key = (TermStatus.ON_TRACK, "met") if secured else (TermStatus.OFF_TRACK, "missed")
    elif secured:
        status, key = TermStatus.ON_TRACK, "secured"
    elif ratio is None:
        status, key = TermStatus.OFF_TRACK, "no_progress"
    elif ratio >= 1:
        status, key = TermStatus.ON_TRACK, "pace_ok"
    elif ratio >= AT_RISK_RATIO:
        status, key = TermStatus.AT_RISK, "pace_short"
    else:
        status, key = TermStatus.OFF_TRACK, "pace_far"
    if target.kind is TermKind.TOTAL and target.direction is Direction.LOWER and key in _CAP_KEYS:
        key = "cap_" + key  # a cap is "allowed", not "needed": its own wording
    words = {
        "year": str(latest_year),
        "remaining": str(remaining),
        "pace": "—" if pace is None else format_pace(_dec(pace), target),
        "needed": "—" if needed is None else format_pace(_dec(needed), target),
        "ratio": "—" if ratio is None else format_percent(_dec(ratio * 100)),
    }
    return TermAssessment(
        target,
        status,
        latest_year=latest_year,
        years_elapsed=elapsed,
        years_remaining=remaining,
        achieved=achieved,
        progress_percent=None if progress is None else _dec(progress),
        expected_percent=None if expected is None else _dec(expected),
        per_year_achieved=None if pace is None else _dec(pace),
        per_year_needed=None if needed is None else _dec(needed),
        pace_percent=None if ratio is None else _dec(ratio * 100),
        secured=secured,
        reason=REASONS[key].format(**words),
    )


_CAP_KEYS = frozenset({"met", "secured", "pace_ok", "pace_short", "pace_far"})


def _not_assessed(target: TermTarget, latest_year: int, key: str) -> TermAssessment:
    return TermAssessment(
        target,
        TermStatus.NOT_ASSESSED,
        latest_year=latest_year,
        years_elapsed=latest_year - target.start_year,
        years_remaining=target.end_year - latest_year,
        reason=REASONS[key],
    )


def _sign(direction: Direction, towards: Fraction | Decimal) -> int:
    """+1 when up is better, −1 when down is; a neutral indicator goes towards its target."""
    if direction is Direction.HIGHER:
        return 1
    if direction is Direction.LOWER:
        return -1
    return -1 if towards < 0 else 1


def _dec(x: Fraction | Decimal) -> Decimal:
    if isinstance(x, Decimal):
        return quantize(x, PLACES)
    units = (abs(x) * 10**PLACES + Fraction(1, 2)).__floor__()
    sign = "-" if x < 0 and units else ""
    return Decimal(f"{sign}{units}E-{PLACES}")
