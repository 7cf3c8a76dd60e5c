"""The shortcuts of the per-figure naming path (spans, naming, clauses, results) answer as the
token-by-token tests they replace."""

from __future__ import annotations

from chitieu.text.cues import has_prefix, tag_cats
from chitieu.text.spans import keys_over
from chitieu.text.tokens import prepare

_TEXT = (
    "Năm 2025, trong đó UBND tỉnh yêu cầu các chủ đầu tư phấn đấu giải ngân 95% vốn, "
    "so với cùng kỳ tăng 12%; tỷ lệ hộ nghèo giảm còn 2,1%, đạt kế hoạch (kế hoạch 2,5%). "
    "Hội Nông dân xã đã hoàn thành 18 căn nhà với tổng kinh phí 1,2 tỷ đồng."
)

_PREFIXES = (
    ("modes.target", "modes.result"),
    ("indicators.rate", "indicators.amount", "indicators.head"),
    ("verbs.",),
    ("references.compare",),
    ("status.",),
)


def test_keys_over_a_range_answers_like_a_test_per_token() -> None:
    doc = prepare(_TEXT)
    n = len(doc.tokens)
    for a in range(0, n, 3):
        for b in (a, a + 1, a + 5, a + 20, n):
            union = keys_over(doc, a, b)
            for prefixes in _PREFIXES:
                each = any(has_prefix(tag_cats(doc, k), prefixes) for k in range(a, b))
                assert each == (not union.isdisjoint(prefixes))
