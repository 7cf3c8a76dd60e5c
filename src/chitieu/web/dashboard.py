"""What a resolution's dashboard shows for one period: each target with its effective figure
and its evaluation (by chitieu.evaluate), the counts and the summary sentence (by
chitieu.summary). Queries are batched and by resolution (indexed): one for the targets, one for
the versions of the period shown (model rows: the effective and the pending figure), one for a
few columns of every version (the periods list and the approved trend, as tuples: a commune's
resolution has ~400 versions and building each as a model object was half the page's cost)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from chitieu.evaluate import evaluate
from chitieu.model import Evaluation, Field, Period, PeriodKind, Status
from chitieu.summary import (
    Summary,
    summarize,
    summarize_by_field,
    summary_sentence,
    summary_short,
)
from chitieu.web.domain import effective_version, result_to_domain, target_to_domain
from chitieu.web.models import Resolution, ResultState, ResultVersion, TargetRow


@dataclass(frozen=True)
class Row:
    target: TargetRow
    evaluation: Evaluation
    effective: ResultVersion | None  # the approved figure evaluated, if any
    pending: ResultVersion | None  # the newest not-yet-approved version, if any
    trend: tuple[tuple[str, float], ...]  # (period code, value) of approved figures, for the chart

    @property
    def trend_target(self) -> float | None:
        """The target line of the trend chart: only a level target is on the values' scale."""
        t = self.target
        if t.kind != "level" or t.value is None:
            return None
        return float(t.value)

    @property
    def status(self) -> Status:
        return self.evaluation.status


@dataclass(frozen=True)
class Dashboard:
    resolution: Resolution
    period: Period
    rows: list[Row]  # after filters
    summary: Summary  # over all targets of the period, filters do not change it
    sentence: str
    by_field: list[tuple[str, str]]  # (field label, "đạt 3/5 chỉ tiêu, trong đó vượt 1")
    periods: list[Period]  # periods with any result, and the resolution's own


def period_sort_key(period: Period) -> tuple[int, int, int]:
    """Chronological by the period's last month: 2024-6M before 2024-9M before 2024."""
    ends = {
        PeriodKind.MONTH: lambda p: p.index or 1,
        PeriodKind.QUARTER: lambda p: (p.index or 1) * 3,
        PeriodKind.HALF: lambda p: (p.index or 1) * 6,
        PeriodKind.CUMULATIVE_6M: lambda p: 6,
        PeriodKind.CUMULATIVE_9M: lambda p: 9,
        PeriodKind.YEAR: lambda p: 12,
        PeriodKind.TERM: lambda p: 13,
    }
    year = period.end_year if period.kind is PeriodKind.TERM and period.end_year else period.year
    return (year, ends[period.kind](period), period.year)


def periods_of(resolution: Resolution) -> list[Period]:
    codes = set(
        ResultVersion.objects.filter(target__resolution=resolution)
        .values_list("period_code", flat=True)
        .distinct()
    )
    codes.add(resolution.period.code)
    return _sorted_periods(codes)


