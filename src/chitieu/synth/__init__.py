"""A deterministic national dataset: every commune's yearly resolution and its monthly results.

Used to load-test the web app at national scale (docs/scale.md). Pure Python, no Django: the
loader in chitieu.web.scale turns these rows into database rows.

Shape (all of it from the seed, nothing from the clock):
- the 34 provinces and 3,321 communes of the 2025 structure (pinned `vietnam-provinces`);
- per commune and year one resolution of the People's Council with 25-40 targets drawn from a
  catalogue of real indicators (`INDICATORS`), values scaled to the commune;
- monthly indicators (flows, counts) get per month an estimate ("ước", reported in the month)
  then the official figure (next month); every target gets a year estimate then official;
- the last year stops at a cut-off month: the month after it is only estimated (submitted or
  draft), the year only estimated; a few official figures were returned then approved again.

It streams: `iter_chunks` yields one (province, year) chunk at a time, so memory stays bounded
by the largest province (about 50,000 results). Every chunk is generated from its own seeded
random generators, so a chunk is the same whether the run is whole or resumed.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterator, Set
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from chitieu.model import (
    Comparator,
    Direction,
    Kind,
    Period,
    Result,
    Target,
)
from chitieu.synth.indicators import INDICATORS, SEASONS, Indicator

MIN_TARGETS, MAX_TARGETS = 25, 40
# Share of months whose figure is first reported as an estimate ("ước") before the official
# one; sized so that the national dataset holds about 12 million result versions.
ESTIMATED_MONTHS = 0.7


@dataclass(frozen=True)
class SynthSpec:
    """What to generate. `communes` None = all 3,321; `provinces` None = all 34."""

    seed: int = 2025
    first_year: int = 2017
    years: int = 10
    communes: int | None = None
    provinces: int | None = None
    cutoff_month: int = 10  # last year: official up to this month, the next one estimated

    @property
    def last_year(self) -> int:
        return self.first_year + self.years - 1

    @property
    def key(self) -> str:
        """Names the dataset in the load log: the same spec resumes, another one does not."""
        return (
            f"seed={self.seed};years={self.first_year}-{self.last_year};"
            f"communes={self.communes or 'all'};provinces={self.provinces or 'all'};"
            f"cutoff={self.cutoff_month}"
        )


@dataclass(frozen=True)
class SynthUnit:
    code: int
    name: str
    division_type: str
    province_code: int


class SynthResult(NamedTuple):
    """A NamedTuple, not a dataclass: millions are made, and a tuple is made 3x faster."""

    period_code: str
    estimated: bool
    seq: int
    state: str  # chitieu.web ResultState values: draft, submitted, approved, returned
    value: Decimal
    previous_value: Decimal | None
    reported_at: datetime


@dataclass
class SynthTarget:
    order: int
    indicator: Indicator
    value: Decimal
    value_max: Decimal | None
    results: list[SynthResult] = field(default_factory=list)

    def to_domain(self, year: int) -> Target:
        i = self.indicator
        return Target(
            name=i.name,
            kind=i.kind,
            comparator=i.comparator,
            value=self.value,
            value_max=self.value_max,
            unit=i.unit,
            basis="cùng kỳ năm trước" if i.kind is Kind.CHANGE else None,
            direction=i.direction,
            field=i.field,
            period=Period.year_of(year),
            code=i.code,
            order=self.order,
        )

    def year_result(self, year: int) -> Result | None:
        """The figure a year dashboard evaluates: approved official over approved estimate."""
        code = str(year)
        best = None
        for r in self.results:
            if (
                r.period_code == code
                and r.state == "approved"
                and (best is None or (not r.estimated, r.seq) > (not best.estimated, best.seq))
            ):
                best = r
        if best is None:
            return None
        return Result(
            period=Period.year_of(year),
            value=best.value,
            unit=self.indicator.unit,
            estimated=best.estimated,
            previous_value=best.previous_value,
        )


@dataclass
class SynthResolution:
    commune: SynthUnit
    year: int
    number: str
    title: str
    issued_on: date
    is_public: bool
    targets: list[SynthTarget]


@dataclass
class Chunk:
    province: SynthUnit
    year: int
    resolutions: list[SynthResolution]

    @property
    def result_count(self) -> int:
        return sum(len(t.results) for r in self.resolutions for t in r.targets)


def provinces() -> list[SynthUnit]:
    import vietnam_provinces as vp

    out = [
        SynthUnit(int(p.code), p.name, p.division_type.value, int(p.code))
        for p in vp.Province.iter_all()
    ]
    return sorted(out, key=lambda u: u.code)


def communes(spec: SynthSpec) -> list[SynthUnit]:
    """The communes of the spec: all, or `spec.communes` spread round-robin over provinces so
    that a small dataset still spans several provinces."""
    import vietnam_provinces as vp

    chosen = {p.code for p in provinces()[: spec.provinces]}
    by_province: dict[int, list[SynthUnit]] = {}
    for w in vp.Ward.iter_all():
        pc = int(w.province_code)
        if pc in chosen:
            unit = SynthUnit(int(w.code), w.name, w.division_type.value, pc)
            by_province.setdefault(pc, []).append(unit)
    lists = [sorted(v, key=lambda u: u.code) for _, v in sorted(by_province.items())]
    if spec.communes is None:
        return [u for lst in lists for u in lst]
    out: list[SynthUnit] = []
    depth = 0
    while len(out) < spec.communes and any(depth < len(lst) for lst in lists):
        out.extend(lst[depth] for lst in lists if depth < len(lst))
        depth += 1
    return sorted(out[: spec.communes], key=lambda u: (u.province_code, u.code))


def iter_chunks(spec: SynthSpec, skip: Set[tuple[int, int]] = frozenset()) -> Iterator[Chunk]:
    """(province, year) chunks in a stable order: province code, then year. Chunks whose
    (province code, year) is in `skip` are not generated at all (a resumed load)."""
    by_province: dict[int, list[SynthUnit]] = {}
    for c in communes(spec):
        by_province.setdefault(c.province_code, []).append(c)
    for province in provinces():
        units = by_province.get(province.code)
        if not units:
            continue
        for year in range(spec.first_year, spec.last_year + 1):
            if (province.code, year) in skip:
                continue
            yield Chunk(province, year, [_resolution(spec, c, year) for c in units])


def chunk_keys(spec: SynthSpec) -> list[tuple[int, int]]:
    """(province code, year) of every chunk, without generating them."""
    codes = sorted({c.province_code for c in communes(spec)})
    return [(p, y) for p in codes for y in range(spec.first_year, spec.last_year + 1)]


def _resolution(spec: SynthSpec, commune: SynthUnit, year: int) -> SynthResolution:
    rng = random.Random(f"{spec.seed}/{commune.code}/{year}")
    n = rng.randint(MIN_TARGETS, MAX_TARGETS)
    picked = sorted(rng.sample(range(len(INDICATORS)), n))
    targets = []
    for order, index in enumerate(picked, start=1):
        targets.append(_target(spec, rng, commune, year, order, INDICATORS[index]))
    kind = {"phường": "phường", "đặc khu": "đặc khu"}.get(commune.division_type, "xã")
    return SynthResolution(
        commune=commune,
        year=year,
        number=f"{rng.randint(10, 60)}/NQ-HĐND",
        title=(
            f"Nghị quyết về nhiệm vụ phát triển kinh tế - xã hội năm {year} "
            f"của {kind} {commune.name.removeprefix(kind.capitalize() + ' ')}"
        ),
        issued_on=date(year - 1, 12, rng.randint(10, 28)),
        is_public=rng.random() < 0.9,
        targets=targets,
    )


def _base(spec: SynthSpec, commune: SynthUnit, ind: Indicator) -> float:
    """The commune's own level of an indicator in the first year: stable across years.
    Cached: each (commune, indicator) is asked for every year (and twice for % changes), and
    seeding a generator from a string costs more than the rest of a target's year."""
    key = (spec.seed, commune.code, commune.division_type, ind.code)
    base = _BASES.get(key)
    if base is None:
        if len(_BASES) >= 50_000:  # a province's communes over its years fit many times
            _BASES.clear()
        rng = random.Random(f"{spec.seed}/{commune.code}/{ind.code}")
        base = rng.uniform(ind.low, ind.high)
        if ind.urban and commune.division_type == "phường":
            base *= 2.5
        _BASES[key] = base
    return base


