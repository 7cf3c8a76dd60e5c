"""Results: every version of every figure is a row, never updated in place.

A (target, period, estimated) slot has versions 1, 2, …; each save or workflow step adds
one. The effective figure of a target for a period is chosen in chitieu.web.domain
(approved official over approved estimate, newest first)."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ResultState(models.TextChoices):
    DRAFT = "draft", "Nháp"
    SUBMITTED = "submitted", "Chờ duyệt"
    APPROVED = "approved", "Đã duyệt"
    RETURNED = "returned", "Trả lại"


class ResultVersion(models.Model):
    target = models.ForeignKey("web.TargetRow", on_delete=models.CASCADE, related_name="results")
    period_code = models.CharField("kỳ", max_length=16)  # chitieu.model.Period.code
    estimated = models.BooleanField("ước thực hiện", default=False)
    seq = models.PositiveIntegerField("phiên bản")
    state = models.CharField("trạng thái", max_length=16, choices=ResultState.choices)
    value = models.DecimalField("giá trị", max_digits=20, decimal_places=6, null=True, blank=True)
    unit = models.CharField("đơn vị tính", max_length=64, blank=True)
    percent_of_target = models.DecimalField(
        "% so với chỉ tiêu", max_digits=12, decimal_places=4, null=True, blank=True
    )
    change_percent = models.DecimalField(
        "% tăng/giảm so với cùng kỳ", max_digits=12, decimal_places=4, null=True, blank=True
    )
    previous_value = models.DecimalField(
        "cùng kỳ năm trước", max_digits=20, decimal_places=6, null=True, blank=True
    )
    declared_status = models.CharField("tự đánh giá", max_length=16, blank=True)
    note = models.TextField("ghi chú", blank=True)
    source = models.CharField("nguồn số liệu", max_length=300, blank=True)
    comment = models.TextField("ý kiến (khi trả lại)", blank=True)
    illustrative = models.BooleanField("số liệu minh họa", default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "kết quả"
        verbose_name_plural = "kết quả"
        ordering = ["target_id", "period_code", "estimated", "seq"]
        constraints = [
            models.UniqueConstraint(
                fields=["target", "period_code", "estimated", "seq"], name="unique_result_version"
            )
        ]
        indexes = [models.Index(fields=["target", "period_code", "state"])]


class PeriodLock(models.Model):
    """An approved period closed for a resolution: no result of it may change."""

    resolution = models.ForeignKey("web.Resolution", on_delete=models.CASCADE, related_name="locks")
    period_code = models.CharField(max_length=16)
    locked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    locked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["resolution", "period_code"], name="unique_period_lock")
        ]
