"""Django admin for the office's administrator: units, bodies and who holds which role.

Results are read-only here: every change to a figure goes through the workflow (do_*)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from chitieu.web.audit_admin import SoftDeleteAdmin  # also registers the trail and the bin
from chitieu.web.models import (
    ApiToken,
    Body,
    Membership,
    PeriodLock,
    Resolution,
    ResultVersion,
    TargetChange,
    TargetRow,
    Unit,
)

admin.site.site_header = "Chỉ tiêu – quản trị"
admin.site.site_title = "Chỉ tiêu"


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("code", "name", "level", "division_type", "parent")
    list_filter = ("level", "division_type")
    search_fields = ("name", "code")

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # official data: changed only by loading a new pinned package version


class MembershipInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Membership
    extra = 1
    autocomplete_fields = ("user",)


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "kind", "unit", "parent")
    list_filter = ("kind",)
    search_fields = ("name",)
    autocomplete_fields = ("unit", "parent")
    inlines = (MembershipInline,)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("user", "body", "role")
    list_filter = ("role",)
    search_fields = ("user__username", "body__name")
    autocomplete_fields = ("user", "body")


@admin.register(Resolution)
class ResolutionAdmin(SoftDeleteAdmin):
    list_display = (
        "title",
        "number",
        "issuing_body",
        "kind",
        "start_year",
        "end_year",
        "is_public",
    )
    list_filter = ("kind", "is_public")
    search_fields = ("title", "number")
    autocomplete_fields = ("issuing_body",)


@admin.register(TargetRow)
class TargetAdmin(SoftDeleteAdmin):
    list_display = ("code", "name", "resolution", "comparator", "value", "unit", "responsible_body")
    search_fields = ("name", "code")
    list_filter = ("field",)
    autocomplete_fields = ("resolution", "responsible_body", "term_target")


class ReadOnly(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(ResultVersion)
class ResultVersionAdmin(ReadOnly):
    list_display = (
        "target",
        "period_code",
        "estimated",
        "seq",
        "state",
        "value",
        "created_by",
        "created_at",
    )
    list_filter = ("state", "estimated")


@admin.register(TargetChange)
class TargetChangeAdmin(ReadOnly):
    list_display = ("target", "attribute", "old", "new", "user", "at")


@admin.register(PeriodLock)
class PeriodLockAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("resolution", "period_code", "locked_by", "locked_at")


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("user", "name", "prefix", "created_at", "last_used_at")
    readonly_fields = ("prefix", "key_hash")
