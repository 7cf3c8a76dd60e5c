"""The reporting calendar of resolutions: who reports which target for which period by when
(chitieu.reporting_calendar), and who is late on a day. A target is reported by its reporting body
(chitieu.web.permissions.reporting_body); a figure counts as submitted on the day its first
version was sent for approval (or approved directly)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Min, Q
from django.utils import timezone

from chitieu.model import Period, PeriodError, PeriodKind
from chitieu.reporting_calendar import (
    DueRule,
    Duty,
    ReportingCalendar,
    Submission,
    late_reports,
    schedule_for,
)
from chitieu.web.models import Body, Resolution, ResultState, ResultVersion, TargetRow
from chitieu.web.permissions import reporting_body
from chitieu.web.planning.models import ReportingRule

ANNUAL_DEFAULT = (PeriodKind.CUMULATIVE_6M, PeriodKind.CUMULATIVE_9M, PeriodKind.YEAR)


@dataclass(frozen=True)
class DutyRow:
    body: Body
    target: TargetRow
    period: Period
    due: date
    submitted_on: date | None
    days_late: int  # > 0: late on the day asked (not submitted, past due)


def calendar_of(resolution: Resolution) -> tuple[ReportingCalendar, tuple[PeriodKind, ...]]:
    """The due rules and the period kinds reported: the defaults, plus any kind a rule names;
    a rule sets the deadline of its kind (a default kind cannot be dropped, only moved)."""
    default = (PeriodKind.YEAR,) if resolution.end_year else ANNUAL_DEFAULT
    rules = list(ReportingRule.objects.filter(resolution=resolution))
    mapping = {PeriodKind(r.period_kind): DueRule(r.day, r.months_after) for r in rules}
    kinds = tuple(k for k in PeriodKind if k in default or k in mapping)
    return ReportingCalendar(mapping), kinds


def _years(resolution: Resolution, today: date) -> list[int]:
    if resolution.end_year:
        return list(range(resolution.start_year + 1, min(resolution.end_year, today.year) + 1))
    return [resolution.start_year]


def _submissions(targets: list[TargetRow]) -> list[Submission]:
    by_pk = {t.pk: t for t in targets}
    firsts = (
        ResultVersion.objects.filter(target_id__in=list(by_pk))
        .filter(Q(state=ResultState.SUBMITTED) | Q(state=ResultState.APPROVED))
        .values("target_id", "period_code")
        .annotate(first=Min("created_at"))
    )
    out = []
    for f in firsts:
        try:
            period = Period.parse(f["period_code"])
        except PeriodError:
            continue
        target = by_pk[f["target_id"]]
        day = timezone.localdate(f["first"])
        out.append(Submission(str(reporting_body(target).pk), str(target.pk), period, day))
    return out


def duties(resolution: Resolution, today: date) -> list[DutyRow]:
    """Every duty of the resolution's years up to `today`'s year, with its due date and the
    day it was submitted; sorted by due date, body, target order."""
    targets = list(
        TargetRow.objects.filter(resolution=resolution)
        .select_related("resolution__issuing_body", "responsible_body")
        .order_by("order", "id")
    )
    if not targets:
        return []
    calendar, kinds = calendar_of(resolution)
    bodies: dict[str, Body] = {}
    per_body: dict[str, list[TargetRow]] = {}
    for t in targets:
        body = reporting_body(t)
        bodies[str(body.pk)] = body
        per_body.setdefault(str(body.pk), []).append(t)
    schedule: list[Duty] = []
    for year in _years(resolution, today):
        for key, rows in per_body.items():
            schedule.extend(schedule_for(key, (str(r.pk) for r in rows), kinds, year))
    submissions = _submissions(targets)
    first = {(s.body, s.target_code, s.period): s.submitted_on for s in submissions}
    late = {
        (r.duty.body, r.duty.target_code, r.duty.period): r.days_late
        for r in late_reports(schedule, submissions, today, calendar)
    }
    by_pk = {str(t.pk): t for t in targets}
    rows_out = [
        DutyRow(
            bodies[d.body],
            by_pk[d.target_code],
            d.period,
            calendar.due_date(d.period),
            first.get((d.body, d.target_code, d.period)),
            late.get((d.body, d.target_code, d.period), 0),
        )
        for d in schedule
    ]
    return sorted(rows_out, key=lambda r: (r.due, r.body.name, r.target.order, r.target.pk))


def late(rows: Iterable[DutyRow]) -> list[DutyRow]:
    return sorted(
        (r for r in rows if r.days_late > 0),
        key=lambda r: (-r.days_late, r.body.name, r.target.order),
    )


def late_by_body(rows: Iterable[DutyRow]) -> dict[Body, list[DutyRow]]:
    grouped: dict[Body, list[DutyRow]] = {}
    for r in late(rows):
        grouped.setdefault(r.body, []).append(r)
    return dict(sorted(grouped.items(), key=lambda kv: kv[0].name))


def active_resolutions(today: date) -> Iterable[Resolution]:
    """Resolutions whose reports may still be due: this year's and last year's (annual), and
    terms not ended before last year."""
    return Resolution.objects.filter(
        Q(end_year__isnull=True, start_year__gte=today.year - 1)
        | Q(end_year__gte=today.year - 1, start_year__lt=today.year)
    ).select_related("issuing_body")
