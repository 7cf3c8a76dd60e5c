"""Throwaway PostgreSQL servers on loopback: a primary and a streaming replica.

For the replica test and bench/bench_scale.py (the same steps as scripts/postgres.sh, in
Python). As root the server runs as the `postgres` OS user (PostgreSQL refuses root). Every
server listens on 127.0.0.1 only, on a free port, in a temporary folder removed by `stop`.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


class ServerError(RuntimeError):
    pass


def pg_bin() -> Path:
    for d in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (d / "initdb").exists():
            return d
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    raise ServerError("không tìm thấy PostgreSQL (initdb); cài gói postgresql")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_postgres() -> list[str]:
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def _run(cmd: list[str], timeout: float = 120) -> None:
    proc = subprocess.run(_as_postgres() + cmd, capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        raise ServerError(f"{' '.join(cmd)} lỗi {proc.returncode}: {proc.stderr.strip()}")


@dataclass
class Server:
    folder: Path  # temporary; holds data/, the socket and the log
    port: int
    replica: bool = False

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def url(self, database: str = "chitieu") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def start(self, settings: dict[str, str]) -> None:
        options = [f"-p {self.port}", f"-k {self.folder}", "-c listen_addresses=127.0.0.1"]
        options += [f"-c {k}={v}" for k, v in settings.items()]
        _run(
            [
                str(pg_bin() / "pg_ctl"),
                "-D",
                str(self.data),
                "-l",
                str(self.folder / "log"),
                "-o",
                " ".join(options),
                "-w",
                "-t",
                "60",
                "start",
            ]
        )

    def psql(self, sql: str, database: str = "postgres") -> str:
        proc = subprocess.run(
            [
                str(pg_bin() / "psql"),
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                "postgres",
                "-d",
                database,
                "-At",
                "-c",
                sql,
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
        if proc.returncode != 0:
            raise ServerError(f"psql: {proc.stderr.strip()}")
        return proc.stdout.strip()

    def pids(self) -> list[int]:
        """The postmaster and its children (backends, WAL writer…), for memory figures."""
        pid_file = self.data / "postmaster.pid"
        if not pid_file.exists():
            return []
        main = int(pid_file.read_text().split()[0])
        out = subprocess.run(["pgrep", "-P", str(main)], capture_output=True, text=True)
        return [main, *(int(p) for p in out.stdout.split())]

    def stop(self) -> None:
        if self.data.exists():
            subprocess.run(
                [
                    *_as_postgres(),
                    str(pg_bin() / "pg_ctl"),
                    "-D",
                    str(self.data),
                    "-m",
                    "immediate",
                    "stop",
                ],
                capture_output=True,
                timeout=60,
            )
        shutil.rmtree(self.folder, ignore_errors=True)


def _folder(prefix: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    folder.chmod(0o755)
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    return folder


# Fast and unsafe on purpose: throwaway data on a test machine (never in production).
FAST = {"fsync": "off", "full_page_writes": "off", "synchronous_commit": "off"}


def start_primary(settings: dict[str, str] | None = None, database: str = "chitieu") -> Server:
    server = Server(_folder("chitieu-pg-primary."), free_port())
    try:
        _run(
            [
                str(pg_bin() / "initdb"),
                "-D",
                str(server.data),
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "-U",
                "postgres",
            ]
        )
        # wal_level=replica is PostgreSQL's default; said here because the replica needs it.
        server.start({**FAST, "wal_level": "replica", "max_wal_senders": "5", **(settings or {})})
        server.psql(f"CREATE DATABASE {database}")
    except Exception:
        server.stop()
        raise
    return server


def start_replica(primary: Server, settings: dict[str, str] | None = None) -> Server:
    """A streaming replica of `primary`: pg_basebackup -R writes standby.signal and the
    primary_conninfo, so it starts as a hot standby that follows the primary's WAL."""
    server = Server(_folder("chitieu-pg-replica."), free_port(), replica=True)
    try:
        _run(
            [
                str(pg_bin() / "pg_basebackup"),
                "-h",
                "127.0.0.1",
                "-p",
                str(primary.port),
                "-U",
                "postgres",
                "-D",
                str(server.data),
                "-R",
                "-X",
                "stream",
                "-c",
                "fast",
            ]
        )
        server.start({"hot_standby": "on", **(settings or {})})
    except Exception:
        server.stop()
        raise
    deadline = time.monotonic() + 30
    while server.psql("SELECT pg_is_in_recovery()") != "t":  # pragma: no cover - quick
        if time.monotonic() > deadline:
            server.stop()
            raise ServerError("bản sao không vào chế độ chỉ đọc (hot standby)")
        time.sleep(0.1)
    return server
