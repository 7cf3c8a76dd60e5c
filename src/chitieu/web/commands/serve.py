"""`chitieu serve`: the web application.

--demo: SQLite in the data folder, migrated and filled with the demo data (idempotent),
served by Django's development server. Without --demo: an existing database served by
gunicorn (run `chitieu migrate` first).
"""

from __future__ import annotations

import argparse
import os
import sys

HELP = "chạy ứng dụng web (--demo: cơ sở dữ liệu mẫu)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--demo", action="store_true", help="tạo và nạp dữ liệu mẫu rồi chạy")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    # One process per core, threads for requests waiting on the database (docs/deployment.md).
    parser.add_argument(
        "--workers", type=int, default=os.cpu_count() or 2, help="số tiến trình gunicorn"
    )
    parser.add_argument("--threads", type=int, default=8, help="số luồng mỗi tiến trình")


def run(args: argparse.Namespace) -> int:
    from chitieu.web.commands import migrate_database, setup_django

    if args.demo:
        # The demo never touches a configured production database.
        os.environ.pop("DATABASE_URL", None)
    setup_django()
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    address = f"http://{args.host}:{args.port}/"
    if args.demo:
        from chitieu.web.demo import DEMO_LOGINS, DEMO_PASSWORD, do_load_demo

        print("Đang chuẩn bị cơ sở dữ liệu mẫu…", flush=True)
        migrate_database(load_units=True)
        do_load_demo()
        print("Tài khoản mẫu (tên đăng nhập / mật khẩu):")
        for username, description in DEMO_LOGINS:
            print(f"  {username} / {DEMO_PASSWORD}: {description}")
        print(f"Chỉ tiêu (dữ liệu mẫu) chạy tại {address}", flush=True)
        from django.core.management import call_command

        call_command("runserver", f"{args.host}:{args.port}", use_reloader=False, skip_checks=True)
        return 0

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        print(
            "Cơ sở dữ liệu chưa được tạo hoặc cập nhật: chạy `chitieu migrate` trước.",
            file=sys.stderr,
        )
        return 1
    print(f"Chỉ tiêu chạy tại {address}", flush=True)
    argv = [
        sys.executable,
        "-m",
        "gunicorn",
        "chitieu.web.wsgi:application",
        "--bind",
        f"{args.host}:{args.port}",
        "--workers",
        str(args.workers),
        "--worker-class",
        "gthread",
        "--threads",
        str(args.threads),
        "--access-logfile",
        "-",
    ]
    os.execv(sys.executable, argv)
    return 0  # pragma: no cover - execv does not return
