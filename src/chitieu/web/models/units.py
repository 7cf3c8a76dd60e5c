"""Administrative units of the 2025 structure (province -> commune/ward, no district level).

Codes are the official ones from the pinned `vietnam-provinces` package; see
chitieu.web.actions.units.do_load_units."""

from __future__ import annotations

from django.db import models


class UnitLevel(models.TextChoices):
    PROVINCE = "province", "Tỉnh/thành phố"
    COMMUNE = "commune", "Xã/phường/đặc khu"


class Unit(models.Model):
    # Province and commune codes are separate series (4 is both a province and a ward).
    code = models.PositiveIntegerField("mã")
    name = models.CharField("tên", max_length=120)
    level = models.CharField("cấp", max_length=16, choices=UnitLevel.choices)
    division_type = models.CharField("loại", max_length=32)  # "tỉnh", "xã", "phường", "đặc khu"
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )

    class Meta:
        verbose_name = "đơn vị hành chính"
        verbose_name_plural = "đơn vị hành chính"
        ordering = ["level", "code"]
        constraints = [models.UniqueConstraint(fields=["level", "code"], name="unique_unit_code")]

    def __str__(self) -> str:
        return self.name
