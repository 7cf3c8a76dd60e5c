"""General rules of Vietnamese official wording learnt from the ninth blind dev set (gen9).

Each test is written in its own words (not a dev passage): it states one rule of how
resolutions, reports and news are written and what the reader must make of it.
"""

from __future__ import annotations

from typing import Any

from chitieu.text import extract
from chitieu.text.sentences import split_sentences
from chitieu.text.tokens import prepare


def _read(text: str) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = extract(text).to_dict()
    return out


def _values(items: list[dict[str, Any]]) -> list[Any]:
    return [i["value"] for i in items]


def test_an_estimate_opening_the_sentence_covers_all_its_clauses() -> None:
    out = _read(
        "Ước thực hiện năm 2026, giá trị sản xuất nông nghiệp đạt 845 tỷ đồng; số lao động "
        "được tạo việc làm là 520 lao động; tỷ lệ hộ nghèo còn 2,1%."
    )
    assert _values(out["results"]) == [845, 520, 2.1]
    assert all(r["estimated"] for r in out["results"])


def test_an_estimate_inside_one_clause_does_not_reach_the_next_statement() -> None:
    out = _read("Năm 2026, thu ngân sách xã ước đạt 32 tỷ đồng; toàn xã kết nạp 25 đảng viên mới.")
    assert [(r["value"], r["estimated"]) for r in out["results"]] == [(32, True), (25, False)]


def test_a_measure_after_khoang_in_old_or_new_tone_describes_one_object() -> None:
    # Old and new tone placement fold alike ("khỏang"): the trap patterns must be folded too.
    for about in ("khoảng", "khỏang"):
        out = _read(f"Người dân kiến nghị nâng cấp con ngõ dài {about} 350 m trước mùa mưa.")
        assert out["targets"] == [] and out["results"] == []


def test_counting_nouns_of_health_transport_and_hamlets_are_units() -> None:
    out = _read(
        "Năm 2026, toàn tỉnh ghi nhận 3.120 ca sốt xuất huyết; sân bay phục vụ 650.000 lượt "
        "hành khách; có thêm 3 xóm đạt chuẩn nông thôn mới; được cấp 42 mã số vùng trồng."
    )
    assert [(r["value"], r["unit"]) for r in out["results"] + out["targets"]] == [
        (3120, "ca"),
        (650000, "lượt hành khách"),
        (3, "xóm"),
        (42, "mã số"),
    ]


def test_days_measure_a_stay_but_not_how_long_an_event_lasts() -> None:
    out = _read(
        "Hội nghị diễn ra trong 2 ngày. Năm 2025, thời gian lưu trú bình quân của khách ước đạt "
        "2,3 ngày; sau 3 ngày, đoàn khách rời tỉnh."
    )
    assert [(r["value"], r["unit"]) for r in out["results"]] == [(2.3, "ngày")]
    assert out["targets"] == []


def test_a_price_range_per_trip_or_a_numbered_route_fare_is_no_figure() -> None:
    out = _read(
        "Kết thúc năm 2025, toàn huyện đón 850.000 lượt khách; giá vé tàu cao tốc từ 250.000 đồng đến "
        "1,1 triệu đồng/lượt, giá vé tham quan tuyến 2 hiện là 180.000 đồng/người."
    )
    assert [(r["value"], r["unit"]) for r in out["results"]] == [(850000, "lượt khách")]


def test_the_name_starts_after_a_verb_of_reporting_even_without_a_comma() -> None:
    out = _read(
        "Kết thúc năm 2025, Sở Y tế tỉnh cho biết tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt "
        "96,2%; báo cáo của UBND xã cho thấy thu ngân sách xã đạt 14,5 tỷ đồng."
    )
    assert [r["name"] for r in out["results"]] == [
        "tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ",
        "thu ngân sách xã",
    ]


def test_changes_given_respectively_after_two_figures_go_to_those_figures() -> None:
    out = _read(
        "Kết thúc năm 2025, tỷ lệ hộ nghèo còn 2,4%, tỷ lệ hộ cận nghèo còn 3,1%, giảm lần lượt "
        "0,8% và 0,5% so với năm 2024."
    )
    assert [(r["name"], r["value"], r["change_percent"]) for r in out["results"]] == [
        ("tỷ lệ hộ nghèo", 2.4, -0.8),
        ("tỷ lệ hộ cận nghèo", 3.1, -0.5),
    ]


