"""`chitieu evaluate TARGETS RESULTS`: evaluate results against targets read from files.

Bad input stops with every error (file, row, column, reason) on stderr and exit code 2, and
nothing is written: the output goes to a temporary file next to -o, renamed at the very end.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from chitieu.evaluate import evaluate_many
from chitieu.model import Period, PeriodError
from chitieu.tables import InputErrors, load_pairs
from chitieu.tables.view import build_table
from chitieu.tables.writers import FORMATS, write

HELP = "đánh giá kết quả so với chỉ tiêu từ tệp CSV, XLSX hoặc JSON"
EXIT_INPUT = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Đánh giá kết quả thực hiện so với chỉ tiêu. Kết quả ghép với chỉ tiêu theo cột Mã. "
        "Các cột được mô tả trong docs/evaluate-files.md."
    )
    parser.add_argument(
        "targets", type=Path, metavar="CHỈ_TIÊU", help="tệp chỉ tiêu (.csv, .xlsx, .json)"
    )
    parser.add_argument(
        "results", type=Path, metavar="KẾT_QUẢ", help="tệp kết quả (.csv, .xlsx, .json)"
    )
    parser.add_argument(
        "--period", metavar="KỲ", help="kỳ đánh giá: 2024, 2024-H1, 2024-Q3, 2024-6M, 2020-2025…"
    )
    parser.add_argument(
        "--format", choices=FORMATS, default=None, help="table (mặc định), json, csv hoặc xlsx"
    )
    parser.add_argument("-o", "--output", type=Path, metavar="TỆP", help="ghi kết quả ra tệp")


def _format_of(args: argparse.Namespace) -> str:
    chosen: str | None = args.format
    if chosen:
        return chosen
    output: Path | None = args.output
    if output is not None:
        suffix = output.suffix.lower().lstrip(".")
        if suffix in {"json", "csv", "xlsx"}:
            return suffix
    return "table"


def _fail(message: str) -> int:
    print(f"Lỗi: {message}", file=sys.stderr)
    print("Chưa ghi tệp nào.", file=sys.stderr)
    return EXIT_INPUT


def write_atomically(path: Path, data: bytes) -> None:
    """A reader of `path` sees the old file or the whole new one, never half of it."""
    directory = path.parent if str(path.parent) else Path(".")
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def run(args: argparse.Namespace) -> int:
    fmt = _format_of(args)
    output: Path | None = args.output
    if fmt == "xlsx" and output is None:
        return _fail("định dạng xlsx cần tệp đầu ra: thêm -o TỆP.xlsx")
    if output is not None and output.is_dir():
        return _fail(f"{output} là một thư mục; -o cần tên tệp, ví dụ -o danh-gia.xlsx")
    if output is not None and not output.parent.is_dir() and str(output.parent):
        return _fail(f"thư mục {output.parent} không tồn tại")
    period: Period | None = None
    if args.period:
        try:
            period = Period.parse(args.period)
        except PeriodError as exc:
            return _fail(f"--period: {exc}")
    try:
        linked = load_pairs(args.targets, args.results, period)
    except InputErrors as errors:
        print(errors.report(), file=sys.stderr)
        print("Chưa ghi tệp nào; hãy sửa các lỗi trên rồi chạy lại.", file=sys.stderr)
        return EXIT_INPUT
    table = build_table(evaluate_many(linked.pairs), linked.period)
    data = write(table, fmt)
    if output is None:
        try:
            sys.stdout.write(data.decode("utf-8"))
            sys.stdout.flush()
        except BrokenPipeError:
            # `chitieu evaluate … | head`: the reader has enough; not an error worth a traceback.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return 0
    try:
        write_atomically(output, data)
    except OSError as exc:
        return _fail(f"không ghi được {output}: {exc.strerror or exc}")
    print(f"Đã ghi {output} ({table.summary.total} chỉ tiêu).")
    print(table.sentence)
    return 0
