"""Year-end forecasts ("ước cả năm") of an annual resolution's targets from their partial-period
figures (months, 6 and 9 months), by chitieu.forecast. Past years come from the same indicator
of the same bodies in earlier resolutions. Queries are batched: targets, history, results."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from chitieu.forecast import Accumulation, Forecast, ForecastError, forecast_from_results
from chitieu.model import Period, PeriodError
from chitieu.web.domain import target_to_domain
from chitieu.web.models import Resolution, TargetRow
from chitieu.web.planning.domain import accumulations, effective_by_period, results_of


@dataclass(frozen=True)
class ForecastRow:
    target: TargetRow
    forecast: Forecast
    accumulation: Accumulation
    default_accumulation: bool  # the app's default, not a user's choice

    @property
    def at_risk(self) -> bool:
        return self.forecast.at_risk


def resolution_forecasts(resolution: Resolution, year: int | None = None) -> list[ForecastRow]:
    """Forecasts of `year` (the resolution's year) for the targets with figures for part of it
    and none for the whole year yet. A term resolution has no year to forecast: empty."""
    if resolution.end_year:
        return []
    year = year or resolution.start_year
    targets = list(
        TargetRow.objects.filter(resolution=resolution)
        .select_related("resolution", "responsible_body")
        .order_by("order", "id")
    )
    if not targets:
        return []
    past = list(
        TargetRow.objects.filter(
            name_key__in={t.name_key for t in targets},
            resolution__issuing_body_id=resolution.issuing_body_id,
            resolution__start_year__lt=year,
            resolution__end_year__isnull=True,
        ).select_related("resolution")
    )
    history: dict[tuple[str, int | None], list[TargetRow]] = defaultdict(list)
    for row in past:
        history[(row.name_key, row.responsible_body_id)].append(row)
    figures = effective_by_period([*targets, *past])
    modes = accumulations(targets)
    out = []
    for target in targets:
        own = figures.get(target.pk, {})
        if not _partial_only(own, year):
            continue
        versions = list(own.values())
        for old in history.get((target.name_key, target.responsible_body_id), []):
            versions.extend(figures.get(old.pk, {}).values())
        accumulation, is_default = modes[target.pk]
        try:
            forecast = forecast_from_results(
                year, results_of(versions), accumulation, target_to_domain(target)
            )
        except ForecastError:
            continue
        out.append(ForecastRow(target, forecast, accumulation, is_default))
    return out


def _partial_only(own: Mapping[str, object], year: int) -> bool:
    """Figures for part of `year` and no figure for the whole year."""
    partial = False
    for code in own:
        try:
            period = Period.parse(code)
        except PeriodError:
            continue
        if period.year != year or period.end_year:
            continue
        if period.kind.value == "year":
            return False
        partial = True
    return partial
