"""Helpers for the planning tests (term targets, forecasts, tasks, calendar): approved figures,
a congress resolution with term targets, tasks with updates, a pinned day."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from decimal import Decimal

import pytest
from factories import Town, make_target

from chitieu.model import Period, Result
from chitieu.web.actions.resolutions import do_create_resolution
from chitieu.web.actions.results import do_approve_result, do_save_result, do_submit_result
from chitieu.web.models import Body, Resolution, ResultVersion, TargetRow
from chitieu.web.planning import clock
from chitieu.web.planning.actions import do_add_task_update, do_create_task, do_set_term_spec
from chitieu.web.planning.models import Task

TODAY = date(2024, 11, 20)


def pin_today(monkeypatch: pytest.MonkeyPatch, day: date = TODAY) -> None:
    monkeypatch.setattr(clock, "today", lambda: day)


def approve(
    town: Town,
    target: TargetRow,
    code: str,
    value: str,
    estimated: bool = False,
    on: date = date(2024, 11, 1),
) -> None:
    """A figure through the whole workflow: saved by the reporter, approved by the approver,
    all dated `on` (before the pinned day: a figure sent after the day asked is not known)."""
    period = Period.parse(code)
    reporter, approver = town.users["reporter"], town.users["approver"]
    result = Result(period=period, value=Decimal(value), estimated=estimated)
    rows = [
        do_save_result(target, result, user=reporter),
        do_submit_result(target, period, estimated, user=reporter),
        do_approve_result(target, period, estimated, user=approver),
    ]
    moment = datetime.combine(on, time(9), tzinfo=UTC)
    ResultVersion.objects.filter(pk__in=[r.pk for r in rows]).update(created_at=moment)


def past_resolution(town: Town, year: int) -> Resolution:
    """The same committee's resolution of an earlier year, with the same revenue target."""
    resolution = do_create_resolution(
        issuing_body=town.committee,
        kind="annual",
        title=f"Nghị quyết năm {year}",
        start_year=year,
    )
    make_target(
        resolution,
        town.department,
        "tổng thu ngân sách địa phương",
        value=150,
        unit="tỷ đồng",
        code="KT01",
    )
    return resolution


def congress(town: Town) -> tuple[Resolution, TargetRow]:
    """A congress resolution 2020–2025 with a total term target: 5.000 jobs over the term."""
    resolution = do_create_resolution(
        issuing_body=town.committee,
        kind="congress_term",
        title="Nghị quyết Đại hội nhiệm kỳ 2020–2025",
        start_year=2020,
        end_year=2025,
    )
    jobs = make_target(
        resolution,
        town.department,
        "giải quyết việc làm",
        value=5000,
        unit="lao động",
        code="NK01",
        field="van_hoa_xa_hoi",
    )
    do_set_term_spec(jobs, "total", None)
    return resolution, jobs


def task(
    town: Town,
    title: str = "Xây dựng chợ trung tâm",
    *,
    deadline: date | None = date(2024, 9, 30),
    body: Body | None = None,
    progress: str | None = "60",
) -> Task:
    row = do_create_task(
        town.resolution,
        title=title,
        kind="cong_trinh_trong_diem",
        responsible_body=body or town.department,
        deadline=deadline,
    )
    if progress is not None:
        do_add_task_update(row, on=date(2024, 8, 1), progress=Decimal(progress), note="", user=None)
    return row
