"""`chitieu synth --jobs N`: N loader processes side by side, each with every N-th chunk.

Generating rows is Python (one core); PostgreSQL's COPY and index upkeep use another. On a
machine with more cores a few loaders keep the server busy. Chunks stay one transaction each
and are logged, so a parallel load resumes like a single one."""

from __future__ import annotations

import multiprocessing
import queue as queue_module
import time

from django.db import connection

from chitieu.synth import SynthSpec, chunk_keys
from chitieu.web.scale.load import LoadStats, begin_indexes, end_indexes, prepare_places
from chitieu.web.scale.models import LoadChunk
from chitieu.web.scale.progress import Progress
from chitieu.web.scale.worker import load_share


def do_load_parallel(
    spec: SynthSpec,
    jobs: int,
    progress: Progress | None = None,
    fk_checks: bool = True,
    set_aside: bool | None = None,
) -> LoadStats:
    """The parent sets the indexes aside (if the load is large) before the loaders start and
    builds them again after the last one ends, as `do_load` does for one loader."""
    started = time.perf_counter()
    prepare_places(spec)  # once, before the workers, so that they only read units and bodies
    keys = set(chunk_keys(spec))
    done = set(LoadChunk.objects.filter(dataset=spec.key).values_list("province_code", "year"))
    stats = LoadStats(skipped=len(done & keys))
    postgresql = connection.vendor == "postgresql"
    if postgresql:
        stats.set_aside = begin_indexes(spec, done, set_aside, progress)
    connection.close()  # the children open their own connections
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    procs = [
        ctx.Process(target=load_share, args=(spec, (i, jobs), queue, fk_checks))
        for i in range(jobs)
    ]
    for p in procs:
        p.start()
    if progress is not None:
        progress.start(len(keys), already=stats.skipped)
    finished, errors = 0, []
    try:
        while finished < jobs:
            try:
                kind, payload = queue.get(timeout=5)
            except queue_module.Empty:
                if not any(p.is_alive() for p in procs):
                    errors.append("tiến trình nạp dừng bất thường")
                    break
                continue
            if kind == "chunk" and progress is not None:
                progress.advance(payload)
            elif kind == "done":
                finished += 1
                stats.chunks += payload[0]
                stats.resolutions += payload[1]
                stats.targets += payload[2]
                stats.results += payload[3]
            elif kind == "error":
                finished += 1
                errors.append(payload)
    finally:
        for p in procs:
            p.join(timeout=60)
        if postgresql:  # a killed loader leaves the list; the next run puts them back
            stats.index_seconds = end_indexes(progress, quiet=bool(errors))
    stats.seconds = time.perf_counter() - started
    if progress is not None:
        progress.finish()
    if errors:
        raise RuntimeError("Nạp song song lỗi: " + "; ".join(errors))
    return stats
