"""The domain objects: periods round-trip through their codes; targets refuse bad shapes."""

from __future__ import annotations

from decimal import Decimal

import pytest

from chitieu.model import (
    Comparator,
    Field,
    Period,
    PeriodError,
    PeriodKind,
    Result,
    Status,
    Target,
)

CODES_AND_LABELS = [
    ("2024", PeriodKind.YEAR, "năm 2024"),
    ("2024-H1", PeriodKind.HALF, "6 tháng đầu năm 2024"),
    ("2024-H2", PeriodKind.HALF, "6 tháng cuối năm 2024"),
    ("2024-Q3", PeriodKind.QUARTER, "quý III năm 2024"),
    ("2024-M07", PeriodKind.MONTH, "tháng 7 năm 2024"),
    ("2024-M12", PeriodKind.MONTH, "tháng 12 năm 2024"),
    ("2024-6M", PeriodKind.CUMULATIVE_6M, "6 tháng năm 2024"),
    ("2024-9M", PeriodKind.CUMULATIVE_9M, "9 tháng năm 2024"),
    ("2020-2025", PeriodKind.TERM, "nhiệm kỳ 2020 - 2025"),
]


@pytest.mark.parametrize(("code", "kind", "label"), CODES_AND_LABELS)
def test_a_period_round_trips_through_its_code(code: str, kind: PeriodKind, label: str) -> None:
    period = Period.parse(code)
    assert period.kind is kind
    assert period.code == code == str(period)
    assert Period.parse(period.code) == period
    assert period.label_vi == label


@pytest.mark.parametrize(
    ("written", "code"),
    [(" 2024-q3 ", "2024-Q3"), ("2020 – 2025", "2020-2025"), ("2024-h1", "2024-H1")],
)
def test_a_period_code_is_read_leniently_about_case_spaces_and_dashes(
    written: str, code: str
) -> None:
    assert Period.parse(written).code == code


@pytest.mark.parametrize(
    "code", ["2024-Q5", "2024-M13", "2024-M7", "2024-H3", "2025-2020", "24", "năm 2024", ""]
)
def test_it_rejects_a_period_code_it_cannot_read(code: str) -> None:
    with pytest.raises(PeriodError):
        Period.parse(code)


def test_a_period_checks_its_index_and_end_year() -> None:
    with pytest.raises(PeriodError):
        Period(PeriodKind.QUARTER, 2024)
    with pytest.raises(PeriodError):
        Period(PeriodKind.YEAR, 2024, index=1)
    with pytest.raises(PeriodError):
        Period(PeriodKind.YEAR, 2024, end_year=2025)


def test_the_same_period_last_year_and_the_previous_term() -> None:
    assert Period.parse("2024-Q3").same_period_last_year == Period.parse("2023-Q3")
    assert Period.parse("2024-9M").same_period_last_year.code == "2023-9M"
    assert Period.term(2020, 2025).same_period_last_year == Period.term(2015, 2020)


def test_periods_sort_by_kind_then_year() -> None:
    years = [Period.year_of(y) for y in (2025, 2023, 2024)]
    assert [p.year for p in sorted(years)] == [2023, 2024, 2025]


def test_a_range_target_needs_both_bounds_in_order() -> None:
    with pytest.raises(ValueError, match="cận dưới và cận trên"):
        Target("tăng trưởng", comparator=Comparator.RANGE, value=Decimal("6.5"))
    with pytest.raises(ValueError, match="cận dưới lớn hơn cận trên"):
        Target("x", comparator=Comparator.RANGE, value=Decimal(7), value_max=Decimal("6.5"))
    with pytest.raises(ValueError, match="value_max"):
        Target("x", value=Decimal(7), value_max=Decimal(8))
    ok = Target("x", comparator=Comparator.RANGE, value=Decimal("6.5"), value_max=Decimal(7))
    assert not ok.is_qualitative
    assert Target("công tác tuyển quân").is_qualitative


def test_labels_are_vietnamese() -> None:
    assert Status.NOT_ACHIEVED.label_vi == "Không đạt"
    assert Field.ECONOMY.label_vi == "Kinh tế"
    assert Result().declared_status is None
