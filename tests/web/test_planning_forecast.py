"""Year-end forecasts on the dashboard and the target's planning page: the flag for targets at
risk, the method from past years of the same body, and the flow/stock choice with its rights."""

from __future__ import annotations

import pytest
from django.test import Client
from factories import Town
from planning_helpers import approve, past_resolution, pin_today

from chitieu.forecast import Accumulation, ForecastMethod
from chitieu.web.planning.domain import accumulation_of, default_accumulation
from chitieu.web.planning.forecasts import resolution_forecasts
from chitieu.web.planning.models import TargetAccumulation

pytestmark = pytest.mark.django_db


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_it_defaults_money_to_a_flow_and_a_rate_to_a_stock(town: Town) -> None:
    assert default_accumulation(town.revenue) is Accumulation.FLOW
    assert default_accumulation(town.poverty) is Accumulation.STOCK
    assert accumulation_of(town.revenue) == (Accumulation.FLOW, True)


def test_it_flags_a_target_whose_forecast_straddles_the_target_on_the_dashboard(
    town: Town, monkeypatch: pytest.MonkeyPatch
) -> None:
    pin_today(monkeypatch)
    approve(town, town.revenue, "2024-6M", "80")
    rows = resolution_forecasts(town.resolution)
    assert [r.target.pk for r in rows] == [town.revenue.pk]
    forecast = rows[0].forecast
    # No past year: linear, 80 × 12/6 = 160, against at least 186.
    assert forecast.method is ForecastMethod.LINEAR and forecast.value == 160
    assert forecast.at_risk
    page = _client(town.users["viewer"]).get(f"/nghi-quyet/{town.resolution.pk}/")
    text = page.content.decode()
    assert 'id="forecast-at-risk"' in text
    assert "Ước cả năm 160 tỷ đồng" in text and "có nguy cơ không đạt" in text


def test_it_uses_the_share_of_the_same_months_in_past_years(town: Town) -> None:
    for year, half, whole in ((2022, "60", "150"), (2023, "64", "160")):
        old = past_resolution(town, year).targets.get()
        approve(town, old, f"{year}-6M", half)
        approve(town, old, str(year), whole)
    approve(town, town.revenue, "2024-6M", "80")
    (row,) = resolution_forecasts(town.resolution)
    assert row.forecast.method is ForecastMethod.SEASONAL_SHARE
    assert row.forecast.history_years == 2
    assert row.forecast.value == 200  # 80 / 0,4
    assert not row.at_risk


def test_it_does_not_forecast_once_the_year_figure_is_in(town: Town) -> None:
    approve(town, town.revenue, "2024-6M", "80")
    approve(town, town.revenue, "2024", "190")
    assert resolution_forecasts(town.resolution) == []


def test_the_planning_page_shows_the_forecast_and_the_choice(town: Town) -> None:
    approve(town, town.poverty, "2024-9M", "0.7")
    page = _client(town.users["reporter"]).get(f"/ke-hoach/chi-tieu/{town.poverty.pk}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert 'id="forecast-sentence"' in text and "Ước cả năm 0,7" in text
    assert "số tại thời điểm" in text and "mặc định" in text


def test_an_editor_changes_the_flow_or_stock_choice(town: Town) -> None:
    response = _client(town.users["editor"]).post(
        f"/ke-hoach/chi-tieu/{town.revenue.pk}/cach-cong/", {"accumulation": "stock"}
    )
    assert response.status_code == 302
    assert accumulation_of(town.revenue) == (Accumulation.STOCK, False)


@pytest.mark.parametrize(
    ("side", "role"), [("own", "reporter"), ("own", "viewer"), ("other", "editor")]
)
def test_others_cannot_change_the_choice_and_nothing_is_written(
    town: Town, other_town: Town, side: str, role: str
) -> None:
    user = (town if side == "own" else other_town).users[role]
    response = _client(user).post(
        f"/ke-hoach/chi-tieu/{town.revenue.pk}/cach-cong/", {"accumulation": "stock"}
    )
    assert response.status_code == 403
    assert not TargetAccumulation.objects.exists()


def test_another_towns_user_cannot_read_the_planning_page(town: Town, other_town: Town) -> None:
    response = _client(other_town.users["editor"]).get(f"/ke-hoach/chi-tieu/{town.revenue.pk}/")
    assert response.status_code == 404


def test_the_target_page_links_to_its_planning_page(town: Town) -> None:
    text = _client(town.users["viewer"]).get(f"/chi-tieu/{town.revenue.pk}/").content.decode()
    assert f'href="/ke-hoach/chi-tieu/{town.revenue.pk}/"' in text


def test_the_forecast_heading_writes_the_year_plainly(town: Town) -> None:
    approve(town, town.revenue, "2024-6M", "80")
    text = (
        _client(town.users["viewer"]).get(f"/ke-hoach/chi-tieu/{town.revenue.pk}/").content.decode()
    )
    assert "Ước cả năm 2024" in text and "2.024" not in text
