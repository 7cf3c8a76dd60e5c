"""Term targets in the web app: an editor marks a congress target's kind; its yearly figures
(its own, or those of the annual targets linked to it) give progress, the yearly amount still
needed against the yearly amount achieved, and the status from chitieu.term."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from factories import Town, make_target
from planning_helpers import approve, congress

from chitieu.model import Period, Result
from chitieu.term import TermStatus
from chitieu.web.actions.resolutions import do_create_resolution
from chitieu.web.actions.results import do_save_result
from chitieu.web.actions.targets import do_update_target
from chitieu.web.domain import target_to_domain
from chitieu.web.models import ResultState, TargetRow
from chitieu.web.planning.actions import do_set_term_spec
from chitieu.web.planning.models import TermSpec
from chitieu.web.planning.terms import term_rows

pytestmark = pytest.mark.django_db


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_a_total_behind_pace_is_at_risk_on_the_term_dashboard(town: Town) -> None:
    resolution, jobs = congress(town)
    approve(town, jobs, "2021", "900")
    approve(town, jobs, "2022", "950")
    (row,) = term_rows(resolution)
    assert row.assessment is not None
    assert row.assessment.status is TermStatus.AT_RISK
    assert row.assessment.per_year_achieved == Decimal(925)
    assert row.assessment.per_year_needed == Decimal(1050)
    assert row.next_year is not None and row.next_year.value == Decimal(1050)
    text = (
        _client(town.users["viewer"])
        .get(f"/ke-hoach/nghi-quyet/{resolution.pk}/nhiem-ky/")
        .content.decode()
    )
    assert "có nguy cơ" in text and "1.050 lao động" in text and "925 lao động" in text
    assert "Đến nay: 0/1 chỉ tiêu nhiệm kỳ đúng tiến độ, 1 có nguy cơ." in text


def test_the_dashboard_of_a_congress_resolution_shows_the_term_sentence(town: Town) -> None:
    resolution, jobs = congress(town)
    approve(town, jobs, "2021", "1000")
    approve(town, jobs, "2022", "1000")
    text = _client(town.users["viewer"]).get(f"/nghi-quyet/{resolution.pk}/").content.decode()
    assert "1/1 chỉ tiêu nhiệm kỳ đúng tiến độ" in text


def test_an_annual_target_linked_to_the_term_target_feeds_its_years(town: Town) -> None:
    resolution, jobs = congress(town)
    approve(town, jobs, "2021", "700")
    annual = do_create_resolution(
        issuing_body=town.committee, kind="annual", title="Nghị quyết năm 2022", start_year=2022
    )
    yearly = make_target(annual, town.department, "giải quyết việc làm", value=1000)
    do_update_target(
        yearly,
        target_to_domain(yearly),
        user=None,
        responsible_body=town.department,
        term_target=jobs,
    )
    approve(town, yearly, "2022", "700")
    (row,) = term_rows(resolution)
    assert row.results == {2021: Decimal(700), 2022: Decimal(700)}
    assert row.assessment is not None and row.assessment.status is TermStatus.OFF_TRACK


def test_a_missing_year_is_said_not_guessed(town: Town) -> None:
    resolution, jobs = congress(town)
    approve(town, jobs, "2022", "950")
    (row,) = term_rows(resolution)
    assert row.assessment is None and "thiếu số liệu năm 2021" in row.error
    page = _client(town.users["viewer"]).get(f"/ke-hoach/chi-tieu/{jobs.pk}/")
    assert "thiếu số liệu năm 2021" in page.content.decode()


def test_an_editor_sets_the_kind_and_baseline_of_a_term_target(town: Town) -> None:
    resolution, _ = congress(town)
    poverty = make_target(
        resolution,
        town.department,
        "tỷ lệ hộ nghèo",
        value="1",
        unit="%",
        comparator="<=",
        direction="lower",
    )
    response = _client(town.users["editor"]).post(
        f"/ke-hoach/chi-tieu/{poverty.pk}/nhiem-ky/", {"kind": "end_level", "baseline": "3"}
    )
    assert response.status_code == 302
    spec = TermSpec.objects.get(target=poverty)
    assert (spec.kind, spec.baseline) == ("end_level", Decimal(3))
    approve(town, poverty, "2023", "2")
    rows = {r.target.pk: r for r in term_rows(resolution)}
    assessment = rows[poverty.pk].assessment
    assert assessment is not None and assessment.status is TermStatus.OFF_TRACK  # example 11


def test_a_term_kind_on_an_annual_resolution_is_refused_with_a_message(town: Town) -> None:
    response = _client(town.users["editor"]).post(
        f"/ke-hoach/chi-tieu/{town.revenue.pk}/nhiem-ky/", {"kind": "total"}, follow=True
    )
    assert "chỉ đặt được cho nghị quyết Đại hội" in response.content.decode()
    assert not TermSpec.objects.exists()


@pytest.mark.parametrize(
    ("side", "role"), [("own", "reporter"), ("own", "approver"), ("other", "editor")]
)
def test_others_cannot_set_a_term_kind(town: Town, other_town: Town, side: str, role: str) -> None:
    _, jobs = congress(town)
    response = _client((town if side == "own" else other_town).users[role]).post(
        f"/ke-hoach/chi-tieu/{jobs.pk}/nhiem-ky/", {"kind": "end_level", "baseline": "3"}
    )
    assert response.status_code == 403
    assert TermSpec.objects.get(target=jobs).kind == "total"


def test_another_towns_user_cannot_read_the_term_dashboard(town: Town, other_town: Town) -> None:
    resolution, _ = congress(town)
    response = _client(other_town.users["viewer"]).get(
        f"/ke-hoach/nghi-quyet/{resolution.pk}/nhiem-ky/"
    )
    assert response.status_code == 404


def test_a_term_target_made_invalid_by_an_edit_is_explained_not_a_server_error(town: Town) -> None:
    resolution, jobs = congress(town)
    TermSpec.objects.filter(target=jobs).update(kind="average_growth")
    TargetRow.objects.filter(pk=jobs.pk).update(value=Decimal(-100))
    (row,) = term_rows(resolution)
    assert row.assessment is None and "phải lớn hơn −100%" in row.error
    response = _client(town.users["viewer"]).get(f"/ke-hoach/nghi-quyet/{resolution.pk}/nhiem-ky/")
    assert response.status_code == 200 and "phải lớn hơn −100%" in response.content.decode()


def test_years_are_written_plainly_and_the_next_years_need_in_words(town: Town) -> None:
    _, jobs = congress(town)
    approve(town, jobs, "2021", "900")
    approve(town, jobs, "2022", "950")
    text = _client(town.users["viewer"]).get(f"/ke-hoach/chi-tieu/{jobs.pk}/").content.decode()
    assert "nhiệm kỳ 2020–2025" in text and "2.020" not in text
    assert "Để đúng tiến độ, năm 2023 cần ít nhất 1.050 lao động." in text


def test_an_average_growth_reads_the_yearly_growth_of_the_linked_annual_targets(
    town: Town,
) -> None:
    resolution, _ = congress(town)
    growth = make_target(
        resolution,
        town.department,
        "tốc độ tăng giá trị sản xuất",
        value="8",
        unit="%",
        kind="change",
        code="NK02",
    )
    do_set_term_spec(growth, "average_growth", None)
    reporter = town.users["reporter"]
    for year, result in (
        (2021, Result(period=Period.year_of(2021), value=Decimal(9000), change_percent=Decimal(7))),
        (
            2022,
            Result(period=Period.year_of(2022), value=Decimal(9675), previous_value=Decimal(9000)),
        ),
    ):
        annual = do_create_resolution(
            issuing_body=town.committee, kind="annual", title=f"NQ {year}", start_year=year
        )
        row = make_target(annual, town.department, "giá trị sản xuất", value=9000, unit="tỷ đồng")
        do_update_target(
            row,
            target_to_domain(row),
            user=None,
            responsible_body=town.department,
            term_target=growth,
        )
        do_save_result(row, result, user=reporter, state=ResultState.APPROVED)
    rows = {r.target.pk: r for r in term_rows(resolution)}
    assert rows[growth.pk].results == {2021: Decimal(7), 2022: Decimal("7.5")}
    assessment = rows[growth.pk].assessment
    assert assessment is not None and assessment.status is TermStatus.AT_RISK  # example 20
