"""The domain: targets, periods, results, statuses. Plain frozen dataclasses, no framework.

Numbers are `decimal.Decimal` everywhere in the core so that 100,01 % compares exactly;
floats appear only at the JSON edge.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


class Kind(StrEnum):
    """What a target's number measures."""

    LEVEL = "level"  # the indicator's own value ("tỷ lệ hộ nghèo 0,63%")
    CHANGE = "change"  # a % change against a basis ("tăng 6,5-7% so với năm 2022")


class Comparator(StrEnum):
    AT_LEAST = ">="  # "trên", "trở lên", "ít nhất", a plain amount on a higher-is-better indicator
    AT_MOST = "<="  # "dưới", "không quá", "giảm còn"
    EQUAL = "="  # economic structure shares with no comparator word
    ABOUT = "~"  # "khoảng"
    RANGE = "range"  # "6,5-7%", "từ 6,5 đến 7%"


class Direction(StrEnum):
    """Which way is better for the indicator; decides what "exceeded" means."""

    HIGHER = "higher"  # revenue, production value, coverage rates
    LOWER = "lower"  # poverty rate, crime, accidents, pollution
    NEUTRAL = "neutral"  # shares of the economic structure: neither way is better


class Status(StrEnum):
    EXCEEDED = "exceeded"  # vượt
    ACHIEVED = "achieved"  # đạt
    NOT_ACHIEVED = "not_achieved"  # không đạt
    PENDING = "pending"  # chưa đánh giá / chưa có kết quả

    @property
    def label_vi(self) -> str:
        return STATUS_LABELS_VI[self]


STATUS_LABELS_VI: dict[Status, str] = {
    Status.EXCEEDED: "Vượt",
    Status.ACHIEVED: "Đạt",
    Status.NOT_ACHIEVED: "Không đạt",
    Status.PENDING: "Chưa đánh giá",
}


class Field(StrEnum):
    """The fields (lĩnh vực) a resolution groups its targets by, in the usual order."""

    ECONOMY = "kinh_te"
    CULTURE_SOCIETY = "van_hoa_xa_hoi"
    ENVIRONMENT = "moi_truong"
    DEFENCE_SECURITY = "quoc_phong_an_ninh"
    PARTY_BUILDING = "xay_dung_dang"
    OTHER = "khac"

    @property
    def label_vi(self) -> str:
        return FIELD_LABELS_VI[self]


FIELD_LABELS_VI: dict[Field, str] = {
    Field.ECONOMY: "Kinh tế",
    Field.CULTURE_SOCIETY: "Văn hóa – xã hội",
    Field.ENVIRONMENT: "Môi trường",
    Field.DEFENCE_SECURITY: "Quốc phòng – an ninh",
    Field.PARTY_BUILDING: "Xây dựng Đảng và hệ thống chính trị",
    Field.OTHER: "Khác",
}


class PeriodKind(StrEnum):
    YEAR = "year"
    HALF = "half"  # 6 tháng đầu năm / cuối năm (index 1 or 2)
    QUARTER = "quarter"  # quý I..IV (index 1..4)
    MONTH = "month"  # tháng 1..12 (index 1..12)
    CUMULATIVE_6M = "6m"  # 6 tháng (lũy kế từ đầu năm)
    CUMULATIVE_9M = "9m"  # 9 tháng (lũy kế từ đầu năm)
    TERM = "term"  # nhiệm kỳ, e.g. 2020–2025


class PeriodError(ValueError):
    """A period code that cannot be read; the message says which and why."""


