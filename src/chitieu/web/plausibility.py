"""Warnings on implausible figures, shown before a result is submitted. They never block:
a reporter may confirm a figure that is unusual but true."""

from __future__ import annotations

from decimal import Decimal

from chitieu.model import Result, Target
from chitieu.numbers import format_number

RATE_UNITS = {"%", "%/năm", "‰"}


def _norm_unit(unit: str | None) -> str:
    return " ".join((unit or "").lower().split())


def plausibility_warnings(
    target: Target, result: Result, last_value: Decimal | None, last_label: str = "kỳ trước"
) -> list[str]:
    warnings = []
    value = result.value
    if value is not None and last_value is not None and last_value != 0:
        ratio = abs(value / last_value)
        if ratio >= 10 or ratio <= Decimal("0.1"):
            warnings.append(
                f"Giá trị {format_number(value)} chênh lệch hơn 10 lần so với {last_label} "
                f"({format_number(last_value)}); kiểm tra lại đơn vị hoặc dấu phân cách."
            )
    unit = _norm_unit(result.unit) or _norm_unit(target.unit)
    if value is not None and unit in RATE_UNITS and value > 100:
        warnings.append(f"Tỷ lệ {format_number(value)}% lớn hơn 100%.")
    if result.unit and target.unit and _norm_unit(result.unit) != _norm_unit(target.unit):
        warnings.append(f"Đơn vị “{result.unit}” khác đơn vị của chỉ tiêu “{target.unit}”.")
    if result.percent_of_target is not None and result.percent_of_target > 1000:
        warnings.append(
            f"Đạt {format_number(result.percent_of_target)}% so với chỉ tiêu: kiểm tra lại."
        )
    return warnings
