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
from collections.abc import Iterator, Set
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from chitieu.model import (
    Comparator,
    Direction,
    Field,
    Kind,
    Period,
    Result,
    Target,
)

# Monthly shares of a year's flow: Tết (Jan/Feb) lifts trade, harvests lift May-June and
# Sep-Nov, budget revenue and investment are disbursed late in the year.
SEASONS: dict[str, tuple[float, ...]] = {
    "flat": (1,) * 12,
    "budget": (0.8, 0.6, 0.8, 0.9, 0.9, 1.0, 0.9, 0.9, 1.0, 1.1, 1.3, 1.8),
    "trade": (1.4, 1.3, 0.9, 0.9, 0.9, 0.9, 1.0, 1.0, 0.9, 0.9, 0.9, 1.1),
    "harvest": (0.3, 0.3, 0.5, 0.9, 2.2, 2.0, 0.5, 0.4, 1.5, 1.8, 1.2, 0.4),
    "tourism": (1.3, 1.2, 0.8, 0.9, 1.0, 1.4, 1.5, 1.2, 0.7, 0.6, 0.6, 0.8),
    "rainy": (0.2, 0.2, 0.3, 0.6, 1.4, 1.8, 2.0, 2.0, 1.6, 1.2, 0.5, 0.2),
}


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    field: Field
    unit: str
    low: float  # a commune's yearly figure lies in [low, high] (before the ward factor)
    high: float
    growth: float  # yearly trend (negative: falls)
    comparator: Comparator = Comparator.AT_LEAST
    direction: Direction = Direction.HIGHER
    kind: Kind = Kind.LEVEL
    season: str = ""  # "" = annual only; else reported monthly with this seasonality
    decimals: int = 1
    spread: float = 0.05  # relative spread of the actual figure around the planned one
    urban: bool = False  # scaled up in wards (phường)


E, C, M, D, P, OT = (
    Field.ECONOMY,
    Field.CULTURE_SOCIETY,
    Field.ENVIRONMENT,
    Field.DEFENCE_SECURITY,
    Field.PARTY_BUILDING,
    Field.OTHER,
)
LE, GE, EQ, ABOUT, RANGE = (
    Comparator.AT_MOST,
    Comparator.AT_LEAST,
    Comparator.EQUAL,
    Comparator.ABOUT,
    Comparator.RANGE,
)
LOW = Direction.LOWER

