"""Django admin for the planning rows staff may need to fix by hand: old communes' figures
(loaded for the continuity pages), reporting rules, and the log of reminders sent."""

from __future__ import annotations

from django.contrib import admin

from chitieu.web.planning.models import LegacyFigure, ReminderLog, ReportingRule


@admin.register(LegacyFigure)
class LegacyFigureAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("old_code", "old_name", "name_key", "period_code", "value", "weight")
    search_fields = ("old_name", "name_key")
    list_filter = ("period_code",)


@admin.register(ReportingRule)
class ReportingRuleAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("resolution", "period_kind", "day", "months_after")


@admin.register(ReminderLog)
class ReminderLogAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("sent_on", "body", "period_code", "subject", "recipients")
    list_filter = ("sent_on",)
    readonly_fields = ("body", "period_code", "sent_on", "recipients", "subject", "message")
