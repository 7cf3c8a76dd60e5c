"""Resolutions (nghị quyết): who issued them, what kind, for which year or term."""

from __future__ import annotations

from django.db import models

from chitieu.model import Period


class ResolutionKind(models.TextChoices):
    CONGRESS_TERM = "congress_term", "Nghị quyết Đại hội (nhiệm kỳ)"
    ANNUAL = "annual", "Nghị quyết năm"
    COUNCIL = "council", "Nghị quyết HĐND"
    THEMATIC = "thematic", "Nghị quyết chuyên đề"


class Resolution(models.Model):
    issuing_body = models.ForeignKey(
        "web.Body",
        on_delete=models.PROTECT,
        related_name="resolutions",
        verbose_name="cơ quan ban hành",
    )
    kind = models.CharField("loại", max_length=32, choices=ResolutionKind.choices)
    number = models.CharField("số", max_length=64, blank=True)
    title = models.CharField("trích yếu", max_length=300)
    issued_on = models.DateField("ngày ban hành", null=True, blank=True)
    # The period the targets are set for: a year, or a term (start_year..end_year).
    start_year = models.PositiveSmallIntegerField("năm")
    end_year = models.PositiveSmallIntegerField("năm cuối nhiệm kỳ", null=True, blank=True)
    is_public = models.BooleanField("công khai", default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "nghị quyết"
        verbose_name_plural = "nghị quyết"
        ordering = ["-start_year", "title"]

    def __str__(self) -> str:
        return self.title

    @property
    def period(self) -> Period:
        if self.end_year:
            return Period.term(self.start_year, self.end_year)
        return Period.year_of(self.start_year)
