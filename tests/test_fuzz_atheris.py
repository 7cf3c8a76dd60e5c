"""The bounded coverage-guided fuzz run (scripts/fuzz.sh) finds no crash."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
@pytest.mark.skipif(
    importlib.util.find_spec("atheris") is None,
    reason="atheris is not installed (pip install atheris)",
)
def test_a_short_fuzz_run_of_numbers_reader_documents_and_tables_finds_no_crash(
    tmp_path: Path,
) -> None:
    run = subprocess.run(
        ["bash", str(ROOT / "scripts" / "fuzz.sh"), "5"],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "PYTHON": sys.executable, "FUZZ_OUT": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert run.stdout.count("number_of_executed_units") == 4
