"""National scale on PostgreSQL: load rate, roll-ups, dashboard under load, server memory.

    .venv/bin/python bench/bench_scale.py --communes 300 --years 10     # about 1 million results
    .venv/bin/python bench/bench_scale.py                               # the full 12 million

Starts its own throwaway PostgreSQL on 127.0.0.1 (removed at the end), generates and loads the
synthetic dataset (chitieu synth), times the roll-ups three ways (summary table, plain SQL
over the results, summary partitioned by year), then serves the app with gunicorn on loopback
and runs `wrk` (Debian package) against public commune dashboards with 50 connections for a
bounded time. Figures for a smaller dataset are extrapolated to 12 million results at the
end, labelled as such: only a full run measures the full size.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FULL_RESULTS = 12_000_000
GOALS = {"load": 100_000, "national": 300.0, "ranking": 100.0, "p95": 150.0}


def timed(fn: Callable[[], Any], repeat: int = 5) -> tuple[float, float]:
    """(first run, median of the others) in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times[0], statistics.median(times[1:])


def rss_kb(pids: list[int]) -> tuple[int, int]:
    """(current RSS, sum of each process's peak RSS) in kB, from /proc."""
    now = peak = 0
    for pid in pids:
        try:
            text = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        for line in text.splitlines():
            if line.startswith("VmRSS:"):
                now += int(line.split()[1])
            elif line.startswith("VmHWM:"):
                peak += int(line.split()[1])
    return now, peak


def children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True)
    return [pid, *(int(p) for p in out.stdout.split())]


