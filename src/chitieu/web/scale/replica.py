"""The `replica` database alias, from DATABASE_REPLICA_URL (read by settings.py).

Kept apart from routers.py because settings import it: nothing here touches models."""

from __future__ import annotations

import os
from typing import Any

from chitieu.web.env import SettingError, parse_database_url

REPLICA = "replica"


def replica_databases() -> dict[str, dict[str, Any]]:
    """{"replica": {...}} when DATABASE_REPLICA_URL is set (PostgreSQL only), else {}."""
    url = os.environ.get("DATABASE_REPLICA_URL", "").strip()
    if not url:
        return {}
    db = parse_database_url(url)
    if db["ENGINE"] != "django.db.backends.postgresql":
        raise SettingError(
            f"DATABASE_REPLICA_URL={url!r}: bản sao chỉ hỗ trợ PostgreSQL (postgres://…)"
        )
    # Test runs read the primary's test database through this alias instead of creating one.
    db["TEST"] = {"MIRROR": "default"}
    return {REPLICA: db}
