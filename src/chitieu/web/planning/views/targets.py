"""A target's planning page (term progress, year-end forecast, series of the old communes),
the forms that set its term kind and its flow/stock choice, and the term dashboard."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chitieu.term import TermStatus, count_statuses
from chitieu.web import permissions as perm
from chitieu.web.actions.errors import ActionError
from chitieu.web.models import TargetRow
from chitieu.web.planning.actions import do_set_accumulation, do_set_term_spec
from chitieu.web.planning.continuity import successor_series
from chitieu.web.planning.domain import accumulation_of
from chitieu.web.planning.forecasts import resolution_forecasts
from chitieu.web.planning.forms import AccumulationForm, TermSpecForm
from chitieu.web.planning.models import TermSpec
from chitieu.web.planning.permissions import can_manage
from chitieu.web.planning.terms import assess_row, sentence, term_rows


@login_required
def target_planning(request: HttpRequest, target_id: int) -> HttpResponse:
    target = perm.get_target_for_user(request.user, target_id)
    resolution = target.resolution
    spec = TermSpec.objects.filter(target=target).first()
    term = assess_row(target, spec) if spec else None
    forecast = next((f for f in resolution_forecasts(resolution) if f.target.pk == target.pk), None)
    accumulation, default = accumulation_of(target)
    series, series_note = successor_series(target)
    editable = can_manage(request.user, resolution)
    return render(
        request,
        "planning/target.html",
        {
            "target": target,
            "resolution": resolution,
            "term": term,
            "forecast": forecast,
            "accumulation": accumulation,
            "accumulation_default": default,
            "series": series,
            "series_rows": sorted(series.values.items(), key=lambda kv: kv[0].year)
            if series
            else [],
            "series_note": series_note,
            "can_manage": editable,
            "is_term": bool(resolution.end_year),
            "term_form": TermSpecForm(
                initial={"kind": spec.kind, "baseline": spec.baseline} if spec else None
            ),
            "accumulation_form": AccumulationForm(initial={"accumulation": accumulation.value}),
        },
    )


def _rw_target(request: HttpRequest, target_id: int) -> TargetRow:
    target = get_object_or_404(
        TargetRow.objects.select_related("resolution__issuing_body"), pk=target_id
    )
    if not can_manage(request.user, target.resolution):
        raise PermissionDenied(_("Bạn không có quyền sửa chỉ tiêu của nghị quyết này."))
    return target


@login_required
@require_POST
def term_spec_set(request: HttpRequest, target_id: int) -> HttpResponse:
    target = _rw_target(request, target_id)
    form = TermSpecForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
    else:
        try:
            do_set_term_spec(target, form.cleaned_data["kind"], form.cleaned_data["baseline"])
            messages.success(request, _("Đã lưu loại chỉ tiêu nhiệm kỳ."))
        except ActionError as exc:
            messages.error(request, str(exc))
    return redirect("planning:target", target.pk)


@login_required
@require_POST
def accumulation_set(request: HttpRequest, target_id: int) -> HttpResponse:
    target = _rw_target(request, target_id)
    form = AccumulationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Chọn lũy kế hoặc số tại thời điểm."))
    else:
        try:
            do_set_accumulation(target, form.cleaned_data["accumulation"])
            messages.success(request, _("Đã lưu cách cộng số liệu trong năm."))
        except ActionError as exc:
            messages.error(request, str(exc))
    return redirect("planning:target", target.pk)


@login_required
def term_dashboard(request: HttpRequest, resolution_id: int) -> HttpResponse:
    resolution = perm.get_resolution_for_user(request.user, resolution_id)
    rows = term_rows(resolution)
    counts = count_statuses(r.assessment for r in rows if r.assessment is not None)
    specced = {r.target.pk for r in rows}
    return render(
        request,
        "planning/term_dashboard.html",
        {
            "resolution": resolution,
            "rows": rows,
            "sentence": sentence(rows),
            "counts": [(s.value, s.label_vi, counts[s]) for s in TermStatus],
            "unspecified": TargetRow.objects.filter(resolution=resolution).exclude(pk__in=specced),
            "can_manage": can_manage(request.user, resolution),
        },
    )
