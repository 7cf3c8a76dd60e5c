"""The synthetic national dataset: deterministic, realistic in shape, streamable."""

from __future__ import annotations

from collections import Counter

import pytest

from chitieu.cli import main
from chitieu.evaluate.bulk import evaluate_bulk
from chitieu.model import Period, PeriodKind, Status
from chitieu.synth import (
    MAX_TARGETS,
    MIN_TARGETS,
    SynthSpec,
    chunk_keys,
    communes,
    iter_chunks,
    provinces,
)

SMALL = SynthSpec(communes=12, years=3, first_year=2022)


def _flat(spec: SynthSpec) -> list[tuple[object, ...]]:
    rows = []
    for chunk in iter_chunks(spec):
        for r in chunk.resolutions:
            for t in r.targets:
                rows.append((r.commune.code, r.year, t.indicator.code, t.value, tuple(t.results)))
    return rows


def test_it_generates_the_same_dataset_for_the_same_seed() -> None:
    assert _flat(SMALL) == _flat(SMALL)
    assert _flat(SMALL) != _flat(SynthSpec(seed=7, communes=12, years=3, first_year=2022))


def test_the_full_dataset_has_every_province_and_commune_of_2025() -> None:
    everything = communes(SynthSpec())
    assert len(provinces()) == 34
    assert len(everything) == 3321
    assert len({c.code for c in everything}) == 3321
    assert len(chunk_keys(SynthSpec())) == 34 * 10


def test_a_small_dataset_spreads_over_provinces() -> None:
    chosen = communes(SynthSpec(communes=40))
    assert len(chosen) == 40
    assert len({c.province_code for c in chosen}) == 34


def test_every_resolution_has_25_to_40_targets_with_year_figures() -> None:
    for chunk in iter_chunks(SMALL):
        for r in chunk.resolutions:
            assert MIN_TARGETS <= len(r.targets) <= MAX_TARGETS
            assert len({t.indicator.code for t in r.targets}) == len(r.targets)
            assert r.issued_on.year == r.year - 1
            for t in r.targets:
                assert any(x.period_code == str(r.year) for x in t.results), t.indicator.code


def test_monthly_indicators_report_an_estimate_before_the_official_figure() -> None:
    spec = SynthSpec(communes=5, years=2, first_year=2020)
    seen_estimates = 0
    for chunk in iter_chunks(spec):
        for r in chunk.resolutions:
            for t in r.targets:
                if not t.indicator.season:
                    assert {x.period_code for x in t.results} == {str(r.year)}
                    continue
                months = {Period.parse(x.period_code) for x in t.results} - {Period.year_of(r.year)}
                assert all(p.kind is PeriodKind.MONTH for p in months)
                by_period: dict[str, list[object]] = {}
                for x in t.results:
                    by_period.setdefault(x.period_code, []).append(x)
                for versions in by_period.values():
                    estimates = [x for x in versions if x.estimated]  # type: ignore[attr-defined]
                    officials = [x for x in versions if not x.estimated]  # type: ignore[attr-defined]
                    seen_estimates += len(estimates)
                    for e in estimates:
                        for o in officials:
                            assert e.reported_at < o.reported_at  # type: ignore[attr-defined]
    assert seen_estimates > 100


def test_the_last_year_stops_at_the_cutoff_month() -> None:
    spec = SynthSpec(communes=6, years=2, first_year=2025, cutoff_month=10)
    states: Counter[str] = Counter()
    for chunk in iter_chunks(spec):
        if chunk.year != 2026:
            continue
        for r in chunk.resolutions:
            for t in r.targets:
                codes = {x.period_code for x in t.results}
                assert "2026-M12" not in codes
                for x in t.results:
                    if x.period_code == "2026-M11":
                        assert x.estimated and x.state in ("submitted", "draft")
                    if x.period_code == "2026":
                        assert x.estimated  # the year is not over: only an estimate
                    states[x.state] += 1
    assert states["submitted"] > 0 and states["draft"] > 0


def test_a_resumed_chunk_is_identical_to_the_uninterrupted_one() -> None:
    whole = list(iter_chunks(SMALL))
    skip = {(c.province.code, c.year) for c in whole[:3]}
    resumed = list(iter_chunks(SMALL, skip=skip))
    assert [(c.province.code, c.year) for c in resumed] == [
        (c.province.code, c.year) for c in whole[3:]
    ]
    assert _targets(resumed) == _targets(whole[3:])


def _targets(chunks: list[object]) -> list[object]:
    return [
        (t.indicator.code, t.value, tuple(t.results))
        for c in chunks
        for r in c.resolutions  # type: ignore[attr-defined]
        for t in r.targets
    ]


def test_year_figures_evaluate_to_a_mix_of_statuses() -> None:
    spec = SynthSpec(communes=30, years=2, first_year=2020)
    pairs = [
        (t.to_domain(r.year), t.year_result(r.year))
        for chunk in iter_chunks(spec)
        for r in chunk.resolutions
        for t in r.targets
    ]
    counts = Counter(evaluate_bulk(pairs))
    total = sum(counts.values())
    for status in Status:
        assert counts[status] > 0, status
    # Most targets are met, as in real reports, but far from all.
    met = counts[Status.EXCEEDED] + counts[Status.ACHIEVED]
    assert 0.5 < met / total < 0.9


def test_the_full_size_is_about_twelve_million_results() -> None:
    # One province in ten years, scaled by its share of communes: a cheap estimate of the
    # national total that `chitieu synth --count` gives exactly.
    spec = SynthSpec(communes=34 * 3, years=10)
    results = sum(c.result_count for c in iter_chunks(spec))
    national = results / (34 * 3) * 3321
    assert 10_000_000 < national < 14_000_000


def test_synth_count_prints_the_sizes(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["synth", "--count", "--communes", "3", "--years", "1"])
    out = capsys.readouterr().out
    expected = sum(c.result_count for c in iter_chunks(SynthSpec(communes=3, years=1)))
    assert code == 0
    assert "3 nghị quyết" in out
    assert f"{expected:,}".replace(",", ".") + " kết quả" in out


def test_synth_refuses_a_non_positive_size(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["synth", "--count", "--communes", "0"])
    assert "cần một số nguyên dương" in capsys.readouterr().err
