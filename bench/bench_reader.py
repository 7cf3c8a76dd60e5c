"""Reader throughput on one core (goal: >= 1 MB/s). Prints figures; asserts nothing.

- whole documents (first, and the line the goal is read on): bench/corpus, eight whole
  documents written for this project (resolutions, a provincial year-end report, a commune
  report, a congress political report, a department report with a pasted table, a budget
  final-accounts resolution, two news articles): what users paste or upload, hence the
  throughput users see. They are already denser in figures than the real articles.
- real articles: the two real sample articles in /work/shared/seeds (conference news, prose
  between the figures).
- dense passages, one by one and joined into one long document: the golden-case passages
  (tests/cases) plus the two sample articles. Nearly every sentence holds a figure, the
  densest text there is, so these lines show the reader's cost per figure (a floor).
- adversarial: 1 MB of digits and cue words with no punctuation, the worst case for time.

Each figure is the best of 3 runs in CPU time, with its ratio to plain `re` tokenization of
the same text (a machine-independent yardstick when the machine is shared and noisy). Under
each corpus line a density line says how much there is to read in it: number tokens per KB
and the reader's extracted items (targets + results + summaries) per KB, KB = 1000 bytes of
UTF-8, counted once over the distinct texts, so that a fast figure on sparse text shows as such.

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
CORPUS = ROOT / "bench" / "corpus"


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
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _density(texts: list[str]) -> str:
    """Number tokens and extracted items per KB of the distinct texts (not timed)."""
    kb = sum(len(t.encode("utf-8")) for t in texts) / 1000
    numbers = sum(len(_NUMBER.findall(t)) for t in texts)
    items = 0
    for t in texts:
        found = extract(t)
        items += len(found.targets) + len(found.results) + len(found.summaries)
    return (
        f"  density: {numbers / kb:.1f} number tokens/KB, {items / kb:.2f} items/KB"
        f" ({numbers} numbers, {items} items in {kb:.1f} KB)"
    )


def _baseline(texts: list[str]) -> None:
    """Plain `re` tokenization of the lower-cased text: the floor any reader pays. Timed on
    the same machine, so reader/baseline is a figure that noise moves much less."""
    for t in texts:
        _WORDS.findall(t.lower())


def _repeated(label: str, what: str, texts: list[str]) -> None:
    """Throughput over `texts` repeated to about 2 MB, then their density."""
    _repeated_mbs(label, what, texts)


def _repeated_mbs(label: str, what: str, texts: list[str]) -> float:
    """_repeated, returning the MB/s it printed."""
    size = sum(len(t.encode("utf-8")) for t in texts)
    reps = max(1, 2_000_000 // size)
    elapsed = _cpu(lambda: [extract(t) for _ in range(reps) for t in texts])
    base = _cpu(lambda: _baseline(texts * reps))
    mb = reps * size / 1_000_000
    print(
        f"throughput, {label} ({what}, {size // 1000} KB, repeated): {mb / elapsed:.2f} MB/s"
        f" ({elapsed:.2f} s CPU, {elapsed / base:.0f}x plain re tokenization)"
    )
    print(_density(texts))
    return mb / elapsed


def main() -> None:
    passages = corpus_passages()
    extract(passages[0])  # load the grammar tables once, outside the timing
    # What users paste or upload first: whole documents (bench/corpus/README.md), and the two
    # real sample articles (conference news, prose between the figures).
    documents = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    users: float | None = None
    if documents:
        users = _repeated_mbs("whole documents", f"bench/corpus, {len(documents)} files", documents)
    if SEEDS.is_dir():
        articles = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
        _repeated("real articles", f"{len(articles)} sample articles", articles)
    # Then the golden-case corpus: nearly every sentence of it holds a figure, denser than any
    # real text, and the reader's cost is per figure: a floor, not what users see.
    docs: list[str] = []
    size = 0
    while size < 2_000_000:
        for p in passages:
            docs.append(p)
            size += len(p.encode("utf-8"))
    mb = size / 1_000_000
    # CPU time of this process: the figure does not depend on what else the machine runs.
    elapsed = _cpu(lambda: [extract(d) for d in docs])
    base = _cpu(lambda: _baseline(docs))
    print(f"corpus: {len(passages)} passages repeated to {mb:.2f} MB ({len(docs)} documents)")
    print(
        f"throughput, dense passages one by one: {mb / elapsed:.2f} MB/s ({elapsed:.2f} s CPU, "
        f"{elapsed / base:.0f}x plain re tokenization)"
    )
    print(_density(passages))
    # The same text as documents of realistic length (tens of KB, like a report or a page).
    joined = "\n\n".join(passages)
    reps = max(1, 2_000_000 // max(1, len(joined.encode("utf-8"))))
    elapsed = _cpu(lambda: [extract(joined) for _ in range(reps)])
    base = _cpu(lambda: _baseline([joined] * reps))
    mb = reps * len(joined.encode("utf-8")) / 1_000_000
    print(
        f"throughput, dense passages joined ({len(joined.encode('utf-8')) // 1000} KB): "
        f"{mb / elapsed:.2f} MB/s ({elapsed:.2f} s CPU, {elapsed / base:.0f}x plain re "
        "tokenization)"
    )
    print(_density([joined]))
    text = adversarial()
    start = time.perf_counter()
    cpu = _cpu(lambda: extract(text), repeat=1)
    wall = time.perf_counter() - start
    base = _cpu(lambda: _baseline([text]))
    print(
        f"adversarial 1 MB (digits, cue words, no punctuation): {wall:.2f} s "
        f"({cpu:.2f} s CPU, {cpu / base:.0f}x plain re tokenization)"
    )
    print(_density([text]))
    if users is not None:
        verdict = "met" if users >= 1.0 else "NOT met"
        print(f"goal >= 1 MB/s on whole documents: {verdict} ({users:.2f} MB/s)")


if __name__ == "__main__":
    main()
