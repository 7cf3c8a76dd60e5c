"""The reporting calendar: deadlines per period kind, late and soon-due reports on a given day."""

from __future__ import annotations

from datetime import date

import pytest

from chitieu.model import Period, PeriodKind
from chitieu.reporting_calendar import (
    CalendarError,
    DueRule,
    Duty,
    ReportingCalendar,
    Submission,
    due_soon,
    late_bodies,
    late_reports,
    period_end,
    periods_of_year,
    schedule_for,
    submitted_late,
)

P = Period.parse


@pytest.mark.parametrize(
    ("code", "end"),
    [
        ("2025-M02", date(2025, 2, 28)),
        ("2024-M02", date(2024, 2, 29)),
        ("2025-Q3", date(2025, 9, 30)),
        ("2025-H2", date(2025, 12, 31)),
        ("2025-6M", date(2025, 6, 30)),
        ("2025-9M", date(2025, 9, 30)),
        ("2025", date(2025, 12, 31)),
        ("2020-2025", date(2025, 12, 31)),
    ],
)
def test_each_period_ends_on_its_last_day(code: str, end: date) -> None:
    assert period_end(P(code)) == end


@pytest.mark.parametrize(
    ("code", "due"),
    [
        ("2025-M06", date(2025, 7, 5)),
        ("2025-M12", date(2026, 1, 5)),
        ("2025-Q2", date(2025, 7, 10)),
        ("2025-9M", date(2025, 10, 10)),
        ("2025", date(2026, 1, 15)),
        ("2020-2025", date(2026, 1, 31)),
    ],
)
def test_default_deadlines(code: str, due: date) -> None:
    assert ReportingCalendar().due_date(P(code)) == due


def test_a_configured_rule_replaces_the_default_for_its_kind_only() -> None:
    cal = ReportingCalendar({PeriodKind.MONTH: DueRule(day=20, months_after=0)})
    assert cal.due_date(P("2025-M06")) == date(2025, 6, 20)  # estimate due in the month
    assert cal.due_date(P("2025-Q2")) == date(2025, 7, 10)


def test_a_day_past_the_end_of_a_short_month_is_its_last_day() -> None:
    cal = ReportingCalendar({PeriodKind.MONTH: DueRule(day=31)})
    assert cal.due_date(P("2025-M01")) == date(2025, 2, 28)


def test_a_weekend_deadline_can_roll_to_monday() -> None:
    # 5 July 2025 is a Saturday.
    cal = ReportingCalendar({PeriodKind.MONTH: DueRule(day=5, roll_weekend=True)})
    assert cal.due_date(P("2025-M06")) == date(2025, 7, 7)
    assert ReportingCalendar().due_date(P("2025-M06")) == date(2025, 7, 5)


@pytest.mark.parametrize("day", [0, 32])
def test_an_impossible_day_is_refused(day: int) -> None:
    with pytest.raises(CalendarError, match="từ 1 đến 31"):
        DueRule(day=day)


def test_a_schedule_expands_periods_of_the_year() -> None:
    duties = schedule_for("Sở Tài chính", ["KT01", "KT02"], [PeriodKind.QUARTER], 2025)
    assert len(duties) == 8
    assert Duty("Sở Tài chính", "KT02", P("2025-Q4")) in duties
    assert len(periods_of_year(2025, PeriodKind.MONTH)) == 12
    with pytest.raises(CalendarError):
        periods_of_year(2025, PeriodKind.TERM)


FINANCE = "Sở Tài chính"
AGRI = "Sở Nông nghiệp và Môi trường"
SCHEDULE = [
    Duty(FINANCE, "KT01", P("2025-M06")),
    Duty(FINANCE, "KT01", P("2025-M07")),
    Duty(AGRI, "MT01", P("2025-M06")),
    Duty(AGRI, "MT02", P("2025-M06")),
    Duty(AGRI, "MT01", P("2025-6M")),
]


def test_it_lists_reports_past_due_and_not_submitted() -> None:
    submissions = [Submission(AGRI, "MT01", P("2025-M06"), date(2025, 7, 3))]
    late = late_reports(SCHEDULE, submissions, today=date(2025, 7, 12))
    assert [(r.duty.body, r.duty.target_code, r.duty.period.code, r.days_late) for r in late] == [
        (AGRI, "MT02", "2025-M06", 7),  # equally late: by body name, then target
        (FINANCE, "KT01", "2025-M06", 7),
        (AGRI, "MT01", "2025-6M", 2),
    ]
    assert late[1].message_vi == (
        "Sở Tài chính chưa nộp số liệu chỉ tiêu KT01 tháng 6 năm 2025 (hạn 05/07/2025, trễ 7 ngày)."
    )


def test_the_due_day_itself_is_not_late() -> None:
    assert late_reports(SCHEDULE[:1], [], today=date(2025, 7, 5)) == []
    assert len(late_reports(SCHEDULE[:1], [], today=date(2025, 7, 6))) == 1


def test_a_whole_report_covers_every_target_of_the_body_for_that_period() -> None:
    submissions = [Submission(AGRI, "", P("2025-M06"), date(2025, 7, 4))]
    late = late_reports(SCHEDULE, submissions, today=date(2025, 7, 12))
    assert {(r.duty.body, r.duty.target_code) for r in late} == {
        (FINANCE, "KT01"),
        (AGRI, "MT01"),  # the 6-month report is another period
    }


def test_a_submission_dated_after_today_is_not_known_yet() -> None:
    submissions = [Submission(FINANCE, "KT01", P("2025-M06"), date(2025, 7, 20))]
    late = late_reports(SCHEDULE[:1], submissions, today=date(2025, 7, 12))
    assert len(late) == 1


def test_another_bodys_submission_does_not_count() -> None:
    submissions = [Submission(AGRI, "KT01", P("2025-M06"), date(2025, 7, 1))]
    assert len(late_reports(SCHEDULE[:1], submissions, today=date(2025, 7, 12))) == 1


def test_late_reports_group_by_body_for_reminders() -> None:
    grouped = late_bodies(late_reports(SCHEDULE, [], today=date(2025, 7, 12)))
    assert list(grouped) == sorted([FINANCE, AGRI])
    assert len(grouped[AGRI]) == 3 and len(grouped[FINANCE]) == 1


def test_due_soon_lists_unsubmitted_duties_within_the_window() -> None:
    soon = due_soon(SCHEDULE, [], today=date(2025, 8, 1), within_days=7)
    assert soon == [(Duty(FINANCE, "KT01", P("2025-M07")), date(2025, 8, 5))]


def test_submitted_late_counts_days_after_the_deadline() -> None:
    submissions = [Submission(FINANCE, "KT01", P("2025-M06"), date(2025, 7, 9))]
    late = submitted_late(SCHEDULE, submissions, today=date(2025, 7, 12))
    assert [(r.duty.target_code, r.days_late) for r in late] == [("KT01", 4)]
