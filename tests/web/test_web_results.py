"""The result workflow: draft -> submitted -> approved / returned; every version kept."""

from __future__ import annotations

from decimal import Decimal

import pytest
from factories import Town

from chitieu.model import Period, Result
from chitieu.web.actions.errors import ActionError
from chitieu.web.actions.resolutions import do_lock_period
from chitieu.web.actions.results import (
    do_approve_result,
    do_return_result,
    do_save_result,
    do_submit_result,
)
from chitieu.web.domain import effective_version, result_to_domain
from chitieu.web.models import ResultVersion

YEAR = Period.year_of(2024)


def _save(town: Town, value: str, estimated: bool = False) -> ResultVersion:
    result = Result(period=YEAR, value=Decimal(value), unit="tỷ đồng", estimated=estimated)
    return do_save_result(town.revenue, result, user=town.users["reporter"])


def test_it_keeps_every_version_through_the_workflow(town: Town) -> None:
    _save(town, "150")
    _save(town, "190")
    do_submit_result(town.revenue, YEAR, False, user=town.users["reporter"])
    do_return_result(town.revenue, YEAR, False, user=town.users["approver"], comment="Kiểm tra lại")
    _save(town, "191,5".replace(",", "."))
    do_submit_result(town.revenue, YEAR, False, user=town.users["reporter"])
    do_approve_result(town.revenue, YEAR, False, user=town.users["approver"])
    versions = list(ResultVersion.objects.filter(target=town.revenue).order_by("seq"))
    assert [(v.seq, v.state) for v in versions] == [
        (1, "draft"),
        (2, "draft"),
        (3, "submitted"),
        (4, "returned"),
        (5, "draft"),
        (6, "submitted"),
        (7, "approved"),
    ]
    assert versions[3].comment == "Kiểm tra lại"
    assert versions[6].value == Decimal("191.5")
    assert result_to_domain(versions[6]).value == Decimal("191.5")


def test_it_lets_an_approved_official_figure_supersede_an_approved_estimate(town: Town) -> None:
    for estimated, value in ((True, "200"), (False, "187")):
        _save(town, value, estimated=estimated)
        do_submit_result(town.revenue, YEAR, estimated, user=town.users["reporter"])
        do_approve_result(town.revenue, YEAR, estimated, user=town.users["approver"])
    # A later estimate approval does not push the official figure aside.
    _save(town, "205", estimated=True)
    do_submit_result(town.revenue, YEAR, True, user=town.users["reporter"])
    do_approve_result(town.revenue, YEAR, True, user=town.users["approver"])
    best = effective_version(ResultVersion.objects.filter(target=town.revenue))
    assert best is not None
    assert (best.estimated, best.value) == (False, Decimal("187"))


def test_it_ignores_figures_that_are_not_approved(town: Town) -> None:
    _save(town, "150")
    do_submit_result(town.revenue, YEAR, False, user=town.users["reporter"])
    assert effective_version(ResultVersion.objects.filter(target=town.revenue)) is None


def test_it_refuses_to_approve_a_draft_and_writes_nothing(town: Town) -> None:
    _save(town, "150")
    with pytest.raises(ActionError, match="Không thể chuyển"):
        do_approve_result(town.revenue, YEAR, False, user=town.users["approver"])
    assert ResultVersion.objects.filter(target=town.revenue).count() == 1


def test_it_refuses_a_return_without_a_comment(town: Town) -> None:
    _save(town, "150")
    do_submit_result(town.revenue, YEAR, False, user=town.users["reporter"])
    with pytest.raises(ActionError, match="ý kiến"):
        do_return_result(town.revenue, YEAR, False, user=town.users["approver"], comment="  ")
    assert ResultVersion.objects.filter(target=town.revenue).count() == 2


def test_it_refuses_to_edit_a_submitted_figure(town: Town) -> None:
    _save(town, "150")
    do_submit_result(town.revenue, YEAR, False, user=town.users["reporter"])
    with pytest.raises(ActionError, match="chờ duyệt"):
        _save(town, "999")
    assert ResultVersion.objects.filter(target=town.revenue).count() == 2


def test_it_refuses_any_change_in_a_locked_period(town: Town) -> None:
    _save(town, "150")
    do_lock_period(town.resolution, YEAR, town.users["approver"])
    with pytest.raises(ActionError, match="đã khóa"):
        _save(town, "160")
    with pytest.raises(ActionError, match="đã khóa"):
        do_submit_result(town.revenue, YEAR, False, user=town.users["reporter"])
    assert ResultVersion.objects.filter(target=town.revenue).count() == 1
    # Another period stays open.
    do_save_result(
        town.revenue,
        Result(period=Period.parse("2024-6M"), value=Decimal(90)),
        user=town.users["reporter"],
    )


def test_it_refuses_an_empty_result(town: Town) -> None:
    with pytest.raises(ActionError, match="Cần nhập"):
        do_save_result(town.revenue, Result(period=YEAR), user=town.users["reporter"])
    assert not ResultVersion.objects.exists()


def test_it_refuses_to_lock_a_period_with_a_figure_waiting_for_approval(town: Town) -> None:
    from chitieu.web.models import PeriodLock

    _save(town, "150")
    do_submit_result(town.revenue, YEAR, False, user=town.users["reporter"])
    with pytest.raises(ActionError, match="chờ duyệt"):
        do_lock_period(town.resolution, YEAR, town.users["approver"])
    assert not PeriodLock.objects.exists()
    do_approve_result(town.revenue, YEAR, False, user=town.users["approver"])
    do_lock_period(town.resolution, YEAR, town.users["approver"])
    assert PeriodLock.objects.count() == 1
