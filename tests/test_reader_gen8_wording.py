"""General rules of Vietnamese news wording learnt from the eighth blind dev set (gen8).

Each test is written in its own words (not a dev passage): it states one rule of how sector
news and official texts are written and what the reader must make of it.
"""

from __future__ import annotations

from typing import Any

from chitieu.text import extract


def _read(text: str) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = extract(text).to_dict()
    return out


def _values(items: list[dict[str, Any]]) -> list[Any]:
    return [i["value"] for i in items]


def test_the_price_of_one_item_per_unit_is_no_indicator() -> None:
    out = _read(
        "Vụ hè thu, toàn huyện thu hoạch 12.500 ha lúa, năng suất ước đạt 61 tạ/ha. "
        "Giá lúa tươi tại ruộng dao động 6.800-7.300 đồng/kg; giá vé tham quan làng nghề "
        "50.000 đồng/lượt."
    )
    assert out["targets"] == []
    assert _values(out["results"]) == [12500, 61]


def test_a_value_per_hectare_or_income_per_head_stays_a_figure() -> None:
    out = _read(
        "Năm 2026, giá trị sản phẩm trên 1 ha đất trồng trọt đã đạt 165 triệu đồng/ha; thu "
        "nhập bình quân đầu người đạt 72 triệu đồng/người/năm."
    )
    assert _values(out["targets"] + out["results"]) == [165, 72]


def test_the_oldest_and_youngest_delegates_ages_are_no_figures() -> None:
    out = _read(
        "Đại hội Hội Nông dân xã nhiệm kỳ 2026-2031; đại biểu lớn tuổi nhất 79 tuổi, "
        "nhỏ tuổi nhất 24 tuổi."
    )
    assert out["targets"] == [] and out["results"] == []


def test_life_expectancy_in_years_of_age_stays_a_target() -> None:
    out = _read("Đến năm 2030, tuổi thọ trung bình của người dân đạt 76 tuổi.")
    assert [(t["value"], t["unit"]) for t in out["targets"]] == [(76, "tuổi")]


def test_the_make_up_of_an_elected_committee_is_no_figure() -> None:
    out = _read(
        "Đại hội Đảng bộ xã nhiệm kỳ 2025-2030 bầu Ban Chấp hành gồm 27 đồng chí; Ban Thường vụ "
        "gồm 7 ủy viên."
    )
    assert out["targets"] == [] and out["results"] == []


def test_the_toll_of_one_crash_is_not_the_years_toll() -> None:
    out = _read(
        "Năm 2026, toàn huyện xảy ra 41 vụ tai nạn giao thông, làm chết 19 người. Ngày 3/5, "
        "một xe khách tông vào xe đầu kéo trên tỉnh lộ làm 2 người chết, 7 người bị thương."
    )
    assert _values(out["results"]) == [41, 19]


def test_the_size_of_one_vehicle_or_bridge_is_no_figure() -> None:
    out = _read(
        "Buổi diễn tập huy động 1 xe thang cao 40 m; cuối năm, xã khánh thành một cây cầu dài 86 m."
    )
    assert out["targets"] == [] and out["results"] == []


def test_riêng_inside_the_name_of_a_fruit_does_not_cut_the_name() -> None:
    out = _read(
        "9 tháng, kim ngạch xuất khẩu nông sản của huyện đã đạt 310 triệu USD, trong đó sầu riêng "
        "205 triệu USD."
    )
    assert [(r["value"], r["name"].endswith("sầu riêng")) for r in out["results"]] == [
        (310, False),
        (205, True),
    ]


def test_an_apartment_is_counted_in_căn_hộ() -> None:
    out = _read("Giai đoạn 2026-2030, phấn đấu xây dựng 3.500 căn hộ nhà ở xã hội.")
    assert [(t["value"], t["unit"]) for t in out["targets"]] == [(3500, "căn hộ")]


def test_a_label_ending_in_the_list_heading_names_no_indicator() -> None:
    out = _read(
        "Kỳ họp thông qua Nghị quyết về phát triển giáo dục, với các mục tiêu: hoàn thành ít "
        "nhất 25 trường đạt chuẩn quốc gia; tỷ lệ trẻ em đi học đúng độ tuổi đạt trên 99%."
    )
    assert [(t["name"], t["value"]) for t in out["targets"]] == [
        ("trường đạt chuẩn quốc gia", 25),
        ("tỷ lệ trẻ em đi học đúng độ tuổi", 99),
    ]


