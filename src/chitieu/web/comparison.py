"""The same indicator across many bodies (a province's communes on "tỷ lệ hộ nghèo"), ranked.

Targets match by their normalised name within resolutions of the same year that the user may
read. Evaluation is chitieu.evaluate's; this module only gathers and orders. Two queries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, QuerySet

from chitieu.evaluate import evaluate
from chitieu.model import Direction, Evaluation, Period
from chitieu.web.domain import effective_version, result_to_domain, target_to_domain
from chitieu.web.models import Resolution, ResultVersion, TargetRow
from chitieu.web.models.targets import name_key


@dataclass(frozen=True)
class ComparisonRow:
    rank: int | None
    target: TargetRow
    effective: ResultVersion | None
    evaluation: Evaluation

    @property
    def value(self) -> Decimal | None:
        return self.effective.value if self.effective is not None else None


def compare(
    resolutions: QuerySet[Resolution], name: str, period: Period, province_id: int | None = None
) -> list[ComparisonRow]:
    targets = (
        TargetRow.objects.filter(
            resolution__in=resolutions, name_key=name_key(name), resolution__start_year=period.year
        )
        .select_related("resolution__issuing_body__unit", "responsible_body")
        .order_by("id")
    )
    if province_id is not None:
        targets = targets.filter(
            Q(resolution__issuing_body__unit_id=province_id)
            | Q(resolution__issuing_body__unit__parent_id=province_id)
        )
    targets = list(targets)
    versions: dict[int, list[ResultVersion]] = defaultdict(list)
    for v in ResultVersion.objects.filter(
        target__in=[t.pk for t in targets], period_code=period.code
    ):
        versions[v.target_id].append(v)
    rows = []
    for t in targets:
        best = effective_version(versions.get(t.pk, []))
        if best is not None:
            best.target = t
        rows.append(
            (t, best, evaluate(target_to_domain(t), result_to_domain(best) if best else None))
        )
    return _ranked(rows)


def _ranked(rows: list[tuple[TargetRow, ResultVersion | None, Evaluation]]) -> list[ComparisonRow]:
    """Best first: highest value, or lowest where less is better; no figure comes last."""
    with_value = [r for r in rows if r[1] is not None and r[1].value is not None]
    without = [r for r in rows if r[1] is None or r[1].value is None]
    lower_better = bool(with_value) and with_value[0][0].direction == Direction.LOWER.value
    with_value.sort(key=lambda r: r[1].value, reverse=not lower_better)  # type: ignore[union-attr,return-value,arg-type]
    out = [ComparisonRow(i, t, v, e) for i, (t, v, e) in enumerate(with_value, 1)]
    out += [ComparisonRow(None, t, v, e) for t, v, e in without]
    return out
