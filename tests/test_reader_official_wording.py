"""General rules of official Vietnamese wording learnt from the fifth blind dev set (gen5).

Each test is written in its own words (not a dev passage): it states one rule of how reports
and resolutions are written and what the reader must make of it.
"""

from __future__ import annotations

from typing import Any

from chitieu.text import extract


def _read(text: str) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = extract(text).to_dict()
    return out


def test_an_age_span_or_a_list_of_ages_is_not_a_figure() -> None:
    out = _read(
        "Năm 2027, phấn đấu huy động trẻ từ 3 đến 5 tuổi đi học mẫu giáo đạt 96%; "
        "Hội Người cao tuổi tặng quà các cụ tròn 90, 95, 100 tuổi."
    )
    assert [(t["value"], t["unit"]) for t in out["targets"]] == [(96, "%")]
    assert out["results"] == []


def test_round_the_clock_duty_is_not_a_count() -> None:
    out = _read(
        "Năm 2026, các đồn công an duy trì trực 24/24 giờ và đường dây nóng hoạt động 24/7."
    )
    assert out["targets"] == [] and out["results"] == []


def test_where_a_merged_commune_comes_from_is_not_a_figure() -> None:
    out = _read(
        "Phường Tân An (được hợp nhất từ 3 phường cũ) năm 2026 thu ngân sách đạt 45 tỷ đồng; "
        "xã Hòa Bình được thành lập trên cơ sở sáp nhập 2 xã."
    )
    assert [r["value"] for r in out["results"] + out["targets"]] == [45]


def test_an_each_one_slogan_is_not_a_count_of_one() -> None:
    out = _read(
        "Phong trào Mỗi nhà một cây xanh được nhân dân hưởng ứng. Năm 2026 trồng 12.000 cây."
    )
    assert [r["value"] for r in out["results"] + out["targets"]] == [12000]


def test_a_ratio_word_followed_by_a_fall_gives_the_fall_itself() -> None:
    out = _read(
        "Năm 2026, toàn tỉnh xảy ra 40 vụ cháy, giảm 10 vụ, tương đương giảm 20% so với năm 2025."
    )
    assert [(r["value"], r["change_percent"]) for r in out["results"]] == [(40, -20)]


def test_completed_beyond_the_level_counts_as_exceeded_targets() -> None:
    out = _read(
        "Trong 16 chỉ tiêu Nghị quyết giao, có 14/16 chỉ tiêu hoàn thành và hoàn thành vượt "
        "mức, trong đó 6 chỉ tiêu hoàn thành vượt mức; 2 chỉ tiêu chưa đạt."
    )
    s = out["summaries"]
    assert [(x["total"], x["achieved"], x["exceeded"], x["not_achieved"]) for x in s] == [
        (16, 14, 6, 2)
    ]


def test_a_group_whose_targets_are_all_met_gives_its_total_too() -> None:
    out = _read(
        "Về văn hóa - xã hội, 7 chỉ tiêu có 6 chỉ tiêu đạt, 1 chỉ tiêu không đạt; "
        "3 chỉ tiêu về quốc phòng - an ninh đều đạt."
    )
    counts = [(s["total"], s["achieved"], s["not_achieved"]) for s in out["summaries"]]
    assert counts == [(7, 6, 1), (3, 3, None)]


def test_a_plan_quoted_in_brackets_after_a_status_is_not_a_result() -> None:
    out = _read(
        "Năm 2026, tỷ lệ xã đạt chuẩn quốc gia về y tế chỉ đạt 82%, chưa đạt kế hoạch "
        "(kế hoạch 90%)."
    )
    got = [(r["value"], r["status"]) for r in out["results"]]
    assert got == [(82, "not_achieved")]
    assert out["targets"] == []


def test_a_plan_quoted_after_a_comma_inside_brackets_is_not_a_result() -> None:
    out = _read(
        "Năm 2026, sản lượng lương thực của xã đạt 12.400 tấn (tăng 3,2%, kế hoạch 12.000 tấn)."
    )
    assert [(r["value"], r["change_percent"]) for r in out["results"]] == [(12400, 3.2)]
    assert out["targets"] == []


def test_the_national_average_quoted_beside_a_result_is_not_its_change() -> None:
    out = _read(
        "Năm 2026, tỷ lệ hộ dân sử dụng nước sạch của tỉnh ước đạt 78,2%, cao hơn bình quân "
        "cả nước (74,5%)."
    )
    assert [(r["value"], r["change_percent"]) for r in out["results"]] == [(78.2, None)]


