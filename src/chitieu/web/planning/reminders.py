"""Reminders to bodies late with their figures: one e-mail per body and period a day, sent
through Django's mail settings and recorded in ReminderLog. Run daily from cron
(`chitieu remind`); a second run on the same day sends nothing again."""

from __future__ import annotations

import smtplib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction

from chitieu.model import Period
from chitieu.web.models import Body, Membership, Role
from chitieu.web.planning.models import ReminderLog
from chitieu.web.planning.reporting import DutyRow, active_resolutions, duties, late

# Who hears about a body's late figures: the people who enter them, and its administrators.
RECIPIENT_ROLES = (Role.REPORTER, Role.ADMIN)


@dataclass
class Outcome:
    sent: list[ReminderLog] = field(default_factory=list)
    already_sent: int = 0  # body/period pairs reminded earlier the same day
    no_address: list[str] = field(default_factory=list)  # bodies nobody with an e-mail reports for
    planned: list[tuple[str, str]] = field(default_factory=list)  # (body, subject) in a dry run
    failed: list[tuple[str, str]] = field(default_factory=list)  # (body, why): retried next run


def recipients_for(body: Body) -> list[str]:
    user_ids = Membership.objects.filter(body=body, role__in=RECIPIENT_ROLES).values("user_id")
    emails = (
        get_user_model()
        .objects.filter(pk__in=user_ids, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    return sorted(set(emails))


def compose(body: Body, period: Period, rows: list[DutyRow], today: date) -> tuple[str, str]:
    subject = f"Nhắc nộp số liệu {period.label_vi}: {len(rows)} chỉ tiêu đã quá hạn"
    lines = [
        f"Kính gửi {body.name},",
        "",
        f"Đến ngày {today:%d/%m/%Y}, hệ thống Chỉ tiêu chưa nhận được số liệu {period.label_vi} "
        "của các chỉ tiêu sau:",
        "",
    ]
    for r in rows:
        lines.append(
            f"- {r.target.name} ({r.target.resolution.title}): hạn {r.due:%d/%m/%Y}, "
            f"trễ {r.days_late} ngày."
        )
    lines += ["", "Đề nghị quý cơ quan nhập và gửi duyệt số liệu sớm.", "", "Chỉ tiêu"]
    return subject, "\n".join(lines)


def late_groups(today: date) -> dict[tuple[Body, Period], list[DutyRow]]:
    groups: dict[tuple[Body, Period], list[DutyRow]] = defaultdict(list)
    for resolution in active_resolutions(today):
        for row in late(duties(resolution, today)):
            groups[(row.body, row.period)].append(row)
    return dict(sorted(groups.items(), key=lambda kv: (kv[0][0].name, kv[0][1].code)))


def already_sent(body: Body, period: Period, today: date) -> bool:
    return ReminderLog.objects.filter(body=body, period_code=period.code, sent_on=today).exists()


def do_send_reminders(today: date, *, dry_run: bool = False) -> Outcome:
    outcome = Outcome()
    for (body, period), rows in late_groups(today).items():
        if already_sent(body, period, today):
            outcome.already_sent += 1
            continue
        to = recipients_for(body)
        if not to:
            outcome.no_address.append(body.name)
            continue
        subject, message = compose(body, period, rows, today)
        if dry_run:
            outcome.planned.append((body.name, subject))
            continue
        try:
            with transaction.atomic():
                # Recorded first, in the same transaction: if sending fails the record goes,
                # and the next run tries again; two runs at once cannot both send.
                log = ReminderLog.objects.create(
                    body=body,
                    period_code=period.code,
                    sent_on=today,
                    recipients=", ".join(to),
                    subject=subject,
                    message=message,
                )
                send_mail(subject, message, None, to)
        except IntegrityError:
            outcome.already_sent += 1
            continue
        except (OSError, smtplib.SMTPException) as exc:
            # The mail server refused or is unreachable: nothing recorded, the next run retries;
            # the other bodies still get theirs.
            outcome.failed.append((body.name, str(exc) or type(exc).__name__))
            continue
        outcome.sent.append(log)
    return outcome
