"""Pages: login, list, dashboard (sentence, counts, filters), target page, result entry."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from factories import PASSWORD, Town

from chitieu.model import Period, Result
from chitieu.web.actions.results import do_approve_result, do_save_result, do_submit_result
from chitieu.web.demo import DEMO_PASSWORD, do_load_demo
from chitieu.web.models import Resolution, ResultVersion

YEAR = Period.year_of(2024)


def _client(town: Town, role: str) -> Client:
    client = Client()
    assert client.login(username=town.users[role].username, password=PASSWORD)
    return client


def _approve(town: Town, target: object, value: str, estimated: bool = False) -> None:
    result = Result(period=YEAR, value=Decimal(value), estimated=estimated)
    do_save_result(target, result, user=town.users["reporter"])  # type: ignore[arg-type]
    do_submit_result(target, YEAR, estimated, user=town.users["reporter"])  # type: ignore[arg-type]
    do_approve_result(target, YEAR, estimated, user=town.users["approver"])  # type: ignore[arg-type]


def test_it_logs_in_with_the_vietnamese_form(town: Town) -> None:
    page = Client().get("/dang-nhap/").content.decode()
    assert "Đăng nhập" in page and 'lang="vi"' in page
    response = Client().post(
        "/dang-nhap/", {"username": town.users["viewer"].username, "password": PASSWORD}
    )
    assert response.status_code == 302
    bad = Client().post(
        "/dang-nhap/", {"username": town.users["viewer"].username, "password": "sai"}
    )
    assert "không đúng" in bad.content.decode()


def test_it_shows_the_summary_sentence_and_counts_that_follow_the_results(town: Town) -> None:
    client = _client(town, "viewer")
    page = client.get(f"/nghi-quyet/{town.resolution.pk}/").content.decode()
    assert "Trong 2 chỉ tiêu" in page or "2 chỉ tiêu" in page
    assert "Chưa đánh giá" in page
    _approve(town, town.revenue, "201,3".replace(",", "."))
    _approve(town, town.poverty, "0.7")
    page = client.get(f"/nghi-quyet/{town.resolution.pk}/").content.decode()
    assert "201,3" in page  # Vietnamese decimal comma
    assert "108,23%" in page  # 201,3 / 186
    assert "Vượt" in page and "Không đạt" in page
    sentence = page.split('id="summary-sentence">')[1].split("</p>")[0]
    assert "1 chỉ tiêu vượt" in sentence or "vượt" in sentence
    assert "không đạt" in sentence


def test_it_filters_the_targets_by_field_and_status(town: Town) -> None:
    _approve(town, town.revenue, "200")
    client = _client(town, "viewer")
    url = f"/nghi-quyet/{town.resolution.pk}/"
    by_field = client.get(url, {"linh_vuc": "van_hoa_xa_hoi"}).content.decode()
    assert (
        "tỷ lệ hộ nghèo" in by_field
        and "tổng thu ngân sách" not in by_field.split('id="targets"')[1]
    )
    by_status = client.get(url, {"trang_thai": "exceeded"}).content.decode()
    table = by_status.split('id="targets"')[1]
    assert "tổng thu ngân sách" in table and "tỷ lệ hộ nghèo" not in table


def test_it_shows_entry_controls_only_to_the_responsible_reporter(town: Town) -> None:
    url = f"/nghi-quyet/{town.resolution.pk}/"
    assert "Nhập kết quả" in _client(town, "reporter").get(url).content.decode()
    assert "Nhập kết quả" not in _client(town, "viewer").get(url).content.decode()
    assert "Dán văn bản" in _client(town, "editor").get(url).content.decode()
    assert "Dán văn bản" not in _client(town, "reporter").get(url).content.decode()


def test_it_warns_before_submitting_an_implausible_figure(town: Town) -> None:
    _approve(town, town.poverty, "0.7")
    client = _client(town, "reporter")
    url = f"/chi-tieu/{town.poverty.pk}/ket-qua/"
    data = {"action": "submit", "period": "2024-6M", "value": "150", "unit": "hộ"}
    page = client.post(url, data).content.decode()
    assert "chênh lệch hơn 10 lần" in page
    assert "khác đơn vị" in page
    # Saved as a draft, not submitted.
    assert list(
        ResultVersion.objects.filter(period_code="2024-6M").values_list("state", flat=True)
    ) == ["draft"]
    confirmed = client.post(url, {**data, "confirm_warnings": "1"})
    assert confirmed.status_code == 302
    states = (
        ResultVersion.objects.filter(period_code="2024-6M")
        .order_by("seq")
        .values_list("state", flat=True)
    )
    assert list(states) == ["draft", "submitted"]


def test_it_warns_about_a_rate_above_one_hundred_percent(town: Town) -> None:
    page = (
        _client(town, "reporter")
        .post(
            f"/chi-tieu/{town.poverty.pk}/ket-qua/",
            {"action": "submit", "period": "2024", "value": "101"},
        )
        .content.decode()
    )
    assert "lớn hơn 100%" in page


def test_it_rejects_a_number_that_is_not_vietnamese_style_and_writes_nothing(town: Town) -> None:
    page = (
        _client(town, "reporter")
        .post(
            f"/chi-tieu/{town.revenue.pk}/ket-qua/",
            {"action": "save", "period": "2024", "value": "1.23.4"},
        )
        .content.decode()
    )
    assert "không phải là số" in page
    assert not ResultVersion.objects.exists()


def test_it_shows_the_target_page_with_the_history_of_changes(town: Town) -> None:
    editor = _client(town, "editor")
    editor.post(
        f"/chi-tieu/{town.revenue.pk}/sua/",
        {
            "name": "tổng thu ngân sách địa phương",
            "field": "kinh_te",
            "kind": "level",
            "comparator": ">=",
            "value": "190,5",
            "unit": "tỷ đồng",
            "direction": "higher",
            "code": "KT01",
        },
    )
    _approve(town, town.revenue, "191")
    page = editor.get(f"/chi-tieu/{town.revenue.pk}/").content.decode()
    assert "190,5" in page and "186" in page  # new and old value in the change history
    assert "Đã duyệt" in page
    assert town.users["editor"].username in page


@pytest.mark.django_db
def test_it_shows_the_demo_dashboard_with_the_article_results() -> None:
    do_load_demo()
    client = Client()
    assert client.login(username="cailay.xem", password=DEMO_PASSWORD)
    r2023 = Resolution.objects.get(number="DEMO-CL-2023")
    page = client.get(f"/nghi-quyet/{r2023.pk}/").content.decode()
    assert "126,82%" in page and "99,13%" in page and "+30,43%" in page
    assert "số liệu minh họa" in page
    r2024 = Resolution.objects.get(number="DEMO-CL-2024")
    page = client.get(f"/nghi-quyet/{r2024.pk}/").content.decode()
    assert "9.484 tỷ đồng" in page and "640,706 tỷ đồng" in page
    assert page.count("<tr data-code=") == 23


@pytest.mark.django_db
def test_it_shows_a_public_resolution_without_login_and_a_private_one_only_after() -> None:
    do_load_demo()
    public = Resolution.objects.get(number="DEMO-KT-2019")
    private = Resolution.objects.get(number="DEMO-CL-2024")
    assert Client().get(f"/nghi-quyet/{public.pk}/").status_code == 200
    response = Client().get(f"/nghi-quyet/{private.pk}/")
    assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/")


@pytest.mark.django_db
def test_it_lists_public_resolutions_without_login() -> None:
    do_load_demo()
    page = Client().get("/cong-khai/").content.decode()
    assert "Nghị quyết Thị ủy Kiến Tường năm 2019" in page
    assert "Cai Lậy" not in page


def test_it_links_an_annual_target_to_a_term_target(town: Town) -> None:
    from factories import make_target

    from chitieu.web.actions.resolutions import do_create_resolution

    term = do_create_resolution(
        issuing_body=town.committee,
        kind="congress_term",
        title="Nghị quyết Đại hội 2020-2025",
        start_year=2020,
        end_year=2025,
    )
    term_target = make_target(
        term, None, "tỷ lệ hộ nghèo cuối nhiệm kỳ", value="1", unit="%", comparator="<="
    )
    editor = _client(town, "editor")
    form = editor.get(f"/chi-tieu/{town.poverty.pk}/sua/").content.decode()
    assert "tỷ lệ hộ nghèo cuối nhiệm kỳ" in form
    response = editor.post(
        f"/chi-tieu/{town.poverty.pk}/sua/",
        {
            "name": "tỷ lệ hộ nghèo",
            "field": "van_hoa_xa_hoi",
            "kind": "level",
            "comparator": "<=",
            "value": "0,63",
            "unit": "%",
            "direction": "lower",
            "code": "XH01",
            "term_target": str(term_target.pk),
        },
    )
    assert response.status_code == 302
    town.poverty.refresh_from_db()
    assert town.poverty.term_target == term_target
    page = editor.get(f"/chi-tieu/{term_target.pk}/").content.decode()
    assert "Chỉ tiêu năm thực hiện" in page and "2024" in page


def test_it_never_writes_an_id_or_a_year_with_a_thousands_separator(town: Town) -> None:
    # USE_THOUSAND_SEPARATOR formats every number in templates: ids and years must opt out.
    from chitieu.web.models import Body, BodyKind

    body = Body.objects.create(
        pk=12345, name="Phòng Văn hóa", kind=BodyKind.DEPARTMENT, parent=town.committee
    )
    town.revenue.responsible_body = body
    town.revenue.save()
    page = _client(town, "viewer").get(f"/nghi-quyet/{town.resolution.pk}/").content.decode()
    assert 'value="12345"' in page and "12.345" not in page
    detail = _client(town, "viewer").get(f"/chi-tieu/{town.revenue.pk}/").content.decode()
    assert "ky=2024" in detail and "2.024" not in detail


def test_it_computes_the_change_on_last_year_from_last_years_approved_figure(town: Town) -> None:
    from factories import make_target

    from chitieu.web.actions.resolutions import do_create_resolution

    previous = do_create_resolution(
        issuing_body=town.committee, kind="annual", title="Nghị quyết năm 2023", start_year=2023
    )
    # Written with other capitals: still the same indicator.
    last = make_target(
        previous, town.department, "Tổng thu ngân sách địa phương", value=170, unit="tỷ đồng"
    )
    year = Period.year_of(2023)
    do_save_result(last, Result(period=year, value=Decimal(180)), user=town.users["reporter"])
    do_submit_result(last, year, False, user=town.users["reporter"])
    do_approve_result(last, year, False, user=town.users["approver"])
    _approve(town, town.revenue, "198")
    page = _client(town, "viewer").get(f"/nghi-quyet/{town.resolution.pk}/").content.decode()
    row = page.split('data-code="KT01"')[1].split("</tr>")[0]
    assert "+10%" in row  # 198 against 180


def test_it_draws_the_target_page_chart_with_each_approved_period(town: Town) -> None:
    _approve(town, town.revenue, "201.3")
    half = Period.parse("2024-6M")
    do_save_result(
        town.revenue, Result(period=half, value=Decimal(90)), user=town.users["reporter"]
    )
    do_submit_result(town.revenue, half, False, user=town.users["reporter"])
    do_approve_result(town.revenue, half, False, user=town.users["approver"])
    page = _client(town, "viewer").get(f"/chi-tieu/{town.revenue.pk}/").content.decode()
    chart = page.split('<svg class="chart"')[1].split("</svg>")[0]
    assert "201,3" in chart and ">90<" in chart and "2024-6M" in chart
    assert 'class="spark-target"' in chart  # the target line at 186
    assert chart.index("2024-6M") < chart.index(">2024<")  # chronological: half-year first


def test_it_sums_up_each_field_on_the_dashboard(town: Town) -> None:
    _approve(town, town.revenue, "200")
    page = _client(town, "viewer").get(f"/nghi-quyet/{town.resolution.pk}/").content.decode()
    by_field = page.split('class="by-field"')[1].split("</ul>")[0]
    assert "Kinh tế:</strong> đạt 1/1 chỉ tiêu, trong đó vượt 1" in by_field
    assert "Văn hóa – xã hội:</strong> đạt 0/1 chỉ tiêu" in by_field


def test_it_shows_a_term_resolution_with_results_for_a_year_and_for_the_term(town: Town) -> None:
    from factories import make_target

    from chitieu.web.actions.resolutions import do_create_resolution

    term = do_create_resolution(
        issuing_body=town.committee,
        kind="congress_term",
        title="Nghị quyết Đại hội 2020-2025",
        start_year=2020,
        end_year=2025,
    )
    target = make_target(
        term,
        town.department,
        "tỷ lệ hộ nghèo",
        value="1",
        unit="%",
        comparator="<=",
        direction="lower",
    )
    for code, value in (("2023", "0.9"), ("2020-2025", "0.6")):
        period = Period.parse(code)
        do_save_result(
            target, Result(period=period, value=Decimal(value)), user=town.users["reporter"]
        )
        do_submit_result(target, period, False, user=town.users["reporter"])
        do_approve_result(target, period, False, user=town.users["approver"])
    client = _client(town, "viewer")
    page = client.get(f"/nghi-quyet/{term.pk}/").content.decode()
    assert "nhiệm kỳ 2020 - 2025" in page and "0,6%" in page and "Vượt" in page
    page = client.get(f"/nghi-quyet/{term.pk}/", {"ky": "2023"}).content.decode()
    assert "0,9%" in page


def test_it_shows_old_and_new_value_in_the_result_history(town: Town) -> None:
    reporter = town.users["reporter"]
    do_save_result(town.revenue, Result(period=YEAR, value=Decimal(150)), user=reporter)
    do_save_result(town.revenue, Result(period=YEAR, value=Decimal("190.5")), user=reporter)
    page = _client(town, "viewer").get(f"/chi-tieu/{town.revenue.pk}/").content.decode()
    assert "<del>150</del> → 190,5" in page


def test_it_warns_when_the_official_figure_is_ten_times_the_approved_estimate(town: Town) -> None:
    _approve(town, town.revenue, "190", estimated=True)
    page = (
        _client(town, "reporter")
        .post(
            f"/chi-tieu/{town.revenue.pk}/ket-qua/",
            {"action": "submit", "period": "2024", "value": "1.900"},
        )
        .content.decode()
    )
    assert "chênh lệch hơn 10 lần so với số ước thực hiện năm 2024" in page
