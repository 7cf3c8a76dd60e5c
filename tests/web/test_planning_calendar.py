"""The reporting calendar: duties and due dates of a resolution, the late bodies page, the
editors' rule form, and `chitieu remind` (e-mail through Django's mail settings, recorded,
once per body, period and day)."""

from __future__ import annotations

import smtplib
from datetime import date

import pytest
from django.core import mail
from django.test import Client
from factories import Town
from planning_helpers import TODAY, approve, pin_today

from chitieu.cli import main
from chitieu.web.planning import reminders
from chitieu.web.planning.models import ReminderLog, ReportingRule
from chitieu.web.planning.reporting import duties, late, late_by_body

pytestmark = pytest.mark.django_db


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def _with_email(town: Town) -> None:
    reporter = town.users["reporter"]
    reporter.email = "baocao@caillay.gov.vn"
    reporter.save(update_fields=["email"])


def test_it_lists_each_duty_with_its_due_date(town: Town) -> None:
    rows = duties(town.resolution, TODAY)
    # Two targets × (6 months, 9 months, year), all reported by the department.
    assert len(rows) == 6
    assert {r.body for r in rows} == {town.department}
    due = {(r.target.code, r.period.code): r.due for r in rows}
    assert due[("KT01", "2024-6M")] == date(2024, 7, 10)
    assert due[("KT01", "2024-9M")] == date(2024, 10, 10)
    assert due[("KT01", "2024")] == date(2025, 1, 15)


def test_a_submitted_figure_is_no_longer_late(town: Town) -> None:
    approve(town, town.revenue, "2024-6M", "80")
    missing = late(duties(town.resolution, TODAY))
    assert {(r.target.code, r.period.code) for r in missing} == {
        ("XH01", "2024-6M"),
        ("KT01", "2024-9M"),
        ("XH01", "2024-9M"),
    }
    assert max(r.days_late for r in missing) == (TODAY - date(2024, 7, 10)).days
    assert list(late_by_body(missing)) == [town.department]


def test_the_calendar_page_lists_the_late_bodies(
    town: Town, monkeypatch: pytest.MonkeyPatch
) -> None:
    pin_today(monkeypatch)
    text = (
        _client(town.users["viewer"])
        .get(f"/ke-hoach/nghi-quyet/{town.resolution.pk}/lich-bao-cao/")
        .content.decode()
    )
    assert 'id="late-bodies"' in text
    assert "Phòng Tài chính Cai Lậy" in text and "trễ 133 ngày" in text
    dashboard = _client(town.users["viewer"]).get(f"/nghi-quyet/{town.resolution.pk}/")
    assert "4 số liệu nộp trễ hạn: Phòng Tài chính Cai Lậy" in dashboard.content.decode()


def test_an_editor_sets_a_due_rule_and_the_dates_follow(town: Town) -> None:
    response = _client(town.users["editor"]).post(
        f"/ke-hoach/nghi-quyet/{town.resolution.pk}/lich-bao-cao/",
        {"period_kind": "year", "day": "20", "months_after": "1"},
    )
    assert response.status_code == 302
    rows = duties(town.resolution, TODAY)
    assert [(r.period.code, r.due) for r in rows if r.target == town.revenue] == [
        ("2024-6M", date(2024, 7, 10)),
        ("2024-9M", date(2024, 10, 10)),
        ("2024", date(2025, 1, 20)),
    ]


def test_a_rule_for_a_new_kind_adds_its_duties(town: Town) -> None:
    _client(town.users["editor"]).post(
        f"/ke-hoach/nghi-quyet/{town.resolution.pk}/lich-bao-cao/",
        {"period_kind": "quarter", "day": "5", "months_after": "1"},
    )
    codes = [r.period.code for r in duties(town.resolution, TODAY) if r.target == town.revenue]
    assert codes == ["2024-Q1", "2024-Q2", "2024-6M", "2024-Q3", "2024-9M", "2024-Q4", "2024"]


