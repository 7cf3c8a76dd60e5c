from __future__ import annotations

from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "chitieu.web.planning"
    label = "planning"
    verbose_name = "Kế hoạch, nhiệm vụ, lịch báo cáo"
    default_auto_field = "django.db.models.BigAutoField"
