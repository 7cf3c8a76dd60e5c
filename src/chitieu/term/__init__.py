"""Term targets (chỉ tiêu nhiệm kỳ): progress to date and whether the term is on track.

Three kinds — an end-of-term level, a total over the term, an average yearly growth — are
assessed by comparing the pace achieved per year so far with the pace needed in the remaining
years (`assess`); `annual` turns a term target into the yearly target that keeps it on track.
Rules and worked examples: docs/term-and-forecast.md §1.
"""

from __future__ import annotations

from chitieu.term.annual import implied_annual_target
from chitieu.term.assess import AT_RISK_RATIO, PLACES, assess_term, growth_rates
from chitieu.term.model import (
    TERM_KIND_LABELS_VI,
    TERM_STATUS_LABELS_VI,
    TermAssessment,
    TermError,
    TermKind,
    TermStatus,
    TermTarget,
)
from chitieu.term.summary import count_statuses, term_sentence

__all__ = [
    "AT_RISK_RATIO",
    "PLACES",
    "TERM_KIND_LABELS_VI",
    "TERM_STATUS_LABELS_VI",
    "TermAssessment",
    "TermError",
    "TermKind",
    "TermStatus",
    "TermTarget",
    "assess_term",
    "count_statuses",
    "growth_rates",
    "implied_annual_target",
    "term_sentence",
]
