"""Resolution list, creation, dashboard and period lock."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chitieu.model import Field, Period, PeriodError, Status
from chitieu.web import permissions as perm
from chitieu.web.actions.errors import ActionError
from chitieu.web.actions.resolutions import do_create_resolution, do_lock_period, is_locked
from chitieu.web.comparison import compare
from chitieu.web.dashboard import build_dashboard
from chitieu.web.exports import CONTENT_TYPES, export_dashboard, targets_template
from chitieu.web.forms import ResolutionForm
from chitieu.web.models import Body, Resolution, ResolutionKind, Unit, UnitLevel
from chitieu.web.pagecache import pages


def _editable_bodies(request: HttpRequest):  # type: ignore[no-untyped-def]
    ids = perm.body_ids_for(request.user, perm.EDIT_TARGETS)
    return Body.objects.all() if ids is None else Body.objects.filter(id__in=ids)


@login_required
def resolution_list(request: HttpRequest) -> HttpResponse:
    resolutions = perm.resolutions_for_user(request.user).order_by("-start_year", "title")
    return render(
        request,
        "chitieu/resolution_list.html",
        {"resolutions": resolutions, "can_create": _editable_bodies(request).exists()},
    )


def public_list(request: HttpRequest) -> HttpResponse:
    """Resolutions their bodies chose to publish (People's Councils do): read-only, no login."""
    resolutions = Resolution.objects.filter(is_public=True).select_related("issuing_body")
    return render(
        request,
        "chitieu/resolution_list.html",
        {
            "resolutions": resolutions.order_by("-start_year", "title"),
            "can_create": False,
            "public": True,
        },
    )


@login_required
def resolution_create(request: HttpRequest) -> HttpResponse:
    bodies = _editable_bodies(request)
    if not bodies.exists():
        raise PermissionDenied(_("Bạn không có quyền tạo nghị quyết."))
    form = ResolutionForm(request.POST or None, bodies=bodies)
    if request.method == "POST":
        posted = request.POST.get("issuing_body", "")
        if posted.isdigit() and not bodies.filter(pk=int(posted)).exists():
            raise PermissionDenied(_("Bạn không có quyền ban hành nghị quyết cho cơ quan này."))
        if form.is_valid():
            d = form.cleaned_data
            try:
                resolution = do_create_resolution(
                    issuing_body=d["issuing_body"],
                    kind=d["kind"],
                    title=d["title"],
                    number=d.get("number") or "",
                    issued_on=d.get("issued_on"),
                    start_year=d["start_year"],
                    end_year=d.get("end_year"),
                    is_public=d.get("is_public", False),
                )
            except ActionError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("Đã tạo nghị quyết."))
                return redirect("resolution_dashboard", resolution.pk)
    return render(request, "chitieu/resolution_form.html", {"form": form})


def resolution_dashboard(request: HttpRequest, resolution_id: int) -> HttpResponse:
    if not request.user.is_authenticated:
        # A visitor's page depends only on the data: served from the cache (pagecache).
        key = pages.page_key(request, resolution_id, get_language())
        page = pages.get_page(request, key) if key else None
        if page is not None:
            return HttpResponse(page)
        # Public resolutions are readable without logging in; others need a user who may read.
        if not Resolution.objects.filter(pk=resolution_id, is_public=True).exists():
            return redirect_to_login(request.get_full_path())
    resolution = perm.get_resolution_for_user(request.user, resolution_id)
    try:
        period = Period.parse(request.GET["ky"]) if request.GET.get("ky") else resolution.period
    except PeriodError as exc:
        messages.error(request, str(exc))
        period = resolution.period
    context = _dashboard_context(request, resolution, period)
    if request.user.is_authenticated or key is None:
        return render(request, "chitieu/dashboard.html", context)
    context["csrf_token"] = pages.csrf_placeholder()  # each response gets its own token
    page = render_to_string("chitieu/dashboard.html", context, request)
    return HttpResponse(pages.put_page(request, key, page))


