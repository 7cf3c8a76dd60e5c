"""Rules learnt from older local news (districts and towns, 2015–2024): how their reports
and resolutions are written. Each test is a short passage written for it."""

from __future__ import annotations

from chitieu.text import extract


def _targets(text: str) -> list[tuple[str, object, str | None]]:
    return [(t.name.lower(), float(t.value), t.unit) for t in extract(text).targets]


def _results(text: str) -> list[tuple[str, object, str | None]]:
    return [
        (r.name.lower(), None if r.value is None else float(r.value), r.unit)
        for r in extract(text).results
    ]


def test_a_councils_term_does_not_make_next_years_list_a_report() -> None:
    text = (
        "HĐND huyện khóa X, nhiệm kỳ 2021 - 2026 họp phiên cuối năm 2022.\n\n"
        "Năm 2022, thu ngân sách đạt 95 tỷ đồng.\n\n"
        "Năm 2023, HĐND huyện thống nhất các chỉ tiêu: thu ngân sách 110 tỷ đồng; "
        "tỷ lệ trẻ em suy dinh dưỡng giảm còn 8%."
    )
    assert ("thu ngân sách", 110.0, "tỷ đồng") in _targets(text)
    assert [r[1] for r in _results(text)] == [95.0]


def test_the_period_of_a_poverty_standard_does_not_date_the_statement() -> None:
    text = (
        "Năm 2023, tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều giai đoạn 2022 - 2025 còn 2,1%.\n\n"
        "Năm 2024, xã phấn đấu thu ngân sách 12 tỷ đồng."
    )
    assert [r[1] for r in _results(text)] == [2.1]
    assert [t[1] for t in _targets(text)] == [12.0]


def test_a_figure_measured_against_the_plan_set_is_still_a_report() -> None:
    out = extract("Trong năm, toàn xã có 540 hộ thoát nghèo, vượt 8% kế hoạch đề ra.")
    assert out.targets == []
    assert [(float(r.value or 0), r.percent_of_target, r.status) for r in out.results] == [
        (540.0, 108, "exceeded")
    ]


def test_the_plan_set_heading_a_list_still_sets_targets() -> None:
    out = extract("Kế hoạch đề ra: thu ngân sách 45 tỷ đồng; kết nạp 30 đảng viên mới.")
    assert [float(t.value) for t in out.targets] == [45.0, 30.0]
    assert out.results == []


def test_a_yearly_figure_in_a_reporting_paragraph_is_a_result() -> None:
    text = (
        "Nhiệm kỳ qua, thu ngân sách đạt 420 tỷ đồng. Chè là cây chủ lực, "
        "sản lượng hằng năm trên 12.000 tấn."
    )
    out = extract(text)
    assert out.targets == []
    assert [float(r.value or 0) for r in out.results] == [420.0, 12000.0]


def test_a_dated_starting_point_is_not_a_figure() -> None:
    out = extract("Tỷ lệ hộ nghèo đã giảm từ 9,8% năm 2016 xuống còn 2,7% năm 2020.")
    assert [(float(r.value or 0), r.change_percent) for r in out.results] == [(2.7, None)]


def test_every_difference_listed_after_one_basis_is_a_difference() -> None:
    text = (
        "Năm 2024, trên địa bàn xã xảy ra 5 vụ tai nạn giao thông, làm chết 4 người, "
        "so với cùng kỳ giảm 1 vụ, giảm 2 người chết."
    )
    assert [(r[1], r[2]) for r in _results(text)] == [(5.0, "vụ"), (4.0, "người")]


def test_the_members_of_an_elected_body_are_not_a_result() -> None:
    text = (
        "Nhiệm kỳ qua, xã kết nạp 48 đảng viên mới. Đại hội đã bầu Ban Chấp hành Đảng bộ xã "
        "khóa VIII gồm 15 đồng chí; Ban Thường vụ gồm 5 đồng chí."
    )
    assert [r[1] for r in _results(text)] == [48.0]


def test_a_density_per_square_kilometre_keeps_its_whole_unit() -> None:
    text = "Năm 2022, mật độ dân số của thị trấn đã đạt 1.240 người/km²."
    assert [(r[1], r[2]) for r in _results(text)] == [(1240.0, "người/km²")]


def test_a_small_population_is_not_read_as_a_document_number() -> None:
    out = extract("Đến cuối năm 2023, thôn đã có dân số 860 người.")
    assert [(float(r.value or 0), r.unit) for r in out.results] == [(860.0, "người")]


def test_a_duration_with_a_decimal_is_not_a_figure() -> None:
    out = extract("Sau 1,5 năm thực hiện, xã đã xây dựng 12 km đường giao thông nông thôn.")
    assert [(float(r.value or 0), r.unit) for r in out.results] == [(12.0, "km")]


def test_a_free_of_charge_model_is_not_an_amount() -> None:
    text = (
        "Năm 2023, Hội Phụ nữ đã vận động 120 triệu đồng, duy trì các mô hình "
        "“Siêu thị 0 đồng”, “Tủ bánh mì 0 đồng”."
    )
    assert [(r[1], r[2]) for r in _results(text)] == [(120.0, "triệu đồng")]


def test_the_document_an_action_follows_is_not_part_of_the_name() -> None:
    text = (
        "Thực hiện Nghị quyết số 15/NQ-HĐND của HĐND tỉnh, năm 2022 xã đã hỗ trợ "
        "320 hộ chăn nuôi tái đàn."
    )
    names = [r[0] for r in _results(text)]
    assert len(names) == 1 and "nghị quyết" not in names[0] and "hỗ trợ" in names[0]


