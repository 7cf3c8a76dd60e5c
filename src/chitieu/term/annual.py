"""Annual targets derived from a term target: what the next year must bring to stay on track.

Resolutions set yearly targets that serve the congress targets; this gives the yearly figure a
term target implies after the years already reported, as an ordinary `Target` that
`chitieu.evaluate` can judge when the year's result comes in.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from chitieu.model import Comparator, Direction, Kind, Period, Target
from chitieu.numbers import quantize
from chitieu.term.assess import PLACES, assess_term
from chitieu.term.model import TermError, TermKind, TermTarget


def implied_annual_target(target: TermTarget, results: Mapping[int, Decimal], year: int) -> Target:
    """The target for `year` that keeps `target` on track, given results before `year`:

    - TOTAL: at least the remaining amount spread evenly over the remaining years (a cap:
      at most the remaining allowance per year);
    - END_LEVEL: the level on a straight line from the latest level to the target;
    - AVERAGE_GROWTH: a change of at least the remaining average growth (at most, for a decline).

    Once the term target is secured, the yearly target is to hold it (total: nothing more
    needed is not a target, so the term's average amount is used)."""
    if not target.start_year < year <= target.end_year:
        raise TermError(f"năm {year} không thuộc nhiệm kỳ {target.start_year}–{target.end_year}")
    before = {y: v for y, v in results.items() if y < year}
    assessment = assess_term(target, before)
    remaining = target.end_year - year + 1
    lower = target.direction is Direction.LOWER
    period = Period.year_of(year)
    name = f"{target.name} (năm {year}, theo chỉ tiêu nhiệm kỳ)"
    if target.kind is TermKind.TOTAL:
        done = assessment.achieved or Decimal(0)
        value = max(target.value - done, Decimal(0)) / remaining
        if value == 0 and not lower:
            value = target.value / target.years
        comparator = Comparator.AT_MOST if lower else Comparator.AT_LEAST
        return Target(name, Kind.LEVEL, comparator, quantize(value, PLACES), unit=target.unit,
                      direction=target.direction, period=period, code=target.code)  # fmt: skip
    if target.kind is TermKind.END_LEVEL:
        latest = before[max(before)] if before else target.baseline
        if latest is None:
            raise TermError(f"chỉ tiêu {target.name!r}: chưa có mức gốc hay số liệu năm nào")
        step = (target.value - latest) / remaining
        better_down = lower or (target.direction is Direction.NEUTRAL and step < 0)
        value = target.value if assessment.secured else latest + step
        comparator = Comparator.AT_MOST if better_down else Comparator.AT_LEAST
        return Target(name, Kind.LEVEL, comparator, quantize(value, PLACES), unit=target.unit,
                      direction=target.direction, period=period, code=target.code)  # fmt: skip
    needed = assessment.per_year_needed
    if needed is not None:
        rate = -needed if lower else needed  # per_year_needed is oriented: positive is better
    elif assessment.secured:
        rate = Decimal(0)  # already there: hold it
    else:
        rate = target.value  # nothing reported yet: the term's own average
    comparator = Comparator.AT_MOST if lower else Comparator.AT_LEAST
    return Target(name, Kind.CHANGE, comparator, quantize(rate, PLACES), unit="%",
                  basis=f"năm {year - 1}", direction=target.direction, period=period,
                  code=target.code)  # fmt: skip
