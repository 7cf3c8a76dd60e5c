"""The field (lĩnh vực) of each target and result: from the heading above it, else its name."""

from __future__ import annotations

from chitieu.model import Field
from chitieu.text import extract


def _fields(text: str) -> dict[str, str | None]:
    ex = extract(text)
    return {it.name: it.field for it in [*ex.targets, *ex.results]}


def test_headings_of_each_style_give_the_field_of_the_items_under_them() -> None:
    text = (
        "CÁC CHỈ TIÊU CHỦ YẾU NĂM 2027\n"
        "1. Về kinh tế:\n"
        "- Tổng số cơ sở đạt chuẩn 120 cơ sở;\n"
        "a) Các chỉ tiêu về văn hóa - xã hội\n"
        "- Số câu lạc bộ thành lập mới 15 câu lạc bộ;\n"
        "II. CHỈ TIÊU MÔI TRƯỜNG\n"
        "- Số mô hình điểm 4 mô hình;\n"
        "- Về quốc phòng, an ninh:\n"
        "+ Số lượt tập huấn 20 lượt;\n"
        "Xây dựng Đảng và hệ thống chính trị\n"
        "- Số lớp bồi dưỡng 6 lớp.\n"
    )
    fields = _fields(text)
    # The names carry no cue of their own: only the headings can tell.
    assert fields == {
        "Tổng số cơ sở đạt chuẩn": Field.ECONOMY.value,
        "Số câu lạc bộ thành lập mới": Field.CULTURE_SOCIETY.value,
        "Số mô hình điểm": Field.ENVIRONMENT.value,
        "Số lượt tập huấn": Field.DEFENCE_SECURITY.value,
        "Số lớp bồi dưỡng": Field.PARTY_BUILDING.value,
    }


def test_a_heading_outranks_the_cue_words_of_a_name() -> None:
    text = "Về kinh tế:\n- Thu ngân sách 500 tỷ đồng;\n- Tỷ lệ hộ nghèo giảm còn 1%."
    fields = _fields(text)
    assert fields["Tỷ lệ hộ nghèo"] == Field.ECONOMY.value


def test_an_inline_heading_covers_the_items_on_its_own_line() -> None:
    text = "3. Quốc phòng - an ninh: tuyển quân đạt 100% chỉ tiêu; số buổi diễn tập 2 buổi."
    assert set(_fields(text).values()) == {Field.DEFENCE_SECURITY.value}


def test_without_headings_the_name_tells_the_field() -> None:
    text = (
        "Năm 2027, phấn đấu tổng thu ngân sách trên địa bàn đạt 1.250 tỷ đồng; tỷ lệ hộ nghèo "
        "giảm còn dưới 1,5%; tỷ lệ che phủ rừng đạt 42%; kết nạp 60 đảng viên mới; tỷ lệ điều "
        "tra, khám phá án hình sự đạt trên 80%; tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%."
    )
    fields = _fields(text)
    by_cue = {
        "ngân sách": Field.ECONOMY,
        "hộ nghèo": Field.CULTURE_SOCIETY,
        "che phủ rừng": Field.ENVIRONMENT,
        "đảng viên": Field.PARTY_BUILDING,
        "án hình sự": Field.DEFENCE_SECURITY,
        "bảo hiểm y tế": Field.CULTURE_SOCIETY,
    }
    for cue, field in by_cue.items():
        name = next(n for n in fields if cue in n)
        assert fields[name] == field.value, name


def test_results_get_a_field_too() -> None:
    ex = extract(
        "Năm 2026, tổng giá trị sản xuất ước đạt 9.484 tỷ đồng, tăng 8,2% so với cùng kỳ; "
        "tỷ lệ hộ nghèo còn 0,63%."
    )
    assert ex.results and not ex.targets
    assert [r.field for r in ex.results] == [Field.ECONOMY.value, Field.CULTURE_SOCIETY.value]
    assert ex.to_dict()["results"][0]["field"] == Field.ECONOMY.value


def test_an_item_with_no_heading_and_no_cue_has_no_field() -> None:
    ex = extract("Năm 2027, phấn đấu số câu lạc bộ thành lập mới đạt 15 câu lạc bộ.")
    assert [t.field for t in ex.targets] == [None]
    assert ex.to_dict()["targets"][0]["field"] is None


def test_a_heading_that_names_no_field_ends_the_field_heading_of_its_level() -> None:
    text = (
        "1. Về kinh tế:\n"
        "- Số câu lạc bộ thành lập mới 15 câu lạc bộ;\n"
        "2. Các chỉ tiêu khác:\n"
        "- Số mô hình điểm 4 mô hình;\n"
        "- Tỷ lệ che phủ rừng đạt 42%.\n"
    )
    fields = _fields(text)
    assert fields["Số câu lạc bộ thành lập mới"] == Field.ECONOMY.value
    assert fields["Số mô hình điểm"] is None  # neither the heading nor the name says
    assert fields["Tỷ lệ che phủ rừng"] == Field.ENVIRONMENT.value  # its name does


