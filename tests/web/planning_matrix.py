"""The planning pages' rows of the permission matrix (tests/web/test_security_matrix.py):
who may use each route of chitieu.web.planning.urls. Built from the matrix's own Case class."""

from __future__ import annotations

from datetime import date
from typing import Any

from factories import Town

from chitieu.web.planning.actions import do_create_task
from chitieu.web.planning.models import Task

MEMBERS = frozenset({"admin", "editor", "reporter", "approver", "viewer"})
EDITORS = frozenset({"admin", "editor"})
P = "ke-hoach/"


def _task(t: Town) -> None:
    do_create_task(
        t.resolution,
        title="Xây dựng chợ trung tâm",
        kind="cong_trinh_trong_diem",
        responsible_body=t.department,
        deadline=date(2024, 9, 30),
    )


def _k(t: Town) -> str:
    return str(Task.objects.filter(resolution=t.resolution).values_list("pk", flat=True).first())


def _task_form(t: Town) -> dict[str, str]:
    return {
        "kind": "nhiem_vu",
        "title": "Chương trình chuyển đổi số",
        "responsible_body": str(t.department.pk),
        "deadline": "2024-12-31",
    }


def planning_cases(case: Any) -> list[Any]:
    r = lambda t: str(t.resolution.pk)  # noqa: E731
    g = lambda t: str(t.revenue.pk)  # noqa: E731
    return [
        case(P + "chi-tieu/<int:target_id>/", "GET", lambda t: f"/{P}chi-tieu/{g(t)}/", MEMBERS),
        case(
            P + "chi-tieu/<int:target_id>/cach-cong/",
            "POST",
            lambda t: f"/{P}chi-tieu/{g(t)}/cach-cong/",
            EDITORS,
            data=lambda t: {"accumulation": "stock"},
        ),
        case(
            P + "chi-tieu/<int:target_id>/nhiem-ky/",
            "POST",
            lambda t: f"/{P}chi-tieu/{g(t)}/nhiem-ky/",
            EDITORS,
            data=lambda t: {"kind": "total"},
        ),
        case(
            P + "nghi-quyet/<int:resolution_id>/nhiem-ky/",
            "GET",
            lambda t: f"/{P}nghi-quyet/{r(t)}/nhiem-ky/",
            MEMBERS,
        ),
        case(
            P + "nghi-quyet/<int:resolution_id>/nhiem-vu/",
            "GET",
            lambda t: f"/{P}nghi-quyet/{r(t)}/nhiem-vu/",
            MEMBERS,
        ),
        case(
            P + "nghi-quyet/<int:resolution_id>/nhiem-vu/",
            "POST",
            lambda t: f"/{P}nghi-quyet/{r(t)}/nhiem-vu/",
            EDITORS,
            data=_task_form,
        ),
        case(
            P + "nghi-quyet/<int:resolution_id>/lich-bao-cao/",
            "GET",
            lambda t: f"/{P}nghi-quyet/{r(t)}/lich-bao-cao/",
            MEMBERS,
        ),
        case(
            P + "nghi-quyet/<int:resolution_id>/lich-bao-cao/",
            "POST",
            lambda t: f"/{P}nghi-quyet/{r(t)}/lich-bao-cao/",
            EDITORS,
            data=lambda t: {"period_kind": "year", "day": "20", "months_after": "1"},
        ),
        case(
            P + "nhiem-vu/<int:task_id>/",
            "GET",
            lambda t: f"/{P}nhiem-vu/{_k(t)}/",
            MEMBERS,
            setup=_task,
        ),
        case(
            P + "nhiem-vu/<int:task_id>/sua/",
            "GET",
            lambda t: f"/{P}nhiem-vu/{_k(t)}/sua/",
            EDITORS,
            setup=_task,
        ),
        case(
            P + "nhiem-vu/<int:task_id>/sua/",
            "POST",
            lambda t: f"/{P}nhiem-vu/{_k(t)}/sua/",
            EDITORS,
            data=_task_form,
            setup=_task,
        ),
        case(
            P + "nhiem-vu/<int:task_id>/xoa/",
            "POST",
            lambda t: f"/{P}nhiem-vu/{_k(t)}/xoa/",
            EDITORS,
            setup=_task,
        ),
        case(
            P + "nhiem-vu/<int:task_id>/cap-nhat/",
            "POST",
            lambda t: f"/{P}nhiem-vu/{_k(t)}/cap-nhat/",
            frozenset({"admin", "reporter"}),
            data=lambda t: {"on": "2024-10-01", "progress": "70"},
            setup=_task,
        ),
    ]
