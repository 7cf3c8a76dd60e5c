"""Counts over a set of assessed term targets and the Vietnamese sentence for them
("Giữa nhiệm kỳ: 8/12 chỉ tiêu đúng tiến độ, 2 có nguy cơ, 2 chậm tiến độ.")."""

from __future__ import annotations

from collections.abc import Iterable

from chitieu.term.model import TermAssessment, TermStatus


def count_statuses(assessments: Iterable[TermAssessment]) -> dict[TermStatus, int]:
    counts = dict.fromkeys(TermStatus, 0)
    for a in assessments:
        counts[a.status] += 1
    return counts


def term_sentence(assessments: Iterable[TermAssessment], lead: str = "Đến nay") -> str:
    """One sentence for reports and the dashboard; statuses with no target are left out."""
    counts = count_statuses(assessments)
    total = sum(counts.values())
    if total == 0:
        return f"{lead}: chưa có chỉ tiêu nhiệm kỳ nào."
    on_track = counts[TermStatus.ON_TRACK]
    parts = [f"{on_track}/{total} chỉ tiêu nhiệm kỳ {TermStatus.ON_TRACK.label_vi}"]
    for status in (TermStatus.AT_RISK, TermStatus.OFF_TRACK, TermStatus.NOT_ASSESSED):
        if counts[status]:
            parts.append(f"{counts[status]} {status.label_vi}")
    return f"{lead}: " + ", ".join(parts) + "."
