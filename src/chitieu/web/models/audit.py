"""The audit trail and the recycle bin.

AuditEntry: one row per create, update and delete of any row of the audited apps (who, when,
from where, and the row's values after the change), written by chitieu.web.audit's signal
receivers, so no write path can forget it.

DeletedRecord: a deleted resolution or target with everything hanging from it, kept as
Django's XML serialisation until restored (soft delete without a "deleted" flag that every
query would have to remember)."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AuditAction(models.TextChoices):
    CREATE = "create", "Tạo"
    UPDATE = "update", "Sửa"
    DELETE = "delete", "Xóa"


class AuditEntry(models.Model):
    at = models.DateTimeField("lúc", auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="người thực hiện",
    )
    # "web" (a page), "api", or "system" (a command, a migration, a background job).
    channel = models.CharField("qua", max_length=16)
    ip = models.CharField("địa chỉ", max_length=64, blank=True)
    action = models.CharField("thao tác", max_length=16, choices=AuditAction.choices)
    model = models.CharField("loại dữ liệu", max_length=100)  # app_label.modelname
    object_id = models.CharField("mã dòng", max_length=64)
    object_repr = models.CharField("dòng", max_length=200, blank=True)
    values = models.JSONField("giá trị", default=dict, blank=True)

    class Meta:
        verbose_name = "nhật ký thay đổi"
        verbose_name_plural = "nhật ký thay đổi"
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["model", "object_id"])]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.get_action_display()} {self.model}#{self.object_id}"


class DeletedRecord(models.Model):
    model = models.CharField("loại dữ liệu", max_length=100)
    object_id = models.CharField("mã dòng", max_length=64)
    object_repr = models.CharField("tên", max_length=300)
    rows = models.PositiveIntegerField("số dòng kèm theo")
    data = models.TextField()  # django.core.serializers "xml", parents first
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    deleted_at = models.DateTimeField("xóa lúc", auto_now_add=True)
    restored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    restored_at = models.DateTimeField("khôi phục lúc", null=True, blank=True)

    class Meta:
        verbose_name = "dữ liệu đã xóa"
        verbose_name_plural = "thùng rác"
        ordering = ["-deleted_at", "-id"]

    def __str__(self) -> str:
        return f"{self.object_repr} ({self.deleted_at:%d/%m/%Y %H:%M})"


# The receivers live with the trail they write: connected as soon as models are loaded.
from chitieu.web import audit as _receivers  # noqa: E402, F401
