"""The conference report of a resolution for a period: DOCX, XLSX, PDF, HTML preview.

Thin view: the evaluations come from chitieu.web.dashboard (which maps rows through
chitieu.web.domain), the document from chitieu.reports. Who may read the dashboard may make
its report; public resolutions need no login, as on the dashboard. The fact check of a draft
against the same data is in views/factcheck.py.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chitieu.model import Evaluation, Period, PeriodError, PeriodKind, Target
from chitieu.reports import MEDIA_TYPES, Header, build_report
from chitieu.reports import render as render_report
from chitieu.reports.model import Section
from chitieu.web import permissions as perm
from chitieu.web.dashboard import build_dashboard, periods_of
from chitieu.web.domain import target_to_domain
from chitieu.web.models import Body, BodyKind, Resolution, TargetRow

FORMAT_LABELS = {
    "docx": "Word (.docx)",
    "xlsx": "Excel (.xlsx)",
    "pdf": "PDF (.pdf)",
    "html": gettext_lazy("Xem trước (HTML)"),
}
# Characters Windows and macOS refuse in a file name, and control characters.
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')


class ReportError(Exception):
    """A request the report cannot be made for; the message is Vietnamese, for the user."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class ReportData:
    resolution: Resolution
    period: Period
    evaluations: list[Evaluation]
    next_targets: list[Target]
    next_period: Period | None


# -- access and data ----------------------------------------------------------------------


def refuse_anonymous(request: HttpRequest, resolution_id: int) -> HttpResponse | None:
    """Anonymous visitors read public resolutions only; others go to the login page."""
    if request.user.is_authenticated:
        return None
    if Resolution.objects.filter(pk=resolution_id, is_public=True).exists():
        return None
    return redirect_to_login(request.get_full_path())


def parse_period(resolution: Resolution, code: str) -> Period:
    if not code:
        return resolution.period
    try:
        return Period.parse(code.strip())
    except PeriodError as exc:
        reason = str(exc)  # already Vietnamese and names the code and the accepted forms
        raise ReportError(reason[:1].upper() + reason[1:]) from exc


def _next_period(period: Period) -> Period | None:
    return Period.year_of(period.year + 1) if period.kind is PeriodKind.YEAR else None


def _next_targets(resolution: Resolution, period: Period) -> tuple[list[Target], Period | None]:
    """Next year's targets of the same body (its annual resolution for that year), if any:
    the report lists them in its last section."""
    upcoming = _next_period(period)
    if upcoming is None:
        return [], None
    rows = (
        TargetRow.objects.filter(
            resolution__issuing_body_id=resolution.issuing_body_id,
            resolution__start_year=upcoming.year,
            resolution__end_year__isnull=True,
        )
        .exclude(resolution_id=resolution.pk)
        .select_related("resolution")
        .order_by("resolution_id", "order", "id")
    )
    return [target_to_domain(r) for r in rows], upcoming


def _planning_sections(resolution: Resolution, period: Period) -> list[Section]:
    """The planning app's sections (year-end forecasts at risk, overdue tasks), which speak
    as of today: only in a report on the resolution's own period or on the current year."""
    from chitieu.web.planning import clock
    from chitieu.web.planning.report import planning_sections

    today = clock.today()
    if period != resolution.period and period.year != today.year:
        return []
    return planning_sections(resolution, today)


def report_data(resolution: Resolution, period: Period) -> ReportData:
    """The evaluated targets of a period, exactly as the dashboard evaluates them."""
    evaluations = [row.evaluation for row in build_dashboard(resolution, period).rows]
    next_targets, next_period = _next_targets(resolution, period)
    return ReportData(resolution, period, evaluations, next_targets, next_period)


def no_data_reason(data: ReportData) -> str | None:
    """Why there is nothing to report for this period (Vietnamese), or None."""
    if not data.evaluations:
        return _("Nghị quyết chưa có chỉ tiêu nào: chưa có số liệu để lập báo cáo hay đối chiếu.")
    if all(e.result is None for e in data.evaluations):
        return _(
            "Kỳ %(period)s chưa có kết quả nào được phê duyệt: chưa có số liệu để lập báo cáo "
            "hay đối chiếu. Hãy chọn kỳ khác, hoặc nhập và duyệt kết quả trước."
        ) % {"period": data.period.label_vi}
    return None


# -- the header -------------------------------------------------------------------------------


def is_party(body: Body) -> bool:
    return body.kind == BodyKind.PARTY_COMMITTEE


def superior_of(body: Body) -> str:
    """The body above, for the header's first line: only within the same system (a Party
    committee above a People's Committee gives permissions, not a letterhead)."""
    parent = body.parent
    if parent is None or is_party(parent) != is_party(body):
        return ""
    return parent.name


def default_place(body: Body) -> str:
    """ "Cai Lậy" from the unit "Thị xã Cai Lậy": Decree 30 writes the place name alone."""
    if body.unit is None:
        return ""
    name = body.unit.name.strip()
    for prefix in ("thành phố ", "thị xã ", "thị trấn ", "huyện ", "tỉnh ", "phường ", "xã "):
        if name.casefold().startswith(prefix):
            return name[len(prefix) :].strip()
    return name


