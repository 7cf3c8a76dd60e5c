"""Soak test: mixed reads and writes against gunicorn on loopback for N minutes, bounded.

    .venv/bin/python bench/soak.py                 # 10 minutes (the figure in docs/security.md)
    .venv/bin/python bench/soak.py --seconds 20    # the CI form (tests/web/test_security_soak.py)
    .venv/bin/python bench/soak.py --database-url postgres://…/soak   # a dedicated database

A fresh SQLite file in a temporary folder unless --database-url is given (DATABASE_URL from
the environment is ignored on purpose: a soak must never write into a real database). The
data: one town (Party committee, People's Committee, a department), a 20-target resolution,
one user per role with an API token. Clients (threads, each with its own targets so that the
workflow never conflicts by design):

- readers: the dashboard page (logged in through the login form, with CSRF), the
  evaluations and results of the API;
- writers: a result saved as a draft, submitted, then approved or returned, over and over.

Every answer that is not the expected status, every timeout and every connection error is an
error. Printed: requests, errors, throughput, latency percentiles per operation, and the
resident memory (RSS) of the gunicorn processes after warm-up and at the end. Exit status 1 on
any error or if memory grew more than --max-rss-growth-mb.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import defaultdict
from pathlib import Path
from typing import Any

PASSWORD = "mat-khau-soak-2024"
TARGETS = 20


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _seed(env: dict[str, str]) -> dict[str, Any]:
    """Migrate and load the town in a child process (this process stays free of Django)."""
    code = f"""
import json
from decimal import Decimal
from chitieu.web.commands import setup_django, migrate_database
setup_django(); migrate_database(load_units=False)
from chitieu.model import Target
from chitieu.web.actions.bodies import do_create_body, do_create_user, do_grant_role
from chitieu.web.actions.resolutions import do_create_resolution
from chitieu.web.actions.targets import do_import_targets
from chitieu.web.actions.tokens import do_create_token
committee = do_create_body("Thị ủy Soak", "party_committee")
ubnd = do_create_body("UBND thị xã Soak", "peoples_committee", parent=committee)
dept = do_create_body("Phòng Tài chính Soak", "department", parent=ubnd)
resolution = do_create_resolution(issuing_body=committee, kind="annual",
    title="Nghị quyết Soak năm 2024", start_year=2024)
rows = do_import_targets(resolution,
    [Target(f"chỉ tiêu {{i}}", value=Decimal(100 + i), unit="tỷ đồng") for i in range({TARGETS})],
    bodies=[dept] * {TARGETS})
tokens = {{}}
for role, body in (("reporter", dept), ("approver", committee), ("viewer", committee)):
    user = do_create_user(f"soak.{{role}}", {PASSWORD!r})
    do_grant_role(user, body, role)
    tokens[role] = do_create_token(user, "soak")[1]
