"""Two people editing one result: the second save, typed against an older version, is
refused with a clear message and the first figure is kept (no lost update)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.test import Client
from factories import Town

from chitieu.model import Period, Result
from chitieu.web.actions.results import StaleResult, current_version, do_save_result
from chitieu.web.actions.tokens import do_create_token
from chitieu.web.models import ResultVersion

YEAR = Period.year_of(2024)


def _open(client: Client, town: Town) -> str:
    page = client.get(f"/chi-tieu/{town.revenue.pk}/ket-qua/?ky=2024").content.decode()
    found = re.search(r'name="base" value="([^"]*)"', page)
    assert found, "the result form carries the version it was opened on"
    return found[1]


def _save(client: Client, town: Town, base: str, value: str) -> object:
    return client.post(
        f"/chi-tieu/{town.revenue.pk}/ket-qua/",
        {"period": "2024", "value": value, "action": "save", "base": base},
        follow=True,
    )


@pytest.mark.django_db
def test_the_second_of_two_concurrent_edits_is_refused_with_a_message(town: Town) -> None:
    do_save_result(town.revenue, Result(period=YEAR, value=Decimal(150)), user=town.users["admin"])
    first, second = Client(), Client()
    first.force_login(town.users["reporter"])
    second.force_login(town.users["admin"])
    base_first, base_second = _open(first, town), _open(second, town)
    assert base_first == base_second == "2024:0:1"

    _save(first, town, base_first, "190")
    response = _save(second, town, base_second, "200")

    messages = " ".join(str(m) for m in response.context["messages"])  # type: ignore[attr-defined]
    assert "vừa được cailay.reporter lưu" in messages and "chưa được lưu" in messages
    latest = current_version(town.revenue, YEAR, False)
    assert latest is not None and latest.value == Decimal(190) and latest.seq == 2
    assert ResultVersion.objects.filter(target=town.revenue).count() == 2

    # Having seen the newer figure, the second person may deliberately replace it.
    base_again = _open(second, town)
    assert base_again == "2024:0:2"
    _save(second, town, base_again, "200")
    latest = current_version(town.revenue, YEAR, False)
    assert latest is not None and latest.value == Decimal(200) and latest.seq == 3


@pytest.mark.django_db
def test_a_first_figure_typed_by_two_people_at_once_is_not_overwritten(town: Town) -> None:
    first, second = Client(), Client()
    first.force_login(town.users["reporter"])
    second.force_login(town.users["admin"])
    base = _open(first, town)
    assert base == _open(second, town) == "2024:0:0"
    _save(first, town, base, "190")
    _save(second, town, base, "200")
    assert [v.value for v in ResultVersion.objects.filter(target=town.revenue)] == [Decimal(190)]


@pytest.mark.django_db
def test_the_action_refuses_a_stale_version_and_writes_nothing(town: Town) -> None:
    user = town.users["reporter"]
    do_save_result(town.revenue, Result(period=YEAR, value=Decimal(1)), user=user)
    with pytest.raises(StaleResult):
        do_save_result(
            town.revenue, Result(period=YEAR, value=Decimal(2)), user=user, expected_seq=0
        )
    assert ResultVersion.objects.filter(target=town.revenue).count() == 1
    do_save_result(town.revenue, Result(period=YEAR, value=Decimal(2)), user=user, expected_seq=1)
    assert ResultVersion.objects.filter(target=town.revenue).count() == 2


@pytest.mark.django_db
def test_the_api_answers_409_to_a_save_over_a_newer_version(town: Town) -> None:
    _, raw = do_create_token(town.users["reporter"], "phần mềm")
    client = Client(headers={"Authorization": f"Bearer {raw}"})
    url = f"/api/targets/{town.revenue.pk}/results"
    first = client.post(url, {"period": "2024", "value": "190", "base_seq": 0}, "application/json")
    assert first.status_code == 201
    stale = client.post(url, {"period": "2024", "value": "200", "base_seq": 0}, "application/json")
    assert stale.status_code == 409 and "chưa được lưu" in stale.json()["detail"]
    assert [v.value for v in ResultVersion.objects.filter(target=town.revenue)] == [Decimal(190)]
