"""Bulk load of the synthetic dataset, its load log, and the roll-ups over it.

Runs on SQLite and, through scripts/test.sh, again on PostgreSQL (the COPY path)."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest

from chitieu.model import Period, Result, Status
from chitieu.synth import SynthSpec, iter_chunks
from chitieu.web.actions.results import do_approve_result, do_save_result, do_submit_result
from chitieu.web.dashboard import build_dashboard
from chitieu.web.models import Body, Resolution, ResultVersion, TargetRow, Unit
from chitieu.web.scale import load as load_module
from chitieu.web.scale.evaluations import do_refresh_evaluations
from chitieu.web.scale.load import do_load
from chitieu.web.scale.models import LoadChunk, TargetEvaluation
from chitieu.web.scale.progress import Progress
from chitieu.web.scale.rollups import (
    commune_ranking,
    national_counts,
    national_counts_plain,
    province_counts,
    province_ranking,
    trend,
)

SPEC = SynthSpec(communes=6, years=2, first_year=2024, provinces=3)


def _expected(spec: SynthSpec) -> tuple[int, int, int]:
    chunks = list(iter_chunks(spec))
    res = sum(len(c.resolutions) for c in chunks)
    tgt = sum(len(r.targets) for c in chunks for r in c.resolutions)
    return res, tgt, sum(c.result_count for c in chunks)


def _table_counts() -> tuple[int, int, int, int, int]:
    return (
        Resolution.objects.count(),
        TargetRow.objects.count(),
        ResultVersion.objects.count(),
        TargetEvaluation.objects.count(),
        LoadChunk.objects.count(),
    )


@pytest.mark.django_db
def test_it_loads_a_small_dataset_into_the_app_tables() -> None:
    stats = do_load(SPEC)
    resolutions, targets, results = _expected(SPEC)
    assert (stats.resolutions, stats.targets, stats.results) == (resolutions, targets, results)
    assert _table_counts() == (resolutions, targets, results, targets, 3 * 2)
    # The rows are the app's own: a commune's dashboard builds from them.
    resolution = Resolution.objects.filter(start_year=2024).select_related("issuing_body").first()
    assert resolution is not None
    assert resolution.issuing_body.unit is not None
    assert resolution.issuing_body.unit.level == "commune"
    dashboard = build_dashboard(resolution, Period.year_of(2024))
    assert len(dashboard.rows) == resolution.targets.count()
    assert dashboard.summary.total == len(dashboard.rows)
    assert all(row.target.illustrative for row in dashboard.rows)
    assert TargetRow.objects.exclude(name_key="").count() == targets
    # Values, flags and instants arrive as generated (COPY text on PostgreSQL).
    chunk = next(iter_chunks(SPEC))
    synth_target = chunk.resolutions[0].targets[0]
    stored = TargetRow.objects.get(
        resolution__start_year=chunk.year,
        resolution__issuing_body__unit__code=chunk.resolutions[0].commune.code,
        code=synth_target.indicator.code,
    )
    assert stored.value == synth_target.value
    rows = list(stored.results.order_by("created_at", "id"))
    generated = sorted(synth_target.results, key=lambda r: r.reported_at)
    assert [
        (r.period_code, r.estimated, r.seq, r.state, r.value, r.previous_value, r.created_at)
        for r in rows
    ] == [
        (g.period_code, g.estimated, g.seq, g.state, g.value, g.previous_value, g.reported_at)
        for g in generated
    ]


@pytest.mark.django_db
def test_a_second_run_loads_nothing_more() -> None:
    do_load(SPEC)
    before = _table_counts()
    bodies = Body.objects.count()
    again = do_load(SPEC)
    assert (again.chunks, again.skipped, again.results) == (0, 6, 0)
    assert _table_counts() == before
    assert Body.objects.count() == bodies


@pytest.mark.django_db
def test_an_interrupted_load_resumes_where_it_stopped() -> None:
    first = do_load(SPEC, stop_after=2)
    assert first.chunks == 2
    assert LoadChunk.objects.count() == 2
    second = do_load(SPEC)
    assert (second.skipped, second.chunks) == (2, 4)
    resolutions, targets, results = _expected(SPEC)
    assert _table_counts() == (resolutions, targets, results, targets, 6)
    # Each (commune, year) has exactly one resolution: nothing was loaded twice.
    pairs = Counter(Resolution.objects.values_list("issuing_body_id", "start_year"))
    assert set(pairs.values()) == {1}


@pytest.mark.django_db
def test_a_chunk_that_fails_leaves_nothing_behind(monkeypatch: pytest.MonkeyPatch) -> None:
    do_load(SPEC, stop_after=1)
    before = _table_counts()
    real_write = load_module.Writer.write

    def failing_write(self: load_module.Writer, table: load_module.Table, rows: object) -> None:
        if table.name == TargetEvaluation._meta.db_table:  # the last table of the chunk
            raise RuntimeError("mất kết nối giữa chừng")
        real_write(self, table, rows)  # type: ignore[arg-type]

    monkeypatch.setattr(load_module.Writer, "write", failing_write)
    with pytest.raises(RuntimeError, match="mất kết nối"):
        do_load(SPEC)
    assert _table_counts() == before
    monkeypatch.setattr(load_module.Writer, "write", real_write)
    do_load(SPEC)
    assert _table_counts()[2] == _expected(SPEC)[2]


@pytest.mark.django_db
def test_the_summary_agrees_with_the_apps_own_evaluation() -> None:
    do_load(SPEC)
    loaded = dict(TargetEvaluation.objects.values_list("target_id", "status"))
    # The web app's path (ORM rows -> chitieu.web.domain -> chitieu.evaluate) on every target.
    assert do_refresh_evaluations(TargetRow.objects.values_list("pk", flat=True)) == len(loaded)
    refreshed = dict(TargetEvaluation.objects.values_list("target_id", "status"))
    assert refreshed == loaded
    for year in (2024, 2025):
        counts = national_counts(year)
        assert counts == national_counts_plain(year)
        assert sum(counts.values()) == TargetRow.objects.filter(resolution__start_year=year).count()
    assert national_counts(2025, "KT01") == national_counts_plain(2025, "KT01")
    assert len({s for s, n in national_counts(2024).items() if n}) >= 3


@pytest.mark.django_db
def test_rankings_and_trends_add_up_to_the_national_counts() -> None:
    do_load(SPEC)
    national = national_counts(2024)
    provinces = province_counts(2024)
    assert len(provinces) == 3
    for status in Status:
        assert sum(p[status] for p in provinces.values()) == national[status]
    ranking = province_ranking(2024)
    assert [r.share for r in ranking] == sorted((r.share for r in ranking), reverse=True)
    met = national[Status.EXCEEDED] + national[Status.ACHIEVED]
    assert sum(r.met for r in ranking) == met
    assert sum(r.total for r in ranking) == sum(national.values())
    first = Unit.objects.get(pk=ranking[0].unit_id)
    assert first.level == "province" and ranking[0].name == first.name
    communes = commune_ranking(first.pk, 2024)
    assert sum(r.total for r in communes) == ranking[0].total
    assert all(Unit.objects.get(pk=r.unit_id).parent_id == first.pk for r in communes)
    years = trend()
    assert list(years) == [2024, 2025]
    assert years[2024] == national
    assert trend("KT01")[2025] == national_counts(2025, "KT01")


@pytest.mark.django_db
def test_approving_a_year_figure_refreshes_the_summary(town: object) -> None:
    revenue = town.revenue  # type: ignore[attr-defined]
    reporter, approver = town.users["reporter"], town.users["approver"]  # type: ignore[attr-defined]
    assert TargetEvaluation.objects.get(target=revenue).status == Status.PENDING.value
    year = Period.year_of(2024)
    do_save_result(revenue, Result(period=year, value=Decimal("150")), user=reporter)
    do_submit_result(revenue, year, False, user=reporter)
    # Submitted is not approved: the summary still waits.
    assert TargetEvaluation.objects.get(target=revenue).status == Status.PENDING.value
    do_approve_result(revenue, year, False, user=approver)
    assert TargetEvaluation.objects.get(target=revenue).status == Status.NOT_ACHIEVED.value
    do_save_result(revenue, Result(period=year, value=Decimal("190")), user=reporter)
    do_submit_result(revenue, year, False, user=reporter)
    do_approve_result(revenue, year, False, user=approver)
    row = TargetEvaluation.objects.get(target=revenue)
    assert row.status == Status.EXCEEDED.value and row.year == 2024 and row.code == "KT01"
    # A monthly figure does not touch the year's status.
    month = Period.parse("2024-M03")
    do_save_result(revenue, Result(period=month, value=Decimal("1")), user=reporter)
    do_submit_result(revenue, month, False, user=reporter)
    do_approve_result(revenue, month, False, user=approver)
    assert TargetEvaluation.objects.get(target=revenue).status == Status.EXCEEDED.value


@pytest.mark.django_db
def test_the_progress_bar_speaks_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    import sys

    do_load(SPEC, stop_after=3)
    do_load(SPEC, progress=Progress(sys.stderr))
    err = capsys.readouterr().err
    assert "bỏ qua 3 phần đã nạp trước đó" in err
    assert "6/6 phần (tỉnh, năm)" in err
    assert "kết quả/giây" in err and "xong sau" in err


@pytest.mark.django_db
def test_without_fk_checks_postgresql_loads_the_same_rows() -> None:
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("session_replication_role is PostgreSQL's")
    stats = do_load(SPEC, fk_checks=False)
    assert (stats.resolutions, stats.targets, stats.results) == _expected(SPEC)
    assert _table_counts()[:3] == _expected(SPEC)
    with connection.cursor() as cur:
        cur.execute("SHOW session_replication_role")
        assert cur.fetchone()[0] == "origin"  # the checks are back on for everything else
    orphans = ResultVersion.objects.exclude(target_id__in=TargetRow.objects.values("pk"))
    assert not orphans.exists()


@pytest.mark.django_db
def test_the_synth_command_loads_and_reports_in_vietnamese(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from chitieu.cli import main

    assert main(["synth", "--communes", "2", "--years", "1", "--first-year", "2024"]) == 0
    out = capsys.readouterr().out
    spec = SynthSpec(communes=2, years=1, first_year=2024)
    results = _expected(spec)[2]
    assert f"{results:,}".replace(",", ".") + " kết quả" in out
    assert "2 nghị quyết" in out
    assert ResultVersion.objects.count() == results
    assert main(["synth", "--communes", "2", "--years", "1", "--first-year", "2024"]) == 0
    assert "bỏ qua 2 phần đã có" in capsys.readouterr().out
    assert ResultVersion.objects.count() == results


@pytest.mark.django_db
def test_without_superuser_no_fk_checks_is_refused_and_nothing_is_written() -> None:
    from django.db import connection

    from chitieu.web.scale.load import LoadError

    if connection.vendor != "postgresql":
        pytest.skip("session_replication_role is PostgreSQL's")
    before = _table_counts()
    bodies = Body.objects.count()
    with connection.cursor() as cur:
        cur.execute("CREATE ROLE chitieu_loader NOSUPERUSER")
        cur.execute("GRANT ALL ON ALL TABLES IN SCHEMA public TO chitieu_loader")
        cur.execute("SET ROLE chitieu_loader")
    try:
        with pytest.raises(LoadError, match="cần quyền superuser"):
            do_load(SPEC, fk_checks=False)
    finally:
        with connection.cursor() as cur:
            cur.execute("RESET ROLE")
    assert _table_counts() == before
    assert Body.objects.count() == bodies


def test_copy_text_escapes_what_copy_would_misread() -> None:
    from chitieu.web.scale.load import _copy_text

    assert _copy_text(None) == "\\N"
    assert (_copy_text(True), _copy_text(False)) == ("t", "f")
    assert _copy_text(1) == "1"  # not "t": the cache tells True and 1 apart
    assert _copy_text("a\tb\\c\nd\re") == "a\\tb\\\\c\\nd\\re"
    assert _copy_text(Decimal("1234.50")) == "1234.50"
