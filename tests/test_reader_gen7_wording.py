"""General rules of official Vietnamese wording learnt from the seventh blind dev set (gen7).

Each test is written in its own words (not a dev passage): it states one rule of how reports
and resolutions are written and what the reader must make of it.
"""

from __future__ import annotations

from typing import Any

import pytest

from chitieu.text import extract


def _read(text: str) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = extract(text).to_dict()
    return out


def test_a_breakdown_sentence_after_an_estimate_shares_the_estimate() -> None:
    out = _read(
        "Tổng vốn đầu tư toàn xã hội 6 tháng ước đạt 4.200 tỷ đồng, tăng 7% so với cùng kỳ. "
        "Trong đó: vốn ngân sách 1.150 tỷ đồng, tăng 3,5%; vốn dân cư 2.600 tỷ đồng, tăng 9%."
    )
    assert [(r["value"], r["estimated"]) for r in out["results"]] == [
        (4200, True),
        (1150, True),
        (2600, True),
    ]


def test_a_breakdown_after_an_official_figure_stays_official() -> None:
    out = _read(
        "Tổng vốn đầu tư toàn xã hội 6 tháng đạt 4.200 tỷ đồng, tăng 7% so với cùng kỳ. "
        "Trong đó: vốn ngân sách 1.150 tỷ đồng, tăng 3,5%; vốn dân cư 2.600 tỷ đồng, tăng 9%."
    )
    assert [(r["value"], r["estimated"]) for r in out["results"]] == [
        (4200, False),
        (1150, False),
        (2600, False),
    ]


def test_a_per_year_tail_on_the_upper_end_of_a_range_covers_both_ends() -> None:
    out = _read("Giai đoạn 2026 - 2030, phấn đấu tốc độ tăng trưởng bình quân từ 8% đến 8,5%/năm.")
    assert [(t["value"], t["value_max"], t["unit"]) for t in out["targets"]] == [(8, 8.5, "%/năm")]


def test_the_year_of_an_estimate_compared_against_is_not_the_statements_year() -> None:
    out = _read(
        "Các chỉ tiêu chủ yếu năm 2026:\n"
        "- Tổng sản lượng lương thực đạt 52.000 tấn, tăng 3% so với ước thực hiện năm 2025.\n"
        "- Tỷ lệ huy động trẻ 5 tuổi ra lớp đạt 100% chỉ tiêu."
    )
    assert out["results"] == []
    assert [t["value"] for t in out["targets"]] == [52000, 3, 100]


def test_an_estimate_compared_against_is_the_basis_of_a_change() -> None:
    out = _read(
        "Năm 2026, phấn đấu tổng sản lượng lương thực tăng 3% so với ước thực hiện năm 2025."
    )
    assert [(t["name"], t["basis"]) for t in out["targets"]] == [
        ("tổng sản lượng lương thực", "ước thực hiện năm 2025")
    ]


def test_the_communes_a_new_commune_was_founded_from_are_not_a_figure() -> None:
    out = _read("Phường Hòa Thuận, được thành lập từ 4 phường cũ, năm 2025 có 1.250 hộ kinh doanh.")
    assert [r["value"] for r in out["results"] + out["targets"]] == [1250]


def test_a_unanimous_vote_is_not_a_figure() -> None:
    out = _read(
        "Năm 2025, thu ngân sách xã đạt 18 tỷ đồng. Kỳ họp đã thông qua 6 nghị quyết "
        "với sự nhất trí 100%; 100% đại biểu có mặt biểu quyết tán thành."
    )
    assert [r["value"] for r in out["results"] + out["targets"]] == [18]


def test_the_growth_rate_of_an_amount_is_a_rate_not_a_share_of_plan() -> None:
    out = _read(
        "Năm 2025, tốc độ tăng trưởng giá trị sản xuất nông nghiệp đạt 4,1%, vượt kế hoạch; "
        "tổng giá trị sản xuất đạt 97,5% kế hoạch."
    )
    got = [(r["value"], r["unit"], r["percent_of_target"]) for r in out["results"]]
    assert got == [(4.1, "%", None), (None, None, 97.5)]


def _counts(out: dict[str, list[dict[str, Any]]]) -> list[tuple[Any, ...]]:
    keys = ("total", "achieved", "exceeded", "not_achieved", "pending")
    return [tuple(s[k] for k in keys) for s in out["summaries"]]


def test_targets_missed_named_after_the_groups_complete_the_whole_set() -> None:
    out = _read(
        "Năm 2025, xã thực hiện 20 chỉ tiêu, có 17 chỉ tiêu đạt và vượt. Cụ thể: nhóm kinh tế "
        "đạt 5/6 chỉ tiêu; nhóm xã hội đạt 9/10 chỉ tiêu; nhóm quốc phòng - an ninh đạt 3/4 "
        "chỉ tiêu. 03 chỉ tiêu không đạt là thu ngân sách, tỷ lệ lao động qua đào tạo và "
        "tuyển quân."
    )
    assert _counts(out) == [
        (20, 17, None, 3, None),
        (6, 5, None, None, None),
        (10, 9, None, None, None),
        (4, 3, None, None, None),
    ]


