"""The planning part of the demo (`chitieu serve --demo`): a 2020–2025 congress resolution whose
term dashboard shows each status, tasks with one overdue, and a 2024 year-end forecast flagged
at risk; every invented figure says "số liệu minh họa"; loading stays idempotent."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from planning_helpers import pin_today

from chitieu.web.demo import DEMO_PASSWORD, do_load_demo
from chitieu.web.demo_planning import PAST_NUMBERS, TERM_NUMBER
from chitieu.web.models import Resolution, ResultVersion, TargetRow
from chitieu.web.planning.models import Task, TaskUpdate, TermSpec

pytestmark = pytest.mark.django_db


def _viewer() -> Client:
    client = Client()
    assert client.login(username="cailay.xem", password=DEMO_PASSWORD)
    return client


def _cell_of(page: str, code: str) -> str:
    """The table row of the target with `code`."""
    return page.split(f'<tr data-code="{code}">')[1].split("</tr>")[0]


def test_the_demo_term_dashboard_shows_targets_on_track_at_risk_and_off_track() -> None:
    do_load_demo()
    term = Resolution.objects.get(number=TERM_NUMBER)
    assert (term.kind, term.start_year, term.end_year) == ("congress_term", 2020, 2025)
    assert "số liệu minh họa" in term.title
    kinds = set(TermSpec.objects.filter(target__resolution=term).values_list("kind", flat=True))
    assert kinds == {"end_level", "total", "average_growth"}
    page = _viewer().get(f"/ke-hoach/nghi-quyet/{term.pk}/nhiem-ky/").content.decode()
    assert "2/4 chỉ tiêu nhiệm kỳ đúng tiến độ, 1 có nguy cơ, 1 chậm tiến độ" in page
    assert "term-at_risk" in _cell_of(page, "KT01")  # growth 7,65%/năm against 8%
    assert "term-on_track" in _cell_of(page, "XH01")  # poverty 1,8% → 0,6%, 0,5% to reach
    assert "term-off_track" in _cell_of(page, "XH02")  # 3.300 of 5.000 jobs, 1.700 in a year
    assert "1.700 lao động" in _cell_of(page, "XH02")
    # Yearly results 2021–2024, all illustrative.
    versions = ResultVersion.objects.filter(target__resolution=term)
    assert sorted({v.period_code for v in versions}) == ["2021", "2022", "2023", "2024"]
    assert not versions.filter(illustrative=False).exists()
    assert not TargetRow.objects.filter(resolution=term, illustrative=False).exists()


def test_the_demo_tasks_have_deadlines_updates_and_exactly_one_overdue(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    do_load_demo()
    pin_today(monkeypatch, date(2026, 3, 1))
    term = Resolution.objects.get(number=TERM_NUMBER)
    kinds = set(Task.objects.filter(resolution=term).values_list("kind", flat=True))
    assert {"nhiem_vu", "chuong_trinh_dot_pha", "cong_trinh_trong_diem"} <= kinds
    client = _viewer()
    dashboard = client.get(f"/nghi-quyet/{term.pk}/").content.decode()
    box = dashboard.split('id="overdue-tasks">')[1].split("</div>")[0]
    assert "1 nhiệm vụ quá hạn" in box and "đô thị loại III" in box
    page = client.get(f"/ke-hoach/nghi-quyet/{term.pk}/nhiem-vu/").content.decode()
    assert page.count('<tr class="overdue">') == 1
    assert "thường xuyên" in page and "30/06/2024" in page
    overdue = Task.objects.get(resolution=term, code="ĐP1")
    detail = client.get(f"/ke-hoach/nhiem-vu/{overdue.pk}/").content.decode()
    assert "Đạt 39/59 tiêu chuẩn (số liệu minh họa)." in detail
    assert all("số liệu minh họa" in u.note for u in TaskUpdate.objects.all())


def test_the_demo_2024_dashboard_flags_a_year_end_forecast_at_risk() -> None:
    do_load_demo()
    r2024 = Resolution.objects.get(number="DEMO-CL-2024")
    page = _viewer().get(f"/nghi-quyet/{r2024.pk}/").content.decode()
    box = page.split('id="forecast-at-risk">')[1].split("</div>")[0]
    assert "1 chỉ tiêu có nguy cơ không đạt" in box
    assert "tạo việc làm mới" in box and "có nguy cơ không đạt chỉ tiêu" in box
    assert "dạy nghề" not in box  # its forecast meets the target
    forecasts = page.split('id="forecasts">')[1].split("</details>")[0]
    assert "dạy nghề" in forecasts and "dự báo đạt chỉ tiêu" in forecasts
    # The history: two illustrative past resolutions with 6, 9 and 12 months.
    for year, number in PAST_NUMBERS.items():
        past = Resolution.objects.get(number=number)
        assert "số liệu minh họa" in past.title
        codes = set(
            ResultVersion.objects.filter(target__resolution=past).values_list(
                "period_code", flat=True
            )
        )
        assert codes == {f"{year}-6M", f"{year}-9M", str(year)}
    # The 2024 partial figures are illustrative and the article's targets have no year
    # figure added.
    partial = ResultVersion.objects.filter(
        target__resolution=r2024, period_code__in=["2024-6M", "2024-9M"]
    )
    assert partial.count() == 4 and not partial.filter(illustrative=False).exists()
    assert not ResultVersion.objects.filter(
        target__resolution=r2024,
        target__name__in=["tạo việc làm mới", "dạy nghề"],
        period_code="2024",
    ).exists()


def test_a_demo_loaded_before_the_planning_part_gets_it_once() -> None:
    assert do_load_demo() is True
    Resolution.objects.filter(number__in=[TERM_NUMBER, *PAST_NUMBERS.values()]).delete()
    ResultVersion.objects.filter(period_code__in=["2024-6M", "2024-9M"]).delete()
    before = Resolution.objects.count()
    assert do_load_demo() is True
    assert Resolution.objects.count() == before + 3
    counts = (TargetRow.objects.count(), ResultVersion.objects.count(), Task.objects.count())
    assert do_load_demo() is False
    assert (
        TargetRow.objects.count(),
        ResultVersion.objects.count(),
        Task.objects.count(),
    ) == counts


def test_a_demo_changed_by_hand_loads_without_error_and_adds_no_planning_part() -> None:
    assert do_load_demo() is True
    Resolution.objects.filter(number__in=[TERM_NUMBER, *PAST_NUMBERS.values()]).delete()
    ResultVersion.objects.filter(period_code__in=["2024-6M", "2024-9M"]).delete()
    TargetRow.objects.filter(resolution__number="DEMO-CL-2024", name="tạo việc làm mới").update(
        name="tạo việc làm mới (đã sửa)"
    )
    assert do_load_demo() is True  # the term part has what it needs
    assert Resolution.objects.filter(number=TERM_NUMBER).exists()
    assert not Resolution.objects.filter(number__in=PAST_NUMBERS.values()).exists()
    assert not ResultVersion.objects.filter(period_code="2024-9M").exists()