def test_an_amount_introduced_by_voi_is_named_from_its_head_word() -> None:
    text = (
        "Năm 2021, cao su tiếp tục là cây chủ lực của huyện với diện tích 12.400 ha; "
        "huyện đã hỗ trợ 35 hộ nghèo sửa nhà với tổng kinh phí 700 triệu đồng."
    )
    names = [r[0] for r in _results(text)]
    assert names[0].startswith("diện tích") and names[-1].startswith("tổng kinh phí")


def test_a_plan_adopted_with_its_total_keeps_the_plans_name() -> None:
    text = "Năm 2024, HĐND huyện thông qua kế hoạch đầu tư công với tổng vốn 180 tỷ đồng."
    names = [t.name for t in extract(text).targets]
    assert len(names) == 1 and names[0].startswith("kế hoạch đầu tư công")


def test_the_connection_points_of_an_online_meeting_are_not_a_result() -> None:
    text = (
        "Hội nghị được tổ chức trực tuyến đến 11 điểm cầu xã, thị trấn. "
        "Năm 2022, thu ngân sách đạt 96 tỷ đồng."
    )
    assert [x[1] for x in _results(text) + _targets(text)] == [96.0]


def test_the_number_in_a_disease_name_is_not_a_figure() -> None:
    text = "Năm 2021, do dịch COVID-19 lần thứ 4, thu ngân sách chỉ đạt 61 tỷ đồng."
    assert [x[1] for x in _results(text) + _targets(text)] == [61.0]


def test_poor_households_are_counted_in_households() -> None:
    out = extract("Đến cuối năm 2023, toàn xã còn 87 hộ nghèo, chiếm 1,9%.")
    assert [(r.name, float(r.value), r.unit) for r in out.results if r.value and r.value > 2] == [
        ("hộ nghèo", 87.0, "hộ")
    ]


def test_health_insurance_cards_are_counted_in_cards() -> None:
    out = extract("Năm 2022, huyện đã cấp 9.800 thẻ bảo hiểm y tế cho người nghèo.")
    assert [(float(r.value or 0), r.unit) for r in out.results] == [(9800.0, "thẻ")]


def test_a_scope_after_a_long_opening_starts_the_statement() -> None:
    text = (
        "Theo kết quả rà soát hộ nghèo, hộ cận nghèo cuối năm 2022 theo chuẩn đa chiều, "
        "toàn xã còn 64 hộ nghèo."
    )
    assert [(r[0], r[2]) for r in _results(text)] == [("hộ nghèo", "hộ")]


def test_a_share_of_a_total_is_named_after_the_count_it_restates() -> None:
    out = extract("Đến cuối năm 2022, toàn xã còn 64 hộ nghèo, chiếm 1,8% tổng số hộ dân cư.")
    shares = [x.name for x in [*out.results, *out.targets] if x.unit == "%"]
    assert shares == ["hộ nghèo"]


def test_two_counts_listed_together_share_what_they_are_of() -> None:
    text = "Năm 2022, Công an huyện đã bắt giữ 12 vụ, 19 đối tượng đánh bạc."
    names = [r[0] for r in _results(text)]
    assert len(names) == 2 and all(n.endswith("đánh bạc") for n in names)


def test_the_period_of_a_criteria_set_does_not_date_the_statement() -> None:
    text = (
        "Năm 2022, toàn huyện có thêm 3 xã đạt chuẩn nông thôn mới theo Bộ tiêu chí quốc gia "
        "giai đoạn 2021 - 2025.\n\nNăm 2023, huyện phấn đấu thu ngân sách 130 tỷ đồng."
    )
    assert [r[1] for r in _results(text)] == [3.0]


def test_a_programme_named_inside_a_name_does_not_hide_the_figure() -> None:
    text = (
        "Năm 2021, tổng nguồn vốn huy động thực hiện Chương trình giai đoạn 2016 - 2021 "
        "đạt hơn 1.200 tỷ đồng, trong đó vốn ngân sách 400 tỷ đồng."
    )
    assert 1200.0 in [x[1] for x in _results(text) + _targets(text)]


def test_the_coming_time_sets_a_yearly_target_after_a_report() -> None:
    text = (
        "Năm 2023, xã đạt 17/19 chỉ tiêu, thu ngân sách đạt 18 tỷ đồng. "
        "Thời gian tới, hằng năm xã kết nạp 12 đảng viên mới."
    )
    assert [t[1] for t in _targets(text)] == [12.0]
    assert [r[1] for r in _results(text)] == [18.0]


def test_what_a_figure_counts_ends_where_an_amount_with_voi_begins() -> None:
    text = "Năm 2019, xã đã xây dựng 40 căn nhà đại đoàn kết với tổng kinh phí 2 tỷ đồng."
    assert [r[0] for r in _results(text)] == [
        "xây dựng căn nhà đại đoàn kết",
        "tổng kinh phí",
    ]


def test_houses_handed_over_are_counted_not_an_event() -> None:
    text = "Năm 2019, Mặt trận xã đã trao 12 căn nhà đại đoàn kết cho hộ nghèo."
    assert [(r[1], r[2]) for r in _results(text)] == [(12.0, "căn")]


def test_gifts_handed_over_are_still_an_event() -> None:
    text = "Năm 2019, Mặt trận xã đã trao 120 phần quà cho hộ nghèo."
    assert _results(text) == [] and _targets(text) == []
