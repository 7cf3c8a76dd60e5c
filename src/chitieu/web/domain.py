"""The one place where ORM rows become core objects (and back).

Nothing here decides a status: that is chitieu.evaluate's job. This module only translates
and picks which stored version is the effective figure of a period.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from chitieu.model import Comparator, Direction, Field, Kind, Period, Result, Status, Target
from chitieu.web.models import ResultState, ResultVersion, TargetRow


def _dec(value: Decimal | None) -> Decimal | None:
    # Stored with 6 decimal places; normalise so 9484.000000 shows and compares as 9484.
    if value is None:
        return None
    normal = value.normalize()
    return normal.quantize(Decimal(1)) if normal == normal.to_integral_value() else normal


def target_to_domain(row: TargetRow) -> Target:
    return Target(
        name=row.name,
        kind=Kind(row.kind),
        comparator=Comparator(row.comparator),
        value=_dec(row.value),
        value_max=_dec(row.value_max) if row.comparator == Comparator.RANGE.value else None,
        unit=row.unit or None,
        basis=row.basis or None,
        direction=Direction(row.direction),
        field=Field(row.field),
        period=row.resolution.period,
        code=row.code,
        order=row.order,
    )


def target_from_domain(target: Target) -> dict[str, Any]:
    """Field values for a TargetRow (without resolution / body links)."""
    return {
        "name": target.name,
        "kind": target.kind.value,
        "comparator": target.comparator.value,
        "value": target.value,
        "value_max": target.value_max,
        "unit": target.unit or "",
        "basis": target.basis or "",
        "direction": target.direction.value,
        "field": target.field.value,
        "code": target.code,
        "order": target.order,
    }


def result_to_domain(row: ResultVersion) -> Result:
    return Result(
        period=Period.parse(row.period_code),
        value=_dec(row.value),
        unit=row.unit or None,
        estimated=row.estimated,
        percent_of_target=_dec(row.percent_of_target),
        change_percent=_dec(row.change_percent),
        previous_value=_dec(row.previous_value),
        declared_status=Status(row.declared_status) if row.declared_status else None,
        source=row.source,
        note=row.note,
        target_code=row.target.code if row.target_id else "",
    )


def result_from_domain(result: Result) -> dict[str, Any]:
    return {
        "period_code": result.period.code if result.period else "",
        "value": result.value,
        "unit": result.unit or "",
        "estimated": result.estimated,
        "percent_of_target": result.percent_of_target,
        "change_percent": result.change_percent,
        "previous_value": result.previous_value,
        "declared_status": result.declared_status.value if result.declared_status else "",
        "source": result.source,
        "note": result.note,
    }


def effective_version(versions: Iterable[ResultVersion]) -> ResultVersion | None:
    """The figure that counts for one target and period: an approved official figure
    supersedes any estimate; among equals the newest approval wins."""
    best: ResultVersion | None = None
    for row in versions:
        if row.state != ResultState.APPROVED:
            continue
        if best is None or (not row.estimated, row.created_at, row.id) > (
            not best.estimated,
            best.created_at,
            best.id,
        ):
            best = row
    return best
