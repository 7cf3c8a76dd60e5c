"""Every endpoint × every role × own and another town's body, generated from the URL
configuration and the OpenAPI schema.

The tables below say who may use each endpoint. The first two tests fail as soon as a route
or an API operation exists that the tables do not list, so a new endpoint cannot ship without
someone deciding who may call it. A refused request must change nothing in the database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from factories import Town
from planning_matrix import planning_cases

from chitieu.model import Period, Result
from chitieu.web.actions.results import do_save_result, do_submit_result
from chitieu.web.actions.tokens import do_create_token
from chitieu.web.api import api

ROLES = ("admin", "editor", "reporter", "approver", "viewer")
EVERYONE = frozenset({*ROLES, "anonymous"})
MEMBERS = frozenset(ROLES)
YEAR = Period.year_of(2024)


def _draft(t: Town) -> None:
    do_save_result(t.revenue, Result(period=YEAR, value=Decimal(190)), user=t.users["reporter"])


def _submitted(t: Town) -> None:
    _draft(t)
    do_submit_result(t.revenue, YEAR, False, user=t.users["reporter"])


def _target_form(t: Town) -> dict[str, str]:
    return {
        "name": "tổng thu ngân sách địa phương",
        "code": "KT01",
        "field": "kinh_te",
        "kind": "level",
        "comparator": ">=",
        "value": "200",
        "unit": "tỷ đồng",
        "direction": "higher",
    }


@dataclass(frozen=True)
class Case:
    """One way of calling an endpoint and who may do it.

    `allowed`: roles allowed on their own town's objects. `shared`: the endpoint names no
    body (lists, forms, account), so another town's users get the same answer as own ones;
    otherwise they must be refused. `hidden`: text an outsider's answer must not contain."""

    route: str
    method: str
    url: Callable[[Town], str]
    allowed: frozenset[str]
    shared: bool = False
    data: Callable[[Town], dict[str, Any]] | None = None
    setup: Callable[[Town], None] | None = None
    api: bool = False
    hidden: Callable[[Town], str] | None = None
    any_status: bool = False  # the answer is the same for everyone (e.g. logout, 404 root)


def _r(t: Town) -> str:
    return str(t.resolution.pk)


def _t(t: Town) -> str:
    return str(t.revenue.pk)


def _title(t: Town) -> str:
    return t.resolution.title


def _approved(t: Town) -> None:
    from chitieu.web.actions.results import do_approve_result

    _submitted(t)
    do_approve_result(t.revenue, YEAR, False, user=t.users["approver"])


