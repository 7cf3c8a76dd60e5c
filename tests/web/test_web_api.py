"""The REST API: token auth, reads scoped like the UI, every write for every role."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from factories import Town

from chitieu.model import Period, Result
from chitieu.web.actions.results import do_save_result, do_submit_result
from chitieu.web.actions.tokens import do_create_token
from chitieu.web.demo import do_load_demo
from chitieu.web.models import ApiToken, PeriodLock, Resolution, ResultVersion, TargetRow

ROLES = ["admin", "editor", "reporter", "approver", "viewer"]
YEAR = Period.year_of(2024)


class Api:
    def __init__(self, raw: str | None) -> None:
        self.client = Client()
        self.headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"} if raw else {}

    def get(self, url: str) -> Any:
        return self.client.get("/api" + url, **self.headers)

    def post(self, url: str, data: dict[str, Any]) -> Any:
        return self.client.post(
            "/api" + url, json.dumps(data), content_type="application/json", **self.headers
        )


def _api(town: Town, role: str) -> Api:
    return Api(do_create_token(town.users[role], "thử")[1])


def _submitted(town: Town) -> None:
    do_save_result(
        town.revenue, Result(period=YEAR, value=Decimal(190)), user=town.users["reporter"]
    )
    do_submit_result(town.revenue, YEAR, False, user=town.users["reporter"])


def test_it_refuses_a_request_without_a_valid_token(town: Town) -> None:
    assert Api(None).get("/resolutions").status_code == 401
    assert Api("ct_sai").get("/resolutions").status_code == 401


def test_it_stores_only_a_hash_of_the_token(town: Town) -> None:
    token, raw = do_create_token(town.users["viewer"], "thử")
    assert raw.startswith("ct_") and raw not in token.key_hash and token.prefix == raw[:8]
    assert _api(town, "viewer").get("/resolutions").status_code == 200
    assert ApiToken.objects.filter(last_used_at__isnull=False).exists()


def test_it_lists_only_the_resolutions_a_user_may_read(town: Town, other_town: Town) -> None:
    titles = [r["title"] for r in _api(town, "viewer").get("/resolutions").json()]
    assert titles == [town.resolution.title]
    assert _api(other_town, "viewer").get(f"/resolutions/{town.resolution.pk}").status_code == 404


@pytest.mark.django_db
def test_it_returns_the_evaluations_and_the_summary_sentence_of_the_demo() -> None:
    do_load_demo()
    from django.contrib.auth import get_user_model

    raw = do_create_token(get_user_model().objects.get(username="cailay.xem"), "thử")[1]
    r2023 = Resolution.objects.get(number="DEMO-CL-2023")
    body = Api(raw).get(f"/resolutions/{r2023.pk}/evaluations?period=2023").json()
    assert body["summary"]["total"] == 19  # the set of chitieu.reports.demo
    assert body["summary"]["sentence"].startswith("Trong 19 chỉ tiêu")
    revenue = next(e for e in body["evaluations"] if e["code"] == "KT02")
    assert Decimal(revenue["percent_of_target"]) == Decimal("126.82")
    assert revenue["status"] == "exceeded"
    detail = Api(raw).get(f"/resolutions/{r2023.pk}").json()
    assert len(detail["targets"]) == 19


@dataclass(frozen=True)
class Write:
    name: str
    allowed: frozenset[str]
    url: Callable[[Town], str]
    data: Callable[[Town], dict[str, Any]]
    count: Callable[[], int]
    setup: Callable[[Town], None] | None = None


WRITES = [
    Write(
        "create resolution",
        frozenset({"admin", "editor"}),
        lambda t: "/resolutions",
        lambda t: {
            "issuing_body_id": t.committee.pk,
            "title": "Nghị quyết năm 2025",
            "start_year": 2025,
        },
        lambda: Resolution.objects.count(),
    ),
    Write(
        "lock period",
        frozenset({"admin", "approver"}),
        lambda t: f"/resolutions/{t.resolution.pk}/lock",
        lambda t: {"period": "2024"},
        lambda: PeriodLock.objects.count(),
    ),
    Write(
        "create target",
        frozenset({"admin", "editor"}),
        lambda t: f"/resolutions/{t.resolution.pk}/targets",
        lambda t: {
            "name": "kết nạp đảng viên mới",
            "value": "60",
            "unit": "đảng viên",
            "field": "xay_dung_dang",
        },
        lambda: TargetRow.objects.count(),
    ),
    Write(
        "save result",
        frozenset({"admin", "reporter"}),
        lambda t: f"/targets/{t.revenue.pk}/results",
        lambda t: {"period": "2024", "value": "190.5", "unit": "tỷ đồng"},
        lambda: ResultVersion.objects.count(),
    ),
    Write(
        "submit result",
        frozenset({"admin", "reporter"}),
        lambda t: f"/targets/{t.revenue.pk}/results/submit",
        lambda t: {"period": "2024"},
        lambda: ResultVersion.objects.filter(state="submitted").count(),
        setup=lambda t: do_save_result(
            t.revenue, Result(period=YEAR, value=Decimal(1)), user=t.users["reporter"]
        ),  # type: ignore[arg-type,return-value]
    ),
    Write(
        "approve result",
        frozenset({"admin", "approver"}),
        lambda t: f"/targets/{t.revenue.pk}/results/approve",
        lambda t: {"period": "2024"},
        lambda: ResultVersion.objects.filter(state="approved").count(),
        setup=_submitted,
    ),
    Write(
        "return result",
        frozenset({"admin", "approver"}),
        lambda t: f"/targets/{t.revenue.pk}/results/return",
        lambda t: {"period": "2024", "comment": "Sai số liệu"},
        lambda: ResultVersion.objects.filter(state="returned").count(),
        setup=_submitted,
    ),
]


@pytest.mark.parametrize("write", WRITES, ids=lambda w: w.name)
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("own", [True, False], ids=["own town", "other town"])
def test_it_allows_an_api_write_only_to_the_right_role_of_the_own_town(
    write: Write, role: str, own: bool, town: Town, other_town: Town
) -> None:
    if write.setup:
        write.setup(town)
    before = write.count()
    response = _api(town if own else other_town, role).post(write.url(town), write.data(town))
    if own and role in write.allowed:
        assert response.status_code in (200, 201), response.content
        assert write.count() == before + 1
    else:
        assert response.status_code == 403, response.content
        assert write.count() == before


def test_it_keeps_figures_exact_as_strings(town: Town) -> None:
    body = (
        _api(town, "reporter")
        .post(
            f"/targets/{town.revenue.pk}/results",
            {"period": "2024", "value": "100.01", "unit": "tỷ đồng"},
        )
        .json()
    )
    assert Decimal(body["value"]) == Decimal("100.01")


def test_it_explains_a_refused_workflow_step_and_writes_nothing(town: Town) -> None:
    do_save_result(town.revenue, Result(period=YEAR, value=Decimal(1)), user=town.users["reporter"])
    response = _api(town, "approver").post(
        f"/targets/{town.revenue.pk}/results/approve", {"period": "2024"}
    )
    assert response.status_code == 409
    assert "Không thể chuyển" in response.json()["detail"]
    assert ResultVersion.objects.count() == 1


def test_it_rejects_a_bad_period_with_a_vietnamese_message(town: Town) -> None:
    response = _api(town, "reporter").post(
        f"/targets/{town.revenue.pk}/results", {"period": "2024-Q5", "value": 1}
    )
    assert response.status_code == 422
    assert "kỳ báo cáo không hợp lệ" in response.json()["detail"]
    assert not ResultVersion.objects.exists()


def test_it_serves_the_openapi_docs_locally(db: None) -> None:
    schema = Client().get("/api/openapi.json").json()
    assert "/api/targets/{target_id}/results" in schema["paths"]
    page = Client().get("/api/docs").content.decode()
    assert "swagger" in page.lower()
    assert "cdn" not in page.lower() and "unpkg" not in page.lower()


def test_it_returns_plausibility_warnings_with_a_saved_figure(town: Town) -> None:
    body = (
        _api(town, "reporter")
        .post(
            f"/targets/{town.poverty.pk}/results", {"period": "2024", "value": "140", "unit": "hộ"}
        )
        .json()
    )
    assert any("khác đơn vị" in w for w in body["warnings"])


def test_it_creates_and_revokes_a_token_on_the_account_page(town: Town) -> None:
    from factories import PASSWORD

    client = Client()
    assert client.login(username=town.users["reporter"].username, password=PASSWORD)
    page = client.post("/tai-khoan/ma-api/", {"name": "Phần mềm tổng hợp"}).content.decode()
    raw = page.split('id="new-token">')[1].split("<")[0]
    assert Api(raw).get("/resolutions").status_code == 200
    token = ApiToken.objects.get(name="Phần mềm tổng hợp")
    assert client.post("/tai-khoan/ma-api/", {"revoke": str(token.pk)}).status_code == 302
    assert Api(raw).get("/resolutions").status_code == 401
