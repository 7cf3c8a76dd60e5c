"""Settings from environment variables through small typed helpers that fail loudly.

A wrong value stops the server at start-up with a message naming the variable, instead of
running with a silent default.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit


class SettingError(ValueError):
    """An environment variable with a value we cannot use."""


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise SettingError(f"{name}={raw!r}: cần true/false (hoặc 1/0)")


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def data_dir() -> Path:
    """The folder holding the SQLite database and the secret key (CHITIEU_DATA_DIR)."""
    return Path(os.environ.get("CHITIEU_DATA_DIR", "data")).resolve()


def parse_database_url(url: str) -> dict[str, Any]:
    """`sqlite:///relative.db`, `sqlite:////abs/path.db` or `postgres://user:pw@host:port/name`."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "sqlite":
        # urlsplit keeps the leading "/" of the path: "sqlite:///x.db" -> "/x.db" (relative),
        # "sqlite:////abs/x.db" -> "//abs/x.db" (absolute).
        path = parts.path[1:] if parts.path.startswith("/") else parts.path
        if not path:
            raise SettingError(f"DATABASE_URL={url!r}: thiếu đường dẫn tệp SQLite")
        return sqlite_database(Path(unquote(path)))
    if scheme in ("postgres", "postgresql", "pgsql"):
        name = parts.path.lstrip("/")
        if not name:
            raise SettingError(f"DATABASE_URL={url!r}: thiếu tên cơ sở dữ liệu")
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(name),
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            "CONN_MAX_AGE": 60,
        }
    raise SettingError(f"DATABASE_URL={url!r}: chỉ hỗ trợ sqlite:// hoặc postgres://")


def sqlite_database(path: Path) -> dict[str, Any]:
    # SQLite creates the file but not its folder; some system checks (JSONField) already open
    # the database, so a fresh data folder must exist before Django starts.
    path.parent.mkdir(parents=True, exist_ok=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        # WAL lets readers work while one writer commits; IMMEDIATE takes the write lock at
        # BEGIN so two writers wait instead of failing with "database is locked" mid-transaction.
        "OPTIONS": {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
    }


def secret_from_file(name: str) -> str:
    """NAME, else the content of the file named by NAME_FILE (Docker/systemd secrets), else "".

    Secrets never live in the code or the settings module: only in the environment or a file."""
    value = os.environ.get(name, "").strip()
    path = os.environ.get(name + "_FILE", "").strip()
    if value or not path:
        return value
    try:
        return Path(path).read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise SettingError(f"{name}_FILE={path!r}: không đọc được tệp ({exc.strerror})") from exc


def database() -> dict[str, Any]:
    url = secret_from_file("DATABASE_URL")
    if url:
        return parse_database_url(url)
    return sqlite_database(data_dir() / "chitieu.sqlite3")


def secret_key() -> str:
    """CHITIEU_SECRET_KEY (or the file CHITIEU_SECRET_KEY_FILE), else a key generated once and kept in the data folder, so a
    single-office install needs no configuration and sessions survive restarts."""
    key = secret_from_file("CHITIEU_SECRET_KEY")
    if key:
        if len(key) < 32:
            raise SettingError("CHITIEU_SECRET_KEY: cần ít nhất 32 ký tự")
        return key
    path = data_dir() / "secret_key"
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    import secrets

    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    path.write_text(key, encoding="utf-8")
    path.chmod(0o600)
    return key
