"""Check every number a draft or an article states against the data.

The text reader (`chitieu.text.extract`) finds the claims: counts ("22/24 chỉ tiêu"), results
(value, % of target, change, status) and targets. Each is tied to a target of the data by name
(`matching.py`) and each number compared at the precision the text writes it: "126,82%" must
equal the data rounded to two decimals, "148%" the data rounded to a whole number.

Verdicts: MATCH; MISMATCH (with the right value), only for a confident tie, so a loose name never
accuses a correct number; NO_DATA when the target is found but the data lacks that figure;
UNTIED when the claim names no target of the data (or two equally well).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from chitieu.evaluate.wording import describe_target, with_unit
from chitieu.model import Evaluation, Field, Kind, Status, Target
from chitieu.numbers import format_number, quantize
from chitieu.reports.matching import Tie, best_tie
from chitieu.summary import Summary, summarize, summarize_by_field
from chitieu.tables.linking import unit_key
from chitieu.text import ExtractedResult, ExtractedSummary, ExtractedTarget, Extraction, extract


class Verdict(StrEnum):
    MATCH = "match"
    MISMATCH = "mismatch"
    NO_DATA = "no_data"
    UNTIED = "untied"

    @property
    def label_vi(self) -> str:
        return VERDICT_LABELS_VI[self]


VERDICT_LABELS_VI = {
    Verdict.MATCH: "Khớp",
    Verdict.MISMATCH: "Sai lệch",
    Verdict.NO_DATA: "Không có số liệu để đối chiếu",
    Verdict.UNTIED: "Không gắn được với chỉ tiêu nào",
}
ASPECT_LABELS_VI = {
    "value": "giá trị",
    "percent_of_target": "% so với chỉ tiêu",
    "change_percent": "% tăng/giảm so với cùng kỳ",
    "status": "đánh giá",
    "total": "tổng số chỉ tiêu",
    "achieved": "số chỉ tiêu đạt (kể cả vượt)",
    "exceeded": "số chỉ tiêu vượt",
    "not_achieved": "số chỉ tiêu không đạt",
    "pending": "số chỉ tiêu chưa đánh giá",
    "target": "chỉ tiêu đề ra",
}


# A count may be about one field ("Trong 6 chỉ tiêu lĩnh vực kinh tế đề ra…"): these words in
# the counted phrase scope it. Checked in this order ("xây dựng Đảng và hệ thống chính trị"
# before anything shorter).
FIELD_CUES: tuple[tuple[Field, tuple[str, ...]], ...] = (
    (Field.PARTY_BUILDING, ("xây dựng đảng", "hệ thống chính trị")),
    (Field.CULTURE_SOCIETY, ("văn hóa", "xã hội")),
    (Field.DEFENCE_SECURITY, ("quốc phòng", "an ninh")),
    (Field.ENVIRONMENT, ("môi trường",)),
    (Field.ECONOMY, ("kinh tế",)),
)


def summary_scope(quote: str) -> Field | None:
    """The field a counted phrase is about, if it names one."""
    text = quote.casefold()
    for fld, cues in FIELD_CUES:
        if any(cue in text for cue in cues):
            return fld
    return None


@dataclass(frozen=True)
class Check:
    claim: str  # "result" | "summary" | "target"
    aspect: str  # a key of ASPECT_LABELS_VI, or "" for an untied claim
    verdict: Verdict
    name: str  # the name as the text writes it
    stated: str  # the figure as the text states it, Vietnamese format
    expected: str = ""  # the data's figure (the right value for a mismatch)
    target_code: str = ""
    target_name: str = ""
    span: tuple[int, int] = (0, 0)
    quote: str = ""  # the stated passage

    @property
    def message(self) -> str:
        aspect = ASPECT_LABELS_VI.get(self.aspect, "")
        where = f"“{self.name}”" + (f" ({aspect})" if aspect else "")
        match self.verdict:
            case Verdict.MATCH:
                return f"{where}: {self.stated} khớp với dữ liệu."
            case Verdict.MISMATCH:
                return f"{where}: văn bản ghi {self.stated}, dữ liệu là {self.expected}."
            case Verdict.NO_DATA:
                return f"{where}: văn bản ghi {self.stated}, dữ liệu chưa có số này."
            case Verdict.UNTIED:
                return f"{where}: {self.stated} không gắn được với chỉ tiêu nào trong dữ liệu."


@dataclass(frozen=True)
class FactCheck:
    checks: tuple[Check, ...]

    def by(self, verdict: Verdict) -> list[Check]:
        return [c for c in self.checks if c.verdict is verdict]

    @property
    def mismatches(self) -> list[Check]:
        return self.by(Verdict.MISMATCH)

    @property
    def matches(self) -> list[Check]:
        return self.by(Verdict.MATCH)

    @property
    def untied(self) -> list[Check]:
        return self.by(Verdict.UNTIED)


def same_at_stated_precision(stated: Decimal, actual: Decimal) -> bool:
    """ "126,82" states two decimals: the data agrees if it rounds to 126,82 (half-up)."""
    exponent = stated.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return quantize(actual, places) == stated


def _pct(value: Decimal) -> str:
    return format_number(value) + "%"


def _signed(value: Decimal) -> str:
    if value == 0:
        return "không đổi"
    return ("tăng " if value > 0 else "giảm ") + _pct(abs(value))


def _status_agrees(stated: Status, actual: Status) -> bool:
    # "đạt" in prose also covers exceeded targets ("đạt và vượt"); "vượt" must be exceeded.
    if stated is Status.ACHIEVED:
        return actual in (Status.ACHIEVED, Status.EXCEEDED)
    return stated is actual


class _Checker:
    def __init__(self, extraction: Extraction, evaluations: Sequence[Evaluation]) -> None:
        self.x = extraction
        self.evals = list(evaluations)
        self.names = [e.target.name for e in self.evals]
        self.checks: list[Check] = []

    def quote(self, span: tuple[int, int]) -> str:
        return self.x.text[span[0] : span[1]]

    def add(self, **kw: object) -> None:
        self.checks.append(Check(**kw))  # type: ignore[arg-type]

    def number(
        self,
        claim: ExtractedResult,
        tie: Tie,
        aspect: str,
        stated: Decimal,
        actual: Decimal | None,
    ) -> None:
        e = self.evals[tie.index]
        fmt = {"percent_of_target": _pct, "change_percent": _signed}.get(
            aspect, lambda v: with_unit(v, claim.unit or e.target.unit)
        )
        common = {
            "claim": "result",
            "aspect": aspect,
            "name": claim.name,
            "stated": fmt(stated),
            "target_code": e.target.code,
            "target_name": e.target.name,
            "span": claim.span,
            "quote": self.quote(claim.span),
        }
        if actual is None and tie.strong:
            self.add(verdict=Verdict.NO_DATA, **common)
        elif actual is None:
            self.untied("result", claim.name, fmt(stated), claim.span)
        elif same_at_stated_precision(stated, actual):
            self.add(verdict=Verdict.MATCH, expected=fmt(actual), **common)
        elif tie.strong:
            self.add(verdict=Verdict.MISMATCH, expected=fmt(actual), **common)
        else:
            # A loose tie and a different number: more likely another indicator than an error.
            self.untied("result", claim.name, fmt(stated), claim.span)

    def untied(self, claim: str, name: str, stated: str, span: tuple[int, int]) -> None:
        self.add(
            claim=claim,
            aspect="",
            verdict=Verdict.UNTIED,
            name=name,
            stated=stated,
            span=span,
            quote=self.quote(span),
        )

    def result(self, claim: ExtractedResult) -> None:
        tie = best_tie(claim.name, self.names)
        if tie is None:
            self.untied("result", claim.name, self.quote(claim.span), claim.span)
            return
        e = self.evals[tie.index]
        result = e.result
        if claim.value is not None:
            actual = result.value if result is not None else None
            if e.target.kind is Kind.CHANGE:
                actual = e.change_percent
            data_unit = e.target.unit or (result.unit if result is not None else None)
            if claim.unit and data_unit and unit_key(claim.unit) != unit_key(data_unit):
                # "78,5 triệu đồng" against a target kept in "nghìn đồng": another measure, or
                # another scale; comparing the bare numbers would accuse a correct text.
                self.untied("result", claim.name, with_unit(claim.value, claim.unit), claim.span)
            else:
                self.number(claim, tie, "value", claim.value, actual)
        if claim.percent_of_target is not None:
            self.number(
                claim, tie, "percent_of_target", claim.percent_of_target, e.percent_of_target
            )
        if claim.change_percent is not None:
            self.number(claim, tie, "change_percent", claim.change_percent, e.change_percent)
        if claim.status is not None:
            self.status(claim, tie, Status(claim.status))

    def status(self, claim: ExtractedResult, tie: Tie, stated: Status) -> None:
        e = self.evals[tie.index]
        agrees = _status_agrees(stated, e.status)
        if not agrees and (not tie.strong or e.status is Status.PENDING):
            return  # nothing sure to say: a loose tie, or no verdict in the data yet
        self.add(
            claim="result",
            aspect="status",
            verdict=Verdict.MATCH if agrees else Verdict.MISMATCH,
            name=claim.name,
            stated=stated.label_vi,
            expected=e.status.label_vi,
            target_code=e.target.code,
            target_name=e.target.name,
            span=claim.span,
            quote=self.quote(claim.span),
        )

    def summary(self, claim: ExtractedSummary) -> None:
        quote = self.quote(claim.span)
        scope = summary_scope(quote)
        data: Summary | None = summarize(self.evals)
        name = "tổng hợp"
        if scope is not None:
            data = summarize_by_field(self.evals).get(scope)
            name = f"tổng hợp lĩnh vực {scope.label_vi.lower()}"
        if data is None:
            self.untied("summary", name, quote, claim.span)
            return
        for aspect in ("total", "achieved", "exceeded", "not_achieved", "pending"):
            stated = getattr(claim, aspect)
            if stated is None:
                continue
            actual: int = getattr(data, aspect)
            self.add(
                claim="summary",
                aspect=aspect,
                verdict=Verdict.MATCH if stated == actual else Verdict.MISMATCH,
                name=name,
                stated=format_number(stated),
                expected=format_number(actual),
                span=claim.span,
                quote=self.quote(claim.span),
            )

    def target(self, claim: ExtractedTarget, upcoming: Sequence[Target]) -> None:
        stated = _claim_target(claim)
        tie = best_tie(claim.name, [t.name for t in upcoming]) if upcoming else None
        if tie is None or stated is None:
            self.untied("target", claim.name, self.quote(claim.span), claim.span)
            return
        expected = upcoming[tie.index]
        same = (
            stated.value == expected.value
            and stated.value_max == expected.value_max
            and stated.comparator is expected.comparator
            and stated.kind is expected.kind
        )
        if not same and not tie.strong:
            self.untied("target", claim.name, describe_target(stated), claim.span)
            return
        self.add(
            claim="target",
            aspect="target",
            verdict=Verdict.MATCH if same else Verdict.MISMATCH,
            name=claim.name,
            stated=describe_target(stated),
            expected=describe_target(expected),
            target_code=expected.code,
            target_name=expected.name,
            span=claim.span,
            quote=self.quote(claim.span),
        )


def _claim_target(claim: ExtractedTarget) -> Target | None:
    from chitieu.model import Comparator

    try:
        return Target(
            claim.name,
            kind=Kind(claim.kind),
            comparator=Comparator(claim.comparator),
            value=claim.value,
            value_max=claim.value_max,
            unit=claim.unit,
            basis=claim.basis,
        )
    except ValueError:
        return None


def check_text(
    text: str, evaluations: Sequence[Evaluation], next_targets: Sequence[Target] = ()
) -> FactCheck:
    """Every claim of `text` checked against the evaluated data (and next period's targets:
    targets a text sets are checked only against those, never against this period's)."""
    extraction = extract(text)
    checker = _Checker(extraction, evaluations)
    for summary in extraction.summaries:
        checker.summary(summary)
    for result in extraction.results:
        checker.result(result)
    for target in extraction.targets:
        checker.target(target, next_targets)
    checks = sorted(checker.checks, key=lambda c: c.span)
    return FactCheck(tuple(checks))