def test_one_target_named_as_missed_after_the_count_completes_it() -> None:
    out = _read(
        "Năm 2025, huyện có 14/15 chỉ tiêu đạt và vượt kế hoạch; chỉ tiêu tỷ lệ che phủ rừng "
        "không đạt."
    )
    assert _counts(out) == [(15, 14, None, 1, None)]


def test_missed_targets_listed_after_the_count_are_not_counted_as_one() -> None:
    out = _read(
        "Năm 2025, huyện có 13/15 chỉ tiêu đạt và vượt kế hoạch; chỉ tiêu không đạt gồm tỷ lệ "
        "che phủ rừng và thu ngân sách."
    )
    assert _counts(out) == [(15, 13, None, None, None)]


def test_a_breakdown_sentence_reports_when_the_figure_before_it_reports() -> None:
    out = _read(
        "Năm 2025, tổng vốn đầu tư toàn xã hội đạt 4.200 tỷ đồng, bằng 105% kế hoạch. "
        "Trong đó: vốn ngân sách 1.150 tỷ đồng; vốn dân cư 2.600 tỷ đồng."
    )
    assert [r["value"] for r in out["results"]] == [4200, 1150, 2600]
    assert out["targets"] == []


def test_a_breakdown_sentence_sets_targets_when_the_figure_before_it_does() -> None:
    out = _read(
        "Năm 2026, phấn đấu tổng vốn đầu tư toàn xã hội đạt 5.000 tỷ đồng. "
        "Trong đó: vốn ngân sách 1.300 tỷ đồng; vốn dân cư 3.000 tỷ đồng."
    )
    assert [t["value"] for t in out["targets"]] == [5000, 1300, 3000]
    assert out["results"] == []


@pytest.mark.parametrize(
    "basis", ["ước thực hiện cả năm 2025", "thực hiện năm 2025", "kế hoạch năm 2025"]
)
def test_any_year_a_target_is_compared_against_is_not_its_year(basis: str) -> None:
    out = _read(
        "Các chỉ tiêu chủ yếu năm 2026:\n"
        f"- Sản lượng thủy sản đạt 9.500 tấn, tăng 4% so với {basis}.\n"
        "- Tỷ lệ tiêm chủng mở rộng đạt 100% chỉ tiêu."
    )
    assert out["results"] == []
    assert [t["value"] for t in out["targets"]] == [9500, 4, 100]


@pytest.mark.parametrize("done", ["thực hiện", "kết quả thực hiện"])
def test_what_was_done_in_a_year_is_the_basis_of_a_change(done: str) -> None:
    out = _read(f"Năm 2026, phấn đấu sản lượng thủy sản tăng 4% so với {done} năm 2025.")
    assert [(t["name"], t["basis"]) for t in out["targets"]] == [
        ("sản lượng thủy sản", f"{done} năm 2025")
    ]


def test_a_resolution_passed_by_all_delegates_is_not_a_figure() -> None:
    out = _read(
        "Năm 2025, thu ngân sách xã đạt 20 tỷ đồng, vượt 5% dự toán. Nghị quyết được 100% "
        "đại biểu có mặt biểu quyết thông qua."
    )
    assert [r["value"] for r in out["results"]] == [20]
    assert out["targets"] == []


def test_one_target_named_as_missed_after_a_comma_completes_the_count() -> None:
    out = _read(
        "Năm 2025, huyện có 14/15 chỉ tiêu đạt và vượt kế hoạch, chỉ tiêu tỷ lệ che phủ rừng "
        "không đạt."
    )
    assert _counts(out) == [(15, 14, None, 1, None)]


def test_breakdown_parts_that_say_dat_still_share_the_estimate() -> None:
    out = _read(
        "Giá trị sản xuất 9 tháng ước đạt 5.200 tỷ đồng, tăng 8% so với cùng kỳ. Trong đó: "
        "nông nghiệp đạt 1.100 tỷ đồng, tăng 3%; công nghiệp đạt 2.600 tỷ đồng, tăng 11%."
    )
    assert [r["estimated"] for r in out["results"]] == [True, True, True]


def test_the_end_of_a_year_compared_against_is_the_basis() -> None:
    out = _read("Năm 2026, phấn đấu tỷ lệ hộ nghèo giảm 1,5% so với cuối năm 2025.")
    assert [(t["name"], t["value"], t["basis"]) for t in out["targets"]] == [
        ("tỷ lệ hộ nghèo", -1.5, "cuối năm 2025")
    ]


def test_the_growth_rate_of_a_named_amount_keeps_the_amount_in_its_name() -> None:
    out = _read("Năm 2026, phấn đấu tốc độ tăng giá trị sản xuất công nghiệp từ 11% trở lên.")
    assert [(t["name"], t["value"]) for t in out["targets"]] == [
        ("tốc độ tăng giá trị sản xuất công nghiệp", 11)
    ]


def test_a_count_of_former_communes_is_history_not_a_figure() -> None:
    out = _read(
        "Phường Tây Sơn (sáp nhập 2 phường cũ) và xã Hòa An (thành lập trên cơ sở nhập 3 xã) "
        "năm 2025 đều thu ngân sách vượt dự toán; toàn phường có 1.250 hộ kinh doanh."
    )
    assert [r["value"] for r in out["results"] + out["targets"]] == [1250]
