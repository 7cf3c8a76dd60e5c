"""Series continuity across the 2025 reorganisation of administrative units.

The 2020–2025 term ran on the old units, the 2025–2030 term runs on the new ones. A new unit's
past is built from the units it was formed from: a total (a flow, a count) adds up, a rate is
the mean of the old rates weighted by a given weight (population, households). A missing value
or weight makes that period unknown (None) with a note saying what is missing; nothing is
guessed. An old unit split between several new ones contributes to a total only by a known
share. Rules: docs/term-and-forecast.md §5. Pure: the web gets the old→new mapping from the
pinned administrative-units package and passes it here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from chitieu.model import Period
from chitieu.numbers import format_number, quantize


class Aggregation(StrEnum):
    SUM = "sum"  # totals, flows, counts: cộng dồn
    WEIGHTED_MEAN = "weighted_mean"  # rates: bình quân gia quyền

    @property
    def label_vi(self) -> str:
        return "cộng dồn" if self is Aggregation.SUM else "bình quân gia quyền"


class ContinuityError(ValueError):
    """A mapping or input that cannot be aggregated; the message says which and why."""


@dataclass(frozen=True)
class Predecessor:
    """An old unit that went (wholly, or by `share`) into the new one. `share` None: only part
    of it did and the part is not known."""

    code: str
    name: str = ""
    share: Decimal | None = Decimal(1)

    def __post_init__(self) -> None:
        if self.share is not None and not Decimal(0) < self.share <= 1:
            raise ContinuityError(
                f"đơn vị cũ {self.label}: tỷ lệ sáp nhập phải lớn hơn 0 và không quá 1"
            )

    @property
    def label(self) -> str:
        return self.name or self.code


@dataclass(frozen=True)
class DerivedSeries:
    """The successor's series: its own figures where it has them, the aggregate of its
    predecessors elsewhere (`derived` says which periods), with notes and the Vietnamese note
    for its pages."""

    unit: str
    method: Aggregation
    values: dict[Period, Decimal | None]
    derived: frozenset[Period]
    predecessors: tuple[Predecessor, ...]
    note_vi: str
    notes: tuple[str, ...] = field(default_factory=tuple)


Weights = Mapping[str, Decimal | Mapping[Period, Decimal]]


def predecessors_from_pairs(
    pairs: Iterable[tuple[str, str]], names: Mapping[str, str] | None = None
) -> dict[str, tuple[Predecessor, ...]]:
    """{new code: predecessors} from (old code, new code) pairs, as the mapping tables list
    them. An old unit that appears under several new ones was split: its share is unknown."""
    listed = list(pairs)
    successors_of: dict[str, set[str]] = {}
    for old, new in listed:
        successors_of.setdefault(old, set()).add(new)
    out: dict[str, list[Predecessor]] = {}
    for old, new in listed:
        if any(p.code == old for p in out.get(new, [])):
            continue
        share = Decimal(1) if len(successors_of[old]) == 1 else None
        name = (names or {}).get(old, "")
        out.setdefault(new, []).append(Predecessor(old, name, share))
    return {new: tuple(preds) for new, preds in out.items()}


def build_successor_series(
    unit: str,
    predecessors: Iterable[Predecessor],
    series: Mapping[str, Mapping[Period, Decimal]],
    method: Aggregation,
    *,
    weights: Weights | None = None,
    weight_name: str = "dân số",
    own: Mapping[Period, Decimal] | None = None,
    level_word: str = "xã",
    effective: str = "7/2025",
    places: int = 2,
) -> DerivedSeries:
    """The series of `unit` from `series` {old code: {period: value}} of its `predecessors`.

    SUM adds the old values (times their share); WEIGHTED_MEAN averages them weighted by
    `weights` {old code: weight, or {period: weight}} (times their share when known) and rounds
    to `places`. Periods where `own` (the new unit's own figures) has a value keep it."""
    preds = tuple(predecessors)
    if not preds:
        raise ContinuityError(f"đơn vị {unit}: không có đơn vị cũ nào để tổng hợp")
    if method is Aggregation.WEIGHTED_MEAN and weights is None:
        raise ContinuityError(
            f"đơn vị {unit}: chỉ tiêu tỷ lệ cần trọng số ({weight_name}) của các đơn vị cũ"
        )
    own = own or {}
    periods = sorted({p for pred in preds for p in series.get(pred.code, {})} | set(own))
    values: dict[Period, Decimal | None] = {}
    derived: set[Period] = set()
    notes: list[str] = []
    for period in periods:
        if period in own:
            values[period] = own[period]
            continue
        derived.add(period)
        if method is Aggregation.SUM:
            value, note = _sum(preds, series, period)
        else:
            assert weights is not None
            value, note = _weighted(preds, series, weights, weight_name, period, places)
        values[period] = value
        if note:
            notes.append(note)
    names = ", ".join(p.label for p in preds)
    how = method.label_vi
    if method is Aggregation.WEIGHTED_MEAN:
        how += f" theo {weight_name}"
    note_vi = f"Số liệu trước {effective} được tổng hợp từ các {level_word} cũ: {names} ({how})."
    if any(p.share is None for p in preds):
        note_vi += " " + _split_note(preds, method)
    return DerivedSeries(unit, method, values, frozenset(derived), preds, note_vi, tuple(notes))


def _sum(
    preds: tuple[Predecessor, ...], series: Mapping[str, Mapping[Period, Decimal]], period: Period
) -> tuple[Decimal | None, str]:
    total = Decimal(0)
    missing, unknown = [], []
    for pred in preds:
        value = series.get(pred.code, {}).get(period)
        if value is None:
            missing.append(pred.label)
        elif pred.share is None:
            unknown.append(pred.label)
        else:
            total += value * pred.share
    if missing:
        return None, f"{period.label_vi}: thiếu số liệu của {', '.join(missing)}."
    if unknown:
        return None, (
            f"{period.label_vi}: chưa biết phần của {', '.join(unknown)} "
            "nhập vào đơn vị mới, không cộng được."
        )
    return total, ""


def _weighted(
    preds: tuple[Predecessor, ...],
    series: Mapping[str, Mapping[Period, Decimal]],
    weights: Weights,
    weight_name: str,
    period: Period,
    places: int,
) -> tuple[Decimal | None, str]:
    num = den = Decimal(0)
    missing, no_weight = [], []
    for pred in preds:
        value = series.get(pred.code, {}).get(period)
        weight = _weight(weights, pred.code, period)
        if value is None:
            missing.append(pred.label)
            continue
        if weight is None:
            no_weight.append(pred.label)
            continue
        # A split unit of unknown share keeps its whole weight: its part is assumed to have
        # the rate of the whole (the note says so).
        w = weight * (pred.share if pred.share is not None else 1)
        num += value * w
        den += w
    if missing:
        return None, f"{period.label_vi}: thiếu số liệu của {', '.join(missing)}."
    if no_weight:
        return None, f"{period.label_vi}: thiếu {weight_name} của {', '.join(no_weight)}."
    if den <= 0:
        return None, f"{period.label_vi}: tổng {weight_name} bằng 0, không tính được."
    return quantize(num / den, places), ""


def _weight(weights: Weights, code: str, period: Period) -> Decimal | None:
    w = weights.get(code)
    if w is None or isinstance(w, Decimal):
        return w
    return w.get(period)


def _split_note(preds: tuple[Predecessor, ...], method: Aggregation) -> str:
    split = ", ".join(p.label for p in preds if p.share is None)
    if method is Aggregation.SUM:
        return f"{split} chỉ nhập một phần, chưa biết tỷ lệ nên các kỳ đó không cộng được."
    return f"{split} chỉ nhập một phần: coi tỷ lệ của phần đó bằng tỷ lệ của cả đơn vị cũ."


def describe_value(value: Decimal | None) -> str:
    """For tables: the Vietnamese number, or "—" when unknown."""
    return "—" if value is None else format_number(value)
