"""Reads for dashboards and reports go to the streaming replica, writes to the primary.

Active only when settings.DATABASES has a `replica` alias (DATABASE_REPLICA_URL). Reads stay
on the primary where a stale answer would be wrong, not just old:
- inside a transaction on the primary (every do_* action reads what it is about to change,
  and the workflow locks rows with SELECT … FOR UPDATE, which a replica refuses);
- for sessions, users, permissions, tokens and period locks (a login written on the primary
  must be seen by the very next request);
- inside `primary_reads()`, for a view that must show what it has just written.
Everything else (units, bodies, resolutions, targets, results, the evaluation summary, and
the tables of any app added later) may lag the primary by the replication delay,
milliseconds on a LAN. A new model that guards writes (a lock, a quota) belongs in
PRIMARY_MODELS.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

from chitieu.web.scale.replica import REPLICA

# Read fresh, always: login, sessions, permissions (a change must apply on the next request).
PRIMARY_APPS = frozenset({"auth", "sessions", "contenttypes", "admin"})
PRIMARY_MODELS = frozenset({"web.apitoken", "web.membership", "web.periodlock"})

_primary_only: ContextVar[bool] = ContextVar("chitieu_primary_only", default=False)


@contextmanager
def primary_reads() -> Iterator[None]:
    """Within this block every read goes to the primary."""
    token = _primary_only.set(True)
    try:
        yield
    finally:
        _primary_only.reset(token)


class ReplicaRouter:
    def db_for_read(self, model: type[Any], **hints: Any) -> str | None:
        if REPLICA not in settings.DATABASES:
            return None
        if _primary_only.get() or connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        meta = model._meta
        if meta.app_label in PRIMARY_APPS or meta.label_lower in PRIMARY_MODELS:
            return DEFAULT_DB_ALIAS
        return REPLICA

    def db_for_write(self, model: type[Any], **hints: Any) -> str | None:
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool | None:
        # Both aliases hold the same data: rows read from either may be related.
        return True

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        # The replica gets the schema through replication; it is read-only anyway.
        return db != REPLICA
