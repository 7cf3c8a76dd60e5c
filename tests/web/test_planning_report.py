"""The resolution's report carries the planning sections: the at-risk forecast sentence and the
overdue task, read back from the generated DOCX (built as the report page builds it, and
downloaded from the report page)."""

from __future__ import annotations

import io
from datetime import date

import docx
import pytest
from django.test import Client
from factories import Town
from planning_helpers import approve, pin_today, task

from chitieu.reports import Header, build_report, render
from chitieu.web.dashboard import build_dashboard
from chitieu.web.planning.report import AT_RISK_HEADING, OVERDUE_HEADING, planning_sections

pytestmark = pytest.mark.django_db

AT_RISK = (
    "Tổng thu ngân sách địa phương: ước cả năm 160 tỷ đồng (khoảng 114,3 – 266,7), "
    "có nguy cơ không đạt chỉ tiêu."
)
OVERDUE = (
    "Công trình trọng điểm Xây dựng chợ trung tâm: quá hạn 12 ngày "
    "(tiến độ 60%, chủ trì: Phòng Tài chính Cai Lậy, hạn 30/09/2024)."
)


def _text(data: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def test_the_docx_contains_the_at_risk_forecast_and_the_overdue_task(town: Town) -> None:
    today = date(2024, 10, 12)
    approve(town, town.revenue, "2024-6M", "80")
    task(town)
    evaluations = [
        r.evaluation for r in build_dashboard(town.resolution, town.resolution.period).rows
    ]
    report = build_report(
        Header(town.committee.name),
        town.resolution.period,
        evaluations,
        extra_sections=planning_sections(town.resolution, today),
    )
    text = _text(render(report, "docx", charts=False))
    assert AT_RISK_HEADING in text and OVERDUE_HEADING in text
    assert AT_RISK in text and OVERDUE in text


def test_the_report_page_downloads_them_too(town: Town, monkeypatch: pytest.MonkeyPatch) -> None:
    pin_today(monkeypatch, date(2024, 10, 12))
    approve(town, town.revenue, "2024-6M", "80")
    approve(town, town.poverty, "2024", "0.6")  # a figure for the year, so a report can be made
    task(town)
    client = Client()
    client.force_login(town.users["viewer"])
    response = client.get(f"/nghi-quyet/{town.resolution.pk}/bao-cao/?format=docx")
    assert response.status_code == 200
    text = _text(response.content)
    assert AT_RISK in text and OVERDUE in text


def test_nothing_at_risk_and_nothing_overdue_adds_no_section(town: Town) -> None:
    approve(town, town.revenue, "2024-6M", "150")  # 300 (214 – 500): above 186
    task(town, deadline=date(2030, 1, 1))
    assert planning_sections(town.resolution, date(2024, 10, 12)) == []
