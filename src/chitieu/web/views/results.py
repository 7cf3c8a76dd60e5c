"""Result entry and its workflow buttons: save, submit (after plausibility warnings),
approve, return with a comment."""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from chitieu.model import Period, PeriodError, Result
from chitieu.web import permissions as perm
from chitieu.web.actions.errors import ActionError
from chitieu.web.actions.resolutions import is_locked
from chitieu.web.actions.results import (
    current_version,
    do_approve_result,
    do_return_result,
    do_save_result,
    do_submit_result,
)
from chitieu.web.domain import result_from_domain, result_to_domain, target_to_domain
from chitieu.web.forms import ResultForm
from chitieu.web.models import ResultState, ResultVersion, TargetRow
from chitieu.web.plausibility import plausibility_warnings


def _slot(request: HttpRequest, target: TargetRow) -> tuple[Period, bool]:
    data = request.POST if request.method == "POST" else request.GET
    try:
        period = Period.parse(data.get("ky") or data.get("period") or target.resolution.period.code)
    except PeriodError:
        period = target.resolution.period
    estimated = (data.get("uoc") or data.get("estimated") or "") in ("1", "on", "true")
    return period, estimated


def _last_value(target: TargetRow, period: Period, estimated: bool) -> tuple[Decimal | None, str]:
    """The latest approved value of this target in another slot (another period, or the
    estimate of this period when entering the official figure), to spot 10x slips."""
    previous = (
        ResultVersion.objects.filter(target=target, state=ResultState.APPROVED, value__isnull=False)
        .exclude(period_code=period.code, estimated=estimated)
        .order_by("-created_at", "-id")
        .first()
    )
    if previous is None:
        return None, ""
    label = f"kỳ {Period.parse(previous.period_code).label_vi}"
    if previous.period_code == period.code:
        label = f"số ước thực hiện {period.label_vi}"
    return previous.value, label


def _warnings(target: TargetRow, result: Result, period: Period) -> list[str]:
    last, label = _last_value(target, period, result.estimated)
    if last is None and result.previous_value is not None:
        last, label = result.previous_value, "cùng kỳ năm trước"
    return plausibility_warnings(target_to_domain(target), result, last, label or "kỳ trước")


def _same(version: ResultVersion, result: Result) -> bool:
    values = result_from_domain(result)
    return all(
        (getattr(version, k) or None) == (values[k] or None)
        for k in values
        if k not in ("period_code", "estimated")
    )


@login_required
def result_entry(request: HttpRequest, target_id: int) -> HttpResponse:
    if request.method == "POST":
        action = request.POST.get("action", "save")
        if action in ("approve", "return"):
            return _review(request, target_id, action)
        target = perm.get_rw_target_for_user(request.user, target_id)
    else:
        target = perm.get_target_for_user(request.user, target_id)
    period, estimated = _slot(request, target)
    current = current_version(target, period, estimated)
    warnings: list[str] = []
    if request.method == "POST":
        form = ResultForm(request.POST)
        if form.is_valid():
            result = form.to_result()
            period, estimated = result.period or period, result.estimated
            current = current_version(target, period, estimated)
            try:
                if (
                    current is None
                    or current.state not in (ResultState.DRAFT, ResultState.RETURNED)
                    or not _same(current, result)
                ):
                    current = do_save_result(
                        target,
                        result,
                        user=request.user,
                        expected_seq=_base_seq(request, period, estimated),
                    )
                warnings = _warnings(target, result, period)
                if request.POST.get("action") == "submit":
                    if warnings and not request.POST.get("confirm_warnings"):
                        messages.warning(
                            request,
                            _("Đã lưu nháp. Kiểm tra các cảnh báo rồi xác nhận để gửi duyệt."),
                        )
                    else:
                        do_submit_result(target, period, estimated, user=request.user)
                        messages.success(request, _("Đã gửi duyệt."))
                        return redirect(_url(target, period, estimated))
                else:
                    messages.success(request, _("Đã lưu nháp."))
                    if not warnings:
                        return redirect(_url(target, period, estimated))
            except ActionError as exc:
                messages.error(request, str(exc))
    else:
        initial: dict[str, object] = {
            "period": period.code,
            "estimated": estimated,
            "unit": target.unit,
        }
        if current is not None:
            initial.update(
                {
                    k: getattr(current, k)
                    for k in (
                        "value",
                        "unit",
                        "percent_of_target",
                        "change_percent",
                        "previous_value",
                        "declared_status",
                        "source",
                        "note",
                    )
                }
            )
        form = ResultForm(initial=initial)
        if current is not None and current.state in (ResultState.DRAFT, ResultState.RETURNED):
            warnings = _warnings(target, result_to_domain(current), period)
    return _render(request, target, period, estimated, form, warnings)


def _url(target: TargetRow, period: Period, estimated: bool) -> str:
    return f"/chi-tieu/{target.pk}/ket-qua/?ky={period.code}" + ("&uoc=1" if estimated else "")


def _base_seq(request: HttpRequest, period: Period, estimated: bool) -> int | None:
    """The version shown when the user started typing (hidden field "base", written by
    _render), if it is this slot: saving over a newer version is refused (optimistic lock)."""
    code, _, rest = request.POST.get("base", "").partition(":")
    flag, _, seq = rest.partition(":")
    if code != period.code or flag != str(int(estimated)) or not seq.isdigit():
        return None
    return int(seq)


def _render(
    request: HttpRequest,
    target: TargetRow,
    period: Period,
    estimated: bool,
    form: ResultForm,
    warnings: list[str],
) -> HttpResponse:
    slots = []
    for est in (True, False):
        version = current_version(target, period, est)
        slots.append({"estimated": est, "current": version})
    shown = current_version(target, period, estimated)  # what the form is typed against
    return render(
        request,
        "chitieu/result_entry.html",
        {
            "target": target,
            "period": period,
            "estimated": estimated,
            "form": form,
            "warnings": warnings,
            "slots": slots,
            "base": f"{period.code}:{int(estimated)}:{shown.seq if shown else 0}",
            "locked": is_locked(target.resolution, period),
            "can_report": perm.can_report(request.user, target),
            "can_approve": perm.can_approve(request.user, target),
            "history": ResultVersion.objects.filter(target=target, period_code=period.code)
            .select_related("created_by")
            .order_by("-id"),
        },
    )


def _review(request: HttpRequest, target_id: int, action: str) -> HttpResponse:
    target = get_object_or_404(
        TargetRow.objects.select_related("resolution__issuing_body", "responsible_body"),
        pk=target_id,
    )
    if not perm.can_approve(request.user, target):
        raise PermissionDenied(_("Bạn không có quyền phê duyệt kết quả của chỉ tiêu này."))
    period, estimated = _slot(request, target)
    try:
        if action == "approve":
            do_approve_result(target, period, estimated, user=request.user)
            messages.success(request, _("Đã phê duyệt."))
        else:
            do_return_result(
                target,
                period,
                estimated,
                user=request.user,
                comment=request.POST.get("comment", ""),
            )
            messages.success(request, _("Đã trả lại kết quả."))
    except ActionError as exc:
        messages.error(request, str(exc))
    return redirect(_url(target, period, estimated))