WEB = [
    Case("", "GET", lambda t: "/", MEMBERS, shared=True, hidden=_title),
    Case("dang-nhap/", "GET", lambda t: "/dang-nhap/", EVERYONE, shared=True),
    Case(
        "dang-nhap/",
        "POST",
        lambda t: "/dang-nhap/",
        EVERYONE,
        shared=True,
        data=lambda t: {"username": "khong-co", "password": "sai"},
    ),
    Case("dang-xuat/", "POST", lambda t: "/dang-xuat/", EVERYONE, shared=True, any_status=True),
    Case("nghi-quyet/moi/", "GET", lambda t: "/nghi-quyet/moi/", {"admin", "editor"}, shared=True),
    Case(
        "nghi-quyet/moi/",
        "POST",
        lambda t: "/nghi-quyet/moi/",
        frozenset({"admin", "editor"}),
        data=lambda t: {
            "issuing_body": str(t.committee.pk),
            "kind": "annual",
            "title": "Nghị quyết năm 2025",
            "start_year": "2025",
        },
    ),
    Case("nghi-quyet/<int:resolution_id>/", "GET", lambda t: f"/nghi-quyet/{_r(t)}/", MEMBERS),
    Case(
        r"^nghi-quyet/(?P<resolution_id>[0-9]+)/xuat\.(?P<fmt>csv|xlsx)$",
        "GET",
        lambda t: f"/nghi-quyet/{_r(t)}/xuat.csv",
        MEMBERS,
    ),
    Case(
        r"^nghi-quyet/(?P<resolution_id>[0-9]+)/xuat\.(?P<fmt>csv|xlsx)$",
        "GET",
        lambda t: f"/nghi-quyet/{_r(t)}/xuat.xlsx",
        MEMBERS,
    ),
    # The report and the fact check read like the dashboard: members of the body (and above).
    Case(
        "nghi-quyet/<int:resolution_id>/bao-cao/",
        "GET",
        lambda t: f"/nghi-quyet/{_r(t)}/bao-cao/",
        MEMBERS,
    ),
    Case(
        "nghi-quyet/<int:resolution_id>/bao-cao/",
        "GET",
        lambda t: f"/nghi-quyet/{_r(t)}/bao-cao/?period=2024&format=xlsx",
        MEMBERS,
        setup=_approved,
    ),
    Case(
        "nghi-quyet/<int:resolution_id>/kiem-tra-so-lieu/",
        "POST",
        lambda t: f"/nghi-quyet/{_r(t)}/kiem-tra-so-lieu/",
        MEMBERS,
        data=lambda t: {"ky": "2024", "text": "Tổng thu ngân sách địa phương đạt 190 tỷ đồng."},
        setup=_approved,
    ),
    Case("mau-chi-tieu.xlsx", "GET", lambda t: "/mau-chi-tieu.xlsx", EVERYONE, shared=True),
    Case(
        "nghi-quyet/<int:resolution_id>/khoa-ky/",
        "POST",
        lambda t: f"/nghi-quyet/{_r(t)}/khoa-ky/",
        frozenset({"admin", "approver"}),
        data=lambda t: {"ky": "2024"},
    ),
    Case(
        "nghi-quyet/<int:resolution_id>/chi-tieu/moi/",
        "GET",
        lambda t: f"/nghi-quyet/{_r(t)}/chi-tieu/moi/",
        frozenset({"admin", "editor"}),
    ),
    Case(
        "nghi-quyet/<int:resolution_id>/chi-tieu/moi/",
        "POST",
        lambda t: f"/nghi-quyet/{_r(t)}/chi-tieu/moi/",
        frozenset({"admin", "editor"}),
        data=lambda t: {**_target_form(t), "code": "KT99", "name": "số xã nông thôn mới"},
    ),
    Case(
        "nghi-quyet/<int:resolution_id>/dan-van-ban/",
        "GET",
        lambda t: f"/nghi-quyet/{_r(t)}/dan-van-ban/",
        frozenset({"admin", "editor"}),
    ),
    Case(
        "nghi-quyet/<int:resolution_id>/dan-van-ban/",
        "POST",
        lambda t: f"/nghi-quyet/{_r(t)}/dan-van-ban/",
        frozenset({"admin", "editor"}),
        data=lambda t: {"text": "Tổng thu ngân sách đạt 200 tỷ đồng trở lên."},
    ),
    Case("cong-khai/", "GET", lambda t: "/cong-khai/", EVERYONE, shared=True, hidden=_title),
    Case("so-sanh/", "GET", lambda t: "/so-sanh/?ten=thu", MEMBERS, shared=True),
    Case("chi-tieu/<int:target_id>/", "GET", lambda t: f"/chi-tieu/{_t(t)}/", MEMBERS),
    Case(
        "chi-tieu/<int:target_id>/sua/",
        "GET",
        lambda t: f"/chi-tieu/{_t(t)}/sua/",
        frozenset({"admin", "editor"}),
    ),
    Case(
        "chi-tieu/<int:target_id>/sua/",
        "POST",
        lambda t: f"/chi-tieu/{_t(t)}/sua/",
        frozenset({"admin", "editor"}),
        data=_target_form,
    ),
    Case(
        "chi-tieu/<int:target_id>/ket-qua/", "GET", lambda t: f"/chi-tieu/{_t(t)}/ket-qua/", MEMBERS
    ),
    Case(
        "chi-tieu/<int:target_id>/ket-qua/",
        "POST",
        lambda t: f"/chi-tieu/{_t(t)}/ket-qua/",
        frozenset({"admin", "reporter"}),
        data=lambda t: {"period": "2024", "value": "190", "action": "save"},
    ),
    Case(
        "chi-tieu/<int:target_id>/ket-qua/",
        "POST",
        lambda t: f"/chi-tieu/{_t(t)}/ket-qua/",
        frozenset({"admin", "approver"}),
        data=lambda t: {"ky": "2024", "action": "approve"},
        setup=_submitted,
    ),
    Case("tai-khoan/ma-api/", "GET", lambda t: "/tai-khoan/ma-api/", MEMBERS, shared=True),
    Case(
        "tai-khoan/ma-api/",
        "POST",
        lambda t: "/tai-khoan/ma-api/",
        MEMBERS,
        shared=True,
        data=lambda t: {"name": "Phần mềm tổng hợp"},
    ),
    # The API's description and Swagger UI are public: they hold no data.
    Case("api/openapi.json", "GET", lambda t: "/api/openapi.json", EVERYONE, shared=True),
    Case("api/docs", "GET", lambda t: "/api/docs", EVERYONE, shared=True),
    Case("api/", "GET", lambda t: "/api/", EVERYONE, shared=True, any_status=True),
    Case(
        "i18n/setlang/",
        "POST",
        lambda t: "/i18n/setlang/",
        EVERYONE,
        shared=True,
        data=lambda t: {"language": "en"},
    ),
    Case(
        "^static/(?P<path>.*)$",
        "GET",
        lambda t: "/static/chitieu/chitieu.css",
        EVERYONE,
        shared=True,
    ),
    # Django's admin: staff only; no role on a body makes anyone staff.
    Case("admin/", "GET", lambda t: "/admin/", frozenset(), shared=True),
]