# fmt: off
INDICATORS: tuple[Indicator, ...] = (
    Indicator("KT01", "Tổng thu ngân sách nhà nước trên địa bàn", E, "tỷ đồng", 15, 300, 0.08, season="budget", urban=True),
    Indicator("KT02", "Thu nhập bình quân đầu người", E, "triệu đồng/người/năm", 45, 90, 0.07),
    Indicator("KT03", "Tổng giá trị sản xuất", E, "tỷ đồng", 400, 5000, 0.08, season="flat", urban=True),
    Indicator("KT04", "Tốc độ tăng trưởng giá trị sản xuất", E, "%", 6.5, 7.5, 0, RANGE, spread=0.12, decimals=2),
    Indicator("KT05", "Sản lượng lương thực có hạt", E, "tấn", 2000, 40000, 0.01, season="harvest", decimals=0),
    Indicator("KT06", "Tổng vốn đầu tư toàn xã hội", E, "tỷ đồng", 100, 2500, 0.09, season="budget", urban=True),
    Indicator("KT07", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", E, "tỷ đồng", 200, 6000, 0.1, season="trade", urban=True),
    Indicator("KT08", "Giá trị sản xuất công nghiệp - tiểu thủ công nghiệp", E, "tỷ đồng", 100, 3000, 0.09, season="flat"),
    Indicator("KT09", "Số doanh nghiệp thành lập mới", E, "doanh nghiệp", 10, 120, 0.05, season="flat", decimals=0, spread=0.15, urban=True),
    Indicator("KT10", "Lượt khách du lịch", E, "lượt", 2000, 200000, 0.1, season="tourism", decimals=0, spread=0.1),
    Indicator("KT11", "Diện tích gieo trồng lúa cả năm", E, "ha", 500, 9000, -0.01, decimals=0),
    Indicator("KT12", "Số km đường giao thông nông thôn được cứng hóa", E, "km", 2, 25, 0.0, decimals=1, spread=0.15),
    Indicator("KT13", "Số hộ kinh doanh đăng ký mới", E, "hộ", 20, 400, 0.04, season="trade", decimals=0, spread=0.12, urban=True),
    Indicator("VH01", "Tỷ lệ hộ nghèo", C, "%", 0.5, 6, -0.15, LE, LOW, decimals=2, spread=0.08),
    Indicator("VH02", "Tỷ lệ dân số tham gia bảo hiểm y tế", C, "%", 88, 96, 0.005, decimals=2, spread=0.01),
    Indicator("VH03", "Số lao động được giải quyết việc làm", C, "người", 150, 1500, 0.03, season="flat", decimals=0, spread=0.08),
    Indicator("VH04", "Tỷ lệ lao động qua đào tạo", C, "%", 60, 78, 0.01, decimals=2, spread=0.02),
    Indicator("VH05", "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi", C, "%", 8, 18, -0.04, LE, LOW, decimals=2, spread=0.06),
    Indicator("VH06", "Số trường đạt chuẩn quốc gia", C, "trường", 2, 9, 0.03, decimals=0, spread=0.1),
    Indicator("VH07", "Tỷ lệ gia đình đạt danh hiệu văn hóa", C, "%", 85, 95, 0.003, decimals=2, spread=0.015),
    Indicator("VH08", "Số người tham gia bảo hiểm xã hội tự nguyện", C, "người", 50, 800, 0.08, season="flat", decimals=0, spread=0.1),
    Indicator("VH09", "Tỷ lệ dân số được quản lý sức khỏe", C, "%", 85, 95, 0.005, decimals=2, spread=0.015),
    Indicator("VH10", "Số lượt khám, chữa bệnh tại trạm y tế", C, "lượt", 3000, 30000, 0.02, season="trade", decimals=0, spread=0.06),
    Indicator("VH11", "Tỷ lệ tăng dân số tự nhiên", C, "%", 0.7, 1.2, -0.01, LE, LOW, decimals=2, spread=0.06),
    Indicator("VH12", "Tỷ lệ hộ dân sử dụng điện an toàn", C, "%", 97, 99.5, 0.001, decimals=2, spread=0.005),
    Indicator("MT01", "Tỷ lệ dân số nông thôn sử dụng nước sạch", M, "%", 70, 95, 0.01, decimals=2, spread=0.02),
    Indicator("MT02", "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý", M, "%", 80, 98, 0.005, decimals=2, spread=0.015),
    Indicator("MT03", "Tỷ lệ che phủ rừng", M, "%", 10, 60, 0.0, ABOUT, decimals=2, spread=0.03),
    Indicator("MT04", "Diện tích trồng rừng mới", M, "ha", 10, 300, 0.0, season="rainy", decimals=1, spread=0.1),
    Indicator("MT05", "Số vụ vi phạm môi trường bị phát hiện", M, "vụ", 3, 40, -0.05, LE, LOW, season="flat", decimals=0, spread=0.2),
    Indicator("QP01", "Tỷ lệ hoàn thành chỉ tiêu giao quân", D, "%", 100, 100, 0.0, EQ, decimals=0, spread=0.006),
    Indicator("QP02", "Số vụ tai nạn giao thông", D, "vụ", 5, 60, -0.05, LE, LOW, season="trade", decimals=0, spread=0.15),
    Indicator("QP03", "Tỷ lệ điều tra khám phá án hình sự", D, "%", 75, 92, 0.005, decimals=2, spread=0.03),
    Indicator("QP04", "Số vụ phạm pháp hình sự", D, "vụ", 5, 80, -0.04, LE, LOW, season="flat", decimals=0, spread=0.15),
    Indicator("QP05", "Số người chết do tai nạn giao thông", D, "%", -5, -5, 0.0, LE, LOW, Kind.CHANGE, decimals=0, spread=0.12),
    Indicator("XD01", "Số đảng viên mới kết nạp", P, "đảng viên", 8, 60, 0.0, season="flat", decimals=0, spread=0.15),
    Indicator("XD02", "Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên", P, "%", 85, 95, 0.003, decimals=2, spread=0.03),
    Indicator("XD03", "Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên", P, "%", 85, 95, 0.003, decimals=2, spread=0.02),
    Indicator("KH01", "Tỷ lệ hồ sơ thủ tục hành chính giải quyết trực tuyến toàn trình", OT, "%", 30, 80, 0.08, decimals=2, spread=0.05),
    Indicator("KH02", "Số hồ sơ thủ tục hành chính được tiếp nhận", OT, "hồ sơ", 2000, 40000, 0.05, season="flat", decimals=0, spread=0.08, urban=True),
)
# fmt: on

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
    """The commune's own level of an indicator in the first year: stable across years."""
    rng = random.Random(f"{spec.seed}/{commune.code}/{ind.code}")
    base = rng.uniform(ind.low, ind.high)
    if ind.urban and commune.division_type == "phường":
        base *= 2.5
    return base


def _round(x: float, decimals: int) -> Decimal:
    return Decimal(f"{x:.{decimals}f}")


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
    target.results = list(_results(spec, rng, c, year, ind, expected))
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
) -> Iterator[SynthResult]:
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
                yield _version(code, True, 1, state, estimate, ind, None, year, m, 20)
                continue
            if rng.random() < ESTIMATED_MONTHS:
                yield _version(code, True, 1, "approved", estimate, ind, None, year, m, 20)
            yield from _official(rng, code, official, ind, None, year, m + 1, 12)
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
        yield _version(code, True, 1, state, estimate, ind, prev_d, year, 12, 10)
        return
    yield _version(code, True, 1, "approved", estimate, ind, prev_d, year, 12, 10)
    if rng.random() < 0.97:  # a few communes never send the official year figure
        yield from _official(rng, code, actual, ind, prev_d, year + 1, 1, 25)


def _official(
    rng: random.Random,
    code: str,
    value: float,
    ind: Indicator,
    previous: Decimal | None,
    year: int,
    month: int,
    day: int,
) -> Iterator[SynthResult]:
    if month == 13:
        year, month = year + 1, 1
    if rng.random() < 0.02:  # returned for correction, approved on the second try
        wrong = value * rng.gauss(1.0, 0.2)
        yield _version(code, False, 1, "returned", wrong, ind, previous, year, month, day - 5)
        yield _version(code, False, 2, "approved", value, ind, previous, year, month, day)
        return
    yield _version(code, False, 1, "approved", value, ind, previous, year, month, day)


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
    month = min(month, 12)
    if not math.isfinite(value):  # pragma: no cover - gauss never returns inf
        value = 0.0
    return SynthResult(
        period_code=code,
        estimated=estimated,
        seq=seq,
        state=state,
        value=_round(max(value, 0.0) if ind.kind is Kind.LEVEL else value, ind.decimals),
        previous_value=previous,
        reported_at=_reported_at(year, month, max(day, 1)),
    )


@lru_cache(maxsize=4096)
def _reported_at(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 2, 0, tzinfo=UTC)
