"""`chitieu report TARGETS RESULTS`: the conference report (DOCX, XLSX, PDF, HTML) from files.

Targets and results are read by `chitieu.tables` (the same loaders as `chitieu evaluate`, same
columns, same error messages naming file, row and column). Bad input or options stop with exit
code 2 and nothing written; the output file appears whole or not at all.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import replace
from pathlib import Path

from chitieu.commands.evaluate import write_atomically
from chitieu.evaluate import evaluate_many
from chitieu.model import Evaluation, Period, PeriodError, Target
from chitieu.reports.model import Header, build_report
from chitieu.reports.render import FORMATS, Format, render
from chitieu.tables import InputErrors, load_pairs, load_targets

HELP = "lập báo cáo (DOCX, XLSX, PDF, HTML) từ chỉ tiêu và kết quả"
EXIT_INPUT = 2
DEFAULT_BODY = "Cơ quan báo cáo"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Lập báo cáo kết quả thực hiện chỉ tiêu Nghị quyết: câu tổng hợp, kết quả từng lĩnh vực, "
        "các chỉ tiêu không đạt và chưa đánh giá, biểu đồ và phụ lục bảng số liệu."
    )
    parser.add_argument(
        "targets", type=Path, nargs="?", metavar="CHỈ_TIÊU", help="tệp chỉ tiêu (.csv .xlsx .json)"
    )
    parser.add_argument(
        "results", type=Path, nargs="?", metavar="KẾT_QUẢ", help="tệp kết quả (.csv .xlsx .json)"
    )
    parser.add_argument("--period", metavar="KỲ", help="kỳ báo cáo: 2024, 2024-H1, 2024-9M…")
    parser.add_argument("--format", choices=FORMATS, help="docx, xlsx, pdf hoặc html")
    parser.add_argument("-o", "--output", type=Path, metavar="TỆP", help="tệp báo cáo")
    parser.add_argument("--body", metavar="CƠ_QUAN", default=None, help="cơ quan ban hành")
    parser.add_argument(
        "--superior",
        metavar="CẤP_TRÊN",
        default=None,
        help="cơ quan cấp trên (dòng trên tên cơ quan)",
    )
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument(
        "--party", dest="party", action="store_true", default=True, help="văn bản của Đảng"
    )
    kind.add_argument(
        "--state", dest="party", action="store_false", help="văn bản của cơ quan nhà nước"
    )
    parser.add_argument(
        "--number", metavar="SỐ", default=None, help="số, ký hiệu văn bản (45-BC/TU)"
    )
    parser.add_argument("--place", metavar="ĐỊA_DANH", default=None, help="địa danh (Cai Lậy)")
    parser.add_argument("--date", metavar="NGÀY", help="ngày ban hành: 05/12/2024 hoặc 2024-12-05")
    parser.add_argument(
        "--title", metavar="TRÍCH_YẾU", default=None, help="trích yếu (mặc định: theo kỳ báo cáo)"
    )
    parser.add_argument(
        "--signer-authority",
        metavar="THẨM_QUYỀN",
        default=None,
        help="thẩm quyền ký (T/M Ban Thường vụ, TM. UBND)",
    )
    parser.add_argument(
        "--signer-position", metavar="CHỨC_VỤ", default=None, help="chức vụ người ký (Bí thư)"
    )
    parser.add_argument("--signer-name", metavar="HỌ_TÊN", default=None, help="họ tên người ký")
    parser.add_argument(
        "--recipient",
        action="append",
        default=None,
        metavar="NƠI_NHẬN",
        help="nơi nhận (lặp lại cho mỗi nơi)",
    )
    parser.add_argument(
        "--next-targets", type=Path, metavar="TỆP", help="tệp chỉ tiêu kỳ tới (tùy chọn)"
    )
    parser.add_argument("--no-charts", action="store_true", help="không vẽ biểu đồ")
    parser.add_argument(
        "--demo", action="store_true", help="dùng dữ liệu mẫu (19 chỉ tiêu) thay cho tệp"
    )


def _fail(message: str) -> int:
    print(f"Lỗi: {message}", file=sys.stderr)
    print("Chưa ghi tệp nào.", file=sys.stderr)
    return EXIT_INPUT


def parse_date(text: str) -> dt.date:
    """ "05/12/2024", "5-12-2024" or "2024-12-05"; raises ValueError with a Vietnamese message."""
    cleaned = text.strip().replace("-", "/").replace(".", "/")
    for pattern in ("%d/%m/%Y", "%Y/%m/%d"):
        try:
            return dt.datetime.strptime(cleaned, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"--date: ngày không hợp lệ {text!r} (ví dụ 05/12/2024)")


def _header(args: argparse.Namespace, date: dt.date | None) -> Header:
    """The header from the options; with --demo, the demo's header fills what is not given."""
    from chitieu.reports import demo

    base = demo.HEADER if args.demo else Header(DEFAULT_BODY)
    given = {
        "body": args.body,
        "superior": args.superior,
        "number": args.number,
        "place": args.place,
        "date": date,
        "title": args.title,
        "signer_authority": args.signer_authority,
        "signer_position": args.signer_position,
        "signer_name": args.signer_name,
        "recipients": tuple(args.recipient) if args.recipient else None,
    }
    return replace(base, party=args.party, **{k: v for k, v in given.items() if v is not None})


