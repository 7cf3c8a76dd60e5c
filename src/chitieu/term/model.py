"""Term targets (chỉ tiêu nhiệm kỳ) and their assessment: the data, no rules.

See `chitieu.term.assess` for the rules and docs/term-and-forecast.md §1 for the rulebook.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from chitieu.model import Direction, Period, PeriodKind


class TermKind(StrEnum):
    END_LEVEL = "end_level"  # đến năm 2025 đạt mức …
    TOTAL = "total"  # tổng cộng trong nhiệm kỳ …
    AVERAGE_GROWTH = "average_growth"  # bình quân …%/năm (kép)

    @property
    def label_vi(self) -> str:
        return TERM_KIND_LABELS_VI[self]


TERM_KIND_LABELS_VI: dict[TermKind, str] = {
    TermKind.END_LEVEL: "Mức đến cuối nhiệm kỳ",
    TermKind.TOTAL: "Tổng cả nhiệm kỳ",
    TermKind.AVERAGE_GROWTH: "Tăng bình quân hằng năm",
}


class TermStatus(StrEnum):
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    NOT_ASSESSED = "not_assessed"

    @property
    def label_vi(self) -> str:
        return TERM_STATUS_LABELS_VI[self]


TERM_STATUS_LABELS_VI: dict[TermStatus, str] = {
    TermStatus.ON_TRACK: "đúng tiến độ",
    TermStatus.AT_RISK: "có nguy cơ",
    TermStatus.OFF_TRACK: "chậm tiến độ",
    TermStatus.NOT_ASSESSED: "chưa đủ số liệu",
}


class TermError(ValueError):
    """A term target or its results that cannot be assessed; the message says why."""


@dataclass(frozen=True)
class TermTarget:
    """A target for a term. The term `start_year`–`end_year` (as in "nhiệm kỳ 2020–2025") covers
    the years start_year+1 .. end_year; start_year is the baseline year ("so với năm 2020").

    `value`: the level to reach (END_LEVEL), the amount over the term (TOTAL) or the average
    yearly growth in % (AVERAGE_GROWTH; negative for "giảm bình quân 5%/năm" with direction
    LOWER). `baseline`: the level in start_year, used by END_LEVEL (optional: without it the
    first reported year serves as the starting point)."""

    name: str
    kind: TermKind
    start_year: int
    end_year: int
    value: Decimal
    direction: Direction = Direction.HIGHER
    baseline: Decimal | None = None
    unit: str | None = None
    code: str = ""

    def __post_init__(self) -> None:
        if self.end_year <= self.start_year:
            raise TermError(f"chỉ tiêu {self.name!r}: năm cuối nhiệm kỳ phải sau năm đầu")
        if self.kind is TermKind.TOTAL and self.direction is Direction.NEUTRAL:
            raise TermError(
                f"chỉ tiêu {self.name!r}: chỉ tiêu tổng cả nhiệm kỳ cần chiều tốt (tăng hoặc giảm)"
            )
        if self.kind is TermKind.AVERAGE_GROWTH and self.value <= -100:
            raise TermError(f"chỉ tiêu {self.name!r}: tốc độ tăng bình quân phải lớn hơn −100%")

    @classmethod
    def for_term(
        cls,
        term: Period,
        name: str,
        kind: TermKind,
        value: Decimal,
        *,
        direction: Direction = Direction.HIGHER,
        baseline: Decimal | None = None,
        unit: str | None = None,
        code: str = "",
    ) -> TermTarget:
        """A term target for a term period ("2020-2025")."""
        if term.kind is not PeriodKind.TERM or term.end_year is None:
            raise TermError(f"{term.code} không phải là một nhiệm kỳ")
        return cls(name, kind, term.year, term.end_year, value, direction, baseline, unit, code)

    @property
    def years(self) -> int:
        return self.end_year - self.start_year


@dataclass(frozen=True)
class TermAssessment:
    """Where a term target stands after the latest reported year.

    `achieved`: the latest level (END_LEVEL), the sum so far (TOTAL) or the average yearly growth
    so far in % (AVERAGE_GROWTH). `progress_percent`: the share of the way covered (of the
    distance from baseline to target, of the total, of the cumulative growth); `expected_percent`
    the share a steady pace would have covered by now. `per_year_achieved` / `per_year_needed`:
    the yearly change (amount, growth %) so far and needed in the remaining years, oriented so
    that positive is the better way. `pace_percent` = achieved / needed × 100, the number the
    status is decided on (None when the target is already secured or no pace is needed)."""

    target: TermTarget
    status: TermStatus
    latest_year: int | None = None
    years_elapsed: int = 0
    years_remaining: int = 0
    achieved: Decimal | None = None
    progress_percent: Decimal | None = None
    expected_percent: Decimal | None = None
    per_year_achieved: Decimal | None = None
    per_year_needed: Decimal | None = None
    pace_percent: Decimal | None = None
    secured: bool = False  # the target is already met (or the cap not breached at term end)
    reason: str = ""
