"""evaluate / evaluate_many and the columnar bulk evaluator. The rule-by-rule examples live in
docs/evaluation.md (tests/test_evaluation_doc.py); here: reasons, notes, exactness, and the
bulk path giving the same statuses as the per-object one."""

from __future__ import annotations

import random
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chitieu.evaluate import ABOUT_TOLERANCE, evaluate, evaluate_many
from chitieu.evaluate.bulk import (
    LIMIT,
    SCALE,
    STATUSES,
    Columns,
    evaluate_bulk,
    evaluate_columns,
)
from chitieu.model import Comparator, Direction, Kind, Result, Status, Target

D = Decimal

POVERTY = Target(
    "tỷ lệ hộ nghèo",
    comparator=Comparator.AT_MOST,
    value=D("0.63"),
    unit="%",
    direction=Direction.LOWER,
)
CRIME = Target(
    "số vụ tội phạm về trật tự xã hội",
    kind=Kind.CHANGE,
    comparator=Comparator.AT_MOST,
    value=D(-5),
    unit="%",
    basis="năm 2023",
    direction=Direction.LOWER,
)
PRODUCTION = Target("tổng giá trị sản xuất", value=D(9484), unit="tỷ đồng")


def test_it_is_pending_and_says_so_when_nothing_is_reported() -> None:
    evaluation = evaluate(PRODUCTION, None)
    assert evaluation.status is Status.PENDING
    assert evaluation.reason == "Chưa có kết quả thực hiện."
    assert evaluation.percent_of_target is None
    assert not evaluation.estimated


def test_its_reason_quotes_result_and_target_the_vietnamese_way() -> None:
    evaluation = evaluate(POVERTY, Result(value=D("0.69")))
    assert evaluation.status is Status.NOT_ACHIEVED
    assert evaluation.reason == "Thực hiện 0,69%; chỉ tiêu không quá 0,63%: không đạt."

    evaluation = evaluate(PRODUCTION, Result(value=D("9501.5")))
    assert (
        evaluation.reason == "Thực hiện 9.501,5 tỷ đồng; chỉ tiêu từ 9.484 tỷ đồng trở lên: vượt."
    )


def test_a_change_target_reads_as_rise_or_fall_against_its_basis() -> None:
    evaluation = evaluate(CRIME, Result(change_percent=D("7.4")))
    assert evaluation.status is Status.NOT_ACHIEVED
    assert evaluation.reason == (
        "Thực hiện tăng 7,4% so với năm 2023; chỉ tiêu giảm ít nhất 5% so với năm 2023: không đạt."
    )


def test_an_estimate_is_evaluated_like_an_official_figure_and_stays_marked() -> None:
    official = evaluate(POVERTY, Result(value=D("0.5")))
    estimate = evaluate(POVERTY, Result(value=D("0.5"), estimated=True))
    assert estimate.status is official.status is Status.EXCEEDED
    assert estimate.percent_of_target == official.percent_of_target == D("126.00")
    assert estimate.estimated and not official.estimated
    assert estimate.reason.endswith("Số liệu là số ước thực hiện.")


def test_it_notes_when_the_report_declares_another_status_than_the_numbers() -> None:
    evaluation = evaluate(PRODUCTION, Result(value=D(9000), declared_status=Status.EXCEEDED))
    assert evaluation.status is Status.NOT_ACHIEVED
    assert evaluation.notes == ("Báo cáo ghi “Vượt” nhưng số liệu cho kết quả khác.",)
    agreeing = evaluate(PRODUCTION, Result(value=D(9500), declared_status=Status.EXCEEDED))
    assert agreeing.notes == ()


def test_a_change_computed_from_the_baseline_is_compared_exactly() -> None:
    # 3 -> 4 is +33,333…%: above a target of 33,3333% however it would be rounded for display.
    target = Target("x", kind=Kind.CHANGE, value=D("33.3333"), unit="%")
    evaluation = evaluate(target, Result(value=D(4), previous_value=D(3)))
    assert evaluation.status is Status.EXCEEDED
    assert evaluation.change_percent == D("33.33")
    exactly = evaluate(target, Result(value=D("4.000000"), previous_value=D("3.000000")))
    assert exactly.status is Status.EXCEEDED
    # Against a negative baseline the change is measured on its size: -2 -> -3 is -50%.
    halved = Target("x", kind=Kind.CHANGE, value=D(-50), unit="%")
    assert evaluate(halved, Result(value=D(-3), previous_value=D(-2))).status is Status.ACHIEVED


def test_a_level_target_also_reports_the_change_it_can_compute() -> None:
    evaluation = evaluate(PRODUCTION, Result(value=D(9500), previous_value=D(8800)))
    assert evaluation.change_percent == D("7.95")
    stated = evaluate(PRODUCTION, Result(value=D(9500), change_percent=D("8.1")))
    assert stated.change_percent == D("8.1")


