"""The cached public dashboard is never stale: every write it shows changes what a visitor
sees on the very next request (SQLite here, PostgreSQL in the second pass of scripts/test.sh:
DATABASE_URL=$CHITIEU_TEST_POSTGRES_URL)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from factories import PASSWORD, Town, make_target

from chitieu.model import Comparator, Direction, Field, Kind, Period, Result, Target
from chitieu.web.actions.resolutions import do_create_resolution, do_lock_period
from chitieu.web.actions.results import do_approve_result, do_save_result, do_submit_result
from chitieu.web.actions.targets import do_update_target
from chitieu.web.models import Resolution
from chitieu.web.pagecache import pages

YEAR = Period.parse("2024")


@pytest.fixture
def public(town: Town) -> Town:
    town.resolution.is_public = True
    town.resolution.save()
    return town


def _visit(resolution: Resolution, query: str = "", client: Client | None = None) -> str:
    response = (client or Client()).get(f"/nghi-quyet/{resolution.pk}/{query}")
    assert response.status_code == 200
    # The language switch's CSRF token is new on every response; the rest must be equal.
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "csrf", response.content.decode())


def _login(town: Town, role: str) -> Client:
    client = Client()
    assert client.login(username=town.users[role].username, password=PASSWORD)
    return client


def _submit(town: Town, value: str, period: Period = YEAR) -> None:
    result = Result(period=period, value=Decimal(value))
    do_save_result(town.revenue, result, user=town.users["reporter"])
    do_submit_result(town.revenue, period, False, user=town.users["reporter"])


def _row(page: str, code: str) -> str:
    start = page.index(f'<tr data-code="{code}">')
    return page[start : page.index("</tr>", start)]


def test_a_visitor_sees_an_approval_on_the_next_request(public: Town) -> None:
    before = _visit(public.resolution)
    assert "Chưa đánh giá" in _row(before, "KT01")
    _submit(public, "190")
    assert "Chờ duyệt" in _row(_visit(public.resolution), "KT01")  # pending shows too
    approver = _login(public, "approver")
    response = approver.post(
        f"/chi-tieu/{public.revenue.pk}/ket-qua/", {"action": "approve", "ky": "2024"}
    )
    assert response.status_code == 302
    row = _row(_visit(public.resolution), "KT01")
    assert "190 tỷ đồng" in row and "Vượt" in row and "Chờ duyệt" not in row


def test_a_returned_result_shows_at_once(public: Town) -> None:
    _submit(public, "150")
    assert "Chờ duyệt" in _row(_visit(public.resolution), "KT01")
    approver = _login(public, "approver")
    approver.post(
        f"/chi-tieu/{public.revenue.pk}/ket-qua/",
        {"action": "return", "ky": "2024", "comment": "Số liệu chưa khớp"},
    )
    assert "Trả lại" in _row(_visit(public.resolution), "KT01")


def _key(resolution: Resolution, query: str = "", **cookies: str) -> str | None:
    request = RequestFactory().get(f"/nghi-quyet/{resolution.pk}/{query}")
    request.COOKIES.update(cookies)
    return pages.page_key(request, resolution.pk, "vi")


def test_the_second_visit_is_served_from_the_cache_in_one_query(public: Town) -> None:
    first = _visit(public.resolution)
    with CaptureQueriesContext(connection) as queries:
        second = _visit(public.resolution)
    assert len(queries) == 1, [q["sql"] for q in queries]  # the resolution's versions
    assert second == first
    # And the page really came from the cache: a doctored entry is what a visitor gets.
    key = _key(public.resolution)
    assert key is not None and caches[pages.CACHE].get(key) is not None
    caches[pages.CACHE].set(key, "<p>trang trong bộ nhớ đệm</p>")
    assert _visit(public.resolution) == "<p>trang trong bộ nhớ đệm</p>"


def test_each_cached_response_has_its_own_csrf_token(public: Town) -> None:
    client = Client()
    tokens = set()
    for _ in range(3):
        response = client.get(f"/nghi-quyet/{public.resolution.pk}/")
        page = response.content.decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token is not None and token.group(1) != pages.csrf_placeholder()
        tokens.add(token.group(1))
        assert pages.csrf_placeholder() not in page
    assert len(tokens) == 3
    # The language switch still works from a cached page: its token is accepted.
    switch = client.post(
        "/i18n/setlang/", {"language": "en", "csrfmiddlewaretoken": token.group(1)}
    )
    assert switch.status_code == 302


def test_an_edited_target_shows_at_once(public: Town) -> None:
    assert "186" in _row(_visit(public.resolution), "KT01")
    target = Target(
        name="tổng thu ngân sách địa phương",
        kind=Kind.LEVEL,
        comparator=Comparator.AT_LEAST,
        value=Decimal(205),
        unit="tỷ đồng",
        direction=Direction.HIGHER,
        field=Field.ECONOMY,
        code="KT01",
    )
    do_update_target(
        public.revenue, target, user=public.users["editor"], responsible_body=public.department
    )
    row = _row(_visit(public.resolution), "KT01")
    assert "205" in row and "186" not in row


def test_a_locked_period_shows_at_once(public: Town) -> None:
    assert "đã khóa" not in _visit(public.resolution)
    do_lock_period(public.resolution, YEAR, public.users["approver"])
    assert "đã khóa" in _visit(public.resolution)


def test_last_years_approval_changes_this_years_change_on_last_year(public: Town) -> None:
    # The 2025 dashboard shows the change on 2024, read from the 2024 resolution.
    r2025 = do_create_resolution(
        issuing_body=public.committee,
        kind="annual",
        title="Nghị quyết năm 2025",
        start_year=2025,
        is_public=True,
    )
    revenue25 = make_target(
        r2025, public.department, "tổng thu ngân sách địa phương", value=200, unit="tỷ đồng"
    )
    y2025 = Period.parse("2025")
    do_save_result(revenue25, Result(period=y2025, value=Decimal(220)), user=public.users["admin"])
    do_submit_result(revenue25, y2025, False, user=public.users["admin"])
    do_approve_result(revenue25, y2025, False, user=public.users["admin"])
    change = '<td class="num">+10%</td>'  # 220 on 200
    assert change not in _visit(r2025)
    _submit(public, "200")
    do_approve_result(public.revenue, YEAR, False, user=public.users["approver"])
    assert change in _visit(r2025)


def test_each_language_has_its_own_page(public: Town) -> None:
    vietnamese = _visit(public.resolution)
    english = Client()
    english.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = _visit(public.resolution, client=english)
    assert 'lang="en"' in page and page != vietnamese
    assert _visit(public.resolution) == vietnamese


def test_filters_and_periods_are_cached_apart(public: Town) -> None:
    everything = _visit(public.resolution)
    assert 'data-code="XH01"' in everything and 'data-code="KT01"' in everything
    economy = _visit(public.resolution, "?linh_vuc=kinh_te")
    assert 'data-code="XH01"' not in economy and 'data-code="KT01"' in economy
    assert _visit(public.resolution) == everything


def test_only_the_dashboards_own_valid_queries_are_cached(public: Town) -> None:
    assert _key(public.resolution) is not None
    assert _key(public.resolution, "?ky=2024&linh_vuc=kinh_te&trang_thai=exceeded") is not None
    assert _key(public.resolution, "?linh_vuc=khong-co") is None
    assert _key(public.resolution, "?co_quan=" + "1" * 13) is None
    assert _key(public.resolution, "?utm_source=zalo") is None
    assert _key(public.resolution, "?ky=2024&ky=2023") is None
    assert _key(public.resolution, "?ky=nam-ngoai") is None  # shows a message: per request
    assert _key(public.resolution, messages="x") is None
    assert _key(public.resolution, sessionid="x") is None
    page = Client().get(f"/nghi-quyet/{public.resolution.pk}/?ky=nam-ngoai").content.decode()
    assert "msg-error" in page


def test_a_private_resolution_is_never_cached(town: Town) -> None:
    assert _key(town.resolution) is None
    assert _key(Resolution(pk=987654)) is None


def test_a_resolution_made_private_is_no_longer_served_to_visitors(public: Town) -> None:
    _visit(public.resolution)
    public.resolution.is_public = False
    public.resolution.save()
    response = Client().get(f"/nghi-quyet/{public.resolution.pk}/")
    assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/")


def test_a_logged_in_user_gets_their_own_page_not_the_visitors(public: Town) -> None:
    visitor = _visit(public.resolution)
    assert "Nhập kết quả" not in visitor and "Khóa kỳ" not in visitor
    reporter = _visit(public.resolution, client=_login(public, "reporter"))
    assert "Nhập kết quả" in reporter
    approver = _visit(public.resolution, client=_login(public, "approver"))
    assert "Khóa kỳ" in approver
    assert "Nhập kết quả" not in _visit(public.resolution)


def test_a_write_rolled_back_leaves_the_cached_page_valid(public: Town) -> None:
    from django.db import transaction

    from chitieu.web.pagecache.models import DashboardVersion

    before = dict(DashboardVersion.objects.values_list("body_id", "value"))
    with pytest.raises(RuntimeError), transaction.atomic():
        _submit(public, "170")
        raise RuntimeError("hủy")
    assert dict(DashboardVersion.objects.values_list("body_id", "value")) == before
    assert "Chờ duyệt" not in _row(_visit(public.resolution), "KT01")