_BASES: dict[tuple[int, int, str, str], float] = {}
# format() specs by number of decimals: cheaper than a nested f-string spec a value.
_FORMATS = tuple(f".{d}f" for d in range(16))


def _round(x: float, decimals: int) -> Decimal:
    return Decimal(format(x, _FORMATS[decimals]))


def _target(
    spec: SynthSpec, rng: random.Random, c: SynthUnit, year: int, order: int, ind: Indicator
) -> SynthTarget:
    expected = _base(spec, c, ind) * (1 + ind.growth) ** (year - spec.first_year)
    value_max = None
    if ind.kind is Kind.CHANGE or ind.comparator is Comparator.EQUAL:
        value = _round(ind.low, ind.decimals)
        planned = expected
    elif ind.comparator is Comparator.RANGE:
        value, value_max = _round(ind.low, 1), _round(ind.high, 1)
        planned = (ind.low + ind.high) / 2
        expected = planned
    else:
        # Councils set a target a little above (or, lower-is-better, below) the trend.
        ambition = rng.gauss(0.015, 0.02) * (-1 if ind.direction is Direction.LOWER else 1)
        planned = expected * (1 + ambition)
        value = _round(planned, ind.decimals)
        if ind.unit == "%":
            value = min(value, Decimal(100))
    target = SynthTarget(order, ind, value, value_max)
    target.results = _results(spec, rng, c, year, ind, expected)
    return target


