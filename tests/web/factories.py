"""Factories for the web tests: a town with its bodies, a resolution, and one user per role."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.models import AbstractUser

from chitieu.model import Comparator, Direction, Field, Kind, Target
from chitieu.web.actions.bodies import do_create_body, do_create_user, do_grant_role
from chitieu.web.actions.resolutions import do_create_resolution
from chitieu.web.actions.targets import do_create_target
from chitieu.web.models import Body, BodyKind, Resolution, Role, TargetRow

PASSWORD = "mat-khau-thu-nghiem-2024"


@dataclass
class Town:
    slug: str
    committee: Body  # Thị ủy: issues the resolution
    peoples_committee: Body  # UBND, below the committee
    department: Body  # a department below the UBND: responsible for the targets
    resolution: Resolution
    revenue: TargetRow  # "tổng thu ngân sách địa phương >= 186 tỷ đồng"
    poverty: TargetRow  # "tỷ lệ hộ nghèo <= 0,63%"
    users: dict[str, AbstractUser] = field(default_factory=dict)


def make_target(resolution: Resolution, body: Body | None, name: str, **kw: object) -> TargetRow:
    target = Target(
        name=name,
        kind=Kind(kw.get("kind", "level")),
        comparator=Comparator(kw.get("comparator", ">=")),
        value=Decimal(str(kw["value"])) if kw.get("value") is not None else None,
        unit=str(kw.get("unit", "")) or None,
        direction=Direction(kw.get("direction", "higher")),
        field=Field(kw.get("field", "kinh_te")),
        code=str(kw.get("code", "")),
    )
    return do_create_target(resolution, target, responsible_body=body)


def make_town(name: str) -> Town:
    folded = unicodedata.normalize("NFD", name.lower().replace("đ", "d"))
    slug = "".join(c for c in folded if c.isascii() and c.isalnum())
    committee = do_create_body(f"Thị ủy {name}", BodyKind.PARTY_COMMITTEE)
    ubnd = do_create_body(f"UBND thị xã {name}", BodyKind.PEOPLES_COMMITTEE, parent=committee)
    department = do_create_body(f"Phòng Tài chính {name}", BodyKind.DEPARTMENT, parent=ubnd)
    resolution = do_create_resolution(
        issuing_body=committee, kind="annual", title=f"Nghị quyết {name} năm 2024", start_year=2024
    )
    revenue = make_target(
        resolution,
        department,
        "tổng thu ngân sách địa phương",
        value=186,
        unit="tỷ đồng",
        code="KT01",
    )
    poverty = make_target(
        resolution,
        department,
        "tỷ lệ hộ nghèo",
        value="0.63",
        unit="%",
        comparator="<=",
        direction="lower",
        field="van_hoa_xa_hoi",
        code="XH01",
    )
    town = Town(slug, committee, ubnd, department, resolution, revenue, poverty)
    grants = {
        Role.ADMIN: committee,
        Role.EDITOR: committee,
        Role.REPORTER: department,
        Role.APPROVER: committee,
        Role.VIEWER: committee,
    }
    for role, body in grants.items():
        user = do_create_user(f"{slug}.{role}", PASSWORD)
        do_grant_role(user, body, role)
        town.users[str(role)] = user
    return town
