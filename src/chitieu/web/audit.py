"""Audit trail: every create, update and delete of a row of the audited apps leaves an
AuditEntry (who, through what, from where, when, and the row's values).

Written by signal receivers connected for every model, so a new write path cannot forget it.
What signals do not see is listed in docs/security.md: QuerySet.update(), bulk_create() and
raw SQL (the bulk loader of chitieu.web.scale, which keeps its own load log; TargetChange
rows, which are themselves the history of a target). Rows loaded by a restore (raw saves)
are recorded once per restore, not row by row.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from typing import Any

from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse

AUDITED_APPS = frozenset({"web", "planning", "auth"})
NOT_AUDITED = frozenset({"web.auditentry"})  # the trail itself
SECRET_FIELDS = frozenset({"password", "key_hash", "data"})

_request: contextvars.ContextVar[HttpRequest | None] = contextvars.ContextVar(
    "chitieu_audit_request", default=None
)


class AuditMiddleware:
    """Makes the current request (its user and address) known to the signal receivers."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)


def audited(label: str) -> bool:
    return label.split(".")[0] in AUDITED_APPS and label not in NOT_AUDITED


def _values(instance: Any) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for field in instance._meta.concrete_fields:
        if field.name in SECRET_FIELDS:
            continue
        value = getattr(instance, field.attname)
        out[field.name] = None if value is None else field.value_to_string(instance)
    return out


def record(action: str, instance: Any, *, label: str | None = None) -> None:
    from chitieu.web.models import AuditEntry

    request = _request.get()
    user = getattr(request, "user", None) if request is not None else None
    if user is not None and not getattr(user, "is_authenticated", False):
        user = None
    if request is None:
        channel, ip = "system", ""
    else:
        channel = "api" if request.path.startswith("/api/") else "web"
        ip = str(request.META.get("REMOTE_ADDR", ""))[:64]
    AuditEntry.objects.create(
        user=user,
        channel=channel,
        ip=ip,
        action=action,
        model=label or instance._meta.label_lower,
        object_id=str(instance.pk)[:64],
        object_repr=str(instance)[:200],
        values=_values(instance),
    )


def _on_save(sender: Any, instance: Any, created: bool, raw: bool = False, **kwargs: Any) -> None:
    if raw or not audited(sender._meta.label_lower):
        return
    record("create" if created else "update", instance)


def _on_delete(sender: Any, instance: Any, **kwargs: Any) -> None:
    if audited(sender._meta.label_lower):
        record("delete", instance)


post_save.connect(_on_save, dispatch_uid="chitieu-audit-save")
post_delete.connect(_on_delete, dispatch_uid="chitieu-audit-delete")
