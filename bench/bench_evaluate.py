"""How fast is evaluation? Prints figures; asserts nothing.

    .venv/bin/python bench/bench_evaluate.py [--rows 1000000] [--sample 50000]

Builds N synthetic target–result pairs as columns (fixed seed, values on a grid of
hundredths so that many results sit exactly on their target), times the columnar evaluator
(best of 3), then times the per-object `evaluate` on the first SAMPLE rows turned into
Target/Result objects, checks that both give the same statuses there, and times the
objects -> columns conversion that a caller holding objects pays once.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from decimal import Decimal

import numpy as np

from chitieu.evaluate import evaluate
from chitieu.evaluate.bulk import (
    COMPARATORS,
    DIRECTIONS,
    KINDS,
    NO_STATUS,
    SCALE,
    STATUSES,
    Columns,
    evaluate_columns,
)
from chitieu.model import Comparator, Result, Target

SEED = 20261129


def synthetic_columns(rows: int, seed: int = SEED) -> Columns:
    """Rows of every comparator, kind and direction; values in hundredths in [-50, 150],
    results drawn near their targets (a third exactly on them)."""
    rng = np.random.default_rng(seed)
    hundredth = SCALE // 100

    def amounts(size: int) -> np.ndarray:
        return rng.integers(-5_000, 15_000, size, dtype=np.int64) * hundredth

    comparator = rng.integers(0, len(COMPARATORS), rows, dtype=np.int8)
    low, high = amounts(rows), amounts(rows)
    is_range = comparator == COMPARATORS.index(Comparator.RANGE)
    target_value = np.where(is_range, np.minimum(low, high), low)
    target_value_max = np.where(is_range, np.maximum(low, high), 0)
    on_target = rng.random(rows) < 0.33
    jitter = rng.integers(-300, 300, rows, dtype=np.int64) * hundredth
    value = np.where(on_target, target_value, target_value + jitter)
    previous = np.where(rng.random(rows) < 0.5, amounts(rows), 0)
    has_result = rng.random(rows) < 0.95
    return Columns(
        kind=rng.integers(0, len(KINDS), rows, dtype=np.int8),
        comparator=comparator,
        direction=rng.integers(0, len(DIRECTIONS), rows, dtype=np.int8),
        qualitative=rng.random(rows) < 0.05,
        target_value=target_value,
        target_value_max=target_value_max,
        has_result=has_result,
        value=value,
        has_value=has_result & (rng.random(rows) < 0.7),
        change=np.where(on_target, target_value, target_value + jitter),
        has_change=has_result & (rng.random(rows) < 0.5),
        previous=previous,
        has_previous=has_result & (previous != 0),
        percent=rng.integers(9_000, 11_000, rows, dtype=np.int64) * hundredth,
        has_percent=has_result & (rng.random(rows) < 0.3),
        declared=np.where(
            rng.random(rows) < 0.3, rng.integers(0, len(STATUSES), rows), NO_STATUS
        ).astype(np.int8),
        fallback=np.zeros(rows, np.bool_),
    )


def to_pairs(columns: Columns, rows: int) -> list[tuple[Target, Result | None]]:
    """The first `rows` rows as domain objects (what the per-object path works on)."""
    c = columns

    def dec(x: np.int64) -> Decimal:
        return Decimal(int(x)) / SCALE

    pairs: list[tuple[Target, Result | None]] = []
    for i in range(rows):
        qualitative = bool(c.qualitative[i])
        # A qualitative target has no number, so no range either (its comparator is moot).
        comparator = Comparator.AT_LEAST if qualitative else COMPARATORS[c.comparator[i]]
        target = Target(
            name=f"chỉ tiêu {i}",
            kind=KINDS[c.kind[i]],
            comparator=comparator,
            direction=DIRECTIONS[c.direction[i]],
            value=None if qualitative else dec(c.target_value[i]),
            value_max=(
                dec(c.target_value_max[i])
                if comparator is Comparator.RANGE and not qualitative
                else None
            ),
        )
        result = None
        if c.has_result[i]:
            declared = int(c.declared[i])
            result = Result(
                value=dec(c.value[i]) if c.has_value[i] else None,
                change_percent=dec(c.change[i]) if c.has_change[i] else None,
                previous_value=dec(c.previous[i]) if c.has_previous[i] else None,
                percent_of_target=dec(c.percent[i]) if c.has_percent[i] else None,
                declared_status=None if declared == NO_STATUS else STATUSES[declared],
            )
        pairs.append((target, result))
    return pairs


def best_of(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--sample", type=int, default=50_000)
    args = parser.parse_args(argv)

    columns = synthetic_columns(args.rows)
    bulk_seconds = best_of(3, lambda: evaluate_columns(columns))
    codes = evaluate_columns(columns)

    sample = min(args.sample, args.rows)
    pairs = to_pairs(columns, sample)
    object_seconds = best_of(1, lambda: [evaluate(t, r) for t, r in pairs])
    statuses = [evaluate(t, r).status for t, r in pairs]
    agree = statuses == [STATUSES[code] for code in codes[:sample].tolist()]
    convert_seconds = best_of(1, lambda: Columns.from_pairs(pairs))

    bulk_rate = args.rows / bulk_seconds
    object_rate = sample / object_seconds
    counts = np.bincount(codes, minlength=len(STATUSES))
    print(
        f"rows: {args.rows:,}; statuses: "
        + ", ".join(
            f"{status.value} {count:,}"
            for status, count in zip(STATUSES, counts.tolist(), strict=True)
        )
    )
    print(f"bulk evaluate_columns, best of 3: {bulk_seconds:.3f} s for {args.rows:,} rows")
    print(f"bulk rate: {bulk_rate:,.0f} evaluations/s")
    print(f"per-object evaluate on {sample:,} rows: {object_seconds:.3f} s ({object_rate:,.0f}/s)")
    print(f"ratio bulk / per-object: {bulk_rate / object_rate:,.0f}x")
    print(f"statuses agree on the sample: {'yes' if agree else 'NO'}")
    print(
        f"Columns.from_pairs on {sample:,} objects: {convert_seconds:.3f} s "
        f"({sample / convert_seconds:,.0f} rows/s, paid once by callers holding objects)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
