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


# Sub-rows: parts of the row above them.


def _names(text: str) -> list[tuple[str, Decimal | None]]:
    return [(r.name, r.value) for r in extract(text).results]


def test_dash_rows_under_a_row_without_figures_are_named_like_a_shared_head_in_prose() -> None:
    table = (
        "Chỉ tiêu\tĐVT\tKế hoạch\tThực hiện\n"
        "Tỷ lệ huy động trẻ đến trường\t%\t\t\n"
        "- Nhà trẻ\t%\t28\t28,5\n"
        "- Mẫu giáo\t%\t90\t90,5"
    )
    prose = "Năm 2025, tỷ lệ huy động trẻ đến trường: nhà trẻ đạt 28,5%, mẫu giáo đạt 90,5%."
    got = _names(table)
    assert got == [
        ("Tỷ lệ huy động trẻ đến trường: nhà trẻ", Decimal("28.5")),
        ("Tỷ lệ huy động trẻ đến trường: mẫu giáo", Decimal("90.5")),
    ]
    # The sentence reader names the same enumeration the same way (but for the capital).
    assert [n.lower() for n, _ in got] == [t.name.lower() for t in extract(prose).targets]


def test_a_total_keeps_its_item_and_its_parts_take_its_name_unless_they_restate_its_measure() -> (
    None
):
    text = (
        "Nội dung | ĐVT | Dự toán 2025 | Thực hiện 2025\n"
        "Tổng thu ngân sách | tỷ đồng | 500 | 520\n"
        "Trong đó: thu nội địa | tỷ đồng | 300 | 310\n"
        "Sản lượng lương thực | tấn | 47.000 | 48.000\n"
        "+ Lúa | tấn | 44.000 | 45.000\n"
        "+ Ngô | tấn | 3.000 | 3.000"
    )
    assert _names(text) == [
        ("Tổng thu ngân sách", Decimal(520)),
        ("thu nội địa", Decimal(310)),  # opens with the total's measure "thu": names itself
        ("Sản lượng lương thực", Decimal(48000)),
        ("Sản lượng lương thực: lúa", Decimal(45000)),
        ("Sản lượng lương thực: ngô", Decimal(3000)),
    ]


def test_a_row_saying_only_trong_do_is_no_item_and_the_marked_rows_below_are_parts() -> None:
    text = (
        "Chỉ tiêu\tĐVT\tKH 2026\n"
        "Số trường đạt chuẩn quốc gia\ttrường\t40\n"
        "Trong đó:\t\t\n"
        "- Mầm non\ttrường\t12\n"
        "- Số trường tiểu học\ttrường\t15\n"
        "Tỷ lệ hộ nghèo\t%\t1,2"
    )
    got = [(t.name, t.value) for t in extract(text).targets]
    assert got == [
        ("Số trường đạt chuẩn quốc gia", Decimal(40)),
        ("Số trường đạt chuẩn quốc gia: mầm non", Decimal(12)),
        ("Số trường tiểu học", Decimal(15)),  # the parent's measure "số": names itself
        ("Tỷ lệ hộ nghèo", Decimal("1.2")),  # back at the top: no parent
    ]


def test_label_cells_under_stt_nest_rows_and_a_section_heading_is_no_parent() -> None:
    text = (
        "STT\tChỉ tiêu\tĐVT\tKế hoạch 2026\n"
        "I\tChỉ tiêu kinh tế\t\t\n"
        "1\tTốc độ tăng trưởng\t%\t8\n"
        "II\tVăn hóa - xã hội\t\t\n"
        "2\tTỷ lệ trường đạt chuẩn quốc gia\t%\t\n"
        "-\tMầm non\t%\t70\n"
        "\tTiểu học\t%\t85\n"
        "3\tTỷ lệ trẻ em suy dinh dưỡng\t%\t\n"
        "a\tThể nhẹ cân\t%\t5\n"
        "b\tThể thấp còi\t%\t9"
    )
    got = [(t.name, t.comparator, t.value) for t in extract(text).targets]
    assert got == [
        ("Tốc độ tăng trưởng", ">=", Decimal(8)),
        ("Tỷ lệ trường đạt chuẩn quốc gia: mầm non", ">=", Decimal(70)),
        ("Tỷ lệ trường đạt chuẩn quốc gia: tiểu học", ">=", Decimal(85)),
        # The parent's words tell that less is better.
        ("Tỷ lệ trẻ em suy dinh dưỡng: thể nhẹ cân", "<=", Decimal(5)),
        ("Tỷ lệ trẻ em suy dinh dưỡng: thể thấp còi", "<=", Decimal(9)),
    ]


