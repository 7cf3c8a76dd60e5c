"""Counts over a set of evaluated targets and the Vietnamese sentence that reports them.

"Đạt" in a summary means "đạt và vượt": `achieved` counts the exceeded targets too, as the
resolutions' reports do ("đạt 15/19 chỉ tiêu, trong đó vượt 10").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from chitieu.model import Evaluation, Field, Status
from chitieu.numbers import format_number

# The wording, as data. Placeholders: {total} {achieved} {exceeded} {not_achieved} {pending}
# (already formatted the Vietnamese way) and {subject} ("Nghị quyết", "kinh tế"…).
SENTENCE_VI: dict[str, str] = {
    "empty": "{Subject} chưa có chỉ tiêu nào để đánh giá.",
    "intro": "Trong {total} chỉ tiêu {subject} đề ra, ",
    "single_intro": "{Subject} đề ra 1 chỉ tiêu, ",
    "single": "chỉ tiêu này {state}",
    "all": "cả {total} chỉ tiêu đều {state}",
    "first": "có ",
    "achieved": "{achieved} chỉ tiêu đạt và vượt",
    "exceeded_clause": " (trong đó {exceeded} chỉ tiêu vượt)",
    "only_exceeded": "{exceeded} chỉ tiêu vượt",
    "none_achieved": "không có chỉ tiêu nào đạt: ",
    "not_achieved": "{not_achieved} chỉ tiêu không đạt",
    "pending": "{pending} chỉ tiêu chưa có kết quả đánh giá",
    "separator": ", ",
    "end": ".",
}
# What a whole set (or a single target) is when every target shares one state.
STATE_VI: dict[str, str] = {
    "exceeded": "vượt",
    "achieved": "đạt và vượt",
    "achieved_only": "đạt",
    "not_achieved": "không đạt",
    "pending": "chưa có kết quả đánh giá",
}
SHORT_VI: dict[str, str] = {
    "empty": "chưa có chỉ tiêu",
    "base": "đạt {achieved}/{total} chỉ tiêu",
    "exceeded": ", trong đó vượt {exceeded}",
}


@dataclass(frozen=True)
class Summary:
    """How many targets of a set are in each state; `achieved` includes `exceeded`."""

    total: int = 0
    exceeded: int = 0
    achieved: int = 0
    not_achieved: int = 0
    pending: int = 0

    def __post_init__(self) -> None:
        counts = (self.total, self.exceeded, self.achieved, self.not_achieved, self.pending)
        if min(counts) < 0:
            raise ValueError("số chỉ tiêu không được âm")
        if self.exceeded > self.achieved:
            raise ValueError("số chỉ tiêu vượt không được lớn hơn số chỉ tiêu đạt và vượt")
        if self.achieved + self.not_achieved + self.pending != self.total:
            raise ValueError("tổng số chỉ tiêu phải bằng đạt + không đạt + chưa đánh giá")

    @property
    def achieved_only(self) -> int:
        """Achieved exactly, not exceeded."""
        return self.achieved - self.exceeded

    def __add__(self, other: Summary) -> Summary:
        return Summary(
            self.total + other.total,
            self.exceeded + other.exceeded,
            self.achieved + other.achieved,
            self.not_achieved + other.not_achieved,
            self.pending + other.pending,
        )


def summary_from_statuses(statuses: Iterable[Status]) -> Summary:
    counts = dict.fromkeys(Status, 0)
    for status in statuses:
        counts[status] += 1
    exceeded = counts[Status.EXCEEDED]
    achieved = exceeded + counts[Status.ACHIEVED]
    return Summary(
        total=achieved + counts[Status.NOT_ACHIEVED] + counts[Status.PENDING],
        exceeded=exceeded,
        achieved=achieved,
        not_achieved=counts[Status.NOT_ACHIEVED],
        pending=counts[Status.PENDING],
    )


def summarize(evaluations: Iterable[Evaluation]) -> Summary:
    return summary_from_statuses(e.status for e in evaluations)


def summarize_by_field(evaluations: Iterable[Evaluation]) -> dict[Field, Summary]:
    """One Summary per field that has targets, in the usual order of fields."""
    groups: dict[Field, list[Status]] = {}
    for e in evaluations:
        groups.setdefault(e.target.field, []).append(e.status)
    return {f: summary_from_statuses(groups[f]) for f in Field if f in groups}


def summary_sentence(summary: Summary, *, subject: str = "Nghị quyết") -> str:
    """ "Trong 19 chỉ tiêu Nghị quyết đề ra, có 15 chỉ tiêu đạt và vượt (trong đó 10 chỉ tiêu
    vượt), 3 chỉ tiêu không đạt, 1 chỉ tiêu chưa có kết quả đánh giá." Zero counts are left
    out; a set where every target shares a state says "cả N chỉ tiêu đều …"."""
    words = _words(summary, subject)
    t = SENTENCE_VI
    if summary.total == 0:
        return t["empty"].format(**words)
    state = _common_state(summary)
    if summary.total == 1:
        assert state is not None  # one target always has one state
        return t["single_intro"].format(**words) + t["single"].format(state=state) + t["end"]
    intro = t["intro"].format(**words)
    if state is not None:
        body = t["all"].format(state=state, **words)
        if state == STATE_VI["achieved"]:
            body += t["exceeded_clause"].format(**words)
        return intro + body + t["end"]
    parts: list[str] = []
    lead = t["none_achieved"] if summary.achieved == 0 else t["first"]
    if summary.achieved == 0:
        pass  # said by the lead: "không có chỉ tiêu nào đạt: …"
    elif summary.exceeded == summary.achieved:
        parts.append(t["only_exceeded"].format(**words))
    else:
        part = t["achieved"].format(**words)
        if summary.exceeded:
            part += t["exceeded_clause"].format(**words)
        parts.append(part)
    if summary.not_achieved:
        parts.append(t["not_achieved"].format(**words))
    if summary.pending:
        parts.append(t["pending"].format(**words))
    return intro + lead + t["separator"].join(parts) + t["end"]


def summary_short(summary: Summary) -> str:
    """ "đạt 15/19 chỉ tiêu, trong đó vượt 10"; the "trong đó" part only when some exceeded."""
    words = _words(summary, "")
    if summary.total == 0:
        return SHORT_VI["empty"]
    text = SHORT_VI["base"].format(**words)
    if summary.exceeded:
        text += SHORT_VI["exceeded"].format(**words)
    return text


def _common_state(summary: Summary) -> str | None:
    """The state every target of the set is in, or None when they differ."""
    n = summary.total
    if summary.exceeded == n:
        return STATE_VI["exceeded"]
    if summary.achieved == n:
        return STATE_VI["achieved" if summary.exceeded else "achieved_only"]
    if summary.not_achieved == n:
        return STATE_VI["not_achieved"]
    if summary.pending == n:
        return STATE_VI["pending"]
    return None


def _words(summary: Summary, subject: str) -> dict[str, str]:
    return {
        "total": format_number(summary.total),
        "achieved": format_number(summary.achieved),
        "exceeded": format_number(summary.exceeded),
        "not_achieved": format_number(summary.not_achieved),
        "pending": format_number(summary.pending),
        "subject": subject,
        "Subject": subject[:1].upper() + subject[1:],
    }
