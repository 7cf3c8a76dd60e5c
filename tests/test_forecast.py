"""Year-end forecast beyond the worked examples: inputs, the sentence, edge cases."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chitieu.forecast import (
    Accumulation,
    ForecastError,
    ForecastMethod,
    Outlook,
    figures_by_year,
    forecast_from_results,
    forecast_year_end,
    months_of,
)
from chitieu.model import Comparator, Direction, Kind, Period, Result, Status, Target

D = Decimal

HISTORY = {
    2022: {6: D(400), 12: D(1000)},
    2023: {6: D(450), 12: D(1000)},
    2024: {6: D(500), 12: D(1000)},
}
REVENUE = Target("Thu ngân sách", value=D(1300), unit="tỷ đồng")


def test_the_sentence_says_the_forecast_its_interval_and_the_risk() -> None:
    got = forecast_year_end(2025, {6: D(540)}, HISTORY, Accumulation.FLOW, REVENUE)
    assert got.sentence_vi == (
        "Ước cả năm 1.200 tỷ đồng (khoảng 966 – 1.583), có nguy cơ không đạt chỉ tiêu."
    )
    assert got.at_risk
    assert got.status is Status.NOT_ACHIEVED
    assert got.evaluation is not None and got.evaluation.estimated


def test_a_safe_forecast_says_it_will_be_met() -> None:
    target = Target("Thu ngân sách", value=D(900), unit="tỷ đồng")
    got = forecast_year_end(2025, {6: D(540)}, HISTORY, Accumulation.FLOW, target)
    assert got.outlook is Outlook.LIKELY_MET
    assert not got.at_risk
    assert got.sentence_vi.endswith("dự báo đạt chỉ tiêu.")


def test_a_change_target_is_judged_against_last_years_total() -> None:
    target = Target("GTSX", kind=Kind.CHANGE, value=D(7), unit="%")
    got = forecast_year_end(2025, {6: D(540)}, HISTORY, Accumulation.FLOW, target)
    assert got.evaluation is not None
    assert got.evaluation.change_percent == D(20)  # 1.200 against 1.000
    assert "tăng 20% so với năm trước" in got.sentence_vi


def test_only_past_years_are_used() -> None:
    future = dict(HISTORY) | {2025: {6: D(1), 12: D(2)}, 2026: {6: D(1), 12: D(2)}}
    got = forecast_year_end(2025, {6: D(540)}, future, Accumulation.FLOW)
    assert got.history_years == 3
    assert got.value == D(1200)


def test_fewer_past_years_widen_the_interval() -> None:
    three = forecast_year_end(2025, {6: D(540)}, HISTORY, Accumulation.FLOW)
    more = dict(HISTORY) | {y: {6: D(400 + 50 * (y % 3)), 12: D(1000)} for y in range(2016, 2022)}
    nine = forecast_year_end(2025, {6: D(540)}, more, Accumulation.FLOW)
    assert three.method is nine.method is ForecastMethod.SEASONAL_SHARE
    assert (nine.high - nine.low) < (three.high - three.low)


def test_a_flow_never_forecasts_less_than_what_is_already_in() -> None:
    got = forecast_year_end(2025, {9: D(900)}, {2024: {9: D(990), 12: D(1000)}}, Accumulation.FLOW)
    assert got.low >= D(900)


def test_a_stock_is_not_divided_by_a_share() -> None:
    # A poverty rate of 1,2% at mid-year is not 2,4% at year-end.
    got = forecast_year_end(2025, {6: D("1.2")}, {}, Accumulation.STOCK)
    assert got.method is ForecastMethod.STOCK_LATEST
    assert got.value == D("1.2")


def test_a_month_after_december_or_no_figure_is_an_error() -> None:
    with pytest.raises(ForecastError, match="chưa có số liệu"):
        forecast_year_end(2025, {13: D(1)}, {}, Accumulation.FLOW)


def test_a_qualitative_target_gives_no_outlook() -> None:
    target = Target("Tuyển quân", value=None)
    got = forecast_year_end(2025, {6: D(5)}, {}, Accumulation.FLOW, target)
    assert got.outlook is Outlook.UNKNOWN
    assert not got.at_risk


def test_a_lower_is_better_stock_at_risk() -> None:
    target = Target(
        "Tỷ lệ hộ nghèo", comparator=Comparator.AT_MOST, value=D(1), unit="%",
        direction=Direction.LOWER,
    )  # fmt: skip
    got = forecast_year_end(2025, {3: D(2), 6: D("1.7")}, {}, Accumulation.STOCK, target)
    assert got.method is ForecastMethod.STOCK_TREND
    assert got.sentence_vi == "Ước cả năm 1,1% (khoảng 0,8 – 1,4), có nguy cơ không đạt chỉ tiêu."


@pytest.mark.parametrize(
    ("code", "months"),
    [("2025-6M", 6), ("2025-9M", 9), ("2025-H1", 6), ("2025-Q3", 9), ("2025-M04", 4), ("2025", 12)],
)
def test_months_of_a_period(code: str, months: int) -> None:
    assert months_of(Period.parse(code)) == months


def test_months_of_a_term_is_an_error() -> None:
    with pytest.raises(ForecastError):
        months_of(Period.parse("2020-2025"))


def test_figures_by_year_prefers_official_figures_over_estimates() -> None:
    results = [
        Result(period=Period.parse("2024-6M"), value=D(450)),
        Result(period=Period.parse("2024-6M"), value=D(470), estimated=True),
        Result(period=Period.parse("2024"), value=D(990), estimated=True),
        Result(period=Period.parse("2024"), value=D(1000)),
        Result(period=Period.parse("2020-2025"), value=D(5000)),
        Result(period=Period.parse("2025-9M"), value=None),
    ]
    assert figures_by_year(results) == {2024: {6: D(450), 12: D(1000)}}


def test_a_forecast_can_be_made_from_stored_results() -> None:
    results = [
        Result(period=Period.parse(f"{y}-6M"), value=D(v6)) for y, v6 in ((2023, 450), (2024, 500))
    ] + [
        Result(period=Period.parse(f"{y}"), value=D(1000)) for y in (2023, 2024)
    ] + [Result(period=Period.parse("2025-6M"), value=D(570), estimated=True)]  # fmt: skip
    got = forecast_from_results(2025, results, Accumulation.FLOW, REVENUE)
    assert got.method is ForecastMethod.SEASONAL_SHARE
    assert got.months == 6 and got.history_years == 2
    assert got.value == D(1200)  # 570 / 0,475


@settings(max_examples=200, deadline=None)
@given(
    months=st.integers(1, 11),
    value=st.decimals(min_value=1, max_value=10**6, places=2),
    shares=st.lists(st.decimals(min_value="0.01", max_value="0.99", places=3), max_size=6),
    stock=st.booleans(),
)
def test_the_forecast_lies_inside_its_interval(
    months: int, value: Decimal, shares: list[Decimal], stock: bool
) -> None:
    history = {2024 - i: {months: share * 1000, 12: D(1000)} for i, share in enumerate(shares)}
    kind = Accumulation.STOCK if stock else Accumulation.FLOW
    got = forecast_year_end(2025, {months: value}, history, kind)
    assert got.low <= got.value <= got.high
    if not stock:
        assert got.low >= value  # a positive flow never ends the year below what is in
