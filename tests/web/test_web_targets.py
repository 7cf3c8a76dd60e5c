"""Targets: domain round trip, change history, code uniqueness, demo data."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from factories import Town

from chitieu.model import Comparator, Kind
from chitieu.web.actions.errors import ActionError
from chitieu.web.actions.targets import do_update_target
from chitieu.web.demo import do_load_demo
from chitieu.web.domain import target_to_domain
from chitieu.web.models import Resolution, ResultVersion, TargetChange, TargetRow

DATA = Path(__file__).parent / "data"


def test_it_maps_a_stored_target_to_the_core_target(town: Town) -> None:
    target = target_to_domain(town.poverty)
    assert target.name == "tỷ lệ hộ nghèo"
    assert target.comparator is Comparator.AT_MOST
    assert target.value == Decimal("0.63")
    assert target.period is not None and target.period.code == "2024"


def test_it_records_who_changed_what_from_old_to_new(town: Town) -> None:
    editor = town.users["editor"]
    target = target_to_domain(town.revenue)
    from dataclasses import replace

    changes = do_update_target(
        town.revenue,
        replace(target, value=Decimal("190.5")),
        user=editor,
        responsible_body=town.department,
    )
    assert [(c.attribute, c.old, c.new) for c in changes] == [("value", "186", "190,5")]
    assert TargetChange.objects.get().user == editor
    town.revenue.refresh_from_db()
    assert town.revenue.value == Decimal("190.5")


def test_it_records_nothing_when_nothing_changed(town: Town) -> None:
    changes = do_update_target(
        town.revenue,
        target_to_domain(town.revenue),
        user=town.users["editor"],
        responsible_body=town.department,
    )
    assert changes == []
    assert not TargetChange.objects.exists()


def test_it_rejects_a_duplicate_target_code_and_changes_nothing(town: Town) -> None:
    from dataclasses import replace

    with pytest.raises(ActionError, match="KT01"):
        do_update_target(
            town.poverty,
            replace(target_to_domain(town.poverty), code="KT01", value=Decimal(1)),
            user=town.users["editor"],
            responsible_body=town.department,
        )
    town.poverty.refresh_from_db()
    assert (town.poverty.code, town.poverty.value) == ("XH01", Decimal("0.63"))
    assert not TargetChange.objects.exists()


@pytest.mark.django_db
def test_it_loads_the_cai_lay_2024_targets_exactly_as_the_gold_annotation() -> None:
    assert do_load_demo() is True
    gold = json.loads((DATA / "cai-lay-2024.gold.json").read_text(encoding="utf-8"))
    resolution = Resolution.objects.get(number="DEMO-CL-2024")
    stored = [target_to_domain(row) for row in resolution.targets.order_by("order")]
    assert len(stored) == len(gold["targets"]) == 23
    for target, expected in zip(stored, gold["targets"], strict=True):
        assert target.name == expected["name"]
        assert target.kind is Kind(expected["kind"])
        assert target.comparator is Comparator(expected["comparator"])
        assert target.value == Decimal(str(expected["value"]))
        assert target.unit == expected["unit"]
    # The 2024 targets are from the article, not invented.
    assert not resolution.targets.filter(illustrative=True).exists()


@pytest.mark.django_db
def test_it_loads_the_demo_only_once_and_marks_invented_figures() -> None:
    assert do_load_demo() is True
    counts = (TargetRow.objects.count(), ResultVersion.objects.count())
    assert do_load_demo() is False
    assert (TargetRow.objects.count(), ResultVersion.objects.count()) == counts
    # The 2023 results are the article's; the targets they are measured against are invented.
    cai_lay_2023 = Resolution.objects.get(number="DEMO-CL-2023")
    assert cai_lay_2023.targets.filter(illustrative=False).count() == 0
    revenue = ResultVersion.objects.get(target__resolution=cai_lay_2023, target__code="KT02")
    assert revenue.percent_of_target == Decimal("126.82") and not revenue.illustrative
    # Every result of 2024 is invented, and says so.
    assert (
        ResultVersion.objects.filter(
            target__resolution__number="DEMO-CL-2024", illustrative=False
        ).count()
        == 0
    )
