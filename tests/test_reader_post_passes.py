"""The post-passes and readers made cheaper for speed keep their answers: drop_restated's pair
index against the field-by-field comparison it replaced, and the one-target mentions after a
count of targets (summaries._single_mentions, now found by one pass over the sentence)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from chitieu.text import extract
from chitieu.text.duplicates import _drop_restated_by_fields, drop_restated
from chitieu.text.headlines import drop_headline_echoes
from chitieu.text.items import ExtractedResult
from chitieu.text.spans import _top_level_comma
from chitieu.text.tables import read_tables
from chitieu.text.tokens import prepare

_NAMES = (
    "thu ngân sách",
    "tổng thu ngân sách nhà nước",
    "tỷ lệ hộ nghèo",
    "số hộ nghèo",
    "chi ngân sách",
    "thu nhập bình quân đầu người",
)


def _result(
    name: str,
    value: int | None,
    unit: str | None,
    pot: int | None,
    change: int | None,
    status: str | None,
    at: int,
) -> ExtractedResult:
    return ExtractedResult(
        name=name,
        value=Decimal(value) if value is not None else None,
        unit=unit,
        estimated=False,
        percent_of_target=Decimal(pot) if pot is not None else None,
        change_percent=Decimal(change) if change is not None else None,
        status=status,
        span=(at, at + 5),
        sentence=at,
        rule="result",
    )


_RESULTS = st.lists(
    st.tuples(
        st.sampled_from(_NAMES),
        st.one_of(st.none(), st.sampled_from((5, 95, 152))),
        st.one_of(st.none(), st.sampled_from(("tỷ đồng", "hộ"))),
        st.one_of(st.none(), st.sampled_from((95, 101))),
        st.one_of(st.none(), st.sampled_from((8, -3))),
        st.one_of(st.none(), st.sampled_from(("achieved", "exceeded"))),
    ),
    max_size=140,
)


@settings(max_examples=300, deadline=None)
@given(_RESULTS)
def test_drop_restated_drops_what_the_field_by_field_comparison_drops(rows: list[tuple]) -> None:
    results = [_result(*row, at=k) for k, row in enumerate(rows)]
    assert drop_restated(results) == _drop_restated_by_fields(results)


def test_a_headline_restating_part_of_a_result_is_dropped_and_the_fuller_one_kept() -> None:
    headline = _result("thu ngân sách", None, None, 95, None, None, at=0)
    body = _result("tổng thu ngân sách", 152, "tỷ đồng", 95, 8, None, at=1)
    other = _result("tỷ lệ hộ nghèo", None, None, 95, None, None, at=2)
    assert drop_restated([headline, body, other]) == [body, other]


def test_a_result_stating_nothing_is_compared_field_by_field() -> None:
    # No pair to index it by: any fuller result of the same indicator restates it.
    empty = _result("thu ngân sách", None, None, None, None, None, at=0)
    body = _result("thu ngân sách", 152, "tỷ đồng", None, None, None, at=1)
    assert drop_restated([empty, body]) == [body]


def test_a_nan_figure_is_never_restated_by_the_same_nan() -> None:
    nan = Decimal("NaN")
    first = ExtractedResult(
        "thu ngân sách", nan, None, False, None, None, None, (0, 5), 0, "result"
    )
    second = ExtractedResult(
        "thu ngân sách", nan, None, False, None, Decimal(8), None, (6, 9), 1, "result"
    )
    assert drop_restated([first, second]) == [first, second]


def test_a_target_named_alone_after_a_clause_break_is_counted_as_missed() -> None:
    found = extract(
        "Năm 2025, toàn xã có 12/13 chỉ tiêu đạt và vượt; chỉ tiêu thu ngân sách không đạt."
    )
    [summary] = found.summaries
    assert (summary.total, summary.achieved, summary.not_achieved) == (13, 12, 1)


def test_a_target_named_after_rieng_is_counted_as_missed() -> None:
    found = extract("Năm 2025, xã đạt 12/13 chỉ tiêu; riêng chỉ tiêu thu ngân sách chưa đạt.")
    [summary] = found.summaries
    assert (summary.total, summary.achieved, summary.not_achieved) == (13, 12, 1)


def _reference_top_level_comma(words: list[str], a: int, b: int) -> int | None:
    depth = 0
    for i in range(a, b):
        if words[i] == "(":
            depth += 1
        elif words[i] == ")":
            depth -= 1
        elif words[i] == "," and depth == 0:
            return i
    return None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(("thu", "ngân", "sách", ",", "(", ")", "5")), max_size=30))
def test_the_top_level_comma_is_the_first_comma_outside_brackets(pieces: list[str]) -> None:
    doc = prepare(" ".join(["đạt", *pieces]))
    for a in range(len(doc.words)):
        for b in range(a, len(doc.words) + 1):
            expected = _reference_top_level_comma(doc.words, a, b)
            assert _top_level_comma(doc, a, b) == expected


def test_a_clause_with_no_verb_before_its_figure_shares_the_estimate_before_it() -> None:
    found = extract(
        "Năm 2026, thu ngân sách ước đạt 65 tỷ đồng; chi ngân sách 142 tỷ đồng; "
        "tổng vốn đầu tư toàn xã hội đạt 300 tỷ đồng."
    )
    estimated = {r.name: r.estimated for r in found.results}
    # "đạt" is a verb of the clause's own: its figure is not the estimate's.
    assert estimated == {
        "thu ngân sách": True,
        "chi ngân sách": True,
        "tổng vốn đầu tư toàn xã hội": False,
    }


def test_results_each_saying_a_figure_no_other_says_are_all_kept() -> None:
    # The figures are counted first: none said twice, no result can restate another.
    results = [
        _result("thu ngân sách", 152, "tỷ đồng", 95, None, None, at=0),
        _result("thu ngân sách", None, None, 101, None, None, at=1),
        _result("tỷ lệ hộ nghèo", 5, None, None, -3, "achieved", at=2),
    ]
    assert drop_restated(results) == results


def test_a_shared_figure_alone_does_not_fold_results_of_other_indicators() -> None:
    # 95% said twice: compared, but the names are of two indicators.
    headline = _result("tỷ lệ hộ nghèo", None, None, 95, None, None, at=0)
    body = _result("tổng thu ngân sách", 152, "tỷ đồng", 95, 8, None, at=1)
    assert drop_restated([headline, body]) == [headline, body]


_BODY = " Các cấp Hội tiếp tục vận động, phát triển mới 4.120 hội viên trong năm, vượt kế hoạch."


def _item_result(name: str, value: int, at: int) -> ExtractedResult:
    return ExtractedResult(
        name, Decimal(value), "hội viên", False, None, None, None, (at, at + 5), 0, "result"
    )


def test_a_headline_without_an_item_leaves_the_body_items_as_they_are() -> None:
    text = "Hội nghị tổng kết công tác Hội năm 2026\n" + _BODY
    body = [_item_result("phát triển mới hội viên", 4120, 60), _item_result("hội viên", 12, 90)]
    assert drop_headline_echoes(text, [], body) == ([], body)


def test_a_headline_figure_said_again_in_the_body_is_dropped() -> None:
    text = "Hội LHPN tỉnh: phát triển mới 4.120 hội viên\n" + _BODY
    echo = _item_result("phát triển mới hội viên", 4120, 15)
    body = _item_result("vận động, phát triển mới hội viên", 4120, 80)
    assert drop_headline_echoes(text, [], [echo, body]) == ([], [body])


def test_a_page_menu_apart_by_bars_is_no_table() -> None:
    doc = prepare(
        "Trang chủ | Thời sự | Chính trị | Kinh tế | Xã hội\n"
        "Chia sẻ: Facebook | Zalo | In bài\n"
        "Năm 2026, thu ngân sách đạt 152 tỷ đồng."
    )
    found = read_tables(doc)
    assert (found.lines, found.targets, found.results) == ([], [], [])


def test_name_answers_are_read_once_per_name_and_again_for_another_lexicon() -> None:
    from dataclasses import replace

    from chitieu.text.naming import NameAnswers
    from chitieu.text.tokens import prepare

    calls: list[str] = []

    def read(doc: object, name: str) -> bool:
        calls.append(name)
        return name.startswith("tỷ lệ")

    answers = NameAnswers(read, size=2)
    doc = prepare("Tỷ lệ hộ nghèo còn 1,5%.")
    assert answers(doc, "tỷ lệ hộ nghèo") is True
    assert answers(doc, "tỷ lệ hộ nghèo") is True
    assert answers(doc, "thu ngân sách") is False
    assert calls == ["tỷ lệ hộ nghèo", "thu ngân sách"]
    answers(doc, "sản lượng lúa")  # a third name: full, emptied first
    answers(doc, "tỷ lệ hộ nghèo")
    assert calls[-2:] == ["sản lượng lúa", "tỷ lệ hộ nghèo"]
    other = replace(doc.lexicon)  # another lexicon: the answers read with the first are dropped
    answers(replace(doc, lexicon=other), "sản lượng lúa")
    assert calls[-1] == "sản lượng lúa" and len(calls) == 5
