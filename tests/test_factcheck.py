"""The fact check: every number of a text compared with the data."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from chitieu.cli import main
from chitieu.model import Field
from chitieu.reports.demo import (
    HEADER,
    KIEN_TUONG_YEAR,
    NEXT_TARGETS,
    demo_evaluations,
    demo_report,
    kien_tuong_evaluations,
)
from chitieu.reports.factcheck import (
    Verdict,
    check_text,
    same_at_stated_precision,
    summary_scope,
)
from chitieu.reports.matching import best_tie, score
from chitieu.reports.model import Report, Section, build_report
from chitieu.reports.render import render

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "chitieu" / "reports" / "samples"
CAI_LAY = SAMPLES / "cai-lay-2024.txt"
KIEN_TUONG = SAMPLES / "kien-tuong-2019.txt"


def test_the_cai_lay_article_has_no_false_mismatch_against_the_demo_data() -> None:
    result = check_text(CAI_LAY.read_text(encoding="utf-8"), demo_evaluations(), NEXT_TARGETS)
    assert result.mismatches == []
    matched = {(c.target_code, c.aspect) for c in result.matches}
    # The article's figures for 2023, tied to the right targets.
    assert {
        ("KT02", "percent_of_target"),  # 126,82%
        ("KT02", "change_percent"),  # tăng 30,43%
        ("XH06", "value"),  # tỷ lệ hộ nghèo 0,69%
        ("KT01", "percent_of_target"),  # 99,13%
        ("AN01", "change_percent"),  # tội phạm tăng 7,4%
    } <= matched
    summary = {c.aspect: c.stated for c in result.matches if c.claim == "summary"}
    assert summary == {"total": "19", "achieved": "15", "exceeded": "10", "pending": "1"}


def test_the_kien_tuong_article_has_no_false_mismatch_against_the_demo_data() -> None:
    result = check_text(KIEN_TUONG.read_text(encoding="utf-8"), kien_tuong_evaluations())
    assert result.mismatches == []
    assert len(result.matches) >= 12
    summary = {c.aspect: c.stated for c in result.matches if c.claim == "summary"}
    assert summary == {"total": "24", "achieved": "22", "pending": "2"}
    budget = {c.aspect: c.stated for c in result.matches if c.target_code == "KT04"}
    assert budget == {"percent_of_target": "148%", "change_percent": "giảm 26%", "status": "Vượt"}


@pytest.mark.parametrize(
    ("original", "altered", "aspect", "stated", "expected"),
    [
        ("126,82%", "128,82%", "percent_of_target", "128,82%", "126,82%"),
        ("tăng 30,43%", "tăng 31,43%", "change_percent", "tăng 31,43%", "tăng 30,43%"),
        ("có 10 chỉ tiêu vượt", "có 11 chỉ tiêu vượt", "exceeded", "11", "10"),
        ("giảm còn 0,69%", "giảm còn 0,59%", "value", "0,59%", "0,69%"),
        ("99,13%", "98,13%", "percent_of_target", "98,13%", "99,13%"),
        (
            "9.484 tỷ đồng",
            "9.848 tỷ đồng",
            "target",
            "từ 9.848 tỷ đồng trở lên",
            "từ 9.484 tỷ đồng trở lên",
        ),
    ],
)
def test_it_catches_a_number_changed_on_purpose(
    original: str, altered: str, aspect: str, stated: str, expected: str
) -> None:
    text = CAI_LAY.read_text(encoding="utf-8")
    assert original in text
    result = check_text(text.replace(original, altered, 1), demo_evaluations(), NEXT_TARGETS)
    assert [(c.aspect, c.stated, c.expected) for c in result.mismatches] == [
        (aspect, stated, expected)
    ]
    assert expected in result.mismatches[0].message


def test_it_catches_a_changed_count_in_the_kien_tuong_article() -> None:
    text = KIEN_TUONG.read_text(encoding="utf-8").replace("có 22/24 chỉ tiêu", "có 23/24 chỉ tiêu")
    result = check_text(text, kien_tuong_evaluations())
    assert [(c.aspect, c.stated, c.expected) for c in result.mismatches] == [
        ("achieved", "23", "22")
    ]


def test_a_number_agrees_at_the_precision_the_text_writes_it() -> None:
    assert same_at_stated_precision(Decimal("148"), Decimal("148.00"))
    assert same_at_stated_precision(Decimal("126.8"), Decimal("126.82"))
    assert same_at_stated_precision(Decimal("99.13"), Decimal("99.125"))  # half up
    assert not same_at_stated_precision(Decimal("99.13"), Decimal("99.12"))
    assert not same_at_stated_precision(Decimal("127"), Decimal("126.4"))


def test_names_tie_by_shared_syllables_both_ways() -> None:
    names = ["tổng thu ngân sách địa phương", "số vụ tội phạm về trật tự xã hội"]
    crime = best_tie("tội phạm về trật tự xã hội", names)
    assert crime is not None and crime.index == 1 and crime.strong
    # Three of four syllables shared, but "chi" is not "thu": no tie.
    assert best_tie("tổng chi ngân sách", names) is None
    assert score("công tác thu, chi ngân sách Nhà nước", "thu ngân sách nhà nước") > 0.8
    assert score("lĩnh vực kinh tế", "kinh tế") == 1.0  # frame words dropped


def test_a_loose_tie_confirms_an_equal_number_but_never_accuses() -> None:
    evaluations = kien_tuong_evaluations()
    # "Bảo hiểm y tế toàn dân" ties loosely to "tỷ lệ người dân tham gia bảo hiểm y tế".
    right = check_text(
        "Năm 2019, công tác bảo hiểm y tế toàn dân đã đạt 85%, tăng 1,9% so với cùng kỳ.",
        evaluations,
    )
    assert [c.verdict for c in right.checks] == [Verdict.MATCH, Verdict.MATCH]
    assert {c.target_code for c in right.checks} == {"XH04"}
    other = check_text(
        "Năm 2019, công tác bảo hiểm y tế toàn dân đã đạt 91%, tăng 2,9% so với cùng kỳ.",
        evaluations,
    )
    assert [c.verdict for c in other.checks] == [Verdict.UNTIED, Verdict.UNTIED]


def test_a_count_about_one_field_is_checked_against_that_field() -> None:
    assert summary_scope("6 chỉ tiêu lĩnh vực kinh tế đề ra") is Field.ECONOMY
    assert summary_scope("19 chỉ tiêu Nghị quyết đề ra") is None
    text = "Trong 6 chỉ tiêu lĩnh vực kinh tế đề ra, có 5 chỉ tiêu đạt và vượt."
    result = check_text(text, demo_evaluations())
    assert {(c.aspect, c.verdict) for c in result.checks} == {
        ("total", Verdict.MATCH),
        ("achieved", Verdict.MATCH),
    }


def test_a_claim_about_an_unknown_indicator_is_reported_as_untied() -> None:
    result = check_text("Số hộ dân dùng điện lưới đạt 99,8%.", demo_evaluations())
    assert [c.verdict for c in result.checks] == [Verdict.UNTIED]
    assert "không gắn được" in result.checks[0].message


def _report_text(report: Report) -> str:
    def paragraphs(section: Section) -> list[str]:
        out = list(section.paragraphs)
        for sub in section.subsections:
            out.extend(paragraphs(sub))
        return out

    return "\n\n".join([report.opening] + [p for s in report.sections[:2] for p in paragraphs(s)])


def test_the_kien_tuong_report_we_write_passes_its_own_fact_check() -> None:
    # Writer and reader agree: every number of our own draft reads back as the data.
    evaluations = kien_tuong_evaluations()
    report = build_report(HEADER, KIEN_TUONG_YEAR, evaluations)
    result = check_text(_report_text(report), evaluations)
    assert result.mismatches == []
    assert len(result.matches) >= 40


def test_the_cai_lay_report_we_write_passes_its_own_fact_check() -> None:
    result = check_text(_report_text(demo_report()), demo_evaluations())
    assert result.mismatches == []


def test_the_command_exits_1_on_a_mismatch_and_prints_the_right_value(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "du-thao.txt"
    draft.write_text(
        CAI_LAY.read_text(encoding="utf-8").replace("126,82%", "121,82%"), encoding="utf-8"
    )
    assert main(["check", str(draft), "--demo", "cai-lay-2023"]) == 1
    out = capsys.readouterr().out
    assert "✗ “Thu ngân sách từ kinh tế địa phương” (% so với chỉ tiêu): " in out
    assert "văn bản ghi 121,82%, dữ liệu là 126,82%" in out
    assert "sai lệch: 1;" in out


def test_the_command_exits_0_and_prints_json_for_a_correct_article(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["check", str(KIEN_TUONG), "--demo", "kien-tuong-2019", "--format", "json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["counts"]["mismatch"] == 0
    assert data["counts"]["match"] >= 12


def test_the_command_checks_against_target_and_result_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    examples = Path(__file__).resolve().parents[1] / "examples"
    draft = tmp_path / "du-thao.txt"
    draft.write_text(
        "Năm 2024, tổng thu ngân sách địa phương đã đạt 201,5 tỷ đồng, tăng 15,14% so với năm 2023.\n",
        encoding="utf-8",
    )
    targets = examples / "cai-lay-2024-targets.csv"
    results = examples / "cai-lay-2024-results.csv"
    code = main(["check", str(draft), "--against", str(targets), str(results), "--period", "2024"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "201,5 tỷ đồng khớp" in out and "tăng 15,14% khớp" in out


def test_the_command_needs_data(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    draft = tmp_path / "x.txt"
    draft.write_text("Thu ngân sách đạt 100%.", encoding="utf-8")
    assert main(["check", str(draft)]) == 2
    assert "--against" in capsys.readouterr().err
    assert main(["check", str(tmp_path / "khong-co.txt"), "--demo", "cai-lay-2023"]) == 2


def test_a_value_in_another_unit_is_not_compared() -> None:
    evaluations = demo_evaluations()  # "giải quyết việc làm": 912 lao động
    same = check_text("Năm 2023, giải quyết việc làm đã đạt 912 lao động.", evaluations)
    assert [(c.aspect, c.verdict) for c in same.checks] == [("value", Verdict.MATCH)]
    other = check_text("Năm 2023, giải quyết việc làm đã đạt 912 hộ.", evaluations)
    assert [c.verdict for c in other.checks] == [Verdict.UNTIED]
    assert other.checks[0].stated == "912 hộ"


def test_the_word_draft_we_write_checks_clean_from_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The whole loop: write the draft, read it back from .docx (tables included), check it.
    report = build_report(HEADER, KIEN_TUONG_YEAR, kien_tuong_evaluations())
    draft = tmp_path / "du-thao.docx"
    draft.write_bytes(render(report, "docx", charts=False))
    code = main(["check", str(draft), "--demo", "kien-tuong-2019"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "sai lệch: 0;" in out
