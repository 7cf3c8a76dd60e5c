"""What a resolution's dashboard shows for one period: each target with its effective figure
and its evaluation (by chitieu.evaluate), the counts and the summary sentence (by
chitieu.summary). Queries are batched: one for targets, one for results."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from chitieu.evaluate import evaluate
from chitieu.model import Evaluation, Field, Period, Status
from chitieu.summary import Summary, summarize, summary_sentence
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
    periods: list[Period]  # periods with any result, and the resolution's own


def periods_of(resolution: Resolution) -> list[Period]:
    codes = set(
        ResultVersion.objects.filter(target__resolution=resolution)
        .values_list("period_code", flat=True)
        .distinct()
    )
    codes.add(resolution.period.code)
    return sorted(
        (Period.parse(c) for c in codes), key=lambda p: (p.year, p.kind.value, p.index or 0)
    )


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
        .select_related("responsible_body", "resolution")
        .order_by("order", "id")
    )
    versions = ResultVersion.objects.filter(target__resolution=resolution).order_by("seq")
    by_target_period: dict[tuple[int, str], list[ResultVersion]] = defaultdict(list)
    approved_by_target: dict[int, list[ResultVersion]] = defaultdict(list)
    for v in versions:
        by_target_period[(v.target_id, v.period_code)].append(v)
        if v.state == ResultState.APPROVED:
            approved_by_target[v.target_id].append(v)
    rows = []
    for t in targets:
        t.resolution = resolution  # already loaded; avoid one query per target
        own = by_target_period.get((t.pk, period.code), [])
        best = effective_version(own)
        if best is not None:
            best.target = t
        evaluation = evaluate(target_to_domain(t), result_to_domain(best) if best else None)
        newest = own[-1] if own else None
        pending = newest if newest is not None and newest.state != ResultState.APPROVED else None
        rows.append(Row(t, evaluation, best, pending, _trend(approved_by_target.get(t.pk, []))))
    summary = summarize(r.evaluation for r in rows)
    return Dashboard(
        resolution=resolution,
        period=period,
        rows=_filtered(rows, field, status, body_id),
        summary=summary,
        sentence=summary_sentence(summary),
        periods=periods_of(resolution),
    )


def _trend(approved: Iterable[ResultVersion]) -> tuple[tuple[str, float], ...]:
    best: dict[str, ResultVersion] = {}
    for v in approved:
        if v.value is None:
            continue
        current = best.get(v.period_code)
        if current is None or (not v.estimated, v.seq) >= (not current.estimated, current.seq):
            best[v.period_code] = v
    ordered = sorted(best.items(), key=lambda kv: Period.parse(kv[0]).year)
    # Floats only here, at the edge: the chart needs coordinates, not exact figures.
    return tuple((code, float(v.value)) for code, v in ordered if v.value is not None)


def _filtered(rows: list[Row], field: str, status: str, body_id: int | None) -> list[Row]:
    out = rows
    if field and field in Field._value2member_map_:
        out = [r for r in out if r.target.field == field]
    if status and status in Status._value2member_map_:
        out = [r for r in out if r.status.value == status]
    if body_id:
        out = [r for r in out if r.target.responsible_body_id == body_id]
    return out
