"""Keep the evaluation summary (scale.TargetEvaluation) in step with the app.

Refreshed on approval: an approved year figure or an edited target re-evaluates that target
inside the same transaction, so the summary never shows a status the dashboard would not.
The status comes from chitieu.evaluate through the same translation the dashboard uses
(chitieu.web.domain); nothing here decides a status.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db.models.signals import post_save

from chitieu.evaluate import evaluate
from chitieu.web.domain import effective_version, result_to_domain, target_to_domain
from chitieu.web.models import ResultState, ResultVersion, TargetRow, UnitLevel
from chitieu.web.scale.models import TargetEvaluation

UPDATED_FIELDS = [
    "resolution",
    "year",
    "commune",
    "province",
    "code",
    "field",
    "status",
    "estimated",
]


def do_refresh_evaluations(target_ids: Iterable[int]) -> int:
    """Re-evaluate these targets for their resolution's year; returns rows written.

    Targets of term resolutions are skipped: the summary is about annual resolutions."""
    ids = list(target_ids)
    if not ids:
        return 0
    targets = list(
        TargetRow.objects.filter(pk__in=ids, resolution__end_year__isnull=True).select_related(
            "resolution__issuing_body__unit"
        )
    )
    versions: dict[int, list[ResultVersion]] = defaultdict(list)
    wanted = {t.pk: str(t.resolution.start_year) for t in targets}
    for v in ResultVersion.objects.filter(
        target_id__in=list(wanted), state=ResultState.APPROVED, period_code__in=set(wanted.values())
    ).order_by("seq"):
        if v.period_code == wanted[v.target_id]:
            versions[v.target_id].append(v)
    rows = []
    for t in targets:
        best = effective_version(versions.get(t.pk, []))
        evaluation = evaluate(target_to_domain(t), result_to_domain(best) if best else None)
        unit = t.resolution.issuing_body.unit
        commune_id = unit.pk if unit is not None and unit.level == UnitLevel.COMMUNE else None
        if unit is None:
            province_id = None
        elif unit.level == UnitLevel.PROVINCE:
            province_id = unit.pk
        else:
            province_id = unit.parent_id
        rows.append(
            TargetEvaluation(
                target_id=t.pk,
                resolution_id=t.resolution_id,
                year=t.resolution.start_year,
                commune_id=commune_id,
                province_id=province_id,
                code=t.code,
                field=t.field,
                status=evaluation.status.value,
                estimated=bool(best and best.estimated),
            )
        )
    TargetEvaluation.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=["target"], update_fields=UPDATED_FIELDS
    )
    return len(rows)


def _on_result_saved(sender: Any, instance: ResultVersion, **kwargs: Any) -> None:
    # Only an approved version can change the effective figure; only a year figure counts.
    if instance.state == ResultState.APPROVED and instance.period_code.isdigit():
        do_refresh_evaluations([instance.target_id])


def _on_target_saved(sender: Any, instance: TargetRow, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        do_refresh_evaluations([instance.pk])


def connect_signals() -> None:
    post_save.connect(_on_result_saved, sender=ResultVersion, dispatch_uid="scale_result_saved")
    post_save.connect(_on_target_saved, sender=TargetRow, dispatch_uid="scale_target_saved")
