"""Time to build a 60-target report in DOCX, XLSX and PDF (goal: <= 3 s for all three).

Prints figures, asserts nothing. Run: .venv/bin/python bench/bench_report.py
Wall-clock and CPU seconds are both printed: on a shared machine the CPU time is the steadier
figure (the work is single-threaded, so on an idle machine the two agree).
The first figures include importing python-docx, openpyxl, matplotlib and WeasyPrint, as a
one-shot `chitieu report` pays them; the "warm" run is what a long-lived web process pays.
"""

from __future__ import annotations

import time

from chitieu.evaluate import evaluate_many
from chitieu.reports.demo import HEADER, NEXT_TARGETS, YEAR, demo_pairs
from chitieu.reports.model import build_report

TARGETS = 60


def main() -> None:
    pairs = demo_pairs(copies=4)[:TARGETS]
    for run in ("cold", "warm"):
        timings: dict[str, float] = {}
        start = time.perf_counter()
        cpu_start = time.process_time()
        report = build_report(HEADER, YEAR, evaluate_many(pairs), next_targets=NEXT_TARGETS)
        timings["model"] = time.perf_counter() - start

        t = time.perf_counter()
        from chitieu.reports.charts import all_charts

        charts = all_charts(report)
        timings["charts (2 PNG)"] = time.perf_counter() - t
        sizes: dict[str, int] = {}
        for fmt in ("docx", "xlsx", "pdf"):
            t = time.perf_counter()
            if fmt == "docx":
                from chitieu.reports.docx import render_docx

                data = render_docx(report, charts)
            elif fmt == "xlsx":
                from chitieu.reports.xlsx import render_xlsx

                data = render_xlsx(report)
            else:
                from chitieu.reports.pdf import render_pdf

                data = render_pdf(report, charts)
            timings[fmt] = time.perf_counter() - t
            sizes[fmt] = len(data)
        total = time.perf_counter() - start
        cpu = time.process_time() - cpu_start
        print(
            f"{run}: {len(report.rows)} chỉ tiêu, 3 định dạng trong {total:.2f} s "
            f"(CPU {cpu:.2f} s; mục tiêu <= 3 s)"
        )
        for name, seconds in timings.items():
            size = f"  {sizes[name] / 1024:.0f} KB" if name in sizes else ""
            print(f"  {name:<15} {seconds * 1000:7.0f} ms{size}")


if __name__ == "__main__":
    main()
