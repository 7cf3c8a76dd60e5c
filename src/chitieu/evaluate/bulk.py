"""Columnar evaluation: a million target–result pairs in well under a second, same statuses.

Per-object `evaluate` costs microseconds a row (dataclasses, Fractions, Vietnamese wording);
a national roll-up of communes x targets x periods needs statuses for millions of rows. Here
every number is a scaled integer in a numpy int64 column, so the comparisons stay EXACT (no
float tolerance to document, no "99.99999%" at the edge) and run as a few dozen vector
operations.

Scaled integers: x is stored as x * SCALE. SCALE = 10^4 x 20: four decimal places, times the
denominator of the "khoảng" tolerance (1/20) so that the band v ± |v|/20 is integral too. A
change computed from a baseline is compared by cross-multiplication: (value - previous) x 100
x SCALE against bound x |previous|.

Rows that do not fit (more than four decimals, magnitudes that could overflow int64 in those
products) are marked `fallback` and evaluated by `evaluate` itself, so the answer is the same
for every row; only the speed differs. Only statuses come out of here: % of target, % change
and the reason are for the per-object path that reports use.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

import numpy as np
from numpy.typing import NDArray

from chitieu.evaluate.rules import ABOUT_TOLERANCE, evaluate
from chitieu.model import Comparator, Direction, Kind, Result, Status, Target

if ABOUT_TOLERANCE.numerator != 1:  # pragma: no cover - guards a future edit of the rules
    raise ImportError("bulk evaluation needs ABOUT_TOLERANCE = 1/n")

DECIMALS = 4
TOLERANCE_DIVISOR = ABOUT_TOLERANCE.denominator
SCALE = 10**DECIMALS * TOLERANCE_DIVISOR
# Any stored |x * SCALE| stays below 2^60, so differences of bounds and values cannot overflow.
LIMIT = 2**60
# Products in the change-from-baseline comparison must stay below this (checked in float64
# with a factor 2 of margin for its rounding).
PRODUCT_LIMIT = float(2**61)

# Codes of the int8 columns, in the order of these tuples.
KINDS: tuple[Kind, ...] = (Kind.LEVEL, Kind.CHANGE)
COMPARATORS: tuple[Comparator, ...] = (
    Comparator.AT_LEAST,
    Comparator.AT_MOST,
    Comparator.EQUAL,
    Comparator.ABOUT,
    Comparator.RANGE,
)
DIRECTIONS: tuple[Direction, ...] = (Direction.HIGHER, Direction.LOWER, Direction.NEUTRAL)
STATUSES: tuple[Status, ...] = (
    Status.EXCEEDED,
    Status.ACHIEVED,
    Status.NOT_ACHIEVED,
    Status.PENDING,
)
NO_STATUS = -1  # `declared` when the result declares nothing

_GE, _LE, _EQ, _ABOUT, _RANGE = range(5)
_HIGHER, _LOWER, _NEUTRAL = range(3)
_EXCEEDED, _ACHIEVED, _NOT_ACHIEVED, _PENDING = range(4)
_HUNDRED = 100 * SCALE

Ints = NDArray[np.int64]
Codes = NDArray[np.int8]
Flags = NDArray[np.bool_]


@dataclass(frozen=True, eq=False)
class Columns:
    """N target–result pairs as columns. Numbers are int64 scaled by SCALE; a `has_*` flag says
    whether the number is there (its slot then holds 0). Build with `from_pairs`, or directly
    from a query's arrays: then each number is round(x * 10^4) * TOLERANCE_DIVISOR, below
    LIMIT in size (`evaluate_columns` checks both)."""

    kind: Codes
    comparator: Codes
    direction: Codes
    qualitative: Flags
    target_value: Ints
    target_value_max: Ints  # the upper bound of a range; ignored otherwise
    has_result: Flags
    value: Ints
    has_value: Flags
    change: Ints  # the change % the result states
    has_change: Flags
    previous: Ints
    has_previous: Flags
    percent: Ints  # the % of target the result states
    has_percent: Flags
    declared: Codes  # index in STATUSES, or NO_STATUS
    fallback: Flags  # rows left to `evaluate`, whose objects are in fallback_pairs
    fallback_pairs: tuple[tuple[int, Target, Result | None], ...] = ()

    def __post_init__(self) -> None:
        n = len(self.kind)
        for name in self.__dataclass_fields__:
            column = getattr(self, name)
            if isinstance(column, np.ndarray) and column.shape != (n,):
                raise ValueError(f"cột {name} có {column.shape} phần tử, cần {n}")

    def __len__(self) -> int:
        return len(self.kind)

    @classmethod
    def from_pairs(cls, pairs: Sequence[tuple[Target, Result | None]]) -> Columns:
        """Columns for domain objects (a Python loop: the slow part, done once per data set)."""
        kind_codes = {k: i for i, k in enumerate(KINDS)}
        comparator_codes = {c: i for i, c in enumerate(COMPARATORS)}
        direction_codes = {d: i for i, d in enumerate(DIRECTIONS)}
        status_codes = {s: i for i, s in enumerate(STATUSES)}
        codes: list[tuple[int, int, int, int]] = []
        numbers: list[list[int]] = []
        present: list[list[bool]] = []
        fallback: list[tuple[int, Target, Result | None]] = []
        for i, (target, result) in enumerate(pairs):
            declared = NO_STATUS
            if result is not None and result.declared_status is not None:
                declared = status_codes[result.declared_status]
            codes.append(
                (
                    kind_codes[target.kind],
                    comparator_codes[target.comparator],
                    direction_codes[target.direction],
                    declared,
                )
            )
            raw = [target.value, target.value_max]
            raw += [None] * 4 if result is None else [getattr(result, a) for a in _RESULT_ATTRS]
            scaled = [None if x is None else _scaled(x) for x in raw]
            if any(x is not None and y is None for x, y in zip(raw, scaled, strict=True)):
                fallback.append((i, target, result))
            numbers.append([y or 0 for y in scaled])
            present.append(
                [target.value is None, result is not None] + [x is not None for x in raw[2:]]
            )
        code_array = np.array(codes, np.int8).reshape(len(pairs), 4)
        number_array = np.array(numbers, np.int64).reshape(len(pairs), 6)
        flag_array = np.array(present, np.bool_).reshape(len(pairs), 6)
        fallback_flags = np.zeros(len(pairs), np.bool_)
        fallback_flags[[i for i, _, _ in fallback]] = True
        columns = cls(
            kind=code_array[:, 0].copy(),
            comparator=code_array[:, 1].copy(),
            direction=code_array[:, 2].copy(),
            declared=code_array[:, 3].copy(),
            qualitative=flag_array[:, 0].copy(),
            has_result=flag_array[:, 1].copy(),
            target_value=number_array[:, 0].copy(),
            target_value_max=number_array[:, 1].copy(),
            value=number_array[:, 2].copy(),
            has_value=flag_array[:, 2].copy(),
            change=number_array[:, 3].copy(),
            has_change=flag_array[:, 3].copy(),
            previous=number_array[:, 4].copy(),
            has_previous=flag_array[:, 4].copy(),
            percent=number_array[:, 5].copy(),
            has_percent=flag_array[:, 5].copy(),
            fallback=fallback_flags,
        )
        # Rows whose baseline products could overflow int64 are left to `evaluate` as well.
        for i in np.flatnonzero(_unsafe(columns) & ~fallback_flags).tolist():
            fallback_flags[i] = True
            fallback.append((i, *pairs[i]))
        return replace(columns, fallback_pairs=tuple(sorted(fallback, key=lambda row: row[0])))


_NUMBER_FIELDS = ("target_value", "target_value_max", "value", "change", "previous", "percent")
_RESULT_ATTRS = ("value", "change_percent", "previous_value", "percent_of_target")


def _scaled(number: Decimal) -> int | None:
    """number x SCALE as an int, or None when it has more decimals or is too large."""
    if not number.is_finite() or abs(number) * SCALE >= LIMIT:
        return None
    # Four decimals exactly (not merely a multiple of 1/SCALE), so that every stored value is
    # a multiple of TOLERANCE_DIVISOR and the "khoảng" band |v|/20 stays exact.
    units = number.scaleb(DECIMALS)
    if units != units.to_integral_value():
        return None
    return int(units) * TOLERANCE_DIVISOR


def evaluate_columns(columns: Columns) -> Codes:
    """Status codes (indices in STATUSES) for every row, with the rules of `evaluate`."""
    c = columns
    for name in _NUMBER_FIELDS:
        column = getattr(c, name)
        if len(column) and (column.max() >= LIMIT or column.min() <= -LIMIT):
            raise ValueError(f"cột {name} có số vượt giới hạn ±{LIMIT} (đã nhân {SCALE})")
    level = c.kind == 0
    use_value = level & c.has_value
    use_change = ~level & c.has_change
    use_computed = ~level & ~c.has_change & c.has_value & c.has_previous & (c.previous != 0)
    numeric = use_value | use_change | use_computed
    percent_only = ~numeric & c.has_percent

    # A percent-only result is compared with 100 as ">=", or "khoảng 100" for a "~" target.
    comparator = np.where(percent_only & (c.comparator != _ABOUT), _GE, c.comparator)
    direction = np.where(percent_only & (c.direction != _NEUTRAL), _HIGHER, c.direction)
    value = np.where(percent_only, _HUNDRED, c.target_value)
    about = comparator == _ABOUT
    if (value[about] % TOLERANCE_DIVISOR).any():
        raise ValueError(f"giá trị chỉ tiêu phải là bội số của {TOLERANCE_DIVISOR} (x * {SCALE})")
    tolerance = np.abs(value) // TOLERANCE_DIVISOR  # exact: checked just above
    lo = np.where(about, value - tolerance, value)
    hi = np.where(
        about, value + tolerance, np.where(comparator == _RANGE, c.target_value_max, value)
    )

    num = np.where(use_change, c.change, np.where(percent_only, c.percent, c.value))
    den = np.ones(len(c), np.int64)
    if use_computed.any():
        rows = np.flatnonzero(use_computed)
        if (_unsafe(c)[rows] & ~c.fallback[rows]).any():
            raise ValueError(
                "có dòng vượt giới hạn tính chính xác; dựng cột bằng Columns.from_pairs"
            )
        num[rows] = (c.value[rows] - c.previous[rows]) * _HUNDRED
        den[rows] = np.abs(c.previous[rows])
    above_lo = np.sign(num - lo * den)
    above_hi = np.sign(num - hi * den)

    # ">=": +1 exceeded, 0 achieved, -1 not achieved; "<=" the mirror image.
    at_least = (1 - above_lo).astype(np.int8)
    at_most = (1 + above_hi).astype(np.int8)
    beyond = np.where(
        above_hi > 0,
        np.where(direction == _HIGHER, _EXCEEDED, _NOT_ACHIEVED),
        np.where(direction == _LOWER, _EXCEEDED, _NOT_ACHIEVED),
    )
    inside = (above_lo >= 0) & (above_hi <= 0)
    symmetric = np.where(inside, _ACHIEVED, beyond)
    status = np.where(comparator == _GE, at_least, np.where(comparator == _LE, at_most, symmetric))

    declared_or_pending = np.where(c.declared >= 0, c.declared, _PENDING)
    status = np.where(numeric | percent_only, status, declared_or_pending)
    status = np.where(c.qualitative, declared_or_pending, status)
    status = np.where(c.has_result, status, _PENDING).astype(np.int8)
    for i, target, result in c.fallback_pairs:
        status[i] = STATUSES.index(evaluate(target, result).status)
    return status


def _unsafe(c: Columns) -> Flags:
    """Rows whose change-from-baseline products could overflow int64."""
    difference = np.abs(c.value - c.previous).astype(np.float64) * _HUNDRED
    bound = np.maximum(np.abs(c.target_value), np.abs(c.target_value_max)).astype(np.float64)
    product = np.abs(c.previous).astype(np.float64) * bound * 2
    too_large: Flags = (difference >= PRODUCT_LIMIT) | (product >= PRODUCT_LIMIT)
    unsafe: Flags = too_large & (c.kind == 1) & c.has_value & c.has_previous
    return unsafe


def evaluate_bulk(pairs: Iterable[tuple[Target, Result | None]]) -> list[Status]:
    """Statuses for many pairs through the columnar path (conversion included)."""
    codes = evaluate_columns(Columns.from_pairs(list(pairs)))
    return [STATUSES[code] for code in codes.tolist()]
