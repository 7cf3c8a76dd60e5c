"""Tasks of a resolution (nhiệm vụ, giải pháp, chương trình đột phá, công trình trọng điểm).

Each task has a responsible body, a deadline and dated progress updates. Its status is computed
for a given day (`today` is always passed in, never read from the clock) from the updates made
up to that day: rules in docs/term-and-forecast.md §3. Pure; the web stores tasks and updates.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum

from chitieu.numbers import format_percent

HUNDRED = Decimal(100)


class TaskKind(StrEnum):
    TASK = "nhiem_vu"  # nhiệm vụ
    SOLUTION = "giai_phap"  # giải pháp
    BREAKTHROUGH = "chuong_trinh_dot_pha"  # chương trình đột phá
    KEY_PROJECT = "cong_trinh_trong_diem"  # công trình trọng điểm

    @property
    def label_vi(self) -> str:
        return TASK_KIND_LABELS_VI[self]


TASK_KIND_LABELS_VI: dict[TaskKind, str] = {
    TaskKind.TASK: "Nhiệm vụ",
    TaskKind.SOLUTION: "Giải pháp",
    TaskKind.BREAKTHROUGH: "Chương trình đột phá",
    TaskKind.KEY_PROJECT: "Công trình trọng điểm",
}


class TaskStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    OVERDUE = "overdue"

    @property
    def label_vi(self) -> str:
        return TASK_STATUS_LABELS_VI[self]


TASK_STATUS_LABELS_VI: dict[TaskStatus, str] = {
    TaskStatus.NOT_STARTED: "Chưa bắt đầu",
    TaskStatus.IN_PROGRESS: "Đang thực hiện",
    TaskStatus.DONE: "Hoàn thành",
    TaskStatus.OVERDUE: "Quá hạn",
}


class TaskError(ValueError):
    """A task or an update that cannot be recorded; the message says which and why."""


@dataclass(frozen=True)
class TaskUpdate:
    """A dated progress report on a task: progress in % (0–100) as of `on`."""

    on: date
    progress: Decimal
    note: str = ""
    by: str = ""  # who reported it (a body or a person)

    def __post_init__(self) -> None:
        if not Decimal(0) <= self.progress <= HUNDRED:
            raise TaskError(
                f"cập nhật ngày {self.on:%d/%m/%Y}: tiến độ phải từ 0 đến 100% "
                f"(nhận được {self.progress})"
            )


@dataclass(frozen=True)
class Task:
    title: str
    kind: TaskKind = TaskKind.TASK
    responsible: str = ""  # cơ quan chủ trì
    deadline: date | None = None  # None: "thường xuyên" (ongoing), never overdue
    updates: tuple[TaskUpdate, ...] = field(default_factory=tuple)
    code: str = ""
    order: int = 0

    def __post_init__(self) -> None:
        if not self.title.strip():
            raise TaskError("nhiệm vụ cần có tên")
        dates = [u.on for u in self.updates]
        if dates != sorted(dates):
            # Kept in date order so "the latest update up to a day" is well defined.
            object.__setattr__(self, "updates", tuple(sorted(self.updates, key=lambda u: u.on)))


def with_update(task: Task, update: TaskUpdate) -> Task:
    """A copy of `task` with `update` added (in date order); the task itself is unchanged."""
    return replace(task, updates=(*task.updates, update))


def latest_update(task: Task, today: date) -> TaskUpdate | None:
    """The last update made on or before `today` (later ones are not known yet on that day)."""
    known = [u for u in task.updates if u.on <= today]
    return known[-1] if known else None


def progress_on(task: Task, today: date) -> Decimal:
    update = latest_update(task, today)
    return update.progress if update else Decimal(0)


def completed_on(task: Task, today: date) -> date | None:
    """The day the task first reached 100%, if it had by `today`."""
    for u in task.updates:
        if u.on > today:
            break
        if u.progress == HUNDRED:
            return u.on
    return None


def task_status(task: Task, today: date) -> TaskStatus:
    """Done at 100%; overdue when past the deadline and not done; in progress with progress
    above 0; otherwise not started. A later update below 100% reopens a done task."""
    progress = progress_on(task, today)
    if progress == HUNDRED:
        return TaskStatus.DONE
    if task.deadline is not None and task.deadline < today:
        return TaskStatus.OVERDUE
    if progress > 0:
        return TaskStatus.IN_PROGRESS
    return TaskStatus.NOT_STARTED


def is_overdue(task: Task, today: date) -> bool:
    return task_status(task, today) is TaskStatus.OVERDUE


def days_overdue(task: Task, today: date) -> int:
    """Days past the deadline of an overdue task; 0 for any other."""
    if not is_overdue(task, today) or task.deadline is None:
        return 0
    return (today - task.deadline).days


def completed_late(task: Task, today: date) -> bool:
    """Done, but after its deadline ("hoàn thành chậm")."""
    done = completed_on(task, today)
    return (
        task_status(task, today) is TaskStatus.DONE
        and done is not None
        and task.deadline is not None
        and done > task.deadline
    )


def overdue_tasks(tasks: Iterable[Task], today: date) -> list[Task]:
    """The overdue tasks, earliest deadline first, then by order and title."""
    late = [t for t in tasks if is_overdue(t, today)]
    return sorted(late, key=lambda t: (t.deadline or today, t.order, t.title))


def status_counts(tasks: Iterable[Task], today: date) -> dict[TaskStatus, int]:
    counts = dict.fromkeys(TaskStatus, 0)
    for task in tasks:
        counts[task_status(task, today)] += 1
    return counts


def describe_task(task: Task, today: date) -> str:
    """One Vietnamese line for reports: "Chương trình đột phá …: quá hạn 12 ngày (tiến độ 60%,
    chủ trì: Sở Xây dựng, hạn 30/06/2025)." """
    status = task_status(task, today)
    progress = progress_on(task, today)
    state = status.label_vi.lower()
    if status is TaskStatus.OVERDUE:
        state = f"quá hạn {days_overdue(task, today)} ngày"
    elif completed_late(task, today):
        done = completed_on(task, today)
        assert done is not None and task.deadline is not None
        state = f"hoàn thành chậm {(done - task.deadline).days} ngày"
    details = [f"tiến độ {format_percent(progress)}"]
    if task.responsible:
        details.append(f"chủ trì: {task.responsible}")
    if task.deadline:
        details.append(f"hạn {task.deadline:%d/%m/%Y}")
    return f"{task.kind.label_vi} {task.title}: {state} ({', '.join(details)})."