WEB += planning_cases(Case)  # the planning pages (issue 5): tests/web/planning_matrix.py

API = [
    Case(
        "/api/resolutions",
        "GET",
        lambda t: "/api/resolutions",
        MEMBERS,
        True,
        api=True,
        hidden=_title,
    ),
    Case(
        "/api/resolutions",
        "POST",
        lambda t: "/api/resolutions",
        frozenset({"admin", "editor"}),
        data=lambda t: {
            "issuing_body_id": t.committee.pk,
            "title": "Nghị quyết năm 2025",
            "start_year": 2025,
        },
        api=True,
    ),
    Case(
        "/api/resolutions/{resolution_id}/lock",
        "POST",
        lambda t: f"/api/resolutions/{_r(t)}/lock",
        frozenset({"admin", "approver"}),
        data=lambda t: {"period": "2024"},
        api=True,
    ),
    Case(
        "/api/resolutions/{resolution_id}",
        "GET",
        lambda t: f"/api/resolutions/{_r(t)}",
        MEMBERS,
        api=True,
    ),
    Case(
        "/api/resolutions/{resolution_id}/evaluations",
        "GET",
        lambda t: f"/api/resolutions/{_r(t)}/evaluations",
        MEMBERS,
        api=True,
    ),
    Case(
        "/api/resolutions/{resolution_id}/targets",
        "POST",
        lambda t: f"/api/resolutions/{_r(t)}/targets",
        frozenset({"admin", "editor"}),
        data=lambda t: {"name": "số xã nông thôn mới", "value": "2", "unit": "xã"},
        api=True,
    ),
    Case(
        "/api/targets/{target_id}/results",
        "GET",
        lambda t: f"/api/targets/{_t(t)}/results",
        MEMBERS,
        api=True,
    ),
    Case(
        "/api/targets/{target_id}/results",
        "POST",
        lambda t: f"/api/targets/{_t(t)}/results",
        frozenset({"admin", "reporter"}),
        data=lambda t: {"period": "2024", "value": "190"},
        api=True,
    ),
    Case(
        "/api/targets/{target_id}/results/submit",
        "POST",
        lambda t: f"/api/targets/{_t(t)}/results/submit",
        frozenset({"admin", "reporter"}),
        data=lambda t: {"period": "2024"},
        setup=_draft,
        api=True,
    ),
    Case(
        "/api/targets/{target_id}/results/approve",
        "POST",
        lambda t: f"/api/targets/{_t(t)}/results/approve",
        frozenset({"admin", "approver"}),
        data=lambda t: {"period": "2024"},
        setup=_submitted,
        api=True,
    ),
    Case(
        "/api/targets/{target_id}/results/return",
        "POST",
        lambda t: f"/api/targets/{_t(t)}/results/return",
        frozenset({"admin", "approver"}),
        data=lambda t: {"period": "2024", "comment": "Số liệu chưa khớp"},
        setup=_submitted,
        api=True,
    ),
]


