"""The report as plain data: header, sections of sentences, appendix table, chart data.

`build_report` writes the whole document from a header, a period and the evaluations; the
renderers (docx.py, xlsx.py, html.py, pdf.py) only lay it out, so every format says the same
thing. No framework and no heavy import here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from chitieu.evaluate.wording import describe_target
from chitieu.model import Comparator, Evaluation, Field, Kind, Period, PeriodKind, Status, Target
from chitieu.numbers import format_number, quantize
from chitieu.reports.wording import (
    Phrasebook,
    actual_value,
    narrative_sentence,
    next_target_sentence,
    sentence_case,
    shortfall_sentence,
)
from chitieu.summary import Summary, summarize, summary_sentence

PARTY_MOTTO = ("ĐẢNG CỘNG SẢN VIỆT NAM",)
STATE_MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")

# How many narrative sentences go into one paragraph: a field's results read as prose, not as
# one sentence per line, but a paragraph stays short enough to edit.
SENTENCES_PER_PARAGRAPH = 3

PercentFormula = Literal["actual/target", "target/actual"]


@dataclass(frozen=True)
class Header:
    """The header block of Decree 30/2020/NĐ-CP (state) or Guidance 36-HD/VPTW (Party)."""

    body: str  # the issuing body, "Đảng bộ thị xã Cai Lậy", "Ủy ban nhân dân thị xã Cai Lậy"
    party: bool = True
    superior: str = ""  # the body above it, "Đảng bộ tỉnh Tiền Giang"; may be empty
    number: str = ""  # number and symbol, "45-BC/TU" or "123/BC-UBND"
    place: str = ""
    date: dt.date | None = None
    title: str = ""  # the subject line under "BÁO CÁO"; empty: the template's default
    # The signature block at the end of the text: "T/M BAN THƯỜNG VỤ" / "PHÓ BÍ THƯ" / a name,
    # and "Nơi nhận" on its left. All optional: without them the block is left out.
    signer_authority: str = ""
    signer_position: str = ""
    signer_name: str = ""
    recipients: tuple[str, ...] = ()

    @property
    def has_signature(self) -> bool:
        return bool(self.signer_authority or self.signer_position or self.recipients)

    @property
    def signer_lines(self) -> tuple[str, ...]:
        lines = (self.signer_authority.upper(), self.signer_position.upper())
        return tuple(line for line in lines if line)

    @property
    def recipient_lines(self) -> tuple[str, ...]:
        """ "- Ban Thường vụ Tỉnh ủy," … "- Lưu VP." as Decree 30 lists them."""
        items = list(self.recipients)
        return tuple(
            f"- {item.rstrip(',.;')}{'.' if i == len(items) - 1 else ','}"
            for i, item in enumerate(items)
        )

    @property
    def motto(self) -> tuple[str, ...]:
        return PARTY_MOTTO if self.party else STATE_MOTTO

    @property
    def body_lines(self) -> tuple[str, ...]:
        lines = (self.superior.upper(), self.body.upper())
        return tuple(line for line in lines if line)

    @property
    def number_line(self) -> str:
        # Party documents write "Số 45-BC/TU", state ones "Số: 123/BC-UBND".
        number = self.number or "     "
        return f"Số {number}" if self.party else f"Số: {number}"

    def place_date_line(self, fallback_year: int) -> str:
        """ "Cai Lậy, ngày 05 tháng 02 năm 2024": days under 10 and months 1-2 take a leading
        zero (Decree 30); without a date, blanks for the signer to fill in."""
        place = f"{self.place}, " if self.place else ""
        if self.date is None:
            return f"{place}ngày     tháng     năm {fallback_year}"
        d = self.date
        day = f"{d.day:02d}"
        month = f"{d.month:02d}" if d.month < 3 else str(d.month)
        return f"{place}ngày {day} tháng {month} năm {d.year}"


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...] = ()
    subsections: tuple[Section, ...] = ()


@dataclass(frozen=True)
class TableRow:
    number: int  # STT, continuous across fields
    name: str
    unit: str
    target: Decimal | None  # the target's number (the lower bound of a range)
    target_text: str  # the target as the resolution reads ("≤ 0,63", "6,5 - 7")
    actual: Decimal | None
    estimated: bool
    previous: Decimal | None  # the same period last year, when known
    percent_of_target: Decimal | None
    percent_of_last_year: Decimal | None  # actual / last year x 100
    status: Status
    # Which cells "% so với NQ" is computed from, when that reproduces the evaluator's figure.
    percent_formula: PercentFormula | None = None
    comparator: Comparator = Comparator.AT_LEAST
    is_change: bool = False  # a change target: "Thực hiện" is the % change itself


@dataclass(frozen=True)
class TableGroup:
    field: Field
    label: str
    rows: tuple[TableRow, ...]


@dataclass(frozen=True)
class ChartData:
    status_counts: tuple[tuple[Status, int], ...]
    percents: tuple[tuple[str, Decimal], ...]  # (target name, % of target)


@dataclass(frozen=True)
class Report:
    header: Header
    period: Period
    doc_type: str  # "BÁO CÁO"
    title: str
    lead: str
    opening: str  # the summary sentence
    summary: Summary
    sections: tuple[Section, ...]
    table: tuple[TableGroup, ...]
    charts: ChartData
    labels: dict[str, str]  # table column headers, chart titles, headings of fixed parts

    @property
    def rows(self) -> tuple[TableRow, ...]:
        return tuple(row for group in self.table for row in group.rows)


def ordered(evaluations: Iterable[Evaluation]) -> list[Evaluation]:
    """Fields in the usual order, then the target's own order, then the input order."""
    field_rank = {f: i for i, f in enumerate(Field)}
    indexed = list(enumerate(evaluations))
    indexed.sort(key=lambda p: (field_rank[p[1].target.field], p[1].target.order, p[0]))
    return [e for _, e in indexed]


