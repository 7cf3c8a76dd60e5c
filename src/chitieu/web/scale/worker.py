"""The body of a `chitieu synth --jobs N` loader process.

Imported by a freshly spawned interpreter before Django is set up, so nothing at module
level may import models: Django is set up first, then the loader is imported."""

from __future__ import annotations

from typing import Any

from chitieu.synth import SynthSpec
from chitieu.web.scale.progress import Progress


class QueueProgress(Progress):
    """A worker's progress: each finished chunk is a message to the parent."""

    def __init__(self, queue: Any) -> None:
        super().__init__()
        self.queue = queue

    def start(self, total: int, already: int = 0) -> None:
        pass

    def advance(self, results: int) -> None:
        self.queue.put(("chunk", results))

    def finish(self) -> None:
        pass


def load_share(spec: SynthSpec, share: tuple[int, int], queue: Any, fk_checks: bool = True) -> None:
    from chitieu.web.commands import setup_django

    setup_django()
    from chitieu.web.scale.load import do_load

    try:
        stats = do_load(
            spec,
            progress=QueueProgress(queue),
            share=share,
            fk_checks=fk_checks,
            manage_indexes=False,  # the parent sets them aside and puts them back
        )
    except BaseException as exc:
        queue.put(("error", f"{type(exc).__name__}: {exc}"))
        raise
    queue.put(("done", (stats.chunks, stats.resolutions, stats.targets, stats.results)))
