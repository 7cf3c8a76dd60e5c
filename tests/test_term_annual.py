"""The yearly target a term target implies, judged by the ordinary evaluator."""

from __future__ import annotations

from decimal import Decimal

import pytest

from chitieu.evaluate import evaluate
from chitieu.model import Comparator, Direction, Kind, Result, Status
from chitieu.term import TermError, TermKind, TermTarget, implied_annual_target

D = Decimal


def test_a_total_spreads_what_is_left_over_the_remaining_years() -> None:
    jobs = TermTarget("Việc làm", TermKind.TOTAL, 2020, 2025, D(5000), unit="lao động")
    got = implied_annual_target(jobs, {2021: D(900), 2022: D(950)}, 2023)
    assert (got.kind, got.comparator, got.value) == (Kind.LEVEL, Comparator.AT_LEAST, D(1050))
    assert got.period is not None and got.period.code == "2023"
    assert evaluate(got, Result(value=D(1100))).status is Status.EXCEEDED


def test_later_results_do_not_change_the_years_target() -> None:
    jobs = TermTarget("Việc làm", TermKind.TOTAL, 2020, 2025, D(5000))
    a = implied_annual_target(jobs, {2021: D(900), 2022: D(950)}, 2023)
    b = implied_annual_target(jobs, {2021: D(900), 2022: D(950), 2023: D(9999)}, 2023)
    assert a == b


def test_a_cap_becomes_an_at_most_target() -> None:
    accidents = TermTarget("Tai nạn", TermKind.TOTAL, 2020, 2025, D(100), Direction.LOWER)
    got = implied_annual_target(accidents, {2021: D(15), 2022: D(17)}, 2023)
    assert (got.comparator, got.value) == (Comparator.AT_MOST, D("22.67"))


def test_a_level_goes_on_a_straight_line_to_the_target() -> None:
    poverty = TermTarget(
        "Tỷ lệ hộ nghèo", TermKind.END_LEVEL, 2020, 2025, D(1), Direction.LOWER, D(3), "%"
    )
    got = implied_annual_target(poverty, {2023: D("1.8")}, 2024)
    assert (got.comparator, got.value) == (Comparator.AT_MOST, D("1.40"))
    first = implied_annual_target(poverty, {}, 2021)
    assert first.value == D("2.60")


def test_a_growth_becomes_a_change_target_of_the_remaining_average() -> None:
    growth = TermTarget("GTSX", TermKind.AVERAGE_GROWTH, 2020, 2025, D(8))
    got = implied_annual_target(growth, {2021: D(7), 2022: D("7.5")}, 2023)
    assert (got.kind, got.comparator, got.value) == (Kind.CHANGE, Comparator.AT_LEAST, D("8.50"))
    assert implied_annual_target(growth, {}, 2021).value == D(8)


def test_a_decline_becomes_an_at_most_change() -> None:
    decline = TermTarget("Tai nạn", TermKind.AVERAGE_GROWTH, 2020, 2025, D(-5), Direction.LOWER)
    got = implied_annual_target(decline, {2021: D(-6), 2022: D(-6)}, 2023)
    assert (got.comparator, got.value) == (Comparator.AT_MOST, D("-4.33"))


def test_a_year_outside_the_term_is_an_error() -> None:
    jobs = TermTarget("Việc làm", TermKind.TOTAL, 2020, 2025, D(5000))
    with pytest.raises(TermError, match="không thuộc nhiệm kỳ"):
        implied_annual_target(jobs, {}, 2020)