def build_report(
    header: Header,
    period: Period,
    evaluations: Sequence[Evaluation],
    *,
    next_targets: Sequence[Target] = (),
    next_period: Period | None = None,
    phrasebook: Phrasebook | None = None,
    extra_sections: Sequence[Section] = (),
) -> Report:
    """`extra_sections` (forecasts at risk, overdue tasks…) follow the shortfalls, before the
    next period's targets; the caller words them."""
    pb = phrasebook or Phrasebook()
    evals = ordered(evaluations)
    summary = summarize(evals)
    labels = _labels(pb, period)
    title = header.title or pb.text("title", "default", period=period.label_vi)
    lead = pb.text("intro", "lead", body=sentence_case(header.body), period=period.label_vi)
    opening = summary_sentence(summary)

    sections = [_results_section(pb, period, evals), _shortfalls_section(pb, period, evals)]
    sections.extend(extra_sections)
    if next_targets:
        upcoming = next_period or following(period)
        sections.append(
            Section(
                pb.text("headings", "next", period=upcoming.label_vi.upper()),
                tuple(next_target_sentence(t, pb) for t in next_targets),
            )
        )
    return Report(
        header=header,
        period=period,
        doc_type=pb.text("title", "doc_type"),
        title=title,
        lead=lead,
        opening=opening,
        summary=summary,
        sections=tuple(sections),
        table=_table(evals),
        charts=_charts(evals),
        labels=labels,
    )


def _labels(pb: Phrasebook, period: Period) -> dict[str, str]:
    labels = {f"table.{k}": str(v) for k, v in pb.templates["table"].items()}
    labels.update({f"charts.{k}": str(v) for k, v in pb.templates["charts"].items()})
    labels["headings.charts"] = pb.text("headings", "charts")
    labels["headings.recipients"] = pb.text("headings", "recipients")
    labels["headings.appendix"] = pb.text("headings", "appendix")
    labels["headings.appendix_title"] = pb.text(
        "headings", "appendix_title", period=period.label_vi
    )
    return labels


def following(period: Period) -> Period:
    """The period a report's "next targets" are for: next year after a year, the second half
    after the first, the next quarter or month, the rest of the year after 6 or 9 months."""
    y, i = period.year, period.index or 0
    match period.kind:
        case PeriodKind.TERM:
            end = period.end_year or y
            return Period.term(end, end + (end - y))
        case PeriodKind.HALF:
            return Period(PeriodKind.HALF, y, 2) if i == 1 else Period.year_of(y + 1)
        case PeriodKind.QUARTER:
            return Period(PeriodKind.QUARTER, y, i + 1) if i < 4 else Period(period.kind, y + 1, 1)
        case PeriodKind.MONTH:
            return Period(PeriodKind.MONTH, y, i + 1) if i < 12 else Period(period.kind, y + 1, 1)
        case PeriodKind.CUMULATIVE_6M:
            return Period(PeriodKind.HALF, y, 2)
        case PeriodKind.CUMULATIVE_9M:
            return Period(PeriodKind.QUARTER, y, 4)
        case _:
            return Period.year_of(y + 1)


def _paragraphs(sentences: Sequence[str]) -> tuple[str, ...]:
    n = SENTENCES_PER_PARAGRAPH
    return tuple(" ".join(sentences[i : i + n]) for i in range(0, len(sentences), n))


def _by_field(evals: Sequence[Evaluation]) -> dict[Field, list[Evaluation]]:
    groups: dict[Field, list[Evaluation]] = {}
    for e in evals:
        groups.setdefault(e.target.field, []).append(e)
    return groups


