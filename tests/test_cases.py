"""The golden cases (tests/cases/*.jsonl) run through the text reader.

Each case is a short Vietnamese passage and the three lists EXTRACTION.md says the reader must
return. A case passes when the prediction matches the gold exactly under the scorer's matching
(tests/case_matching.py): every gold item matched, no extra item. Cases the reader does not pass
yet are listed in tests/cases/known_gaps.txt and run as strict xfails, so fixing one is noticed
(remove its line). The aggregate F1 over all cases must stay above tests/cases/f1_floor.txt.

The first tests check the cases themselves, so a malformed case fails even without a reader.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from case_matching import (
    CHECKS,
    LISTS,
    SUMMARY_KEYS,
    ListScore,
    describe,
    load_cases,
    match_list,
    prf,
    score_case,
)

CASES_DIR = Path(__file__).parent / "cases"
CASES = load_cases(sorted(CASES_DIR.glob("*.jsonl")))
ID_PATTERN = re.compile(r"^[a-z0-9_]+__[a-z0-9_]+$")
TARGET_KEYS = {"name", "kind", "comparator", "value", "value_max", "unit", "basis"}
RESULT_KEYS = {
    "name",
    "value",
    "unit",
    "estimated",
    "percent_of_target",
    "change_percent",
    "status",
}
STATUSES = {None, "exceeded", "achieved", "not_achieved"}
COMPARATORS = {">=", "<=", "=", "~", "range"}


def read_known_gaps() -> dict[str, str]:
    """id -> reason, from lines like `target__x  # why it fails`."""
    gaps: dict[str, str] = {}
    path = CASES_DIR / "known_gaps.txt"
    if not path.exists():
        return gaps
    for line in path.read_text(encoding="utf-8").splitlines():
        case_id, _, reason = line.partition("#")
        if case_id.strip():
            gaps[case_id.strip()] = reason.strip() or "known gap"
    return gaps


KNOWN_GAPS = read_known_gaps()


def reader() -> Callable[[str], Any]:
    """The reader's entry point, or a skip with the reason when it does not exist yet."""
    module = pytest.importorskip("chitieu.text", reason="the text reader is not installed")
    extract = getattr(module, "extract", None)
    if extract is None:
        pytest.skip("chitieu.text.extract does not exist yet")
    return extract  # type: ignore[no-any-return]


def predict(text: str) -> dict[str, Any]:
    result = reader()(text).to_dict()
    assert isinstance(result, dict)
    return result


# --- the cases themselves -----------------------------------------------------------------


def test_there_are_enough_cases_with_unique_well_formed_ids() -> None:
    ids = [c.get("id") for c in CASES]
    assert len(ids) >= 100
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert duplicates == []
    bad = [i for i in ids if not isinstance(i, str) or not ID_PATTERN.match(i)]
    assert bad == []


def test_every_known_gap_names_an_existing_case() -> None:
    ids = {c["id"] for c in CASES}
    assert sorted(set(KNOWN_GAPS) - ids) == []


