"""`chitieu …`: one sub-command per module in `chitieu.commands` (or the web package).

Each command module exposes `HELP` (one line, Vietnamese), `add_arguments(parser)` and
`run(args) -> int`. Modules are imported only when their command runs, so `chitieu extract`
does not pay for Django.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType

# command name -> module path. Order is the order of `chitieu --help`.
COMMANDS: dict[str, str] = {
    "extract": "chitieu.commands.extract",
    "evaluate": "chitieu.commands.evaluate",
    "report": "chitieu.commands.report",
    "check": "chitieu.commands.check",
    "serve": "chitieu.web.commands.serve",
    "migrate": "chitieu.web.commands.migrate",
    "createuser": "chitieu.web.commands.createuser",
    "synth": "chitieu.web.commands.synth",
    "remind": "chitieu.web.commands.remind",
    "legacy": "chitieu.web.commands.legacy",
    "backup": "chitieu.web.commands.backup",
    "restore": "chitieu.web.commands.restore",
}

# One-line help without importing every module (and its dependencies) on each call.
HELP: dict[str, str] = {
    "extract": "đọc chỉ tiêu, kết quả và số liệu tổng hợp từ văn bản (.txt, .html, .docx, .pdf)",
    "evaluate": "đánh giá kết quả so với chỉ tiêu từ tệp CSV, XLSX hoặc JSON",
    "report": "lập báo cáo (DOCX, XLSX, PDF, HTML) từ chỉ tiêu và kết quả",
    "check": "kiểm tra số liệu trong bản thảo hoặc bài báo so với dữ liệu",
    "serve": "chạy ứng dụng web (--demo: cơ sở dữ liệu mẫu)",
    "migrate": "tạo hoặc cập nhật cơ sở dữ liệu",
    "createuser": "tạo người dùng",
    "synth": "sinh và nạp bộ dữ liệu mô phỏng toàn quốc (34 tỉnh, 3.321 xã, 10 năm)",
    "remind": "gửi e-mail nhắc các cơ quan chậm nộp số liệu (chạy hằng ngày từ cron)",
    "legacy": "nạp số liệu các xã, phường cũ (trước 7/2025) từ tệp CSV",
    "backup": "sao lưu toàn bộ cơ sở dữ liệu ra một tệp (kèm mã kiểm tra SHA-256)",
    "restore": "khôi phục cơ sở dữ liệu từ tệp sao lưu (kiểm tra mã SHA-256)",
}


def build_parser(argv: Sequence[str]) -> tuple[argparse.ArgumentParser, ModuleType | None]:
    parser = argparse.ArgumentParser(
        prog="chitieu", description="Chỉ tiêu: theo dõi, đánh giá chỉ tiêu nghị quyết."
    )
    sub = parser.add_subparsers(dest="command", metavar="LỆNH")
    chosen = argv[0] if argv else None
    module = None
    for name, path in COMMANDS.items():
        p = sub.add_parser(name, help=HELP.get(name, ""))
        if name == chosen:
            module = importlib.import_module(path)
            module.add_arguments(p)
    return parser, module


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser, module = build_parser(args_list)
    args = parser.parse_args(args_list)
    if module is None:
        parser.print_help()
        return 2
    result: int = module.run(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
