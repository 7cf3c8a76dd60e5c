"""A demo resolution modelled on the Cai Lậy 2023 article: 19 targets, of which 10 exceeded,
5 achieved, 3 not achieved and 1 pending once evaluated. Used by the report tests, the
benchmark and `chitieu report --demo`; `demo_pairs(n)` repeats it to any size."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from chitieu.evaluate import evaluate_many
from chitieu.model import (
    Comparator,
    Direction,
    Evaluation,
    Field,
    Kind,
    Period,
    Result,
    Status,
    Target,
)
from chitieu.reports.model import Header, Report, build_report

D = Decimal
YEAR = Period.year_of(2023)
F = Field

# code, field, name, comparator, value, unit, direction, kind
_TARGETS: tuple[tuple[str, Field, str, Comparator, str | None, str | None, Direction, Kind], ...] = (
    ("KT01", F.ECONOMY, "tổng giá trị sản xuất (giá so sánh 2010)", Comparator.AT_LEAST, "9000", "tỷ đồng", Direction.HIGHER, Kind.LEVEL),
    ("KT02", F.ECONOMY, "thu ngân sách từ kinh tế địa phương", Comparator.AT_LEAST, "150", "tỷ đồng", Direction.HIGHER, Kind.LEVEL),
    ("KT03", F.ECONOMY, "tổng vốn đầu tư toàn xã hội", Comparator.AT_LEAST, "3200", "tỷ đồng", Direction.HIGHER, Kind.LEVEL),
    ("KT04", F.ECONOMY, "số xã đạt chuẩn nông thôn mới nâng cao", Comparator.AT_LEAST, "2", "xã", Direction.HIGHER, Kind.LEVEL),
    ("KT05", F.ECONOMY, "số xã nông thôn mới kiểu mẫu", Comparator.AT_LEAST, "1", "xã", Direction.HIGHER, Kind.LEVEL),
    ("KT06", F.ECONOMY, "thu nhập bình quân đầu người", Comparator.AT_LEAST, "75", "triệu đồng/người/năm", Direction.HIGHER, Kind.LEVEL),
    ("XH01", F.CULTURE_SOCIETY, "số trường đạt chuẩn quốc gia", Comparator.AT_LEAST, "3", "trường", Direction.HIGHER, Kind.LEVEL),
    ("XH02", F.CULTURE_SOCIETY, "tỷ lệ huy động trẻ nhà trẻ", Comparator.AT_LEAST, "28", "%", Direction.HIGHER, Kind.LEVEL),
    ("XH03", F.CULTURE_SOCIETY, "tỷ lệ huy động trẻ mẫu giáo 5 tuổi", Comparator.AT_LEAST, "100", "%", Direction.HIGHER, Kind.LEVEL),
    ("XH04", F.CULTURE_SOCIETY, "giải quyết việc làm", Comparator.AT_LEAST, "850", "lao động", Direction.HIGHER, Kind.LEVEL),
    ("XH05", F.CULTURE_SOCIETY, "xuất khẩu lao động", Comparator.AT_LEAST, "30", "lao động", Direction.HIGHER, Kind.LEVEL),
    ("XH06", F.CULTURE_SOCIETY, "tỷ lệ hộ nghèo", Comparator.AT_MOST, "0.8", "%", Direction.LOWER, Kind.LEVEL),
    ("XH07", F.CULTURE_SOCIETY, "tỷ lệ người dân tham gia bảo hiểm y tế", Comparator.AT_LEAST, "96", "%", Direction.HIGHER, Kind.LEVEL),
    ("MT01", F.ENVIRONMENT, "tỷ lệ hộ sử dụng nước sạch", Comparator.AT_LEAST, "99", "%", Direction.HIGHER, Kind.LEVEL),
    ("MT02", F.ENVIRONMENT, "tỷ lệ chất thải rắn đô thị được thu gom", Comparator.AT_LEAST, "95", "%", Direction.HIGHER, Kind.LEVEL),
    ("AN01", F.DEFENCE_SECURITY, "số vụ tội phạm về trật tự xã hội", Comparator.AT_MOST, "-5", "%", Direction.LOWER, Kind.CHANGE),
    ("AN02", F.DEFENCE_SECURITY, "công tác tuyển quân", Comparator.AT_LEAST, None, None, Direction.HIGHER, Kind.LEVEL),
    ("XD01", F.PARTY_BUILDING, "kết nạp đảng viên mới", Comparator.AT_LEAST, "60", "đảng viên", Direction.HIGHER, Kind.LEVEL),
    ("XD02", F.PARTY_BUILDING, "tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên", Comparator.AT_LEAST, "85", "%", Direction.HIGHER, Kind.LEVEL),
)  # fmt: skip

# code -> (value, previous value, estimated, change %, declared status, note)
_RESULTS: dict[str, tuple[str | None, str | None, bool, str | None, Status | None, str]] = {
    "KT01": ("8922", "8510", True, None, None, ""),  # 99,13%: not achieved
    "KT02": ("190.23", "145.85", False, None, None, ""),  # 126,82%, +30,43%
    "KT03": ("3350", "3010", True, None, None, ""),
    "KT04": ("2", None, False, None, None, ""),
    "KT05": ("1", None, False, None, None, ""),
    "KT06": ("78.5", "72.1", True, None, None, ""),
    "XH01": ("4", None, False, None, None, ""),
    "XH02": ("29.1", None, False, None, None, ""),
    "XH03": ("100", None, False, None, None, ""),
    "XH04": ("912", "880", False, None, None, ""),
    "XH05": ("22", "31", False, None, None, ""),  # not achieved
    "XH06": ("0.69", "0.95", False, None, None, ""),
    "XH07": ("96", "95.1", False, None, None, ""),
    "MT01": ("99.3", None, False, None, None, ""),
    "MT02": ("97", None, False, None, None, ""),
    "AN01": (None, None, False, "7.4", None, ""),  # crime up 7,4%: not achieved
    "AN02": (None, None, False, None, Status.ACHIEVED, ""),
    "XD01": ("72", "65", False, None, None, ""),
}
# XD02 has no result: it is evaluated at the end of the year.
PENDING_NOTE = "đánh giá, xếp loại tổ chức đảng vào cuối năm"

NEXT_TARGETS: tuple[Target, ...] = (
    Target("tổng giá trị sản xuất (giá so sánh 2010)", value=D(9484), unit="tỷ đồng"),
    Target("tổng thu ngân sách địa phương", value=D(186), unit="tỷ đồng"),
    Target("tỷ lệ hộ nghèo", comparator=Comparator.AT_MOST, value=D("0.63"), unit="%"),
    Target(
        "số vụ tội phạm về trật tự xã hội",
        kind=Kind.CHANGE,
        comparator=Comparator.AT_MOST,
        value=D(-5),
        unit="%",
        direction=Direction.LOWER,
    ),
    Target("công tác tuyển quân đạt chỉ tiêu, đảm bảo chất lượng, đúng quy định"),
    Target("kết nạp đảng viên mới", value=D(60), unit="đảng viên"),
)


def demo_pairs(copies: int = 1, period: Period = YEAR) -> list[tuple[Target, Result | None]]:
    """The 19 demo targets with their results, repeated `copies` times (codes stay unique)."""
    pairs: list[tuple[Target, Result | None]] = []
    for copy in range(copies):
        suffix = "" if copy == 0 else f" (đơn vị {copy + 1})"
        for order, (code, fld, name, comp, value, unit, direction, kind) in enumerate(_TARGETS):
            full_code = code if copy == 0 else f"{code}-{copy + 1}"
            target = Target(
                name + suffix,
                kind=kind,
                comparator=comp,
                value=D(value) if value is not None else None,
                unit=unit,
                basis="năm 2022" if kind is Kind.CHANGE else None,
                direction=direction,
                field=fld,
                period=period,
                code=full_code,
                order=order,
            )
            pairs.append((target, _result(code, full_code, unit, period)))
    return pairs


def _result(code: str, full_code: str, unit: str | None, period: Period) -> Result | None:
    if code not in _RESULTS:
        return Result(period=period, target_code=full_code, note=PENDING_NOTE)
    value, previous, estimated, change, declared, note = _RESULTS[code]
    return Result(
        period=period,
        value=D(value) if value is not None else None,
        unit=unit,
        estimated=estimated,
        change_percent=D(change) if change is not None else None,
        previous_value=D(previous) if previous is not None else None,
        declared_status=declared,
        note=note,
        target_code=full_code,
    )


def demo_evaluations(copies: int = 1, period: Period = YEAR) -> list[Evaluation]:
    return evaluate_many(demo_pairs(copies, period))


HEADER = Header(
    "Đảng bộ thị xã Cai Lậy",
    party=True,
    superior="Đảng bộ tỉnh Tiền Giang",
    number="45-BC/TU",
    place="Cai Lậy",
    date=dt.date(2023, 12, 5),
    signer_authority="T/M Ban Thường vụ",
    signer_position="Bí thư",
    recipients=("Ban Thường vụ Tỉnh ủy", "Các đồng chí Thị ủy viên", "Lưu Văn phòng Thị ủy"),
)


def demo_report(copies: int = 1) -> Report:
    """The demo report: the 19 targets (times `copies`) with next year's targets."""
    return build_report(HEADER, YEAR, demo_evaluations(copies), next_targets=NEXT_TARGETS)


