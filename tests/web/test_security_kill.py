"""Nothing half-written: an import killed with SIGKILL in the middle (a power cut, the OOM
killer) leaves no partial data, on SQLite and on PostgreSQL, and the database stays usable.

The import runs in a separate process against a real database file or server; a signal
handler pauses it after some rows have been inserted inside the import's transaction, the
test kills it there, then counts the rows from a fresh process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent

CHILD = """
import sys, time
from decimal import Decimal
from chitieu.web.commands import setup_django, migrate_database
setup_django(); migrate_database(load_units=False)
sys.path.insert(0, {here!r})
from factories import make_town
from django.db.models.signals import post_save
from chitieu.model import Target
from chitieu.web.actions.targets import do_import_targets
from chitieu.web.models import TargetRow

town = make_town("Cai Lậy")
print("BEFORE", TargetRow.objects.count(), flush=True)
inserted = 0

def pause(sender, instance, created, **kwargs):
    global inserted
    inserted += 1
    if inserted == 300:  # well inside the import: 300 rows written, not committed
        print("MID", flush=True)
        time.sleep(600)

post_save.connect(pause, sender=TargetRow)
targets = [Target(f"chỉ tiêu số {{i}}", value=Decimal(i), unit="%") for i in range(1000)]
do_import_targets(town.resolution, targets)
print("DONE", flush=True)
"""

AFTER = """
import sys
from decimal import Decimal
from chitieu.web.commands import setup_django
setup_django()
from chitieu.model import Target
from chitieu.web.actions.targets import do_import_targets
from chitieu.web.models import Resolution, TargetRow
print("COUNT", TargetRow.objects.count(), flush=True)
# The database is usable: the lock of the killed writer is gone.
do_import_targets(Resolution.objects.get(), [Target("sau sự cố", value=Decimal(1))])
print("COUNT", TargetRow.objects.count(), flush=True)
"""


def _env(url: str, tmp_path: Path) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "CHITIEU_SECRET_KEY": "k" * 50,
        "CHITIEU_DATA_DIR": str(tmp_path / "data"),
        "DATABASE_URL": url,
    }


@pytest.fixture
def postgres_url() -> Iterator[str]:
    server = os.environ.get("CHITIEU_TEST_POSTGRES_URL") or (
        os.environ.get("DATABASE_URL", "")
        if "postgres" in os.environ.get("DATABASE_URL", "")
        else ""
    )
    if not server:
        pytest.skip("needs PostgreSQL (CHITIEU_TEST_POSTGRES_URL, set by scripts/test.sh)")
    import psycopg

    name = f"chitieu_kill_{uuid.uuid4().hex[:10]}"
    admin = psycopg.connect(server.replace("postgres://", "postgresql://", 1), autocommit=True)
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield server.rsplit("/", 1)[0] + "/" + name
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def _kill_mid_import(url: str, tmp_path: Path) -> tuple[int, list[int]]:
    env = _env(url, tmp_path)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD.format(here=str(HERE))],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    before = -1
    try:
        assert child.stdout is not None
        for line in child.stdout:
            if line.startswith("BEFORE"):
                before = int(line.split()[1])
            if line.startswith("MID"):
                break
        else:
            pytest.fail(
                "the import never reached its middle: "
                + (child.stderr.read() if child.stderr else "")
            )
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    after = subprocess.run(
        [sys.executable, "-c", AFTER], env=env, capture_output=True, text=True, timeout=120
    )
    assert after.returncode == 0, after.stderr
    counts = [
        int(line.split()[1]) for line in after.stdout.splitlines() if line.startswith("COUNT")
    ]
    return before, counts


@pytest.mark.slow
def test_an_import_killed_mid_way_leaves_nothing_on_sqlite(tmp_path: Path) -> None:
    db = tmp_path / "chitieu.sqlite3"
    before, (count, usable) = _kill_mid_import(f"sqlite:///{db}", tmp_path)
    assert before == 2  # the town's two targets
    assert count == before  # none of the 300 uncommitted rows survived
    assert usable == before + 1
    import sqlite3

    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.slow
@pytest.mark.postgres
def test_an_import_killed_mid_way_leaves_nothing_on_postgresql(
    tmp_path: Path, postgres_url: str
) -> None:
    before, (count, usable) = _kill_mid_import(postgres_url, tmp_path)
    assert before == 2
    assert count == before
    assert usable == before + 1
