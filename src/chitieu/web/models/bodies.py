"""Bodies (cơ quan) on administrative units: Party committees, People's Councils, People's
Committees, departments, agencies. `parent` gives the hierarchy: a permission on a body
reaches the bodies below it."""

from __future__ import annotations

from django.db import models


class BodyKind(models.TextChoices):
    PARTY_COMMITTEE = "party_committee", "Cấp ủy Đảng"
    PEOPLES_COUNCIL = "peoples_council", "Hội đồng nhân dân"
    PEOPLES_COMMITTEE = "peoples_committee", "Ủy ban nhân dân"
    DEPARTMENT = "department", "Phòng, ban, sở"
    AGENCY = "agency", "Cơ quan, đơn vị"


class Body(models.Model):
    name = models.CharField("tên", max_length=200)
    kind = models.CharField("loại", max_length=32, choices=BodyKind.choices)
    unit = models.ForeignKey(
        "web.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="bodies"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )

    class Meta:
        verbose_name = "cơ quan"
        verbose_name_plural = "cơ quan"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
