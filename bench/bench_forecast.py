"""Backtest of the year-end forecast (chitieu.forecast) on synthetic seasonal histories.

200 flow series × 6 years of monthly values, each with a seasonal profile (end-loaded like
public investment disbursement, harvest peaks, Tết dips, flat), yearly growth and monthly noise,
from a fixed seed. Every year after the first is forecast from its months 3, 6 and 9 using only
the years before it; the MAPE of the method is printed next to naive linear extrapolation's
(value × 12 / months), with the share of year-ends that fell inside the interval.

Run: .venv/bin/python bench/bench_forecast.py [--series 200] [--years 6] [--seed 2025]
Prints, asserts nothing (tests/test_forecast_backtest.py checks a small version).
"""

from __future__ import annotations

import argparse
import math
import random
import time
from dataclasses import dataclass
from decimal import Decimal

from chitieu.forecast import Accumulation, forecast_year_end

CHECKPOINTS = (3, 6, 9)

# Monthly weights (before noise) of a few seasonal shapes seen in local reports.
PROFILES: dict[str, tuple[float, ...]] = {
    "end_loaded": (2, 3, 4, 5, 6, 7, 7, 8, 9, 11, 14, 24),  # vốn đầu tư công giải ngân
    "harvest": (4, 5, 12, 14, 6, 5, 5, 6, 12, 14, 9, 8),  # two rice harvests
    "tet_dip": (6, 5, 8, 8, 9, 9, 9, 9, 9, 9, 9, 10),  # Tết in Jan–Feb
    "summer_peak": (5, 5, 6, 7, 9, 12, 13, 12, 9, 8, 7, 7),  # tourism
    "flat": (1,) * 12,
}


@dataclass(frozen=True)
class Series:
    name: str
    years: dict[int, list[float]]  # year -> 12 monthly values


def make_series(rng: random.Random, index: int, years: int) -> Series:
    profile_name = rng.choice(sorted(PROFILES))
    profile = PROFILES[profile_name]
    # Each series distorts its profile a little, once: the same body keeps its rhythm.
    shape = [w * rng.uniform(0.85, 1.15) for w in profile]
    level = rng.uniform(50, 5000)
    growth = rng.uniform(-0.02, 0.15)
    noise = rng.uniform(0.03, 0.12)
    data: dict[int, list[float]] = {}
    for k in range(years):
        year_level = level * (1 + growth) ** k * rng.uniform(0.95, 1.05)
        total_w = sum(shape)
        data[2020 + k] = [
            max(0.0, year_level * w / total_w * (1 + rng.gauss(0, noise))) for w in shape
        ]
    return Series(f"{profile_name}-{index}", data)


def cumulative(months: list[float]) -> dict[int, Decimal]:
    out, total = {}, 0.0
    for m, v in enumerate(months, start=1):
        total += v
        out[m] = Decimal(repr(round(total, 6)))
    return out


