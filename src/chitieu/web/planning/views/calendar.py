"""The reporting calendar of a resolution (duties, due dates, late bodies) and its rules form."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from chitieu.web import permissions as perm
from chitieu.web.actions.errors import ActionError
from chitieu.web.planning import clock
from chitieu.web.planning.actions import do_set_reporting_rule
from chitieu.web.planning.forms import ReportingRuleForm
from chitieu.web.planning.models import PERIOD_KIND_LABELS, ReminderLog
from chitieu.web.planning.permissions import can_manage
from chitieu.web.planning.reporting import calendar_of, duties, late_by_body


@login_required
def reporting_calendar(request: HttpRequest, resolution_id: int) -> HttpResponse:
    resolution = perm.get_resolution_for_user(request.user, resolution_id)
    manage = can_manage(request.user, resolution)
    form = ReportingRuleForm()
    if request.method == "POST":
        if not manage:
            raise PermissionDenied(_("Bạn không có quyền sửa lịch báo cáo của nghị quyết này."))
        form = ReportingRuleForm(request.POST)
        if form.is_valid():
            try:
                do_set_reporting_rule(resolution, **form.cleaned_data)
            except ActionError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("Đã lưu lịch báo cáo."))
                return redirect("planning:calendar", resolution.pk)
    today = clock.today()
    rows = duties(resolution, today)
    calendar, kinds = calendar_of(resolution)
    bodies = {r.body for r in rows}
    return render(
        request,
        "planning/calendar.html",
        {
            "resolution": resolution,
            "today": today,
            "rows": rows,
            "late": late_by_body(rows),
            "rules": [
                (PERIOD_KIND_LABELS.get(k.value, k.value), calendar.rule_for(k)) for k in kinds
            ],
            "reminders": ReminderLog.objects.filter(body__in=bodies).select_related("body")[:50],
            "form": form,
            "can_manage": manage,
        },
    )
