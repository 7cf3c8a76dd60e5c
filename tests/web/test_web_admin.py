"""The admin: bodies and roles are managed there; figures are not editable there."""

from __future__ import annotations

from django.core.management import call_command
from django.test import Client
from factories import PASSWORD, Town

from chitieu.web.actions.bodies import do_create_user
from chitieu.web.models import ResultVersion, Unit, UnitLevel


def _admin_client() -> Client:
    do_create_user("sieu", PASSWORD, superuser=True)
    client = Client()
    assert client.login(username="sieu", password=PASSWORD)
    return client


def test_it_lets_the_administrator_manage_bodies_and_roles(town: Town) -> None:
    client = _admin_client()
    assert client.get("/admin/web/body/").status_code == 200
    page = client.get(f"/admin/web/body/{town.department.pk}/change/").content.decode()
    assert "Phòng Tài chính" in page and "vai trò" in page.lower()


def test_it_keeps_result_versions_read_only_in_the_admin(town: Town) -> None:
    client = _admin_client()
    assert client.get("/admin/web/resultversion/add/").status_code == 403
    assert not ResultVersion.objects.exists()


def test_it_refuses_the_admin_to_a_body_user(town: Town) -> None:
    client = Client()
    client.login(username=town.users["admin"].username, password=PASSWORD)
    assert client.get("/admin/web/body/").status_code == 302


def test_it_loads_the_units_with_the_management_command(db: None) -> None:
    call_command("load_units", verbosity=0)
    call_command("load_units", verbosity=0)  # twice: nothing duplicated
    assert Unit.objects.filter(level=UnitLevel.PROVINCE).count() == 34
    assert Unit.objects.filter(level=UnitLevel.COMMUNE).count() == 3321
    ward = Unit.objects.get(level=UnitLevel.COMMUNE, name="Phường Kiến Tường")
    assert ward.parent is not None and ward.parent.name == "Tỉnh Tây Ninh"
