"""The evaluated table as rows of typed values, shared by every output format.

The writers only lay these rows out; what a column means is decided here once.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from chitieu.evaluate.wording import describe_target
from chitieu.model import Comparator, Evaluation, Field, Kind, Period, Status
from chitieu.numbers import format_number
from chitieu.summary import Summary, summarize, summary_sentence

# Column headers, in the order of the readable table.
STT = "STT"
NAME = "Chỉ tiêu"
UNIT = "ĐVT"
TARGET = "Chỉ tiêu NQ"
ACTUAL = "Thực hiện / Ước TH"
PERCENT = "% so với NQ"
CHANGE = "% so với cùng kỳ"
STATUS = "Đánh giá"
# Extra columns of the file formats (csv, xlsx).
CODE = "Mã"
FIELD = "Lĩnh vực"
TARGET_VALUE = "Giá trị chỉ tiêu"
ESTIMATED = "Ước tính"
REASON = "Lý do"

ESTIMATED_MARK = "(ước)"

_SYMBOLS = {
    Comparator.AT_LEAST: "≥ {v}",
    Comparator.AT_MOST: "≤ {v}",
    Comparator.EQUAL: "{v}",
    Comparator.ABOUT: "khoảng {v}",
    Comparator.RANGE: "{v} – {v_max}",
}


@dataclass(frozen=True)
class Row:
    stt: int
    code: str
    name: str
    field: Field
    unit: str | None
    kind: Kind
    comparator: Comparator
    target_text: str  # "≥ 9.484", "giảm ít nhất 5% so với cùng kỳ", "Định tính"
    target_value: Decimal | None
    target_value_max: Decimal | None
    actual: Decimal | None  # the value; for a change target the change in %
    estimated: bool
    percent_of_target: Decimal | None
    change_percent: Decimal | None
    status: Status
    reason: str

    @property
    def status_label(self) -> str:
        return self.status.label_vi


@dataclass(frozen=True)
class EvaluatedTable:
    period: Period | None
    rows: list[Row]
    summary: Summary
    sentence: str

    @property
    def title(self) -> str:
        when = f" {self.period.label_vi}" if self.period is not None else ""
        return f"Đánh giá kết quả thực hiện chỉ tiêu{when}"

    @property
    def has_fields(self) -> bool:
        return any(r.field is not Field.OTHER for r in self.rows)


def target_text(evaluation: Evaluation) -> str:
    target = evaluation.target
    if target.value is None:
        return "Định tính"
    if target.kind is Kind.CHANGE:
        return describe_target(target)
    v_max = target.value_max if target.value_max is not None else target.value
    return _SYMBOLS[target.comparator].format(
        v=format_number(target.value), v_max=format_number(v_max)
    )


def _actual(evaluation: Evaluation) -> Decimal | None:
    if evaluation.target.kind is Kind.CHANGE:
        return evaluation.change_percent
    return evaluation.result.value if evaluation.result is not None else None


def build_table(evaluations: list[Evaluation], period: Period | None) -> EvaluatedTable:
    """Rows in file order, grouped by field (in the usual order of fields) when fields are given:
    a resolution always lists its targets field by field, and the table's headings need it."""
    if any(e.target.field is not Field.OTHER for e in evaluations):
        rank = {f: i for i, f in enumerate(Field)}
        evaluations = sorted(evaluations, key=lambda e: rank[e.target.field])
    rows = []
    for stt, e in enumerate(evaluations, 1):
        t = e.target
        rows.append(
            Row(
                stt=stt,
                code=t.code,
                name=t.name,
                field=t.field,
                unit="%" if t.kind is Kind.CHANGE else t.unit,
                kind=t.kind,
                comparator=t.comparator,
                target_text=target_text(e),
                target_value=t.value,
                target_value_max=t.value_max,
                actual=_actual(e),
                estimated=e.estimated,
                percent_of_target=e.percent_of_target,
                change_percent=e.change_percent,
                status=e.status,
                reason=e.reason,
            )
        )
    summary = summarize(evaluations)
    return EvaluatedTable(period, rows, summary, summary_sentence(summary))
