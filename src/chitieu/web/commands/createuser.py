"""`chitieu createuser`: create a user, optionally with a role on a body."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

HELP = "tạo người dùng"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("username", help="tên đăng nhập")
    parser.add_argument("--full-name", default="", help="họ và tên")
    parser.add_argument("--email", default="")
    parser.add_argument(
        "--password-env",
        default="",
        metavar="BIẾN",
        help="đọc mật khẩu từ biến môi trường này (mặc định: hỏi khi chạy)",
    )
    parser.add_argument("--superuser", action="store_true", help="quản trị toàn hệ thống")
    parser.add_argument("--body", type=int, help="mã (id) cơ quan để phân quyền")
    parser.add_argument(
        "--role",
        choices=["admin", "editor", "reporter", "approver", "viewer"],
        help="vai trò trên cơ quan --body",
    )


def _password(args: argparse.Namespace) -> str:
    if args.password_env:
        value = os.environ.get(args.password_env, "")
        if not value:
            raise SystemExit(f"Biến môi trường {args.password_env} không có mật khẩu")
        return value
    first = getpass.getpass("Mật khẩu: ")
    if first != getpass.getpass("Nhập lại mật khẩu: "):
        raise SystemExit("Hai lần nhập mật khẩu không khớp")
    return first


def run(args: argparse.Namespace) -> int:
    if (args.body is None) != (args.role is None):
        print("Cần cả --body và --role (hoặc không dùng cả hai)", file=sys.stderr)
        return 2
    from chitieu.web.commands import setup_django

    setup_django()
    from django.contrib.auth import password_validation
    from django.core.exceptions import ValidationError

    from chitieu.web.actions.bodies import do_create_user, do_grant_role
    from chitieu.web.actions.errors import ActionError
    from chitieu.web.models import Body

    password = _password(args)
    try:
        password_validation.validate_password(password)
    except ValidationError as exc:
        print("Mật khẩu chưa đủ mạnh: " + " ".join(exc.messages), file=sys.stderr)
        return 1
    body = None
    if args.body is not None:
        body = Body.objects.filter(pk=args.body).first()
        if body is None:
            print(f"Không có cơ quan mã {args.body}", file=sys.stderr)
            return 1
    try:
        user = do_create_user(
            args.username,
            password,
            full_name=args.full_name,
            email=args.email,
            superuser=args.superuser,
        )
    except ActionError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    if body is not None:
        do_grant_role(user, body, args.role)
    print(f"Đã tạo người dùng {user.username}")
    return 0
