"""Values that cannot be true, whatever the file says. Deliberately few and conservative rules:
a false alarm stops a user's work, so each rule below holds for every indicator it covers.

1. A proportion (a level in "%" whose name starts with "tỷ lệ" / "tỷ trọng", old spelling
   "tỉ" too) lies between 0 and 100. Rates of change are exempt: "tỷ lệ tăng dân số" may be
   negative, and a growth rate ("tốc độ tăng trưởng", "tăng 150%") may exceed 100.
2. A count ("xã", "hộ", "lao động", "đảng viên"…) is a whole number and never negative.
3. A physical quantity ("ha", "tấn", "km"…) is never negative. Money may be (a deficit),
   percentages may be (a fall), a value without a unit is left alone.
4. Nothing falls by more than 100%: a change target or a stated change below -100% is wrong.
5. A stated "% so với NQ" is never negative.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from chitieu.model import Kind
from chitieu.numbers import format_number

COUNT_UNITS = (
    "xã", "phường", "thị trấn", "thôn", "ấp", "khu phố", "tổ dân phố", "trường", "hộ", "người",
    "lao động", "đảng viên", "vụ", "doanh nghiệp", "hợp tác xã", "công trình", "cơ sở",
    "tổ chức", "chi bộ", "đơn vị", "học sinh", "căn", "nhà", "trạm", "chợ", "dự án", "lượt",
    "cái", "con", "chiếc",
)  # fmt: skip
QUANTITY_UNITS = ("ha", "hecta", "tấn", "tạ", "kg", "km", "m", "m2", "m²", "m3", "m³", "lít")

# "tỷ lệ" / "tỷ trọng" not followed by a word of change.
_PROPORTION = re.compile(r"^(?:tỷ|tỉ) (?:lệ|trọng)\b(?! (?:tăng|giảm))")


def _key(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").casefold().split())


def _unit_is(unit: str | None, names: tuple[str, ...]) -> bool:
    """The unit is, or starts with, one of `names` as whole words ("xã đạt chuẩn" is "xã")."""
    u = _key(unit)
    return any(u == n or u.startswith(n + " ") or u.startswith(n + "/") for n in names)


def is_proportion(name: str, unit: str | None) -> bool:
    return _key(unit) == "%" and bool(_PROPORTION.match(_key(name)))


def impossible_level(name: str, kind: Kind, unit: str | None, value: Decimal) -> str | None:
    """Why `value` cannot be a target or result of this indicator, or None when it can."""
    if kind is Kind.CHANGE:
        if value < -100:
            return f"không thể giảm quá 100% (ghi {format_number(value)}%)"
        return None
    if is_proportion(name, unit) and not 0 <= value <= 100:
        return f"tỷ lệ phải nằm trong khoảng 0–100% (ghi {format_number(value)}%)"
    if _unit_is(unit, COUNT_UNITS):
        if value < 0:
            return f"số {unit} không thể âm (ghi {format_number(value)})"
        if value != value.to_integral_value():
            return f"số {unit} phải là số nguyên (ghi {format_number(value)})"
    if _unit_is(unit, QUANTITY_UNITS) and value < 0:
        return f"số lượng tính bằng {unit} không thể âm (ghi {format_number(value)})"
    return None


def impossible_result_percent(field: str, value: Decimal) -> str | None:
    if field == "percent_of_target" and value < 0:
        return f"tỷ lệ % so với chỉ tiêu không thể âm (ghi {format_number(value)}%)"
    if field == "change_percent" and value < -100:
        return f"không thể giảm quá 100% so với cùng kỳ (ghi {format_number(value)}%)"
    return None
