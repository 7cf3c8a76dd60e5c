"""The scorer's matching rules, re-implemented so the golden-case tests are self-contained.

Mirrors `/work/shared/tools/score_extraction.py` (see EXTRACTION.md, "Scoring"): a target
matches when kind, comparator, value, value_max and unit agree and the names share most of
their words; a result when value, percent_of_target, change_percent and estimated agree (unit
only when the gold has a value, status only when the gold has one); a summary when all five
counts agree. Predictions are de-duplicated before matching, exactly as the scorer does, so a
reader that emits the same item twice is not punished twice (and a gold file must never hold
two identical items: the second could never be matched).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Item = dict[str, Any]
LISTS = ("targets", "results", "summaries")
SUMMARY_KEYS = ("total", "achieved", "exceeded", "not_achieved", "pending")
# The share of the shorter name's words that must appear in the other name.
NAME_OVERLAP = 0.6


def norm(value: object) -> str | None:
    """NFC, no-break spaces as spaces, lower case, collapsed spaces, trimmed punctuation."""
    if value is None:
        return None
    s = unicodedata.normalize("NFC", str(value)).replace("\xa0", " ").lower()
    s = re.sub(r"\s+", " ", s).strip(" .,;:")
    return s or None


def tokens(value: object) -> set[str]:
    return set(re.findall(r"\w+", norm(value) or ""))


def name_ok(gold: object, pred: object) -> bool:
    a, b = tokens(gold), tokens(pred)
    if not a or not b:
        return False
    return len(a & b) / min(len(a), len(b)) >= NAME_OVERLAP


def num_eq(gold: object, pred: object) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    try:
        g, p = float(gold), float(pred)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    return abs(g - p) <= 1e-6 * max(1.0, abs(g))


def target_ok(g: Item, p: Item) -> bool:
    return (
        g.get("kind") == p.get("kind")
        and g.get("comparator") == p.get("comparator")
        and num_eq(g.get("value"), p.get("value"))
        and num_eq(g.get("value_max"), p.get("value_max"))
        and norm(g.get("unit")) == norm(p.get("unit"))
        and name_ok(g.get("name"), p.get("name"))
    )


def result_ok(g: Item, p: Item) -> bool:
    if not (
        num_eq(g.get("value"), p.get("value"))
        and num_eq(g.get("percent_of_target"), p.get("percent_of_target"))
        and num_eq(g.get("change_percent"), p.get("change_percent"))
        and bool(g.get("estimated")) == bool(p.get("estimated"))
        and name_ok(g.get("name"), p.get("name"))
    ):
        return False
    if g.get("value") is not None and norm(g.get("unit")) != norm(p.get("unit")):
        return False
    return not (g.get("status") is not None and g.get("status") != p.get("status"))


def summary_ok(g: Item, p: Item) -> bool:
    return all(g.get(k) == p.get(k) for k in SUMMARY_KEYS)


CHECKS: dict[str, Callable[[Item, Item], bool]] = {
    "targets": target_ok,
    "results": result_ok,
    "summaries": summary_ok,
}


def item_key(item: Item) -> str:
    return json.dumps(
        {
            k: (norm(v) if isinstance(v, str) else v)
            for k, v in sorted(item.items())
            if k not in ("text", "span", "source")
        },
        ensure_ascii=False,
        sort_keys=True,
    )


def dedupe(items: Iterable[Item]) -> list[Item]:
    seen: set[str] = set()
    out: list[Item] = []
    for it in items:
        k = item_key(it)
        if k not in seen:
            seen.add(k)
            out.append(it)
    return out


@dataclass
class ListScore:
    """How one list of one passage (or of many, when added up) matched."""

    tp: int = 0
    n_gold: int = 0
    n_pred: int = 0
    misses: list[Item] = field(default_factory=list)
    extras: list[Item] = field(default_factory=list)

    def add(self, other: ListScore) -> None:
        self.tp += other.tp
        self.n_gold += other.n_gold
        self.n_pred += other.n_pred
        self.misses.extend(other.misses)
        self.extras.extend(other.extras)

    @property
    def exact(self) -> bool:
        return not self.misses and not self.extras


def match_list(gold: list[Item], pred: list[Item], ok: Callable[[Item, Item], bool]) -> ListScore:
    """Greedy first-fit matching in gold order, as the scorer does."""
    pred = dedupe(pred)
    used: set[int] = set()
    misses: list[Item] = []
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and ok(g, p):
                used.add(i)
                break
        else:
            misses.append(g)
    extras = [p for i, p in enumerate(pred) if i not in used]
    return ListScore(len(gold) - len(misses), len(gold), len(pred), misses, extras)


def score_case(gold: Item, pred: Item) -> dict[str, ListScore]:
    """Score one prediction (the reader's three lists) against one case's gold lists."""
    return {
        kind: match_list(gold.get(kind) or [], pred.get(kind) or [], ok)
        for kind, ok in CHECKS.items()
    }


def prf(tp: int, n_gold: int, n_pred: int) -> tuple[float, float, float]:
    """Precision, recall, F1 with the scorer's conventions for empty lists."""
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def describe(case_id: str, scores: dict[str, ListScore]) -> str:
    """A readable diff for an assertion message: what was missed, what was extra."""
    lines = [case_id]
    for kind, s in scores.items():
        for m in s.misses:
            lines.append(f"  MISSED {kind}: {json.dumps(m, ensure_ascii=False)}")
        for e in s.extras:
            lines.append(f"  EXTRA  {kind}: {json.dumps(e, ensure_ascii=False)}")
    return "\n".join(lines)


def load_cases(paths: Iterable[Any]) -> list[Item]:
    """Every case of the given .jsonl files, in file order, each tagged with its file name."""
    cases: list[Item] = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    case = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}, dòng {lineno}: JSON không hợp lệ ({exc})") from exc
                case["_file"] = f"{getattr(path, 'name', path)}:{lineno}"
                cases.append(case)
    return cases


def case_texts() -> list[str]:
    """The passage of every golden case (tests/cases/*.jsonl), in file order."""
    cases_dir = Path(__file__).parent / "cases"
    return [c["text"] for c in load_cases(sorted(cases_dir.glob("*.jsonl"))) if c.get("text")]