def run(n_series: int, n_years: int, seed: int) -> None:
    rng = random.Random(seed)
    series = [make_series(rng, i, n_years) for i in range(n_series)]
    stats: dict[int, dict[str, list[float]]] = {
        m: {"method": [], "naive": [], "inside": [], "width": []} for m in CHECKPOINTS
    }
    methods: dict[str, int] = {}
    by_method: dict[str, list[float]] = {}
    started = time.perf_counter()
    count = 0
    for s in series:
        cum = {y: cumulative(v) for y, v in s.years.items()}
        for year in sorted(cum)[1:]:
            actual = float(cum[year][12])
            history = {y: c for y, c in cum.items() if y < year}
            for m in CHECKPOINTS:
                current = {k: cum[year][k] for k in range(1, m + 1)}
                f = forecast_year_end(year, current, history, Accumulation.FLOW)
                count += 1
                methods[f.method.value] = methods.get(f.method.value, 0) + 1
                naive = float(current[m]) * 12 / m
                st = stats[m]
                st["method"].append(abs(float(f.value) - actual) / actual)
                st["naive"].append(abs(naive - actual) / actual)
                inside = 1.0 if float(f.low) <= actual <= float(f.high) else 0.0
                st["inside"].append(inside)
                by_method.setdefault(f.method.value, []).append(inside)
                st["width"].append((float(f.high) - float(f.low)) / actual)
    elapsed = time.perf_counter() - started
    # The first year has no history: the method falls back to linear; measure its interval.
    first_inside = []
    for s in series:
        first = min(s.years)
        cum = cumulative(s.years[first])
        for m in CHECKPOINTS:
            f = forecast_year_end(first, {m: cum[m]}, {}, Accumulation.FLOW)
            first_inside.append(1.0 if f.low <= cum[12] <= f.high else 0.0)

    print(f"Backtest: {n_series} chuỗi × {n_years} năm, seed {seed}; {count} lần ước cả năm")
    print(f"{'từ tháng':>9} {'MAPE phương pháp':>17} {'MAPE tuyến tính':>16} "
          f"{'phủ khoảng':>11} {'độ rộng TB':>11}")  # fmt: skip
    all_method: list[float] = []
    all_naive: list[float] = []
    all_inside: list[float] = []
    for m in CHECKPOINTS:
        st = stats[m]
        all_method += st["method"]
        all_naive += st["naive"]
        all_inside += st["inside"]
        print(
            f"{m:>9} {_pct(st['method']):>17} {_pct(st['naive']):>16} "
            f"{_pct(st['inside']):>11} {_pct(st['width']):>11}"
        )
    print(f"{'tất cả':>9} {_pct(all_method):>17} {_pct(all_naive):>16} {_pct(all_inside):>11}")
    winner = "phương pháp thắng" if _mean(all_method) < _mean(all_naive) else "tuyến tính thắng"
    print(f"=> {winner}; phương pháp dùng: {methods}")
    print("   (MAPE: sai số tuyệt đối trung bình theo %; khoảng mục tiêu phủ ~80%)")
    print(f"   {elapsed * 1000 / count:.3f} ms mỗi lần ước")
    print(f"   phủ khoảng, linear (năm đầu, không có lịch sử): {_pct(first_inside)}")
    for name, inside in sorted(by_method.items()):
        print(f"   phủ khoảng, {name}: {_pct(inside)} ({len(inside)} lần)")


def run_stock(n_series: int, n_years: int, seed: int) -> None:
    """Stock indicators (a rate read at month ends): the method against keeping the latest
    value. Each series falls by a yearly step, most of it late in the year (as poverty
    reviews conclude in Q4), with noise on every reading."""
    rng = random.Random(seed + 1)
    errors: dict[str, list[float]] = {"method": [], "latest": [], "inside": []}
    for _ in range(n_series):
        level = rng.uniform(2, 12)
        step = rng.uniform(0.05, 0.2)  # share of the level lost per year
        late = rng.uniform(0.5, 0.9)  # share of the yearly fall that comes in Q4
        noise = rng.uniform(0.005, 0.02)
        years: dict[int, dict[int, Decimal]] = {}
        for k in range(n_years):
            start = level * (1 - step) ** k
            fall = start * step
            readings = {}
            for m in range(1, 13):
                done = (1 - late) * min(m, 9) / 9 + (late * (m - 9) / 3 if m > 9 else 0)
                value = (start - fall * done) * (1 + rng.gauss(0, noise))
                readings[m] = Decimal(f"{value:.3f}")
            years[2020 + k] = readings
        for year in sorted(years)[1:]:
            actual = float(years[year][12])
            history = {y: v for y, v in years.items() if y < year}
            for m in CHECKPOINTS:
                current = {k: years[year][k] for k in range(1, m + 1)}
                f = forecast_year_end(year, current, history, Accumulation.STOCK)
                errors["method"].append(abs(float(f.value) - actual) / actual)
                errors["latest"].append(abs(float(current[m]) - actual) / actual)
                errors["inside"].append(1.0 if f.low <= years[year][12] <= f.high else 0.0)
    print(
        f"Chỉ tiêu thời điểm (tỷ lệ), {n_series} chuỗi: MAPE phương pháp {_pct(errors['method'])}, "
        f"giữ số mới nhất {_pct(errors['latest'])}, phủ khoảng {_pct(errors['inside'])}"
    )


def _mean(xs: list[float]) -> float:
    return math.fsum(xs) / len(xs) if xs else float("nan")


def _pct(xs: list[float]) -> str:
    return f"{_mean(xs) * 100:.2f}%".replace(".", ",")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--series", type=int, default=200)
    parser.add_argument("--years", type=int, default=6)
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args()
    run(args.series, args.years, args.seed)
    run_stock(max(args.series // 2, 1), args.years, args.seed)


if __name__ == "__main__":
    main()
