"""A threshold that says which units a count is of is a criterion, not a figure reached."""

from __future__ import annotations

from chitieu.text.cues import has_prefix, range_has, tag_cats
from chitieu.text.items import Diagnostic, figure_diagnostic
from chitieu.text.quantities import Quantity
from chitieu.text.tokens import Prepared

# Tags that make the words between two figures a statement of their own ("…, đạt 120%").
# ("trên" is also a weak target sign: not a predicate.)
_PREDICATE = (
    "verbs.",
    "modes.result",
    "modes.target",
    "modes.estimated",
    "references.",
    "status.",
    "summaries.",
)
# "…, thu ngân sách trên 50 tỷ đồng": after a comma, an indicator's head opens a new statement.
_HEADS = ("indicators.rate", "indicators.amount", "indicators.head")
# A criterion follows its count closely ("245 mô hình kinh tế của hội viên cho thu nhập từ").
_MAX_GAP = 12


def _describes(doc: Prepared, count: Quantity, q: Quantity) -> bool:
    if q.first - count.last > _MAX_GAP:
        return False
    for k in range(count.last, q.first):
        # "87 trang trại, gia trại của hội viên cho thu nhập trên 1 tỷ đồng": a comma may list
        # more nouns; any other mark, or a verb, ends the description.
        if doc.words[k] == ",":
            # "…, khởi công mới từ 10 dự án trở lên": a count after a comma is counted anew
            if q.unit_kind == "count" or has_prefix(tag_cats(doc, k + 1), _HEADS):
                return False
        elif doc.kinds[k] != "word":
            return False
        if has_prefix(tag_cats(doc, k), _PREDICATE):
            return False
    end = min(len(doc.words), q.last + 2)
    return range_has(doc, count.last, end, "comparators.threshold")


def drop_criteria(
    doc: Prepared, qs: list[Quantity], diagnostics: list[Diagnostic]
) -> list[Quantity]:
    """ "Có 245 mô hình kinh tế cho thu nhập từ 500 triệu đồng/năm trở lên": the amount says
    which models are counted; only the count is a figure."""
    out: list[Quantity] = []
    for q in qs:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.unit_kind == "count"
            and not q.is_percent
            and q.unit != prev.unit
            and _describes(doc, prev, q)
        ):
            diagnostics.append(
                figure_diagnostic(
                    doc.text,
                    q,
                    "skip.criterion",
                    "ngưỡng mô tả đối tượng được đếm, không phải số liệu",
                )
            )
            continue
        out.append(q)
    return out
