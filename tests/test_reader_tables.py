"""Tables pasted as text: what a heading row makes of the rows under it, and that hostile
cell soup stays linear."""

from __future__ import annotations

import time
from decimal import Decimal

from chitieu.text import extract


def test_a_done_column_gives_results_and_a_later_plan_column_gives_targets() -> None:
    text = (
        "Chỉ tiêu\tĐVT\tƯớc TH 2026\tKH 2027\n"
        "Thu ngân sách\ttỷ đồng\t48,5\t55\n"
        "Tỷ lệ hộ nghèo\t%\t1,1\tdưới 0,8"
    )
    ex = extract(text)
    assert [(r.name, r.value, r.unit, r.estimated) for r in ex.results] == [
        ("Thu ngân sách", Decimal("48.5"), "tỷ đồng", True),
        ("Tỷ lệ hộ nghèo", Decimal("1.1"), "%", True),
    ]
    assert [(t.name, t.comparator, t.value) for t in ex.targets] == [
        ("Thu ngân sách", ">=", Decimal(55)),
        ("Tỷ lệ hộ nghèo", "<=", Decimal("0.8")),
    ]


def test_a_plan_quoted_beside_results_for_the_same_year_is_not_a_target() -> None:
    text = (
        "Nội dung | ĐVT | Kế hoạch 2025 | Thực hiện 2025 | So KH (%)\n"
        "Kết nạp đảng viên | đảng viên | 40 | 46 | 115"
    )
    ex = extract(text)
    assert ex.targets == []
    (r,) = ex.results
    assert (r.value, r.percent_of_target) == (Decimal(46), Decimal(115))


def test_a_same_period_ratio_column_is_a_change() -> None:
    text = "Chỉ tiêu  ĐVT  Thực hiện  So với cùng kỳ (%)\nDoanh thu du lịch  tỷ đồng  320  112,5"
    (r,) = extract(text).results
    assert (r.value, r.change_percent) == (Decimal(320), Decimal("12.5"))


def test_rows_that_do_not_match_the_heading_are_left_to_the_sentence_rules() -> None:
    text = "Chỉ tiêu\tĐVT\tKế hoạch\tThực hiện\nGhi chú: số liệu ước đến 30/11."
    ex = extract(text)
    assert ex.targets == [] and ex.results == []


def test_cell_soup_is_read_in_linear_time() -> None:
    for text in ("|" * 400_000, "\n".join(["| a | b |"] * 40_000), "  ".join(["x"] * 150_000)):
        started = time.process_time()
        extract(text)
        assert time.process_time() - started < 5, text[:20]
