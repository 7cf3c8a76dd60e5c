"""Counting evaluated targets and saying it in Vietnamese."""

from __future__ import annotations

from decimal import Decimal

import pytest

from chitieu.evaluate import evaluate
from chitieu.model import Evaluation, Field, Result, Status, Target
from chitieu.summary import (
    SENTENCE_VI,
    Summary,
    summarize,
    summarize_by_field,
    summary_sentence,
    summary_short,
)


def _evaluations(field: Field, *results: str | None) -> list[Evaluation]:
    """One target ">= 100" per result value; None means nothing reported."""
    target = Target("chỉ tiêu", value=Decimal(100), field=field)
    return [
        evaluate(target, None if value is None else Result(value=Decimal(value)))
        for value in results
    ]


def test_it_counts_exceeded_targets_among_the_achieved_ones() -> None:
    evaluations = _evaluations(Field.ECONOMY, "120", "100", "101", "80", None)
    summary = summarize(evaluations)
    assert summary == Summary(total=5, exceeded=2, achieved=3, not_achieved=1, pending=1)
    assert summary.achieved_only == 1


def test_it_counts_nothing_in_an_empty_set() -> None:
    assert summarize([]) == Summary()


def test_it_counts_by_field_in_the_usual_order_of_fields() -> None:
    evaluations = (
        _evaluations(Field.PARTY_BUILDING, "100")
        + _evaluations(Field.ECONOMY, "120", "90")
        + _evaluations(Field.ECONOMY, None)
    )
    by_field = summarize_by_field(evaluations)
    assert list(by_field) == [Field.ECONOMY, Field.PARTY_BUILDING]
    assert by_field[Field.ECONOMY] == Summary(3, 1, 1, 1, 1)
    assert by_field[Field.PARTY_BUILDING] == Summary(1, 0, 1, 0, 0)
    assert sum(by_field.values(), Summary()) == summarize(evaluations)


def test_it_rejects_counts_that_do_not_add_up() -> None:
    with pytest.raises(ValueError, match="tổng số chỉ tiêu"):
        Summary(total=19, exceeded=10, achieved=15, not_achieved=3, pending=0)
    with pytest.raises(ValueError, match="vượt"):
        Summary(total=3, exceeded=3, achieved=2, not_achieved=1, pending=0)
    with pytest.raises(ValueError, match="âm"):
        Summary(total=0, exceeded=0, achieved=1, not_achieved=-1, pending=0)


def test_the_sentence_reads_like_the_resolution_reports() -> None:
    summary = Summary(total=19, exceeded=10, achieved=15, not_achieved=3, pending=1)
    assert summary_sentence(summary) == (
        "Trong 19 chỉ tiêu Nghị quyết đề ra, có 15 chỉ tiêu đạt và vượt (trong đó 10 chỉ tiêu "
        "vượt), 3 chỉ tiêu không đạt, 1 chỉ tiêu chưa có kết quả đánh giá."
    )


def test_the_sentence_leaves_out_the_clauses_whose_count_is_zero() -> None:
    assert summary_sentence(Summary(24, 0, 22, 0, 2)) == (
        "Trong 24 chỉ tiêu Nghị quyết đề ra, có 22 chỉ tiêu đạt và vượt, "
        "2 chỉ tiêu chưa có kết quả đánh giá."
    )
    assert summary_sentence(Summary(5, 2, 4, 1, 0), subject="kinh tế") == (
        "Trong 5 chỉ tiêu kinh tế đề ra, có 4 chỉ tiêu đạt và vượt (trong đó 2 chỉ tiêu vượt), "
        "1 chỉ tiêu không đạt."
    )


def test_the_sentence_says_all_when_every_target_shares_a_state() -> None:
    assert summary_sentence(Summary(19, 10, 19, 0, 0)) == (
        "Trong 19 chỉ tiêu Nghị quyết đề ra, cả 19 chỉ tiêu đều đạt và vượt "
        "(trong đó 10 chỉ tiêu vượt)."
    )
    assert summary_sentence(Summary(19, 0, 19, 0, 0)).endswith("cả 19 chỉ tiêu đều đạt.")
    assert summary_sentence(Summary(3, 3, 3, 0, 0)).endswith("cả 3 chỉ tiêu đều vượt.")
    assert summary_sentence(Summary(4, 0, 0, 4, 0)).endswith("cả 4 chỉ tiêu đều không đạt.")
    assert summary_sentence(Summary(2, 0, 0, 0, 2)).endswith(
        "cả 2 chỉ tiêu đều chưa có kết quả đánh giá."
    )


def test_the_sentence_handles_none_achieved_and_only_exceeded() -> None:
    assert summary_sentence(Summary(5, 0, 0, 3, 2)) == (
        "Trong 5 chỉ tiêu Nghị quyết đề ra, không có chỉ tiêu nào đạt: 3 chỉ tiêu không đạt, "
        "2 chỉ tiêu chưa có kết quả đánh giá."
    )
    assert summary_sentence(Summary(5, 2, 2, 3, 0)) == (
        "Trong 5 chỉ tiêu Nghị quyết đề ra, có 2 chỉ tiêu vượt, 3 chỉ tiêu không đạt."
    )


def test_the_sentence_for_no_target_and_for_a_single_one() -> None:
    assert summary_sentence(Summary()) == "Nghị quyết chưa có chỉ tiêu nào để đánh giá."
    assert summary_sentence(Summary(), subject="kế hoạch") == (
        "Kế hoạch chưa có chỉ tiêu nào để đánh giá."
    )
    assert summary_sentence(Summary(1, 0, 0, 1, 0)) == (
        "Nghị quyết đề ra 1 chỉ tiêu, chỉ tiêu này không đạt."
    )
    assert summary_sentence(Summary(1, 0, 1, 0, 0)).endswith("chỉ tiêu này đạt.")


def test_the_sentence_writes_thousands_the_vietnamese_way() -> None:
    sentence = summary_sentence(Summary(1234, 5, 1000, 200, 34))
    assert sentence.startswith("Trong 1.234 chỉ tiêu Nghị quyết đề ra, có 1.000 chỉ tiêu đạt")


def test_every_sentence_template_is_used_by_some_summary() -> None:
    samples = [
        Summary(),
        Summary(1, 1, 1, 0, 0),
        Summary(19, 10, 15, 3, 1),
        Summary(19, 10, 19, 0, 0),
        Summary(5, 0, 0, 3, 2),
        Summary(5, 2, 2, 3, 0),
    ]
    rendered = " ".join(summary_sentence(s) for s in samples)
    for key, template in SENTENCE_VI.items():
        fixed = template.split("{")[0].strip(" ,.")
        if fixed:
            assert fixed in rendered, key


def test_the_short_form_gives_achieved_over_total_and_exceeded() -> None:
    assert summary_short(Summary(19, 10, 15, 3, 1)) == "đạt 15/19 chỉ tiêu, trong đó vượt 10"
    assert summary_short(Summary(24, 0, 22, 0, 2)) == "đạt 22/24 chỉ tiêu"
    assert summary_short(Summary(2000, 0, 1500, 500, 0)) == "đạt 1.500/2.000 chỉ tiêu"
    assert summary_short(Summary()) == "chưa có chỉ tiêu"


def test_statuses_of_every_kind_are_counted_once() -> None:
    target = Target("chỉ tiêu định tính")
    evaluations = [evaluate(target, Result(declared_status=status)) for status in Status]
    assert summarize(evaluations) == Summary(4, 1, 2, 1, 1)
