"""The C collation of the hot code columns (scale migration 0003), on PostgreSQL.

Runs on PostgreSQL through scripts/test.sh; on SQLite the migration does nothing (its
comparisons are bytewise already) and the PostgreSQL checks are skipped."""

from __future__ import annotations

import importlib

import pytest
from django.core.management import call_command
from django.db import connection

from chitieu.web.models import ResultState, ResultVersion
from chitieu.web.scale.models import TargetEvaluation

COLUMNS = importlib.import_module("chitieu.web.scale.migrations.0003_c_collation").COLUMNS


def _collations() -> dict[tuple[str, str], str | None]:
    with connection.cursor() as cur:
        cur.execute(
            "SELECT table_name, column_name, collation_name FROM information_schema.columns"
            " WHERE table_name || '.' || column_name = ANY(%s)",
            [[f"{t}.{c}" for t, c, _ in COLUMNS]],
        )
        return {(t, c): name for t, c, name in cur.fetchall()}


def _postgresql() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("collations of columns are PostgreSQL's; SQLite compares bytewise")


@pytest.mark.django_db(transaction=True)
def test_the_collation_migration_applies_and_reverses() -> None:
    _postgresql()
    wanted = {(t, c): "C" for t, c, _ in COLUMNS}
    assert _collations() == wanted
    try:
        call_command("migrate", "scale", "0002", verbosity=0)
        assert set(_collations().values()) == {None}  # the database's default again
    finally:
        call_command("migrate", "scale", verbosity=0)
    assert _collations() == wanted


def _plan(qs: object) -> str:
    with connection.cursor() as cur:
        cur.execute("SET enable_seqscan = off")  # empty tables: ask whether the index CAN serve
        try:
            return str(qs.explain())  # type: ignore[attr-defined]
        finally:
            cur.execute("RESET enable_seqscan")


def _index_conditions(plan: str) -> str:
    return "\n".join(line for line in plan.splitlines() if "Index Cond" in line)


@pytest.mark.django_db
def test_queries_on_the_code_columns_still_use_their_indexes() -> None:
    _postgresql()
    approved = ResultVersion.objects.filter(state=ResultState.APPROVED, period_code="2025")
    # Which index serves it on empty tables varies with the server (PostgreSQL 18's skip scan
    # took unique_result_version in CI, led by target_id): what the collation must not break
    # is that the C-collated period_code is still compared inside an index.
    plan = _plan(approved.values("target_id"))
    assert "period_code" in _index_conditions(plan), plan
    by_code = TargetEvaluation.objects.filter(year=2025, code="KT01").values(
        "province_id", "status"
    )
    with connection.cursor() as cur:  # (the test's transaction puts it back)
        # On empty tables the planner may pick any index led by a column it can use (seen in
        # CI: scale_eval_prov); leave it only the one whose condition is on `code`.
        cur.execute("DROP INDEX scale_eval_year_prov")
        cur.execute("DROP INDEX scale_eval_prov")
    plan = _plan(by_code)
    # The code condition is an index condition: the C-collated column still matches its index.
    assert "scale_eval_year_code" in plan and "code" in _index_conditions(plan), plan
    versions = ResultVersion.objects.filter(target_id=1, period_code="2025", state="approved")
    assert "Index" in _plan(versions)


@pytest.mark.django_db
def test_the_province_ranking_reads_only_its_covering_index() -> None:
    _postgresql()
    from django.test.utils import CaptureQueriesContext

    from chitieu.web.scale.rollups import province_ranking

    with CaptureQueriesContext(connection) as queries:
        province_ranking(2025)
    sql = queries.captured_queries[0]["sql"]
    assert "scale_targetevaluation" in sql
    with connection.cursor() as cur:
        # Tiny tables: take the planner's cheaper-on-nothing choices away; an index-only scan
        # is then possible only if the index holds every column the query reads.
        cur.execute("SET enable_seqscan = off")
        cur.execute("SET enable_bitmapscan = off")
        cur.execute("EXPLAIN " + sql)
        plan = "\n".join(r[0] for r in cur.fetchall())
        cur.execute("RESET enable_seqscan")
        cur.execute("RESET enable_bitmapscan")
    # An index-only scan: the ranking reads no table rows (rollups.province_ranking says why).
    # Which covering index the planner takes on empty tables varies (scale_eval_year_prov or
    # scale_eval_prov): both hold every column the ranking reads, target_id is in neither.
    assert "Index Only Scan" in plan, plan
