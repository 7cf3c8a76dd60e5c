"""The worked examples of docs/evaluation.md are the rulebook: parse the table, run each row."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest

from chitieu.evaluate import evaluate
from chitieu.model import Comparator, Direction, Kind, Result, Status, Target
from chitieu.numbers import parse_number
from doc_tables import table_rows

DOC = "evaluation.md"
HEADER = "| # | comparator | kind | direction |"
NONE = "—"


@dataclass(frozen=True)
class Example:
    number: str
    target: Target
    result: Result | None
    status: Status
    percent: Decimal | None


def _target(comparator: str, kind: str, direction: str, text: str) -> Target:
    value: Decimal | None = None
    value_max: Decimal | None = None
    if text != NONE:
        low, _, high = text.partition("–")
        value = parse_number(low)
        value_max = parse_number(high) if high else None
    return Target(
        name="chỉ tiêu ví dụ",
        kind=Kind(kind),
        comparator=Comparator(comparator),
        direction=Direction(direction),
        value=value,
        value_max=value_max,
        unit="%",
    )


def _result(text: str) -> Result | None:
    if text == NONE:
        return None
    fields: dict[str, object] = {}
    names = {
        "value": "value",
        "change": "change_percent",
        "previous": "previous_value",
        "percent": "percent_of_target",
    }
    for item in (part.strip() for part in text.split(";")):
        key, _, raw = item.partition("=")
        if key == "estimated" and not raw:
            fields["estimated"] = True
        elif key == "declared":
            fields["declared_status"] = Status(raw)
        elif key in names:
            fields[names[key]] = parse_number(raw)
        else:
            raise ValueError(f"docs/evaluation.md: không hiểu {item!r} trong cột kết quả")
    return Result(**fields)  # type: ignore[arg-type]


def load_examples() -> list[Example]:
    examples = []
    for cells in table_rows(DOC, HEADER):
        number, comparator, kind, direction, target, result, status, percent = cells[:8]
        examples.append(
            Example(
                number=number,
                target=_target(comparator, kind, direction, target),
                result=_result(result),
                status=Status(status),
                percent=None if percent == NONE else parse_number(percent),
            )
        )
    return examples


EXAMPLES = load_examples()


def test_the_table_has_enough_rows_to_cover_the_rules() -> None:
    assert len(EXAMPLES) >= 25
    assert {e.target.comparator for e in EXAMPLES} == set(Comparator)
    assert {e.target.kind for e in EXAMPLES} == set(Kind)
    assert {e.target.direction for e in EXAMPLES} == set(Direction)
    assert {e.status for e in EXAMPLES} == set(Status)
    assert any(e.target.is_qualitative for e in EXAMPLES)
    assert any(e.result is None for e in EXAMPLES)
    assert any(e.result and e.result.previous_value is not None for e in EXAMPLES)
    assert any(
        e.result and e.result.value is None and e.result.percent_of_target is not None
        for e in EXAMPLES
    )
    numbers = [e.number for e in EXAMPLES]
    assert len(numbers) == len(set(numbers)), "số thứ tự ví dụ bị trùng"


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"row{e.number}" for e in EXAMPLES])
def test_each_worked_example_evaluates_as_documented(example: Example) -> None:
    evaluation = evaluate(example.target, example.result)
    assert evaluation.status is example.status
    if example.percent is None:
        assert evaluation.percent_of_target is None
    else:
        assert evaluation.percent_of_target == example.percent
    assert evaluation.estimated == bool(example.result and example.result.estimated)