def test_the_about_tolerance_is_five_percent_both_ends_included() -> None:
    assert D(ABOUT_TOLERANCE.numerator) / ABOUT_TOLERANCE.denominator == D("0.05")
    target = Target("x", comparator=Comparator.ABOUT, value=D(-40), direction=Direction.HIGHER)
    statuses = [
        evaluate(target, Result(value=D(v))).status for v in ("-42", "-38", "-42.01", "-37.99")
    ]
    assert statuses == [Status.ACHIEVED, Status.ACHIEVED, Status.NOT_ACHIEVED, Status.EXCEEDED]


def test_evaluate_many_keeps_the_order_of_its_pairs() -> None:
    pairs: list[tuple[Target, Result | None]] = [
        (POVERTY, Result(value=D("0.7"))),
        (PRODUCTION, None),
        (POVERTY, Result(value=D("0.1"))),
    ]
    assert [e.status for e in evaluate_many(pairs)] == [
        Status.NOT_ACHIEVED,
        Status.PENDING,
        Status.EXCEEDED,
    ]
    assert [e.result for e in evaluate_many(pairs)] == [r for _, r in pairs]


# --- the bulk evaluator -------------------------------------------------------------------

# Values chosen so that results often fall exactly on targets and on the "khoảng" band edges
# (57 and 63 around 60, 19 and 21 around 20), plus ones the columns cannot hold exactly.
GRID = [
    D(x)
    for x in (
        "-10", "-5", "-0.5", "0", "0.63", "1", "5", "6.5", "7", "9.5", "10", "19", "20", "21",
        "57", "60", "63", "95", "100", "105", "110", "0.123456", "123456789012345678",
    )
]  # fmt: skip


def _random_pair(rng: random.Random) -> tuple[Target, Result | None]:
    def number() -> Decimal:
        return rng.choice(GRID) if rng.random() < 0.8 else D(rng.randint(-20_000, 20_000)) / 100

    def maybe() -> Decimal | None:
        return number() if rng.random() < 0.5 else None

    comparator = rng.choice(list(Comparator))
    value: Decimal | None = number()
    value_max = None
    if comparator is Comparator.RANGE:
        low, high = sorted([number(), number()])
        value, value_max = low, high
    elif rng.random() < 0.08:
        value = None  # qualitative
    target = Target(
        "x",
        kind=rng.choice(list(Kind)),
        comparator=comparator,
        value=value,
        value_max=value_max,
        direction=rng.choice(list(Direction)),
    )
    if rng.random() < 0.08:
        return target, None
    result = Result(
        value=maybe(),
        change_percent=maybe(),
        previous_value=maybe(),
        percent_of_target=maybe(),
        declared_status=rng.choice([None, *Status]),
        estimated=rng.random() < 0.3,
    )
    return target, result


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_bulk_gives_the_same_status_as_evaluate_on_random_pairs(seed: int) -> None:
    rng = random.Random(seed)
    pairs = [_random_pair(rng) for _ in range(4000)]
    expected = [evaluate(t, r).status for t, r in pairs]
    assert evaluate_bulk(pairs) == expected
    # The comparison above must have exercised the vector path on edge cases, not only the
    # per-object fallback.
    columns = Columns.from_pairs(pairs)
    assert 0 < int(columns.fallback.sum()) < len(pairs) // 4
    vector_rows = [i for i in range(len(pairs)) if not columns.fallback[i]]
    statuses = {expected[i] for i in vector_rows}
    assert statuses == set(Status)


def test_bulk_matches_evaluate_exactly_on_and_around_every_bound() -> None:
    pairs: list[tuple[Target, Result | None]] = []
    for comparator in Comparator:
        for direction in Direction:
            for kind in Kind:
                low, high = (D("57"), D("63")) if comparator is Comparator.RANGE else (D(60), None)
                target = Target(
                    "x", kind=kind, comparator=comparator, value=low, value_max=high,
                    direction=direction,
                )  # fmt: skip
                for actual in ("56.9999", "57", "57.0001", "59.9999", "60", "60.0001", "62.9999",
                               "63", "63.0001"):  # fmt: skip
                    a = D(actual)
                    pairs.append((target, Result(value=a, change_percent=a)))
                    pairs.append((target, Result(value=a * 2, previous_value=a)))
                    pairs.append((target, Result(percent_of_target=a + 40)))
    expected = [evaluate(t, r).status for t, r in pairs]
    assert evaluate_bulk(pairs) == expected
    assert not Columns.from_pairs(pairs).fallback.any()


def test_bulk_leaves_rows_it_cannot_hold_exactly_to_evaluate() -> None:
    pairs: list[tuple[Target, Result | None]] = [
        (PRODUCTION, Result(value=D("9484.00005"))),  # five decimals
        (PRODUCTION, Result(value=D("1e40"))),  # too large for int64
        (
            Target("x", kind=Kind.CHANGE, value=D(7)),
            Result(value=D(10) ** 12, previous_value=D(10) ** 12 - 1),  # products too large
        ),
        (PRODUCTION, Result(value=D(9484))),
    ]
    columns = Columns.from_pairs(pairs)
    assert columns.fallback.tolist() == [True, True, True, False]
    assert [i for i, _, _ in columns.fallback_pairs] == [0, 1, 2]
    codes = evaluate_columns(columns)
    assert [STATUSES[c] for c in codes.tolist()] == [
        Status.EXCEEDED,
        Status.EXCEEDED,
        Status.NOT_ACHIEVED,
        Status.ACHIEVED,
    ]


