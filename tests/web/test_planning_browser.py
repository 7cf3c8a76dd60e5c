"""In Chromium: the dashboard flags a target whose year-end forecast is at risk and an overdue
task; the responsible department's reporter reports the task done from its page and the flag
goes, while the forecast flag stays until the figures change."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from browser import launch_chromium, login
from factories import Town
from planning_helpers import approve, pin_today, task

from chitieu.web.planning.models import TaskUpdate

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    yield from launch_chromium()


def test_it_flags_an_at_risk_forecast_and_an_overdue_task_on_the_dashboard(
    chromium: Any, live_server: Any, town: Town, monkeypatch: pytest.MonkeyPatch
) -> None:
    pin_today(monkeypatch, date(2024, 10, 12))
    approve(town, town.revenue, "2024-6M", "80")
    row = task(town)
    base = live_server.url
    dashboard = f"{base}/nghi-quyet/{town.resolution.pk}/"

    page = login(chromium, base, town.users["viewer"].username)
    page.goto(dashboard)
    flag = page.locator("#forecast-at-risk")
    assert flag.is_visible()
    assert "Ước cả năm: 1 chỉ tiêu có nguy cơ không đạt" in flag.inner_text()
    assert "tổng thu ngân sách địa phương: Ước cả năm 160 tỷ đồng" in flag.inner_text()
    overdue = page.locator("#overdue-tasks")
    assert overdue.is_visible()
    assert "Xây dựng chợ trung tâm: quá hạn 12 ngày" in overdue.inner_text()
    page.context.close()

    # The department's reporter reports the task done; the overdue flag goes.
    page = login(chromium, base, town.users["reporter"].username)
    page.goto(dashboard)
    page.locator("#overdue-tasks a", has_text="Xây dựng chợ trung tâm").click()
    page.wait_for_selector("#update-form")
    page.fill("#update-form input[name=on]", "2024-10-10")
    page.fill("#update-form input[name=progress]", "100")
    page.fill("#update-form textarea[name=note]", "Đã bàn giao")
    page.click("#update-form button[type=submit]")
    page.wait_for_selector("text=Đã cập nhật tiến độ")
    assert page.inner_text("#task-status") == "Hoàn thành"
    assert TaskUpdate.objects.filter(task=row, progress=100).exists()
    page.goto(dashboard)
    assert page.locator("#overdue-tasks").count() == 0
    assert page.locator("#forecast-at-risk").is_visible()
    page.context.close()
