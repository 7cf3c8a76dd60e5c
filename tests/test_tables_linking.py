"""Linking results to targets by code, for one period, and the checks that need both files."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from chitieu.model import Period
from chitieu.tables import InputErrors, load_pairs
from chitieu.tables.linking import covers, unit_key
from tables_files import RESULTS, TARGETS, write_csv


def test_it_pairs_each_target_with_its_result_by_code(tmp_path: Path) -> None:
    linked = load_pairs(
        write_csv(tmp_path / "t.csv", TARGETS), write_csv(tmp_path / "r.csv", RESULTS)
    )
    assert linked.period == Period.year_of(2024)
    pairs = {t.code: r for t, r in linked.pairs}
    assert list(pairs) == ["KT01", "KT02", "VH01", "VH02"]
    assert pairs["KT01"] is not None and pairs["KT01"].value == Decimal(9500)
    assert pairs["VH02"] is None  # no result yet


def test_it_takes_last_years_row_as_the_previous_value(tmp_path: Path) -> None:
    results = [["Mã", "Kỳ", "Thực hiện"], ["KT01", "2023", "9.000"], ["KT01", "2024", "9.450"]]
    linked = load_pairs(
        write_csv(tmp_path / "t.csv", TARGETS[:2]), write_csv(tmp_path / "r.csv", results)
    )
    ((_, result),) = linked.pairs
    assert result is not None
    assert (result.value, result.previous_value, result.unit) == (
        Decimal(9450),
        Decimal(9000),
        "tỷ đồng",
    )


def test_it_chooses_the_later_of_two_consecutive_result_periods(tmp_path: Path) -> None:
    targets = [["Mã", "Chỉ tiêu", "Giá trị"], ["KT01", "Tổng thu", "186"]]  # no "Kỳ"
    results = [["Mã", "Kỳ", "Thực hiện"], ["KT01", "2024", "190"], ["KT01", "2023", "170"]]
    linked = load_pairs(
        write_csv(tmp_path / "t.csv", targets), write_csv(tmp_path / "r.csv", results)
    )
    assert linked.period == Period.year_of(2024)
    ((_, result),) = linked.pairs
    assert result is not None and (result.value, result.previous_value) == (190, 170)


def test_it_asks_for_a_period_when_the_results_hold_several(tmp_path: Path) -> None:
    targets = [["Mã", "Chỉ tiêu", "Giá trị"], ["KT01", "Tổng thu", "186"]]
    results = [["Mã", "Kỳ", "Thực hiện"], ["KT01", "2022", "150"], ["KT01", "2024", "190"]]
    t, r = write_csv(tmp_path / "t.csv", targets), write_csv(tmp_path / "r.csv", results)
    with pytest.raises(InputErrors) as caught:
        load_pairs(t, r)
    assert caught.value.codes == ["ambiguous_period"]
    assert "--period" in caught.value.errors[0].message
    ((_, result),) = load_pairs(t, r, Period.year_of(2022)).pairs
    assert result is not None and result.value == 150


def test_it_leaves_out_targets_of_other_periods(tmp_path: Path) -> None:
    targets = [
        ["Mã", "Chỉ tiêu", "Giá trị", "Kỳ"],
        ["A24", "Thu 2024", "186", "2024"],
        ["A25", "Thu 2025", "200", "2025"],
    ]
    results = [["Mã", "Kỳ", "Thực hiện"], ["A24", "2024", "190"], ["A25", "2025", "210"]]
    linked = load_pairs(
        write_csv(tmp_path / "t.csv", targets),
        write_csv(tmp_path / "r.csv", results),
        Period.year_of(2025),
    )
    assert [t.code for t, _ in linked.pairs] == ["A25"]


def test_a_year_covers_its_parts_and_a_term_its_years() -> None:
    year = Period.year_of(2024)
    assert covers(year, Period.parse("2024-6M")) and covers(year, Period.parse("2024-Q3"))
    assert not covers(year, Period.year_of(2023))
    term = Period.term(2020, 2025)
    assert covers(term, year) and not covers(term, Period.year_of(2026))
    assert not covers(Period.parse("2024-H1"), year)


def test_units_compare_without_case_or_spacing() -> None:
    assert unit_key("Tỷ đồng") == unit_key(" tỷ  đồng ")
    assert unit_key("%/ năm") == unit_key("%/năm")
    assert unit_key("%") != unit_key("tỷ đồng")


def test_a_change_targets_result_may_be_in_the_indicators_own_unit(tmp_path: Path) -> None:
    targets = [
        ["Mã", "Chỉ tiêu", "Loại", "So sánh", "Giá trị", "ĐVT"],
        ["QP01", "Số vụ tội phạm", "tăng giảm", "<=", "-5", "%"],
    ]
    results = [["Mã", "Thực hiện", "ĐVT", "Cùng kỳ năm trước"], ["QP01", "112", "vụ", "120"]]
    ((_, result),) = load_pairs(
        write_csv(tmp_path / "t.csv", targets), write_csv(tmp_path / "r.csv", results)
    ).pairs
    assert result is not None and result.unit == "vụ" and result.previous_value == 120


def test_it_asks_for_the_period_when_no_result_is_for_the_period_evaluated(tmp_path: Path) -> None:
    # Annual targets, 6-month results: silently "chưa đánh giá" for all would mislead.
    results = [["Mã", "Kỳ", "Thực hiện", "ĐVT"], ["KT01", "2024-6M", "4.700", "tỷ đồng"]]
    t, r = write_csv(tmp_path / "t.csv", TARGETS), write_csv(tmp_path / "r.csv", results)
    with pytest.raises(InputErrors) as caught:
        load_pairs(t, r)
    (error,) = caught.value.errors
    assert (error.code, error.file, error.column) == ("period_mismatch", str(r), "Kỳ")
    assert "2024-6M" in error.message and "--period" in error.message
    linked = load_pairs(t, r, Period.parse("2024-6M"))
    assert dict((t.code, res) for t, res in linked.pairs)["KT01"] is not None
