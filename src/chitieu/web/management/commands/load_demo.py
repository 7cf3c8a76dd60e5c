"""`python -m django load_demo`: the demo towns (idempotent; also run by `chitieu serve --demo`)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from chitieu.web.demo import do_load_demo


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu (Cai Lậy, Kiến Tường)"

    def handle(self, *args: Any, **options: Any) -> None:
        loaded = do_load_demo()
        self.stdout.write("Đã nạp dữ liệu mẫu." if loaded else "Dữ liệu mẫu đã có, không nạp lại.")
