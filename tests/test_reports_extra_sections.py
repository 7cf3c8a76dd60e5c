"""build_report's `extra_sections`: sections the caller words (forecasts at risk, overdue
tasks) go after the shortfalls and before the next period's targets, in every format."""

from __future__ import annotations

import io
from decimal import Decimal

import docx

from chitieu.evaluate import evaluate
from chitieu.model import Comparator, Kind, Period, Result, Target
from chitieu.reports import Header, build_report, render
from chitieu.reports.model import Section

YEAR = Period.year_of(2025)
TARGET = Target("Tổng thu ngân sách", Kind.LEVEL, Comparator.AT_LEAST, Decimal(186), unit="tỷ đồng")
EXTRA = Section("NHIỆM VỤ QUÁ HẠN", ("Nhiệm vụ Xây dựng chợ mới: quá hạn 12 ngày (tiến độ 60%).",))


def _report(**kw: object) -> object:
    evaluation = evaluate(TARGET, Result(period=YEAR, value=Decimal(190)))
    return build_report(Header("Đảng bộ thị xã Cai Lậy"), YEAR, [evaluation], **kw)  # type: ignore[arg-type]


def test_extra_sections_follow_the_shortfalls_and_precede_the_next_targets() -> None:
    report = _report(extra_sections=[EXTRA], next_targets=[TARGET])
    headings = [s.heading for s in report.sections]  # type: ignore[attr-defined]
    assert headings.index(EXTRA.heading) == 2
    assert len(headings) == 4


def test_without_extra_sections_the_report_is_unchanged() -> None:
    assert _report() == _report(extra_sections=())


def test_the_docx_contains_the_extra_section_text() -> None:
    data = render(_report(extra_sections=[EXTRA]), "docx", charts=False)  # type: ignore[arg-type]
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "NHIỆM VỤ QUÁ HẠN" in text
    assert "quá hạn 12 ngày" in text
