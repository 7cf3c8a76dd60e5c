"""A real primary and a real streaming replica on loopback: reads for dashboards go to the
replica, writes to the primary, and a written result shows up on the replica.

The Django side runs in a child process configured with DATABASE_URL (primary) and
DATABASE_REPLICA_URL (replica), as a deployment would be; it prints what it saw as JSON."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile

import pytest

from chitieu.web.scale.servers import start_primary, start_replica

# These tests start their own databases, so the second pass of scripts/test.sh (the web
# tests again with DATABASE_URL on PostgreSQL) would only repeat them.
ONCE = pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="starts its own databases; already run in the first pass",
)
pytestmark = [pytest.mark.postgres, pytest.mark.slow, ONCE]

CHILD = r"""
import json, time
from chitieu.web.commands import migrate_database, setup_django
setup_django()
migrate_database(load_units=True)
from django.db import connections, router
from django.test import Client
from django.test.utils import CaptureQueriesContext
from chitieu.model import Period
from chitieu.synth import SynthSpec
from chitieu.web.dashboard import build_dashboard
from chitieu.web.models import Resolution, ResultVersion, TargetRow
from chitieu.web.scale.load import do_load
from chitieu.web.scale.models import LoadChunk
from chitieu.web.scale.rollups import national_counts

def in_recovery(alias):
    with connections[alias].cursor() as cur:
        cur.execute("SELECT pg_is_in_recovery()")
        return cur.fetchone()[0]

def wait_for(check, seconds=30):
    start = time.monotonic()
    while not check():
        if time.monotonic() - start > seconds:
            return None
        time.sleep(0.05)
    return time.monotonic() - start

out = {}
spec = SynthSpec(communes=2, years=1, first_year=2025)
stats = do_load(spec)
out["loaded"] = stats.results
out["load_lag"] = wait_for(lambda: LoadChunk.objects.using("replica").count() == 2)
out["read_alias"] = router.db_for_read(ResultVersion)
out["write_alias"] = router.db_for_write(ResultVersion)
out["read_in_recovery"] = in_recovery(out["read_alias"])
out["write_in_recovery"] = in_recovery(out["write_alias"])

resolution = Resolution.objects.filter(is_public=True).order_by("pk").first()
with CaptureQueriesContext(connections["replica"]) as on_replica, \
        CaptureQueriesContext(connections["default"]) as on_primary:
    dashboard = build_dashboard(resolution, Period.year_of(2025))
    counts = national_counts(2025)
    page = Client().get(f"/nghi-quyet/{resolution.pk}/")
out["dashboard_rows"] = len(dashboard.rows)
out["counted"] = sum(counts.values())
out["page_status"] = page.status_code
out["replica_queries"] = len(on_replica.captured_queries)
out["primary_queries"] = [q["sql"][:80] for q in on_primary.captured_queries]

target = TargetRow.objects.filter(resolution=resolution).order_by("pk").first()
written = ResultVersion.objects.create(
    target_id=target.pk, period_code="2025-M12", estimated=False, seq=9, state="draft",
    value="123.45", unit=target.unit,
)
out["written_on_primary"] = ResultVersion.objects.using("default").filter(pk=written.pk).exists()
out["result_lag"] = wait_for(
    lambda: ResultVersion.objects.using("replica").filter(pk=written.pk).exists()
)
try:
    with connections["replica"].cursor() as cur:
        cur.execute("DELETE FROM web_resultversion WHERE id = %s", [written.pk])
    out["replica_write_refused"] = False
except Exception as exc:
    out["replica_write_refused"] = "read-only" in str(exc)
print("RESULT " + json.dumps(out))
"""


@pytest.mark.skipif(shutil.which("runuser") is None and os.geteuid() == 0, reason="runuser")
def test_reads_go_to_the_replica_and_writes_to_the_primary() -> None:
    primary = start_primary()
    replica = None
    try:
        replica = start_replica(primary)
        env = dict(
            os.environ,
            DATABASE_URL=primary.url(),
            DATABASE_REPLICA_URL=replica.url(),
            CHITIEU_DATA_DIR=tempfile.mkdtemp(prefix="chitieu-replica-test-"),
            CHITIEU_ALLOWED_HOSTS="testserver",
            DJANGO_SETTINGS_MODULE="chitieu.web.settings",
        )
        proc = subprocess.run(
            [sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=240
        )
        assert proc.returncode == 0, proc.stderr[-3000:]
        line = next(x for x in proc.stdout.splitlines() if x.startswith("RESULT "))
        seen = json.loads(line.removeprefix("RESULT "))
    finally:
        if replica is not None:
            replica.stop()
        primary.stop()
    assert seen["loaded"] > 0
    assert seen["load_lag"] is not None, "the loaded data never reached the replica"
    assert (seen["read_alias"], seen["write_alias"]) == ("replica", "default")
    assert seen["read_in_recovery"] is True  # the connection used for reads is the standby
    assert seen["write_in_recovery"] is False
    assert seen["dashboard_rows"] > 0 and seen["counted"] > 0
    assert seen["page_status"] == 200
    assert seen["replica_queries"] > 0
    # The dashboard and the roll-up read the replica; only the period lock (which guards
    # writes, so it is read fresh by design) was read on the primary.
    assert all("web_periodlock" in sql for sql in seen["primary_queries"]), seen["primary_queries"]
    assert seen["written_on_primary"] is True
    assert seen["result_lag"] is not None, "the written result never reached the replica"
    assert seen["replica_write_refused"] is True
    assert not primary.folder.exists() and not replica.folder.exists()
