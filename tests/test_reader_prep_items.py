"""The reader's frozen items keep the dataclass contract under their faster __init__
(items.slot_init): same parameters, defaults, equality and immutability."""

from __future__ import annotations

import inspect
from dataclasses import MISSING, FrozenInstanceError, dataclass, field, fields, replace
from decimal import Decimal

import pytest

from chitieu.text.items import (
    Diagnostic,
    ExtractedResult,
    ExtractedSummary,
    ExtractedTarget,
    slot_init,
)
from chitieu.text.sentences import Sentence
from chitieu.text.tokens import Skip

CLASSES = [ExtractedTarget, ExtractedResult, ExtractedSummary, Diagnostic, Sentence, Skip]


def _target(**changes: object) -> ExtractedTarget:
    values: dict[str, object] = {
        "name": "Tổng thu ngân sách",
        "kind": "level",
        "comparator": ">=",
        "value": Decimal("9484"),
        "value_max": None,
        "unit": "tỷ đồng",
        "basis": None,
        "span": (10, 40),
        "sentence": 0,
        "rule": "target.level",
    }
    values.update(changes)
    return ExtractedTarget(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_the_constructor_takes_the_fields_in_order_with_their_defaults(cls: type) -> None:
    params = list(inspect.signature(cls).parameters.values())
    assert [p.name for p in params] == [f.name for f in fields(cls)]
    assert [p.default for p in params] == [
        inspect.Parameter.empty if f.default is MISSING else f.default for f in fields(cls)
    ]


def test_an_item_built_by_keywords_or_positions_holds_each_field() -> None:
    t = _target()
    assert t.name == "Tổng thu ngân sách"
    assert t.value == Decimal("9484")
    assert t.span == (10, 40)
    assert t.field is None  # the default
    by_position = ExtractedTarget(*(getattr(t, f.name) for f in fields(ExtractedTarget)))
    assert by_position == t
    assert hash(by_position) == hash(t)
    assert _target(field="budget_revenue").field == "budget_revenue"
    assert _target(field="budget_revenue") != t


def test_an_item_stays_frozen_and_replace_builds_a_new_one() -> None:
    t = _target()
    with pytest.raises(FrozenInstanceError):
        t.name = "khác"  # type: ignore[misc]
    other = replace(t, name="Thu ngân sách")
    assert other.name == "Thu ngân sách"
    assert t.name == "Tổng thu ngân sách"
    d = Diagnostic((1, 2), "figure.no_name", "12%", "không có tên")
    with pytest.raises(FrozenInstanceError):
        d.message = "khác"  # type: ignore[misc]
    assert d.to_dict() == {
        "span": [1, 2],
        "rule": "figure.no_name",
        "text": "12%",
        "message": "không có tên",
    }


def test_a_missing_argument_is_refused_like_any_call() -> None:
    with pytest.raises(TypeError):
        Diagnostic((1, 2), "rule", "text")  # type: ignore[call-arg]


def test_slot_init_refuses_a_field_it_cannot_build() -> None:
    with pytest.raises(TypeError):

        @slot_init
        @dataclass(frozen=True, slots=True)
        class WithFactory:
            parts: list[int] = field(default_factory=list)
