"""Term targets of a congress resolution assessed by chitieu.term: progress to date, the
yearly amount or growth still needed against what was achieved per year, and the status."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from chitieu.model import Target
from chitieu.term import (
    TermAssessment,
    TermError,
    TermKind,
    assess_term,
    implied_annual_target,
    term_sentence,
)
from chitieu.web.models import Resolution, TargetRow
from chitieu.web.planning.domain import term_results, term_target_to_domain
from chitieu.web.planning.models import TermSpec


@dataclass(frozen=True)
class TermRow:
    target: TargetRow
    spec: TermSpec
    assessment: TermAssessment | None  # None: the figures could not be assessed (see error)
    results: dict[int, Decimal]
    next_year: Target | None  # the yearly target that keeps the term on track
    error: str = ""


def assess_row(row: TargetRow, spec: TermSpec) -> TermRow:
    results = term_results(row, TermKind(spec.kind))
    try:
        # The target itself may be refused too (a growth of −100% or less, a total with no
        # good direction after an edit): said on the page, not a server error.
        term = term_target_to_domain(row, spec)
        assessment = assess_term(term, results)
    except TermError as exc:
        return TermRow(row, spec, None, results, None, str(exc))
    following = (max(results) + 1) if results else term.start_year + 1
    nxt = None
    if following <= term.end_year:
        try:
            nxt = implied_annual_target(term, results, following)
        except TermError:
            nxt = None
    return TermRow(row, spec, assessment, results, nxt)


def term_rows(resolution: Resolution) -> list[TermRow]:
    specs = (
        TermSpec.objects.filter(target__resolution=resolution)
        .select_related("target__resolution", "target__responsible_body")
        .order_by("target__order", "target_id")
    )
    return [assess_row(spec.target, spec) for spec in specs]


def sentence(rows: list[TermRow]) -> str:
    return term_sentence([r.assessment for r in rows if r.assessment is not None])
