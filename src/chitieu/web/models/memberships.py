"""Who may do what, where: a user holds a role on a body (and so on the bodies below it)."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Role(models.TextChoices):
    ADMIN = "admin", "Quản trị"
    EDITOR = "editor", "Biên tập chỉ tiêu"
    REPORTER = "reporter", "Báo cáo kết quả"
    APPROVER = "approver", "Phê duyệt"
    VIEWER = "viewer", "Xem"


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    body = models.ForeignKey("web.Body", on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField("vai trò", max_length=16, choices=Role.choices)

    class Meta:
        verbose_name = "phân quyền"
        verbose_name_plural = "phân quyền"
        constraints = [
            models.UniqueConstraint(fields=["user", "body", "role"], name="unique_membership")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.body}"
