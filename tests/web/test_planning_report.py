"""The resolution's report (DOCX) carries the planning sections: the at-risk forecast sentence
and the overdue task, read back from the generated file."""

from __future__ import annotations

import io
from datetime import date

import docx
import pytest
from django.test import Client
from factories import Town
from planning_helpers import approve, pin_today, task

from chitieu.web.planning.report import AT_RISK_HEADING, OVERDUE_HEADING, planning_sections

pytestmark = pytest.mark.django_db


def _text(data: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def test_the_report_contains_the_at_risk_forecast_and_the_overdue_task(
    town: Town, monkeypatch: pytest.MonkeyPatch
) -> None:
    pin_today(monkeypatch, date(2024, 10, 12))
    approve(town, town.revenue, "2024-6M", "80")
    task(town)
    client = Client()
    client.force_login(town.users["viewer"])
    response = client.get(f"/ke-hoach/nghi-quyet/{town.resolution.pk}/bao-cao.docx")
    assert response.status_code == 200
    text = _text(response.content)
    assert AT_RISK_HEADING in text and OVERDUE_HEADING in text
    assert (
        "Tổng thu ngân sách địa phương: ước cả năm 160 tỷ đồng (khoảng 114,3 – 266,7), "
        "có nguy cơ không đạt chỉ tiêu." in text
    )
    assert (
        "Công trình trọng điểm Xây dựng chợ trung tâm: quá hạn 12 ngày "
        "(tiến độ 60%, chủ trì: Phòng Tài chính Cai Lậy, hạn 30/09/2024)." in text
    )


def test_nothing_at_risk_and_nothing_overdue_adds_no_section(town: Town) -> None:
    approve(town, town.revenue, "2024-6M", "150")  # 300 (214 – 500): above 186
    task(town, deadline=date(2030, 1, 1))
    assert planning_sections(town.resolution, date(2024, 10, 12)) == []
