"""`chitieu backup [TỆP]`: the whole database as one ZIP with a SHA-256 checksum."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

HELP = "sao lưu toàn bộ cơ sở dữ liệu ra một tệp (kèm mã kiểm tra SHA-256)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        nargs="?",
        type=Path,
        help="tệp sao lưu (mặc định: <thư mục dữ liệu>/backups/chitieu-<ngày giờ>.zip)",
    )


def run(args: argparse.Namespace) -> int:
    from chitieu.web.commands import setup_django

    setup_django()
    from chitieu.web.backup import create_backup, file_sha256
    from chitieu.web.env import data_dir

    target: Path = args.file or (
        data_dir() / "backups" / f"chitieu-{datetime.now():%Y%m%d-%H%M%S}.zip"
    )
    manifest = create_backup(target)
    checksum = file_sha256(target)
    # A sidecar in `sha256sum -c` format, so the file can be checked with standard tools.
    target.with_name(target.name + ".sha256").write_text(
        f"{checksum}  {target.name}\n", encoding="utf-8"
    )
    rows = sum(manifest.counts.values())
    print(f"Đã sao lưu {rows} dòng dữ liệu vào {target}")
    print(f"SHA-256 của tệp: {checksum}")
    print(f"SHA-256 của dữ liệu: {manifest.sha256}")
    return 0
