"""Who may do what with tasks, term targets and calendars, on the main app's rules
(chitieu.web.permissions): editors of the resolution's issuing body manage its tasks, term
specs, flow/stock choices and reporting rules; the reporters of a task's responsible body add
its progress updates. Readers of the resolution (or members of the responsible body) read."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from chitieu.web import permissions as perm
from chitieu.web.permissions import AnyUser
from chitieu.web.planning.models import Task


def can_manage(user: AnyUser, resolution: object) -> bool:
    return bool(user.is_authenticated) and perm.can_edit_targets(user, resolution)  # type: ignore[arg-type]


def can_update_task(user: AnyUser, task: Task) -> bool:
    return bool(user.is_authenticated) and perm.has_role(
        user, task.responsible_body, perm.REPORT_RESULTS
    )


def get_task_for_user(user: AnyUser, task_id: int) -> Task:
    task = get_object_or_404(
        Task.objects.select_related("resolution__issuing_body", "responsible_body"), pk=task_id
    )
    if perm.has_role(user, task.responsible_body, frozenset(perm.Role)):
        return task  # the responsible body sees its task even if it reports no target
    try:
        perm.get_resolution_for_user(user, task.resolution_id)
    except Http404:
        raise Http404("Không tìm thấy nhiệm vụ.") from None
    return task


def get_rw_task_for_user(user: AnyUser, task_id: int) -> Task:
    """A task the user may edit or delete (editor/admin of the resolution's issuing body)."""
    task = get_object_or_404(
        Task.objects.select_related("resolution__issuing_body", "responsible_body"), pk=task_id
    )
    if not can_manage(user, task.resolution):
        raise PermissionDenied("Bạn không có quyền sửa nhiệm vụ của nghị quyết này.")
    return task


def get_task_for_update(user: AnyUser, task_id: int) -> Task:
    """A task the user may report progress on (reporter/admin of the responsible body)."""
    task = get_object_or_404(
        Task.objects.select_related("resolution__issuing_body", "responsible_body"), pk=task_id
    )
    if not can_update_task(user, task):
        raise PermissionDenied("Bạn không có quyền cập nhật tiến độ nhiệm vụ này.")
    return task