def _format_of(args: argparse.Namespace) -> Format | None:
    if args.format:
        chosen: Format = args.format
        return chosen
    output: Path | None = args.output
    suffix = output.suffix.lower().lstrip(".") if output is not None else ""
    for fmt in FORMATS:
        if suffix == fmt:
            return fmt
    return None


def _inputs(
    args: argparse.Namespace, period: Period | None
) -> tuple[list[Evaluation], Period, list[Target]]:
    """Evaluations, the period they are for, and next period's targets (may raise InputErrors)."""
    upcoming = load_targets(args.next_targets) if args.next_targets else []
    if args.demo:
        from chitieu.reports import demo

        chosen = period or demo.YEAR
        return demo.demo_evaluations(period=chosen), chosen, upcoming or list(demo.NEXT_TARGETS)
    linked = load_pairs(args.targets, args.results, period)
    found = linked.period or period
    if found is None:
        raise ValueError("không xác định được kỳ báo cáo: thêm --period (ví dụ --period 2024)")
    return evaluate_many(linked.pairs), found, upcoming


def run(args: argparse.Namespace) -> int:
    fmt = _format_of(args)
    output: Path | None = args.output
    if fmt is None:
        return _fail("chọn định dạng bằng --format (docx, xlsx, pdf, html) hoặc đuôi tệp -o")
    if output is None and fmt != "html":
        return _fail(f"định dạng {fmt} cần tệp đầu ra: thêm -o TỆP.{fmt}")
    if output is not None and str(output.parent) and not output.parent.is_dir():
        return _fail(f"thư mục {output.parent} không tồn tại")
    if not args.demo and (args.targets is None or args.results is None):
        return _fail("cần hai tệp: CHỈ_TIÊU và KẾT_QUẢ (hoặc --demo)")
    try:
        period = Period.parse(args.period) if args.period else None
        date = parse_date(args.date) if args.date else None
    except (PeriodError, ValueError) as exc:
        return _fail(str(exc))
    try:
        evaluations, chosen, upcoming = _inputs(args, period)
    except InputErrors as errors:
        print(errors.report(), file=sys.stderr)
        print("Chưa ghi tệp nào; hãy sửa các lỗi trên rồi chạy lại.", file=sys.stderr)
        return EXIT_INPUT
    except ValueError as exc:
        return _fail(str(exc))
    header = _header(args, date)
    # The heading names the period the next targets are for, when their file says it.
    periods = {t.period for t in upcoming if t.period is not None}
    next_period = periods.pop() if len(periods) == 1 else None
    report = build_report(
        header, chosen, evaluations, next_targets=upcoming, next_period=next_period
    )
    data = render(report, fmt, charts=not args.no_charts)
    if output is None:
        sys.stdout.write(data.decode("utf-8"))
        return 0
    try:
        write_atomically(output, data)
    except OSError as exc:
        return _fail(f"không ghi được {output}: {exc.strerror or exc}")
    print(f"Đã ghi {output} ({report.summary.total} chỉ tiêu).")
    print(report.opening)
    return 0