def test_the_capital_added_to_licensed_projects_is_a_figure_not_a_change() -> None:
    out = _read(
        "10 tháng, thành phố đã điều chỉnh tăng vốn cho 21 dự án, vốn đăng ký tăng thêm "
        "415 triệu USD."
    )
    assert [(r["name"], r["value"], r["unit"]) for r in out["results"]][-1] == (
        "vốn đăng ký tăng thêm",
        415,
        "triệu USD",
    )


def test_a_room_meal_or_ticket_price_is_no_indicator_but_ticket_takings_are() -> None:
    out = _read(
        "9 tháng, khu du lịch đã đón 420.000 lượt khách, doanh thu bán vé đạt 36 tỷ đồng. Giá "
        "phòng nghỉ từ 700.000 đồng một đêm, suất ăn có giá 45.000 đồng; vé cáp treo là "
        "250.000 đồng/người."
    )
    assert _values(out["results"]) == [420000, 36]
    assert out["targets"] == []


def test_what_one_road_bridge_or_plant_measures_is_no_figure() -> None:
    out = _read(
        "Cây cầu mới dài 186 m, rộng 12 m, tải trọng 40 tấn, nằm cách trung tâm huyện 9 km. "
        "Nhà máy xử lý rác có công suất 12 MW; bệnh viện huyện quy mô 300 giường."
    )
    assert out["targets"] == [] and out["results"] == []


def test_a_total_length_built_stays_a_result() -> None:
    out = _read("Năm 2025, toàn huyện đã cứng hóa 45 tuyến đường với tổng chiều dài 62 km.")
    assert [(r["value"], r["unit"]) for r in out["results"]] == [
        (45, "tuyến đường"),
        (62, "km"),
    ]


def test_who_took_part_in_one_contest_or_festival_is_attendance() -> None:
    out = _read(
        "Hội thi văn nghệ quần chúng thu hút 28 đội với hơn 600 diễn viên. Lễ hội đua thuyền "
        "thu hút khoảng 15.000 lượt người xem; buổi lễ có sự tham gia của 300 đoàn viên."
    )
    assert out["targets"] == [] and out["results"] == []


def test_the_mark_of_one_exam_is_no_figure_but_the_pass_rate_is() -> None:
    out = _read(
        "Kỳ thi năm 2025, tỷ lệ học sinh tốt nghiệp THPT đã đạt 99,2%; điểm chuẩn vào lớp 10 "
        "trường chuyên là 41,5 điểm, thủ khoa khối A đạt 29,75 điểm."
    )
    assert out["targets"] == []
    assert _values(out["results"]) == [99.2]


def test_what_a_leader_says_will_be_done_is_a_target_among_results() -> None:
    out = _read(
        "Năm 2025, xã đã hoàn thành 14 km đường giao thông nông thôn. Ông Chủ tịch UBND xã "
        "cho biết thời gian tới xã sẽ hỗ trợ 120 hộ chuyển đổi cây trồng."
    )
    assert _values(out["results"]) == [14]
    assert [(t["value"], t["unit"]) for t in out["targets"]] == [(120, "hộ")]


def test_a_spoken_year_after_a_comma_opens_a_clause_of_its_own() -> None:
    out = _read(
        '"Chúng tôi đã thu ngân sách được 9,8 tỷ đồng, sang năm sẽ phấn đấu thu 11 tỷ đồng", '
        "ông nói."
    )
    assert _values(out["results"]) == [9.8]
    assert _values(out["targets"]) == [11]


def test_roads_widened_or_lengthened_are_work_done_not_a_measure() -> None:
    out = _read("Năm 2025, huyện đã mở rộng 12 km đường trục xã và kéo dài 3 km đê bao.")
    assert _values(out["results"]) == [12, 3]


def test_a_clock_hour_says_when_not_how_much() -> None:
    out = _read("Giá điện điều chỉnh từ 0 giờ ngày mai; đoàn kiểm tra làm việc lúc 9 giờ sáng.")
    assert out["targets"] == [] and out["results"] == []


def test_the_interest_rate_of_a_loan_is_no_figure() -> None:
    out = _read(
        "Năm 2025, Ngân hàng Chính sách xã hội đã cho 1.450 hộ vay vốn với lãi suất 0,65%/tháng."
    )
    assert [(r["value"], r["unit"]) for r in out["results"]] == [(1450, "hộ")]


def test_rainfall_in_millimetres_is_weather() -> None:
    out = _read("Đêm qua mưa to, lượng mưa phổ biến 80-120 mm, có nơi trên 180 mm.")
    assert out["targets"] == [] and out["results"] == []