def build_dashboard(
    resolution: Resolution,
    period: Period,
    *,
    field: str = "",
    status: str = "",
    body_id: int | None = None,
) -> Dashboard:
    targets = list(
        TargetRow.objects.filter(resolution=resolution)
        .select_related("responsible_body")
        .order_by("order", "id")
    )
    own_versions = ResultVersion.objects.filter(
        target__resolution=resolution, period_code=period.code
    ).order_by("seq")
    by_target: dict[int, list[ResultVersion]] = defaultdict(list)
    for v in own_versions:
        by_target[v.target_id].append(v)
    slim = (
        ResultVersion.objects.filter(target__resolution=resolution)
        .order_by()
        .values_list("target_id", "period_code", "state", "estimated", "seq", "value")
    )
    codes = {resolution.period.code}  # and every period with any result
    approved_by_target: dict[int, list[_Slim]] = defaultdict(list)
    for target_id, code, state, estimated, seq, value in slim:
        codes.add(code)
        if state == ResultState.APPROVED and value is not None:
            approved_by_target[target_id].append((code, estimated, seq, value))
    last_year = _last_year_values(resolution, period, targets)
    rows = []
    for t in targets:
        t.resolution = resolution  # already loaded; avoid one query per target
        own = by_target.get(t.pk, [])
        best = effective_version(own)
        result = None
        if best is not None:
            best.target = t
            result = result_to_domain(best)
            previous = last_year.get(t.name_key)
            if (
                result.previous_value is None
                and result.change_percent is None
                and previous is not None
            ):
                # The same indicator's approved figure a year earlier: the core computes the change.
                result = replace(result, previous_value=previous)
        evaluation = evaluate(target_to_domain(t), result)
        newest = own[-1] if own else None
        pending = newest if newest is not None and newest.state != ResultState.APPROVED else None
        rows.append(Row(t, evaluation, best, pending, _trend(approved_by_target.get(t.pk, []))))
    summary = summarize(r.evaluation for r in rows)
    by_field = [
        (f.label_vi, summary_short(s))
        for f, s in summarize_by_field(r.evaluation for r in rows).items()
    ]
    return Dashboard(
        resolution=resolution,
        period=period,
        rows=_filtered(rows, field, status, body_id),
        summary=summary,
        sentence=summary_sentence(summary),
        by_field=by_field if len(by_field) > 1 else [],
        periods=_sorted_periods(codes),
    )


# (period code, estimated, seq, value) of an approved version with a value.
type _Slim = tuple[str, bool, int, Decimal]


def _sorted_periods(codes: Iterable[str]) -> list[Period]:
    return sorted(
        (Period.parse(c) for c in codes), key=lambda p: (p.year, p.kind.value, p.index or 0)
    )


def _last_year_values(
    resolution: Resolution, period: Period, targets: list[TargetRow]
) -> dict[str, Decimal]:
    """Approved values of the same period last year, by indicator name, from the same body's
    resolutions (an annual resolution's targets live in last year's resolution). One query."""
    if resolution.end_year:
        return {}
    previous = period.same_period_last_year
    versions = (
        ResultVersion.objects.filter(
            target__resolution__issuing_body_id=resolution.issuing_body_id,
            target__name_key__in=[t.name_key for t in targets],
            period_code=previous.code,
            state=ResultState.APPROVED,
            value__isnull=False,
        )
        .exclude(target__resolution=resolution)
        .select_related("target")
        .order_by("seq", "id")
    )
    by_slot: dict[tuple[int, str], list[ResultVersion]] = defaultdict(list)
    for v in versions:
        by_slot[(v.target_id, v.target.name_key)].append(v)
    out: dict[str, Decimal] = {}
    for (_, key), slot in by_slot.items():
        best = effective_version(slot)
        if best is not None and best.value is not None:
            out[key] = best.value
    return out


def _trend(approved: Iterable[_Slim]) -> tuple[tuple[str, float], ...]:
    best: dict[str, tuple[bool, int, Decimal]] = {}
    for code, estimated, seq, value in approved:
        current = best.get(code)
        if current is None or (not estimated, seq) >= (not current[0], current[1]):
            best[code] = (estimated, seq, value)
    ordered = sorted(best.items(), key=lambda kv: period_sort_key(Period.parse(kv[0])))
    # Floats only here, at the edge: the chart needs coordinates, not exact figures.
    return tuple((code, float(v[2])) for code, v in ordered)


def _filtered(rows: list[Row], field: str, status: str, body_id: int | None) -> list[Row]:
    out = rows
    if field and field in Field._value2member_map_:
        out = [r for r in out if r.target.field == field]
    if status and status in Status._value2member_map_:
        out = [r for r in out if r.status.value == status]
    if body_id:
        out = [r for r in out if r.target.responsible_body_id == body_id]
    return out