def test_numbered_1_1_rows_are_parts_of_row_1() -> None:
    text = (
        "Chỉ tiêu  ĐVT  Ước TH 2025\n"
        "1. Diện tích gieo trồng cây hằng năm  ha  12.500\n"
        "1.1. Lúa  ha  8.200\n"
        "1.2. Rau màu  ha  2.100\n"
        "2. Tỷ lệ che phủ rừng  %  42"
    )
    assert _names(text) == [
        ("Diện tích gieo trồng cây hằng năm", Decimal(12500)),
        ("Diện tích gieo trồng cây hằng năm: lúa", Decimal(8200)),
        ("Diện tích gieo trồng cây hằng năm: rau màu", Decimal(2100)),
        ("Tỷ lệ che phủ rừng", Decimal(42)),
    ]


def test_rows_indented_under_a_row_are_its_parts() -> None:
    bars = (
        "| Chỉ tiêu | ĐVT | Thực hiện |\n"
        "| Tỷ lệ bao phủ bảo hiểm | | |\n"
        "|    Bảo hiểm y tế | % | 93,5 |\n"
        "|    Bảo hiểm xã hội | % | 41 |\n"
        "| Tỷ lệ hộ nghèo | % | 1,1 |"
    )
    spaces = (
        "Chỉ tiêu    ĐVT    Thực hiện\n"
        "Tỷ lệ bao phủ bảo hiểm    %    \n"
        "    Bảo hiểm y tế    %    93,5\n"
        "    Bảo hiểm xã hội    %    41\n"
        "Tỷ lệ hộ nghèo    %    1,1"
    )
    expected = [
        ("Tỷ lệ bao phủ bảo hiểm: bảo hiểm y tế", Decimal("93.5")),
        ("Tỷ lệ bao phủ bảo hiểm: bảo hiểm xã hội", Decimal(41)),
        ("Tỷ lệ hộ nghèo", Decimal("1.1")),
    ]
    assert _names(bars) == expected
    assert _names(spaces) == expected


def test_rows_without_marks_stay_apart() -> None:
    text = (
        "Chỉ tiêu\tĐVT\tThực hiện\n"
        "Tỷ lệ huy động trẻ đến trường\t%\t\n"
        "Nhà trẻ\t%\t28,5\n"
        "Thu ngân sách\ttỷ đồng\t520"
    )
    assert _names(text) == [("Nhà trẻ", Decimal("28.5")), ("Thu ngân sách", Decimal(520))]


# Headings on two lines.


def test_a_heading_on_two_lines_reads_each_years_plan_done_and_estimate() -> None:
    text = (
        "Chỉ tiêu | Đơn vị | Năm 2025 | Năm 2026\n"
        "| | Kế hoạch | Thực hiện | Kế hoạch | Ước TH\n"
        "Thu ngân sách | tỷ đồng | 120 | 135 | 140 | 138\n"
        "Tỷ lệ hộ nghèo | % | 2 | 1,8 | 1,5 | 1,4"
    )
    ex = extract(text)
    # 2026 has an estimate: its plan is quoted beside it, not a target; the last done column
    # (2026, estimated) gives the results.
    assert ex.targets == []
    assert [(r.name, r.value, r.unit, r.estimated) for r in ex.results] == [
        ("Thu ngân sách", Decimal(138), "tỷ đồng", True),
        ("Tỷ lệ hộ nghèo", Decimal("1.4"), "%", True),
    ]


def test_a_next_year_plan_under_a_two_line_heading_is_a_target() -> None:
    tabs = (
        "Chỉ tiêu\tĐVT\tNăm 2025\t\tNăm 2026\n"
        "\t\tKế hoạch\tƯớc TH\tKế hoạch\n"
        "Thu ngân sách\ttỷ đồng\t120\t135\t140\n"
        "Tỷ lệ hộ nghèo\t%\t2\t1,8\t1,5"
    )
    spaces = (
        "Chỉ tiêu          ĐVT        Năm 2025                 Năm 2026\n"
        "                             Kế hoạch    Ước TH       Kế hoạch\n"
        "Thu ngân sách     tỷ đồng    120         135          140\n"
        "Tỷ lệ hộ nghèo    %          2           1,8          1,5"
    )
    for text in (tabs, spaces):
        ex = extract(text)
        assert [(r.name, r.value, r.estimated) for r in ex.results] == [
            ("Thu ngân sách", Decimal(135), True),
            ("Tỷ lệ hộ nghèo", Decimal("1.8"), True),
        ], text
        assert [(t.name, t.comparator, t.value, t.unit) for t in ex.targets] == [
            ("Thu ngân sách", ">=", Decimal(140), "tỷ đồng"),
            ("Tỷ lệ hộ nghèo", "<=", Decimal("1.5"), "%"),
        ], text


