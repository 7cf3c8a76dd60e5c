"""Bump the dashboard version of a body whenever a write can change what its dashboards show.

Connected to post_save / post_delete (raw saves included: a restore from the recycle bin or a
fixture changes the data too), so every write path through the ORM is covered: the workflow
actions (save, submit, approve, return), target edits, period locks, the admin, the API, the
recycle bin. What signals do not see (QuerySet.update, bulk_create, raw SQL such as the bulk
loader's COPY) must call `bump_all()` itself; the cache's timeout bounds the damage if it
does not (docs/scale.md).

Which body: a result, a target or a period lock changes the dashboards of its resolution's
issuing body (the resolution itself, and next year's, which shows this year's figure as
"cùng kỳ"). A resolution, a body or a unit changes names shown on other bodies' dashboards
(a department responsible for a province's targets): those bump every body, as does any
delete (cascades are rare and their parents may already be gone).
"""

from __future__ import annotations

import secrets
from typing import Any

from django.db.models.signals import post_delete, post_save

from chitieu.web.models import Body, PeriodLock, Resolution, ResultVersion, TargetRow, Unit
from chitieu.web.pagecache.models import DashboardVersion

ALL = 0  # the version every cached dashboard depends on


def bump(body_ids: set[int], *, using: str | None = None) -> None:
    """Give these bodies (ALL: every body) a version never used before, in the current
    transaction of `using` (the write's own database)."""
    rows = [DashboardVersion(body_id=b, value=secrets.randbits(62)) for b in sorted(body_ids)]
    # An upsert: two concurrent bumps serialise on the row and both land (the last one wins,
    # and it is new too), where a read-then-write could lose one.
    DashboardVersion.objects.using(using).bulk_create(
        rows, update_conflicts=True, unique_fields=["body_id"], update_fields=["value"]
    )


def bump_all(*, using: str | None = None) -> None:
    bump({ALL}, using=using)


def _issuing_body(using: str, **lookup: int) -> int | None:
    return (
        Resolution.objects.using(using)
        .filter(**lookup)
        .values_list("issuing_body_id", flat=True)
        .first()
    )


def _on_result(sender: Any, instance: ResultVersion, using: str, **kwargs: Any) -> None:
    body = _issuing_body(using, targets__id=instance.target_id)
    bump({ALL if body is None else body}, using=using)


def _on_target(sender: Any, instance: TargetRow, using: str, **kwargs: Any) -> None:
    body = _issuing_body(using, pk=instance.resolution_id)
    bump({ALL if body is None else body}, using=using)


def _on_lock(sender: Any, instance: PeriodLock, using: str, **kwargs: Any) -> None:
    body = _issuing_body(using, pk=instance.resolution_id)
    bump({ALL if body is None else body}, using=using)


def _on_any(sender: Any, instance: Any, using: str, **kwargs: Any) -> None:
    bump_all(using=using)


def connect_signals() -> None:
    saved = {ResultVersion: _on_result, TargetRow: _on_target, PeriodLock: _on_lock}
    for model, receiver in saved.items():
        post_save.connect(receiver, sender=model, dispatch_uid=f"pagecache_save_{model.__name__}")
    for model in (Resolution, Body, Unit):
        post_save.connect(_on_any, sender=model, dispatch_uid=f"pagecache_save_{model.__name__}")
    for model in (ResultVersion, TargetRow, PeriodLock, Resolution, Body, Unit):
        post_delete.connect(_on_any, sender=model, dispatch_uid=f"pagecache_del_{model.__name__}")