def test_a_fee_per_month_or_per_file_is_a_price() -> None:
    out = _read("Từ năm học mới, mức học phí 250.000 đồng/tháng; lệ phí 30.000 đồng/hồ sơ.")
    assert out["targets"] == [] and out["results"] == []


def test_an_amount_for_each_household_is_a_rate_of_support_not_a_total() -> None:
    out = _read("Năm 2025, huyện đã hỗ trợ 86 hộ nghèo xây nhà, mỗi hộ được hỗ trợ 50 triệu đồng.")
    # The unit is the counting noun "hộ" (tests/cases/README.md), as learn6 reads it.
    assert [(r["value"], r["unit"]) for r in out["results"]] == [(86, "hộ")]


def test_the_toll_of_one_fire_is_not_the_seasons_toll() -> None:
    out = _read(
        "9 tháng, toàn tỉnh xảy ra 15 vụ cháy, thiệt hại 4,5 tỷ đồng. Rạng sáng 2/10, ngọn lửa "
        "thiêu rụi 2 ki-ốt, thiệt hại ước khoảng 800 triệu đồng."
    )
    assert _values(out["results"]) == [15, 4.5]


def test_the_approved_cost_of_a_project_is_not_money_spent() -> None:
    out = _read(
        "Năm 2025, huyện đã giải ngân 312 tỷ đồng vốn đầu tư công. Dự án đường ven sông có "
        "tổng mức đầu tư 1.250 tỷ đồng."
    )
    assert _values(out["results"]) == [312]
    assert out["targets"] == []


def test_a_speed_is_a_limit_not_a_figure() -> None:
    out = _read("Trên tuyến tránh, tốc độ tối đa cho phép là 60 km/h; xe khách chạy 95 km/h.")
    assert out["targets"] == [] and out["results"] == []


def test_wage_and_contribution_rates_set_by_law_are_no_figures() -> None:
    out = _read(
        "9 tháng, toàn tỉnh đã có 312.000 người tham gia bảo hiểm xã hội. Từ ngày 1/7, lương "
        "cơ sở là 2,34 triệu đồng/tháng, mức đóng bảo hiểm y tế bằng 4,5% mức lương cơ sở, "
        "ngân sách hỗ trợ 30% mức đóng."
    )
    assert [(r["value"], r["unit"]) for r in out["results"]] == [(312000, "người")]
    assert out["targets"] == []


def test_months_gone_by_opening_a_statement_report_it() -> None:
    out = _read("10 tháng, thành phố thu ngân sách 6.450 tỷ đồng.")
    assert _values(out["results"]) == [6450] and out["targets"] == []


def test_the_last_months_of_the_year_with_a_plan_stay_a_target() -> None:
    out = _read("6 tháng cuối năm, thành phố phấn đấu thu ngân sách 3.000 tỷ đồng.")
    assert _values(out["targets"]) == [3000]


def test_how_many_documents_a_session_passed_is_no_indicator() -> None:
    out = _read(
        "Kỳ họp xem xét 20 tờ trình và thông qua 17 nghị quyết, trong đó có 9 nghị quyết về "
        "đầu tư công; UBND tỉnh đã ban hành 45 văn bản chỉ đạo."
    )
    assert out["targets"] == [] and out["results"] == []


def test_the_stalls_of_one_fair_are_its_size_not_a_figure() -> None:
    out = _read("Hội chợ nông sản năm nay có 180 gian hàng của 95 doanh nghiệp, hợp tác xã.")
    assert out["targets"] == [] and out["results"] == []


def test_a_stocking_or_planting_density_is_a_norm_not_a_figure() -> None:
    out = _read(
        "Vụ nuôi năm 2025, xã đã thả nuôi 320 ha tôm thẻ chân trắng, mật độ thả 120 con/m²."
    )
    assert [(r["value"], r["unit"]) for r in out["results"]] == [(320, "ha")]


def test_a_persons_age_set_off_by_commas_introduces_them() -> None:
    out = _read("Bà Trần Thị Hoa, 61 tuổi, và anh Lê Nam (34 tuổi) được tuyên dương.")
    assert out["targets"] == [] and out["results"] == []


def test_one_households_figures_in_a_feature_story_are_an_example() -> None:
    out = _read("Gia đình chị Nguyễn Thị Mai trồng 4 ha bưởi da xanh, thu lãi 600 triệu đồng/năm.")
    assert out["targets"] == [] and out["results"] == []
