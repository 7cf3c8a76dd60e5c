"""Who may read or write what. Every view gets objects through these getters, so a check
cannot be forgotten; a refused write raises PermissionDenied (HTTP 403).

A role held on a body also holds on the bodies below it (Body.parent). Superusers may do
everything.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from chitieu.web.models import Body, Membership, Resolution, Role, TargetRow

type AnyUser = AbstractBaseUser | AnonymousUser

# Roles that may do each action (a role on a body or an ancestor of it).
EDIT_TARGETS = frozenset({Role.ADMIN, Role.EDITOR})
REPORT_RESULTS = frozenset({Role.ADMIN, Role.REPORTER})
APPROVE_RESULTS = frozenset({Role.ADMIN, Role.APPROVER})


def _descendants(body_ids: set[int]) -> set[int]:
    """The bodies and every body below them (the hierarchy is shallow: a few levels)."""
    found = set(body_ids)
    frontier = set(body_ids)
    while frontier:
        frontier = set(Body.objects.filter(parent_id__in=frontier).values_list("id", flat=True))
        frontier -= found
        found |= frontier
    return found


def body_ids_for(user: AnyUser, roles: frozenset[str] | None = None) -> set[int] | None:
    """Bodies where `user` holds one of `roles` (any role if None); None means all bodies."""
    if not user.is_authenticated:
        return set()
    if user.is_superuser:
        return None
    cache_key = "_chitieu_bodies_" + ",".join(sorted(roles or ["*"]))
    cached: set[int] | None = getattr(user, cache_key, None)
    if cached is not None:
        return cached
    memberships = Membership.objects.filter(user=user)
    if roles is not None:
        memberships = memberships.filter(role__in=roles)
    ids = _descendants(set(memberships.values_list("body_id", flat=True)))
    setattr(user, cache_key, ids)
    return ids


def has_role(user: AnyUser, body: Body | None, roles: frozenset[str]) -> bool:
    if body is None:
        return bool(user.is_authenticated and user.is_superuser)
    ids = body_ids_for(user, roles)
    return ids is None or body.id in ids


def resolutions_for_user(user: AnyUser) -> QuerySet[Resolution]:
    """Resolutions a user may read: issued by or assigning targets to one of their bodies."""
    ids = body_ids_for(user)
    qs = Resolution.objects.select_related("issuing_body")
    if ids is None:
        return qs.all()
    return qs.filter(
        Q(issuing_body_id__in=ids) | Q(targets__responsible_body_id__in=ids)
    ).distinct()


def get_resolution_for_user(user: AnyUser, resolution_id: int) -> Resolution:
    resolution = get_object_or_404(
        Resolution.objects.select_related("issuing_body"), pk=resolution_id
    )
    if resolution.is_public:
        return resolution
    if not resolutions_for_user(user).filter(pk=resolution_id).exists():
        # 404, not 403: an outsider does not learn that the resolution exists.
        raise _not_found()
    return resolution


def get_rw_resolution_for_user(user: AnyUser, resolution_id: int) -> Resolution:
    """A resolution whose targets the user may change (editor/admin of the issuing body).

    Writes answer 403 whether or not the user may read: the refusal is what matters."""
    resolution = get_object_or_404(
        Resolution.objects.select_related("issuing_body"), pk=resolution_id
    )
    if not can_edit_targets(user, resolution):
        raise PermissionDenied("Bạn không có quyền sửa chỉ tiêu của nghị quyết này.")
    return resolution


def can_edit_targets(user: AnyUser, resolution: Resolution) -> bool:
    return has_role(user, resolution.issuing_body, EDIT_TARGETS)


def get_target_for_user(user: AnyUser, target_id: int) -> TargetRow:
    target = get_object_or_404(
        TargetRow.objects.select_related("resolution__issuing_body", "responsible_body"),
        pk=target_id,
    )
    get_resolution_for_user(user, target.resolution_id)
    return target


def reporting_body(target: TargetRow) -> Body:
    """Results of a target are reported by its responsible body, else by the issuing body."""
    return target.responsible_body or target.resolution.issuing_body


def can_report(user: AnyUser, target: TargetRow) -> bool:
    return has_role(user, reporting_body(target), REPORT_RESULTS)


def can_approve(user: AnyUser, target: TargetRow) -> bool:
    # The approver of the responsible body, or of the issuing body above it.
    return has_role(user, reporting_body(target), APPROVE_RESULTS) or has_role(
        user, target.resolution.issuing_body, APPROVE_RESULTS
    )


def can_lock(user: AnyUser, resolution: Resolution) -> bool:
    return has_role(user, resolution.issuing_body, APPROVE_RESULTS)


def get_rw_target_for_user(user: AnyUser, target_id: int) -> TargetRow:
    """A target whose results the user may enter (reporter/admin of the reporting body)."""
    target = get_object_or_404(
        TargetRow.objects.select_related("resolution__issuing_body", "responsible_body"),
        pk=target_id,
    )
    if not can_report(user, target):
        raise PermissionDenied("Bạn không có quyền nhập kết quả cho chỉ tiêu này.")
    return target


def _not_found() -> Exception:
    from django.http import Http404

    return Http404("Không tìm thấy nghị quyết.")
