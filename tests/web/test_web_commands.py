"""`chitieu migrate`, `chitieu createuser` and `chitieu serve --demo`, run as a user would."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHITIEU = [sys.executable, "-m", "chitieu.cli"]


def _env(data: Path, **extra: str) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(CHITIEU_DATA_DIR=str(data), **extra)
    return env


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(CHITIEU + args, env=env, capture_output=True, text=True, timeout=120)


def test_it_creates_the_sqlite_database_in_wal_mode_with_the_units(tmp_path: Path) -> None:
    done = _run(["migrate"], _env(tmp_path))
    assert done.returncode == 0, done.stderr
    db = tmp_path / "chitieu.sqlite3"
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        levels = dict(con.execute("SELECT level, count(*) FROM web_unit GROUP BY level").fetchall())
        assert levels == {"province": 34, "commune": 3321}
        name = con.execute(
            "SELECT name FROM web_unit WHERE level='commune' AND code=28439"
        ).fetchone()
        assert name == ("Phường Cai Lậy",)
    finally:
        con.close()
    # Running it again changes nothing and does not fail.
    assert _run(["migrate"], _env(tmp_path)).returncode == 0


def test_it_creates_a_user_who_can_log_in_and_refuses_a_weak_password(tmp_path: Path) -> None:
    assert _run(["migrate", "--no-units"], _env(tmp_path)).returncode == 0
    weak = _run(["createuser", "lan", "--password-env", "PW"], _env(tmp_path, PW="123"))
    assert weak.returncode == 1
    assert "Mật khẩu chưa đủ mạnh" in weak.stderr
    done = _run(
        ["createuser", "lan", "--password-env", "PW", "--superuser"],
        _env(tmp_path, PW="mot-mat-khau-kha-dai-2024"),
    )
    assert done.returncode == 0, done.stderr
    con = sqlite3.connect(tmp_path / "chitieu.sqlite3")
    rows = con.execute("SELECT username, password, is_superuser FROM auth_user").fetchall()
    con.close()
    assert len(rows) == 1
    username, hashed, superuser = rows[0]
    assert (username, superuser) == ("lan", 1)
    assert hashed.startswith("argon2$")
    again = _run(
        ["createuser", "lan", "--password-env", "PW"],
        _env(tmp_path, PW="mot-mat-khau-kha-dai-2024"),
    )
    assert again.returncode == 1 and "đã có" in again.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.slow
def test_it_serves_the_demo_with_a_login_it_prints(tmp_path: Path) -> None:
    port = _free_port()
    proc = subprocess.Popen(
        [*CHITIEU, "serve", "--demo", "--port", str(port)],
        env=_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        out = ""
        deadline = time.monotonic() + 60
        assert proc.stdout is not None
        while "chạy tại" not in out and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            out += line
        assert f"http://127.0.0.1:{port}/" in out
        assert "cailay.bientap / chitieu-demo" in out
        for _ in range(50):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/dang-nhap/", timeout=2) as r:
                    page = r.read().decode()
                break
            except OSError:
                time.sleep(0.2)
        assert "Đăng nhập" in page
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)


def _wait_for(url: str, proc: subprocess.Popen[str]) -> str:
    for _ in range(100):
        if proc.poll() is not None:
            raise AssertionError(f"server exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                return str(r.read().decode())
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer")


def test_it_refuses_to_serve_a_database_that_was_never_migrated(tmp_path: Path) -> None:
    done = _run(["serve"], _env(tmp_path))
    assert done.returncode == 1
    assert "chitieu migrate" in done.stderr


@pytest.mark.slow
def test_it_serves_a_migrated_database_with_gunicorn(tmp_path: Path) -> None:
    assert _run(["migrate", "--no-units"], _env(tmp_path)).returncode == 0
    port = _free_port()
    proc = subprocess.Popen(
        [*CHITIEU, "serve", "--port", str(port), "--workers", "1"],
        env=_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        page = _wait_for(f"http://127.0.0.1:{port}/dang-nhap/", proc)
        assert "Đăng nhập" in page
        css = _wait_for(f"http://127.0.0.1:{port}/static/chitieu/chitieu.css", proc)
        assert ".status" in css
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        out, _ = proc.communicate(timeout=10)
    assert "gunicorn" in out.lower() or "Booting worker" in out