@pytest.fixture(autouse=True)
def _clean_throttle() -> Iterator[None]:
    # The wrong-password POSTs below count towards the login lockout: leave no trace.
    yield
    caches["throttle"].clear()


def _walk(patterns: list[Any], prefix: str = "") -> Iterator[str]:
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from _walk(p.url_patterns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern)


def _api_routes() -> set[str]:
    """Django routes that belong to API operations (covered by the OpenAPI table)."""
    return {
        "api/" + path.removeprefix("/api/").replace("{", "<").replace("}", ">")
        for path in api.get_openapi_schema()["paths"]
    }


def test_every_route_of_the_url_configuration_is_in_the_table() -> None:
    routes = set(_walk(get_resolver().url_patterns))
    listed = {case.route for case in WEB}
    admin_routes = {r for r in routes if r.startswith("admin/")}
    unlisted = routes - listed - admin_routes - _api_routes()
    assert not unlisted, f"routes with no permission expectation: {sorted(unlisted)}"
    assert not listed - routes, f"table lists routes that no longer exist: {listed - routes}"


def test_every_operation_of_the_openapi_schema_is_in_the_table() -> None:
    schema = api.get_openapi_schema()
    operations = {(path, method.upper()) for path, ops in schema["paths"].items() for method in ops}
    listed = {(case.route, case.method) for case in API}
    assert operations == listed, (
        f"not in the table: {sorted(operations - listed)}; gone: {sorted(listed - operations)}"
    )


def _row_counts() -> dict[str, int]:
    models = [*apps.get_app_config("web").get_models(), get_user_model()]
    # The audit trail records the test's own logins (last_login); it is checked elsewhere.
    return {m.__name__: m._default_manager.count() for m in models if m.__name__ != "AuditEntry"}


def _is_refusal(response: Any) -> bool:
    if response.status_code in (401, 403, 404):
        return True
    location = response.get("Location", "") if response.status_code == 302 else ""
    return "dang-nhap" in location or "/admin/login" in location


def _call(case: Case, town: Town, user: Any) -> Any:
    client = Client()
    headers: dict[str, str] = {}
    if case.api:
        if user is not None:
            _, raw = do_create_token(user, "kiểm thử")
            headers["Authorization"] = f"Bearer {raw}"
    elif user is not None:
        client.force_login(user)
    url = case.url(town)
    if case.method == "GET":
        return client.get(url, headers=headers)
    data = case.data(town) if case.data else {}
    if case.api:
        return client.post(url, data, content_type="application/json", headers=headers)
    return client.post(url, data, headers=headers)


PARAMS = [
    pytest.param(case, role, side, id=f"{i}-{case.method}-{case.route}-{role}-{side}")
    for i, case in enumerate(WEB + API)
    for role in (*ROLES, "anonymous")
    for side in (("own",) if role == "anonymous" else ("own", "other"))
]


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "role", "side"), PARAMS)
def test_each_role_gets_exactly_what_the_table_allows(
    case: Case, role: str, side: str, town: Town, other_town: Town
) -> None:
    if case.setup:
        case.setup(town)
    user = None if role == "anonymous" else (town if side == "own" else other_town).users[role]
    before = _row_counts()
    response = _call(case, town, user)
    assert response.status_code < 500, response.content[:500]
    if case.any_status:
        return
    allowed = role in case.allowed and (side == "own" or case.shared)
    if allowed:
        assert not _is_refusal(response), (
            f"{role} ({side}) refused: {response.status_code} {response.get('Location', '')}"
        )
        if case.hidden and side == "other":
            text = b"".join(response) if response.streaming else response.content
            assert case.hidden(town).encode() not in text
    else:
        assert _is_refusal(response), f"{role} ({side}) allowed: {response.status_code}"
        if case.method == "POST" and case.route != "dang-xuat/":
            # Token creation for the API call itself is not the request under test.
            after = _row_counts()
            if case.api and user is not None:
                after["ApiToken"] -= 1
            assert after == before
