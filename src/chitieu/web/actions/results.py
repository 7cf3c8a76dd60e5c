"""Results and their workflow: draft -> submitted -> approved, or returned with a comment.

Every save and every step adds a ResultVersion; nothing is updated in place, so the history
is complete. A locked period refuses every change.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Max

from chitieu.model import Period, Result
from chitieu.web.actions.errors import ActionError
from chitieu.web.actions.resolutions import is_locked
from chitieu.web.domain import result_from_domain
from chitieu.web.models import ResultState, ResultVersion, TargetRow

COPIED = (
    "value",
    "unit",
    "percent_of_target",
    "change_percent",
    "previous_value",
    "declared_status",
    "note",
    "source",
    "illustrative",
)


class StaleResult(ActionError):
    """Optimistic locking: the slot changed after the user opened it (no lost update)."""

    def __init__(self, current: ResultVersion | None) -> None:
        from django.utils import timezone

        if current is None:
            text = "Kết quả này vừa bị thay đổi trong khi bạn đang nhập."
        else:
            who = current.created_by.get_username() if current.created_by else "người khác"
            at = timezone.localtime(current.created_at).strftime("%H:%M ngày %d/%m/%Y")
            text = (
                f"Kết quả này vừa được {who} lưu lúc {at} (phiên bản {current.seq}) "
                "trong khi bạn đang nhập."
            )
        super().__init__(
            text + " Số liệu của bạn chưa được lưu: hãy xem bản mới nhất, "
            "rồi lưu lại nếu vẫn muốn thay."
        )


def current_version(target: TargetRow, period: Period, estimated: bool) -> ResultVersion | None:
    return (
        ResultVersion.objects.filter(target=target, period_code=period.code, estimated=estimated)
        .order_by("-seq")
        .first()
    )


def _lock_slot(
    target: TargetRow, period: Period, estimated: bool
) -> tuple[ResultVersion | None, int]:
    # Lock the target row so two concurrent saves cannot take the same version number.
    TargetRow.objects.select_for_update().filter(pk=target.pk).first()
    if is_locked(target.resolution, period):
        raise ActionError(f"Kỳ {period.label_vi} đã khóa, không thể thay đổi kết quả")
    current = current_version(target, period, estimated)
    last = ResultVersion.objects.filter(
        target=target, period_code=period.code, estimated=estimated
    ).aggregate(m=Max("seq"))["m"]
    return current, (last or 0) + 1


@transaction.atomic
def do_save_result(
    target: TargetRow,
    result: Result,
    *,
    user: AbstractBaseUser,
    illustrative: bool = False,
    state: str = ResultState.DRAFT,
    expected_seq: int | None = None,
) -> ResultVersion:
    """Save a figure as a new draft version of its (target, period, estimated) slot.

    `expected_seq`: the version the user was looking at (0: none). If someone saved since,
    the save is refused (StaleResult) instead of silently replacing their figure."""
    if result.period is None:
        raise ActionError("Chưa chọn kỳ báo cáo")
    if (
        result.value is None
        and result.percent_of_target is None
        and result.change_percent is None
        and result.declared_status is None
    ):
        raise ActionError("Cần nhập giá trị, hoặc % so với chỉ tiêu, hoặc % tăng/giảm")
    current, seq = _lock_slot(target, result.period, result.estimated)
    if expected_seq is not None and (current.seq if current else 0) != expected_seq:
        raise StaleResult(current)
    if current is not None and current.state == ResultState.SUBMITTED:
        raise ActionError("Kết quả đang chờ duyệt; chỉ sửa được sau khi bị trả lại")
    values = result_from_domain(result)
    return ResultVersion.objects.create(
        target=target,
        seq=seq,
        state=state,
        created_by=user,
        illustrative=illustrative,
        **values,
    )


def _step(
    target: TargetRow,
    period: Period,
    estimated: bool,
    *,
    user: AbstractBaseUser,
    allowed_from: tuple[str, ...],
    to: str,
    comment: str = "",
) -> ResultVersion:
    current, seq = _lock_slot(target, period, estimated)
    if current is None:
        raise ActionError("Chưa có kết quả để chuyển trạng thái")
    if current.state not in allowed_from:
        raise ActionError(
            f"Không thể chuyển từ trạng thái “{current.get_state_display()}” sang "
            f"“{ResultState(to).label}”"
        )
    copy = {name: getattr(current, name) for name in COPIED}
    return ResultVersion.objects.create(
        target=target,
        period_code=period.code,
        estimated=estimated,
        seq=seq,
        state=to,
        comment=comment,
        created_by=user,
        **copy,
    )


@transaction.atomic
def do_submit_result(
    target: TargetRow, period: Period, estimated: bool, *, user: AbstractBaseUser
) -> ResultVersion:
    return _step(
        target,
        period,
        estimated,
        user=user,
        allowed_from=(ResultState.DRAFT, ResultState.RETURNED),
        to=ResultState.SUBMITTED,
    )


@transaction.atomic
def do_approve_result(
    target: TargetRow, period: Period, estimated: bool, *, user: AbstractBaseUser
) -> ResultVersion:
    return _step(
        target,
        period,
        estimated,
        user=user,
        allowed_from=(ResultState.SUBMITTED,),
        to=ResultState.APPROVED,
    )


@transaction.atomic
def do_return_result(
    target: TargetRow, period: Period, estimated: bool, *, user: AbstractBaseUser, comment: str
) -> ResultVersion:
    if not comment.strip():
        raise ActionError("Khi trả lại cần ghi ý kiến")
    return _step(
        target,
        period,
        estimated,
        user=user,
        allowed_from=(ResultState.SUBMITTED,),
        to=ResultState.RETURNED,
        comment=comment.strip(),
    )
