"""Continuity across the 2025 reorganisation: a new commune's past from the old communes."""

from __future__ import annotations

from decimal import Decimal

import pytest

from chitieu.continuity import (
    Aggregation,
    ContinuityError,
    Predecessor,
    build_successor_series,
    describe_value,
    predecessors_from_pairs,
)
from chitieu.model import Period

D = Decimal
Y = Period.year_of
OLD = (
    Predecessor("101", "Xã An Bình"),
    Predecessor("102", "Xã An Phú"),
    Predecessor("103", "Thị trấn Hòa"),
)

JOBS = {
    "101": {Y(2022): D(120), Y(2023): D(130), Y(2024): D(140)},
    "102": {Y(2022): D(80), Y(2023): D(85), Y(2024): D(90)},
    "103": {Y(2022): D(200), Y(2023): D(210)},
}
POVERTY = {
    "101": {Y(2023): D("2.0"), Y(2024): D("1.5")},
    "102": {Y(2023): D("4.0"), Y(2024): D("3.0")},
    "103": {Y(2023): D("1.0"), Y(2024): D("0.5")},
}
HOUSEHOLDS = {"101": D(2000), "102": D(1000), "103": D(1000)}


def test_a_total_adds_the_old_units_and_a_missing_one_leaves_the_period_unknown() -> None:
    got = build_successor_series("2001", OLD, JOBS, Aggregation.SUM)
    assert got.values == {Y(2022): D(400), Y(2023): D(425), Y(2024): None}
    assert got.derived == {Y(2022), Y(2023), Y(2024)}
    assert got.notes == ("năm 2024: thiếu số liệu của Thị trấn Hòa.",)
    assert got.note_vi == (
        "Số liệu trước 7/2025 được tổng hợp từ các xã cũ: "
        "Xã An Bình, Xã An Phú, Thị trấn Hòa (cộng dồn)."
    )


def test_a_rate_is_weighted_by_the_given_weight() -> None:
    got = build_successor_series(
        "2001", OLD, POVERTY, Aggregation.WEIGHTED_MEAN, weights=HOUSEHOLDS, weight_name="số hộ"
    )
    # 2023: (2,0×2000 + 4,0×1000 + 1,0×1000) / 4000 = 2,25 — not the plain mean 2,33.
    assert got.values == {Y(2023): D("2.25"), Y(2024): D("1.63")}
    assert got.method is Aggregation.WEIGHTED_MEAN
    assert got.note_vi.endswith("(bình quân gia quyền theo số hộ).")


def test_a_weight_can_change_by_period() -> None:
    weights = {
        "101": {Y(2023): D(1), Y(2024): D(1)},
        "102": {Y(2023): D(1), Y(2024): D(3)},
        "103": D(0),
    }
    got = build_successor_series("2001", OLD, POVERTY, Aggregation.WEIGHTED_MEAN, weights=weights)
    assert got.values == {Y(2023): D("3.00"), Y(2024): D("2.63")}


def test_a_missing_weight_makes_the_period_unknown_with_a_note() -> None:
    weights = {"101": D(2000), "102": D(1000)}
    got = build_successor_series("2001", OLD, POVERTY, Aggregation.WEIGHTED_MEAN, weights=weights)
    assert got.values == {Y(2023): None, Y(2024): None}
    assert got.notes[0] == "năm 2023: thiếu dân số của Thị trấn Hòa."


def test_a_rate_without_weights_is_refused() -> None:
    with pytest.raises(ContinuityError, match="trọng số"):
        build_successor_series("2001", OLD, POVERTY, Aggregation.WEIGHTED_MEAN)


def test_the_new_units_own_figures_win() -> None:
    own = {Y(2024): D(500), Y(2025): D(520)}
    got = build_successor_series("2001", OLD, JOBS, Aggregation.SUM, own=own)
    assert got.values[Y(2024)] == D(500)
    assert got.values[Y(2025)] == D(520)
    assert got.derived == {Y(2022), Y(2023)}
    assert got.notes == ()


def test_pairs_give_predecessors_and_mark_a_split_unit() -> None:
    pairs = [("101", "2001"), ("102", "2001"), ("103", "2001"), ("103", "2002"), ("104", "2002")]
    preds = predecessors_from_pairs(pairs, names={"103": "Thị trấn Hòa"})
    assert [p.code for p in preds["2001"]] == ["101", "102", "103"]
    split = preds["2001"][2]
    assert split.share is None and split.name == "Thị trấn Hòa"
    assert preds["2001"][0].share == D(1)


def test_a_split_unit_of_unknown_share_cannot_be_added() -> None:
    preds = predecessors_from_pairs([("101", "2001"), ("103", "2001"), ("103", "2002")])
    got = build_successor_series("2001", preds["2001"], JOBS, Aggregation.SUM)
    assert got.values[Y(2022)] is None
    assert "chưa biết phần của 103" in got.notes[0]
    assert "chỉ nhập một phần" in got.note_vi


def test_a_split_unit_with_a_known_share_adds_its_part() -> None:
    preds = (Predecessor("101"), Predecessor("103", share=D("0.5")))
    got = build_successor_series("2001", preds, JOBS, Aggregation.SUM)
    assert got.values[Y(2022)] == D(220)


def test_a_split_unit_keeps_its_rate_in_a_weighted_mean() -> None:
    preds = (Predecessor("101"), Predecessor("103", share=None))
    got = build_successor_series(
        "2001", preds, POVERTY, Aggregation.WEIGHTED_MEAN, weights=HOUSEHOLDS
    )
    # (2,0×2000 + 1,0×1000) / 3000
    assert got.values[Y(2023)] == D("1.67")
    assert "coi tỷ lệ của phần đó bằng tỷ lệ của cả đơn vị cũ" in got.note_vi


@pytest.mark.parametrize("share", [D(0), D("1.5")])
def test_an_impossible_share_is_refused(share: Decimal) -> None:
    with pytest.raises(ContinuityError, match="tỷ lệ sáp nhập"):
        Predecessor("101", share=share)


def test_no_predecessor_is_an_error() -> None:
    with pytest.raises(ContinuityError, match="không có đơn vị cũ"):
        build_successor_series("2001", (), JOBS, Aggregation.SUM)


def test_unknown_values_show_as_a_dash() -> None:
    assert describe_value(None) == "—"
    assert describe_value(D("1234.5")) == "1.234,5"
