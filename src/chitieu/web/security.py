"""Web hardening that Django does not give by default: login throttling, a cap on request
size, and the Content-Security-Policy (see docs/security.md for the threat model).

- Login throttling: after LOGIN_MAX_FAILURES wrong passwords for one user name from one IP
  address within LOGIN_LOCKOUT_SECONDS, that pair is locked out for the rest of the window; an
  IP address trying many user names is locked out after LOGIN_MAX_FAILURES_PER_IP. Counters
  live in the "throttle" cache (a file cache: shared by all gunicorn workers).
- Request size: a body larger than CHITIEU_MAX_UPLOAD_BYTES is refused with 413 before Django
  reads it.
- CSP: see chitieu.web.csp (imported by the settings, so it must not import models).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse

LOGIN_MAX_FAILURES = 5
LOGIN_MAX_FAILURES_PER_IP = 30
LOGIN_LOCKOUT_SECONDS = 15 * 60
LOCKED_MESSAGE = (
    "Đăng nhập sai quá nhiều lần. Tài khoản tạm khóa đăng nhập từ máy này trong "
    "{minutes} phút; vui lòng thử lại sau hoặc liên hệ quản trị."
)


def client_ip(request: HttpRequest | None) -> str:
    """The peer address. X-Forwarded-For is trusted only when settings say a proxy sets it,
    otherwise anyone could pick a fresh address for every guess."""
    if request is None:
        return "-"
    if getattr(settings, "CHITIEU_TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return str(request.META.get("REMOTE_ADDR", "-"))


def _keys(username: str, ip: str) -> tuple[str, str]:
    digest = hashlib.sha256(f"{username.casefold()}\x00{ip}".encode()).hexdigest()
    return f"login-fail:{digest}", f"login-fail-ip:{hashlib.sha256(ip.encode()).hexdigest()}"


def _count(key: str) -> int:
    return int(caches["throttle"].get(key, 0))


def _bump(key: str) -> None:
    cache = caches["throttle"]
    # add() is a no-op if the key exists, so the window starts at the first failure.
    cache.add(key, 0, LOGIN_LOCKOUT_SECONDS)
    try:
        cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, LOGIN_LOCKOUT_SECONDS)


def is_locked_out(username: str, ip: str) -> bool:
    pair, per_ip = _keys(username, ip)
    return _count(pair) >= LOGIN_MAX_FAILURES or _count(per_ip) >= LOGIN_MAX_FAILURES_PER_IP


def reset_failures(username: str, ip: str) -> None:
    pair, _ = _keys(username, ip)
    caches["throttle"].delete(pair)


class ThrottledModelBackend(ModelBackend):
    """Django's username/password backend behind a lockout.

    A ValidationError raised here reaches the login form's non-field errors (Django's
    authenticate() only swallows PermissionDenied), so the user reads why, in Vietnamese.
    While locked out, not even the right password is checked."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> Any:
        if username is None:
            username = kwargs.get("username") or ""
        ip = client_ip(request)
        if is_locked_out(username or "", ip):
            if request is not None:
                request.login_locked_out = True  # type: ignore[attr-defined]  # for the template
            raise ValidationError(
                LOCKED_MESSAGE.format(minutes=LOGIN_LOCKOUT_SECONDS // 60), code="locked_out"
            )
        user = super().authenticate(request, username=username, password=password, **kwargs)
        pair, per_ip = _keys(username or "", ip)
        if user is None:
            _bump(pair)
            _bump(per_ip)
        else:
            caches["throttle"].delete(pair)
        return user


class RequestSizeLimitMiddleware:
    """Refuse a request body larger than settings.CHITIEU_MAX_UPLOAD_BYTES (413)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = int(getattr(settings, "CHITIEU_MAX_UPLOAD_BYTES", 20 * 1024 * 1024))
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > limit:
            mb = limit // (1024 * 1024)
            return HttpResponse(
                f"Tệp hoặc dữ liệu gửi lên quá lớn (tối đa {mb} MB). Chưa lưu gì.",
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
