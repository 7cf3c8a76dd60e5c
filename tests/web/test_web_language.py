"""Vietnamese by default, whatever the browser says; English when the user picks it."""

from __future__ import annotations

from django.test import Client
from factories import PASSWORD, Town


def test_it_speaks_vietnamese_to_an_english_browser(db: None) -> None:
    page = Client().get("/dang-nhap/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="vi"' in page and "Tên đăng nhập" in page


def test_it_switches_to_english_when_the_user_chooses_it(town: Town) -> None:
    client = Client()
    assert client.login(username=town.users["reporter"].username, password=PASSWORD)
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    page = client.get(f"/nghi-quyet/{town.resolution.pk}/").content.decode()
    assert 'lang="en"' in page
    assert "Enter result" in page and "Responsible body" in page and "Log out" in page
    # Numbers keep the Vietnamese format: they come from chitieu.numbers, not the locale.
    assert "186 tỷ đồng" in page
    client.post("/i18n/setlang/", {"language": "vi", "next": "/"})
    assert "Nhập kết quả" in client.get(f"/nghi-quyet/{town.resolution.pk}/").content.decode()