print(json.dumps({{"resolution": resolution.pk, "targets": [r.pk for r in rows], "tokens": tokens}}))
"""
    run = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300
    )
    if run.returncode != 0:
        raise SystemExit(f"seeding failed:\n{run.stderr}")
    return dict(json.loads(run.stdout.strip().splitlines()[-1]))


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def _memory(master: int) -> dict[str, int]:
    pids = [master, *_children(master)]
    return {str(p): _rss_kb(p) for p in pids}


class Stats:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.errors: list[str] = []

    def add(self, op: str, seconds: float, error: str | None) -> None:
        with self.lock:
            self.latency[op].append(seconds)
            if error is not None and len(self.errors) < 1000:
                self.errors.append(f"{op}: {error}")


class Client:
    def __init__(self, base: str, stats: Stats, token: str | None = None) -> None:
        self.base = base
        self.stats = stats
        self.token = token
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def call(
        self,
        op: str,
        method: str,
        path: str,
        expect: int,
        body: dict[str, Any] | None = None,
        form: dict[str, str] | None = None,
    ) -> bytes:
        headers = {"Connection": "close"}
        data = None
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if form is not None:
            data = urllib.parse.urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = self.base + path
        request = urllib.request.Request(self.base + path, data, headers, method=method)
        start = time.perf_counter()
        error = None
        content = b""
        try:
            with self.opener.open(request, timeout=15) as response:
                content = response.read()
                status = response.status
        except urllib.error.HTTPError as exc:
            status = exc.code
            content = exc.read()
        except (OSError, TimeoutError) as exc:
            status = -1
            error = f"{type(exc).__name__}: {exc}"
        elapsed = time.perf_counter() - start
        if error is None and status != expect:
            error = f"HTTP {status} (expected {expect}) {path}: {content[:200]!r}"
        self.stats.add(op, elapsed, error)
        return content

    def login(self, username: str) -> None:
        page = self.call("login page", "GET", "/dang-nhap/", 200).decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        form = {"username": username, "password": PASSWORD}
        if token:
            form["csrfmiddlewaretoken"] = token[1]
        # A successful login redirects (302) to the list, which urllib follows (200).
        self.call("login", "POST", "/dang-nhap/", 200, form=form)


def _reader(base: str, seed: dict[str, Any], stats: Stats, stop: threading.Event) -> None:
    rng = random.Random(1)
    page = Client(base, stats)
    page.login("soak.viewer")
    api = Client(base, stats, seed["tokens"]["viewer"])
    resolution = seed["resolution"]
    while not stop.is_set():
        r = rng.random()
        if r < 0.4:
            page.call("dashboard page", "GET", f"/nghi-quyet/{resolution}/", 200)
        elif r < 0.7:
            api.call("api evaluations", "GET", f"/api/resolutions/{resolution}/evaluations", 200)
        else:
            target = rng.choice(seed["targets"])
            api.call("api results", "GET", f"/api/targets/{target}/results", 200)


def _writer(
    base: str, seed: dict[str, Any], targets: list[int], stats: Stats, stop: threading.Event
) -> None:
    rng = random.Random(targets[0])
    reporter = Client(base, stats, seed["tokens"]["reporter"])
    approver = Client(base, stats, seed["tokens"]["approver"])
    while not stop.is_set():
        target = rng.choice(targets)
        slot = {"period": "2024", "estimated": False}
        value = str(rng.randint(50, 250))
        reporter.call(
            "api save", "POST", f"/api/targets/{target}/results", 201, {**slot, "value": value}
        )
        reporter.call("api submit", "POST", f"/api/targets/{target}/results/submit", 200, slot)
        if rng.random() < 0.8:
            approver.call(
                "api approve", "POST", f"/api/targets/{target}/results/approve", 200, slot
            )
        else:
            approver.call(
                "api return",
                "POST",
                f"/api/targets/{target}/results/return",
                200,
                {**slot, "comment": "Kiểm tra lại"},
            )


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def soak(args: argparse.Namespace) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="chitieu-soak-"))
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        {
            "CHITIEU_DATA_DIR": str(work),
            "CHITIEU_SECRET_KEY": "soak-" + "x" * 40,
            "DJANGO_SETTINGS_MODULE": "chitieu.web.settings",
            "DATABASE_URL": args.database_url or f"sqlite:///{work}/soak.sqlite3",
        }
    )
    seed = _seed(env)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "chitieu.web.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--timeout",
            "60",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(work / "gunicorn.log", "wb"),  # noqa: SIM115 - closed with the process
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(base + "/dang-nhap/", timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise SystemExit("gunicorn did not start; see " + str(work / "gunicorn.log"))
        # Warm-up: every worker has imported everything before the first memory figure.
        warm = Stats()
        for _ in range(args.workers * 10):
            Client(base, warm, seed["tokens"]["viewer"]).call(
                "warm", "GET", f"/api/resolutions/{seed['resolution']}/evaluations", 200
            )
        memory_start = _memory(server.pid)
        stats = Stats()
        stop = threading.Event()
        share = [seed["targets"][i :: args.writers] for i in range(args.writers)]
        threads = [
            threading.Thread(target=_reader, args=(base, seed, stats, stop), daemon=True)
            for _ in range(args.readers)
        ] + [
            threading.Thread(target=_writer, args=(base, seed, part, stats, stop), daemon=True)
            for part in share
        ]
        started = time.perf_counter()
        for t in threads:
            t.start()
        # RSS over time: a leak is a steady slope; warm caches level off.
        timeline = [(0.0, sum(memory_start.values()) / 1024)]
        step = max(1.0, min(args.sample_seconds, args.seconds))
        while not stop.wait(min(step, args.seconds - (time.perf_counter() - started))):
            now = time.perf_counter() - started
            timeline.append((round(now), round(sum(_memory(server.pid).values()) / 1024, 1)))
            if now >= args.seconds:
                break
        stop.set()
        for t in threads:
            t.join(timeout=30)
        elapsed = time.perf_counter() - started
        memory_end = _memory(server.pid)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    total = sum(len(v) for v in stats.latency.values())
    growth_kb = sum(memory_end.values()) - sum(memory_start.values())
    return {
        "seconds": round(elapsed, 1),
        "requests": total,
        "errors": len(stats.errors),
        "error_samples": stats.errors[:20],
        "throughput_per_s": round(total / elapsed, 1) if elapsed else 0.0,
        "latency_ms": {
            op: {
                "n": len(v),
                "p50": round(1000 * statistics.median(v), 1),
                "p95": round(1000 * _percentile(v, 0.95), 1),
                "p99": round(1000 * _percentile(v, 0.99), 1),
                "max": round(1000 * max(v), 1),
            }
            for op, v in sorted(stats.latency.items())
        },
        "rss_kb_start": memory_start,
        "rss_kb_end": memory_end,
        "rss_growth_mb": round(growth_kb / 1024, 1),
        "rss_timeline_mb": timeline,
        "workdir": str(work),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=600.0, help="duration (default 600)")
    parser.add_argument("--readers", type=int, default=4)
    parser.add_argument("--writers", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--database-url", default="", help="a dedicated database (default: SQLite)")
    parser.add_argument("--max-rss-growth-mb", type=float, default=64.0)
    parser.add_argument("--sample-seconds", type=float, default=60.0, help="RSS sampling step")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON only")
    args = parser.parse_args(argv)
    figures = soak(args)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
    else:
        print(
            f"{figures['requests']} requests in {figures['seconds']} s: "
            f"{figures['throughput_per_s']} req/s, {figures['errors']} errors"
        )
        for op, row in figures["latency_ms"].items():
            print(
                f"  {op:16} n={row['n']:6}  p50 {row['p50']:7.1f} ms  p95 {row['p95']:7.1f} ms"
                f"  p99 {row['p99']:7.1f} ms  max {row['max']:7.1f} ms"
            )
        start_mb = sum(figures["rss_kb_start"].values()) / 1024
        end_mb = sum(figures["rss_kb_end"].values()) / 1024
        print(
            f"  RSS (gunicorn, all processes): {start_mb:.1f} MB after warm-up -> "
            f"{end_mb:.1f} MB at the end ({figures['rss_growth_mb']:+.1f} MB)"
        )
        print(
            "  RSS over time (s: MB): "
            + ", ".join(f"{t:.0f}: {mb:.1f}" for t, mb in figures["rss_timeline_mb"])
        )
        for sample in figures["error_samples"]:
            print("  ERROR", sample)
    ok = figures["errors"] == 0 and figures["rss_growth_mb"] <= args.max_rss_growth_mb
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
