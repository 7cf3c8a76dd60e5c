"""Names as the reader gives them to users: the indicator's words, without list labels, table
cells or the heading of the list they stand in. The golden cases match names on 60% of their
words, so a leftover label would pass there: these tests compare names exactly."""

from __future__ import annotations

from decimal import Decimal

import pytest

from chitieu.text import extract


def names(text: str) -> list[str]:
    ex = extract(text)
    return [t.name for t in ex.targets] + [r.name for r in ex.results]


@pytest.mark.parametrize("label", ["a)", "b.", "1.", "2)", "IV.", "-", "+", "•"])
def test_a_list_label_at_the_start_of_a_line_is_not_part_of_the_name(label: str) -> None:
    text = f"Các chỉ tiêu chủ yếu năm 2027:\n{label} Tỷ lệ hộ nghèo giảm còn 0,9%;"
    assert names(text) == ["Tỷ lệ hộ nghèo"]


def test_lettered_labels_do_not_hide_a_field_heading_before_a_colon() -> None:
    text = (
        "Chỉ tiêu chủ yếu năm 2027:\n"
        "c) Về văn hóa - xã hội: tỷ lệ lao động qua đào tạo đạt 72%;\n"
        "d) Về môi trường: tỷ lệ che phủ rừng đạt 45%."
    )
    assert names(text) == ["tỷ lệ lao động qua đào tạo", "tỷ lệ che phủ rừng"]


def test_a_heading_before_a_colon_is_not_a_group_name() -> None:
    text = (
        "Mục tiêu đến năm 2030: tổng thu ngân sách nhà nước đạt 8.500 tỷ đồng; "
        "kim ngạch xuất khẩu 1,2 tỷ USD."
    )
    assert names(text) == ["tổng thu ngân sách nhà nước", "kim ngạch xuất khẩu"]


def test_a_group_name_before_a_colon_is_kept_after_a_target_verb() -> None:
    text = "Năm 2027, phấn đấu tỷ lệ huy động trẻ đến trường: nhà trẻ đạt 35%, mẫu giáo đạt 95%."
    assert names(text) == [
        "tỷ lệ huy động trẻ đến trường: nhà trẻ",
        "tỷ lệ huy động trẻ đến trường: mẫu giáo",
    ]


@pytest.mark.parametrize("sep", ["\t", "  ", " | "])
def test_a_table_row_gives_the_name_cell_and_the_unit_cell(sep: str) -> None:
    text = f"Chỉ tiêu chủ yếu năm 2027\n1{sep}Tổng thu ngân sách{sep}tỷ đồng{sep}186"
    ex = extract(text)
    assert [(t.name, t.value, t.unit) for t in ex.targets] == [
        ("Tổng thu ngân sách", Decimal(186), "tỷ đồng")
    ]
    assert ex.results == []


def test_a_unit_cell_needs_a_name_cell_before_it() -> None:
    # A lone "tỷ đồng  186" is not a table row: the figure has no unit after it.
    assert extract("Năm 2027 tỷ đồng  186").targets == []


def test_a_leading_period_and_a_connective_are_not_part_of_the_name() -> None:
    text = (
        "Theo báo cáo, 9 tháng năm 2025 thu ngân sách đạt 156 tỷ đồng, đạt 78% dự toán.\n"
        "Tuy nhiên, chỉ tiêu giải ngân vốn đầu tư công chỉ đạt 76% kế hoạch."
    )
    assert names(text) == ["thu ngân sách", "giải ngân vốn đầu tư công"]


def test_an_age_in_a_name_stays() -> None:
    text = "Năm 2026, tỷ lệ huy động trẻ 6 tuổi vào lớp 1 đạt 100%."
    (name,) = names(text)
    assert name.startswith("tỷ lệ huy động trẻ 6 tuổi vào lớp")


def test_a_count_named_after_it_through_duoc_keeps_that_name() -> None:
    text = "Đến nay, có 1.250 lao động được giải quyết việc làm; cả năm ước thu ngân sách đạt 31 tỷ đồng."
    assert names(text) == ["lao động giải quyết việc làm", "thu ngân sách"]


def test_sectors_of_an_economic_structure_are_named_ty_trong_sector() -> None:
    text = "Cơ cấu kinh tế năm 2026: nông nghiệp 32%; công nghiệp - xây dựng 28%; dịch vụ 40%."
    assert names(text) == [
        "tỷ trọng nông nghiệp",
        "tỷ trọng công nghiệp - xây dựng",
        "tỷ trọng dịch vụ",
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Thực hiện chương trình giảm nghèo bền vững, phấn đấu tỷ lệ hộ nghèo giảm còn 1,2%.",
            "tỷ lệ hộ nghèo",
        ),
        (
            "Tiếp tục tăng cường công tác tuyên truyền, dự kiến tỷ lệ tham gia bảo hiểm y tế "
            "đạt 94%.",
            "tỷ lệ tham gia bảo hiểm y tế",
        ),
    ],
)
def test_a_mode_word_after_a_comma_starts_the_statement_afresh(text: str, name: str) -> None:
    # The clause before the comma (a programme holding "giảm") is not part of the name.
    assert names(text) == [name]


def test_a_mode_word_after_a_comma_with_nothing_named_after_it_keeps_the_name_before() -> None:
    assert names("Thu ngân sách nhà nước, ước đạt 1.250 tỷ đồng.") == ["Thu ngân sách nhà nước"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Đến nay, Hội Nông dân xã có 1.250 hội viên đạt danh hiệu sản xuất giỏi.",
            "hội viên đạt danh hiệu sản xuất giỏi",
        ),
        (
            "Năm 2026, toàn tỉnh Lạng Sơn có 14 xã đạt chuẩn nông thôn mới.",
            "xã đạt chuẩn nông thôn mới",
        ),
    ],
)
def test_who_has_the_counted_units_is_not_part_of_their_name(text: str, name: str) -> None:
    # "X có N <đơn vị> …": X owns them; the counted noun and what follows name the figure.
    assert names(text) == [name]