def test_a_sentence_opening_with_field_words_is_not_a_heading() -> None:
    text = "Kinh tế tăng trưởng khá.\nSố câu lạc bộ thành lập mới đạt 15 câu lạc bộ."
    assert set(_fields(text).values()) == {None}


def test_nested_headings_keep_the_field_of_the_outer_one_until_a_sibling() -> None:
    text = (
        "I. KINH TẾ\n"
        "1. Nông nghiệp:\n"
        "- Số mô hình điểm 4 mô hình;\n"
        "2. Dịch vụ:\n"
        "- Số câu lạc bộ thành lập mới 15 câu lạc bộ;\n"
        "II. VĂN HÓA - XÃ HỘI\n"
        "1. Giáo dục:\n"
        "- Số câu lạc bộ thể thao 12 câu lạc bộ;\n"
        "III. NHIỆM VỤ, GIẢI PHÁP\n"
        "- Số lớp bồi dưỡng 6 lớp.\n"
    )
    assert _fields(text) == {
        "Số mô hình điểm": Field.ECONOMY.value,
        "Số câu lạc bộ thành lập mới": Field.ECONOMY.value,
        "Số câu lạc bộ thể thao": Field.CULTURE_SOCIETY.value,
        "Số lớp bồi dưỡng": None,
    }


def test_a_general_heading_of_economy_and_society_names_no_single_field() -> None:
    text = "1. Về kinh tế - xã hội:\n- Số câu lạc bộ thành lập mới 15 câu lạc bộ."
    assert set(_fields(text).values()) == {None}


def test_the_cli_table_shows_each_items_field_in_vietnamese() -> None:
    from chitieu.commands.extract import render_table

    out = render_table(
        extract(
            "Năm 2026, tổng giá trị sản xuất ước đạt 9.484 tỷ đồng.\n"
            "Phấn đấu năm 2027 tỷ lệ che phủ rừng đạt 42%; số câu lạc bộ mới 15 câu lạc bộ."
        )
    )
    targets, results = out.split("KẾT QUẢ THỰC HIỆN")
    assert "Lĩnh vực" in targets and "Lĩnh vực" in results
    forest = next(line for line in targets.splitlines() if "che phủ rừng" in line)
    assert forest.rstrip().endswith(Field.ENVIRONMENT.label_vi)
    clubs = next(line for line in targets.splitlines() if "câu lạc bộ" in line)
    assert not clubs.rstrip().endswith(tuple(f.label_vi for f in Field))
    production = next(line for line in results.splitlines() if "giá trị sản xuất" in line)
    assert production.rstrip().endswith(Field.ECONOMY.label_vi)


def test_a_heading_row_of_a_pasted_table_gives_the_field_of_the_rows_under_it() -> None:
    text = (
        "| STT | Chỉ tiêu | ĐVT | Kế hoạch 2027 |\n"
        "| I | Về kinh tế | | |\n"
        "| 1 | Số cơ sở đạt chuẩn | cơ sở | 120 |\n"
        "| II | Môi trường | | |\n"
        "| 2 | Số mô hình điểm | mô hình | 4 |\n"
    )
    assert _fields(text) == {
        "Số cơ sở đạt chuẩn": Field.ECONOMY.value,
        "Số mô hình điểm": Field.ENVIRONMENT.value,
    }


def test_capital_letter_headings_hold_over_numbered_items() -> None:
    text = (
        "A. CHỈ TIÊU KINH TẾ\n"
        "1.1. Số cơ sở đạt chuẩn 120 cơ sở.\n"
        "B. CHỈ TIÊU MÔI TRƯỜNG\n"
        "1.2. Số mô hình điểm 4 mô hình.\n"
    )
    assert _fields(text) == {
        "Số cơ sở đạt chuẩn": Field.ECONOMY.value,
        "Số mô hình điểm": Field.ENVIRONMENT.value,
    }


def test_a_dash_heading_keeps_the_dash_items_under_it_until_the_next_dash_heading() -> None:
    text = (
        "- Về kinh tế:\n"
        "- Số cơ sở đạt chuẩn 120 cơ sở;\n"
        "- Về môi trường:\n"
        "- Số mô hình điểm 4 mô hình;\n"
        "- Các chỉ tiêu khác:\n"
        "- Số câu lạc bộ thành lập mới 15 câu lạc bộ.\n"
    )
    assert _fields(text) == {
        "Số cơ sở đạt chuẩn": Field.ECONOMY.value,
        "Số mô hình điểm": Field.ENVIRONMENT.value,
        "Số câu lạc bộ thành lập mới": None,
    }


def test_a_numbered_heading_is_closed_by_the_next_numbered_line() -> None:
    text = "1. Về kinh tế:\n- Số cơ sở đạt chuẩn 120 cơ sở;\n2. Số mô hình điểm 4 mô hình."
    assert _fields(text)["Số mô hình điểm"] is None
