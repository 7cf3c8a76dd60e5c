"""`chitieu remind`: e-mail the bodies late with their figures (run daily from cron).

One e-mail per body and reporting period a day, through Django's mail settings (the console
unless CHITIEU_EMAIL_BACKEND/HOST are set); each is recorded, so running it twice a day sends
nothing the second time."""

from __future__ import annotations

import argparse
import sys
from datetime import date

HELP = "gửi e-mail nhắc các cơ quan chậm nộp số liệu (chạy hằng ngày từ cron)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--ngay",
        metavar="YYYY-MM-DD",
        default="",
        help="xét trễ hạn tính đến ngày này (mặc định: hôm nay)",
    )
    parser.add_argument(
        "--thu", action="store_true", help="chỉ liệt kê thư sẽ gửi, không gửi và không ghi lại"
    )


def run(args: argparse.Namespace) -> int:
    try:
        day = date.fromisoformat(args.ngay) if args.ngay else None
    except ValueError:
        print(f"--ngay {args.ngay!r}: cần ngày dạng YYYY-MM-DD, ví dụ 2025-07-15", file=sys.stderr)
        return 2
    from chitieu.web.commands import setup_django

    setup_django()
    from chitieu.web.planning import clock
    from chitieu.web.planning.reminders import do_send_reminders

    today = day or clock.today()
    outcome = do_send_reminders(today, dry_run=args.thu)
    for body, subject in outcome.planned:
        print(f"Sẽ gửi: {body} – {subject}")
    for log in outcome.sent:
        print(f"Đã gửi: {log.body.name} – {log.subject} ({log.recipients})")
    for name, why in outcome.failed:
        print(f"Gửi không được cho {name}: {why} (sẽ gửi lại lần chạy sau)", file=sys.stderr)
    for name in outcome.no_address:
        print(
            f"Không gửi được: {name} chưa có người nhận (báo cáo viên có e-mail)", file=sys.stderr
        )
    print(
        f"Ngày {today:%d/%m/%Y}: {len(outcome.sent)} thư đã gửi, "
        f"{outcome.already_sent} đã gửi trước đó trong ngày, "
        f"{len(outcome.no_address)} cơ quan chưa có người nhận."
    )
    return 1 if outcome.failed else 0
