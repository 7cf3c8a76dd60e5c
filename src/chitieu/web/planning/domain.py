"""ORM rows of the planning app (and the main app's targets/results) to core objects.

Reuses chitieu.web.domain for targets and results; adds tasks, term targets and the default
flow/stock choice. Nothing here decides a status: the core modules do.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from chitieu.forecast import Accumulation
from chitieu.model import Direction, Period, PeriodError, PeriodKind, Result
from chitieu.tasks import Task as CoreTask
from chitieu.tasks import TaskKind, TaskUpdate
from chitieu.term import TermKind, TermTarget
from chitieu.web.domain import _dec, effective_version, result_to_domain
from chitieu.web.models import ResultVersion, TargetRow
from chitieu.web.planning.models import TargetAccumulation, Task, TermSpec

# Units whose figures add up over the year: money, output, people, events. Anything else
# (%, rates, levels, an empty unit) defaults to a level ("stock"): forecasting a flow as a
# stock only keeps the latest figure (a low forecast, flagged as at risk and checked by a
# person), while forecasting a level as a flow would multiply a rate by 12/m, a wrong figure
# that looks confident. Users correct the choice per target.
_FLOW_UNITS = (
    "đồng",
    "usd",
    "tấn",
    "lao động",
    "người",
    "lượt",
    "hộ",
    "căn",
    "m2",
    "m²",
    "km",
    "ha",
    "dự án",
    "doanh nghiệp",
    "con",
    "đảng viên",
)
_STOCK_WORDS = ("tỷ lệ", "tỷ trọng", "bình quân", "mức", "dư nợ", "chỉ số", "tốc độ", "thu nhập")


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


def default_accumulation(row: TargetRow) -> Accumulation:
    """Flow only for a level target counted in an additive unit whose name is not a rate."""
    unit, name = _fold(row.unit), _fold(row.name)
    if row.kind != "level" or unit in ("%", "") or any(w in name for w in _STOCK_WORDS):
        return Accumulation.STOCK
    if any(unit == u or unit.endswith(" " + u) for u in _FLOW_UNITS):
        return Accumulation.FLOW
    return Accumulation.STOCK


def accumulation_of(row: TargetRow) -> tuple[Accumulation, bool]:
    """(the accumulation used for `row`, whether it is the default rather than a user's)."""
    stored = TargetAccumulation.objects.filter(target=row).values_list("accumulation", flat=True)
    first = stored.first()
    if first:
        return Accumulation(first), False
    return default_accumulation(row), True


def accumulations(rows: Iterable[TargetRow]) -> dict[int, tuple[Accumulation, bool]]:
    """`accumulation_of` for many rows in one query."""
    rows = list(rows)
    stored = dict(
        TargetAccumulation.objects.filter(target__in=rows).values_list("target_id", "accumulation")
    )
    return {
        r.pk: (Accumulation(stored[r.pk]), False)
        if r.pk in stored
        else (default_accumulation(r), True)
        for r in rows
    }


def task_to_domain(task: Task, updates: Iterable[object] | None = None) -> CoreTask:
    rows = list(updates if updates is not None else task.updates.all())
    return CoreTask(
        title=task.title,
        kind=TaskKind(task.kind),
        responsible=task.responsible_body.name if task.responsible_body_id else "",
        deadline=task.deadline,
        updates=tuple(
            TaskUpdate(
                on=u.on,  # type: ignore[attr-defined]
                progress=_dec(u.progress) or Decimal(0),  # type: ignore[attr-defined]
                note=u.note,  # type: ignore[attr-defined]
            )
            for u in rows
        ),
        code=task.code,
        order=task.order,
    )


def term_target_to_domain(row: TargetRow, spec: TermSpec) -> TermTarget:
    resolution = row.resolution
    end = resolution.end_year or resolution.start_year + 5
    return TermTarget(
        name=row.name,
        kind=TermKind(spec.kind),
        start_year=resolution.start_year,
        end_year=end,
        value=_dec(row.value) or Decimal(0),
        direction=Direction(row.direction),
        baseline=_dec(spec.baseline),
        unit=row.unit or None,
        code=row.code,
    )


def effective_by_period(rows: Iterable[TargetRow]) -> dict[int, dict[str, ResultVersion]]:
    """{target id: {period code: the effective (approved) version}} in one query."""
    by_slot: dict[tuple[int, str], list[ResultVersion]] = defaultdict(list)
    targets = {r.pk: r for r in rows}
    for v in ResultVersion.objects.filter(target_id__in=list(targets)).order_by("seq"):
        by_slot[(v.target_id, v.period_code)].append(v)
    out: dict[int, dict[str, ResultVersion]] = defaultdict(dict)
    for (target_id, code), versions in by_slot.items():
        best = effective_version(versions)
        if best is not None:
            best.target = targets[target_id]
            out[target_id][code] = best
    return out


def results_of(versions: Iterable[ResultVersion]) -> list[Result]:
    return [result_to_domain(v) for v in versions]


def yearly_values(
    effective: dict[str, ResultVersion], *, growth: bool = False
) -> dict[int, Decimal]:
    """{year: value} from effective figures of whole years. With `growth` (a term target of
    average growth): the year's growth rate in %, i.e. its stated % change on the year before,
    else the change computed from the previous year's figure, else (its own results, entered
    as rates) the value itself."""
    out: dict[int, Decimal] = {}
    for code, version in effective.items():
        try:
            period = Period.parse(code)
        except PeriodError:
            continue
        if period.kind is not PeriodKind.YEAR:
            continue
        value = _dec(version.value)
        if growth:
            change, previous = _dec(version.change_percent), _dec(version.previous_value)
            if change is not None:
                value = change
            elif previous and value is not None and version.target.kind == "level":
                value = (value / previous - 1) * 100
        if value is not None:
            out[period.year] = value
    return out


def term_results(row: TargetRow, kind: TermKind | None = None) -> dict[int, Decimal]:
    """A term target's yearly figures: its own year results, and where it has none for a year,
    the year result of the annual target linked to it (TargetRow.term_target). For an average
    growth the figures are yearly growth rates (see `yearly_values`)."""
    growth = kind is TermKind.AVERAGE_GROWTH
    linked = list(TargetRow.objects.filter(term_target=row).select_related("resolution"))
    figures = effective_by_period([row, *linked])
    values: dict[int, Decimal] = {}
    for annual in linked:
        values.update(yearly_values(figures.get(annual.pk, {}), growth=growth))
    values.update(yearly_values(figures.get(row.pk, {}), growth=growth))
    return values


def history_rows(row: TargetRow) -> list[TargetRow]:
    """The same indicator of the same body in earlier resolutions (same name, same issuing and
    responsible body): where past years' figures are, for a forecast's seasonality."""
    resolution = row.resolution
    return list(
        TargetRow.objects.filter(
            name_key=row.name_key,
            resolution__issuing_body_id=resolution.issuing_body_id,
            responsible_body_id=row.responsible_body_id,
            resolution__start_year__lt=resolution.start_year,
        )
        .exclude(pk=row.pk)
        .select_related("resolution")
    )
