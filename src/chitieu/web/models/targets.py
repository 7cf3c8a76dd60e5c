"""Targets (chỉ tiêu) of a resolution, and the history of every change to them."""

from __future__ import annotations

import unicodedata
from typing import Any

from django.conf import settings
from django.db import models

from chitieu.model import Comparator, Direction, Field, Kind


def _choices(enum: type) -> list[tuple[str, str]]:
    labels = {
        ">=": "≥ (trở lên)",
        "<=": "≤ (không quá)",
        "=": "= (bằng)",
        "~": "≈ (khoảng)",
        "range": "khoảng a–b",
        "level": "mức",
        "change": "tăng/giảm %",
        "higher": "càng cao càng tốt",
        "lower": "càng thấp càng tốt",
        "neutral": "không xác định",
    }
    out = []
    for member in enum:  # type: ignore[attr-defined]
        label = getattr(member, "label_vi", None) or labels.get(member.value, member.value)
        out.append((member.value, label))
    return out


def name_key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).lower().split())


class TargetRow(models.Model):
    """A stored target. `to_domain` in chitieu.web.domain makes a chitieu.model.Target."""

    resolution = models.ForeignKey(
        "web.Resolution", on_delete=models.CASCADE, related_name="targets"
    )
    code = models.CharField("mã", max_length=32, blank=True)
    order = models.PositiveIntegerField("thứ tự", default=0)
    name = models.CharField("tên chỉ tiêu", max_length=300)
    # name_key(name): lower case, NFC, single spaces. Lets the comparison view find the same
    # indicator across communes in SQL (SQLite's LIKE folds ASCII case only).
    name_key = models.CharField(max_length=300, db_index=True, default="", editable=False)
    field = models.CharField(
        "lĩnh vực", max_length=32, choices=_choices(Field), default=Field.OTHER.value
    )
    kind = models.CharField("loại", max_length=16, choices=_choices(Kind), default=Kind.LEVEL.value)
    comparator = models.CharField(
        "so sánh", max_length=8, choices=_choices(Comparator), default=Comparator.AT_LEAST.value
    )
    value = models.DecimalField("giá trị", max_digits=20, decimal_places=6, null=True, blank=True)
    value_max = models.DecimalField(
        "giá trị tối đa", max_digits=20, decimal_places=6, null=True, blank=True
    )
    unit = models.CharField("đơn vị tính", max_length=64, blank=True)
    basis = models.CharField("so với", max_length=120, blank=True)
    direction = models.CharField(
        "chiều tốt", max_length=16, choices=_choices(Direction), default=Direction.HIGHER.value
    )
    responsible_body = models.ForeignKey(
        "web.Body",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="responsible_targets",
        verbose_name="cơ quan chủ trì",
    )
    term_target = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="annual_targets",
        verbose_name="chỉ tiêu nhiệm kỳ",
    )
    # Figures invented for the demo are labelled "số liệu minh họa" wherever shown.
    illustrative = models.BooleanField("số liệu minh họa", default=False)

    class Meta:
        verbose_name = "chỉ tiêu"
        verbose_name_plural = "chỉ tiêu"
        ordering = ["order", "id"]
        indexes = [models.Index(fields=["resolution", "order"])]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Derived, never edited: kept in step with the name on every save.
        self.name_key = name_key(self.name)
        if kwargs.get("update_fields") is not None and "name" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "name_key"}
        super().save(*args, **kwargs)


class TargetChange(models.Model):
    """One changed attribute of a target: who, when, old -> new (values as displayed text)."""

    target = models.ForeignKey(TargetRow, on_delete=models.CASCADE, related_name="changes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    at = models.DateTimeField(auto_now_add=True)
    attribute = models.CharField(max_length=32)
    old = models.TextField(blank=True)
    new = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-id"]