@pytest.mark.parametrize(("side", "role"), [("own", "reporter"), ("other", "editor")])
def test_others_cannot_set_a_due_rule(town: Town, other_town: Town, side: str, role: str) -> None:
    response = _client((town if side == "own" else other_town).users[role]).post(
        f"/ke-hoach/nghi-quyet/{town.resolution.pk}/lich-bao-cao/",
        {"period_kind": "year", "day": "20", "months_after": "1"},
    )
    assert response.status_code in (403, 404)
    assert not ReportingRule.objects.exists()


def test_remind_emails_each_late_body_once_a_day(
    town: Town, capsys: pytest.CaptureFixture[str]
) -> None:
    _with_email(town)
    assert main(["remind", "--ngay", "2024-11-20"]) == 0
    assert len(mail.outbox) == 2  # 6 months and 9 months, one e-mail each
    first = sorted(mail.outbox, key=lambda m: m.subject)[0]
    assert first.to == ["baocao@caillay.gov.vn"]
    assert first.subject == "Nhắc nộp số liệu 6 tháng năm 2024: 2 chỉ tiêu đã quá hạn"
    assert "tổng thu ngân sách địa phương" in first.body and "trễ 133 ngày" in first.body
    assert ReminderLog.objects.count() == 2
    assert "2 thư đã gửi" in capsys.readouterr().out

    assert main(["remind", "--ngay", "2024-11-20"]) == 0
    assert len(mail.outbox) == 2 and ReminderLog.objects.count() == 2
    assert "0 thư đã gửi, 2 đã gửi trước đó trong ngày" in capsys.readouterr().out

    assert main(["remind", "--ngay", "2024-11-21"]) == 0
    assert len(mail.outbox) == 4 and ReminderLog.objects.count() == 4


def test_remind_dry_run_sends_and_records_nothing(
    town: Town, capsys: pytest.CaptureFixture[str]
) -> None:
    _with_email(town)
    assert main(["remind", "--ngay", "2024-11-20", "--thu"]) == 0
    assert mail.outbox == [] and not ReminderLog.objects.exists()
    assert "Sẽ gửi: Phòng Tài chính Cai Lậy" in capsys.readouterr().out


def test_remind_says_when_a_body_has_nobody_to_write_to(
    town: Town, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["remind", "--ngay", "2024-11-20"]) == 0
    assert mail.outbox == [] and not ReminderLog.objects.exists()
    assert "Phòng Tài chính Cai Lậy chưa có người nhận" in capsys.readouterr().err


def test_remind_refuses_a_bad_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["remind", "--ngay", "20/11/2024"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_remind_sends_nothing_when_everything_is_in(town: Town) -> None:
    _with_email(town)
    for target in (town.revenue, town.poverty):
        for code in ("2024-6M", "2024-9M"):
            approve(town, target, code, "1")
    assert main(["remind", "--ngay", "2024-11-20"]) == 0
    assert mail.outbox == []


def test_two_runs_at_once_cannot_both_send(
    town: Town, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _with_email(town)
    assert main(["remind", "--ngay", "2024-11-20"]) == 0
    # The second run checked before the first recorded: the unique record stops it.
    monkeypatch.setattr(reminders, "already_sent", lambda *args: False)
    assert main(["remind", "--ngay", "2024-11-20"]) == 0
    assert len(mail.outbox) == 2 and ReminderLog.objects.count() == 2
    assert "0 thư đã gửi, 2 đã gửi trước đó" in capsys.readouterr().out


def test_a_refused_send_records_nothing_and_is_retried(
    town: Town, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _with_email(town)

    def refuse(*args: object, **kwargs: object) -> None:
        raise smtplib.SMTPRecipientsRefused({"baocao@caillay.gov.vn": (550, b"no")})

    monkeypatch.setattr(reminders, "send_mail", refuse)
    assert main(["remind", "--ngay", "2024-11-20"]) == 1
    assert "Gửi không được cho Phòng Tài chính Cai Lậy" in capsys.readouterr().err
    assert not ReminderLog.objects.exists() and mail.outbox == []
    monkeypatch.undo()
    assert main(["remind", "--ngay", "2024-11-20"]) == 0
    assert len(mail.outbox) == 2 and ReminderLog.objects.count() == 2
