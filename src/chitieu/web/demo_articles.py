"""The web demo's Cai Lậy 2023 and Kiến Tường 2019 resolutions: the full target sets of
`chitieu.reports.demo` (19 and 24 targets), so that fact-checking a whole sample article against
them accuses no correct figure.

`chitieu.reports.demo` is the single source of the targets and of the invented results; the
results the articles state are stored as the articles state them (a percentage of the target, a
change on last year), with the article as source. Every invented figure says "số liệu minh họa".

Loading completes a resolution an older demo created with fewer targets: a target already there
(by name) keeps its results and takes the set's code, order and target value; a missing one is
added with its result. Run twice, it adds nothing.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from chitieu.model import Evaluation, Period, Result, Status
from chitieu.reports import demo as sets
from chitieu.web.actions.results import do_save_result
from chitieu.web.actions.targets import do_create_target
from chitieu.web.models import Body, Resolution, ResultState, TargetRow
from chitieu.web.pagecache.versions import bump_all

ILLUSTRATIVE = "số liệu minh họa"
CAI_LAY_SOURCE = "Báo Ấp Bắc, 31/01/2024: “Đảng bộ TX. Cai Lậy: Quyết tâm thực hiện thắng lợi…”"
KIEN_TUONG_SOURCE = (
    "Cổng thông tin thị xã Kiến Tường: “Thực hiện đạt và vượt 22/24 chỉ tiêu Nghị quyết"
    " Thị ủy năm 2019”"
)


def _cai_lay_stated(year: Period) -> dict[str, Result]:
    """The Cai Lậy 2023 results as the article states them, by the set's target code."""
    s = CAI_LAY_SOURCE
    return {
        "KT01": Result(period=year, percent_of_target=Decimal("99.13"), source=s),
        "KT02": Result(
            period=year,
            percent_of_target=Decimal("126.82"),
            change_percent=Decimal("30.43"),
            source=s,
        ),
        "XH06": Result(
            period=year,
            value=Decimal("0.69"),
            unit="%",
            declared_status=Status.EXCEEDED,
            source=s,
        ),
        "AN01": Result(period=year, change_percent=Decimal("7.4"), source=s),
    }


def _kien_tuong_stated(year: Period) -> dict[str, Result]:
    """The Kiến Tường 2019 results as the article states them, by the set's target code."""
    s = KIEN_TUONG_SOURCE
    return {
        "KT01": Result(period=year, change_percent=Decimal("15.3"), source=s),
        "KT02": Result(period=year, change_percent=Decimal("12.6"), source=s),
        "KT03": Result(period=year, change_percent=Decimal("4.5"), source=s),
        "KT04": Result(
            period=year,
            percent_of_target=Decimal("148"),
            change_percent=Decimal("-26"),
            declared_status=Status.EXCEEDED,
            source=s,
        ),
        "XH01": Result(period=year, value=Decimal("18"), unit="trường", source=s),
        "XH04": Result(
            period=year,
            value=Decimal("85"),
            unit="%",
            percent_of_target=Decimal("100"),
            change_percent=Decimal("1.9"),
            source=s,
        ),
    }


# Who reports each Cai Lậy target (by code prefix or code), as the 2024 resolution assigns them.
CAI_LAY_BODIES = {
    "KT01": "Phòng Tài chính – Kế hoạch",
    "KT02": "Phòng Tài chính – Kế hoạch",
    "KT03": "Phòng Tài chính – Kế hoạch",
    "KT04": "Phòng Kinh tế",
    "KT05": "Phòng Kinh tế",
    "KT06": "Phòng Tài chính – Kế hoạch",
    "XH01": "Phòng Giáo dục và Đào tạo",
    "XH02": "Phòng Giáo dục và Đào tạo",
    "XH03": "Phòng Giáo dục và Đào tạo",
    "XH07": "Bảo hiểm xã hội thị xã Cai Lậy",
    "XH": "Phòng Lao động – Thương binh và Xã hội",
    "MT": "Phòng Kinh tế",
    "AN": "Công an thị xã Cai Lậy",
    "XD": "Ban Tổ chức Thị ủy Cai Lậy",
}


def _cai_lay_body(code: str) -> str:
    return CAI_LAY_BODIES.get(code) or CAI_LAY_BODIES[code[:2]]


def _illustrative(result: Result) -> Result:
    """An invented result of the set, saying so in its source."""
    return Result(
        period=result.period,
        value=result.value,
        unit=result.unit,
        estimated=result.estimated,
        change_percent=result.change_percent,
        previous_value=result.previous_value,
        declared_status=result.declared_status,
        note=result.note,
        source=ILLUSTRATIVE,
    )


def _complete(
    resolution: Resolution,
    evaluations: list[Evaluation],
    stated: dict[str, Result],
    body_of: dict[str, Body | None],
    author: object,
) -> bool:
    """Give `resolution` the set's targets and results; True when anything was changed."""
    existing = {row.name: row for row in TargetRow.objects.filter(resolution=resolution)}
    changed = False
    # First every kept row takes its new code, out of the way of the codes handed out below.
    for e in evaluations:
        row = existing.get(e.target.name)
        t = e.target
        if row is not None and (row.code, row.order, row.value) != (t.code, t.order + 1, t.value):
            TargetRow.objects.filter(pk=row.pk).update(
                code=t.code, order=t.order + 1, value=t.value
            )
            changed = True
    if changed:
        bump_all()  # QuerySet.update() sends no signal: cached public pages must not keep the old codes
    for e in evaluations:
        if e.target.name in existing:
            continue
        t = e.target
        code = t.code or ""
        target = replace(t, order=t.order + 1)
        row = do_create_target(
            resolution, target, responsible_body=body_of.get(code), illustrative=True
        )
        result = stated.get(code)
        if result is None and e.result is not None and not e.result.note:
            result = _illustrative(e.result)
        if result is not None:
            do_save_result(
                row,
                result,
                user=author,
                illustrative=result.source == ILLUSTRATIVE,
                state=ResultState.APPROVED,
            )
        changed = True
    return changed


def load_cai_lay_2023(resolution: Resolution, author: object) -> bool:
    """The 19 targets of the Cai Lậy 2023 set (10 exceeded, 5 achieved, 3 not, 1 pending)."""
    evaluations = sets.demo_evaluations()
    names = set(CAI_LAY_BODIES.values())
    bodies = {b.name: b for b in Body.objects.filter(name__in=names)}
    body_of: dict[str, Body | None] = {
        e.target.code or "": bodies.get(_cai_lay_body(e.target.code or "")) for e in evaluations
    }
    stated = _cai_lay_stated(sets.YEAR)
    return _complete(resolution, evaluations, stated, body_of, author)


def load_kien_tuong_2019(resolution: Resolution, author: object) -> bool:
    """The 24 targets of the Kiến Tường 2019 set (22 met, 2 evaluated at year end)."""
    evaluations = sets.kien_tuong_evaluations()
    ubnd = Body.objects.filter(name="UBND thị xã Kiến Tường").first()
    body_of: dict[str, Body | None] = {e.target.code or "": ubnd for e in evaluations}
    stated = _kien_tuong_stated(sets.KIEN_TUONG_YEAR)
    return _complete(resolution, evaluations, stated, body_of, author)
