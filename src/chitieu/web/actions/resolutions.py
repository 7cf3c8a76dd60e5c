"""Resolutions and period locks."""

from __future__ import annotations

import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction

from chitieu.model import Period
from chitieu.web.actions.errors import ActionError
from chitieu.web.models import (
    Body,
    PeriodLock,
    Resolution,
    ResolutionKind,
    ResultState,
    ResultVersion,
)


@transaction.atomic
def do_create_resolution(
    *,
    issuing_body: Body,
    kind: str,
    title: str,
    start_year: int,
    end_year: int | None = None,
    number: str = "",
    issued_on: datetime.date | None = None,
    is_public: bool = False,
) -> Resolution:
    if kind not in ResolutionKind.values:
        raise ActionError(f"Loại nghị quyết không hợp lệ: {kind!r}")
    if not title.strip():
        raise ActionError("Trích yếu nghị quyết không được để trống")
    if end_year is not None and end_year <= start_year:
        raise ActionError("Năm cuối nhiệm kỳ phải sau năm đầu")
    return Resolution.objects.create(
        issuing_body=issuing_body,
        kind=kind,
        title=title.strip(),
        start_year=start_year,
        end_year=end_year,
        number=number.strip(),
        issued_on=issued_on,
        is_public=is_public,
    )


def is_locked(resolution: Resolution, period: Period) -> bool:
    return PeriodLock.objects.filter(resolution=resolution, period_code=period.code).exists()


@transaction.atomic
def do_lock_period(resolution: Resolution, period: Period, user: AbstractBaseUser) -> PeriodLock:
    """Close a period once it is approved: refused while a figure still waits for approval."""
    waiting = _waiting(resolution, period)
    if waiting:
        raise ActionError(
            f"Còn {waiting} kết quả {period.label_vi} đang chờ duyệt; duyệt hoặc trả lại trước khi khóa"
        )
    try:
        with transaction.atomic():
            return PeriodLock.objects.create(
                resolution=resolution, period_code=period.code, locked_by=user
            )
    except IntegrityError as exc:
        raise ActionError(f"Kỳ {period.label_vi} đã được khóa") from exc


def _waiting(resolution: Resolution, period: Period) -> int:
    """Slots (target, estimated) of the period whose newest version is submitted."""
    newest: dict[tuple[int, bool], str] = {}
    rows = (
        ResultVersion.objects.filter(target__resolution=resolution, period_code=period.code)
        .order_by("seq")
        .values_list("target_id", "estimated", "state")
    )
    for target_id, estimated, state in rows:
        newest[(target_id, estimated)] = state
    return sum(1 for state in newest.values() if state == ResultState.SUBMITTED)
