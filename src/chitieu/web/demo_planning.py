"""Demo data for the planning pages (`chitieu serve --demo`): a 2020–2025 congress resolution of
Cai Lậy with term targets, its tasks, and partial-year figures of 2024 with past years.

Every figure here is invented ("số liệu minh họa"): the articles give no term targets, tasks or
6/9-month figures. The article figures loaded by chitieu.web.demo are not touched: the forecasts
use 2024 targets that have no result there, and their past years come from two illustrative
resolutions of 2021 and 2022 (the 2023 resolution keeps the article's four targets only).

Each part is loaded once, keyed on its resolution number, so a database holding an older demo
gets the new parts and loading twice adds nothing.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from chitieu.model import Comparator, Direction, Field, Kind, Period, Result, Target
from chitieu.tasks import TaskKind
from chitieu.term import TermKind
from chitieu.web.actions.resolutions import do_create_resolution
from chitieu.web.actions.results import do_save_result
from chitieu.web.actions.targets import do_create_target
from chitieu.web.models import Body, Resolution, ResultState, TargetRow
from chitieu.web.planning.actions import do_add_task_update, do_create_task, do_set_term_spec

ILLUSTRATIVE = "số liệu minh họa"
TERM_NUMBER = "DEMO-CL-2020-2025"
PAST_NUMBERS = {2021: "DEMO-CL-2021", 2022: "DEMO-CL-2022"}

# Term targets: (code, name, comparator, value, unit, direction, field, body key, kind,
# baseline, {year: figure}); a growth target's figures are yearly rates in %.
TERM_TARGETS: list[
    tuple[str, str, str, str, str, Direction, Field, str, TermKind, str | None, dict[int, str]]
] = [
    (
        "KT01",
        "tốc độ tăng giá trị sản xuất bình quân hằng năm",
        ">=",
        "8",
        "%",
        Direction.HIGHER,
        Field.ECONOMY,
        "tckh",
        TermKind.AVERAGE_GROWTH,
        None,
        {2021: "7.5", 2022: "7.8", 2023: "7.6", 2024: "7.7"},  # at risk
    ),
    (
        "XH01",
        "tỷ lệ hộ nghèo đến cuối nhiệm kỳ",
        "<=",
        "0.5",
        "%",
        Direction.LOWER,
        Field.CULTURE_SOCIETY,
        "ldtbxh",
        TermKind.END_LEVEL,
        "1.8",
        {2021: "1.5", 2022: "1.1", 2023: "0.8", 2024: "0.6"},  # on track
    ),
    (
        "XH02",
        "giải quyết việc làm trong nhiệm kỳ",
        ">=",
        "5000",
        "lao động",
        Direction.HIGHER,
        Field.CULTURE_SOCIETY,
        "ldtbxh",
        TermKind.TOTAL,
        None,
        {2021: "800", 2022: "850", 2023: "820", 2024: "830"},  # off track
    ),
    (
        "XH03",
        "tỷ lệ người dân tham gia bảo hiểm y tế đến cuối nhiệm kỳ",
        ">=",
        "95",
        "%",
        Direction.HIGHER,
        Field.CULTURE_SOCIETY,
        "bhxh",
        TermKind.END_LEVEL,
        "88",
        {2021: "89.5", 2022: "91.2", 2023: "92.6", 2024: "93.9"},  # on track
    ),
]

# Tasks of the congress resolution: (code, kind, title, body key, deadline, [(day, %, note)]).
# Exactly one is overdue whatever the day (from mid-2024 on): the others are done or ongoing.
TASKS: list[tuple[str, TaskKind, str, str, date | None, list[tuple[date, str, str]]]] = [
    (
        "ĐP1",
        TaskKind.BREAKTHROUGH,
        "Chương trình đột phá phát triển đô thị Cai Lậy đạt tiêu chí đô thị loại III",
        "ubnd_cl",
        date(2024, 6, 30),
        [
            (date(2022, 12, 20), "35", "Hoàn thành quy hoạch chung đô thị (số liệu minh họa)."),
            (date(2023, 12, 15), "60", "Đạt 39/59 tiêu chuẩn (số liệu minh họa)."),
        ],
    ),
    (
        "TĐ1",
        TaskKind.KEY_PROJECT,
        "Công trình trọng điểm: nâng cấp đường tỉnh 868 đoạn qua phường 4",
        "kinhte",
        date(2025, 12, 31),
        [
            (date(2023, 6, 30), "40", "Giải phóng mặt bằng xong 80% (số liệu minh họa)."),
            (date(2025, 10, 20), "100", "Nghiệm thu, đưa vào sử dụng (số liệu minh họa)."),
        ],
    ),
    (
        "NV1",
        TaskKind.TASK,
        "Nâng cao chất lượng giáo dục, xây dựng trường đạt chuẩn quốc gia",
        "gddt",
        None,  # thường xuyên
        [(date(2024, 12, 10), "50", "Thêm 3 trường đạt chuẩn (số liệu minh họa).")],
    ),
    (
        "NV2",
        TaskKind.SOLUTION,
        "Chuyển đổi số trong cơ quan nhà nước thị xã",
        "tckh",
        date(2024, 12, 31),
        [(date(2024, 12, 5), "100", "Hoàn thành (số liệu minh họa).")],
    ),
]

# 2024 targets of the article that have no result in chitieu.web.demo: figures for 6 and 9
# months of 2024 and the months and whole year of 2021 and 2022 (name, body key, target value,
# {period code: figure}).
FORECASTS: list[tuple[str, str, str, dict[str, str]]] = [
    (
        "tạo việc làm mới",  # flow; 9 months at 70% of the year in the past: at risk of 360
        "ldtbxh",
        "340",
        {
            "2021-6M": "140",
            "2021-9M": "230",
            "2021": "330",
            "2022-6M": "150",
            "2022-9M": "240",
            "2022": "340",
            "2024-6M": "160",
            "2024-9M": "251",
        },
    ),
    (
        "dạy nghề",  # flow; likely met
        "ldtbxh",
        "110",
        {
            "2021-6M": "50",
            "2021-9M": "80",
            "2021": "112",
            "2022-6M": "55",
            "2022-9M": "84",
            "2022": "118",
            "2024-6M": "70",
            "2024-9M": "102",
        },
    ),
]


def _approve(target: TargetRow, code: str, value: str, author: object) -> None:
    result = Result(
        period=Period.parse(code),
        value=Decimal(value),
        unit=target.unit or None,
        source=ILLUSTRATIVE,
    )
    do_save_result(
        target,
        result,
        user=author,
        illustrative=True,
        state=ResultState.APPROVED,
    )


def load_term(b: dict[str, Body], author: object) -> bool:
    """The congress resolution, its term targets with 2021–2024 figures, and its tasks."""
    if Resolution.objects.filter(number=TERM_NUMBER).exists():
        return False
    resolution = do_create_resolution(
        issuing_body=b["thiuy_cl"],
        kind="congress_term",
        title="Nghị quyết Đại hội Đảng bộ thị xã Cai Lậy nhiệm kỳ 2020–2025 (số liệu minh họa)",
        number=TERM_NUMBER,
        start_year=2020,
        end_year=2025,
    )
    for order, spec in enumerate(TERM_TARGETS, start=1):
        code, name, comp, value, unit, direction, field, body, kind, base, years = spec
        target = Target(
            name=name,
            kind=Kind.LEVEL,
            comparator=Comparator(comp),
            value=Decimal(value),
            unit=unit,
            direction=direction,
            field=field,
            code=code,
            order=order,
        )
        row = do_create_target(resolution, target, responsible_body=b[body], illustrative=True)
        do_set_term_spec(row, kind.value, None if base is None else Decimal(base))
        for year, figure in years.items():
            _approve(row, str(year), figure, author)
    for code, task_kind, title, body, deadline, updates in TASKS:
        task = do_create_task(
            resolution,
            title=title,
            kind=task_kind.value,
            responsible_body=b[body],
            deadline=deadline,
            code=code,
        )
        for on, progress, note in updates:
            do_add_task_update(
                task,
                on=on,
                progress=Decimal(progress),
                note=note,
                user=author,
            )
    return True


def load_forecasts(b: dict[str, Body], author: object, year_2024: Resolution) -> bool:
    """Past resolutions of 2021 and 2022 with the same indicators, and 6/9-month figures of 2024
    for targets of `year_2024` (the article's resolution) that have no figure of their own."""
    if Resolution.objects.filter(number__in=PAST_NUMBERS.values()).exists():
        return False
    names = [name for name, _, _, _ in FORECASTS]
    current_rows = {
        t.name: t for t in TargetRow.objects.filter(resolution=year_2024, name__in=names)
    }
    if len(current_rows) < len(names):
        return False  # the 2024 targets were renamed or deleted: nothing to forecast
    past: dict[int, Resolution] = {
        year: do_create_resolution(
            issuing_body=b["thiuy_cl"],
            kind="annual",
            title=f"Nghị quyết Thị ủy Cai Lậy về nhiệm vụ năm {year} (số liệu minh họa)",
            number=number,
            start_year=year,
        )
        for year, number in PAST_NUMBERS.items()
    }
    for order, (name, body, value, figures) in enumerate(FORECASTS, start=1):
        current = current_rows[name]
        rows = {2024: current}
        for year, resolution in past.items():
            target = Target(
                name=name,
                kind=Kind.LEVEL,
                comparator=Comparator.AT_LEAST,
                value=Decimal(value),
                unit=current.unit,
                direction=Direction.HIGHER,
                field=Field.CULTURE_SOCIETY,
                code=f"XH{order:02d}",
                order=order,
            )
            rows[year] = do_create_target(
                resolution, target, responsible_body=b[body], illustrative=True
            )
        for code, figure in figures.items():
            _approve(rows[Period.parse(code).year], code, figure, author)
    return True
