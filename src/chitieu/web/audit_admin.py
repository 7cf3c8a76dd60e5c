"""Admin pages for the audit trail (read-only) and the recycle bin (restore), and the base
class that makes the admin's "delete" of a resolution or a target a soft delete."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from chitieu.web.actions.errors import ActionError
from chitieu.web.actions.recycle import do_restore, do_soft_delete
from chitieu.web.models import AuditEntry, DeletedRecord


class SoftDeleteAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Deleting from the admin sends the row (and what hangs from it) to the recycle bin."""

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        do_soft_delete(obj, user=request.user)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        for obj in queryset:
            do_soft_delete(obj, user=request.user)


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("at", "user", "channel", "ip", "action", "model", "object_id", "object_repr")
    list_filter = ("action", "channel", "model")
    search_fields = ("object_repr", "object_id", "user__username")
    date_hierarchy = "at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # the trail is never edited, not even by an administrator


@admin.action(description="Khôi phục dữ liệu đã chọn")
def restore(modeladmin: Any, request: HttpRequest, queryset: QuerySet[DeletedRecord]) -> None:
    for entry in queryset:
        try:
            rows = do_restore(entry, user=request.user)
        except ActionError as exc:
            modeladmin.message_user(request, f"{entry}: {exc}", messages.ERROR)
        else:
            modeladmin.message_user(request, f"Đã khôi phục {entry.object_repr} ({rows} dòng).")


@admin.register(DeletedRecord)
class DeletedRecordAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("object_repr", "model", "rows", "deleted_by", "deleted_at", "restored_at")
    list_filter = ("model",)
    exclude = ("data",)
    actions = (restore,)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
