"""`chitieu migrate`: create or update the database and load the administrative units."""

from __future__ import annotations

import argparse

HELP = "tạo hoặc cập nhật cơ sở dữ liệu"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-units",
        action="store_true",
        help="không nạp danh mục 34 tỉnh/thành và 3.321 xã/phường",
    )


def run(args: argparse.Namespace) -> int:
    from chitieu.web.commands import migrate_database, setup_django

    setup_django()
    from django.conf import settings

    migrate_database(load_units=not args.no_units, verbosity=1)
    print(f"Cơ sở dữ liệu: {settings.DATABASES['default']['NAME']}")
    return 0
