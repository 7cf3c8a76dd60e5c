"""Reader throughput on one core: MB/s over the golden-case corpus (dense: a figure in nearly
every sentence), over real articles, and the time for 1 MB of adversarial text (digits, cue
words, no punctuation). Prints figures; asserts nothing.
Each figure is the best of 3 runs in CPU time, with its ratio to plain `re` tokenization of
the same text (a machine-independent yardstick when the machine is shared and noisy).

    .venv/bin/python bench/bench_reader.py
"""

from __future__ import annotations

import json
import random
import re
import time
from collections.abc import Callable
from pathlib import Path

from chitieu.text import extract

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path("/work/shared/seeds")


def corpus_passages() -> list[str]:
    passages: list[str] = []
    for path in sorted((ROOT / "tests" / "cases").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                text = json.loads(line).get("text")
                if text:
                    passages.append(text)
    if SEEDS.is_dir():
        passages += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    if not passages:
        passages = ["Phấn đấu năm 2027 tổng thu ngân sách 186 tỷ đồng; tỷ lệ hộ nghèo dưới 1,5%."]
    return passages


def adversarial(size: int = 1_000_000, seed: int = 7) -> str:
    rng = random.Random(seed)
    cues = ["đạt", "tăng", "giảm", "trên", "dưới", "chỉ tiêu", "so với", "kế hoạch", "%", "tỷ đồng"]
    parts: list[str] = []
    total = 0
    while total < size:
        chunk = (
            "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 30)))
            if rng.random() < 0.5
            else rng.choice(cues)
        )
        parts.append(chunk)
        total += len(chunk) + 1
    return " ".join(parts)[:size]


def _cpu(fn: Callable[[], object], repeat: int = 3) -> float:
    """Best CPU time of `repeat` runs: the least disturbed by other work on the machine."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


_WORDS = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|\S")


def _baseline(texts: list[str]) -> None:
    """Plain `re` tokenization of the lower-cased text: the floor any reader pays. Timed on
    the same machine, so reader/baseline is a figure that noise moves much less."""
    for t in texts:
        _WORDS.findall(t.lower())


def main() -> None:
    passages = corpus_passages()
    docs: list[str] = []
    size = 0
    while size < 2_000_000:
        for p in passages:
            docs.append(p)
            size += len(p.encode("utf-8"))
    extract(passages[0])  # load the grammar tables once, outside the timing
    mb = size / 1_000_000
    # CPU time of this process: the figure does not depend on what else the machine runs.
    elapsed = _cpu(lambda: [extract(d) for d in docs])
    base = _cpu(lambda: _baseline(docs))
    print(f"corpus: {len(passages)} passages repeated to {mb:.2f} MB ({len(docs)} documents)")
    print(
        f"throughput, passage by passage: {mb / elapsed:.2f} MB/s ({elapsed:.2f} s CPU, "
        f"{elapsed / base:.0f}x plain re tokenization)"
    )
    # The same text as documents of realistic length (tens of KB, like a report or a page).
    joined = "\n\n".join(passages)
    reps = max(1, 2_000_000 // max(1, len(joined.encode("utf-8"))))
    elapsed = _cpu(lambda: [extract(joined) for _ in range(reps)])
    base = _cpu(lambda: _baseline([joined] * reps))
    mb = reps * len(joined.encode("utf-8")) / 1_000_000
    print(
        f"throughput, {len(joined) // 1000} KB documents: {mb / elapsed:.2f} MB/s "
        f"({elapsed:.2f} s CPU, {elapsed / base:.0f}x plain re tokenization)"
    )
    # Real articles: the two sample articles (conference news, as journalists and offices write
    # them), prose between the figures. The case corpus above is denser than any real text:
    # nearly every sentence of it holds a figure, and the reader's cost is per figure.
    if SEEDS.is_dir():
        articles = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
        size = sum(len(a.encode("utf-8")) for a in articles)
        reps = max(1, 2_000_000 // size)
        elapsed = _cpu(lambda: [extract(a) for _ in range(reps) for a in articles])
        base = _cpu(lambda: _baseline(articles * reps))
        mb = reps * size / 1_000_000
        print(
            f"throughput, real articles ({len(articles)} sample articles, {size // 1000} KB,"
            f" repeated): {mb / elapsed:.2f} MB/s ({elapsed:.2f} s CPU,"
            f" {elapsed / base:.0f}x plain re tokenization)"
        )
    text = adversarial()
    start = time.perf_counter()
    cpu = _cpu(lambda: extract(text), repeat=1)
    wall = time.perf_counter() - start
    base = _cpu(lambda: _baseline([text]))
    print(
        f"adversarial 1 MB (digits, cue words, no punctuation): {wall:.2f} s "
        f"({cpu:.2f} s CPU, {cpu / base:.0f}x plain re tokenization)"
    )


if __name__ == "__main__":
    main()
