"""The Vietnamese words of an evaluation's reason, kept as data so they can be reviewed like a
translation: templates keyed by situation, and phrases for each comparator."""

from __future__ import annotations

from decimal import Decimal

from chitieu.model import Comparator, Kind, Target
from chitieu.numbers import format_number

REASONS_VI: dict[str, str] = {
    "no_result": "Chưa có kết quả thực hiện.",
    "qualitative": "Chỉ tiêu định tính: báo cáo đánh giá {status}.",
    "qualitative_pending": "Chỉ tiêu định tính, báo cáo chưa đánh giá.",
    "numeric": "Thực hiện {actual}; chỉ tiêu {target}: {status}.",
    "percent": "Báo cáo chỉ nêu kết quả đạt {percent} so với chỉ tiêu: {status}.",
    "declared": "Không có số liệu để tính; theo báo cáo: {status}.",
    "missing_value": "Đã có báo cáo nhưng chưa có số thực hiện để đánh giá.",
    "missing_baseline": (
        "Đã có báo cáo nhưng chưa có tỷ lệ tăng/giảm, cũng không có số kỳ trước để tính."
    ),
    "declared_differs": "Báo cáo ghi “{declared}” nhưng số liệu cho kết quả khác.",
    "estimated_suffix": " Số liệu là số ước thực hiện.",
    "percent_differs": "Báo cáo nêu đạt {stated} so với chỉ tiêu; tính từ số liệu được {computed}.",
    "unit_differs": "Đơn vị của kết quả ({result_unit}) khác đơn vị của chỉ tiêu ({unit}); cần kiểm tra.",
}

# How a level target reads: {v} is the number with its unit.
LEVEL_TARGET_VI: dict[Comparator, str] = {
    Comparator.AT_LEAST: "từ {v} trở lên",
    Comparator.AT_MOST: "không quá {v}",
    Comparator.EQUAL: "bằng {v}",
    Comparator.ABOUT: "khoảng {v}",
    Comparator.RANGE: "từ {v} đến {v_max}",
}

# A change target reads by the sign of its (signed) percentage: index 0 for a rise or no change,
# 1 for a fall. {a} is the size of the change, without sign.
CHANGE_TARGET_VI: dict[Comparator, tuple[str, str]] = {
    Comparator.AT_LEAST: ("tăng ít nhất {a}", "giảm không quá {a}"),
    Comparator.AT_MOST: ("tăng không quá {a}", "giảm ít nhất {a}"),
    Comparator.EQUAL: ("tăng {a}", "giảm {a}"),
    Comparator.ABOUT: ("tăng khoảng {a}", "giảm khoảng {a}"),
}
CHANGE_RANGE_VI = {
    "up": "tăng từ {a} đến {b}",
    "down": "giảm từ {a} đến {b}",
    "mixed": "thay đổi từ {lo} đến {hi}",
}
MOVE_VI = {"up": "tăng {a}", "down": "giảm {a}", "flat": "không đổi"}
BASIS_VI = " so với {basis}"
DEFAULT_BASIS_VI = "cùng kỳ"


def reason_text(key: str, **words: str) -> str:
    return REASONS_VI[key].format(**words)


def with_unit(value: Decimal, unit: str | None) -> str:
    """9484 tỷ đồng -> "9.484 tỷ đồng"; 0,63 % -> "0,63%" (no space before a percent sign)."""
    text = format_number(value)
    if not unit:
        return text
    return text + unit if unit.startswith(("%", "‰")) else f"{text} {unit}"


def describe_target(target: Target) -> str:
    value = target.value if target.value is not None else Decimal(0)
    if target.kind is Kind.LEVEL:
        v_max = target.value_max if target.value_max is not None else value
        return LEVEL_TARGET_VI[target.comparator].format(
            v=with_unit(value, target.unit), v_max=with_unit(v_max, target.unit)
        )
    if target.comparator is Comparator.RANGE:
        hi = target.value_max if target.value_max is not None else value
        if value >= 0:
            text = CHANGE_RANGE_VI["up"].format(a=_pct(value), b=_pct(hi))
        elif hi <= 0:
            text = CHANGE_RANGE_VI["down"].format(a=_pct(-hi), b=_pct(-value))
        else:
            text = CHANGE_RANGE_VI["mixed"].format(lo=_pct(value), hi=_pct(hi))
    else:
        text = CHANGE_TARGET_VI[target.comparator][value < 0].format(a=_pct(abs(value)))
    return text + _basis(target)


def describe_actual(target: Target, actual: Decimal) -> str:
    if target.kind is Kind.LEVEL:
        return with_unit(actual, target.unit)
    if actual == 0:
        move = MOVE_VI["flat"]
    else:
        move = MOVE_VI["up" if actual > 0 else "down"].format(a=_pct(abs(actual)))
    return move + _basis(target)


def _pct(value: Decimal) -> str:
    return format_number(value) + "%"


def _basis(target: Target) -> str:
    return BASIS_VI.format(basis=target.basis or DEFAULT_BASIS_VI)
