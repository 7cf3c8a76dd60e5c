"""Create, check and revoke API tokens."""

from __future__ import annotations

import hashlib
import secrets

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from chitieu.web.actions.errors import ActionError
from chitieu.web.models import ApiToken


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


@transaction.atomic
def do_create_token(user: AbstractBaseUser, name: str) -> tuple[ApiToken, str]:
    """Returns the stored token and the raw value, which is never stored nor shown again."""
    if not name.strip():
        raise ActionError("Đặt tên cho mã truy cập (ví dụ: “Phần mềm tổng hợp”)")
    raw = "ct_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name.strip(), prefix=raw[:8], key_hash=_hash(raw)
    )
    return token, raw


def user_for_token(raw: str) -> AbstractBaseUser | None:
    token = ApiToken.objects.select_related("user").filter(key_hash=_hash(raw)).first()
    if token is None or not token.user.is_active:
        return None
    # Coarse "last used" (once a minute at most) to avoid a write on every request.
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


@transaction.atomic
def do_revoke_token(user: AbstractBaseUser, token_id: int) -> None:
    deleted, _ = ApiToken.objects.filter(pk=token_id, user=user).delete()
    if not deleted:
        raise ActionError("Không tìm thấy mã truy cập")