def test_a_target_change_given_respectively_takes_the_name_of_its_figure() -> None:
    out = _read(
        "Năm 2027, phấn đấu tỷ lệ hộ nghèo dưới 2%, tỷ lệ hộ cận nghèo dưới 3%, giảm lần lượt "
        "0,5% và 0,4% so với năm 2026."
    )
    assert [(t["name"], t["kind"], t["value"]) for t in out["targets"]] == [
        ("tỷ lệ hộ nghèo", "level", 2),
        ("tỷ lệ hộ cận nghèo", "level", 3),
        ("tỷ lệ hộ nghèo", "change", -0.5),
        ("tỷ lệ hộ cận nghèo", "change", -0.4),
    ]


def test_a_sector_named_with_commas_after_trong_do_keeps_its_whole_name() -> None:
    out = _read(
        "Kết thúc năm 2025, tăng trưởng kinh tế của tỉnh đạt 7,1%; trong đó khu vực nông, lâm "
        "nghiệp, thủy sản tăng 2,9%, dịch vụ tăng 6,8%."
    )
    names = [r["name"] for r in out["results"]]
    assert len(names) == 3 and names[1].endswith("khu vực nông, lâm nghiệp, thủy sản")


def test_a_running_total_in_a_sentence_of_targets_without_a_year_is_a_target() -> None:
    out = _read(
        "Quý III, huyện phấn đấu giải ngân vốn đầu tư công đạt 65% kế hoạch; thu ngân sách lũy "
        "kế 9 tháng đạt trên 75% dự toán."
    )
    assert [(t["value"], t["unit"]) for t in out["targets"]] == [(65, "%"), (75, "%")]
    assert out["results"] == []


def test_a_set_told_whole_then_in_parts_is_one_summary_with_the_whole_met() -> None:
    out = _read(
        "Phường hoàn thành 15/18 chỉ tiêu năm 2025\n"
        "Năm 2025, trong 18 chỉ tiêu HĐND phường giao, có 9 chỉ tiêu vượt, 6 chỉ tiêu đạt và 3 "
        "chỉ tiêu không đạt."
    )
    assert [
        {k: s[k] for k in ("total", "achieved", "exceeded", "not_achieved")}
        for s in out["summaries"]
    ] == [{"total": 18, "achieved": 15, "exceeded": 9, "not_achieved": 3}]


def test_targets_listed_after_a_count_of_missed_ones_are_not_achieved() -> None:
    out = _read(
        "Kết thúc năm 2025, ba chỉ tiêu chưa đạt là tỷ lệ trường đạt chuẩn quốc gia (đạt 72%, "
        "kế hoạch 75%), tỷ lệ hộ dùng nước sạch (đạt 88%, kế hoạch 90%) và thu ngân sách xã "
        "(đạt 21 tỷ đồng, kế hoạch 23 tỷ đồng)."
    )
    assert [(r["value"], r["status"]) for r in out["results"]] == [
        (72, "not_achieved"),
        (88, "not_achieved"),
        (21, "not_achieved"),
    ]
    assert out["results"][0]["name"] == "tỷ lệ trường đạt chuẩn quốc gia"


def test_a_count_of_units_added_is_the_figure_reached() -> None:
    out = _read(
        "Kết thúc năm học 2024 - 2025, số trường đạt chuẩn quốc gia tăng thêm 12 trường; số hộ "
        "nghèo giảm 120 hộ."
    )
    assert [(r["value"], r["unit"]) for r in out["results"]] == [(12, "trường")]


def test_a_plants_capacity_and_the_units_left_after_a_merger_are_no_figures() -> None:
    out = _read(
        "Năm 2025, tỷ lệ rác thải được xử lý đạt 95%; nhà máy xử lý rác (công suất 500 tấn/ngày) "
        "đi vào hoạt động. Sau sắp xếp, toàn tỉnh còn 45 cơ sở giáo dục nghề nghiệp."
    )
    assert _values(out["results"] + out["targets"]) == [95]


