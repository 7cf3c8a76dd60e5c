"""Tasks of a resolution: list (with the create form for its editors), page with dated
updates, edit, delete, and progress updates by the responsible body."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chitieu.tasks import TaskStatus, describe_task, progress_on, task_status
from chitieu.web import permissions as perm
from chitieu.web.actions.errors import ActionError
from chitieu.web.models import Body, Resolution
from chitieu.web.planning import clock
from chitieu.web.planning.actions import (
    do_add_task_update,
    do_create_task,
    do_delete_task,
    do_update_task,
)
from chitieu.web.planning.domain import task_to_domain
from chitieu.web.planning.forms import TaskForm, TaskUpdateForm
from chitieu.web.planning.models import Task
from chitieu.web.planning.permissions import (
    can_manage,
    can_update_task,
    get_rw_task_for_user,
    get_task_for_update,
    get_task_for_user,
)


def _bodies_for(resolution: Resolution):  # type: ignore[no-untyped-def]
    """A task is assigned to the issuing body or a body below it."""
    return Body.objects.filter(id__in=perm._descendants({resolution.issuing_body_id}))


def task_rows(resolution: Resolution) -> list[dict[str, object]]:
    today = clock.today()
    tasks = Task.objects.filter(resolution=resolution).select_related("responsible_body")
    rows = []
    for task in tasks.prefetch_related("updates"):
        core = task_to_domain(task)
        status = task_status(core, today)
        rows.append(
            {
                "task": task,
                "status": status,
                "progress": progress_on(core, today),
                "overdue": status is TaskStatus.OVERDUE,
                "line": describe_task(core, today),
            }
        )
    return rows


@login_required
def task_list(request: HttpRequest, resolution_id: int) -> HttpResponse:
    resolution = perm.get_resolution_for_user(request.user, resolution_id)
    manage = can_manage(request.user, resolution)
    form = TaskForm(bodies=_bodies_for(resolution))
    if request.method == "POST":
        if not manage:
            raise PermissionDenied(_("Bạn không có quyền thêm nhiệm vụ cho nghị quyết này."))
        form = TaskForm(request.POST, bodies=_bodies_for(resolution))
        if form.is_valid():
            try:
                task = do_create_task(resolution, **form.cleaned_data)
            except ActionError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("Đã thêm nhiệm vụ."))
                return redirect("planning:task_detail", task.pk)
    return render(
        request,
        "planning/task_list.html",
        {
            "resolution": resolution,
            "rows": task_rows(resolution),
            "form": form,
            "can_manage": manage,
            "today": clock.today(),
        },
    )


@login_required
def task_detail(request: HttpRequest, task_id: int) -> HttpResponse:
    task = get_task_for_user(request.user, task_id)
    today = clock.today()
    core = task_to_domain(task)
    return render(
        request,
        "planning/task_detail.html",
        {
            "task": task,
            "resolution": task.resolution,
            "status": task_status(core, today),
            "progress": progress_on(core, today),
            "line": describe_task(core, today),
            "updates": task.updates.select_related("created_by").order_by("-on", "-id"),
            "form": TaskUpdateForm(initial={"on": today}),
            "can_manage": can_manage(request.user, task.resolution),
            "can_update": can_update_task(request.user, task),
        },
    )


@login_required
def task_edit(request: HttpRequest, task_id: int) -> HttpResponse:
    task = get_rw_task_for_user(request.user, task_id)
    bodies = _bodies_for(task.resolution)
    initial = {
        "kind": task.kind,
        "code": task.code,
        "title": task.title,
        "responsible_body": task.responsible_body_id,
        "deadline": task.deadline,
    }
    form = TaskForm(request.POST or None, bodies=bodies, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            do_update_task(task, **form.cleaned_data)
        except ActionError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Đã lưu nhiệm vụ."))
            return redirect("planning:task_detail", task.pk)
    return render(
        request,
        "planning/task_form.html",
        {"task": task, "form": form, "resolution": task.resolution},
    )


@login_required
@require_POST
def task_delete(request: HttpRequest, task_id: int) -> HttpResponse:
    task = get_rw_task_for_user(request.user, task_id)
    resolution_id = task.resolution_id
    do_delete_task(task)
    messages.success(request, _("Đã xóa nhiệm vụ."))
    return redirect("planning:task_list", resolution_id)


@login_required
@require_POST
def task_update_add(request: HttpRequest, task_id: int) -> HttpResponse:
    task = get_task_for_update(request.user, task_id)
    form = TaskUpdateForm(request.POST)
    if form.is_valid():
        try:
            do_add_task_update(
                task,
                on=form.cleaned_data["on"],
                progress=form.cleaned_data["progress"],
                note=form.cleaned_data["note"],
                user=request.user,  # type: ignore[arg-type]
            )
        except ActionError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Đã cập nhật tiến độ."))
    else:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            messages.error(request, f"{label}: {' '.join(errors)}" if label else " ".join(errors))
    return redirect("planning:task_detail", task.pk)
