"""The worked examples of docs/term-and-forecast.md §2.5 are the forecast rulebook: parse, run."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest

from chitieu.forecast import Accumulation, ForecastMethod, Outlook, forecast_year_end
from chitieu.model import Comparator, Direction, Kind, Target
from chitieu.numbers import parse_number
from doc_tables import table_rows

DOC = "term-and-forecast.md"
HEADER = "| # | accumulation | current | history | target |"
NONE = "—"
YEAR = 2025


@dataclass(frozen=True)
class Example:
    number: str
    accumulation: Accumulation
    current: dict[int, Decimal]
    history: dict[int, dict[int, Decimal]]
    target: Target | None
    forecast: Decimal
    low: Decimal
    high: Decimal
    method: ForecastMethod
    outlook: Outlook


def _months(text: str, sep: str) -> dict[int, Decimal]:
    out = {}
    for item in text.split(sep):
        month, _, value = item.strip().partition("=")
        out[int(month)] = parse_number(value)
    return out


def _history(text: str) -> dict[int, dict[int, Decimal]]:
    if text == NONE:
        return {}
    out = {}
    for block in text.split("/"):
        year, _, figures = block.strip().partition(":")
        out[int(year)] = _months(figures, ";")
    return out


def _target(text: str) -> Target | None:
    if text == NONE:
        return None
    words = text.split()
    kind = Kind.LEVEL
    if words[0] == "change":
        kind, words = Kind.CHANGE, words[1:]
    comparator = Comparator(words[0])
    direction = Direction.LOWER if comparator is Comparator.AT_MOST else Direction.HIGHER
    return Target(
        name="chỉ tiêu ví dụ",
        kind=kind,
        comparator=comparator,
        value=parse_number(words[1]),
        direction=direction,
        unit="%" if kind is Kind.CHANGE else None,
    )


def load_examples() -> list[Example]:
    examples = []
    for cells in table_rows(DOC, HEADER):
        number, accumulation, current, history, target, value, low, high, method, outlook = cells
        examples.append(
            Example(
                number=number,
                accumulation=Accumulation(accumulation),
                current=_months(current, ";"),
                history=_history(history),
                target=_target(target),
                forecast=parse_number(value),
                low=parse_number(low),
                high=parse_number(high),
                method=ForecastMethod(method),
                outlook=Outlook(outlook),
            )
        )
    return examples


EXAMPLES = load_examples()


def test_the_table_covers_every_method_and_outlook() -> None:
    assert {e.method for e in EXAMPLES} == set(ForecastMethod)
    assert {e.outlook for e in EXAMPLES} == set(Outlook)
    assert {e.accumulation for e in EXAMPLES} == set(Accumulation)
    numbers = [e.number for e in EXAMPLES]
    assert len(numbers) == len(set(numbers)), "số thứ tự ví dụ bị trùng"


def _round(x: Decimal) -> Decimal:
    return x.quantize(Decimal("0.01"))


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"row{e.number}" for e in EXAMPLES])
def test_each_worked_example_forecasts_as_documented(example: Example) -> None:
    got = forecast_year_end(
        YEAR, example.current, example.history, example.accumulation, example.target
    )
    assert got.method is example.method
    assert _round(got.value) == _round(example.forecast)
    assert _round(got.low) == _round(example.low)
    assert _round(got.high) == _round(example.high)
    assert got.low <= got.value <= got.high
    assert got.outlook is example.outlook
    assert got.at_risk == (example.outlook in (Outlook.AT_RISK, Outlook.LIKELY_MISSED))