def test_a_span_of_months_naming_a_group_leaves_its_count_whole() -> None:
    out = _read(
        "Kết thúc năm 2025, toàn tỉnh đào tạo nghề cho 12.400 người, trong đó đào tạo dưới 3 "
        "tháng 8.900 người."
    )
    assert [(r["value"], r["unit"]) for r in out["results"]] == [(12400, "người"), (8900, "người")]


def test_figures_of_a_named_person_given_with_an_age_are_no_figures() -> None:
    out = _read(
        "Năm 2025, sản lượng cà phê toàn huyện ước đạt 52.000 tấn. Chị H'Linh Mlô (36 tuổi) cho "
        "biết 3 ha cà phê của gia đình năm nay thu khoảng 12 tấn; ông Trần Văn Tư, 63 tuổi, trồng "
        "thêm 2 ha sầu riêng."
    )
    assert [(r["value"], r["unit"]) for r in out["results"]] == [(52000, "tấn")]
    assert out["targets"] == []


def test_an_age_that_names_a_group_of_children_keeps_the_figure() -> None:
    out = _read("Năm 2025, tỷ lệ huy động trẻ mẫu giáo (5 tuổi) ra lớp ước đạt 99,6%.")
    assert [r["value"] for r in out["results"]] == [99.6]


def test_a_line_opening_on_a_period_starts_a_new_statement_after_a_headline() -> None:
    out = _read(
        "Huyện ước cả năm hoàn thành kế hoạch thu ngân sách\n"
        "6 tháng đầu năm 2026, thu ngân sách trên địa bàn huyện đạt 412 tỷ đồng, bằng 55% dự toán."
    )
    assert [(r["name"], r["estimated"]) for r in out["results"]] == [("thu ngân sách", False)]


def test_a_period_after_a_line_ending_on_a_preposition_continues_the_sentence() -> None:
    doc = prepare("Thu ngân sách xã đạt 41 tỷ đồng trong\n9 tháng đầu năm 2026, bằng 80% dự toán.")
    assert len(split_sentences(doc)) == 1


def test_values_given_respectively_go_to_the_subjects_named_before_the_verb() -> None:
    out = _read(
        "Năm 2025, lúa, ngô và sắn là các cây trồng chính với diện tích lần lượt 12.500 ha, "
        "3.200 ha và 1.800 ha. Năm 2026, toàn huyện phấn đấu trồng mới 300 ha rừng."
    )
    assert [(r["name"], r["value"]) for r in out["results"]] == [
        ("diện tích lúa", 12500),
        ("diện tích ngô", 3200),
        ("diện tích sắn", 1800),
    ]


def test_a_figure_led_by_a_bare_verb_after_a_comma_shares_the_estimate_before_it() -> None:
    out = _read(
        "Năm 2025, nhà máy nước của huyện ước cung cấp 4,2 triệu m3 nước sạch, tăng 6%, đáp ứng "
        "92% nhu cầu của người dân; tỷ lệ hộ dùng nước sạch đạt 88%."
    )
    assert [(r["value"], r["estimated"]) for r in out["results"]] == [
        (4.2, True),
        (92, True),
        (88, False),
    ]


def test_a_sentence_singling_out_a_part_keeps_the_side_of_what_was_just_said() -> None:
    reported = _read(
        "Năm 2025, toàn tỉnh đón 9,2 triệu lượt khách, tăng 8% so với năm 2024.\n"
        "Giá vé tham quan vịnh là 250.000 đồng/người. Riêng huyện đảo đón khoảng 1,1 triệu lượt "
        "khách.\nNăm 2026, tỉnh phấn đấu đón 10 triệu lượt khách."
    )
    assert [r["value"] for r in reported["results"]] == [9.2, 1.1]
    planned = _read(
        "Năm 2026, tỉnh phấn đấu đón 10 triệu lượt khách. Riêng huyện đảo đón khoảng 1,3 triệu "
        "lượt khách."
    )
    assert [t["value"] for t in planned["targets"]] == [10, 1.3]
