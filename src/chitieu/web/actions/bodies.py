"""Bodies and who works for them."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser
from django.db import transaction

from chitieu.web.actions.errors import ActionError
from chitieu.web.models import Body, BodyKind, Membership, Role, Unit


@transaction.atomic
def do_create_body(
    name: str, kind: str, unit: Unit | None = None, parent: Body | None = None
) -> Body:
    if kind not in BodyKind.values:
        raise ActionError(f"Loại cơ quan không hợp lệ: {kind!r}")
    if not name.strip():
        raise ActionError("Tên cơ quan không được để trống")
    return Body.objects.create(name=name.strip(), kind=kind, unit=unit, parent=parent)


@transaction.atomic
def do_create_user(
    username: str,
    password: str,
    *,
    full_name: str = "",
    email: str = "",
    superuser: bool = False,
) -> AbstractUser:
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        raise ActionError(f"Tên đăng nhập {username!r} đã có")
    user: AbstractUser = User.objects.create_user(
        username=username, password=password, email=email, first_name=full_name
    )
    if superuser:
        user.is_superuser = True
        user.is_staff = True
        user.save(update_fields=["is_superuser", "is_staff"])
    return user


@transaction.atomic
def do_grant_role(user: AbstractUser, body: Body, role: str) -> Membership:
    if role not in Role.values:
        raise ActionError(f"Vai trò không hợp lệ: {role!r} (dùng {', '.join(Role.values)})")
    membership, _ = Membership.objects.get_or_create(user=user, body=body, role=role)
    return membership
