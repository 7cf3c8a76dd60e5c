"""`python -m django load_units`: the 34 provinces and 3,321 communes (also run by `chitieu migrate`)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from chitieu.web.actions.units import do_load_units


class Command(BaseCommand):
    help = "Nạp danh mục đơn vị hành chính 2025 (34 tỉnh/thành, 3.321 xã/phường/đặc khu)"

    def handle(self, *args: Any, **options: Any) -> None:
        provinces, communes = do_load_units()
        self.stdout.write(f"Đã nạp {provinces} tỉnh/thành và {communes} xã/phường/đặc khu.")