def test_a_count_out_of_a_total_after_a_preposition_is_a_figure() -> None:
    out = _read(
        "Đến hết tháng 10/2026, xã đã chi trả tiền hỗ trợ của 412/430 hộ; "
        "bàn giao 12,5 ha mặt bằng."
    )
    assert [(r["value"], r["unit"]) for r in out["results"]] == [(412, "hộ"), (12.5, "ha")]


def test_a_month_or_quarter_before_the_action_is_not_part_of_the_name() -> None:
    out = _read(
        "Năm 2027, xã phấn đấu trong tháng 3/2027 trồng mới 20 ha rừng; "
        "trong quý II/2027 giải ngân 150 tỷ đồng."
    )
    names = [t["name"] for t in out["targets"]]
    assert names == ["trồng mới rừng", "giải ngân"]


def test_site_clearance_keeps_its_whole_name() -> None:
    out = _read("Năm 2026, tỷ lệ giải phóng mặt bằng các dự án trọng điểm ước đạt 92%.")
    assert [r["name"] for r in out["results"]] == ["tỷ lệ giải phóng mặt bằng các dự án trọng điểm"]


def test_a_count_after_a_comma_is_a_new_figure_not_a_criterion() -> None:
    out = _read(
        "Năm 2027, tỉnh phấn đấu xây dựng 1.200 căn nhà ở xã hội, "
        "thu hút từ 5 doanh nghiệp trở lên tham gia đầu tư."
    )
    assert [(t["value"], t["unit"]) for t in out["targets"]] == [
        (1200, "căn"),
        (5, "doanh nghiệp"),
    ]


def test_the_title_of_an_invoked_programme_holds_no_figure_and_no_period() -> None:
    out = _read(
        "Thực hiện Chương trình phát triển 5.000 ha rừng gỗ lớn giai đoạn 2026 - 2030, "
        "năm 2026 xã trồng mới 45 ha rừng, đạt 112% kế hoạch năm. "
        "Năm 2027, xã phấn đấu trồng mới 50 ha."
    )
    assert [(r["value"], r["percent_of_target"]) for r in out["results"]] == [(45, 112)]
    assert [t["value"] for t in out["targets"]] == [50]


def test_a_comma_opening_the_next_year_separates_a_result_from_a_target() -> None:
    out = _read(
        "Năm 2026, giá trị sản xuất trên 1 ha đất trồng trọt đạt 145 triệu đồng, "
        "năm 2027 nâng lên 150 triệu đồng."
    )
    assert [r["value"] for r in out["results"]] == [145]
    assert [t["value"] for t in out["targets"]] == [150]


def test_an_unmarked_statement_between_a_report_and_a_target_reads_as_a_report() -> None:
    out = _read(
        "Năm 2026, toàn tỉnh xảy ra 85 vụ cháy, làm 3 người bị thương.\n"
        "Lực lượng chức năng kiểm tra 1.240 cơ sở, xử phạt 96 trường hợp.\n"
        "Năm 2027, Công an tỉnh đặt mục tiêu kiểm tra 100% cơ sở có nguy cơ cháy, nổ cao."
    )
    assert [r["value"] for r in out["results"]] == [85, 3, 1240, 96]
    assert [t["value"] for t in out["targets"]] == [100]


def test_during_the_year_opening_a_statement_reports_it() -> None:
    out = _read("Trong năm, Hội Nông dân xã hỗ trợ 35 hộ vay vốn phát triển sản xuất.")
    assert [r["value"] for r in out["results"]] == [35]
    assert out["targets"] == []


def test_during_the_coming_year_still_sets_targets() -> None:
    out = _read("Trong năm, phấn đấu hỗ trợ 40 hộ vay vốn phát triển sản xuất.")
    assert [t["value"] for t in out["targets"]] == [40]


def test_prizes_won_are_counted_but_solutions_listed_are_not() -> None:
    out = _read(
        "Năm 2026, đội tuyển của huyện đã giành 14 giải tại Hội khỏe Phù Đổng cấp tỉnh. "
        "Hội nghị thống nhất 4 nhóm giải pháp trọng tâm."
    )
    assert [(r["value"], r["unit"]) for r in out["results"]] == [(14, "giải")]
    assert out["targets"] == []


