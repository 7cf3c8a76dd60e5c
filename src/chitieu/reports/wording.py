"""The sentences of a report, written from an evaluation with templates kept as data
(`templates/vi.toml`).

Each sentence family has several phrasings. `Phrasebook.say` picks one from a stable hash of
the target plus the running position, and never the phrasing it used last in that family, so
the same data always gives the same document while forty targets do not read as forty
identical sentences.
"""

from __future__ import annotations

import tomllib
import zlib
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from chitieu.evaluate.wording import describe_target, with_unit
from chitieu.model import Direction, Evaluation, Kind, Period, Status, Target
from chitieu.numbers import format_number, format_percent


@cache
def load_templates(language: str = "vi") -> dict[str, Any]:
    """The parsed TOML for `language` (cached: it is read once per process)."""
    text = (
        resources.files("chitieu.reports")
        .joinpath(f"templates/{language}.toml")
        .read_text(encoding="utf-8")
    )
    data: dict[str, Any] = tomllib.loads(text)
    return data


def mid_sentence(text: str) -> str:
    """A name as it reads inside a sentence: "Tổng thu ngân sách" -> "tổng thu ngân sách", but an
    acronym stays ("GRDP bình quân đầu người"). Names are usually typed with a capital in tables."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first.isupper():
        return text
    return text[:1].lower() + text[1:]


def sentence_case(text: str) -> str:
    """Capitalise the first letter only: "tỷ lệ hộ nghèo" -> "Tỷ lệ hộ nghèo" (never .title())."""
    return text[:1].upper() + text[1:]


@dataclass
class Phrasebook:
    """Chooses and fills phrasings; remembers the last choice per family to vary the next."""

    templates: dict[str, Any] = field(default_factory=load_templates)
    _last: dict[str, int] = field(default_factory=dict)
    _count: int = 0

    def text(self, section: str, key: str, **slots: str) -> str:
        """A single (non-varying) string from `section.key`, filled with `slots`."""
        template: str = self.templates[section][key]
        return template.format(**slots)

    def say(self, section: str, family: str, seed: str, slots: dict[str, str]) -> str:
        options: list[str] = self.templates[section][family]
        choice = self._choose(f"{section}.{family}", seed, len(options))
        return sentence_case(options[choice].format(**slots))

    def verdict(self, status: Status, seed: str) -> str:
        options: list[str] = self.templates["verdict"][status.value]
        return options[self._choose(f"verdict.{status.value}", seed, len(options))]

    def _choose(self, family: str, seed: str, n: int) -> int:
        self._count += 1
        choice = (zlib.crc32(seed.encode("utf-8")) + self._count) % n
        if n > 1 and self._last.get(family) == choice:
            choice = (choice + 1) % n
        self._last[family] = choice
        return choice


def basis_text(evaluation: Evaluation, period: Period) -> str:
    """What a change is measured against: the target's basis, else the same period last year."""
    if evaluation.target.basis:
        return evaluation.target.basis
    if evaluation.target.kind is Kind.CHANGE:
        return "cùng kỳ"
    return period.same_period_last_year.label_vi


def move_text(change: Decimal) -> str:
    if change == 0:
        return "không đổi"
    verb = "tăng" if change > 0 else "giảm"
    return f"{verb} {format_percent(abs(change))}"


def target_text(target: Target) -> str:
    """The target as a phrase without its basis ("từ 9.484 tỷ đồng trở lên", "giảm ít nhất 5%")."""
    text = describe_target(target)
    if target.kind is Kind.CHANGE:
        suffix = f" so với {target.basis or 'cùng kỳ'}"
        text = text.removesuffix(suffix)
    return text


def actual_value(evaluation: Evaluation) -> Decimal | None:
    """The number shown as "Thực hiện": the value for a level target, the change for a change."""
    result = evaluation.result
    if result is None:
        return None
    if evaluation.target.kind is Kind.CHANGE:
        return evaluation.change_percent
    return result.value


def _is_lower(target: Target) -> bool:
    return target.direction is Direction.LOWER or (
        target.comparator.value == "<=" and target.kind is Kind.LEVEL
    )


