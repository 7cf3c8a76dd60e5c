"""Year-end forecast from partial periods ("ước cả năm" from 3, 6, 9 months), with an interval.

A flow indicator (revenue, production value, jobs created) accumulates over the year: the
cumulative figure after m months is divided by the share of the year that the same m months
brought in past years (seasonality). With fewer past years it falls back to a single year's
share, then to linear extrapolation (× 12/m). A stock indicator (rates, levels: "tỷ lệ hộ
nghèo") does not accumulate: its year-end is the latest value moved by the change that past
years saw from month m to December, else by the current year's trend, else the latest value.
Which is which is said by the caller (`Accumulation`), never guessed from the unit.

The interval is built in the same terms as the point (share or change) from the spread of past
years, widened by a Student-t factor and by 1/n when history is short, with fixed fallbacks.
Rules and examples: docs/term-and-forecast.md §2. Pure; Decimal throughout.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from chitieu.evaluate import evaluate
from chitieu.model import Evaluation, Kind, Period, PeriodKind, Result, Status, Target
from chitieu.numbers import format_number, format_percent


class Accumulation(StrEnum):
    FLOW = "flow"  # lũy kế từ đầu năm: the year is the sum of its months
    STOCK = "stock"  # a level at a point in time: the year-end value is the last one

    @property
    def label_vi(self) -> str:
        return "lũy kế (cộng dồn trong năm)" if self is Accumulation.FLOW else "số tại thời điểm"


class ForecastMethod(StrEnum):
    FINAL = "final"  # 12 months known: no forecast needed
    SEASONAL_SHARE = "seasonal_share"  # flow, >= 2 past years: mean share of the same months
    ONE_YEAR_SHARE = "one_year_share"  # flow, 1 past year: its share, a wide fixed interval
    LINEAR = "linear"  # flow, no history: value × 12 / months
    STOCK_SEASONAL = "stock_seasonal"  # stock, past years: latest + mean change to December
    STOCK_TREND = "stock_trend"  # stock, no history, >= 2 points this year: extend the trend
    STOCK_LATEST = "stock_latest"  # stock, one point: the latest value

    @property
    def label_vi(self) -> str:
        return METHOD_LABELS_VI[self]


METHOD_LABELS_VI: dict[ForecastMethod, str] = {
    ForecastMethod.FINAL: "số cả năm",
    ForecastMethod.SEASONAL_SHARE: "theo tỷ trọng cùng kỳ các năm trước",
    ForecastMethod.ONE_YEAR_SHARE: "theo tỷ trọng cùng kỳ năm trước",
    ForecastMethod.LINEAR: "ngoại suy tuyến tính theo số tháng",
    ForecastMethod.STOCK_SEASONAL: "số mới nhất cộng mức thay đổi cuối năm các năm trước",
    ForecastMethod.STOCK_TREND: "theo xu hướng từ đầu năm",
    ForecastMethod.STOCK_LATEST: "giữ số mới nhất",
}


class Outlook(StrEnum):
    LIKELY_MET = "likely_met"  # the whole interval meets the target
    AT_RISK = "at_risk"  # the interval straddles the target
    LIKELY_MISSED = "likely_missed"  # the whole interval misses it
    UNKNOWN = "unknown"  # no numeric target to compare with

    @property
    def label_vi(self) -> str:
        return OUTLOOK_LABELS_VI[self]


OUTLOOK_LABELS_VI: dict[Outlook, str] = {
    Outlook.LIKELY_MET: "dự báo đạt chỉ tiêu",
    Outlook.AT_RISK: "có nguy cơ không đạt",
    Outlook.LIKELY_MISSED: "nhiều khả năng không đạt",
    Outlook.UNKNOWN: "chưa so được với chỉ tiêu",
}

# Two-sided 80% Student-t quantiles by degrees of freedom (n − 1 past years): the interval
# aims to hold the year-end four times in five, and is wider when fewer years are known.
_T80 = {1: "3.078", 2: "1.886", 3: "1.638", 4: "1.533", 5: "1.476", 6: "1.440", 7: "1.415"}
_T80_LARGE = Decimal("1.40")
# Fixed half-widths when the spread cannot be measured, as a fraction of p(1 − p) for a share
# p (zero at the start and the end of the year, largest mid-year). Checked for coverage by
# bench/bench_forecast.py.
ONE_YEAR_SPREAD = Decimal("0.2")
LINEAR_SPREAD = Decimal("0.8")
# A floor on any measured share spread: two identical past years do not make a sure forecast.
MIN_SHARE_SPREAD = Decimal("0.03")
# Stock fallbacks: ± this fraction of |latest| per remaining fraction of the year.
STOCK_SPREAD = Decimal("0.10")

MONTHS = 12


@dataclass(frozen=True)
class Forecast:
    """A year-end forecast: `value` within [`low`, `high`], by `method`, from `months` months
    and `history_years` past years. With a target: the evaluation of the point forecast (an
    estimate, `Result.estimated`), the outlook of the whole interval and the sentence."""

    year: int
    months: int
    value: Decimal
    low: Decimal
    high: Decimal
    method: ForecastMethod
    accumulation: Accumulation
    history_years: int = 0
    evaluation: Evaluation | None = None
    outlook: Outlook = Outlook.UNKNOWN
    sentence_vi: str = ""

    @property
    def at_risk(self) -> bool:
        return self.outlook in (Outlook.AT_RISK, Outlook.LIKELY_MISSED)

    @property
    def status(self) -> Status:
        return self.evaluation.status if self.evaluation else Status.PENDING


class ForecastError(ValueError):
    """Figures a forecast cannot be made from; the message says which and why."""


def months_of(period: Period) -> int:
    """How many months of the year a cumulative figure for `period` covers: 6M -> 6, 9M -> 9,
    first half -> 6, quarter q -> 3q and month m -> m (read as cumulative to its end)."""
    match period.kind:
        case PeriodKind.YEAR:
            return MONTHS
        case PeriodKind.CUMULATIVE_6M:
            return 6
        case PeriodKind.CUMULATIVE_9M:
            return 9
        case PeriodKind.HALF:
            return 6 * (period.index or 1)
        case PeriodKind.QUARTER:
            return 3 * (period.index or 1)
        case PeriodKind.MONTH:
            return period.index or 1
    raise ForecastError(f"kỳ {period.code} không phải là một phần của năm")


def figures_by_year(results: Iterable[Result]) -> dict[int, dict[int, Decimal]]:
    """{year: {months: value}} from results with a period and a value (terms are skipped);
    official figures win over estimates for the same period."""
    table: dict[int, dict[int, Decimal]] = {}
    chosen: dict[tuple[int, int], bool] = {}
    for result in results:
        if result.period is None or result.value is None or result.period.kind is PeriodKind.TERM:
            continue
        key = (result.period.year, months_of(result.period))
        if key in chosen and result.estimated and not chosen[key]:
            continue
        chosen[key] = result.estimated
        table.setdefault(key[0], {})[key[1]] = result.value
    return table


def forecast_year_end(
    year: int,
    current: Mapping[int, Decimal],
    history: Mapping[int, Mapping[int, Decimal]],
    accumulation: Accumulation,
    target: Target | None = None,
) -> Forecast:
    """Forecast `year`'s figure from `current` {months: value} (cumulative for a flow, levels for
    a stock) and `history` {past year: {months: value}}, 12 being the whole year. Only years
    before `year` are used. With `target`, evaluates the forecast against it."""
    known = {m: v for m, v in current.items() if 1 <= m <= MONTHS}
    if not known:
        raise ForecastError(f"năm {year}: chưa có số liệu tháng nào để ước cả năm")
    months = max(known)
    latest = known[months]
    past = {y: h for y, h in history.items() if y < year}
    if months == MONTHS:
        point, low, high, method, n = latest, latest, latest, ForecastMethod.FINAL, 0
    elif accumulation is Accumulation.FLOW:
        point, low, high, method, n = _flow(latest, months, past)
    else:
        point, low, high, method, n = _stock(latest, months, known, past)
    forecast = Forecast(year, months, point, low, high, method, accumulation, n)
    if target is None:
        return forecast
    previous = past.get(year - 1, {}).get(MONTHS)
    return _judge(forecast, target, previous)


def forecast_from_results(
    year: int,
    results: Iterable[Result],
    accumulation: Accumulation,
    target: Target | None = None,
) -> Forecast:
    """`forecast_year_end` from stored results of one target and one body (any years, any
    partial periods): the latest figure of `year` against the years before it."""
    table = figures_by_year(results)
    current = table.pop(year, {})
    return forecast_year_end(year, current, table, accumulation, target)


def _flow(
    value: Decimal, months: int, past: Mapping[int, Mapping[int, Decimal]]
) -> tuple[Decimal, Decimal, Decimal, ForecastMethod, int]:
    shares = []
    for figures in past.values():
        part, whole = figures.get(months), figures.get(MONTHS)
        if part is not None and whole is not None and whole > 0 and part > 0:
            shares.append(part / whole)
    n = len(shares)
    if n >= 2:
        share = sum(shares, Decimal(0)) / n
        sd = _stdev(shares)
        width = _t80(n - 1) * sd * (1 + Decimal(1) / n).sqrt()
        width = max(width, MIN_SHARE_SPREAD * share * (1 - share))
        method = ForecastMethod.SEASONAL_SHARE
    elif n == 1:
        share = shares[0]
        width = ONE_YEAR_SPREAD * share * (1 - share)
        method = ForecastMethod.ONE_YEAR_SHARE
    else:
        share = Decimal(months) / MONTHS
        width = LINEAR_SPREAD * share * (1 - share)
        method = ForecastMethod.LINEAR
    if share >= 1:
        # Past years had nothing after these months: the year is what is known now.
        return value, value, value, method, n
    # The year can't be less than what is already in (for a positive flow): cap the share at 1.
    low_share = max(share - width, share / 2)
    high_share = min(share + width, Decimal(1))
    ends = (value / high_share, value / low_share)
    return value / share, min(ends), max(ends), method, n


def _stock(
    value: Decimal,
    months: int,
    current: Mapping[int, Decimal],
    past: Mapping[int, Mapping[int, Decimal]],
) -> tuple[Decimal, Decimal, Decimal, ForecastMethod, int]:
    rest = Decimal(MONTHS - months) / MONTHS
    default = STOCK_SPREAD * abs(value) * rest
    changes = [f[MONTHS] - f[months] for f in past.values() if months in f and MONTHS in f]
    n = len(changes)
    if n >= 1:
        change = sum(changes, Decimal(0)) / n
        if n >= 2:
            width = _t80(n - 1) * _stdev(changes) * (1 + Decimal(1) / n).sqrt()
        else:
            width = abs(change)
        width = max(width, default / 2)
        point, method = value + change, ForecastMethod.STOCK_SEASONAL
    elif len(current) >= 2:
        first = min(current)
        slope = (value - current[first]) / (months - first)
        point = value + slope * (MONTHS - months)
        width = max(abs(slope) * (MONTHS - months) / 2, default)
        method = ForecastMethod.STOCK_TREND
    else:
        point, width, method = value, default, ForecastMethod.STOCK_LATEST
    return point, point - width, point + width, method, n


def _judge(forecast: Forecast, target: Target, previous: Decimal | None) -> Forecast:
    def judge(value: Decimal) -> Evaluation:
        result = Result(value=value, estimated=True, previous_value=previous, unit=target.unit)
        return evaluate(target, result)

    point = judge(forecast.value)
    if target.is_qualitative or point.status is Status.PENDING:
        outlook = Outlook.UNKNOWN
    else:
        met = [judge(v).status in _MET for v in (forecast.low, forecast.value, forecast.high)]
        outlook = (
            Outlook.LIKELY_MET
            if all(met)
            else Outlook.LIKELY_MISSED
            if not any(met)
            else Outlook.AT_RISK
        )
    sentence = forecast_sentence(forecast, target, point, outlook)
    return Forecast(
        forecast.year,
        forecast.months,
        forecast.value,
        forecast.low,
        forecast.high,
        forecast.method,
        forecast.accumulation,
        forecast.history_years,
        point,
        outlook,
        sentence,
    )


_MET = (Status.ACHIEVED, Status.EXCEEDED)


def forecast_sentence(
    forecast: Forecast, target: Target, evaluation: Evaluation, outlook: Outlook
) -> str:
    """ "Ước cả năm 9.612 tỷ đồng (khoảng 9.350 – 9.880), có nguy cơ không đạt chỉ tiêu." """
    unit = f" {target.unit}" if target.unit and target.unit != "%" else (target.unit or "")
    places = _places(forecast.value)
    text = f"Ước cả năm {format_number(forecast.value, places)}{unit}"
    if forecast.method is not ForecastMethod.FINAL and forecast.low != forecast.high:
        low, high = format_number(forecast.low, places), format_number(forecast.high, places)
        text += f" (khoảng {low} – {high})"
    if target.kind is Kind.CHANGE and evaluation.change_percent is not None:
        change = evaluation.change_percent
        verb = "tăng" if change >= 0 else "giảm"
        text += f", {verb} {format_percent(abs(change))} so với năm trước"
    if outlook is Outlook.LIKELY_MET:
        text += ", dự báo đạt chỉ tiêu"
    elif outlook is Outlook.AT_RISK:
        text += ", có nguy cơ không đạt chỉ tiêu"
    elif outlook is Outlook.LIKELY_MISSED:
        text += ", nhiều khả năng không đạt chỉ tiêu"
    return text + "."


def _places(value: Decimal) -> int:
    size = abs(value)
    return 0 if size >= 1000 else 1 if size >= 100 else 2


def _stdev(xs: list[Decimal]) -> Decimal:
    n = len(xs)
    mean = sum(xs, Decimal(0)) / n
    return (sum(((x - mean) ** 2 for x in xs), Decimal(0)) / (n - 1)).sqrt()


def _t80(df: int) -> Decimal:
    return Decimal(_T80[df]) if df in _T80 else _T80_LARGE