def test_a_sub_heading_says_the_kind_and_its_group_the_ratio_basis() -> None:
    text = (
        "STT\tChỉ tiêu\tĐVT\tThực hiện 6 tháng\t\tSo sánh (%)\n"
        "\t\t\tKế hoạch năm\tƯớc TH\tKH\tCùng kỳ\n"
        "1\tThu ngân sách\ttỷ đồng\t500\t260\t52\t108"
    )
    ex = extract(text)
    assert ex.targets == []  # "Kế hoạch năm" is the year's plan, quoted
    (r,) = ex.results
    assert (r.value, r.unit, r.estimated, r.percent_of_target, r.change_percent) == (
        Decimal(260),
        "tỷ đồng",
        True,
        Decimal(52),
        Decimal(8),
    )


def test_a_second_line_that_does_not_fit_the_rows_leaves_the_one_line_heading() -> None:
    text = (
        "Chỉ tiêu\tĐVT\tKế hoạch\tThực hiện\n"
        "Tỷ lệ bao phủ bảo hiểm y tế\t%\t92\t93,5\n"
        "Tỷ lệ hộ nghèo\t%\t1,5\t1,1"
    )
    assert _names(text) == [
        ("Tỷ lệ bao phủ bảo hiểm y tế", Decimal("93.5")),
        ("Tỷ lệ hộ nghèo", Decimal("1.1")),
    ]


def test_a_parent_row_right_under_the_heading_is_not_a_second_heading_line() -> None:
    spaces = "Chỉ tiêu    ĐVT    KH    TH\nTỷ lệ nghèo    %\n- Thành thị    %    2    1,8"
    tabs = "Chỉ tiêu\tĐVT\tKH\tTH\nTỷ lệ hộ nghèo\t%\t\t\n- Thành thị\t%\t2\t1,8"
    assert [(r.name, r.value, r.unit) for r in extract(spaces).results] == [
        ("Tỷ lệ nghèo: thành thị", Decimal("1.8"), "%")
    ]
    assert [(r.name, r.value, r.unit) for r in extract(tabs).results] == [
        ("Tỷ lệ hộ nghèo: thành thị", Decimal("1.8"), "%")
    ]


def test_a_stray_space_before_a_name_is_no_indentation() -> None:
    text = "| Chỉ tiêu | ĐVT | Thực hiện |\n| Thu ngân sách | tỷ đồng | 520 |\n|  Tỷ lệ hộ nghèo | % | 1,1 |"
    assert _names(text) == [("Thu ngân sách", Decimal(520)), ("Tỷ lệ hộ nghèo", Decimal("1.1"))]


def test_a_roman_numbered_row_is_a_section_without_figures_and_a_parent_with_them() -> None:
    text = (
        "STT\tChỉ tiêu\tĐVT\tKH 2026\n"
        "I\tNông nghiệp\t\t\n"
        "\tGiá trị sản xuất\ttỷ đồng\t900\n"
        "II\tTốc độ tăng trưởng\t%\t8\n"
        "1\tNông nghiệp\t%\t3"
    )
    assert [(t.name, t.value) for t in extract(text).targets] == [
        ("Giá trị sản xuất", Decimal(900)),
        ("Tốc độ tăng trưởng", Decimal(8)),
        ("Tốc độ tăng trưởng: nông nghiệp", Decimal(3)),
    ]


def test_a_row_opening_with_a_section_word_is_no_parent() -> None:
    text = (
        "Chỉ tiêu\tĐVT\tKH 2026\n"
        "Lĩnh vực y tế\t\t\n"
        "- Số bác sĩ/vạn dân\tbác sĩ\t10\n"
        "- Tỷ lệ xã đạt tiêu chí quốc gia về y tế\t%\t100"
    )
    assert [t.name for t in extract(text).targets] == [
        "Số bác sĩ/vạn dân",
        "Tỷ lệ xã đạt tiêu chí quốc gia về y tế",
    ]


def test_groups_of_unequal_size_split_where_a_kind_repeats() -> None:
    text = (
        "Chỉ tiêu\tĐVT\tNăm 2025\tNăm 2026\n"
        "\t\tKế hoạch\tThực hiện\tTỷ lệ (%)\tKế hoạch\n"
        "Thu ngân sách\ttỷ đồng\t120\t135\t112,5\t140"
    )
    ex = extract(text)
    (r,) = ex.results
    # "Tỷ lệ (%)" under "Năm 2025" is of the plan: the year is no "same period".
    assert (r.value, r.percent_of_target, r.change_percent) == (
        Decimal(135),
        Decimal("112.5"),
        None,
    )
    assert [(t.name, t.value) for t in ex.targets] == [("Thu ngân sách", Decimal(140))]