def _results_section(pb: Phrasebook, period: Period, evals: Sequence[Evaluation]) -> Section:
    subsections = []
    groups = _by_field(evals)
    for i, (fld, group) in enumerate(groups.items(), start=1):
        sentences = [narrative_sentence(e, period, pb) for e in group]
        # A field's own count, unless it is the only field (the opening already says it).
        if len(group) > 1 and len(groups) > 1:
            subject = f"lĩnh vực {fld.label_vi[:1].lower()}{fld.label_vi[1:]}"
            sentences.insert(0, summary_sentence(summarize(group), subject=subject))
        subsections.append(Section(f"{i}. {fld.label_vi}", _paragraphs(sentences)))
    return Section(pb.text("headings", "results"), (), tuple(subsections))


def _shortfalls_section(pb: Phrasebook, period: Period, evals: Sequence[Evaluation]) -> Section:
    missed = [shortfall_sentence(e, period, pb) for e in evals if e.status is Status.NOT_ACHIEVED]
    pending = [narrative_sentence(e, period, pb) for e in evals if e.status is Status.PENDING]
    return Section(
        pb.text("headings", "shortfalls"),
        (),
        (
            Section(
                pb.text("headings", "not_achieved"),
                tuple(missed) or (pb.text("headings", "none_not_achieved"),),
            ),
            Section(
                pb.text("headings", "pending"),
                tuple(pending) or (pb.text("headings", "none_pending"),),
            ),
        ),
    )


def _table(evals: Sequence[Evaluation]) -> tuple[TableGroup, ...]:
    groups = []
    number = 0
    for fld, group in _by_field(evals).items():
        rows = []
        for e in group:
            number += 1
            rows.append(_row(number, e))
        groups.append(TableGroup(fld, fld.label_vi, tuple(rows)))
    return tuple(groups)


def _row(number: int, e: Evaluation) -> TableRow:
    target, result = e.target, e.result
    actual = actual_value(e)
    previous = result.previous_value if result is not None else None
    last_year: Decimal | None = None
    if target.kind is Kind.LEVEL and actual is not None and previous:
        last_year = quantize(actual / previous * 100, 2)
    elif e.change_percent is not None:
        last_year = Decimal(100) + e.change_percent
    unit = target.unit or (result.unit if result is not None and result.unit else "") or ""
    return TableRow(
        number=number,
        name=sentence_case(target.name),
        unit=unit,
        target=target.value,
        target_text=compact_target(target),
        actual=actual,
        estimated=e.estimated,
        previous=previous if target.kind is Kind.LEVEL else None,
        percent_of_target=e.percent_of_target,
        percent_of_last_year=last_year,
        status=e.status,
        percent_formula=_percent_formula(e, actual),
        comparator=target.comparator,
        is_change=target.kind is Kind.CHANGE,
    )


def compact_target(target: Target) -> str:
    """The target as a table cell, the unit being in its own column: "9.000", "≤ 0,8",
    "6,5 - 7", "khoảng 60"; a change target keeps its words ("giảm ít nhất 5%")."""
    if target.value is None:
        return ""
    if target.kind is Kind.CHANGE:
        text = describe_target(target)
        return text.removesuffix(f" so với {target.basis or 'cùng kỳ'}")
    value = format_number(target.value)
    match target.comparator:
        case Comparator.AT_MOST:
            return f"≤ {value}"
        case Comparator.ABOUT:
            return f"khoảng {value}"
        case Comparator.RANGE:
            return f"{value} - {format_number(target.value_max or target.value)}"
        case _:
            return value


def _percent_formula(e: Evaluation, actual: Decimal | None) -> PercentFormula | None:
    """The cell arithmetic that gives the evaluator's % of target, if a plain ratio does.

    The evaluator decides how % of target is defined (e.g. target / actual for a lower-is-better
    indicator); the spreadsheet recomputes it only when the same ratio of the two shown cells
    gives the same figure, so a formula never disagrees with the document."""
    target, pot = e.target, e.percent_of_target
    if pot is None or actual is None or target.value is None or target.kind is not Kind.LEVEL:
        return None
    if target.comparator not in (Comparator.AT_LEAST, Comparator.AT_MOST, Comparator.EQUAL):
        return None  # the target cell is text ("6,5 - 7", "khoảng 60"): nothing to divide
    if actual == 0 or target.value == 0:
        return None
    if quantize(actual / target.value * 100, 2) == quantize(pot, 2):
        return "actual/target"
    if quantize(target.value / actual * 100, 2) == quantize(pot, 2):
        return "target/actual"
    return None


def _charts(evals: Sequence[Evaluation]) -> ChartData:
    counts = {s: 0 for s in Status}
    for e in evals:
        counts[e.status] += 1
    percents = tuple(
        (sentence_case(e.target.name), e.percent_of_target)
        for e in evals
        if e.percent_of_target is not None
    )
    return ChartData(tuple(counts.items()), percents)
