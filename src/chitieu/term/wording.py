"""The Vietnamese wording of term assessments, as data, and how paces are written."""

from __future__ import annotations

from decimal import Decimal

from chitieu.model import Direction
from chitieu.numbers import format_number, format_percent
from chitieu.term.model import TermKind, TermTarget


def format_pace(x: Decimal, target: TermTarget) -> str:
    # Paces are oriented (positive = the better way): say "giảm" for a lower-is-better one.
    # A cap over the term (a lower-is-better total) counts what is used: no "giảm".
    lower = target.direction is Direction.LOWER and target.kind is not TermKind.TOTAL
    verb = "giảm " if lower else ""
    if target.kind is TermKind.AVERAGE_GROWTH:
        return verb + format_percent(x) + "/năm"
    unit = target.unit or ""
    unit = unit if unit.startswith("%") or not unit else " " + unit
    return verb + format_number(x) + unit + "/năm"


# The wording, as data. Placeholders are formatted the Vietnamese way.
REASONS: dict[str, str] = {
    "no_data": "Chưa có số liệu năm nào của nhiệm kỳ.",
    "level_one_point": "Mới có số liệu một năm và không có số năm gốc: chưa tính được tốc độ.",
    "met": "Đã hết nhiệm kỳ (số liệu năm {year}): đạt mục tiêu.",
    "missed": "Đã hết nhiệm kỳ (số liệu năm {year}): không đạt mục tiêu.",
    "breached": "Đã vượt mức trần của cả nhiệm kỳ (số liệu đến năm {year}).",
    "secured": "Đến năm {year} đã đạt mục tiêu nhiệm kỳ; cần giữ vững trong {remaining} năm còn lại.",
    "no_progress": "Đến năm {year} chưa tiến về mục tiêu (bình quân {pace}); {remaining} năm còn lại cần {needed}.",
    "pace_ok": "Đến năm {year} bình quân {pace}; {remaining} năm còn lại chỉ cần {needed} (tốc độ bằng {ratio} mức cần).",
    "pace_short": "Đến năm {year} bình quân {pace}; {remaining} năm còn lại cần {needed} (tốc độ mới bằng {ratio} mức cần): phải tăng tốc.",
    "pace_far": "Đến năm {year} bình quân {pace}; {remaining} năm còn lại cần {needed} (tốc độ mới bằng {ratio} mức cần): khó đạt.",
    "cap_met": "Đã hết nhiệm kỳ (số liệu năm {year}): không vượt mức trần.",
    "cap_secured": "Đến năm {year} chưa dùng đến mức trần; {remaining} năm còn lại được tối đa {needed}.",
    "cap_pace_ok": "Đến năm {year} bình quân {pace}; {remaining} năm còn lại được tối đa {needed} (bằng {ratio} mức đã dùng).",
    "cap_pace_short": "Đến năm {year} bình quân {pace}; {remaining} năm còn lại chỉ được tối đa {needed} (bằng {ratio} mức đã dùng): phải giảm.",
    "cap_pace_far": "Đến năm {year} bình quân {pace}; {remaining} năm còn lại chỉ được tối đa {needed} (bằng {ratio} mức đã dùng): khó giữ dưới mức trần.",
}
