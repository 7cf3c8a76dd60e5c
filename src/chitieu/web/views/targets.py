"""Target page (all periods, history), target form, and targets from a pasted text."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from chitieu.model import Comparator, Direction, Field, Kind, Period
from chitieu.numbers import NumberFormatError, format_number, to_decimal
from chitieu.tables import InputErrors
from chitieu.web import permissions as perm
from chitieu.web.actions.errors import ActionError
from chitieu.web.actions.targets import do_create_target, do_import_targets, do_update_target
from chitieu.web.dashboard import period_sort_key
from chitieu.web.domain import effective_version, result_to_domain, target_to_domain
from chitieu.web.exports import read_uploaded_targets, target_to_row
from chitieu.web.forms import PasteForm, PreviewTargetForm, TargetForm
from chitieu.web.models import Body, Resolution, ResultVersion, TargetRow

PreviewFormSet = forms.formset_factory(PreviewTargetForm, extra=0)
TABLES = {".xlsx", ".csv"}


def _bodies_for(resolution: Resolution):  # type: ignore[no-untyped-def]
    """Bodies a target of this resolution may be assigned to: the issuing body and below."""
    ids = perm._descendants({resolution.issuing_body_id})
    return Body.objects.filter(id__in=ids).order_by("name")


def _term_targets(resolution: Resolution):  # type: ignore[no-untyped-def]
    """Targets of the same body's term resolutions covering this year (for an annual target)."""
    if resolution.end_year:
        return None
    return TargetRow.objects.filter(
        resolution__issuing_body_id=resolution.issuing_body_id,
        resolution__end_year__isnull=False,
        resolution__start_year__lte=resolution.start_year,
        resolution__end_year__gte=resolution.start_year,
    ).select_related("resolution")


def _mark_changes(versions: list[ResultVersion]) -> None:
    """Give each version the value it replaced in its slot (`old_value`), for "old → new"."""
    last: dict[tuple[str, bool], ResultVersion] = {}
    for v in sorted(versions, key=lambda v: (v.period_code, v.estimated, v.seq)):
        before = last.get((v.period_code, v.estimated))
        changed = before is not None and (
            before.value,
            before.percent_of_target,
            before.change_percent,
        ) != (
            v.value,
            v.percent_of_target,
            v.change_percent,
        )
        v.old_value = before.value if changed and before is not None else None  # type: ignore[attr-defined]
        v.value_changed = changed  # type: ignore[attr-defined]
        last[(v.period_code, v.estimated)] = v


@login_required
def target_detail(request: HttpRequest, target_id: int) -> HttpResponse:
    target = perm.get_target_for_user(request.user, target_id)
    versions = list(
        ResultVersion.objects.filter(target=target)
        .select_related("created_by")
        .order_by("-created_at", "-id")
    )
    by_period: dict[str, list[ResultVersion]] = {}
    for v in versions:
        by_period.setdefault(v.period_code, []).append(v)
    _mark_changes(versions)
    from chitieu.evaluate import evaluate

    domain_target = target_to_domain(target)
    periods = []
    for code in sorted(by_period, key=lambda c: period_sort_key(Period.parse(c)), reverse=True):
        best = effective_version(by_period[code])
        periods.append(
            {
                "period": Period.parse(code),
                "effective": best,
                "evaluation": evaluate(domain_target, result_to_domain(best) if best else None),
            }
        )
    chart = [
        (
            p["period"].code,
            float(p["effective"].value),
            format_number(p["effective"].value.normalize()),
        )
        for p in reversed(periods)
        if p["effective"] is not None and p["effective"].value is not None
    ]
    return render(
        request,
        "chitieu/target_detail.html",
        {
            "target": target,
            "chart": chart,
            "chart_target": target.value if target.kind == Kind.LEVEL.value else None,
            "periods": periods,
            "versions": versions,
            "changes": target.changes.select_related("user"),
            "can_edit": perm.can_edit_targets(request.user, target.resolution),
            "can_report": perm.can_report(request.user, target),
        },
    )


@login_required
def target_create(request: HttpRequest, resolution_id: int) -> HttpResponse:
    resolution = perm.get_rw_resolution_for_user(request.user, resolution_id)
    form = TargetForm(request.POST or None, bodies=_bodies_for(resolution))
    if request.method == "POST" and form.is_valid():
        try:
            do_create_target(
                resolution,
                form.to_target(),
                responsible_body=form.cleaned_data.get("responsible_body"),
            )
        except ActionError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Đã thêm chỉ tiêu."))
            return redirect("resolution_dashboard", resolution.pk)
    return render(request, "chitieu/target_form.html", {"form": form, "resolution": resolution})


@login_required
def target_edit(request: HttpRequest, target_id: int) -> HttpResponse:
    row = get_object_or_404(TargetRow.objects.select_related("resolution"), pk=target_id)
    resolution = perm.get_rw_resolution_for_user(request.user, row.resolution_id)
    initial = {
        **{k: v for k, v in row.__dict__.items() if not k.startswith("_")},
        "responsible_body": row.responsible_body_id,
        "term_target": row.term_target_id,
    }
    form = TargetForm(
        request.POST or None,
        initial=initial,
        bodies=_bodies_for(resolution),
        term_targets=_term_targets(resolution),
    )
    if request.method == "POST" and form.is_valid():
        try:
            changes = do_update_target(
                row,
                form.to_target(),
                user=request.user,
                responsible_body=form.cleaned_data.get("responsible_body"),
                term_target=form.cleaned_data.get("term_target", row.term_target),
            )
        except ActionError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Đã lưu %(n)s thay đổi.") % {"n": len(changes)})
            return redirect("target_detail", row.pk)
    return render(
        request, "chitieu/target_form.html", {"form": form, "resolution": resolution, "target": row}
    )