def _dashboard_context(
    request: HttpRequest, resolution: Resolution, period: Period
) -> dict[str, object]:
    body = request.GET.get("co_quan", "")
    dashboard = build_dashboard(
        resolution,
        period,
        field=request.GET.get("linh_vuc", ""),
        status=request.GET.get("trang_thai", ""),
        body_id=int(body) if body.isdigit() else None,
    )
    s = dashboard.summary
    counts = [
        ("exceeded", Status.EXCEEDED.label_vi, s.exceeded),
        ("achieved", Status.ACHIEVED.label_vi, s.achieved_only),
        ("not_achieved", Status.NOT_ACHIEVED.label_vi, s.not_achieved),
        ("pending", Status.PENDING.label_vi, s.pending),
    ]
    bodies = Body.objects.filter(responsible_targets__resolution=resolution).distinct()
    rows = [
        {
            "row": r,
            "can_report": request.user.is_authenticated and perm.can_report(request.user, r.target),
        }
        for r in dashboard.rows
    ]
    return {
        "resolution": resolution,
        "d": dashboard,
        "rows": rows,
        "counts": counts,
        "fields": [(f.value, f.label_vi) for f in Field],
        "statuses": [(st.value, st.label_vi) for st in Status],
        "bodies": bodies,
        "selected": request.GET,
        "can_edit": request.user.is_authenticated
        and perm.can_edit_targets(request.user, resolution),
        "can_lock": request.user.is_authenticated and perm.can_lock(request.user, resolution),
        "locked": is_locked(resolution, period),
        "kinds": dict(ResolutionKind.choices),
    }


@login_required
@require_POST
def period_lock(request: HttpRequest, resolution_id: int) -> HttpResponse:
    resolution = get_object_or_404(
        Resolution.objects.select_related("issuing_body"), pk=resolution_id
    )
    if not perm.can_lock(request.user, resolution):
        raise PermissionDenied(_("Bạn không có quyền khóa kỳ báo cáo."))
    try:
        period = Period.parse(request.POST.get("ky", ""))
        do_lock_period(resolution, period, request.user)
        messages.success(request, _("Đã khóa kỳ %(period)s.") % {"period": period.label_vi})
    except (PeriodError, ActionError) as exc:
        messages.error(request, str(exc))
        return redirect("resolution_dashboard", resolution.pk)
    return redirect(f"/nghi-quyet/{resolution.pk}/?ky={period.code}")


def resolution_export(request: HttpRequest, resolution_id: int, fmt: str) -> HttpResponse:
    """The evaluated targets of a period as CSV or XLSX (readable by `chitieu evaluate`)."""
    if (
        not request.user.is_authenticated
        and not Resolution.objects.filter(pk=resolution_id, is_public=True).exists()
    ):
        return redirect_to_login(request.get_full_path())
    resolution = perm.get_resolution_for_user(request.user, resolution_id)
    try:
        period = Period.parse(request.GET["ky"]) if request.GET.get("ky") else resolution.period
    except PeriodError as exc:
        return HttpResponse(str(exc), status=400, content_type="text/plain; charset=utf-8")
    data = export_dashboard(build_dashboard(resolution, period), fmt)
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = (
        f'attachment; filename="chi-tieu-{resolution.pk}-{period.code}.{fmt}"'
    )
    return response


def targets_template_download(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(targets_template(), content_type=CONTENT_TYPES["xlsx"])
    response["Content-Disposition"] = 'attachment; filename="mau-chi-tieu.xlsx"'
    return response


def comparison(request: HttpRequest) -> HttpResponse:
    """One indicator across the bodies whose resolutions the user may read (or public ones)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    name = request.GET.get("ten", "").strip()
    try:
        period = Period.parse(request.GET.get("ky") or str(timezone.now().year))
    except PeriodError as exc:
        messages.error(request, str(exc))
        period = Period.year_of(timezone.now().year)
    province = request.GET.get("tinh", "")
    readable = Resolution.objects.filter(
        Q(pk__in=perm.resolutions_for_user(request.user).values("pk")) | Q(is_public=True)
    )
    rows = (
        compare(readable, name, period, int(province) if province.isdigit() else None)
        if name
        else []
    )
    return render(
        request,
        "chitieu/comparison.html",
        {
            "name": name,
            "period": period,
            "rows": rows,
            "provinces": Unit.objects.filter(level=UnitLevel.PROVINCE).order_by("name"),
            "province": province,
        },
    )
