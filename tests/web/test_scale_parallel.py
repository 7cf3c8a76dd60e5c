"""`chitieu synth --jobs 2`: two loader processes side by side, on a real SQLite file and a
real PostgreSQL server (each run in a child process, as a user would run it)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from chitieu.synth import SynthSpec, iter_chunks
from chitieu.web.scale.servers import start_primary

# These tests start their own databases, so the second pass of scripts/test.sh (the web
# tests again with DATABASE_URL on PostgreSQL) would only repeat them.
ONCE = pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="starts its own databases; already run in the first pass",
)
pytestmark = [pytest.mark.slow, ONCE]

ARGS = ["synth", "--communes", "4", "--years", "2", "--first-year", "2024", "--jobs", "2"]
SPEC = SynthSpec(communes=4, years=2, first_year=2024)


def _synth(database_url: str, data_dir: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, DATABASE_URL=database_url, CHITIEU_DATA_DIR=data_dir)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    code = "import sys; from chitieu.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, *ARGS], env=env, capture_output=True, text=True, timeout=300
    )


def _expected() -> tuple[int, int]:
    chunks = list(iter_chunks(SPEC))
    return len(chunks), sum(c.result_count for c in chunks)


def test_two_loaders_fill_a_sqlite_file_once() -> None:
    folder = tempfile.mkdtemp(prefix="chitieu-parallel-")
    path = Path(folder) / "db.sqlite3"
    first = _synth(f"sqlite:///{path}", folder)
    assert first.returncode == 0, first.stderr[-2000:]
    chunks, results = _expected()
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM scale_loadchunk").fetchone()[0] == chunks
        assert db.execute("SELECT count(*) FROM web_resultversion").fetchone()[0] == results
    again = _synth(f"sqlite:///{path}", folder)
    assert again.returncode == 0, again.stderr[-2000:]
    assert f"bỏ qua {chunks} phần đã có" in again.stdout
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM web_resultversion").fetchone()[0] == results


@pytest.mark.postgres
def test_two_loaders_fill_postgresql_once() -> None:
    server = start_primary()
    try:
        folder = tempfile.mkdtemp(prefix="chitieu-parallel-")
        first = _synth(server.url(), folder)
        assert first.returncode == 0, first.stderr[-2000:]
        chunks, results = _expected()
        assert server.psql("SELECT count(*) FROM scale_loadchunk", "chitieu") == str(chunks)
        assert server.psql("SELECT count(*) FROM web_resultversion", "chitieu") == str(results)
        # Each loader took its own chunks: every (commune body, year) has one resolution.
        duplicates = server.psql(
            "SELECT count(*) FROM (SELECT issuing_body_id, start_year FROM web_resolution"
            " GROUP BY 1, 2 HAVING count(*) > 1) d",
            "chitieu",
        )
        assert duplicates == "0"
        again = _synth(server.url(), folder)
        assert again.returncode == 0, again.stderr[-2000:]
        assert server.psql("SELECT count(*) FROM web_resultversion", "chitieu") == str(results)
    finally:
        server.stop()