def case_problems(case: dict[str, Any]) -> list[str]:
    """What is wrong with a case's gold, by EXTRACTION.md's shape rules."""
    problems: list[str] = []
    if not isinstance(case.get("text"), str) or not case["text"].strip():
        problems.append("no text")
    for kind in LISTS:
        if not isinstance(case.get(kind), list):
            problems.append(f"{kind} is not a list")
    for t in case.get("targets") or []:
        if set(t) != TARGET_KEYS:
            problems.append(f"target keys {sorted(t)}")
        if t.get("kind") not in ("level", "change") or t.get("comparator") not in COMPARATORS:
            problems.append(f"target kind/comparator {t}")
        if (t.get("comparator") == "range") != (t.get("value_max") is not None):
            problems.append(f"value_max only with a range: {t}")
        if t.get("comparator") == "range" and not t["value"] < t["value_max"]:
            problems.append(f"range lower bound first: {t}")
        if t.get("kind") == "change" and t.get("unit") not in ("%", "%/năm"):
            problems.append(f"a change is a percentage: {t}")
        if t.get("kind") == "level" and t.get("basis") is not None:
            problems.append(f"basis only for a change: {t}")
        if not isinstance(t.get("value"), int | float):
            problems.append(f"target without a value: {t}")
    for r in case.get("results") or []:
        if set(r) != RESULT_KEYS:
            problems.append(f"result keys {sorted(r)}")
        if r.get("status") not in STATUSES or not isinstance(r.get("estimated"), bool):
            problems.append(f"result status/estimated {r}")
        if r.get("value") is None and r.get("unit") is not None:
            problems.append(f"a unit without a value: {r}")
        if all(r.get(k) is None for k in ("value", "percent_of_target", "change_percent")):
            problems.append(f"result without any figure: {r}")
    for s in case.get("summaries") or []:
        if set(s) != set(SUMMARY_KEYS):
            problems.append(f"summary keys {sorted(s)}")
        if not all(s[k] is None or isinstance(s[k], int) for k in SUMMARY_KEYS):
            problems.append(f"summary counts are integers or null: {s}")
    return problems


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_the_case_is_well_formed_and_matches_itself(case: dict[str, Any]) -> None:
    assert case_problems(case) == [], case["_file"]
    # The gold scored against itself is perfect: no two gold items are indistinguishable.
    scores = score_case(case, {k: case[k] for k in LISTS})
    assert all(s.exact for s in scores.values()), describe(case["id"], scores)


def test_the_matcher_can_fail_on_a_wrong_comparator_unit_or_name() -> None:
    gold = {"name": "tỷ lệ hộ nghèo", "kind": "level", "comparator": "<=", "value": 0.63}
    gold |= {"value_max": None, "unit": "%", "basis": None}
    ok = CHECKS["targets"]
    assert ok(gold, dict(gold, name="Tỷ lệ hộ nghèo (theo chuẩn mới)", unit=" % "))
    assert not ok(gold, dict(gold, comparator=">="))
    assert not ok(gold, dict(gold, unit="‰"))
    assert not ok(gold, dict(gold, name="tỷ lệ lao động qua đào tạo"))
    # An extra item is counted against precision even when every gold item is found.
    s = match_list([gold], [gold, dict(gold, value=1)], ok)
    assert (s.tp, len(s.extras)) == (1, 1)


# --- the reader on the cases --------------------------------------------------------------


def case_params() -> list[Any]:
    params = []
    for case in CASES:
        marks = []
        if case["id"] in KNOWN_GAPS:
            marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[case["id"]]))
        params.append(pytest.param(case, id=case["id"], marks=marks))
    return params


@pytest.mark.parametrize("case", case_params())
def test_the_reader_returns_exactly_the_gold_items(case: dict[str, Any]) -> None:
    scores = score_case(case, predict(case["text"]))
    assert all(s.exact for s in scores.values()), describe(case["id"], scores)


def test_the_overall_f1_stays_above_the_floor() -> None:
    reader()
    floor = float((CASES_DIR / "f1_floor.txt").read_text(encoding="utf-8").split()[0])
    total = ListScore()
    for case in CASES:
        try:
            pred = predict(case["text"])
        except Exception:  # a crash scores as finding nothing, as in the scorer
            pred = {}
        for s in score_case(case, pred).values():
            total.add(s)
    _, _, f1 = prf(total.tp, total.n_gold, total.n_pred)
    assert f1 >= floor, f"overall F1 {f1:.3f} fell below the floor {floor}"


def test_the_heldout_cases_are_well_formed_and_distinct_from_these() -> None:
    # bench/heldout measures generalisation: same shape rules, no id shared with tests/cases.
    heldout = load_cases(sorted((CASES_DIR.parents[1] / "bench" / "heldout").glob("*.jsonl")))
    assert len(heldout) >= 25
    problems = {c["id"]: case_problems(c) for c in heldout if case_problems(c)}
    assert problems == {}
    assert {c["id"] for c in heldout} & {c["id"] for c in CASES} == set()
