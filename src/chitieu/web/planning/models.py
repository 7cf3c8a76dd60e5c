"""What the planning features store next to the main app's rows. No rule lives here: term
status, forecasts, task status and late reports are computed by the core modules from these
rows (see chitieu.web.planning.domain)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from chitieu.continuity import Aggregation
from chitieu.forecast import Accumulation
from chitieu.model import PeriodKind
from chitieu.reporting_calendar import DEFAULT_RULES
from chitieu.tasks import TaskKind
from chitieu.term import TermKind


def _choices(enum: type, labels: dict[str, str] | None = None) -> list[tuple[str, str]]:
    return [
        (m.value, (labels or {}).get(m.value) or getattr(m, "label_vi", m.value))
        for m in enum  # type: ignore[attr-defined]
    ]


class TermSpec(models.Model):
    """Makes a target of a congress (term) resolution a term target: which of the three kinds
    it is and, for an end-of-term level, the level in the baseline year."""

    target = models.OneToOneField(
        "web.TargetRow", on_delete=models.CASCADE, related_name="term_spec"
    )
    kind = models.CharField("loại chỉ tiêu nhiệm kỳ", max_length=16, choices=_choices(TermKind))
    baseline = models.DecimalField(
        "mức năm gốc", max_digits=20, decimal_places=6, null=True, blank=True
    )

    class Meta:
        verbose_name = "chỉ tiêu nhiệm kỳ"
        verbose_name_plural = "chỉ tiêu nhiệm kỳ"


class TargetAccumulation(models.Model):
    """Whether a target's figures add up over the year (flow) or are levels (stock), as set by
    a user. Without a row the default of chitieu.web.planning.domain.default_accumulation
    applies."""

    target = models.OneToOneField(
        "web.TargetRow", on_delete=models.CASCADE, related_name="accumulation"
    )
    accumulation = models.CharField(
        "cách cộng số liệu trong năm", max_length=8, choices=_choices(Accumulation)
    )

    class Meta:
        verbose_name = "cách cộng số liệu"
        verbose_name_plural = "cách cộng số liệu"


class Task(models.Model):
    resolution = models.ForeignKey("web.Resolution", on_delete=models.CASCADE, related_name="tasks")
    kind = models.CharField(
        "loại", max_length=32, choices=_choices(TaskKind), default=TaskKind.TASK.value
    )
    code = models.CharField("mã", max_length=32, blank=True)
    order = models.PositiveIntegerField("thứ tự", default=0)
    title = models.CharField("tên nhiệm vụ", max_length=500)
    responsible_body = models.ForeignKey(
        "web.Body",
        on_delete=models.PROTECT,
        related_name="planning_tasks",
        verbose_name="cơ quan chủ trì",
    )
    deadline = models.DateField("thời hạn", null=True, blank=True)  # empty: thường xuyên
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "nhiệm vụ"
        verbose_name_plural = "nhiệm vụ"
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.title


class TaskUpdate(models.Model):
    """A dated progress report on a task; never edited, a new one supersedes it."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="updates")
    on = models.DateField("ngày")
    progress = models.DecimalField("tiến độ (%)", max_digits=5, decimal_places=2)
    note = models.TextField("nội dung", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "cập nhật tiến độ"
        verbose_name_plural = "cập nhật tiến độ"
        ordering = ["on", "id"]


PERIOD_KIND_LABELS = {
    PeriodKind.MONTH.value: "Hằng tháng",
    PeriodKind.QUARTER.value: "Hằng quý",
    PeriodKind.HALF.value: "6 tháng (đầu năm, cuối năm)",
    PeriodKind.CUMULATIVE_6M.value: "6 tháng (lũy kế)",
    PeriodKind.CUMULATIVE_9M.value: "9 tháng (lũy kế)",
    PeriodKind.YEAR.value: "Cả năm",
}


class ReportingRule(models.Model):
    """One reporting duty of a resolution: its targets are reported for periods of `period_kind`
    by the `day` of the `months_after`-th month after the period ends (chitieu.reporting_calendar).
    A resolution without rules reports 6 months, 9 months and the year, on the defaults."""

    resolution = models.ForeignKey(
        "web.Resolution", on_delete=models.CASCADE, related_name="reporting_rules"
    )
    period_kind = models.CharField(
        "kỳ báo cáo",
        max_length=8,
        choices=[(k, v) for k, v in PERIOD_KIND_LABELS.items()],
    )
    day = models.PositiveSmallIntegerField("hạn nộp: ngày", default=10)
    months_after = models.PositiveSmallIntegerField("của tháng thứ … sau kỳ", default=1)

    class Meta:
        verbose_name = "lịch báo cáo"
        verbose_name_plural = "lịch báo cáo"
        constraints = [
            models.UniqueConstraint(
                fields=["resolution", "period_kind"], name="unique_reporting_rule"
            )
        ]

    @staticmethod
    def default_day(kind: str) -> int:
        return DEFAULT_RULES[PeriodKind(kind)].day


class ReminderLog(models.Model):
    """A reminder sent to a body about its late reports of one period on one day. The unique
    key makes the reminder command idempotent: a second run on the same day sends nothing."""

    body = models.ForeignKey("web.Body", on_delete=models.CASCADE, related_name="reminders")
    period_code = models.CharField("kỳ", max_length=16)
    sent_on = models.DateField("ngày gửi")
    recipients = models.TextField("người nhận")
    subject = models.CharField("tiêu đề", max_length=300)
    message = models.TextField("nội dung")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "nhắc báo cáo đã gửi"
        verbose_name_plural = "nhắc báo cáo đã gửi"
        ordering = ["-sent_on", "body_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "period_code", "sent_on"], name="unique_reminder_per_day"
            )
        ]


class LegacyFigure(models.Model):
    """A figure of an old (pre-July 2025) commune, by its code in the pinned vietnam-provinces
    package's legacy list, for an indicator (by TargetRow.name_key). `weight` (population,
    households) is what a rate is averaged by."""

    old_code = models.PositiveIntegerField("mã xã cũ")
    old_name = models.CharField("tên xã cũ", max_length=120, blank=True)
    name_key = models.CharField("chỉ tiêu (tên chuẩn hóa)", max_length=300, db_index=True)
    period_code = models.CharField("kỳ", max_length=16)
    value = models.DecimalField("giá trị", max_digits=20, decimal_places=6)
    weight = models.DecimalField(
        "trọng số (dân số, số hộ)", max_digits=20, decimal_places=6, null=True, blank=True
    )

    class Meta:
        verbose_name = "số liệu xã cũ"
        verbose_name_plural = "số liệu xã cũ"
        constraints = [
            models.UniqueConstraint(
                fields=["old_code", "name_key", "period_code"], name="unique_legacy_figure"
            )
        ]


AGGREGATION_CHOICES = _choices(Aggregation)