WRK_SCRIPT = """
local paths = {%s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %%d %%d %%d %%.1f %%.1f %%.1f %%.1f\\n",
    summary.requests, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--communes", type=int, default=None, help="default: all 3,321")
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--jobs", type=int, default=1, help="loader processes")
    parser.add_argument(
        "--no-fk-checks", action="store_true", help="load without per-row FK triggers"
    )
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=15, help="length of the load run")
    # gthread, one process per core plus one: docs/deployment.md says why.
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) + 1)
    parser.add_argument("--threads", type=int, default=4, help="threads per worker")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT / "src"))
    from chitieu.web.scale.servers import free_port, start_primary

    print(f"Máy: {platform.node()} · {os.cpu_count()} lõi · {platform.platform()}")
    print(f"Ngày: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
    server = start_primary(
        {
            "shared_buffers": "512MB",
            "work_mem": "32MB",
            "maintenance_work_mem": "256MB",
            "max_wal_size": "8GB",
            "checkpoint_timeout": "30min",
            "max_connections": "200",
        }
    )
    data_dir = tempfile.mkdtemp(prefix="chitieu-bench-")
    gunicorn = None
    try:
        os.environ.update(
            DATABASE_URL=server.url(),
            CHITIEU_DATA_DIR=data_dir,
            CHITIEU_SECRET_KEY="bench-" + "x" * 40,
            DJANGO_SETTINGS_MODULE="chitieu.web.settings",
        )
        from chitieu.web.commands import migrate_database, setup_django

        setup_django()
        migrate_database(load_units=True)
        from django.db import connection

        from chitieu.synth import SynthSpec
        from chitieu.web.models import Resolution, Unit
        from chitieu.web.scale.load import do_load
        from chitieu.web.scale.parallel import do_load_parallel
        from chitieu.web.scale.progress import Progress
        from chitieu.web.scale.rollups import (
            commune_ranking,
            national_counts,
            national_counts_plain,
            province_ranking,
            trend,
        )

        spec = SynthSpec(communes=args.communes, years=args.years)
        print(
            f"\n== Nạp: {spec.key}, {args.jobs} tiến trình, kiểm tra khóa ngoại: {not args.no_fk_checks}"
        )
        fk = not args.no_fk_checks
        if args.jobs > 1:
            stats = do_load_parallel(spec, args.jobs, Progress(), fk_checks=fk)
        else:
            stats = do_load(spec, progress=Progress(), fk_checks=fk)
        load_rate = stats.rate
        print(
            f"nạp {stats.results:,} kết quả, {stats.targets:,} chỉ tiêu trong "
            f"{stats.seconds:.1f} s: {load_rate:,.0f} kết quả/giây (mục tiêu >= 100.000)"
        )
        with connection.cursor() as cur:
            cur.execute("VACUUM ANALYZE")
            cur.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
            print(f"dung lượng cơ sở dữ liệu: {cur.fetchone()[0]}")
        # Streaming keeps the loader flat: compare this across sizes (kB on Linux).
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"bộ nhớ đỉnh của tiến trình nạp (RSS): {peak:.0f} MB")

        year = spec.last_year - 1  # the last full year
        province = Unit.objects.filter(level="province", code=1).first() or Unit.objects.first()
        assert province is not None
        print(f"\n== Tổng hợp, năm {year} (ms: lần đầu / trung vị 4 lần sau)")
        rows = {}
        rows["national (summary)"] = timed(lambda: national_counts(year))
        rows["national, one indicator (summary)"] = timed(lambda: national_counts(year, "KT01"))
        rows["national (plain SQL + evaluate)"] = timed(
            lambda: national_counts_plain(year), repeat=3
        )
        rows["province ranking (summary)"] = timed(lambda: province_ranking(year))
        rows["commune ranking in a province"] = timed(lambda: commune_ranking(province.pk, year))
        rows["trend 10 years, one indicator"] = timed(lambda: trend("KT01"))
        assert national_counts(year) == national_counts_plain(year)
        for name, (first, median) in rows.items():
            print(f"{name:40s} {first:9.1f} {median:9.1f}")
        rows.update(_partitioned(connection, spec, year))

        # The dashboard of public commune resolutions, served by gunicorn, under wrk.
        ids = list(
            Resolution.objects.filter(is_public=True, start_year=year).values_list("pk", flat=True)
        )
        random.Random(1).shuffle(ids)
        port = free_port()
        env = dict(os.environ, CHITIEU_ALLOWED_HOSTS="127.0.0.1")
        gunicorn = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "chitieu.web.wsgi:application",
                "-b",
                f"127.0.0.1:{port}",
                "-w",
                str(args.workers),
                "--worker-class",
                "gthread",
                "--threads",
                str(args.threads),
                "--log-level",
                "warning",
            ],
            env=env,
        )
        _wait_port(port)
        web = _load_run(args, port, ids[:500], gunicorn, server)

        n = stats.results or 1
        scale = FULL_RESULTS / n
        print("\n== Kết quả")
        print(f"tập dữ liệu: {n:,} kết quả ({spec.key})")
        print(f"tốc độ nạp: {load_rate:,.0f} kết quả/giây (mục tiêu >= {GOALS['load']:,})")
        print(f"tổng hợp toàn quốc 1 năm: {rows['national (summary)'][1]:.1f} ms (mục tiêu <= 300)")
        print(
            f"xếp hạng tỉnh: {rows['province ranking (summary)'][1]:.1f} ms; "
            f"xếp hạng xã trong tỉnh: {rows['commune ranking in a province'][1]:.1f} ms"
            " (mục tiêu <= 100)"
        )
        if web:
            print(
                f"bảng điều khiển, {args.clients} kết nối, {args.seconds} s: p50 {web['p50']:.1f} ms,"
                f" p95 {web['p95']:.1f} ms (mục tiêu <= 150), p99 {web['p99']:.1f} ms,"
                f" {web['rps']:.0f} yêu cầu/giây, lỗi {web['errors']}"
            )
            print(
                f"bộ nhớ đỉnh (RSS lấy mẫu, tổng): gunicorn {web['peak_gunicorn'] / 1024:.0f} MB,"
                f" PostgreSQL {web['peak_pg'] / 1024:.0f} MB (tính cả bộ đệm chung đã chạm)"
            )
        if scale > 1.05:
            print(
                f"\nƯỚC LƯỢNG cho {FULL_RESULTS:,} kết quả (nhân tuyến tính x{scale:.1f}, KHÔNG đo):"
                f" nạp ~{FULL_RESULTS / max(load_rate, 1) / 60:.0f} phút;"
                f" tổng hợp toàn quốc từ bảng tóm tắt ~{rows['national (summary)'][1] * scale:.0f}"
                f" ms; cách cộng trực tiếp ~{rows['national (plain SQL + evaluate)'][1] * scale:.0f}"
                " ms. Bảng điều khiển một nghị quyết không phụ thuộc cỡ toàn quốc (chỉ mục theo"
                " nghị quyết), nhưng bộ đệm lớn hơn: chỉ lần chạy đầy đủ mới đo được."
            )
    finally:
        if gunicorn is not None:
            gunicorn.terminate()
            gunicorn.wait(timeout=30)
        server.stop()
        shutil.rmtree(data_dir, ignore_errors=True)
    return 0


def _partitioned(connection: Any, spec: Any, year: int) -> dict[str, tuple[float, float]]:
    """The same two roll-ups on a copy of the summary partitioned by year (LIST)."""
    with connection.cursor() as cur:
        cur.execute(
            "CREATE TABLE bench_eval_part (LIKE scale_targetevaluation) PARTITION BY LIST (year)"
        )
        for y in range(spec.first_year, spec.last_year + 1):
            cur.execute(
                f"CREATE TABLE bench_eval_part_{y} PARTITION OF bench_eval_part FOR VALUES IN ({y})"
            )
        cur.execute("INSERT INTO bench_eval_part SELECT * FROM scale_targetevaluation")
        cur.execute("CREATE INDEX ON bench_eval_part (year, province_id, status)")
        cur.execute("CREATE INDEX ON bench_eval_part (year, code, province_id, status)")
        cur.execute("VACUUM ANALYZE bench_eval_part")

    def query(table: str, sql: str) -> Callable[[], Any]:
        def run() -> Any:
            with connection.cursor() as cur:
                cur.execute(sql.format(t=table), [year])
                return cur.fetchall()

        return run

    national = "SELECT status, count(*) FROM {t} WHERE year = %s GROUP BY status"
    ranking = (
        "SELECT province_id, count(*), count(*) FILTER (WHERE status IN ('exceeded','achieved'))"
        " FROM {t} WHERE year = %s GROUP BY province_id"
    )
    out = {
        "national, raw SQL, summary": timed(query("scale_targetevaluation", national)),
        "national, raw SQL, partitioned": timed(query("bench_eval_part", national)),
        "province ranking, raw SQL, summary": timed(query("scale_targetevaluation", ranking)),
        "province ranking, raw SQL, partitioned": timed(query("bench_eval_part", ranking)),
    }
    for name, (first, median) in out.items():
        print(f"{name:40s} {first:9.1f} {median:9.1f}")
    return out


def _wait_port(port: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError("gunicorn không khởi động")


def _load_run(
    args: argparse.Namespace, port: int, ids: list[int], gunicorn: Any, server: Any
) -> dict[str, float] | None:
    peaks = {"gunicorn": 0, "pg": 0}
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peaks["gunicorn"] = max(peaks["gunicorn"], rss_kb(children(gunicorn.pid))[0])
            peaks["pg"] = max(peaks["pg"], rss_kb(server.pids())[0])
            time.sleep(0.2)

    wrk = shutil.which("wrk")
    if wrk is None and os.geteuid() == 0 and shutil.which("apt-get"):
        print("cài wrk (apt-get install -y wrk)")
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], capture_output=True)
        wrk = shutil.which("wrk")
    _cold_pass(port, ids)
    if wrk is None:
        print("không có wrk (apt-get install wrk): dùng bộ tạo tải Python (kém chính xác hơn)")
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        figures = _python_load(args, port, ids)
        stop.set()
        sampler.join()
        return {**figures, "peak_gunicorn": peaks["gunicorn"], "peak_pg": peaks["pg"]}
    paths = ", ".join(f'"/nghi-quyet/{i}/"' for i in ids)
    script = Path(tempfile.mkstemp(suffix=".lua")[1])
    script.write_text(WRK_SCRIPT % paths)

    url = f"http://127.0.0.1:{port}"
    # Warm-up: each worker opens its connection and loads templates.
    subprocess.run(
        [wrk, "-t1", "-c4", "-d3s", "--timeout", "10s", "-s", str(script), url],
        capture_output=True,
    )
    # One client alone: the service time of a dashboard, without queueing.
    alone = subprocess.run(
        [wrk, "-t1", "-c1", "-d5s", "--timeout", "10s", "-s", str(script), url],
        capture_output=True,
        text=True,
    )
    solo = next((x for x in alone.stdout.splitlines() if x.startswith("RESULT ")), "")
    if solo and int(solo.split()[1]) == 0:
        print("1 kết nối: không yêu cầu nào xong trong 5 s (máy quá tải?)")
    elif solo:
        f = solo.split()
        print(
            f"1 kết nối: p50 {float(f[4]):.1f} ms, p95 {float(f[5]):.1f} ms, {int(f[1]) / 5:.0f} yêu cầu/giây"
        )
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    proc = subprocess.run(
        [
            wrk,
            "-t2",
            f"-c{args.clients}",
            f"-d{args.seconds}s",
            "--timeout",
            "10s",
            "-s",
            str(script),
            url,
        ],
        capture_output=True,
        text=True,
        timeout=args.seconds + 60,
    )
    stop.set()
    sampler.join()
    script.unlink()
    line = next((x for x in proc.stdout.splitlines() if x.startswith("RESULT ")), "")
    if not line:
        print(proc.stdout, proc.stderr)
        return None
    requests, errors, status_errors, p50, p95, p99, worst = line.split()[1:]
    return {
        "requests": float(requests),
        "rps": float(requests) / args.seconds,
        "errors": int(errors) + int(status_errors),
        "p50": float(p50),
        "p95": float(p95),
        "p99": float(p99),
        "max": float(worst),
        "peak_gunicorn": peaks["gunicorn"],
        "peak_pg": peaks["pg"],
    }


def _cold_pass(port: int, ids: list[int]) -> None:
    """Every page once, one at a time: the first visit builds the page (and fills the cache
    of public pages), so this is the uncached service time; wrk then measures the steady
    state, as visitors see it between two approvals."""
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    times = []
    for i in ids:
        start = time.perf_counter()
        conn.request("GET", f"/nghi-quyet/{i}/")
        response = conn.getresponse()
        response.read()
        times.append((time.perf_counter() - start) * 1000)
        if response.status != 200:
            print(f"lần đầu /nghi-quyet/{i}/: HTTP {response.status}")
    conn.close()
    times.sort()
    if times:
        print(
            f"lần xem đầu tiên (dựng trang, chưa có trong bộ nhớ đệm), {len(times)} trang:"
            f" p50 {times[len(times) // 2]:.1f} ms, p95 {times[int(len(times) * 0.95)]:.1f} ms"
        )


def _python_load(args: argparse.Namespace, port: int, ids: list[int]) -> dict[str, float]:
    """A bounded load without wrk: one thread per client, keep-alive, for `--seconds`.
    The client shares the CPU with the server, so its figures are pessimistic."""
    import http.client

    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + args.seconds

    def client(k: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        i = k
        while time.monotonic() < deadline:
            i += 1
            start = time.perf_counter()
            try:
                conn.request("GET", f"/nghi-quyet/{ids[i % len(ids)]}/")
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
            except OSError:
                ok = False
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            elapsed = (time.perf_counter() - start) * 1000
            with lock:
                latencies.append(elapsed)
                errors[0] += 0 if ok else 1
        conn.close()

    threads = [threading.Thread(target=client, args=(k,)) for k in range(args.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    latencies.sort()

    def pct(q: float) -> float:
        return latencies[min(len(latencies) - 1, int(q * len(latencies)))] if latencies else 0.0

    return {
        "requests": float(len(latencies)),
        "rps": len(latencies) / args.seconds,
        "errors": errors[0],
        "p50": pct(0.50),
        "p95": pct(0.95),
        "p99": pct(0.99),
        "max": latencies[-1] if latencies else 0.0,
    }


if __name__ == "__main__":
    sys.exit(main())
