from __future__ import annotations

from django.apps import AppConfig


class ScaleConfig(AppConfig):
    name = "chitieu.web.scale"
    label = "scale"
    verbose_name = "Quy mô toàn quốc"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Keeps the evaluation summary in step with approvals and target edits.
        from chitieu.web.scale import evaluations

        evaluations.connect_signals()
