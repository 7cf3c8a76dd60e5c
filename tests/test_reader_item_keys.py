"""An item's `said()` key (how duplicates are found) says what its to_dict() says, span aside."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from chitieu.text import ExtractedResult, ExtractedTarget, extract

SEEDS = Path("/work/shared/seeds")


def _as_said(item: ExtractedTarget | ExtractedResult) -> tuple[object, ...]:
    d = item.to_dict()
    d.pop("span")
    return tuple(repr(v) if isinstance(v, float) else v for v in d.values())


def test_said_holds_every_to_dict_value_but_the_span_in_order() -> None:
    text = (
        "Năm 2026 phấn đấu tổng thu ngân sách 186,5 tỷ đồng; tỷ lệ hộ nghèo giảm còn dưới 1,5%."
        " Năm 2025 thu ngân sách ước đạt 172,3 tỷ đồng, đạt 105,2% dự toán, tăng 8,4% so với cùng"
        " kỳ."
    )
    texts = [text] + [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    items: list[ExtractedTarget | ExtractedResult] = []
    for t in texts:
        ex = extract(t)
        items += ex.targets + ex.results
    assert any(isinstance(i, ExtractedTarget) for i in items)
    assert any(isinstance(i, ExtractedResult) for i in items)
    for item in items:
        assert item.said() == _as_said(item)


def test_said_tells_apart_what_json_writes_apart_and_nothing_else() -> None:
    base = ExtractedResult(
        name="Thu ngân sách",
        value=Decimal("186"),
        unit="tỷ đồng",
        estimated=False,
        percent_of_target=None,
        change_percent=None,
        status=None,
        span=(0, 10),
        sentence=0,
        rule="result",
    )
    # Another span, the same value written with a trailing zero: the same item.
    same = replace(base, span=(50, 60), value=Decimal("186.0"))
    assert same.said() == base.said()
    # A value that is 186 as a float but not as a number: JSON writes 186.0, not 186.
    near = replace(base, value=Decimal("186.000000000000000000001"))
    assert near.said() != base.said()
    # The unit of a result with no value is not said at all.
    a = replace(base, value=None, unit="tỷ đồng", change_percent=Decimal("8.4"))
    b = replace(a, unit="triệu đồng")
    assert a.said() == b.said()
