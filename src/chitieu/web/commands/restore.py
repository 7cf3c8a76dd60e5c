"""`chitieu restore TỆP [--replace]`: load a backup after checking its checksum, all or
nothing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "khôi phục cơ sở dữ liệu từ tệp sao lưu (kiểm tra mã SHA-256, tất cả hoặc không gì cả)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="tệp sao lưu (.zip do `chitieu backup` tạo)")
    parser.add_argument(
        "--replace",
        action="store_true",
        help="xóa dữ liệu hiện có rồi khôi phục (mặc định: chỉ khôi phục vào cơ sở dữ liệu trống)",
    )


def run(args: argparse.Namespace) -> int:
    from chitieu.web.commands import migrate_database, setup_django

    setup_django()
    from chitieu.web.backup import BackupError, restore_backup

    migrate_database(load_units=False)
    try:
        manifest = restore_backup(args.file, replace=args.replace)
    except BackupError as exc:
        print(f"Không khôi phục được: {exc}. Cơ sở dữ liệu không thay đổi.", file=sys.stderr)
        return 2
    rows = sum(manifest.counts.values())
    print(f"Đã khôi phục {rows} dòng dữ liệu (bản sao lưu lúc {manifest.created_at}).")
    return 0
