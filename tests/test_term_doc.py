"""The worked examples of docs/term-and-forecast.md §1.6 are the term rulebook: parse, run."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest

from chitieu.model import Direction
from chitieu.numbers import parse_number
from chitieu.term import TermAssessment, TermKind, TermStatus, TermTarget, assess_term
from doc_tables import table_rows

DOC = "term-and-forecast.md"
HEADER = "| # | kind | direction | target | baseline | results |"
NONE = "—"


@dataclass(frozen=True)
class Example:
    number: str
    target: TermTarget
    results: dict[int, Decimal]
    status: TermStatus
    progress: Decimal | None
    achieved: Decimal | None
    needed: Decimal | None
    pace: Decimal | None


def _number(text: str) -> Decimal | None:
    return None if text == NONE else parse_number(text)


def _results(text: str) -> dict[int, Decimal]:
    if text == NONE:
        return {}
    out = {}
    for item in text.split(";"):
        year, _, value = item.strip().partition("=")
        out[int(year)] = parse_number(value)
    return out


def load_examples() -> list[Example]:
    examples = []
    for cells in table_rows(DOC, HEADER):
        number, kind, direction, target, baseline, results, status = cells[:7]
        progress, achieved, needed, pace = cells[7:11]
        examples.append(
            Example(
                number=number,
                target=TermTarget(
                    name=f"ví dụ {number}",
                    kind=TermKind(kind),
                    start_year=2020,
                    end_year=2025,
                    value=parse_number(target),
                    direction=Direction(direction),
                    baseline=_number(baseline),
                ),
                results=_results(results),
                status=TermStatus(status),
                progress=_number(progress),
                achieved=_number(achieved),
                needed=_number(needed),
                pace=_number(pace),
            )
        )
    return examples


EXAMPLES = load_examples()


def test_the_table_covers_every_kind_direction_and_status() -> None:
    assert len(EXAMPLES) >= 20
    assert {e.target.kind for e in EXAMPLES} == set(TermKind)
    assert {e.status for e in EXAMPLES} == set(TermStatus)
    for kind in TermKind:
        statuses = {e.status for e in EXAMPLES if e.target.kind is kind}
        assert {TermStatus.ON_TRACK, TermStatus.AT_RISK, TermStatus.OFF_TRACK} <= statuses, kind
    assert {e.target.direction for e in EXAMPLES} == set(Direction)
    numbers = [e.number for e in EXAMPLES]
    assert len(numbers) == len(set(numbers)), "số thứ tự ví dụ bị trùng"


def _close(actual: Decimal | None, expected: Decimal | None) -> bool:
    # The table writes numbers rounded to 2 places and drops trailing zeros.
    if expected is None or actual is None:
        return actual is expected
    return actual.quantize(Decimal("0.01")) == expected.quantize(Decimal("0.01"))


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"row{e.number}" for e in EXAMPLES])
def test_each_worked_example_is_assessed_as_documented(example: Example) -> None:
    got: TermAssessment = assess_term(example.target, example.results)
    assert got.status is example.status, got.reason
    assert _close(got.progress_percent, example.progress)
    assert _close(got.per_year_achieved, example.achieved)
    assert _close(got.per_year_needed, example.needed)
    assert _close(got.pace_percent, example.pace)
    assert got.reason
