"""Create and change targets; every change of an existing target is recorded (who, when,
old -> new) in TargetChange."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Max

from chitieu.model import Target
from chitieu.numbers import format_number
from chitieu.web.actions.errors import ActionError
from chitieu.web.domain import target_from_domain
from chitieu.web.models import Body, Resolution, TargetChange, TargetRow

TRACKED = (
    "code",
    "order",
    "name",
    "field",
    "kind",
    "comparator",
    "value",
    "value_max",
    "unit",
    "basis",
    "direction",
    "responsible_body",
    "term_target",
)


def _check_code(resolution: Resolution, code: str, exclude_id: int | None = None) -> None:
    if not code:
        return
    clash = TargetRow.objects.filter(resolution=resolution, code=code)
    if exclude_id is not None:
        clash = clash.exclude(pk=exclude_id)
    if clash.exists():
        raise ActionError(f"Mã chỉ tiêu {code!r} đã có trong nghị quyết này")


def _next_order(resolution: Resolution) -> int:
    current = TargetRow.objects.filter(resolution=resolution).aggregate(m=Max("order"))["m"]
    return (current or 0) + 1


@transaction.atomic
def do_create_target(
    resolution: Resolution,
    target: Target,
    *,
    responsible_body: Body | None = None,
    term_target: TargetRow | None = None,
    illustrative: bool = False,
) -> TargetRow:
    values = target_from_domain(target)
    _check_code(resolution, values["code"])
    if not values["order"]:
        values["order"] = _next_order(resolution)
    return TargetRow.objects.create(
        resolution=resolution,
        responsible_body=responsible_body,
        term_target=term_target,
        illustrative=illustrative,
        **values,
    )


@transaction.atomic
def do_import_targets(
    resolution: Resolution,
    targets: Sequence[Target],
    *,
    bodies: Sequence[Body | None] | None = None,
) -> list[TargetRow]:
    """Create the confirmed targets of a pasted or uploaded resolution, all or none;
    `bodies[i]` is the responsible body of `targets[i]`."""
    if not targets:
        raise ActionError("Không có chỉ tiêu nào để lưu")
    if bodies is not None and len(bodies) != len(targets):
        raise ValueError("bodies must match targets one to one")
    start = _next_order(resolution)
    rows = []
    for i, target in enumerate(targets):
        values = target_from_domain(target)
        values["order"] = values["order"] or start + i
        _check_code(resolution, values["code"])
        rows.append(
            TargetRow.objects.create(
                resolution=resolution, responsible_body=bodies[i] if bodies else None, **values
            )
        )
    return rows


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        normal = value.normalize()
        return format_number(normal)
    return str(value)


@transaction.atomic
def do_update_target(
    row: TargetRow,
    target: Target,
    *,
    user: AbstractBaseUser | None,
    responsible_body: Body | None,
    term_target: TargetRow | None = None,
) -> list[TargetChange]:
    """Apply `target` (and the links) to `row`, recording each attribute that changed."""
    new = target_from_domain(target)
    new["responsible_body"] = responsible_body
    new["term_target"] = term_target
    _check_code(row.resolution, new["code"], exclude_id=row.pk)
    changes = []
    for attribute in TRACKED:
        old_value = getattr(row, attribute)
        new_value = new[attribute]
        # "" and None both mean "not set"; Decimal("9484.000000") == 9484.
        if (None if old_value == "" else old_value) == (None if new_value == "" else new_value):
            continue
        changes.append(
            TargetChange(
                target=row,
                user=user,
                attribute=attribute,
                old=_shown(old_value),
                new=_shown(new_value),
            )
        )
        setattr(row, attribute, new_value)
    if changes:
        row.save()
        TargetChange.objects.bulk_create(changes)
    return changes