class ReportOptions(forms.Form):
    """What the header needs beyond the data: all optional, blanks left for the signer."""

    so = forms.CharField(max_length=64, required=False, label=gettext_lazy("Số, ký hiệu"))
    noi = forms.CharField(max_length=120, required=False, label=gettext_lazy("Địa danh"))
    ngay = forms.DateField(required=False, label=gettext_lazy("Ngày văn bản"))
    tieu_de = forms.CharField(max_length=300, required=False, label=gettext_lazy("Trích yếu"))


def _options(request: HttpRequest, body: Body) -> ReportOptions:
    data = request.GET.copy()
    if "noi" not in data:  # a field left empty on purpose stays empty
        data["noi"] = default_place(body)
    form = ReportOptions(data)
    if not form.is_valid():
        problems = "; ".join(
            f"{form.fields[name].label}: {' '.join(str(m) for m in msgs)}"
            for name, msgs in form.errors.items()
        )
        raise ReportError(
            _("Thông tin đầu báo cáo chưa đúng (%(problems)s).") % {"problems": problems}
        )
    return form


def header_for(resolution: Resolution, options: ReportOptions) -> Header:
    body = resolution.issuing_body
    d: dict[str, Any] = options.cleaned_data
    return Header(
        body=body.name,
        party=is_party(body),
        superior=superior_of(body),
        number=(d.get("so") or "").strip(),
        place=(d.get("noi") or "").strip(),
        date=d.get("ngay"),
        title=(d.get("tieu_de") or "").strip(),
    )


# -- file names ------------------------------------------------------------------------------


def report_file_name(resolution: Resolution, period: Period, fmt: str) -> str:
    """ "Báo cáo kết quả thực hiện chỉ tiêu - Nghị quyết Cai Lậy năm 2024.docx"; the period
    is added when the title does not already say it."""
    title = _UNSAFE_NAME.sub(" ", resolution.title).strip()
    stem = f"Báo cáo kết quả thực hiện chỉ tiêu - {title}"
    if period.label_vi.casefold() not in title.casefold():
        stem += f" - {period.label_vi}"
    stem = re.sub(r"\s+", " ", unicodedata.normalize("NFC", stem))[:150].rstrip(" .-")
    return f"{stem}.{fmt}"


def ascii_fallback(name: str) -> str:
    """The file name without accents, for clients that ignore filename*."""
    folded = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^A-Za-z0-9._-]+", "-", plain).strip("-") or "bao-cao"


def content_disposition(name: str, *, inline: bool = False) -> str:
    """RFC 6266 with an RFC 5987 `filename*`: the Vietnamese name for browsers that read it."""
    kind = "inline" if inline else "attachment"
    return f"{kind}; filename=\"{ascii_fallback(name)}\"; filename*=UTF-8''{quote(name, safe='')}"


# -- views -------------------------------------------------------------------------------------


def report(request: HttpRequest, resolution_id: int) -> HttpResponse:
    """GET without `format`: the page to choose period and header. With
    `format=docx|xlsx|pdf|html`: the document (HTML shown inline as the preview)."""
    refused = refuse_anonymous(request, resolution_id)
    if refused is not None:
        return refused
    resolution = perm.get_resolution_for_user(request.user, resolution_id)
    fmt = request.GET.get("format", "")
    context: dict[str, Any] = {
        "resolution": resolution,
        "periods": periods_of(resolution),
        "formats": list(FORMAT_LABELS.items()),
        "period": resolution.period,
        "options": ReportOptions({"noi": default_place(resolution.issuing_body)}),
    }
    try:
        period = parse_period(resolution, request.GET.get("period") or request.GET.get("ky", ""))
        context["period"] = period
        if period not in context["periods"]:  # a period with no figure yet can still be chosen
            context["periods"].append(period)
        options = _options(request, resolution.issuing_body)
        context["options"] = options
        if fmt and fmt not in MEDIA_TYPES:
            raise ReportError(
                _("Định dạng “%(fmt)s” không có; chọn docx, xlsx, pdf hoặc html.") % {"fmt": fmt}
            )
        data = report_data(resolution, period)
        reason = no_data_reason(data)
        if reason is not None:
            # The page itself is fine (200); a file asked for cannot be made (422), and is not
            # a 404, which this app keeps for "no such resolution or no access".
            raise ReportError(reason, status=422 if fmt else 200)
    except ReportError as exc:
        context["error"] = str(exc)
        return render(request, "chitieu/report_form.html", context, status=exc.status)
    document = build_report(
        header_for(resolution, options),
        period,
        data.evaluations,
        next_targets=data.next_targets,
        next_period=data.next_period,
        extra_sections=_planning_sections(resolution, period),
    )
    if not fmt:
        context["summary"] = document
        return render(request, "chitieu/report_form.html", context)
    body = render_report(document, fmt)
    response = HttpResponse(body, content_type=MEDIA_TYPES[fmt])
    name = report_file_name(resolution, period, fmt)
    response["Content-Disposition"] = content_disposition(name, inline=fmt == "html")
    return response
