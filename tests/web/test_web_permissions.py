"""Every write endpoint, for every role, on its own town and on another town's.

Allowed writes change the database; refused ones answer 403 and change nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.test import Client
from factories import PASSWORD, Town

from chitieu.model import Period, Result
from chitieu.web.actions.results import do_save_result, do_submit_result
from chitieu.web.models import PeriodLock, Resolution, ResultVersion, TargetRow

ROLES = ["admin", "editor", "reporter", "approver", "viewer"]
YEAR = Period.year_of(2024)


def _submitted(town: Town) -> None:
    do_save_result(
        town.revenue, Result(period=YEAR, value=Decimal(190)), user=town.users["reporter"]
    )
    do_submit_result(town.revenue, YEAR, False, user=town.users["reporter"])


def _target_form(**extra: str) -> dict[str, str]:
    data = {
        "name": "số xã đạt chuẩn nông thôn mới",
        "field": "kinh_te",
        "kind": "level",
        "comparator": ">=",
        "value": "2",
        "unit": "xã",
        "direction": "higher",
    }
    data.update(extra)
    return data


@dataclass(frozen=True)
class Endpoint:
    name: str
    allowed: frozenset[str]
    url: Callable[[Town], str]
    data: Callable[[Town], dict[str, str]]
    count: Callable[[], int]  # what a successful write changes
    setup: Callable[[Town], None] | None = None


ENDPOINTS = [
    Endpoint(
        "create resolution",
        frozenset({"admin", "editor"}),
        lambda t: "/nghi-quyet/moi/",
        lambda t: {
            "issuing_body": str(t.committee.pk),
            "kind": "annual",
            "title": "Nghị quyết năm 2025",
            "start_year": "2025",
        },
        lambda: Resolution.objects.count(),
    ),
    Endpoint(
        "create target",
        frozenset({"admin", "editor"}),
        lambda t: f"/nghi-quyet/{t.resolution.pk}/chi-tieu/moi/",
        lambda t: _target_form(),
        lambda: TargetRow.objects.count(),
    ),
    Endpoint(
        "edit target",
        frozenset({"admin", "editor"}),
        lambda t: f"/chi-tieu/{t.revenue.pk}/sua/",
        lambda t: _target_form(
            name="tổng thu ngân sách địa phương", value="200", unit="tỷ đồng", code="KT01"
        ),
        lambda: TargetRow.objects.filter(value=200).count(),
    ),
    Endpoint(
        "confirm pasted targets",
        frozenset({"admin", "editor"}),
        lambda t: f"/nghi-quyet/{t.resolution.pk}/dan-van-ban/",
        lambda t: {
            "confirm": "1",
            "t-TOTAL_FORMS": "1",
            "t-INITIAL_FORMS": "1",
            "t-0-include": "on",
            **{f"t-0-{k}": v for k, v in _target_form().items()},
        },
        lambda: TargetRow.objects.count(),
    ),
    Endpoint(
        "save result",
        frozenset({"admin", "reporter"}),
        lambda t: f"/chi-tieu/{t.revenue.pk}/ket-qua/",
        lambda t: {"action": "save", "period": "2024", "value": "190", "unit": "tỷ đồng"},
        lambda: ResultVersion.objects.count(),
    ),
    Endpoint(
        "submit result",
        frozenset({"admin", "reporter"}),
        lambda t: f"/chi-tieu/{t.revenue.pk}/ket-qua/",
        lambda t: {"action": "submit", "period": "2024", "value": "190", "unit": "tỷ đồng"},
        lambda: ResultVersion.objects.filter(state="submitted").count(),
    ),
    Endpoint(
        "approve result",
        frozenset({"admin", "approver"}),
        lambda t: f"/chi-tieu/{t.revenue.pk}/ket-qua/",
        lambda t: {"action": "approve", "ky": "2024", "uoc": "0"},
        lambda: ResultVersion.objects.filter(state="approved").count(),
        setup=_submitted,
    ),
    Endpoint(
        "return result",
        frozenset({"admin", "approver"}),
        lambda t: f"/chi-tieu/{t.revenue.pk}/ket-qua/",
        lambda t: {"action": "return", "ky": "2024", "uoc": "0", "comment": "Sai số liệu"},
        lambda: ResultVersion.objects.filter(state="returned").count(),
        setup=_submitted,
    ),
    Endpoint(
        "lock period",
        frozenset({"admin", "approver"}),
        lambda t: f"/nghi-quyet/{t.resolution.pk}/khoa-ky/",
        lambda t: {"ky": "2024"},
        lambda: PeriodLock.objects.count(),
    ),
]


def _login(user_town: Town, role: str) -> Client:
    client = Client()
    assert client.login(username=user_town.users[role].username, password=PASSWORD)
    return client


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.name)
@pytest.mark.parametrize("role", ROLES)
def test_it_allows_a_write_only_to_the_right_role_of_the_own_town(
    endpoint: Endpoint, role: str, town: Town, other_town: Town
) -> None:
    if endpoint.setup:
        endpoint.setup(town)
    before = endpoint.count()
    response = _login(town, role).post(endpoint.url(town), endpoint.data(town))
    if role in endpoint.allowed:
        assert response.status_code == 302, response.content.decode()[:2000]
        assert endpoint.count() == before + 1
    else:
        assert response.status_code == 403
        assert endpoint.count() == before


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.name)
@pytest.mark.parametrize("role", ROLES)
def test_it_refuses_every_write_from_another_towns_user(
    endpoint: Endpoint, role: str, town: Town, other_town: Town
) -> None:
    if endpoint.setup:
        endpoint.setup(town)
    before = endpoint.count()
    response = _login(other_town, role).post(endpoint.url(town), endpoint.data(town))
    if endpoint.name == "create resolution":
        # They may create resolutions for their own body, never for this town's committee.
        assert response.status_code == 403
    else:
        assert response.status_code == 403
    assert endpoint.count() == before


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.name)
def test_it_sends_an_anonymous_writer_to_the_login_page(endpoint: Endpoint, town: Town) -> None:
    if endpoint.setup:
        endpoint.setup(town)
    before = endpoint.count()
    response = Client().post(endpoint.url(town), endpoint.data(town))
    assert response.status_code == 302
    assert response["Location"].startswith("/dang-nhap/")
    assert endpoint.count() == before


def test_it_hides_another_towns_private_resolution(town: Town, other_town: Town) -> None:
    client = _login(other_town, "viewer")
    assert client.get(f"/nghi-quyet/{town.resolution.pk}/").status_code == 404
    assert client.get(f"/chi-tieu/{town.revenue.pk}/").status_code == 404
    page = client.get("/").content.decode()
    assert town.resolution.title not in page and other_town.resolution.title in page
