"""One indicator across a province's communes, ranked, limited to what the user may read."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from factories import PASSWORD, make_target

from chitieu.model import Period, Result
from chitieu.web.actions.bodies import do_create_body, do_create_user, do_grant_role
from chitieu.web.actions.resolutions import do_create_resolution
from chitieu.web.actions.results import do_save_result
from chitieu.web.models import BodyKind, ResultState, Unit, UnitLevel

YEAR = Period.year_of(2024)


@pytest.fixture
def province(db: None) -> dict[str, object]:
    """A province with three communes reporting their poverty rate, and one elsewhere."""
    dong_thap = Unit.objects.create(
        code=82, name="Tỉnh Đồng Tháp", level=UnitLevel.PROVINCE, division_type="tỉnh"
    )
    tay_ninh = Unit.objects.create(
        code=80, name="Tỉnh Tây Ninh", level=UnitLevel.PROVINCE, division_type="tỉnh"
    )
    province_body = do_create_body("UBND tỉnh Đồng Tháp", BodyKind.PEOPLES_COMMITTEE, dong_thap)
    reporter = do_create_user("tonghop.tinh", PASSWORD)
    communes = {}
    for code, name, rate, parent in (
        (1, "Xã Mỹ Thành", "1.2", dong_thap),
        (2, "Xã Tân Hòa", "0.4", dong_thap),
        (3, "Phường Cai Lậy", "0.69", dong_thap),
        (4, "Xã Bình Hiệp", "0.1", tay_ninh),
    ):
        unit = Unit.objects.create(
            code=code, name=name, level=UnitLevel.COMMUNE, division_type="xã", parent=parent
        )
        body = do_create_body(
            f"Đảng ủy {name}",
            BodyKind.PARTY_COMMITTEE,
            unit,
            province_body if parent == dong_thap else None,
        )
        resolution = do_create_resolution(
            issuing_body=body, kind="annual", title=f"Nghị quyết {name} 2024", start_year=2024
        )
        # Written differently in each commune; the same indicator all the same.
        target = make_target(
            resolution,
            body,
            "Tỷ lệ  hộ nghèo" if code % 2 else "tỷ lệ hộ nghèo",
            value="1",
            unit="%",
            comparator="<=",
            direction="lower",
        )
        do_save_result(
            target,
            Result(period=YEAR, value=Decimal(rate), unit="%"),
            user=reporter,
            state=ResultState.APPROVED,
        )
        communes[name] = body
    viewer = do_create_user("xem.tinh", PASSWORD)
    do_grant_role(viewer, province_body, "viewer")
    commune_viewer = do_create_user("xem.xa", PASSWORD)
    do_grant_role(commune_viewer, communes["Xã Tân Hòa"], "viewer")
    return {"province": dong_thap}


def _rows(username: str, **params: str) -> list[str]:
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    page = client.get(
        "/so-sanh/", {"ten": "TỶ LỆ HỘ NGHÈO", "ky": "2024", **params}
    ).content.decode()
    table = page.split('id="comparison"')[1].split("</table>")[0]
    return [
        chunk.split("</td>")[1].split("<span")[0].replace("<td>", "").strip()
        for chunk in table.split("<tr>")[2:]
    ]


def test_it_ranks_the_communes_of_the_province_lowest_poverty_first(
    province: dict[str, object],
) -> None:
    rows = _rows("xem.tinh")
    assert rows == ["Đảng ủy Xã Tân Hòa", "Đảng ủy Phường Cai Lậy", "Đảng ủy Xã Mỹ Thành"]


def test_it_shows_a_commune_only_its_own_figure(province: dict[str, object]) -> None:
    assert _rows("xem.xa") == ["Đảng ủy Xã Tân Hòa"]


def test_it_filters_by_province(province: dict[str, object]) -> None:
    unit = province["province"]
    assert len(_rows("xem.tinh", tinh=str(unit.pk))) == 3  # type: ignore[attr-defined]
