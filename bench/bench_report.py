"""Time to build a 60-target report in DOCX, XLSX and PDF (goal: <= 3 s for all three).

Prints figures, asserts nothing. Run: .venv/bin/python bench/bench_report.py
Two figures, each the best of 3 runs, wall-clock and CPU seconds (on a shared machine the CPU
time is the steadier one: the work is single-threaded, so on an idle machine the two agree):
- fresh: a new Python process per run, timed from outside, so it includes starting Python and
  importing python-docx, openpyxl, matplotlib and WeasyPrint, as a one-shot `chitieu report`
  pays them;
- warm: the libraries already loaded, what a long-lived web process pays.
`--once` runs one report in this process and prints its timings (what each fresh run does).
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time

from chitieu.evaluate import evaluate_many
from chitieu.reports.demo import HEADER, NEXT_TARGETS, YEAR, demo_pairs
from chitieu.reports.model import build_report

TARGETS = 60
RUNS = 3
GOAL = 3.0


def once() -> dict[str, float]:
    """Build the report and render the three formats; seconds per step."""
    timings: dict[str, float] = {}
    start = time.perf_counter()
    pairs = demo_pairs(copies=4)[:TARGETS]
    report = build_report(HEADER, YEAR, evaluate_many(pairs), next_targets=NEXT_TARGETS)
    timings["model"] = time.perf_counter() - start
    t = time.perf_counter()
    from chitieu.reports.charts import all_charts

    charts = all_charts(report)
    timings["charts"] = time.perf_counter() - t
    for fmt in ("docx", "xlsx", "pdf"):
        t = time.perf_counter()
        if fmt == "docx":
            from chitieu.reports.docx import render_docx

            render_docx(report, charts)
        elif fmt == "xlsx":
            from chitieu.reports.xlsx import render_xlsx

            render_xlsx(report)
        else:
            from chitieu.reports.pdf import render_pdf

            render_pdf(report, charts)
        timings[fmt] = time.perf_counter() - t
    timings["total"] = time.perf_counter() - start
    return timings


def fresh() -> tuple[float, float]:
    """(wall, CPU) seconds of one new process doing `--once`, interpreter start included."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, __file__, "--once"], check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def warm() -> tuple[float, float, dict[str, float]]:
    cpu_start = time.process_time()
    timings = once()
    return timings["total"], time.process_time() - cpu_start, timings


def main() -> None:
    if "--once" in sys.argv:
        for name, seconds in once().items():
            print(f"  {name:<8} {seconds * 1000:7.0f} ms")
        return
    fresh_runs = [fresh() for _ in range(RUNS)]
    once()  # load the libraries before the warm runs
    warm_runs = [warm() for _ in range(RUNS)]
    wall, cpu = min(w for w, _ in fresh_runs), min(c for _, c in fresh_runs)
    print(f"{TARGETS} chỉ tiêu, DOCX + XLSX + PDF, tốt nhất {RUNS} lần (mục tiêu <= {GOAL:g} s):")
    print(f"  tiến trình mới: {wall:.2f} s (CPU {cpu:.2f} s), gồm khởi động Python và nạp thư viện")
    wall, cpu = min(w for w, _, _ in warm_runs), min(c for _, c, _ in warm_runs)
    print(f"  đã nạp sẵn:     {wall:.2f} s (CPU {cpu:.2f} s)")
    best = min(warm_runs, key=lambda run: run[0])[2]
    for name, seconds in best.items():
        if name != "total":
            print(f"    {name:<8} {seconds * 1000:7.0f} ms")


if __name__ == "__main__":
    main()