def _actual(rng: random.Random, ind: Indicator, expected: float) -> float:
    # Localities tend to beat their plan a little (and report so): most targets are met.
    bias = 0.97 if ind.direction is Direction.LOWER else 1.03
    x = expected * rng.gauss(bias, ind.spread)
    if ind.unit == "%" and ind.kind is Kind.LEVEL:
        x = min(x, 100.0)
    return max(x, 0.0)


def _results(
    spec: SynthSpec, rng: random.Random, c: SynthUnit, year: int, ind: Indicator, expected: float
) -> list[SynthResult]:
    """A target's versions in the order they were reported. Built into one list (no nested
    generators): this runs for each of the 12 million results."""
    out: list[SynthResult] = []
    add = out.append
    last = year == spec.last_year
    cutoff = spec.cutoff_month if last else 12
    months_total = 0.0
    if ind.season:
        weights = SEASONS[ind.season]
        scale = expected / sum(weights)
        for m in range(1, min(cutoff + 1, 12) + 1):
            official = _actual(rng, ind, scale * weights[m - 1])
            months_total += official
            code = f"{year}-M{m:02d}"
            estimate = official * rng.gauss(1.0, 0.03)
            if m > cutoff:  # the month being reported now: only an estimate, not yet approved
                state = "submitted" if rng.random() < 0.7 else "draft"
                add(_version(code, True, 1, state, estimate, ind, None, year, m, 20))
                continue
            if rng.random() < ESTIMATED_MONTHS:
                add(_version(code, True, 1, "approved", estimate, ind, None, year, m, 20))
            _official(add, rng, code, official, ind, None, year, m + 1, 12)
    if ind.kind is Kind.CHANGE:
        previous = max(1.0, _base(spec, c, ind) * 20 * rng.gauss(1.0, 0.1))
        actual = previous * (1 + rng.gauss(-0.06, ind.spread))
        prev_d: Decimal | None = _round(previous, 0)
    elif ind.season and not last:
        actual, prev_d = months_total, None
    else:
        actual, prev_d = _actual(rng, ind, expected), None
    code = str(year)
    estimate = actual * rng.gauss(1.0, 0.02)
    if last:  # the year is not over: the conference sees an estimate
        state = "approved" if rng.random() < 0.6 else "submitted"
        add(_version(code, True, 1, state, estimate, ind, prev_d, year, 12, 10))
        return out
    add(_version(code, True, 1, "approved", estimate, ind, prev_d, year, 12, 10))
    if rng.random() < 0.97:  # a few communes never send the official year figure
        _official(add, rng, code, actual, ind, prev_d, year + 1, 1, 25)
    return out


def _official(
    add: Callable[[SynthResult], None],
    rng: random.Random,
    code: str,
    value: float,
    ind: Indicator,
    previous: Decimal | None,
    year: int,
    month: int,
    day: int,
) -> None:
    if month == 13:
        year, month = year + 1, 1
    if rng.random() < 0.02:  # returned for correction, approved on the second try
        wrong = value * rng.gauss(1.0, 0.2)
        add(_version(code, False, 1, "returned", wrong, ind, previous, year, month, day - 5))
        add(_version(code, False, 2, "approved", value, ind, previous, year, month, day))
        return
    add(_version(code, False, 1, "approved", value, ind, previous, year, month, day))


def _version(
    code: str,
    estimated: bool,
    seq: int,
    state: str,
    value: float,
    ind: Indicator,
    previous: Decimal | None,
    year: int,
    month: int,
    day: int,
) -> SynthResult:
    if not math.isfinite(value):  # pragma: no cover - gauss never returns inf
        value = 0.0
    if ind.kind is Kind.LEVEL and value < 0.0:
        value = 0.0
    return _new_result(
        SynthResult,
        (
            code,
            estimated,
            seq,
            state,
            Decimal(format(value, _FORMATS[ind.decimals])),
            previous,
            _reported_at(year, month if month < 12 else 12, day if day > 1 else 1),
        ),
    )


# SynthResult's own __new__ takes keywords; the tuple's is a third cheaper a result.
_new_result = tuple.__new__


@lru_cache(maxsize=4096)
def _reported_at(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 2, 0, tzinfo=UTC)
