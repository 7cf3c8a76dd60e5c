"""Tasks of a resolution: editors of the issuing body manage them, reporters of the responsible
body add dated progress updates; overdue ones are flagged on the dashboard."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.test import Client
from factories import Town
from planning_helpers import pin_today, task

from chitieu.web.planning.models import Task, TaskUpdate

pytestmark = pytest.mark.django_db

FORM = {
    "kind": "chuong_trinh_dot_pha",
    "code": "DP1",
    "title": "Chương trình chuyển đổi số",
    "deadline": "2024-12-31",
}


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def _counts() -> tuple[int, int]:
    return Task.objects.count(), TaskUpdate.objects.count()


def test_an_editor_of_the_issuing_body_creates_a_task(town: Town) -> None:
    url = f"/ke-hoach/nghi-quyet/{town.resolution.pk}/nhiem-vu/"
    response = _client(town.users["editor"]).post(
        url, {**FORM, "responsible_body": town.department.pk}
    )
    assert response.status_code == 302
    created = Task.objects.get()
    assert (created.title, created.kind, created.deadline) == (
        "Chương trình chuyển đổi số",
        "chuong_trinh_dot_pha",
        date(2024, 12, 31),
    )
    assert created.responsible_body == town.department


@pytest.mark.parametrize(
    ("side", "role"), [("own", "reporter"), ("own", "viewer"), ("other", "editor")]
)
def test_others_cannot_create_a_task(town: Town, other_town: Town, side: str, role: str) -> None:
    user = (town if side == "own" else other_town).users[role]
    url = f"/ke-hoach/nghi-quyet/{town.resolution.pk}/nhiem-vu/"
    response = _client(user).post(url, {**FORM, "responsible_body": town.department.pk})
    assert response.status_code in (403, 404)
    assert _counts() == (0, 0)


def test_a_task_cannot_go_to_another_towns_body(town: Town, other_town: Town) -> None:
    url = f"/ke-hoach/nghi-quyet/{town.resolution.pk}/nhiem-vu/"
    response = _client(town.users["editor"]).post(
        url, {**FORM, "responsible_body": other_town.department.pk}
    )
    assert response.status_code == 200  # the form again, with its error
    assert "Cơ quan chủ trì" in response.content.decode()
    assert _counts() == (0, 0)


def test_the_responsible_bodys_reporter_adds_a_dated_update(town: Town) -> None:
    row = task(town, progress=None)
    response = _client(town.users["reporter"]).post(
        f"/ke-hoach/nhiem-vu/{row.pk}/cap-nhat/",
        {"on": "2024-10-01", "progress": "75,5", "note": "Đã xong phần móng"},
    )
    assert response.status_code == 302
    update = TaskUpdate.objects.get()
    assert (update.on, update.progress, update.note) == (
        date(2024, 10, 1),
        Decimal("75.5"),
        "Đã xong phần móng",
    )
    assert update.created_by == town.users["reporter"]


def test_a_progress_over_100_is_refused_with_a_message_and_nothing_written(town: Town) -> None:
    row = task(town, progress=None)
    response = _client(town.users["reporter"]).post(
        f"/ke-hoach/nhiem-vu/{row.pk}/cap-nhat/",
        {"on": "2024-10-01", "progress": "150"},
        follow=True,
    )
    assert "tiến độ phải từ 0 đến 100%" in response.content.decode()
    assert TaskUpdate.objects.count() == 0


@pytest.mark.parametrize(
    ("side", "role"), [("own", "editor"), ("own", "viewer"), ("other", "reporter")]
)
def test_others_cannot_add_an_update(town: Town, other_town: Town, side: str, role: str) -> None:
    row = task(town)
    before = _counts()
    user = (town if side == "own" else other_town).users[role]
    response = _client(user).post(
        f"/ke-hoach/nhiem-vu/{row.pk}/cap-nhat/", {"on": "2024-10-01", "progress": "90"}
    )
    assert response.status_code == 403
    assert _counts() == before


def test_an_editor_edits_and_deletes_a_task(town: Town) -> None:
    row = task(town)
    client = _client(town.users["editor"])
    response = client.post(
        f"/ke-hoach/nhiem-vu/{row.pk}/sua/",
        {**FORM, "title": "Chợ trung tâm (giai đoạn 2)", "responsible_body": town.department.pk},
    )
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.title == "Chợ trung tâm (giai đoạn 2)"
    assert client.post(f"/ke-hoach/nhiem-vu/{row.pk}/xoa/").status_code == 302
    assert _counts() == (0, 0)


@pytest.mark.parametrize(("side", "role"), [("own", "reporter"), ("other", "editor")])
def test_others_cannot_edit_or_delete_a_task(
    town: Town, other_town: Town, side: str, role: str
) -> None:
    row = task(town)
    client = _client((town if side == "own" else other_town).users[role])
    response = client.post(
        f"/ke-hoach/nhiem-vu/{row.pk}/sua/",
        {**FORM, "title": "Đổi tên", "responsible_body": town.department.pk},
    )
    assert response.status_code == 403
    assert client.post(f"/ke-hoach/nhiem-vu/{row.pk}/xoa/").status_code == 403
    row.refresh_from_db()
    assert row.title == "Xây dựng chợ trung tâm"
    assert _counts() == (1, 1)


def test_an_overdue_task_is_flagged_on_the_dashboard_and_its_page(
    town: Town, monkeypatch: pytest.MonkeyPatch
) -> None:
    pin_today(monkeypatch, date(2024, 10, 12))
    row = task(town)
    task(town, "Hoàn thiện quy hoạch chung", deadline=date(2024, 12, 31))
    client = _client(town.users["viewer"])
    text = client.get(f"/nghi-quyet/{town.resolution.pk}/").content.decode()
    assert 'id="overdue-tasks"' in text
    assert "1 nhiệm vụ quá hạn" in text
    assert "Xây dựng chợ trung tâm: quá hạn 12 ngày" in text
    assert "Hoàn thiện quy hoạch chung" not in text
    page = client.get(f"/ke-hoach/nhiem-vu/{row.pk}/").content.decode()
    assert "Quá hạn" in page


def test_a_done_task_is_not_overdue(town: Town, monkeypatch: pytest.MonkeyPatch) -> None:
    pin_today(monkeypatch)
    task(town, progress="100")
    text = _client(town.users["viewer"]).get(f"/nghi-quyet/{town.resolution.pk}/").content.decode()
    assert 'id="overdue-tasks"' not in text


def test_another_towns_user_cannot_read_a_task(town: Town, other_town: Town) -> None:
    row = task(town)
    client = _client(other_town.users["admin"])
    assert client.get(f"/ke-hoach/nhiem-vu/{row.pk}/").status_code == 404
    assert client.get(f"/ke-hoach/nghi-quyet/{town.resolution.pk}/nhiem-vu/").status_code == 404


def test_the_task_list_shows_status_and_progress(
    town: Town, monkeypatch: pytest.MonkeyPatch
) -> None:
    pin_today(monkeypatch)
    task(town)
    text = (
        _client(town.users["reporter"])
        .get(f"/ke-hoach/nghi-quyet/{town.resolution.pk}/nhiem-vu/")
        .content.decode()
    )
    assert "Xây dựng chợ trung tâm" in text and "60%" in text and "Quá hạn" in text
    assert 'id="task-form"' not in text  # a reporter does not manage tasks


def test_a_public_dashboard_read_without_login_shows_no_tasks(
    town: Town, monkeypatch: pytest.MonkeyPatch
) -> None:
    pin_today(monkeypatch)
    task(town)
    town.resolution.is_public = True
    town.resolution.save(update_fields=["is_public"])
    text = Client().get(f"/nghi-quyet/{town.resolution.pk}/").content.decode()
    assert town.resolution.title in text
    assert 'id="planning-panel"' not in text and "Xây dựng chợ trung tâm" not in text
