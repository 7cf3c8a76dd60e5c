"""The short form of the soak (bench/soak.py): 20 seconds of mixed reads and writes against
gunicorn on loopback, zero errors, memory roughly flat. The ten-minute run is the same
script without --seconds (figures in docs/security.md)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_twenty_seconds_of_mixed_load_give_no_error_and_flat_memory() -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "soak.py"), "--seconds", "20", "--json"],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert run.stdout, run.stderr[-3000:]
    figures = json.loads(run.stdout.strip().splitlines()[-1])
    assert figures["errors"] == 0, figures["error_samples"]
    assert figures["requests"] > 100
    writes = sum(
        figures["latency_ms"].get(op, {}).get("n", 0) for op in ("api save", "api approve")
    )
    assert writes > 10
    assert figures["rss_growth_mb"] < 64
    assert run.returncode == 0