def slots_for(evaluation: Evaluation, period: Period, pb: Phrasebook) -> dict[str, str]:
    target, result = evaluation.target, evaluation.result
    estimated = evaluation.estimated
    words: dict[str, str] = pb.templates["words"]
    suffix = "_estimated" if estimated else ""
    slots = {
        "name": sentence_case(target.name),
        "name_lc": mid_sentence(target.name),
        "done": words["done" + suffix],
        "did": words["did" + suffix],
        "est": words["est" + suffix],
        "basis": basis_text(evaluation, period),
        "target": target_text(target) if target.value is not None else "",
        "verdict": pb.verdict(evaluation.status, target.code or target.name)
        if evaluation.status is not Status.PENDING
        else "",
        "pot": format_percent(evaluation.percent_of_target)
        if evaluation.percent_of_target is not None
        else "",
        "move": move_text(evaluation.change_percent)
        if evaluation.change_percent is not None
        else "",
        "actual": "",
        "gap": "",
        "reason": "",
    }
    if result is not None and result.value is not None and target.kind is Kind.LEVEL:
        unit = target.unit or result.unit
        slots["actual"] = with_unit(result.value, unit)
        if (unit or "").startswith("%") and result.previous_value is not None:
            # A rate moves in percentage points: 0,95% -> 0,69% is "giảm 0,26 điểm phần
            # trăm", not "giảm 27,37%", which readers would take for the rate itself.
            slots["move"] = points_move(result.value - result.previous_value, words)
    return slots


def points_move(diff: Decimal, words: dict[str, str]) -> str:
    if diff == 0:
        return "không đổi"
    verb = "tăng" if diff > 0 else "giảm"
    return f"{verb} {format_number(abs(diff))} {words['percent_points']}"


def narrative_sentence(evaluation: Evaluation, period: Period, pb: Phrasebook) -> str:
    """One sentence on one target: its result, % of target, change and verdict."""
    target = evaluation.target
    seed = target.code or target.name
    slots = slots_for(evaluation, period, pb)
    if evaluation.status is Status.PENDING:
        slots["reason"] = pending_reason(evaluation, pb)
        return pb.say("sentences", "pending", seed, slots)
    return pb.say("sentences", _family(evaluation, slots), seed, slots)


def _family(evaluation: Evaluation, slots: dict[str, str]) -> str:
    target = evaluation.target
    if target.is_qualitative or (not slots["actual"] and not slots["pot"] and not slots["move"]):
        return "qualitative"
    if target.kind is Kind.CHANGE:
        return "change" if slots["move"] and slots["target"] else "qualitative"
    is_rate = (target.unit or "").startswith("%")
    if slots["actual"] and (_is_lower(target) or is_rate):
        if _is_lower(target):
            down = evaluation.change_percent is not None and evaluation.change_percent < 0
            return "lower_value_down" if down else "lower_value"
        return "value_against_target_change" if slots["move"] else "value_against_target"
    if slots["actual"] and slots["pot"]:
        return "value_percent_change" if slots["move"] else "value_percent"
    if slots["pot"]:
        return "percent_only"
    if slots["actual"]:
        return "value_against_target"
    return "qualitative"


def pending_reason(evaluation: Evaluation, pb: Phrasebook) -> str:
    """Why a target is pending: the note on the result, else the evaluator's reason, lower-cased
    and without its final full stop so it reads inside parentheses."""
    result = evaluation.result
    reason = (result.note if result is not None and result.note else "") or evaluation.reason
    reason = reason.strip().rstrip(".").strip()
    if not reason:
        default: str = pb.templates["words"]["pending_reason_default"]
        return default
    return reason[:1].lower() + reason[1:]


def shortfall_sentence(evaluation: Evaluation, period: Period, pb: Phrasebook) -> str:
    """How far a not-achieved target fell short, in its own unit (or in percentage points)."""
    target, result = evaluation.target, evaluation.result
    seed = target.code or target.name
    slots = slots_for(evaluation, period, pb)
    points = pb.templates["words"]["percent_points"]
    if target.kind is Kind.CHANGE:
        family = "change" if slots["move"] and slots["target"] else "other"
    elif result is not None and result.value is not None and target.value is not None:
        bound = target.value_max if _is_lower(target) and target.value_max else target.value
        gap = abs(result.value - bound)
        unit = target.unit or result.unit
        is_rate = (unit or "").startswith("%")
        slots["gap"] = f"{format_number(gap)} {points}" if is_rate else with_unit(gap, unit)
        if _is_lower(target):
            family = "lower_value"
        else:
            family = "value" if slots["pot"] else "value_no_percent"
    elif evaluation.percent_of_target is not None:
        slots["gap"] = f"{format_number(Decimal(100) - evaluation.percent_of_target)} {points}"
        family = "percent_only"
    else:
        family = "other"
    return pb.say("shortfall", family, seed, slots)


def next_target_sentence(target: Target, pb: Phrasebook) -> str:
    name = sentence_case(target.name)
    if target.value is None:
        return pb.text("next", "qualitative", name=name)
    return pb.text("next", "item", name=name, target=describe_target(target))