_PERIOD_PATTERNS: tuple[tuple[re.Pattern[str], PeriodKind], ...] = (
    (re.compile(r"^(\d{4})$"), PeriodKind.YEAR),
    (re.compile(r"^(\d{4})-H([12])$"), PeriodKind.HALF),
    (re.compile(r"^(\d{4})-Q([1-4])$"), PeriodKind.QUARTER),
    (re.compile(r"^(\d{4})-M(0[1-9]|1[0-2])$"), PeriodKind.MONTH),
    (re.compile(r"^(\d{4})-6M$"), PeriodKind.CUMULATIVE_6M),
    (re.compile(r"^(\d{4})-9M$"), PeriodKind.CUMULATIVE_9M),
    (re.compile(r"^(\d{4})-(\d{4})$"), PeriodKind.TERM),
)

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@dataclass(frozen=True, order=True)
class Period:
    """A reporting period. `code` round-trips: "2024", "2024-H1", "2024-Q3", "2024-M07",
    "2024-6M", "2024-9M", "2020-2025" (a term)."""

    kind: PeriodKind
    year: int
    index: int | None = None  # half 1-2, quarter 1-4, month 1-12; None otherwise
    end_year: int | None = None  # only for a term

    def __post_init__(self) -> None:
        limits = {PeriodKind.HALF: 2, PeriodKind.QUARTER: 4, PeriodKind.MONTH: 12}
        if self.kind in limits:
            if self.index is None or not 1 <= self.index <= limits[self.kind]:
                raise PeriodError(f"{self.kind.value} period needs an index 1..{limits[self.kind]}")
        elif self.index is not None:
            raise PeriodError(f"{self.kind.value} period takes no index")
        if self.kind is PeriodKind.TERM:
            if self.end_year is None or self.end_year <= self.year:
                raise PeriodError("a term needs an end year after its start year")
        elif self.end_year is not None:
            raise PeriodError("only a term has an end year")

    @classmethod
    def year_of(cls, year: int) -> Period:
        return cls(PeriodKind.YEAR, year)

    @classmethod
    def term(cls, start: int, end: int) -> Period:
        return cls(PeriodKind.TERM, start, end_year=end)

    @classmethod
    def parse(cls, code: str) -> Period:
        text = code.strip().upper().replace("–", "-").replace(" ", "")
        for pattern, kind in _PERIOD_PATTERNS:
            m = pattern.match(text)
            if not m:
                continue
            year = int(m.group(1))
            if kind is PeriodKind.TERM:
                return cls.term(year, int(m.group(2)))
            index = int(m.group(2)) if m.lastindex and m.lastindex >= 2 else None
            return cls(kind, year, index)
        raise PeriodError(
            f"kỳ báo cáo không hợp lệ: {code!r} (dùng 2024, 2024-H1, 2024-Q1, 2024-M01, "
            "2024-6M, 2024-9M hoặc 2020-2025)"
        )

    @property
    def code(self) -> str:
        match self.kind:
            case PeriodKind.YEAR:
                return f"{self.year}"
            case PeriodKind.HALF:
                return f"{self.year}-H{self.index}"
            case PeriodKind.QUARTER:
                return f"{self.year}-Q{self.index}"
            case PeriodKind.MONTH:
                return f"{self.year}-M{self.index:02d}"
            case PeriodKind.CUMULATIVE_6M:
                return f"{self.year}-6M"
            case PeriodKind.CUMULATIVE_9M:
                return f"{self.year}-9M"
            case PeriodKind.TERM:
                return f"{self.year}-{self.end_year}"

    @property
    def label_vi(self) -> str:
        match self.kind:
            case PeriodKind.YEAR:
                return f"năm {self.year}"
            case PeriodKind.HALF:
                return f"6 tháng {'đầu' if self.index == 1 else 'cuối'} năm {self.year}"
            case PeriodKind.QUARTER:
                return f"quý {_ROMAN[self.index or 1]} năm {self.year}"
            case PeriodKind.MONTH:
                return f"tháng {self.index} năm {self.year}"
            case PeriodKind.CUMULATIVE_6M:
                return f"6 tháng năm {self.year}"
            case PeriodKind.CUMULATIVE_9M:
                return f"9 tháng năm {self.year}"
            case PeriodKind.TERM:
                return f"nhiệm kỳ {self.year} - {self.end_year}"

    @property
    def same_period_last_year(self) -> Period:
        """ "Cùng kỳ": the same period one year earlier (a term has none: the previous term)."""
        if self.kind is PeriodKind.TERM:
            assert self.end_year is not None
            span = self.end_year - self.year
            return Period.term(self.year - span, self.year)
        return Period(self.kind, self.year - 1, self.index)

    def __str__(self) -> str:
        return self.code


@dataclass(frozen=True)
class Target:
    """A target (chỉ tiêu) set by a resolution for a period.

    `value` is None for a qualitative target ("công tác tuyển quân đạt chỉ tiêu"), which is
    evaluated by a declared status. For a change target `value` is a signed percentage
    ("giảm ít nhất 5%" -> comparator <=, value -5)."""

    name: str
    kind: Kind = Kind.LEVEL
    comparator: Comparator = Comparator.AT_LEAST
    value: Decimal | None = None
    value_max: Decimal | None = None  # only with Comparator.RANGE
    unit: str | None = None
    basis: str | None = None  # for a change: "năm 2022", "kế hoạch tỉnh giao"
    direction: Direction = Direction.HIGHER
    field: Field = Field.OTHER
    period: Period | None = None
    code: str = ""  # the user's identifier for the target ("KT01"); unique in a resolution
    order: int = 0

    def __post_init__(self) -> None:
        if self.comparator is Comparator.RANGE:
            if self.value is None or self.value_max is None:
                raise ValueError(
                    f"chỉ tiêu {self.name!r}: khoảng giá trị cần cả cận dưới và cận trên"
                )
            if self.value > self.value_max:
                raise ValueError(f"chỉ tiêu {self.name!r}: cận dưới lớn hơn cận trên")
        elif self.value_max is not None:
            raise ValueError(f"chỉ tiêu {self.name!r}: value_max chỉ dùng với khoảng (range)")

    @property
    def is_qualitative(self) -> bool:
        return self.value is None


@dataclass(frozen=True)
class Result:
    """A result reported for a target and a period.

    Any of value / percent_of_target / change_percent may be given alone: a report may say
    only "đạt 99,13% so với nghị quyết" or only "tăng 7,4% so với cùng kỳ"."""

    period: Period | None = None
    value: Decimal | None = None
    unit: str | None = None
    estimated: bool = False  # "ước thực hiện" vs official figure
    percent_of_target: Decimal | None = None  # as stated by the source
    change_percent: Decimal | None = None  # vs the same period last year, as stated
    previous_value: Decimal | None = None  # the same period last year, to compute a change
    declared_status: Status | None = None  # for qualitative targets, or as the text says
    source: str = ""  # where the figure comes from (a document, a department)
    note: str = ""
    target_code: str = ""


@dataclass(frozen=True)
class Evaluation:
    """The verdict on one target for one period."""

    target: Target
    result: Result | None
    status: Status
    percent_of_target: Decimal | None = None
    change_percent: Decimal | None = None
    reason: str = ""  # why this status, in Vietnamese, for reports and --explain
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def estimated(self) -> bool:
        return self.result is not None and self.result.estimated
