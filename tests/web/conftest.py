"""Django for the web tests only: the core tests in tests/ run without it.

DATABASE_URL picks the engine (scripts/test.sh runs these tests again on PostgreSQL)."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chitieu.web.settings")
os.environ.setdefault("CHITIEU_SECRET_KEY", "test-secret-key-" + "x" * 40)
os.environ.setdefault("CHITIEU_DATA_DIR", tempfile.mkdtemp(prefix="chitieu-test-data-"))
# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to run
# inside one unless told it is safe (the live server runs in its own thread).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import django
import pytest

# Models are imported by the factories below, so the app registry must be ready first.
django.setup()

from factories import Town, make_town  # noqa: E402


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: object) -> None:
    # Argon2 is deliberately slow; tests create many users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]


@pytest.fixture
def town(db: None) -> Town:
    """A town with its Party committee, People's Committee and a department, one user per role."""
    return make_town("Cai Lậy")


@pytest.fixture
def other_town(db: None) -> Town:
    return make_town("Kiến Tường")
