"""Every state change of the planning app, each in its transaction. Permission checks are the
views' (chitieu.web.planning.permissions); these refuse what is wrong whoever asks."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Max

from chitieu.forecast import Accumulation
from chitieu.tasks import TaskError, TaskKind
from chitieu.tasks import TaskUpdate as CoreUpdate
from chitieu.term import TermKind
from chitieu.web.actions.errors import ActionError
from chitieu.web.models import Body, Resolution, ResolutionKind, TargetRow
from chitieu.web.planning.models import (
    LegacyFigure,
    ReportingRule,
    TargetAccumulation,
    Task,
    TaskUpdate,
    TermSpec,
)


def _check_task(title: str, kind: str) -> None:
    if not title.strip():
        raise ActionError("Nhiệm vụ cần có tên")
    if kind not in TaskKind._value2member_map_:
        raise ActionError(f"Loại nhiệm vụ không hợp lệ: {kind!r}")


@transaction.atomic
def do_create_task(
    resolution: Resolution,
    *,
    title: str,
    kind: str,
    responsible_body: Body,
    deadline: date | None,
    code: str = "",
) -> Task:
    _check_task(title, kind)
    order = Task.objects.filter(resolution=resolution).aggregate(m=Max("order"))["m"] or 0
    return Task.objects.create(
        resolution=resolution,
        title=title.strip(),
        kind=kind,
        responsible_body=responsible_body,
        deadline=deadline,
        code=code.strip(),
        order=order + 1,
    )


@transaction.atomic
def do_update_task(
    task: Task,
    *,
    title: str,
    kind: str,
    responsible_body: Body,
    deadline: date | None,
    code: str = "",
) -> Task:
    _check_task(title, kind)
    task.title, task.kind, task.code = title.strip(), kind, code.strip()
    task.responsible_body, task.deadline = responsible_body, deadline
    task.save()
    return task


@transaction.atomic
def do_delete_task(task: Task) -> None:
    task.delete()


@transaction.atomic
def do_add_task_update(
    task: Task, *, on: date, progress: Decimal, note: str, user: AbstractBaseUser | None
) -> TaskUpdate:
    try:
        CoreUpdate(on=on, progress=progress, note=note)  # the core's checks (0–100%)
    except TaskError as exc:
        raise ActionError(str(exc)) from exc
    return TaskUpdate.objects.create(
        task=task, on=on, progress=progress, note=note.strip(), created_by=user
    )


@transaction.atomic
def do_set_accumulation(target: TargetRow, accumulation: str) -> TargetAccumulation:
    if accumulation not in Accumulation._value2member_map_:
        raise ActionError(f"Cách cộng số liệu không hợp lệ: {accumulation!r}")
    row, _ = TargetAccumulation.objects.update_or_create(
        target=target, defaults={"accumulation": accumulation}
    )
    return row


@transaction.atomic
def do_set_term_spec(target: TargetRow, kind: str, baseline: Decimal | None) -> TermSpec:
    """Mark a target of a congress resolution as a term target of `kind`."""
    resolution = target.resolution
    if resolution.kind != ResolutionKind.CONGRESS_TERM or not resolution.end_year:
        raise ActionError("Chỉ tiêu nhiệm kỳ chỉ đặt được cho nghị quyết Đại hội (nhiệm kỳ)")
    if kind not in TermKind._value2member_map_:
        raise ActionError(f"Loại chỉ tiêu nhiệm kỳ không hợp lệ: {kind!r}")
    if target.value is None:
        raise ActionError(f"Chỉ tiêu {target.name!r} chưa có giá trị")
    if kind == TermKind.TOTAL and target.direction == "neutral":
        raise ActionError("Chỉ tiêu tổng cả nhiệm kỳ cần chiều tốt (tăng hoặc giảm)")
    spec, _ = TermSpec.objects.update_or_create(
        target=target, defaults={"kind": kind, "baseline": baseline}
    )
    return spec


@transaction.atomic
def do_set_reporting_rule(
    resolution: Resolution, period_kind: str, day: int, months_after: int
) -> ReportingRule:
    if not 1 <= day <= 31:
        raise ActionError(f"Ngày hạn nộp phải từ 1 đến 31 (nhận được {day})")
    rule, _ = ReportingRule.objects.update_or_create(
        resolution=resolution,
        period_kind=period_kind,
        defaults={"day": day, "months_after": months_after},
    )
    return rule


@transaction.atomic
def do_record_legacy_figure(
    old_code: int,
    name_key: str,
    period_code: str,
    value: Decimal,
    *,
    weight: Decimal | None = None,
    old_name: str = "",
) -> LegacyFigure:
    row, _ = LegacyFigure.objects.update_or_create(
        old_code=old_code,
        name_key=name_key,
        period_code=period_code,
        defaults={"value": value, "weight": weight, "old_name": old_name},
    )
    return row