def _read_text(form: PasteForm) -> str:
    text: str = form.cleaned_data.get("text") or ""
    upload = form.cleaned_data.get("document")
    if upload is not None:
        import tempfile

        from chitieu.text import read_document

        suffix = Path(upload.name).suffix.lower()
        with tempfile.NamedTemporaryFile(suffix=suffix) as tmp:
            for chunk in upload.chunks():
                tmp.write(chunk)
            tmp.flush()
            text = read_document(Path(tmp.name))
    return text


def _initial_rows(extracted: dict[str, Any], start_order: int) -> list[dict[str, Any]]:
    """The reader's targets as editable rows (numbers shown the Vietnamese way)."""
    rows = []
    for i, item in enumerate(extracted.get("targets", [])):

        def dec(value: Any) -> Decimal | None:
            if value is None:
                return None
            try:
                return to_decimal(value)
            except NumberFormatError:
                return None

        comparator = item.get("comparator") or ">="
        name = str(item.get("name") or "")
        rows.append(
            {
                "include": True,
                "order": start_order + i,
                "name": name,
                "kind": item.get("kind") or Kind.LEVEL.value,
                "comparator": comparator if comparator in Comparator._value2member_map_ else ">=",
                "value": dec(item.get("value")),
                "value_max": dec(item.get("value_max")),
                "unit": item.get("unit") or "",
                "basis": item.get("basis") or "",
                # "<=" on a level is the reader's way of saying "less is better" (poverty, crime).
                "direction": Direction.LOWER.value
                if comparator == "<="
                else Direction.HIGHER.value,
                "field": item.get("field")
                if item.get("field") in Field._value2member_map_
                else Field.OTHER.value,
            }
        )
    return rows


@login_required
def target_paste(request: HttpRequest, resolution_id: int) -> HttpResponse:
    """Step 1: paste text -> the reader's targets as an editable preview.
    Step 2 (confirm): save the rows the user kept, all or none."""
    resolution = perm.get_rw_resolution_for_user(request.user, resolution_id)
    bodies = _bodies_for(resolution)
    paste = PasteForm()
    formset = None
    diagnostics: list[str] = []
    if request.method == "POST" and "confirm" in request.POST:
        formset = PreviewFormSet(request.POST, form_kwargs={"bodies": bodies}, prefix="t")
        default = request.POST.get("default_body", "")
        default_body = bodies.filter(pk=int(default)).first() if default.isdigit() else None
        if formset.is_valid():
            kept = [f for f in formset.forms if f.cleaned_data.get("include")]
            try:
                rows = do_import_targets(
                    resolution,
                    [f.to_target() for f in kept],
                    bodies=[f.cleaned_data.get("responsible_body") or default_body for f in kept],
                )
            except ActionError as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, _("Đã lưu %(n)s chỉ tiêu từ văn bản.") % {"n": len(rows)})
                return redirect("resolution_dashboard", resolution.pk)
    elif request.method == "POST":
        paste = PasteForm(request.POST, request.FILES)
        upload = request.FILES.get("document")
        if paste.is_valid() and upload is not None and Path(upload.name).suffix.lower() in TABLES:
            # A filled-in template: the table's targets go to the same editable preview.
            try:
                loaded = read_uploaded_targets(upload.name, upload.read())
            except InputErrors as exc:
                diagnostics = [str(e) for e in exc.errors]
                messages.error(
                    request,
                    _("Tệp có %(n)s lỗi, chưa lưu gì.") % {"n": len(exc.errors) + exc.omitted},
                )
            else:
                start = resolution.targets.count() + 1
                initial = [target_to_row(t, start + i) for i, t in enumerate(loaded)]
                formset = PreviewFormSet(
                    initial=initial, form_kwargs={"bodies": bodies}, prefix="t"
                )
        elif paste.is_valid():
            try:
                text = _read_text(paste)
                from chitieu.text import extract

                extracted = extract(text).to_dict()
            except Exception as exc:
                messages.error(request, _("Không đọc được văn bản: %(error)s") % {"error": exc})
            else:
                start = resolution.targets.count() + 1
                initial = _initial_rows(extracted, start)
                if not initial:
                    messages.warning(request, _("Không tìm thấy chỉ tiêu nào trong văn bản."))
                formset = PreviewFormSet(
                    initial=initial, form_kwargs={"bodies": bodies}, prefix="t"
                )
                diagnostics = [str(d) for d in extracted.get("diagnostics", [])][:20]
    return render(
        request,
        "chitieu/target_paste.html",
        {
            "resolution": resolution,
            "paste": paste,
            "formset": formset,
            "diagnostics": diagnostics,
            "bodies": bodies,
        },
    )