def test_capital_added_by_adjustment_is_an_amount_not_a_rise() -> None:
    out = _read("Năm 2026, tỉnh đã cấp mới 42 dự án FDI; vốn điều chỉnh tăng thêm 320 triệu USD.")
    got = [(r["value"], r["unit"], r["change_percent"]) for r in out["results"]]
    assert got == [(42, "dự án", None), (320, "triệu USD", None)]


def test_budget_paid_by_enterprises_shares_the_estimate_before_it() -> None:
    out = _read(
        "Năm 2026, doanh thu của doanh nghiệp ước đạt 2,5 tỷ USD; "
        "nộp ngân sách 820 tỷ đồng, tăng 4% so với năm 2025."
    )
    got = [(r["value"], r["estimated"], r["change_percent"]) for r in out["results"]]
    assert got == [(2.5, True, None), (820, True, 4)]


def test_central_budget_capital_is_not_a_central_resolution_number() -> None:
    out = _read(
        "Đến hết tháng 10/2026, vốn ngân sách trung ương đã giải ngân 1.480 tỷ đồng, "
        "đạt 70,2% kế hoạch. Các chi bộ tiếp tục quán triệt Nghị quyết Trung ương 8."
    )
    got = [(r["value"], r["percent_of_target"]) for r in out["results"]]
    assert got == [(1480, 70.2)]


def test_a_deadline_after_a_striving_verb_does_not_make_a_report() -> None:
    out = _read(
        "UBND xã yêu cầu các thôn phấn đấu đến ngày 30/6/2027 thu 100% quỹ phòng, chống thiên tai."
    )
    assert [(t["value"], t["unit"]) for t in out["targets"]] == [(100, "%")]
    assert out["results"] == []


def test_who_is_asked_to_strive_is_not_part_of_the_name() -> None:
    out = _read("Năm 2027, Ban Thường vụ yêu cầu các chi bộ phấn đấu kết nạp 25 đảng viên mới.")
    assert [t["name"] for t in out["targets"]] == ["kết nạp đảng viên mới"]


def test_two_names_with_one_head_after_the_figure_share_it() -> None:
    out = _read(
        "Năm 2027, phấn đấu kéo giảm 3% số vụ cháy và số thiệt hại về tài sản do cháy gây ra."
    )
    got = [(t["name"], t["value"]) for t in out["targets"]]
    assert got == [("số vụ cháy", -3), ("số thiệt hại về tài sản do cháy gây ra", -3)]


def test_an_actor_before_has_completed_is_not_the_name() -> None:
    out = _read("Đến nay, huyện đã hoàn thành 640 căn nhà đại đoàn kết.")
    assert [r["name"] for r in out["results"]] == ["hoàn thành căn nhà đại đoàn kết"]


def test_a_year_restated_after_a_comma_keeps_the_indicator_of_the_result() -> None:
    out = _read(
        "Năm 2026, sản lượng thủy sản đạt 12.500 tấn, năm 2025 đạt 11.900 tấn. "
        "Năm 2027, phấn đấu sản lượng thủy sản đạt 13.000 tấn."
    )
    got = [(r["name"], r["value"]) for r in out["results"]]
    assert got == [("sản lượng thủy sản", 12500), ("sản lượng thủy sản", 11900)]


def test_trainees_students_and_patients_are_counting_units() -> None:
    out = _read(
        "Năm 2026, trường cao đẳng đã tuyển 850 sinh viên; bệnh viện điều trị 18.400 bệnh nhân."
    )
    assert [(r["value"], r["unit"]) for r in out["results"]] == [
        (850, "sinh viên"),
        (18400, "bệnh nhân"),
    ]


def test_the_closing_quote_of_a_speech_is_not_part_of_a_name() -> None:
    out = _read('Đồng chí Bí thư nhấn mạnh: "Năm 2027, tỷ lệ thu gom rác thải phải đạt trên 98%".')
    assert [t["name"] for t in out["targets"]] == ["tỷ lệ thu gom rác thải"]


def test_on_a_tied_leaning_an_unmarked_line_follows_the_cued_line_before_it() -> None:
    out = _read(
        "Năm 2026, thu ngân sách xã đã đạt 45 tỷ đồng.\n"
        "Năm 2027, xã phấn đấu thu ngân sách 48 tỷ đồng.\n"
        "Tỷ lệ che phủ rừng 45%."
    )
    assert [t["value"] for t in out["targets"]] == [48, 45]
    assert [r["value"] for r in out["results"]] == [45]
