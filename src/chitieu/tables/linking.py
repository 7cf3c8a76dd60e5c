"""Results linked to targets by code, for one period; the checks that need both files.

Period rules (docs/evaluate-files.md):
- the period evaluated is `--period`, else the one period the targets name, else the one the
  results name (a results file may also hold last year's rows: 2023 and 2024 -> 2024);
- a target whose "Kỳ" does not cover that period is left out (a file may hold several years);
- a result without "Kỳ" belongs to the period evaluated; a result for the same period last
  year gives the "Cùng kỳ năm trước" of this year's result; other periods are ignored.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace

from chitieu.model import Kind, Period, PeriodKind, Result, Target
from chitieu.tables.errors import InputError
from chitieu.tables.plausibility import impossible_level
from chitieu.tables.records import ResultRow, TargetRow


@dataclass(frozen=True)
class Linked:
    period: Period | None
    pairs: list[tuple[Target, Result | None]]


def unit_key(unit: str | None) -> str:
    """ "Tỷ đồng" is "tỷ đồng"; "%/ năm" is "%/năm"; the words themselves are kept."""
    text = " ".join(unicodedata.normalize("NFC", unit or "").casefold().split())
    return text.replace(" /", "/").replace("/ ", "/")


def covers(target_period: Period, period: Period) -> bool:
    """A year covers its halves, quarters, months and 6/9-month totals; a term its years."""
    if target_period == period:
        return True
    if target_period.kind is PeriodKind.YEAR:
        return period.kind is not PeriodKind.TERM and period.year == target_period.year
    if target_period.kind is PeriodKind.TERM and target_period.end_year is not None:
        last = period.end_year if period.end_year is not None else period.year
        return target_period.year <= period.year and last <= target_period.end_year
    return False


def choose_period(
    requested: Period | None, targets: list[TargetRow], results: list[ResultRow]
) -> tuple[Period | None, str | None]:
    """The period to evaluate, or (None, why) when the files leave it ambiguous."""
    if requested is not None:
        return requested, None
    target_periods = {t.target.period for t in targets if t.target.period is not None}
    if len(target_periods) == 1:
        return next(iter(target_periods)), None
    result_periods = {r.result.period for r in results if r.result.period is not None}
    if len(result_periods) == 1:
        return next(iter(result_periods)), None
    if len(result_periods) == 2:
        a, b = sorted(result_periods, key=lambda p: p.year)
        if b.same_period_last_year == a:
            return b, None
    if not target_periods and not result_periods:
        return None, None
    found = sorted({p.code for p in target_periods | result_periods})
    return None, f"tệp có nhiều kỳ ({', '.join(found)}); hãy chọn kỳ đánh giá bằng --period"


def link(
    targets: list[TargetRow],
    results: list[ResultRow],
    known_codes: set[str],
    period: Period | None,
) -> tuple[Linked, list[InputError]]:
    errors: list[InputError] = []
    chosen = [
        t
        for t in targets
        if period is None or t.target.period is None or covers(t.target.period, period)
    ]
    by_code = {t.key: t for t in targets}
    previous_period = period.same_period_last_year if period is not None else None
    current: dict[str, ResultRow] = {}
    previous: dict[str, ResultRow] = {}
    others: set[Period] = set()
    for row in results:
        result = row.result
        target_row = by_code.get(row.key)
        if target_row is None:
            if row.key not in known_codes:  # else the target's own row already has an error
                errors.append(
                    row.where.error(
                        "code",
                        "unknown_target",
                        f'không có chỉ tiêu mã "{result.target_code}" trong tệp chỉ tiêu',
                        "Mã",
                    )
                )
            continue
        if period is None or result.period is None or result.period == period:
            bucket = current
        elif result.period == previous_period:
            bucket = previous
        else:
            others.add(result.period)  # another period: not part of this evaluation
            continue
        if row.key in bucket:
            first = bucket[row.key].where.label
            errors.append(
                row.where.error(
                    "code",
                    "duplicate_result",
                    f'chỉ tiêu "{result.target_code}" đã có kết quả kỳ này ở {first}',
                    "Mã",
                )
            )
            continue
        problem = _check_against_target(row, target_row)
        if problem is not None:
            errors.append(problem)
            continue
        bucket[row.key] = row
    if period is not None and others and not current and not errors:
        # Every result is for another period (6-month figures against a year, say): evaluating
        # would silently say "chưa đánh giá" for all; ask for the period instead.
        found = ", ".join(sorted(p.code for p in others))
        errors.append(
            InputError(
                results[0].where.file,
                "period_mismatch",
                f"không có kết quả nào cho kỳ {period.code} ({period.label_vi}); tệp có kết quả "
                f"kỳ {found}: hãy chọn kỳ đánh giá bằng --period",
                column="Kỳ",
            )
        )
    pairs: list[tuple[Target, Result | None]] = []
    for t in chosen:
        now = current.get(t.key)
        paired: Result | None = now.result if now is not None else None
        before = previous.get(t.key)
        if paired is not None and paired.previous_value is None and before is not None:
            paired = replace(paired, previous_value=before.result.value)
        if paired is not None and paired.unit is None and t.target.kind is Kind.LEVEL:
            paired = replace(paired, unit=t.target.unit)
        pairs.append((t.target, paired))
    return Linked(period, pairs), errors


def _check_against_target(row: ResultRow, target_row: TargetRow) -> InputError | None:
    target, result = target_row.target, row.result
    if target.kind is Kind.LEVEL:
        # A change target's "%" is the change; its result's value is in the indicator's own
        # unit (tỷ đồng), so units are only compared for level targets.
        if result.unit and target.unit and unit_key(result.unit) != unit_key(target.unit):
            return row.where.error(
                "unit",
                "unit_mismatch",
                f'ĐVT "{result.unit}" khác ĐVT "{target.unit}" của chỉ tiêu "{target.code}" '
                f"({target_row.where.label})",
                "ĐVT",
            )
        for field, value in (("value", result.value), ("previous_value", result.previous_value)):
            if value is not None and (
                why := impossible_level(target.name, Kind.LEVEL, target.unit, value)
            ):
                return row.where.error(field, "impossible_value", why, "Thực hiện")
    return None
