"""A new commune's target page shows the series of the communes it was formed from (the mapping
of the pinned vietnam-provinces package), summed for a total, weighted for a rate, and says so."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from factories import PASSWORD, make_target

from chitieu.continuity import Aggregation
from chitieu.model import Period
from chitieu.web.actions.bodies import do_create_body, do_create_user, do_grant_role
from chitieu.web.actions.resolutions import do_create_resolution
from chitieu.web.models import BodyKind, Role, Unit, UnitLevel
from chitieu.web.planning.actions import do_record_legacy_figure
from chitieu.web.planning.continuity import predecessors_of, successor_series

pytestmark = pytest.mark.django_db

# Xã Kim Anh (2025 code 382) was formed from the whole of Minh Trí (382), Minh Phú (397) and
# Tân Dân (415), per the package's conversion table.
KIM_ANH = 382


@pytest.fixture
def kim_anh() -> dict[str, object]:
    unit = Unit.objects.create(
        code=KIM_ANH, name="Xã Kim Anh", level=UnitLevel.COMMUNE, division_type="xã"
    )
    body = do_create_body("Đảng ủy xã Kim Anh", BodyKind.PARTY_COMMITTEE, unit=unit)
    resolution = do_create_resolution(
        issuing_body=body, kind="annual", title="Nghị quyết xã Kim Anh năm 2026", start_year=2026
    )
    revenue = make_target(resolution, body, "tổng thu ngân sách xã", value=30, unit="tỷ đồng")
    poverty = make_target(
        resolution, body, "tỷ lệ hộ nghèo", value="1", unit="%", comparator="<=", direction="lower"
    )
    viewer = do_create_user("kimanh.viewer", PASSWORD)
    do_grant_role(viewer, body, Role.VIEWER)
    return {"revenue": revenue, "poverty": poverty, "viewer": viewer}


def test_the_package_gives_the_old_communes_of_a_new_one() -> None:
    preds = predecessors_of(KIM_ANH)
    assert [(p.code, p.name, p.share) for p in preds] == [
        ("382", "Xã Minh Trí", Decimal(1)),
        ("397", "Xã Minh Phú", Decimal(1)),
        ("415", "Xã Tân Dân", Decimal(1)),
    ]


def test_a_total_adds_the_old_communes_and_a_missing_one_leaves_a_gap(
    kim_anh: dict[str, object],
) -> None:
    revenue = kim_anh["revenue"]
    for code, value in ((382, "10"), (397, "8,5"), (415, "6")):
        do_record_legacy_figure(code, revenue.name_key, "2024", Decimal(value.replace(",", ".")))  # type: ignore[attr-defined]
    do_record_legacy_figure(382, revenue.name_key, "2023", Decimal(9))  # type: ignore[attr-defined]
    series, why = successor_series(revenue)  # type: ignore[arg-type]
    assert why == "" and series is not None
    assert series.method is Aggregation.SUM
    assert series.values[Period.year_of(2024)] == Decimal("24.5")
    assert series.values[Period.year_of(2023)] is None
    assert any("thiếu số liệu của Xã Minh Phú, Xã Tân Dân" in n for n in series.notes)
    client = Client()
    client.force_login(kim_anh["viewer"])  # type: ignore[arg-type]
    text = client.get(f"/ke-hoach/chi-tieu/{revenue.pk}/").content.decode()  # type: ignore[attr-defined]
    assert "tổng hợp từ các xã, phường cũ: Xã Minh Trí, Xã Minh Phú, Xã Tân Dân (cộng dồn)" in text
    assert "24,5" in text


def test_a_rate_is_weighted_by_population_and_says_so(kim_anh: dict[str, object]) -> None:
    poverty = kim_anh["poverty"]
    for code, rate, people in ((382, 2, 100), (397, 4, 100), (415, 6, 200)):
        do_record_legacy_figure(
            code,
            poverty.name_key,
            "2024",
            Decimal(rate),
            weight=Decimal(people),  # type: ignore[attr-defined]
        )
    series, _ = successor_series(poverty)  # type: ignore[arg-type]
    assert series is not None and series.method is Aggregation.WEIGHTED_MEAN
    assert series.values[Period.year_of(2024)] == Decimal("4.5")  # (200 + 400 + 1200) / 400
    assert "bình quân gia quyền theo dân số" in series.note_vi


def test_a_body_without_a_commune_has_no_old_series(kim_anh: dict[str, object]) -> None:
    from factories import make_town

    town = make_town("Cai Lậy")
    series, why = successor_series(town.revenue)
    assert series is None and "không gắn với một xã, phường mới" in why
