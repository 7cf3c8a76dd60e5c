"""Raw rows -> Target and Result objects, with every bad cell reported by file, row and column.

A row with an error yields no object but does not stop the reading: all the errors of a file
are collected so the user can fix them in one go.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import TypeVar

from chitieu.model import (
    Comparator,
    Direction,
    Field,
    Kind,
    Period,
    PeriodError,
    Result,
    Status,
    Target,
)
from chitieu.numbers import NumberFormatError, to_decimal
from chitieu.tables.errors import InputError
from chitieu.tables.plausibility import impossible_level, impossible_result_percent
from chitieu.tables.readers import Cell, RawRow, RawTable
from chitieu.tables.vocabulary import (
    COMPARATORS,
    DIRECTIONS,
    FIELDS,
    KINDS,
    STATUSES,
    YES_NO,
    Vocabulary,
    split_target_cell,
)

T = TypeVar("T")


@dataclass(frozen=True)
class Located:
    """Where an object came from, so that a check across files can name the place."""

    file: str
    row: int
    row_label: str
    cells: dict[str, Cell]

    def error(self, field: str, code: str, message: str, header: str) -> InputError:
        cell = self.cells.get(field)
        return InputError(
            self.file,
            code,
            message,
            row=self.row,
            column=cell.header if cell else header,
            column_ref=cell.ref if cell else None,
            row_label=self.row_label,
        )

    @property
    def label(self) -> str:
        return f"{self.file}, {self.row_label} {self.row}"


@dataclass(frozen=True)
class TargetRow:
    target: Target
    where: Located
    key: str  # the code, normalised for matching


@dataclass(frozen=True)
class ResultRow:
    result: Result
    where: Located
    key: str


def code_key(code: str) -> str:
    """Codes match whatever their case and spacing: "kt01 " is "KT01"."""
    return " ".join(unicodedata.normalize("NFC", code).casefold().split())


def clean_text(value: str) -> str:
    return " ".join(unicodedata.normalize("NFC", value).split())


class RowReader:
    """Typed access to one raw row; each problem becomes an InputError in `errors`."""

    def __init__(self, table: RawTable, row: RawRow, headers: dict[str, str]) -> None:
        self.where = Located(table.file, row.number, table.row_label, row.cells)
        self.row = row
        self.headers = headers  # field -> documented Vietnamese header, for absent columns
        self.errors: list[InputError] = []

    def fail(self, field: str, code: str, message: str) -> None:
        self.errors.append(self.where.error(field, code, message, self.headers.get(field, field)))

    def raw(self, field: str) -> object:
        cell = self.row.get(field)
        if cell is None:
            return None
        value = cell.value
        if isinstance(value, str) and not value.strip():
            return None
        return value

    def text(self, field: str, *, required: bool = False) -> str | None:
        value = self.raw(field)
        if value is None:
            if required:
                self.fail(field, "missing_value", "ô này không được để trống")
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # a code typed as 1 in Excel comes back as 1.0
        if isinstance(value, datetime | date | time):
            self.fail(field, "bad_value", "ô chứa ngày giờ, cần chữ")
            return None
        return clean_text(str(value))

    def number(self, field: str) -> Decimal | None:
        return self._number(field, self.raw(field))

    def target_value(self) -> tuple[Comparator | None, Decimal | None, Decimal | None]:
        """The "Giá trị" cell, which may carry its comparator ("≥ 98", "6,5 - 7"): the
        comparator written there (or None), the value, and the upper bound of a range."""
        value = self.raw("value")
        split = split_target_cell(value) if isinstance(value, str) else None
        if split is None:
            return None, self.number("value"), None
        comparator, low, high = split
        errors = len(self.errors)
        low_number = self._number("value", low)
        high_number = self._number("value", high) if high is not None else None
        if len(self.errors) > errors:
            return None, None, None
        return comparator, low_number, high_number

    def _number(self, field: str, value: object) -> Decimal | None:
        if value is None:
            return None
        if isinstance(value, datetime | date | time):
            self.fail(field, "bad_number", "ô chứa ngày tháng (Excel tự đổi?), cần một số")
            return None
        if isinstance(value, str):
            text = value.strip()
            # "97,5%" in a value cell: the sign repeats the unit, the number is 97,5.
            value = text[:-1].strip() if text.endswith("%") else text
        try:
            number = to_decimal(value)
        except NumberFormatError as exc:
            self.fail(field, "bad_number", str(exc))
            return None
        if not number.is_finite():
            self.fail(field, "bad_number", f"{value!r} không phải là số hữu hạn")
            return None
        cell = self.row.get(field)
        if cell is not None and cell.percent_format:
            number *= 100  # Excel stores 97,5% as 0,975
        return number

    def word(self, field: str, vocabulary: Vocabulary[T], what: str) -> T | None:
        text = self.text(field)
        if text is None:
            return None
        found = vocabulary.lookup(text)
        if found is None:
            self.fail(
                field,
                f"unknown_{what}",
                f'không hiểu "{text}"; dùng {vocabulary.examples(8)}',
            )
        return found

    def period(self, field: str = "period") -> Period | None:
        text = self.text(field)
        if text is None:
            return None
        # "năm 2024" / "Năm 2024" as staff write it is the year 2024.
        text = re.sub(r"^n[ăa]m\s+(?=\d{4}$)", "", text, flags=re.IGNORECASE)
        try:
            return Period.parse(text)
        except PeriodError as exc:
            self.fail(field, "bad_period", str(exc))
            return None

    def flag(self, field: str) -> bool:
        value = self.raw(field)
        if value is None:
            return False
        if isinstance(value, bool):
            return value
        if isinstance(value, int | float | Decimal) and value in (0, 1):
            return bool(value)
        found = YES_NO.lookup(str(value))
        if found is None:
            self.fail(
                field,
                "bad_value",
                f'không hiểu "{value}"; ghi "x" hoặc "có" nếu là số ước, để trống nếu không',
            )
            return False
        return found


def default_direction(kind: Kind, comparator: Comparator) -> Direction:
    """Without a "Hướng" column: an upper bound means less is better ("tỷ lệ hộ nghèo ≤ 0,63%"),
    an exact share ("tỷ trọng nông nghiệp = 12,1%") is neutral, anything else more is better."""
    if comparator is Comparator.AT_MOST:
        return Direction.LOWER
    if comparator is Comparator.EQUAL:
        return Direction.NEUTRAL
    return Direction.HIGHER


def read_targets(
    table: RawTable, headers: dict[str, str]
) -> tuple[list[TargetRow], list[InputError], set[str]]:
    """Targets in file order; the errors; and every code seen, valid row or not (so a result for
    a target whose row has an error is not also reported as "unknown target")."""
    rows: list[TargetRow] = []
    errors: list[InputError] = []
    seen: dict[str, Located] = {}
    for position, raw in enumerate(table.rows, 1):
        r = RowReader(table, raw, headers)
        code = r.text("code", required=True)
        name = r.text("name", required=True)
        key = code_key(code) if code else ""
        if key and key in seen:
            r.fail("code", "duplicate_code", f'mã "{code}" trùng với chỉ tiêu ở {seen[key].label}')
        elif key:
            seen[key] = r.where
        target = _target_from(r, code or "", name or "", position)
        errors.extend(r.errors)
        if target is not None and not r.errors:
            rows.append(TargetRow(target, r.where, key))
    return rows, errors, set(seen)


def _target_from(r: RowReader, code: str, name: str, position: int) -> Target | None:
    kind = r.word("kind", KINDS, "kind") or Kind.LEVEL
    written, value, written_max = r.target_value()
    value_max = r.number("value_max")
    if written_max is not None:
        if value_max is not None and value_max != written_max:
            r.fail("value_max", "bad_value", "khác cận trên ghi trong cột Giá trị")
        value_max = written_max
    comparator = r.word("comparator", COMPARATORS, "comparator")
    if comparator is None and r.raw("comparator") is None:
        default = Comparator.RANGE if value_max is not None else Comparator.AT_LEAST
        comparator = written or default
    elif written is not None and comparator is not None and written is not comparator:
        r.fail(
            "value",
            "bad_value",
            f'ô ghi so sánh "{written.value}" nhưng cột So sánh ghi "{comparator.value}"',
        )
    direction = r.word("direction", DIRECTIONS, "direction")
    field = r.word("field", FIELDS, "field") or Field.OTHER
    period = r.period()
    unit = r.text("unit")
    order_number = r.number("order")
    if r.errors or comparator is None:
        return None
    if comparator is Comparator.RANGE:
        if value is None:
            r.fail("value", "missing_value", "chỉ tiêu dạng khoảng (range) cần cận dưới ở cột này")
        if value_max is None:
            r.fail(
                "value_max", "missing_value", "chỉ tiêu dạng khoảng (range) cần cận trên ở cột này"
            )
        if value is not None and value_max is not None and value > value_max:
            r.fail(
                "value_max",
                "range_inverted",
                f"cận trên {_fmt(value_max)} nhỏ hơn cận dưới {_fmt(value)} (cột Giá trị)",
            )
    elif value_max is not None:
        r.fail("value_max", "bad_value", 'chỉ ghi cận trên khi cột So sánh là "range" (từ … đến)')
    for field_name, number in (("value", value), ("value_max", value_max)):
        if number is not None and (why := impossible_level(name, kind, unit, number)):
            r.fail(field_name, "impossible_value", why)
    if r.errors:
        return None
    order = (
        int(order_number)
        if order_number is not None and order_number == order_number.to_integral_value()
        else position
    )
    try:
        return Target(
            name=name,
            kind=kind,
            comparator=comparator,
            value=value,
            value_max=value_max,
            unit=unit,
            basis=r.text("basis"),
            direction=direction or default_direction(kind, comparator),
            field=field,
            period=period,
            code=code,
            order=order,
        )
    except ValueError as exc:  # the model's own checks, should the ones above miss a case
        r.fail("value", "bad_value", str(exc))
        return None


# Fields that make a result row say something; a row with only a code is "not reported yet".
_RESULT_FIELDS = ("value", "percent_of_target", "change_percent", "previous_value", "status")


def read_results(
    table: RawTable, headers: dict[str, str]
) -> tuple[list[ResultRow], list[InputError]]:
    rows: list[ResultRow] = []
    errors: list[InputError] = []
    for raw in table.rows:
        r = RowReader(table, raw, headers)
        code = r.text("code", required=True)
        result = _result_from(r, code or "")
        errors.extend(r.errors)
        if (
            result is not None
            and not r.errors
            and any(r.raw(f) is not None for f in _RESULT_FIELDS)
        ):
            rows.append(ResultRow(result, r.where, code_key(code or "")))
    return rows, errors


def _result_from(r: RowReader, code: str) -> Result | None:
    value = r.number("value")
    percent = r.number("percent_of_target")
    change = r.number("change_percent")
    previous = r.number("previous_value")
    status: Status | None = r.word("status", STATUSES, "status")
    checks: list[tuple[str, Callable[[Decimal], str | None], Decimal | None]] = [
        ("percent_of_target", lambda p: impossible_result_percent("percent_of_target", p), percent),
        ("change_percent", lambda p: impossible_result_percent("change_percent", p), change),
    ]
    for field_name, check, number in checks:
        if number is not None and (why := check(number)):
            r.fail(field_name, "impossible_value", why)
    result = Result(
        period=r.period(),
        value=value,
        unit=r.text("unit"),
        estimated=r.flag("estimated"),
        percent_of_target=percent,
        change_percent=change,
        previous_value=previous,
        declared_status=status,
        source=r.text("source") or "",
        note=r.text("note") or "",
        target_code=code,
    )
    return None if r.errors else result


def _fmt(number: Decimal) -> str:
    from chitieu.numbers import format_number

    return format_number(number)
