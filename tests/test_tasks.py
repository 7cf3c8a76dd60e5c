"""Tasks: status on a given day, overdue listing, updates. Every date is passed in."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from chitieu.tasks import (
    Task,
    TaskError,
    TaskKind,
    TaskStatus,
    TaskUpdate,
    completed_late,
    days_overdue,
    describe_task,
    is_overdue,
    overdue_tasks,
    progress_on,
    status_counts,
    task_status,
    with_update,
)

D = Decimal
DEADLINE = date(2025, 6, 30)


def road(*updates: TaskUpdate, deadline: date | None = DEADLINE) -> Task:
    return Task(
        "Đường ven biển đoạn qua xã",
        kind=TaskKind.KEY_PROJECT,
        responsible="Sở Xây dựng",
        deadline=deadline,
        updates=updates,
    )


def test_a_task_without_updates_before_its_deadline_is_not_started() -> None:
    assert task_status(road(), date(2025, 1, 10)) is TaskStatus.NOT_STARTED


def test_a_task_with_progress_is_in_progress() -> None:
    task = road(TaskUpdate(date(2025, 3, 1), D(40)))
    assert task_status(task, date(2025, 3, 2)) is TaskStatus.IN_PROGRESS
    assert progress_on(task, date(2025, 3, 2)) == D(40)


def test_an_update_after_today_is_not_known_yet() -> None:
    task = road(TaskUpdate(date(2025, 3, 1), D(40)), TaskUpdate(date(2025, 5, 1), D(100)))
    assert progress_on(task, date(2025, 4, 1)) == D(40)
    assert task_status(task, date(2025, 4, 1)) is TaskStatus.IN_PROGRESS
    assert task_status(task, date(2025, 5, 1)) is TaskStatus.DONE


def test_a_task_past_its_deadline_and_not_done_is_overdue() -> None:
    task = road(TaskUpdate(date(2025, 3, 1), D(60)))
    today = date(2025, 7, 12)
    assert is_overdue(task, today)
    assert days_overdue(task, today) == 12
    assert task_status(task, today).label_vi == "Quá hạn"


def test_the_deadline_day_itself_is_not_overdue() -> None:
    task = road(TaskUpdate(date(2025, 3, 1), D(60)))
    assert not is_overdue(task, DEADLINE)
    assert days_overdue(task, DEADLINE) == 0
    assert is_overdue(task, date(2025, 7, 1))


def test_a_done_task_is_never_overdue_but_may_be_late() -> None:
    on_time = road(TaskUpdate(date(2025, 6, 1), D(100)))
    late = road(TaskUpdate(date(2025, 8, 15), D(100)))
    today = date(2025, 9, 1)
    assert task_status(on_time, today) is TaskStatus.DONE and not completed_late(on_time, today)
    assert task_status(late, today) is TaskStatus.DONE and completed_late(late, today)
    assert "hoàn thành chậm 46 ngày" in describe_task(late, today)


def test_an_ongoing_task_without_deadline_is_never_overdue() -> None:
    task = road(deadline=None)
    assert not is_overdue(task, date(2030, 1, 1))


def test_a_later_update_below_100_reopens_a_done_task() -> None:
    task = road(TaskUpdate(date(2025, 5, 1), D(100)), TaskUpdate(date(2025, 6, 1), D(90)))
    assert task_status(task, date(2025, 6, 2)) is TaskStatus.IN_PROGRESS


def test_updates_are_kept_in_date_order() -> None:
    task = road(TaskUpdate(date(2025, 5, 1), D(50)), TaskUpdate(date(2025, 3, 1), D(20)))
    assert [u.on for u in task.updates] == [date(2025, 3, 1), date(2025, 5, 1)]
    assert progress_on(task, date(2025, 6, 1)) == D(50)


def test_with_update_returns_a_new_task_and_leaves_the_old_one_unchanged() -> None:
    task = road(TaskUpdate(date(2025, 3, 1), D(20)))
    newer = with_update(task, TaskUpdate(date(2025, 4, 1), D(35), note="đã giải phóng mặt bằng"))
    assert len(task.updates) == 1
    assert progress_on(newer, date(2025, 4, 1)) == D(35)


@pytest.mark.parametrize("progress", [D(-1), D("100.5")])
def test_progress_outside_0_to_100_is_refused(progress: Decimal) -> None:
    with pytest.raises(TaskError, match="từ 0 đến 100"):
        TaskUpdate(date(2025, 3, 1), progress)


def test_a_task_needs_a_title() -> None:
    with pytest.raises(TaskError, match="tên"):
        Task("  ")


def test_overdue_tasks_are_listed_earliest_deadline_first() -> None:
    today = date(2025, 10, 1)
    tasks = [
        Task("B", deadline=date(2025, 9, 30)),
        Task("A", deadline=date(2025, 3, 31), updates=(TaskUpdate(date(2025, 2, 1), D(50)),)),
        Task("C", deadline=date(2025, 12, 31)),
        Task("D", deadline=date(2025, 1, 31), updates=(TaskUpdate(date(2025, 1, 20), D(100)),)),
    ]
    assert [t.title for t in overdue_tasks(tasks, today)] == ["A", "B"]
    counts = status_counts(tasks, today)
    assert counts[TaskStatus.OVERDUE] == 2
    assert counts[TaskStatus.DONE] == 1
    assert counts[TaskStatus.NOT_STARTED] == 1
    assert sum(counts.values()) == len(tasks)


def test_the_report_line_names_body_progress_and_deadline() -> None:
    task = road(TaskUpdate(date(2025, 3, 1), D("62.5")))
    assert describe_task(task, date(2025, 7, 12)) == (
        "Công trình trọng điểm Đường ven biển đoạn qua xã: quá hạn 12 ngày "
        "(tiến độ 62,5%, chủ trì: Sở Xây dựng, hạn 30/06/2025)."
    )
