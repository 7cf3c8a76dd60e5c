from __future__ import annotations

from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "chitieu.web.pagecache"
    label = "pagecache"
    verbose_name = "Bộ nhớ đệm bảng điều khiển"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Every write the dashboard shows bumps a version, whatever path made it.
        from chitieu.web.pagecache import versions

        versions.connect_signals()
