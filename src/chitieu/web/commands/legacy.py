"""`chitieu legacy FILE.csv`: load old communes' figures (before the July 2025 reorganisation)
for the continuity pages. Columns: see chitieu.web.planning.legacy."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "nạp số liệu các xã, phường cũ (trước 7/2025) từ tệp CSV"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        type=Path,
        metavar="TỆP",
        help="tệp CSV: ma_xa_cu, chi_tieu, ky, gia_tri, dan_so (tùy chọn)",
    )


def run(args: argparse.Namespace) -> int:
    if not args.file.is_file():
        print(f"Không có tệp {args.file}", file=sys.stderr)
        return 2
    from chitieu.web.commands import setup_django

    setup_django()
    from chitieu.tables.errors import InputErrors
    from chitieu.web.planning.legacy import do_load_legacy_csv

    try:
        count = do_load_legacy_csv(args.file)
    except InputErrors as exc:
        print(exc.report(), file=sys.stderr)
        print("Chưa lưu số liệu nào.", file=sys.stderr)
        return 1
    except UnicodeDecodeError:
        print(f"{args.file.name}: tệp không phải UTF-8; lưu lại dạng CSV UTF-8", file=sys.stderr)
        return 1
    print(f"Đã lưu {count} số liệu của các xã, phường cũ.")
    return 0
