"""How well the text reader generalises: precision/recall/F1 on the held-out cases.

    .venv/bin/python bench/bench_heldout.py [-v] [FILE.jsonl ...]

The held-out cases (bench/heldout/*.jsonl) cover the same phrase families as tests/cases but
with other wording, places and figures; the reader's authors do not look at them, so this
figure says how the reader does on passages it was not tuned on. Matching is the scorer's
(tests/case_matching.py). Prints one line per case, then per list and overall.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from case_matching import LISTS, ListScore, describe, load_cases, prf, score_case  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path, help="case files (default: bench/heldout)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list missed and extra items")
    args = ap.parse_args(argv)
    files = args.files or sorted((ROOT / "bench" / "heldout").glob("*.jsonl"))
    try:
        from chitieu.text import extract  # type: ignore[attr-defined]
    except ImportError as exc:
        print(f"Chưa có bộ đọc văn bản (chitieu.text.extract): {exc}", file=sys.stderr)
        return 2
    cases = load_cases(files)
    totals = {kind: ListScore() for kind in LISTS}
    failures = 0
    for case in cases:
        try:
            pred: dict[str, Any] = extract(case["text"]).to_dict()
        except Exception as exc:  # a crash scores as finding nothing, as in the scorer
            failures += 1
            print(f"{case['id']}: reader failed: {exc!r}")
            pred = {}
        scores = score_case(case, pred)
        for kind, s in scores.items():
            totals[kind].add(s)
        print(
            "  ".join(
                [case["id"]]
                + [f"{k} {s.tp}/{s.n_gold} (+{len(s.extras)})" for k, s in scores.items()]
            )
        )
        if args.verbose and not all(s.exact for s in scores.values()):
            print(describe(case["id"], scores))
    overall = ListScore()
    for kind, t in totals.items():
        overall.add(t)
        p, r, f = prf(t.tp, t.n_gold, t.n_pred)
        print(
            f"{kind:9s} precision {p:.3f} recall {r:.3f} F1 {f:.3f}"
            f"  ({t.tp} of {t.n_gold} gold, {t.n_pred} predicted)"
        )
    if failures:
        print(f"reader failed on {failures} of {len(cases)} passages")
    p, r, f = prf(overall.tp, overall.n_gold, overall.n_pred)
    print(f"overall F1 {f:.3f} (precision {p:.3f}, recall {r:.3f}, {len(cases)} passages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
