"""The reader on passages written for these tests: what it returns for typical statements."""

from __future__ import annotations

from decimal import Decimal

from chitieu.text import extract
from chitieu.text.normalize import fold, normalize
from chitieu.text.sentences import split_sentences
from chitieu.text.tokens import prepare


def only_target(text: str) -> dict[str, object]:
    ex = extract(text)
    assert len(ex.targets) == 1, ex.to_dict()
    return ex.targets[0].to_dict()


def test_normalize_composes_nfd_and_plain_spaces() -> None:
    nfd = "ty\u0309 le\u0302\u0323\u00a0ho\u0302\u0323 nghe\u0300o\u2013"
    assert normalize(nfd) == "tỷ lệ hộ nghèo-"


def test_fold_unifies_old_and_new_tone_placement_without_changing_length() -> None:
    assert fold("Hoà Bình thuỷ sản") == fold("Hòa Bình thủy sản") == "hòa bình thủy sản"
    assert len(fold("HOÀ BÌNH")) == len("HOÀ BÌNH")


def test_sentences_end_at_periods_but_not_inside_numbers_or_abbreviations() -> None:
    doc = prepare("Đảng bộ TX. Cai Lậy đạt 9.484 tỷ đồng. Thu ngân sách 186 tỷ đồng.")
    assert len(split_sentences(doc)) == 2


def test_a_hard_line_break_inside_a_sentence_does_not_split_it() -> None:
    ex = extract("Năm 2026, tỷ lệ lao động qua đào tạo đạt\n75%; tỷ lệ hộ\nnghèo giảm còn 0,8%.")
    names = [t.name for t in ex.targets]
    assert [t.value for t in ex.targets] == [Decimal(75), Decimal("0.8")]
    assert "tỷ lệ hộ nghèo" in names[1]


def test_it_reads_a_plain_amount_as_an_at_least_level_target() -> None:
    t = only_target("Chỉ tiêu năm 2027: tổng thu ngân sách trên địa bàn là 1.234,5 tỷ đồng.")
    assert (t["kind"], t["comparator"], t["value"], t["unit"]) == ("level", ">=", 1234.5, "tỷ đồng")


def test_it_reads_a_lower_is_better_indicator_as_at_most() -> None:
    t = only_target("Phấn đấu năm 2027 tỷ lệ hộ cận nghèo 2,5%.")
    assert (t["comparator"], t["value"]) == ("<=", 2.5)


def test_it_reads_a_signed_change_range_with_its_basis() -> None:
    t = only_target("Phấn đấu giá trị sản xuất công nghiệp tăng 6,5-7% so với năm 2026.")
    assert (t["kind"], t["comparator"], t["value"], t["value_max"], t["basis"]) == (
        "change",
        "range",
        6.5,
        7,
        "năm 2026",
    )


def test_it_swaps_the_bounds_of_a_decrease_range() -> None:
    t = only_target("Phấn đấu số vụ cháy nổ giảm 4 - 5%/năm.")
    assert (t["kind"], t["value"], t["value_max"], t["unit"]) == ("change", -5, -4, "%/năm")


def test_at_least_a_decrease_is_an_upper_bound_on_the_signed_change() -> None:
    t = only_target("Phấn đấu kéo giảm số vụ tai nạn giao thông ít nhất 3%.")
    assert (t["kind"], t["comparator"], t["value"]) == ("change", "<=", -3)


def test_tang_them_a_count_is_a_level_not_a_change() -> None:
    t = only_target("Phấn đấu tăng thêm 12 thôn đạt chuẩn văn hóa.")
    assert (t["kind"], t["value"], t["unit"]) == ("level", 12, "thôn")


def test_it_keeps_scale_words_in_the_unit_and_never_rescales() -> None:
    t = only_target("Phấn đấu kim ngạch xuất khẩu đạt 1,25 tỷ USD.")
    assert (t["value"], t["unit"]) == (1.25, "tỷ USD")


def test_it_splits_an_enumeration_sharing_a_head() -> None:
    ex = extract("Phấn đấu tỷ lệ tiêm chủng: trẻ dưới 1 tuổi đạt 97%, phụ nữ có thai đạt 90%.")
    assert [t.value for t in ex.targets] == [Decimal(97), Decimal(90)]
    assert all(t.name.startswith("tỷ lệ tiêm chủng") for t in ex.targets)


def test_a_result_with_percent_of_plan_and_change() -> None:
    ex = extract(
        "Năm qua, thu ngân sách đạt 812 tỷ đồng, đạt 104,5% dự toán, tăng 9,1% so với cùng kỳ."
    )
    assert not ex.targets
    (r,) = ex.results
    d = r.to_dict()
    assert (d["value"], d["unit"], d["percent_of_target"], d["change_percent"]) == (
        812,
        "tỷ đồng",
        104.5,
        9.1,
    )


