from __future__ import annotations

from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "chitieu.web"
    label = "web"
    verbose_name = "Chỉ tiêu"
    default_auto_field = "django.db.models.BigAutoField"
