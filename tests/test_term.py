"""Term targets beyond the worked examples: inputs, errors, wording."""

from __future__ import annotations

from decimal import Decimal

import pytest

from chitieu.model import Direction, Period
from chitieu.term import (
    TermError,
    TermKind,
    TermStatus,
    TermTarget,
    assess_term,
    count_statuses,
    growth_rates,
    term_sentence,
)

D = Decimal


def jobs() -> TermTarget:
    return TermTarget("Giải quyết việc làm", TermKind.TOTAL, 2020, 2025, D(5000), unit="lao động")


def test_it_builds_a_term_target_from_a_term_period() -> None:
    target = TermTarget.for_term(
        Period.parse("2020-2025"), "Tỷ lệ hộ nghèo", TermKind.END_LEVEL, D(1),
        direction=Direction.LOWER, baseline=D(3),
    )  # fmt: skip
    assert (target.start_year, target.end_year, target.years) == (2020, 2025, 5)
    assert target.direction is Direction.LOWER


def test_it_refuses_a_year_period_as_a_term() -> None:
    with pytest.raises(TermError, match="không phải là một nhiệm kỳ"):
        TermTarget.for_term(Period.parse("2025"), "x", TermKind.TOTAL, D(1))


def test_it_refuses_a_term_that_ends_before_it_starts() -> None:
    with pytest.raises(TermError, match="năm cuối"):
        TermTarget("x", TermKind.TOTAL, 2025, 2020, D(1))


def test_it_refuses_a_neutral_total() -> None:
    with pytest.raises(TermError, match="chiều"):
        TermTarget("x", TermKind.TOTAL, 2020, 2025, D(1), direction=Direction.NEUTRAL)


def test_a_total_with_a_missing_middle_year_is_an_error_naming_the_year() -> None:
    with pytest.raises(TermError, match="thiếu số liệu năm 2022"):
        assess_term(jobs(), {2021: D(1000), 2023: D(1000)})


def test_a_level_target_needs_only_the_latest_year() -> None:
    poverty = TermTarget(
        "Tỷ lệ hộ nghèo", TermKind.END_LEVEL, 2020, 2025, D(1), Direction.LOWER, D(3), "%"
    )
    got = assess_term(poverty, {2023: D("1.8")})
    assert got.status is TermStatus.ON_TRACK
    assert (got.latest_year, got.years_elapsed, got.years_remaining) == (2023, 3, 2)


def test_years_outside_the_term_are_ignored() -> None:
    got = assess_term(jobs(), {2019: D(99999), 2021: D(1000), 2022: D(1000), 2026: D(5)})
    assert got.achieved == D(2000)
    assert got.status is TermStatus.ON_TRACK


def test_the_reason_says_the_paces_in_vietnamese() -> None:
    got = assess_term(jobs(), {2021: D(900), 2022: D(950)})
    assert got.status is TermStatus.AT_RISK
    assert got.status.label_vi == "có nguy cơ"
    assert "925 lao động/năm" in got.reason
    assert "1.050 lao động/năm" in got.reason
    assert "phải tăng tốc" in got.reason


def test_a_lower_is_better_level_says_giam() -> None:
    poverty = TermTarget(
        "Tỷ lệ hộ nghèo", TermKind.END_LEVEL, 2020, 2025, D(1), Direction.LOWER, D(3), "%"
    )
    got = assess_term(poverty, {2022: D("2.3")})
    assert "giảm 0,35%/năm" in got.reason


def test_expected_progress_is_the_share_a_steady_pace_would_have_covered() -> None:
    got = assess_term(jobs(), {2021: D(700), 2022: D(700)})
    assert got.expected_percent == D(40)
    assert got.progress_percent == D(28)
    assert got.status is TermStatus.OFF_TRACK


def test_growth_rates_are_computed_from_levels() -> None:
    rates = growth_rates(D(100), {2021: D(108), 2022: D("116.64")}, 2021)
    assert rates == {2021: D(8), 2022: D(8)}
    growth = TermTarget("GTSX", TermKind.AVERAGE_GROWTH, 2020, 2025, D(8))
    got = assess_term(growth, rates)
    assert got.status is TermStatus.ON_TRACK
    assert got.pace_percent == D(100)


