"""The planning sections of a resolution's report: targets whose year-end forecast is at risk
("Ước cả năm …, có nguy cơ không đạt chỉ tiêu.") and overdue tasks (chitieu.tasks wording),
for chitieu.reports.build_report(extra_sections=…)."""

from __future__ import annotations

from datetime import date

from chitieu.reports.model import Section
from chitieu.reports.wording import sentence_case
from chitieu.tasks import describe_task, overdue_tasks
from chitieu.web.models import Resolution
from chitieu.web.planning.domain import task_to_domain
from chitieu.web.planning.forecasts import ForecastRow, resolution_forecasts
from chitieu.web.planning.models import Task

AT_RISK_HEADING = "CÁC CHỈ TIÊU CÓ NGUY CƠ KHÔNG ĐẠT (ƯỚC CẢ NĂM)"
OVERDUE_HEADING = "NHIỆM VỤ, CÔNG TRÌNH CHẬM TIẾN ĐỘ"


def at_risk_sentence(row: ForecastRow) -> str:
    """ "Tổng thu ngân sách: ước cả năm 160 tỷ đồng (khoảng …), có nguy cơ không đạt …" """
    sentence = row.forecast.sentence_vi
    return f"{sentence_case(row.target.name)}: {sentence[:1].lower()}{sentence[1:]}"


def planning_sections(resolution: Resolution, today: date) -> list[Section]:
    sections = []
    risky = [f for f in resolution_forecasts(resolution) if f.at_risk]
    if risky:
        sections.append(Section(AT_RISK_HEADING, tuple(at_risk_sentence(f) for f in risky)))
    tasks = [
        task_to_domain(t)
        for t in Task.objects.filter(resolution=resolution)
        .select_related("responsible_body")
        .prefetch_related("updates")
    ]
    late = overdue_tasks(tasks, today)
    if late:
        sections.append(Section(OVERDUE_HEADING, tuple(describe_task(t, today) for t in late)))
    return sections
