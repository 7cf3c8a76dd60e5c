"""Settings come from the environment through helpers that fail loudly."""

from __future__ import annotations

from pathlib import Path

import pytest

from chitieu.web.env import SettingError, env_bool, parse_database_url


def test_it_reads_a_relative_sqlite_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # the folder of a relative path is created where we run
    db = parse_database_url("sqlite:///data/x.sqlite3")
    assert db["ENGINE"] == "django.db.backends.sqlite3"
    assert db["NAME"] == "data/x.sqlite3"
    assert "journal_mode=WAL" in db["OPTIONS"]["init_command"]


def test_it_reads_an_absolute_sqlite_url(tmp_path: Path) -> None:
    path = tmp_path / "srv" / "db.sqlite3"
    assert str(path).startswith("/")
    assert parse_database_url(f"sqlite:///{path}")["NAME"] == str(path)


def test_it_reads_a_postgres_url_with_escaped_password() -> None:
    db = parse_database_url("postgres://chitieu:p%40ss@db.local:5433/chitieu")
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["USER"], db["PASSWORD"], db["HOST"], db["PORT"], db["NAME"]) == (
        "chitieu",
        "p@ss",
        "db.local",
        "5433",
        "chitieu",
    )


@pytest.mark.parametrize("url", ["mysql://x@y/z", "postgres://x@y", "sqlite://"])
def test_it_refuses_a_database_url_it_cannot_use(url: str) -> None:
    with pytest.raises(SettingError, match="DATABASE_URL"):
        parse_database_url(url)


def test_it_refuses_a_boolean_that_is_not_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHITIEU_DEBUG", "có")
    with pytest.raises(SettingError, match="CHITIEU_DEBUG"):
        env_bool("CHITIEU_DEBUG", False)


def test_it_defaults_to_vietnamese_with_thousand_separators(settings: object) -> None:
    assert settings.LANGUAGE_CODE == "vi"  # type: ignore[attr-defined]
    assert ("en", "English") in settings.LANGUAGES  # type: ignore[attr-defined]
    assert settings.USE_THOUSAND_SEPARATOR  # type: ignore[attr-defined]


def test_it_hashes_passwords_with_argon2_in_production() -> None:
    # The settings module itself, not the test override of the fixture.
    text = (Path(__file__).parents[2] / "src/chitieu/web/settings.py").read_text(encoding="utf-8")
    from chitieu.web import settings as module

    assert module.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    assert "Argon2PasswordHasher" in text


def test_it_creates_the_folder_of_a_new_sqlite_database(tmp_path: Path) -> None:
    from chitieu.web.env import sqlite_database

    path = tmp_path / "new" / "data" / "chitieu.sqlite3"
    assert sqlite_database(path)["NAME"] == str(path)
    assert path.parent.is_dir()