def _columns(n: int, **overrides: np.ndarray) -> Columns:
    zeros = np.zeros(n, np.int64)
    flags = np.zeros(n, np.bool_)
    fields: dict[str, np.ndarray] = {
        "kind": np.zeros(n, np.int8),
        "comparator": np.zeros(n, np.int8),
        "direction": np.zeros(n, np.int8),
        "qualitative": flags,
        "target_value": zeros,
        "target_value_max": zeros,
        "has_result": np.ones(n, np.bool_),
        "value": zeros,
        "has_value": np.ones(n, np.bool_),
        "change": zeros,
        "has_change": flags,
        "previous": zeros,
        "has_previous": flags,
        "percent": zeros,
        "has_percent": flags,
        "declared": np.full(n, -1, np.int8),
        "fallback": flags,
    }
    fields.update(overrides)
    return Columns(**fields)  # type: ignore[arg-type]


def test_columns_built_directly_are_evaluated_and_checked() -> None:
    target = np.array([100, 100, 100], np.int64) * SCALE
    value = np.array([99, 100, 101], np.int64) * SCALE
    codes = evaluate_columns(_columns(3, target_value=target, value=value))
    assert [STATUSES[c] for c in codes.tolist()] == [
        Status.NOT_ACHIEVED,
        Status.ACHIEVED,
        Status.EXCEEDED,
    ]
    with pytest.raises(ValueError, match="vượt giới hạn"):
        evaluate_columns(_columns(1, value=np.array([LIMIT], np.int64)))
    about = np.array([3], np.int8)  # "~": its band needs a multiple of the divisor
    with pytest.raises(ValueError, match="bội số"):
        evaluate_columns(_columns(1, comparator=about, target_value=np.array([SCALE + 1])))
    with pytest.raises(ValueError, match="cột value"):
        _columns(2, value=np.zeros(3, np.int64))
    assert evaluate_columns(_columns(0)).tolist() == []


# Numbers with at most four decimals (what the columns hold exactly), and results built from
# the target so that they land on it, on the "khoảng" band edges, or one step beside them.
_amounts = st.integers(-(10**8), 10**8).map(lambda n: Decimal(n).scaleb(-4))
_steps = st.sampled_from([Decimal(0), Decimal("0.0001"), Decimal("-0.0001")])
_scales = st.sampled_from([Decimal(1), Decimal("0.95"), Decimal("1.05"), Decimal(2)])


@st.composite
def _near_pairs(draw: st.DrawFn) -> tuple[Target, Result]:
    comparator = draw(st.sampled_from(list(Comparator)))
    value = draw(_amounts)
    value_max = None
    if comparator is Comparator.RANGE:
        value, value_max = sorted([value, draw(_amounts)])
    target = Target(
        "x",
        kind=draw(st.sampled_from(list(Kind))),
        comparator=comparator,
        value=value,
        value_max=value_max,
        direction=draw(st.sampled_from(list(Direction))),
    )
    anchor = draw(st.sampled_from([value, value_max or value]))
    actual = (anchor * draw(_scales)).quantize(Decimal("0.0001")) + draw(_steps)
    previous = draw(st.one_of(st.none(), _amounts))
    result = Result(
        value=draw(st.sampled_from([actual, None])),
        change_percent=draw(st.sampled_from([actual, None])),
        previous_value=previous,
        percent_of_target=draw(st.one_of(st.none(), _amounts.map(lambda x: 100 + x % 10))),
        declared_status=draw(st.one_of(st.none(), st.sampled_from(list(Status)))),
    )
    return target, result


@settings(max_examples=300, deadline=None)
@given(st.lists(_near_pairs(), min_size=1, max_size=20))
def test_bulk_agrees_with_evaluate_on_generated_edge_cases(
    pairs: list[tuple[Target, Result]],
) -> None:
    typed: list[tuple[Target, Result | None]] = list(pairs)
    assert evaluate_bulk(typed) == [evaluate(t, r).status for t, r in typed]


def test_it_notes_a_stated_percent_far_from_the_computed_one() -> None:
    close = evaluate(PRODUCTION, Result(value=D(9500), percent_of_target=D("100.2")))
    assert close.notes == ()
    far = evaluate(PRODUCTION, Result(value=D(9500), percent_of_target=D(148)))
    assert far.percent_of_target == D("100.17")
    assert far.notes == ("Báo cáo nêu đạt 148% so với chỉ tiêu; tính từ số liệu được 100,17%.",)


def test_it_notes_a_result_in_another_unit_without_changing_the_verdict() -> None:
    same = evaluate(PRODUCTION, Result(value=D(9500), unit=" Tỷ  đồng"))
    assert same.notes == ()
    other = evaluate(PRODUCTION, Result(value=D(9500), unit="triệu đồng"))
    assert other.status is same.status is Status.EXCEEDED
    assert other.notes == (
        "Đơn vị của kết quả (triệu đồng) khác đơn vị của chỉ tiêu (tỷ đồng); cần kiểm tra.",
    )