def test_bang_percent_of_last_year_is_a_signed_change() -> None:
    (r,) = extract("Chi ngân sách ước đạt 300 tỷ đồng, bằng 91% so với cùng kỳ.").results
    assert r.change_percent == Decimal(-9)
    assert r.estimated


def test_vuot_percent_of_plan_is_over_one_hundred_and_exceeded() -> None:
    (r,) = extract("Năm qua, doanh thu du lịch đạt 95 tỷ đồng, vượt 7% kế hoạch.").results
    assert (r.percent_of_target, r.status) == (Decimal(107), "exceeded")


def test_a_target_quoted_in_a_report_is_not_a_target() -> None:
    ex = extract("Năm qua GRDP ước tăng 7,2% so với cùng kỳ (kế hoạch 6,5-7%).")
    assert not ex.targets
    assert [r.change_percent for r in ex.results] == [Decimal("7.2")]
    assert any(d.rule == "result.quoted_target" for d in ex.diagnostics)


def test_a_summary_of_counts_with_exceeded_inside() -> None:
    ex = extract(
        "Trong 20 chỉ tiêu Nghị quyết đề ra, có 17 chỉ tiêu đạt và vượt, trong đó 9 chỉ tiêu vượt; 3 chỉ tiêu không đạt."
    )
    (s,) = ex.summaries
    assert (s.total, s.achieved, s.exceeded, s.not_achieved, s.pending) == (20, 17, 9, 3, None)


def test_criteria_counts_are_results_not_summaries() -> None:
    ex = extract("Đến nay xã đã đạt 17/19 tiêu chí nông thôn mới.")
    assert not ex.summaries
    assert [(r.value, r.unit) for r in ex.results] == [(Decimal(17), "tiêu chí")]


def test_dates_years_document_numbers_and_phones_are_not_figures() -> None:
    text = (
        "Ngày 12/12/2026, Ban Thường vụ ban hành Kế hoạch số 58-KH/TU về Nghị quyết Trung ương 4, "
        "nhiệm kỳ 2025 - 2030. Điện thoại: (0272) 3841981."
    )
    ex = extract(text)
    assert not ex.targets and not ex.results and not ex.summaries
    rules = {d.rule for d in ex.diagnostics}
    assert rules >= {"trap.date", "trap.numbered_document"}
    # The phone is set aside alone or with the whole "Điện thoại: …" contact line.
    assert rules & {"trap.phone", "trap.contact_line"}


def test_to_dict_has_exactly_the_contract_lists_and_json_numbers() -> None:
    d = extract("Phấn đấu tổng chi ngân sách 640,706 tỷ đồng.").to_dict()
    assert set(d) == {"targets", "results", "summaries"}
    t = d["targets"][0]
    assert isinstance(t["value"], float) and t["value"] == 640.706
    assert {"name", "kind", "comparator", "value", "value_max", "unit", "basis"} <= set(t)


def test_spans_point_at_the_figure_in_the_normalised_text() -> None:
    ex = extract("Phấn đấu thu ngân sách 186\u00a0tỷ đồng.")
    (t,) = ex.targets
    assert ex.text[t.span[0] : t.span[1]] == "186 tỷ đồng"
    assert t.rule.startswith("target.")


def test_text_that_is_not_about_targets_gives_nothing() -> None:
    ex = extract(
        "Hội nghị diễn ra trong không khí dân chủ, đoàn kết. Các đại biểu đã thảo luận sôi nổi."
    )
    assert ex.to_dict() == {"targets": [], "results": [], "summaries": []}


def test_numbers_read_the_vietnamese_way_with_leading_zeros_and_ranges() -> None:
    from chitieu.text.quantities import scan_quantities

    doc = prepare("xây mới 02 chợ; từ 1.150 đến 1.200 tỷ đồng; dưới 9%0; 6,5–7%/năm")
    found = [(q.value, q.value_max, q.unit) for q in scan_quantities(doc, 0, len(doc.tokens))]
    assert found == [
        (Decimal(2), None, "chợ"),
        (Decimal(1150), Decimal(1200), "tỷ đồng"),
        (Decimal(9), None, "‰"),
        (Decimal("6.5"), Decimal(7), "%/năm"),
    ]


def test_a_figure_restated_in_another_unit_is_not_a_second_result() -> None:
    ex = extract("Năm qua, thu ngân sách tăng 12,5% (tương đương 45 tỷ đồng) so với cùng kỳ.")
    assert [(r.change_percent, r.value) for r in ex.results] == [(Decimal("12.5"), None)]
    assert any(d.rule == "skip.equivalent" for d in ex.diagnostics)


def test_gifts_and_attendance_are_not_figures() -> None:
    ex = extract("Ban tổ chức trao 50 phần quà, mỗi phần trị giá 500.000 đồng cho hộ nghèo.")
    assert not ex.targets and not ex.results