# Kiến Tường 2019 ("Thực hiện đạt và vượt 22/24 chỉ tiêu Nghị quyết Thị ủy năm 2019"): the
# results the article states (growth by sector, the budget at 148% and 74% of last year, 18
# schools, 8/8 and 5/5 wards, health insurance 85%), with targets and every other figure
# INVENTED for illustration so that the set has 24 targets, 22 met and 2 evaluated at year end.
KIEN_TUONG_YEAR = Period.year_of(2019)
_KT = (Comparator.AT_LEAST, Direction.HIGHER)
# code, field, name, kind, value, unit, result value, stated change, declared status
_KIEN_TUONG: tuple[tuple[str, Field, str, Kind, str | None, str | None, str | None, str | None, Status | None], ...] = (
    ("KT01", F.ECONOMY, "tăng trưởng giá trị sản xuất khu vực thương mại - dịch vụ", Kind.CHANGE, "12", "%", None, "15.3", None),
    ("KT02", F.ECONOMY, "tăng trưởng giá trị sản xuất khu vực công nghiệp - xây dựng", Kind.CHANGE, "12", "%", None, "12.6", None),
    ("KT03", F.ECONOMY, "tăng trưởng giá trị sản xuất nông nghiệp", Kind.CHANGE, "4", "%", None, "4.5", None),
    ("KT04", F.ECONOMY, "thu ngân sách nhà nước", Kind.LEVEL, "100", "tỷ đồng", "148", "-26", Status.EXCEEDED),
    ("KT05", F.ECONOMY, "vốn đầu tư phát triển toàn xã hội", Kind.LEVEL, "1500", "tỷ đồng", "1520", None, None),
    ("KT06", F.ECONOMY, "thu nhập bình quân đầu người", Kind.LEVEL, "55", "triệu đồng/người/năm", "55", None, None),
    ("KT07", F.ECONOMY, "hợp tác xã thành lập mới", Kind.LEVEL, "2", "hợp tác xã", "2", None, None),
    ("XH01", F.CULTURE_SOCIETY, "trường đạt chuẩn quốc gia", Kind.LEVEL, "18", "trường", "18", None, None),
    ("XH02", F.CULTURE_SOCIETY, "xã, phường đạt chuẩn phổ cập giáo dục xóa mù chữ", Kind.LEVEL, "8", "xã, phường", "8", None, None),
    ("XH03", F.CULTURE_SOCIETY, "xã, phường không có người sinh con thứ 3 trở lên", Kind.LEVEL, "5", "xã, phường", "5", None, None),
    ("XH04", F.CULTURE_SOCIETY, "tỷ lệ người dân tham gia bảo hiểm y tế", Kind.LEVEL, "85", "%", "85", "1.9", None),
    ("XH05", F.CULTURE_SOCIETY, "tỷ lệ hộ nghèo", Kind.LEVEL, "1.5", "%", "1.2", None, None),
    ("XH06", F.CULTURE_SOCIETY, "giải quyết việc làm", Kind.LEVEL, "1000", "lao động", "1050", None, None),
    ("XH07", F.CULTURE_SOCIETY, "tỷ lệ lao động qua đào tạo", Kind.LEVEL, "60", "%", "61", None, None),
    ("XH08", F.CULTURE_SOCIETY, "tỷ lệ gia đình đạt chuẩn văn hóa", Kind.LEVEL, "90", "%", "92", None, None),
    ("MT01", F.ENVIRONMENT, "tỷ lệ hộ sử dụng nước sạch", Kind.LEVEL, "95", "%", "95", None, None),
    ("MT02", F.ENVIRONMENT, "tỷ lệ chất thải rắn đô thị được thu gom", Kind.LEVEL, "90", "%", "93", None, None),
    ("AN01", F.DEFENCE_SECURITY, "công tác tuyển quân", Kind.LEVEL, None, None, None, None, Status.ACHIEVED),
    ("AN02", F.DEFENCE_SECURITY, "tỷ lệ điều tra khám phá án", Kind.LEVEL, "80", "%", "85", None, None),
    ("AN03", F.DEFENCE_SECURITY, "xã, phường vững mạnh về quốc phòng", Kind.LEVEL, "8", "xã, phường", "8", None, None),
    ("XD01", F.PARTY_BUILDING, "kết nạp đảng viên mới", Kind.LEVEL, "60", "đảng viên", "62", None, None),
    ("XD02", F.PARTY_BUILDING, "tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ", Kind.LEVEL, "80", "%", None, None, None),
    ("XD03", F.PARTY_BUILDING, "tỷ lệ đảng viên đủ tư cách hoàn thành tốt nhiệm vụ", Kind.LEVEL, "85", "%", None, None, None),
    ("XD04", F.PARTY_BUILDING, "tỷ lệ khu phố, ấp có chi bộ", Kind.LEVEL, "100", "%", "100", None, None),
)  # fmt: skip


def kien_tuong_evaluations() -> list[Evaluation]:
    """The Kiến Tường 2019 set: 24 targets, 22 met (of which some exceeded), 2 pending."""
    period = KIEN_TUONG_YEAR
    pairs: list[tuple[Target, Result | None]] = []
    for order, (code, fld, name, kind, value, unit, actual, change, declared) in enumerate(
        _KIEN_TUONG
    ):
        lower = name == "tỷ lệ hộ nghèo"
        target = Target(
            name,
            kind=kind,
            comparator=Comparator.AT_MOST if lower else _KT[0],
            value=D(value) if value is not None else None,
            unit=unit,
            basis="năm 2018" if kind is Kind.CHANGE else None,
            direction=Direction.LOWER if lower else _KT[1],
            field=fld,
            period=period,
            code=code,
            order=order,
        )
        pending = actual is None and change is None and declared is None
        result = Result(
            period=period,
            value=D(actual) if actual is not None else None,
            unit=unit,
            change_percent=D(change) if change is not None else None,
            declared_status=declared,
            note=PENDING_NOTE if pending else "",
            target_code=code,
        )
        pairs.append((target, result))
    return evaluate_many(pairs)
