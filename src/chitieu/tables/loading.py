"""The public entry points: files in, domain objects out, or InputErrors listing every problem.

Other parts (the report command, the web import) should call these and show `InputErrors`
as they are: each error already names its file, row and column in Vietnamese.
"""

from __future__ import annotations

from pathlib import Path

from chitieu.model import Period, Result, Target
from chitieu.tables.columns import RESULT_COLUMNS, RESULT_HEADERS, TARGET_COLUMNS, TARGET_HEADERS
from chitieu.tables.errors import ErrorCollector, InputError, InputErrors
from chitieu.tables.linking import Linked, choose_period, link
from chitieu.tables.readers import read_table
from chitieu.tables.records import ResultRow, TargetRow, read_results, read_targets

_TARGET_HEADERS = {c.field: c.header for c in TARGET_COLUMNS}
_RESULT_HEADERS = {c.field: c.header for c in RESULT_COLUMNS}


def _target_rows(path: Path, errors: ErrorCollector) -> tuple[list[TargetRow], set[str] | None]:
    """The valid target rows and every code seen; codes is None when the file is unreadable."""
    try:
        table = read_table(path, TARGET_COLUMNS, TARGET_HEADERS)
    except InputErrors as exc:
        errors.extend(exc)
        return [], None
    rows, problems, codes = read_targets(table, _TARGET_HEADERS)
    for problem in problems:
        errors.add(problem)
    if not rows and not problems:
        errors.add(InputError(str(path), "no_targets", "tệp không có chỉ tiêu nào"))
    return rows, codes


def _result_rows(path: Path, errors: ErrorCollector) -> list[ResultRow] | None:
    try:
        table = read_table(path, RESULT_COLUMNS, RESULT_HEADERS)
    except InputErrors as exc:
        errors.extend(exc)
        return None
    rows, problems = read_results(table, _RESULT_HEADERS)
    for problem in problems:
        errors.add(problem)
    return rows


def load_targets(path: Path) -> list[Target]:
    errors = ErrorCollector()
    rows, _ = _target_rows(path, errors)
    errors.raise_if_any()
    return [r.target for r in rows]


def load_results(path: Path) -> list[Result]:
    errors = ErrorCollector()
    rows = _result_rows(path, errors)
    errors.raise_if_any()
    return [r.result for r in rows or []]


def load_pairs(targets_path: Path, results_path: Path, period: Period | None = None) -> Linked:
    """Targets with their result for one period (see chitieu.tables.linking for the rules).

    Both files are read through before raising, so the user sees the errors of both."""
    errors = ErrorCollector()
    targets, codes = _target_rows(targets_path, errors)
    results = _result_rows(results_path, errors)
    if results is None or codes is None:
        errors.raise_if_any()
        raise AssertionError("unreachable")  # pragma: no cover
    # With bad rows already found, the cross-file checks still run on the rows that are good:
    # a result for a target whose row has an error is skipped (its code is in `codes`), so no
    # error is reported twice or invented. Period guesses are not made on half-read files.
    earlier = bool(errors)
    chosen, why = choose_period(period, targets, results)
    if why is not None:
        if not earlier:
            errors.add(InputError(str(results_path), "ambiguous_period", why, column="Kỳ"))
        errors.raise_if_any()
    linked, problems = link(targets, results, codes, chosen)
    for problem in problems:
        if not (earlier and problem.code == "period_mismatch"):
            errors.add(problem)
    if not errors and not linked.pairs:
        label = chosen.label_vi if chosen else ""
        errors.add(
            InputError(str(targets_path), "no_targets", f"không có chỉ tiêu nào cho kỳ {label}")
        )
    errors.raise_if_any()
    return linked
