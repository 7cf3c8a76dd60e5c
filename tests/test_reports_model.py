"""The report model: what the document says, before any format."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from decimal import Decimal

from chitieu.evaluate import evaluate, evaluate_many
from chitieu.model import Comparator, Direction, Field, Kind, Period, Result, Status, Target
from chitieu.reports.demo import HEADER as CAI_LAY
from chitieu.reports.demo import NEXT_TARGETS, YEAR, demo_evaluations, demo_pairs, demo_report
from chitieu.reports.model import Header, Section, build_report, following
from chitieu.reports.wording import load_templates


def all_paragraphs(section: Section) -> list[str]:
    out = list(section.paragraphs)
    for sub in section.subsections:
        out.extend(all_paragraphs(sub))
    return out


def test_the_demo_data_has_the_cai_lay_mix_of_statuses() -> None:
    statuses = [e.status for e in demo_evaluations()]
    assert len(statuses) == 19
    assert statuses.count(Status.EXCEEDED) == 10
    assert statuses.count(Status.ACHIEVED) == 5
    assert statuses.count(Status.NOT_ACHIEVED) == 3
    assert statuses.count(Status.PENDING) == 1


def test_the_opening_states_the_counts_as_the_cai_lay_article_does() -> None:
    opening = demo_report().opening
    assert re.search(
        r"^Trong 19 chỉ tiêu Nghị quyết đề ra, .*15 chỉ tiêu đạt và vượt "
        r"\(trong đó 10 chỉ tiêu vượt\), 3 chỉ tiêu không đạt, "
        r"1 chỉ tiêu chưa có kết quả đánh giá\.$",
        opening,
    ), opening
    assert demo_report().summary.achieved == 15


def test_the_budget_sentence_reads_like_the_article() -> None:
    text = " ".join(all_paragraphs(demo_report().sections[0]))
    sentence = next(s for s in re.split(r"(?<=\.) ", text) if "kinh tế địa phương" in s)
    assert "126,82% chỉ tiêu Nghị quyết" in sentence
    assert "tăng 30,43% so với năm 2022" in sentence


def test_it_writes_a_sentence_for_every_target_under_its_field_in_order() -> None:
    report = demo_report()
    results = report.sections[0]
    headings = [s.heading for s in results.subsections]
    assert headings == [
        "1. Kinh tế",
        "2. Văn hóa – xã hội",
        "3. Môi trường",
        "4. Quốc phòng – an ninh",
        "5. Xây dựng Đảng và hệ thống chính trị",
    ]
    for evaluation in demo_evaluations():
        sub = next(
            s for s in results.subsections if s.heading.endswith(evaluation.target.field.label_vi)
        )
        assert evaluation.target.name.lower() in " ".join(sub.paragraphs).lower()


def test_every_sentence_about_an_estimate_says_uoc() -> None:
    report = demo_report()
    text = " ".join(all_paragraphs(report.sections[0]))
    sentences = re.split(r"(?<=\.) ", text)
    estimated = [e for e in demo_evaluations() if e.estimated]
    assert len(estimated) == 3
    for e in estimated:
        about = [s for s in sentences if e.target.name.lower() in s.lower()]
        assert about and all("ước" in s for s in about), about


def test_every_phrasing_of_a_result_can_say_it_is_an_estimate() -> None:
    # Otherwise some estimates would be printed as official figures.
    templates = load_templates()
    exempt = {"qualitative", "pending", "other"}
    for section in ("sentences", "shortfall"):
        for family, phrasings in templates[section].items():
            if family in exempt:
                continue
            for phrasing in phrasings:
                assert any(s in phrasing for s in ("{done}", "{did}", "{est}")), phrasing


def test_it_varies_the_phrasing_and_never_repeats_it_back_to_back() -> None:
    period = Period.year_of(2024)
    pairs = [
        (
            Target(f"chỉ tiêu số {i}", value=Decimal(100), unit="tỷ đồng", code=f"C{i:02d}"),
            Result(value=Decimal(110 + i), previous_value=Decimal(100)),
        )
        for i in range(12)
    ]
    evaluations = evaluate_many(pairs)
    report = build_report(CAI_LAY, period, evaluations)
    text = " ".join(all_paragraphs(report.sections[0]))
    sentences = [s for s in re.split(r"(?<=\.) ", text) if "chỉ tiêu số" in s.lower()]
    assert len(sentences) == 12
    shapes = [re.sub(r"chỉ tiêu số \d+|[\d.,]+", "#", s.lower()) for s in sentences]
    assert len(set(shapes)) >= 3
    assert all(a != b for a, b in itertools.pairwise(shapes))


def test_the_same_data_gives_the_same_document() -> None:
    assert demo_report() == demo_report()


def test_the_not_achieved_section_gives_each_shortfall() -> None:
    shortfalls = demo_report().sections[1].subsections[0].paragraphs
    assert len(shortfalls) == 3
    text = " ".join(shortfalls)
    assert "còn thiếu 78 tỷ đồng" in text  # 9.000 - 8.922
    assert "còn thiếu 8 lao động" in text  # 30 - 22
    assert "tăng 7,4% so với năm 2022" in text
    assert "giảm ít nhất 5%" in text


def test_the_pending_section_gives_the_reason() -> None:
    pending = demo_report().sections[1].subsections[1].paragraphs
    assert len(pending) == 1
    assert "Tỷ lệ tổ chức cơ sở đảng" in pending[0]
    assert "đánh giá, xếp loại tổ chức đảng vào cuối năm" in pending[0]


def test_it_says_so_when_nothing_fell_short() -> None:
    pairs = [(Target("kết nạp đảng viên mới", value=Decimal(60)), Result(value=Decimal(60)))]
    report = build_report(CAI_LAY, YEAR, evaluate_many(pairs))
    missed, pending = report.sections[1].subsections
    assert missed.paragraphs == ("Không có chỉ tiêu nào không đạt.",)
    assert pending.paragraphs == ("Tất cả các chỉ tiêu đều đã có kết quả đánh giá.",)


def test_it_lists_next_periods_targets_when_given() -> None:
    report = demo_report()
    nxt = report.sections[2]
    assert nxt.heading == "III. CHỈ TIÊU CHỦ YẾU NĂM 2024"
    assert (
        "Tổng giá trị sản xuất (giá so sánh 2010): phấn đấu từ 9.484 tỷ đồng trở lên."
        in nxt.paragraphs
    )
    assert "Tỷ lệ hộ nghèo: phấn đấu không quá 0,63%." in nxt.paragraphs
    without = build_report(CAI_LAY, YEAR, demo_evaluations())
    assert len(without.sections) == 2


def test_a_party_header_carries_the_party_name_and_a_state_one_the_motto() -> None:
    party = demo_report().header
    assert party.motto == ("ĐẢNG CỘNG SẢN VIỆT NAM",)
    assert party.body_lines == ("ĐẢNG BỘ TỈNH TIỀN GIANG", "ĐẢNG BỘ THỊ XÃ CAI LẬY")
    assert party.number_line == "Số 45-BC/TU"
    state = Header("Ủy ban nhân dân thị xã Cai Lậy", party=False, number="123/BC-UBND")
    assert state.motto == ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
    assert state.number_line == "Số: 123/BC-UBND"


def test_the_date_line_pads_days_under_ten_and_months_one_and_two() -> None:
    header = Header("x", place="Cai Lậy", date=dt.date(2024, 2, 5))
    assert header.place_date_line(2024) == "Cai Lậy, ngày 05 tháng 02 năm 2024"
    header = Header("x", place="Cai Lậy", date=dt.date(2024, 12, 15))
    assert header.place_date_line(2024) == "Cai Lậy, ngày 15 tháng 12 năm 2024"
    assert Header("x").place_date_line(2024) == "ngày     tháng     năm 2024"


def test_the_table_numbers_rows_across_fields_and_keeps_the_figures() -> None:
    report = demo_report()
    assert [g.field for g in report.table][:2] == [Field.ECONOMY, Field.CULTURE_SOCIETY]
    rows = report.rows
    assert [r.number for r in rows] == list(range(1, 20))
    budget = next(r for r in rows if "kinh tế địa phương" in r.name)
    assert budget.actual == Decimal("190.23")
    assert budget.percent_of_target == Decimal("126.82")
    assert budget.percent_of_last_year == Decimal("130.43")
    assert budget.percent_formula == "actual/target"
    poverty = next(r for r in rows if r.name == "Tỷ lệ hộ nghèo")
    assert poverty.target_text == "≤ 0,8"
    assert poverty.percent_formula == "target/actual"  # lower is better: 0,8 / 0,69
    assert poverty.status is Status.EXCEEDED


def test_the_charts_count_every_status() -> None:
    counts = dict(demo_report().charts.status_counts)
    assert counts == {
        Status.EXCEEDED: 10,
        Status.ACHIEVED: 5,
        Status.NOT_ACHIEVED: 3,
        Status.PENDING: 1,
    }


def test_a_range_target_gets_no_formula_and_reads_as_a_range() -> None:
    target = Target(
        "tốc độ tăng trưởng kinh tế",
        kind=Kind.CHANGE,
        comparator=Comparator.RANGE,
        value=Decimal("6.5"),
        value_max=Decimal(7),
        unit="%",
        basis="năm 2023",
        direction=Direction.HIGHER,
    )
    e = evaluate(target, Result(change_percent=Decimal("6.8")))
    report = build_report(CAI_LAY, Period.year_of(2024), [e])
    (row,) = report.rows
    assert row.percent_formula is None
    assert row.target_text == "tăng từ 6,5% đến 7%"
    text = " ".join(all_paragraphs(report.sections[0]))
    assert "tăng 6,8% so với năm 2023" in text


def test_it_scales_to_many_targets_with_unique_numbers() -> None:
    report = build_report(CAI_LAY, YEAR, evaluate_many(demo_pairs(3)))
    assert report.summary.total == 57
    assert len({r.number for r in report.rows}) == 57


def test_it_words_every_kind_of_target_and_shortfall() -> None:
    d = Decimal
    pairs = [
        (
            Target(
                "tốc độ tăng trưởng kinh tế",
                kind=Kind.CHANGE,
                comparator=Comparator.RANGE,
                value=d("6.5"),
                value_max=d(7),
                unit="%",
                basis="năm 2023",
            ),
            Result(change_percent=d("6.2"), estimated=True),
        ),
        (
            Target("tổng mức bán lẻ hàng hóa", value=d(5000), unit="tỷ đồng"),
            Result(percent_of_target=d("97.5")),
        ),
        (Target("công tác tuyển quân"), Result(declared_status=Status.NOT_ACHIEVED)),
        (
            Target(
                "tỷ lệ trẻ suy dinh dưỡng",
                comparator=Comparator.AT_MOST,
                value=d(8),
                unit="%",
                direction=Direction.LOWER,
            ),
            Result(value=d("8.4"), previous_value=d("8.9"), estimated=True),
        ),
        (
            Target("thu nhập bình quân", value=d(70), unit="triệu đồng"),
            Result(value=d(68), previous_value=d(64), estimated=True),
        ),
        (Target("số doanh nghiệp thành lập mới", value=d(50), unit="doanh nghiệp"), None),
    ]
    report = build_report(CAI_LAY, Period.year_of(2024), evaluate_many(pairs))
    results = " ".join(all_paragraphs(report.sections[0]))
    assert "tốc độ tăng trưởng kinh tế ước tăng 6,2%" in results.lower()
    assert "(chỉ tiêu tăng từ 6,5% đến 7%)" in results
    assert "Tỷ lệ trẻ suy dinh dưỡng ước giảm còn 8,4%" in results  # it did go down
    assert "Số doanh nghiệp thành lập mới" in results and "chưa" in results
    shortfalls = " ".join(report.sections[1].subsections[0].paragraphs)
    assert "còn thiếu 2,5 điểm phần trăm" in shortfalls  # 97,5% of target
    assert "(không quá 8%) 0,4 điểm phần trăm" in shortfalls
    assert "còn thiếu 2 triệu đồng" in shortfalls
    assert "Công tác tuyển quân: chưa đạt chỉ tiêu Nghị quyết." in shortfalls
    # One field only: its count would repeat the opening, so it is left out.
    everything = " ".join([report.opening, results, shortfalls])
    assert everything.count("Trong 6 chỉ tiêu") == 1


def test_a_rate_moves_in_percentage_points() -> None:
    text = " ".join(all_paragraphs(demo_report().sections[0]))
    # 0,95% last year, 0,69% now: the rate fell 0,26 points (not "27,37%").
    assert "Tỷ lệ hộ nghèo còn 0,69% (giảm 0,26 điểm phần trăm so với năm 2022)" in text
    assert "27,37" not in text


def test_next_targets_are_for_the_period_that_follows() -> None:
    cases = {
        "2023": "2024",
        "2024-H1": "2024-H2",
        "2024-H2": "2025",
        "2024-Q3": "2024-Q4",
        "2024-Q4": "2025-Q1",
        "2024-M12": "2025-M01",
        "2024-6M": "2024-H2",
        "2024-9M": "2024-Q4",
        "2020-2025": "2025-2030",
    }
    assert {code: following(Period.parse(code)).code for code in cases} == cases
    report = build_report(
        CAI_LAY, Period.parse("2024-H1"), demo_evaluations(), next_targets=NEXT_TARGETS
    )
    assert report.title == "Kết quả thực hiện các chỉ tiêu Nghị quyết 6 tháng đầu năm 2024"
    assert report.sections[2].heading == "III. CHỈ TIÊU CHỦ YẾU 6 THÁNG CUỐI NĂM 2024"


def test_a_resolution_with_no_targets_yet_still_renders_every_format() -> None:
    from chitieu.reports.render import FORMATS, render

    report = build_report(Header("Ủy ban nhân dân xã A", party=False), YEAR, [])
    assert report.opening == "Nghị quyết chưa có chỉ tiêu nào để đánh giá."
    assert report.rows == ()
    for fmt in FORMATS:
        assert len(render(report, fmt)) > 1000, fmt
