"""A large load on PostgreSQL sets the loaded tables' secondary indexes and foreign keys aside
and builds them again; a load killed in between leaves them listed and the next run repairs
them (chitieu.web.scale.indexes). Runs in the PostgreSQL pass of scripts/test.sh; the last
test kills a real loader with SIGKILL on its own server."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator

import pytest
from django.db import connection

from chitieu.synth import SynthSpec, iter_chunks
from chitieu.web.models import ResultVersion
from chitieu.web.scale import indexes
from chitieu.web.scale.load import do_load
from chitieu.web.scale.models import DeferredIndex
from chitieu.web.scale.servers import start_primary

SPEC = SynthSpec(communes=6, years=2, first_year=2024, provinces=3)
TABLES = ("web_resolution", "web_targetrow", "web_resultversion", "scale_targetevaluation")

postgresql_only = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="indexes are set aside on PostgreSQL only",
)


@pytest.fixture(autouse=True)
def _put_back_before_flush() -> Iterator[None]:
    """Real commits (transaction=True): adding a foreign key touches the referenced table,
    which PostgreSQL refuses while that table has deferred checks pending in the same
    transaction, as it would inside one test-wide transaction. A failed test must not leave
    the indexes aside for the next ones."""
    yield
    if connection.vendor == "postgresql":
        indexes.put_back()


def _schema() -> set[tuple[str, ...]]:
    """Every index and constraint of the loaded tables, with its definition and validity."""
    with connection.cursor() as cur:
        cur.execute(
            "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s)",
            [list(TABLES)],
        )
        out = {tuple(r) for r in cur.fetchall()}
        cur.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid),"
            " convalidated::text FROM pg_constraint WHERE conrelid = ANY(%s::regclass[])",
            [list(TABLES)],
        )
        return out | {tuple(r) for r in cur.fetchall()}


def _expected_results(spec: SynthSpec) -> int:
    return sum(c.result_count for c in iter_chunks(spec))


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_a_large_load_sets_indexes_aside_and_puts_every_one_back() -> None:
    before = _schema()
    aside = indexes.droppable()
    # The result table's four secondary indexes and its unique version slot are among them.
    names = {i.name for i in aside if i.table == "web_resultversion"}
    assert "unique_result_version" in names and "scale_result_period_approved" in names
    assert not any(name.endswith("_pkey") for name in names)
    stats = do_load(SPEC, set_aside=True)
    assert stats.set_aside and stats.index_seconds > 0
    assert stats.seconds >= stats.index_seconds  # the rebuild counts in the load's time
    assert ResultVersion.objects.count() == stats.results == _expected_results(SPEC)
    assert _schema() == before  # same definitions, foreign keys validated again
    assert not DeferredIndex.objects.exists()


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_a_small_load_keeps_the_indexes() -> None:
    before = _schema()
    stats = do_load(SPEC)
    assert not stats.set_aside and stats.index_seconds == 0
    assert _schema() == before
    assert not indexes.should_set_aside(indexes.MIN_RESULTS - 1)
    assert indexes.should_set_aside(indexes.MIN_RESULTS)  # the results table holds far less


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_a_load_killed_with_indexes_aside_is_repaired_by_the_next_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = _schema()
    aside = indexes.droppable()
    # The process dies before its `finally`: nothing puts the indexes back.
    monkeypatch.setattr(indexes, "put_back", lambda note=None: 0.0)
    first = do_load(SPEC, set_aside=True, stop_after=2)
    assert first.chunks == 2
    monkeypatch.undo()
    assert {(d.table, d.name) for d in DeferredIndex.objects.all()} == {
        (i.table, i.name) for i in aside
    }
    assert indexes.droppable() == []  # they are really gone
    # The next run, even without asking, resumes with them aside and puts them back.
    second = do_load(SPEC)
    assert second.set_aside and (second.skipped, second.chunks) == (2, 4)
    assert ResultVersion.objects.count() == _expected_results(SPEC)
    assert _schema() == before
    assert not DeferredIndex.objects.exists()


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_a_duplicate_written_while_aside_stops_the_rebuild_and_keeps_the_list() -> None:
    indexes.set_aside()
    do_load(SPEC, stop_after=1, manage_indexes=False)
    row = ResultVersion.objects.order_by("pk").first()
    assert row is not None
    row.pk = None  # the same (target, period, estimated, seq) slot again
    row.save()
    with pytest.raises(RuntimeError, match="Không dựng lại được unique unique_result_version"):
        indexes.put_back()
    # Every plain index came back (they go first); the unique slot and the foreign keys
    # that come after it wait, listed, for the duplicate to be removed.
    left = set(DeferredIndex.objects.values_list("kind", flat=True))
    assert indexes.UNIQUE in left and indexes.FOREIGN_KEY in left
    assert indexes.INDEX not in left
    assert "unique_result_version" not in {n for _, n, *_ in _schema()}
    row.delete()
    indexes.put_back()
    assert not DeferredIndex.objects.exists()
    assert "unique_result_version" in {n for _, n, *_ in _schema()}


@pytest.mark.slow
@pytest.mark.postgres
@pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="starts its own server; already run in the first pass",
)
def test_a_loader_killed_by_sigkill_with_indexes_aside_is_repaired_by_the_next_run() -> None:
    server = start_primary()
    folder = tempfile.mkdtemp(prefix="chitieu-kill-load-")
    env = dict(os.environ, DATABASE_URL=server.url(), CHITIEU_DATA_DIR=folder)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    args = ["--communes", "6", "--years", "2", "--first-year", "2024", "--provinces", "3"]
    killer = (
        "import os, signal\n"
        "from chitieu.web.commands import migrate_database, setup_django\n"
        "setup_django(); migrate_database(load_units=True)\n"
        "from chitieu.synth import SynthSpec\n"
        "from chitieu.web.scale.load import do_load\n"
        "seen = []\n"
        "def chunk(c):\n"
        "    seen.append(c)\n"
        "    if len(seen) == 3: os.kill(os.getpid(), signal.SIGKILL)\n"
        "do_load(SynthSpec(communes=6, years=2, first_year=2024, provinces=3),"
        " set_aside=True, on_chunk=chunk)\n"
    )
    try:
        killed = subprocess.run(
            [sys.executable, "-c", killer], env=env, capture_output=True, text=True, timeout=300
        )
        assert killed.returncode == -signal.SIGKILL, killed.stderr[-2000:]

        def sql(query: str) -> str:
            return server.psql(query, "chitieu")

        assert sql("SELECT count(*) FROM scale_loadchunk") == "2"
        listed = int(sql("SELECT count(*) FROM scale_deferredindex"))
        assert listed >= 10
        assert sql("SELECT to_regclass('unique_result_version')") == ""
        code = "import sys; from chitieu.cli import main; sys.exit(main(sys.argv[1:]))"
        again = subprocess.run(
            [sys.executable, "-c", code, "synth", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert again.returncode == 0, again.stderr[-2000:]
        assert "bỏ qua 2 phần đã có" in again.stdout
        assert f"dựng lại {listed} chỉ mục" in again.stderr
        assert sql("SELECT count(*) FROM scale_deferredindex") == "0"
        assert sql("SELECT to_regclass('unique_result_version')") == "unique_result_version"
        assert sql("SELECT count(*) FROM pg_constraint WHERE NOT convalidated") == "0"
        results = _expected_results(SPEC)
        assert sql("SELECT count(*) FROM web_resultversion") == str(results)
    finally:
        server.stop()