def test_growth_rates_refuse_a_zero_previous_year() -> None:
    with pytest.raises(TermError, match="năm 2021"):
        growth_rates(D(0), {2021: D(5)}, 2021)


def test_a_growth_of_minus_100_percent_is_refused() -> None:
    growth = TermTarget("GTSX", TermKind.AVERAGE_GROWTH, 2020, 2025, D(8))
    with pytest.raises(TermError, match="−100%"):
        assess_term(growth, {2021: D(-100)})


def test_a_pace_just_under_the_threshold_is_off_track_and_at_it_at_risk() -> None:
    # A 4-year term for 900: after 400 in 2 years the pace is 200/year against 250 needed.
    target = TermTarget("x", TermKind.TOTAL, 2020, 2024, D(900))
    at = assess_term(target, {2021: D(200), 2022: D(200)})  # pace 200, need 250: 80%
    assert at.pace_percent == D(80)
    assert at.status is TermStatus.AT_RISK
    under = assess_term(target, {2021: D(200), 2022: D("199.99")})
    assert under.status is TermStatus.OFF_TRACK


def test_every_kind_and_status_has_a_vietnamese_label() -> None:
    assert TermKind.TOTAL.label_vi == "Tổng cả nhiệm kỳ"
    assert [s.label_vi for s in TermStatus] == [
        "đúng tiến độ",
        "có nguy cơ",
        "chậm tiến độ",
        "chưa đủ số liệu",
    ]


def test_a_cap_is_worded_as_an_allowance() -> None:
    accidents = TermTarget(
        "Tai nạn giao thông", TermKind.TOTAL, 2020, 2025, D(100), Direction.LOWER, unit="vụ"
    )
    far = assess_term(accidents, {2021: D(30), 2022: D(30)})
    assert far.reason == (
        "Đến năm 2022 bình quân 30 vụ/năm; 3 năm còn lại chỉ được tối đa 13,33 vụ/năm "
        "(bằng 44,44% mức đã dùng): khó giữ dưới mức trần."
    )
    ended = assess_term(accidents, {y: D(19) for y in range(2021, 2026)})
    assert ended.status is TermStatus.ON_TRACK
    assert "không vượt mức trần" in ended.reason


def test_a_set_of_term_targets_is_summed_up_in_one_sentence() -> None:
    growth = TermTarget("GTSX", TermKind.AVERAGE_GROWTH, 2020, 2025, D(8))
    assessments = [
        assess_term(jobs(), {2021: D(1000), 2022: D(1000)}),
        assess_term(jobs(), {2021: D(900), 2022: D(950)}),
        assess_term(growth, {2021: D(5), 2022: D(6)}),
        assess_term(growth, {2021: D(8), 2022: D(9)}),
    ]
    assert term_sentence(assessments, "Giữa nhiệm kỳ") == (
        "Giữa nhiệm kỳ: 2/4 chỉ tiêu nhiệm kỳ đúng tiến độ, 1 có nguy cơ, 1 chậm tiến độ."
    )
    assert count_statuses(assessments)[TermStatus.NOT_ASSESSED] == 0
    assert term_sentence([]) == "Đến nay: chưa có chỉ tiêu nhiệm kỳ nào."


def test_a_level_takes_the_baseline_years_figure_when_no_baseline_is_declared() -> None:
    rate = TermTarget("Trường đạt chuẩn", TermKind.END_LEVEL, 2020, 2025, D(90), unit="%")
    got = assess_term(rate, {2020: D(80), 2022: D("83.6")})
    assert got.per_year_achieved == D("1.8")  # (83,6 − 80) / 2 years, from the 2020 figure
    assert got.per_year_needed == D("2.13")  # (90 − 83,6) / 3
    assert got.status is TermStatus.AT_RISK  # 84,38% of the needed pace
