"""The reporting calendar: which body reports which target for which period by when, and who
is late on a given day. Pure: `today` is always passed in; the web adds the reminder command
and the e-mail. Rules: docs/term-and-forecast.md §4.

(Named after the domain noun; absolute imports keep the standard library's `calendar` reachable.)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from types import MappingProxyType

from chitieu.model import Period, PeriodKind


class CalendarError(ValueError):
    """A due rule or a schedule that makes no sense; the message says which and why."""


@dataclass(frozen=True)
class DueRule:
    """Reports for a period are due on `day` of the `months_after`-th month after the month the
    period ends in (day 31 in a 30-day month is its last day). `roll_weekend` moves a Saturday
    or Sunday deadline to the next Monday."""

    day: int = 5
    months_after: int = 1
    roll_weekend: bool = False

    def __post_init__(self) -> None:
        if not 1 <= self.day <= 31:
            raise CalendarError(f"ngày hạn nộp phải từ 1 đến 31 (nhận được {self.day})")
        if self.months_after < 0:
            raise CalendarError("số tháng sau kỳ báo cáo không được âm")


# Usual deadlines of local reporting regimes; each locality overrides them in its settings.
DEFAULT_RULES: Mapping[PeriodKind, DueRule] = MappingProxyType(
    {
        PeriodKind.MONTH: DueRule(day=5),
        PeriodKind.QUARTER: DueRule(day=10),
        PeriodKind.HALF: DueRule(day=10),
        PeriodKind.CUMULATIVE_6M: DueRule(day=10),
        PeriodKind.CUMULATIVE_9M: DueRule(day=10),
        PeriodKind.YEAR: DueRule(day=15),
        PeriodKind.TERM: DueRule(day=31),
    }
)


@dataclass(frozen=True)
class ReportingCalendar:
    rules: Mapping[PeriodKind, DueRule] = field(default_factory=lambda: DEFAULT_RULES)

    def rule_for(self, kind: PeriodKind) -> DueRule:
        return self.rules.get(kind) or DEFAULT_RULES[kind]

    def due_date(self, period: Period) -> date:
        rule = self.rule_for(period.kind)
        end = period_end(period)
        month_index = end.year * 12 + (end.month - 1) + rule.months_after
        year, month = divmod(month_index, 12)
        due = date(year, month + 1, min(rule.day, _days_in_month(year, month + 1)))
        if rule.roll_weekend and due.weekday() >= 5:
            due += timedelta(days=7 - due.weekday())
        return due


def period_end(period: Period) -> date:
    """The last day of a period."""
    match period.kind:
        case PeriodKind.MONTH:
            month = period.index or 1
        case PeriodKind.QUARTER:
            month = 3 * (period.index or 1)
        case PeriodKind.HALF:
            month = 6 * (period.index or 1)
        case PeriodKind.CUMULATIVE_6M:
            month = 6
        case PeriodKind.CUMULATIVE_9M:
            month = 9
        case PeriodKind.YEAR:
            month = 12
        case PeriodKind.TERM:
            return date(period.end_year or period.year, 12, 31)
    return date(period.year, month, _days_in_month(period.year, month))


@dataclass(frozen=True, order=True)
class Duty:
    """A body has to report a target (by code) for a period."""

    body: str
    target_code: str
    period: Period


@dataclass(frozen=True)
class Submission:
    """A body reported a target for a period on a day. An empty `target_code` is a whole
    report: it covers every target the body owes for that period."""

    body: str
    target_code: str
    period: Period
    submitted_on: date


@dataclass(frozen=True)
class LateReport:
    duty: Duty
    due: date
    days_late: int

    @property
    def message_vi(self) -> str:
        d = self.duty
        return (
            f"{d.body} chưa nộp số liệu chỉ tiêu {d.target_code} {d.period.label_vi} "
            f"(hạn {self.due:%d/%m/%Y}, trễ {self.days_late} ngày)."
        )


def periods_of_year(year: int, kind: PeriodKind) -> list[Period]:
    """The periods of `kind` in `year` (a term has none: it is scheduled on its own)."""
    counts = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4, PeriodKind.HALF: 2}
    if kind in counts:
        return [Period(kind, year, i) for i in range(1, counts[kind] + 1)]
    if kind is PeriodKind.TERM:
        raise CalendarError("nhiệm kỳ không chia theo năm: thêm nghĩa vụ báo cáo nhiệm kỳ riêng")
    return [Period(kind, year)]


def schedule_for(
    body: str, target_codes: Iterable[str], kinds: Iterable[PeriodKind], year: int
) -> list[Duty]:
    """Every duty of `body` for `target_codes` in `year`, for each period kind in `kinds`."""
    codes = list(target_codes)
    return sorted(
        Duty(body, code, period)
        for kind in kinds
        for period in periods_of_year(year, kind)
        for code in codes
    )


def late_reports(
    schedule: Iterable[Duty],
    submissions: Iterable[Submission],
    today: date,
    calendar: ReportingCalendar | None = None,
) -> list[LateReport]:
    """Duties whose deadline has passed (due < today) with nothing submitted by `today`
    (a submission dated after today is not known yet), most overdue first."""
    cal = calendar or ReportingCalendar()
    done = _submitted_by(submissions, today)
    late = []
    for duty in schedule:
        due = cal.due_date(duty.period)
        if due < today and _first_submission(duty, done) is None:
            late.append(LateReport(duty, due, (today - due).days))
    return sorted(late, key=lambda r: (-r.days_late, r.duty))


def late_bodies(late: Iterable[LateReport]) -> dict[str, list[LateReport]]:
    """Late reports grouped by body, bodies in name order (for reminders: one e-mail each)."""
    grouped: dict[str, list[LateReport]] = {}
    for report in late:
        grouped.setdefault(report.duty.body, []).append(report)
    return dict(sorted(grouped.items()))


def due_soon(
    schedule: Iterable[Duty],
    submissions: Iterable[Submission],
    today: date,
    within_days: int = 7,
    calendar: ReportingCalendar | None = None,
) -> list[tuple[Duty, date]]:
    """Duties not yet submitted that fall due from today to `within_days` days ahead."""
    cal = calendar or ReportingCalendar()
    done = _submitted_by(submissions, today)
    horizon = today + timedelta(days=within_days)
    soon = []
    for duty in schedule:
        due = cal.due_date(duty.period)
        if today <= due <= horizon and _first_submission(duty, done) is None:
            soon.append((duty, due))
    return sorted(soon, key=lambda item: (item[1], item[0]))


def submitted_late(
    schedule: Iterable[Duty],
    submissions: Iterable[Submission],
    today: date,
    calendar: ReportingCalendar | None = None,
) -> list[LateReport]:
    """Duties submitted by `today` but after their deadline, with how many days late."""
    cal = calendar or ReportingCalendar()
    done = _submitted_by(submissions, today)
    out = []
    for duty in schedule:
        first = _first_submission(duty, done)
        due = cal.due_date(duty.period)
        if first is not None and first > due:
            out.append(LateReport(duty, due, (first - due).days))
    return sorted(out, key=lambda r: (-r.days_late, r.duty))


_Key = tuple[str, str, Period]


def _submitted_by(submissions: Iterable[Submission], today: date) -> dict[_Key, date]:
    """The first submission day per (body, target, period), ignoring days after today."""
    first: dict[_Key, date] = {}
    for s in submissions:
        if s.submitted_on > today:
            continue
        key = (s.body, s.target_code, s.period)
        if key not in first or s.submitted_on < first[key]:
            first[key] = s.submitted_on
    return first


def _first_submission(duty: Duty, done: Mapping[_Key, date]) -> date | None:
    days = [
        d
        for d in (
            done.get((duty.body, duty.target_code, duty.period)),
            done.get((duty.body, "", duty.period)),
        )
        if d is not None
    ]
    return min(days) if days else None


def _days_in_month(year: int, month: int) -> int:
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following - timedelta(days=1)).day
