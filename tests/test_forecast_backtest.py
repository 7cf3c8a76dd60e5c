"""A small backtest: on a clearly seasonal flow the method beats linear extrapolation, and the
bench script runs and prints its table (bench/bench_forecast.py, the full version)."""

from __future__ import annotations

import random
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from chitieu.forecast import Accumulation, ForecastMethod, forecast_year_end

BENCH = Path(__file__).resolve().parents[1] / "bench" / "bench_forecast.py"
# Public investment disbursement: slow start, a rush in December.
END_LOADED = (2, 3, 4, 5, 6, 7, 7, 8, 9, 11, 14, 24)


def _cumulative_years(seed: int, years: int) -> dict[int, dict[int, Decimal]]:
    rng = random.Random(seed)
    out: dict[int, dict[int, Decimal]] = {}
    for k in range(years):
        level = 1000 * 1.08**k
        total, cum = 0.0, {}
        for month, weight in enumerate(END_LOADED, start=1):
            total += level * weight / sum(END_LOADED) * (1 + rng.gauss(0, 0.05))
            cum[month] = Decimal(f"{total:.2f}")
        out[2020 + k] = cum
    return out


def test_the_method_beats_linear_extrapolation_on_a_seasonal_series() -> None:
    method_errors, naive_errors = [], []
    for seed in range(5):
        data = _cumulative_years(seed, 5)
        year = 2024
        actual = data[year][12]
        history = {y: v for y, v in data.items() if y < year}
        for m in (3, 6, 9):
            f = forecast_year_end(year, {m: data[year][m]}, history, Accumulation.FLOW)
            assert f.method is ForecastMethod.SEASONAL_SHARE
            method_errors.append(abs(f.value - actual) / actual)
            naive_errors.append(abs(data[year][m] * 12 / m - actual) / actual)
    assert sum(method_errors) < sum(naive_errors) / 3


def test_the_interval_holds_most_year_ends_of_a_seasonal_series() -> None:
    inside = total = 0
    for seed in range(20):
        data = _cumulative_years(100 + seed, 5)
        history = {y: v for y, v in data.items() if y < 2024}
        for m in (3, 6, 9):
            f = forecast_year_end(2024, {m: data[2024][m]}, history, Accumulation.FLOW)
            inside += f.low <= data[2024][12] <= f.high
            total += 1
    assert inside / total >= 0.6


def test_the_bench_prints_both_errors_and_says_who_wins() -> None:
    out = subprocess.run(
        [sys.executable, str(BENCH), "--series", "20", "--years", "4", "--seed", "7"],
        capture_output=True, text=True, check=True, timeout=120,
    ).stdout  # fmt: skip
    assert "MAPE phương pháp" in out and "MAPE tuyến tính" in out
    assert "phương pháp thắng" in out
