"""Web hardening: password hashing, login throttling, session expiry, CSRF on every form
POST, security headers with a Content-Security-Policy, secrets only from the environment or
files, request size cap, and `manage.py check --deploy` clean under production settings."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.hashers import check_password, make_password
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.test import Client, override_settings
from django.utils import timezone
from factories import PASSWORD, Town
from test_security_matrix import WEB, _row_counts

import chitieu.web.settings as production
from chitieu.web import env, security
from chitieu.web.csp import INLINE_HANDLERS

TEMPLATES = Path(production.PACKAGE_DIR) / "templates"


@pytest.fixture(autouse=True)
def _clean_throttle() -> Iterator[None]:
    caches["throttle"].clear()
    yield
    caches["throttle"].clear()


def test_passwords_are_hashed_with_argon2_by_the_real_settings() -> None:
    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    with override_settings(PASSWORD_HASHERS=production.PASSWORD_HASHERS):
        hashed = make_password("mật khẩu dài và khó đoán")
        assert hashed.startswith("argon2$argon2id$")
        assert check_password("mật khẩu dài và khó đoán", hashed)


def _login(client: Client, username: str, password: str, ip: str = "10.0.0.1") -> object:
    return client.post("/dang-nhap/", {"username": username, "password": password}, REMOTE_ADDR=ip)


@pytest.mark.django_db
def test_login_is_locked_after_repeated_failures_with_a_vietnamese_message(town: Town) -> None:
    name = town.users["viewer"].username
    client = Client()
    for _ in range(security.LOGIN_MAX_FAILURES):
        response = _login(client, name, "sai-mat-khau")
        assert response.status_code == 200  # the form again, not logged in
    # Now even the right password is refused, and the user reads why.
    response = _login(client, name, PASSWORD)
    assert response.status_code == 200
    assert "Đăng nhập sai quá nhiều lần" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # Another address, or another user from the same address, is not affected.
    assert _login(Client(), name, PASSWORD, ip="10.0.0.2").status_code == 302
    other = town.users["editor"].username
    assert _login(Client(), other, PASSWORD).status_code == 302
    # The lock ends with its window (here: the counters expire).
    caches["throttle"].clear()
    assert _login(Client(), name, PASSWORD).status_code == 302


@pytest.mark.django_db
def test_a_successful_login_resets_the_failure_count(town: Town) -> None:
    name = town.users["viewer"].username
    for _ in range(security.LOGIN_MAX_FAILURES - 1):
        _login(Client(), name, "sai")
    assert _login(Client(), name, PASSWORD).status_code == 302
    for _ in range(security.LOGIN_MAX_FAILURES - 1):
        _login(Client(), name, "sai")
    assert _login(Client(), name, PASSWORD).status_code == 302


@pytest.mark.django_db
def test_one_address_guessing_many_user_names_is_locked_out(town: Town) -> None:
    for i in range(security.LOGIN_MAX_FAILURES_PER_IP):
        _login(Client(), f"khong-co-{i}", "sai", ip="10.9.9.9")
    response = _login(Client(), town.users["viewer"].username, PASSWORD, ip="10.9.9.9")
    assert "Đăng nhập sai quá nhiều lần" in response.content.decode()


@pytest.mark.django_db
def test_a_session_expires_after_a_working_day(town: Town) -> None:
    assert production.SESSION_COOKIE_AGE <= 8 * 3600
    client = Client()
    assert _login(client, town.users["viewer"].username, PASSWORD).status_code == 302
    assert client.get("/").status_code == 200
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get("/")
    assert response.status_code == 302 and "dang-nhap" in response["Location"]


POSTS = [case for case in WEB if case.method == "POST"]


@pytest.mark.django_db
@pytest.mark.parametrize("case", POSTS, ids=[f"{c.route}-{i}" for i, c in enumerate(POSTS)])
def test_every_form_post_without_a_csrf_token_is_refused_and_changes_nothing(
    case: object, town: Town
) -> None:
    if case.setup:  # type: ignore[attr-defined]
        case.setup(town)  # type: ignore[attr-defined]
    client = Client(enforce_csrf_checks=True)
    client.force_login(town.users["admin"])
    before = _row_counts()
    data = case.data(town) if case.data else {}  # type: ignore[attr-defined]
    response = client.post(case.url(town), data)  # type: ignore[attr-defined]
    assert response.status_code == 403
    assert _row_counts() == before


@pytest.mark.django_db
def test_the_api_ignores_the_session_cookie_so_csrf_cannot_ride_on_it(town: Town) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(town.users["admin"])
    before = _row_counts()
    response = client.post(
        f"/api/targets/{town.revenue.pk}/results",
        {"period": "2024", "value": "1"},
        content_type="application/json",
    )
    assert response.status_code == 401
    assert _row_counts() == before


@pytest.mark.django_db
def test_pages_carry_security_headers_and_a_strict_script_policy(town: Town) -> None:
    client = Client()
    client.force_login(town.users["viewer"])
    for url in ("/dang-nhap/", "/", f"/nghi-quyet/{town.resolution.pk}/"):
        response = client.get(url)
        csp = response["Content-Security-Policy"]
        scripts = re.search(r"script-src ([^;]*)", csp)
        assert scripts and "'unsafe-inline'" not in scripts[1] and "*" not in scripts[1]
        assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
    login = Client().get("/dang-nhap/")
    cookie = login.cookies["csrftoken"]
    assert cookie["samesite"] == "Lax"


def test_every_inline_script_in_the_templates_is_allowed_by_hash_and_nothing_else() -> None:
    handlers: set[str] = set()
    for path in TEMPLATES.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        handlers |= {m[1] for m in re.finditer(r'\son[a-z]+="([^"]*)"', html)}
        for script in re.finditer(r"<script\b([^>]*)>", html):
            assert "src=" in script[1] or "application/json" in script[1], path
    assert handlers <= set(INLINE_HANDLERS), handlers - set(INLINE_HANDLERS)


def test_the_secret_key_comes_from_a_file_when_the_environment_names_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = secrets.token_urlsafe(48)
    (tmp_path / "key").write_text(secret + "\n", encoding="utf-8")
    monkeypatch.delenv("CHITIEU_SECRET_KEY", raising=False)
    monkeypatch.setenv("CHITIEU_SECRET_KEY_FILE", str(tmp_path / "key"))
    assert env.secret_key() == secret
    monkeypatch.setenv("CHITIEU_SECRET_KEY_FILE", str(tmp_path / "missing"))
    with pytest.raises(env.SettingError, match="CHITIEU_SECRET_KEY_FILE"):
        env.secret_key()
    (tmp_path / "short").write_text("ngan", encoding="utf-8")
    monkeypatch.setenv("CHITIEU_SECRET_KEY_FILE", str(tmp_path / "short"))
    with pytest.raises(env.SettingError, match="32"):
        env.secret_key()


def test_the_settings_module_holds_no_secret() -> None:
    source = Path(production.__file__).read_text(encoding="utf-8")
    assert not re.search(r"SECRET_KEY\s*=\s*['\"]", source)
    assert not re.search(r"PASSWORD['\"]?\s*[:=]\s*['\"][^'\"]+['\"]", source)


@pytest.mark.django_db
@override_settings(CHITIEU_MAX_UPLOAD_BYTES=1000)
def test_a_request_body_over_the_limit_is_refused_before_it_is_read(town: Town) -> None:
    client = Client()
    client.force_login(town.users["editor"])
    before = _row_counts()
    response = client.post(f"/nghi-quyet/{town.resolution.pk}/dan-van-ban/", {"text": "x" * 5000})
    assert response.status_code == 413
    assert "quá lớn" in response.content.decode()
    assert _row_counts() == before


@pytest.mark.slow
def test_check_deploy_is_clean_under_production_settings(tmp_path: Path) -> None:
    key_file = tmp_path / "secret_key"
    key_file.write_text(secrets.token_urlsafe(50), encoding="utf-8")
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "chitieu.web.settings",
        "CHITIEU_DATA_DIR": str(tmp_path / "data"),
        "CHITIEU_SECRET_KEY_FILE": str(key_file),
        "CHITIEU_DEBUG": "false",
        "CHITIEU_HTTPS": "true",
        "CHITIEU_ALLOWED_HOSTS": "chitieu.example.gov.vn",
        "CHITIEU_EMAIL_HOST": "smtp.example.gov.vn",  # production sends real e-mail
    }
    run = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "no issues" in run.stdout + run.stderr
