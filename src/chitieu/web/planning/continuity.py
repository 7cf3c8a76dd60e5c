"""A new commune's past from the communes it was formed from (the 1 July 2025 reorganisation).

The old→new mapping comes from the pinned `vietnam-provinces` package through its public API
(`Ward.get_legacy_sources()` for the old wards of a new one, `Ward.search_from_legacy(code=…)`
for the new wards an old one went to, which tells a split). The old communes' figures are
stored in LegacyFigure (by old code and indicator name); chitieu.continuity aggregates them.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from chitieu.continuity import (
    Aggregation,
    ContinuityError,
    DerivedSeries,
    Predecessor,
    build_successor_series,
    predecessors_from_pairs,
)
from chitieu.model import Period, PeriodError
from chitieu.web.domain import _dec
from chitieu.web.models import TargetRow, UnitLevel
from chitieu.web.planning.domain import effective_by_period, history_rows, yearly_values
from chitieu.web.planning.models import LegacyFigure

_RATE_WORDS = ("tỷ lệ", "tỷ trọng", "bình quân", "chỉ số", "tốc độ", "mật độ")
WEIGHT_NAME = "dân số"


def predecessors_of(commune_code: int) -> tuple[Predecessor, ...]:
    """The old communes a new commune (2025 code) was formed from; a split one has no share."""
    import vietnam_provinces as vp

    try:
        ward = vp.Ward.from_code(vp.WardCode(commune_code))
    except (ValueError, KeyError):
        return ()
    pairs: list[tuple[str, str]] = []
    names: dict[str, str] = {}
    for old in ward.get_legacy_sources():
        old_code = str(int(old.code))
        names[old_code] = old.name
        for hit in vp.Ward.search_from_legacy(code=int(old.code)):
            pairs.append((old_code, str(int(hit.ward.code))))
    return predecessors_from_pairs(pairs, names).get(str(commune_code), ())


def aggregation_for(row: TargetRow) -> Aggregation:
    """A rate is averaged weighted by population; anything else (totals, counts) adds up."""
    name = row.name.lower()
    if row.unit.strip() == "%" or any(w in name for w in _RATE_WORDS):
        return Aggregation.WEIGHTED_MEAN
    return Aggregation.SUM


def successor_series(row: TargetRow) -> tuple[DerivedSeries | None, str]:
    """(the series, "") or (None, why not) for a target of a commune's body."""
    unit = row.resolution.issuing_body.unit
    if unit is None or unit.level != UnitLevel.COMMUNE:
        return None, "Cơ quan ban hành không gắn với một xã, phường mới: không có chuỗi số liệu cũ."
    preds = predecessors_of(unit.code)
    if not preds:
        return None, f"Gói vietnam-provinces không ghi đơn vị cũ nào của {unit.name}."
    series: dict[str, dict[Period, Decimal]] = defaultdict(dict)
    weights: dict[str, dict[Period, Decimal]] = defaultdict(dict)
    figures = LegacyFigure.objects.filter(
        name_key=row.name_key, old_code__in=[int(p.code) for p in preds]
    )
    for f in figures:
        try:
            period = Period.parse(f.period_code)
        except PeriodError:
            continue
        series[str(f.old_code)][period] = _dec(f.value) or Decimal(0)
        if f.weight is not None:
            weights[str(f.old_code)][period] = _dec(f.weight) or Decimal(0)
    rows = [row, *history_rows(row)]
    own_by_year: dict[int, Decimal] = {}
    for values in effective_by_period(rows).values():
        own_by_year.update(yearly_values(values))
    own = {Period.year_of(y): v for y, v in own_by_year.items()}
    method = aggregation_for(row)
    try:
        derived = build_successor_series(
            unit.name,
            preds,
            series,
            method,
            weights=weights if method is Aggregation.WEIGHTED_MEAN else None,
            weight_name=WEIGHT_NAME,
            own=own,
            level_word="xã, phường",
        )
    except ContinuityError as exc:
        return None, str(exc)
    return derived, ""
