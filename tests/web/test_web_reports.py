"""The conference report from the web: each format opened and read back, the header from the
issuing body, the Vietnamese file name, who may have it, and a period with no data."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from urllib.parse import unquote

import pytest
from django.test import Client
from factories import PASSWORD, Town, make_target

from chitieu.model import Period, Result
from chitieu.web.actions.resolutions import do_create_resolution
from chitieu.web.actions.results import do_approve_result, do_save_result, do_submit_result
from chitieu.web.models import Resolution, ResultVersion, TargetRow

YEAR = Period.year_of(2024)


def approve(town: Town, target: TargetRow, value: str, *, previous: str | None = None) -> None:
    result = Result(
        period=YEAR,
        value=Decimal(value),
        unit=target.unit,
        previous_value=Decimal(previous) if previous else None,
    )
    do_save_result(target, result, user=town.users["reporter"])
    do_submit_result(target, YEAR, False, user=town.users["reporter"])
    do_approve_result(target, YEAR, False, user=town.users["approver"])


@pytest.fixture
def reported(town: Town) -> Town:
    """Revenue 235,9 of >= 186 tỷ đồng (126,83%, +30% on 181,4); poverty 0,7% of <= 0,63%."""
    approve(town, town.revenue, "235.9", previous="181.4")
    approve(town, town.poverty, "0.7")
    return town


def client_for(town: Town, role: str) -> Client:
    client = Client()
    assert client.login(username=town.users[role].username, password=PASSWORD)
    return client


def report_url(resolution: Resolution, fmt: str = "", **params: str) -> str:
    query = {"period": "2024", **({"format": fmt} if fmt else {}), **params}
    return f"/nghi-quyet/{resolution.pk}/bao-cao/?" + "&".join(f"{k}={v}" for k, v in query.items())


def file_name(response: object) -> str:
    """The name a browser saves the file as: the RFC 5987 filename* when given."""
    header = response["Content-Disposition"]  # type: ignore[index]
    encoded = header.split("filename*=UTF-8''", 1)[1]
    return unquote(encoded)


HEADER = {"so": "45-BC/TU", "noi": "Cai%20L%E1%BA%ADy", "ngay": "2024-12-05"}


def docx_text(data: bytes) -> str:
    from docx import Document

    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def test_it_makes_a_word_report_with_the_party_header_and_the_figures(reported: Town) -> None:
    response = client_for(reported, "viewer").get(report_url(reported.resolution, "docx", **HEADER))
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert response["Content-Disposition"].startswith("attachment;")
    assert (
        file_name(response)
        == "Báo cáo kết quả thực hiện chỉ tiêu - Nghị quyết Cai Lậy năm 2024.docx"
    )
    text = docx_text(response.content)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "THỊ ỦY CAI LẬY" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in text
    assert "Số 45-BC/TU" in text
    assert "Cai Lậy, ngày 05 tháng 12 năm 2024" in text
    # The opening counts the two targets: revenue exceeded, poverty (0,7 > 0,63) not achieved.
    assert "Trong 2 chỉ tiêu Nghị quyết đề ra" in text
    assert "1 chỉ tiêu không đạt" in text
    # The revenue sentence and its appendix row carry the figures in Vietnamese format.
    assert "235,9" in text and "126,83%" in text
    row = next(line for line in text.splitlines() if line.startswith("1 | Tổng thu ngân sách"))
    # STT | Chỉ tiêu | ĐVT | Chỉ tiêu NQ | Thực hiện | % so với NQ | % so với cùng kỳ | Đánh giá
    assert row.split(" | ")[2:] == ["tỷ đồng", "186", "235,9", "126,83%", "130,04%", "Vượt"]


def test_it_makes_an_excel_report_with_numbers_stored_as_numbers(reported: Town) -> None:
    from openpyxl import load_workbook

    response = client_for(reported, "viewer").get(report_url(reported.resolution, "xlsx"))
    assert response.status_code == 200
    assert response["Content-Type"].endswith("spreadsheetml.sheet")
    assert file_name(response).endswith("năm 2024.xlsx")
    book = load_workbook(io.BytesIO(response.content))
    sheet = book["Phụ lục"]
    rows = {
        row[1].casefold(): row
        for row in sheet.iter_rows(values_only=True)
        if isinstance(row[1], str)
    }
    revenue = rows["tổng thu ngân sách địa phương"]
    assert revenue[2] == "tỷ đồng"
    assert Decimal(str(revenue[3])) == 186 and Decimal(str(revenue[4])) == Decimal("235.9")
    poverty = rows["tỷ lệ hộ nghèo"]
    assert Decimal(str(poverty[4])) == Decimal("0.7")
    assert "Không đạt" in [c for c in poverty if isinstance(c, str)]


def test_it_makes_a_pdf_report_whose_text_reads_back(reported: Town) -> None:
    from pypdf import PdfReader

    response = client_for(reported, "viewer").get(report_url(reported.resolution, "pdf", **HEADER))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "126,83%" in text and "235,9" in text


def test_it_shows_the_html_preview_inline(reported: Town) -> None:
    response = client_for(reported, "viewer").get(report_url(reported.resolution, "html"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response["Content-Disposition"].startswith("inline;")
    page = response.content.decode()
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in page and "126,83%" in page


def test_a_state_body_gets_the_national_motto(town: Town) -> None:
    resolution = do_create_resolution(
        issuing_body=town.peoples_committee,
        kind="annual",
        title="Kế hoạch phát triển kinh tế - xã hội năm 2024",
        start_year=2024,
    )
    target = make_target(
        resolution, town.department, "số xã đạt chuẩn nông thôn mới", value=2, unit="xã"
    )
    approve(town, target, "3")
    response = client_for(town, "admin").get(report_url(resolution, "docx", so="123/BC-UBND"))
    assert response.status_code == 200
    text = docx_text(response.content)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" not in text
    assert "Số: 123/BC-UBND" in text
    # The Party committee above the UBND is not its letterhead superior.
    assert "UBND THỊ XÃ CAI LẬY" in text and "THỊ ỦY CAI LẬY" not in text


def test_the_report_page_offers_every_format_and_the_opening_sentence(reported: Town) -> None:
    page = client_for(reported, "viewer").get(report_url(reported.resolution)).content.decode()
    for fmt in ("docx", "xlsx", "pdf", "html"):
        assert f'name="format" value="{fmt}"' in page
    assert "Trong 2 chỉ tiêu Nghị quyết đề ra" in page


def test_the_dashboard_links_to_the_report_of_the_period_shown(reported: Town) -> None:
    page = client_for(reported, "viewer").get(f"/nghi-quyet/{reported.resolution.pk}/?ky=2024")
    html = page.content.decode()
    assert f"/nghi-quyet/{reported.resolution.pk}/bao-cao/?period=2024" in html
    assert ">Báo cáo</a>" in html


def test_a_period_with_no_approved_result_gets_a_clear_message(reported: Town) -> None:
    client = client_for(reported, "viewer")
    page = client.get(report_url(reported.resolution, period="2025"))
    assert page.status_code == 200
    assert "năm 2025 chưa có kết quả nào được phê duyệt" in page.content.decode()
    assert '<option value="2025" selected>' in page.content.decode()
    download = client.get(report_url(reported.resolution, "docx", period="2025"))
    assert download.status_code == 422
    assert download["Content-Type"].startswith("text/html")
    assert "chưa có kết quả nào được phê duyệt" in download.content.decode()


def test_a_submitted_but_unapproved_result_is_not_reported(town: Town) -> None:
    do_save_result(
        town.revenue, Result(period=YEAR, value=Decimal(200)), user=town.users["reporter"]
    )
    do_submit_result(town.revenue, YEAR, False, user=town.users["reporter"])
    response = client_for(town, "viewer").get(report_url(town.resolution, "docx"))
    assert response.status_code == 422


def test_it_explains_a_bad_period_or_format(reported: Town) -> None:
    client = client_for(reported, "viewer")
    bad_period = client.get(report_url(reported.resolution, "docx", period="2024-Q9"))
    assert bad_period.status_code == 400
    assert "Kỳ báo cáo không hợp lệ" in bad_period.content.decode()
    assert "2024-Q9" in bad_period.content.decode()
    bad_format = client.get(report_url(reported.resolution, "odt"))
    assert bad_format.status_code == 400
    assert "Định dạng “odt” không có" in bad_format.content.decode()
    bad_date = client.get(report_url(reported.resolution, "docx", ngay="2024-02-31"))
    assert bad_date.status_code == 400
    assert "Ngày văn bản" in bad_date.content.decode()


def test_a_member_of_the_body_gets_the_report(reported: Town) -> None:
    for role in ("admin", "editor", "approver", "viewer", "reporter"):
        response = client_for(reported, role).get(report_url(reported.resolution, "xlsx"))
        assert response.status_code == 200, role


def test_another_towns_user_gets_a_404_and_no_figure(reported: Town, other_town: Town) -> None:
    client = client_for(other_town, "admin")
    for fmt in ("", "docx", "html"):
        response = client.get(report_url(reported.resolution, fmt))
        assert response.status_code == 404
        assert b"235,9" not in response.content
        assert reported.resolution.title.encode() not in response.content


def test_an_anonymous_visitor_is_sent_to_the_login_page(reported: Town) -> None:
    before = ResultVersion.objects.count()
    response = Client().get(report_url(reported.resolution, "docx"))
    assert response.status_code == 302
    assert response["Location"].startswith("/dang-nhap/")
    assert ResultVersion.objects.count() == before


def test_an_anonymous_visitor_gets_the_report_of_a_public_resolution(reported: Town) -> None:
    Resolution.objects.filter(pk=reported.resolution.pk).update(is_public=True)
    response = Client().get(report_url(reported.resolution, "docx"))
    assert response.status_code == 200
    assert "235,9" in docx_text(response.content)


def test_the_demo_report_states_the_articles_figures_and_next_years_targets(db: None) -> None:
    from chitieu.web.demo import DEMO_PASSWORD, do_load_demo

    do_load_demo()
    resolution = Resolution.objects.get(issuing_body__name="Thị ủy Cai Lậy", start_year=2023)
    client = Client()
    assert client.login(username="cailay.xem", password=DEMO_PASSWORD)
    response = client.get(report_url(resolution, "docx", period="2023"))
    assert response.status_code == 200
    text = docx_text(response.content)
    # The figures the Cai Lậy article states, as the demo stores them.
    assert "Thu ngân sách từ kinh tế địa phương đạt 126,82%" in text
    assert "tăng 7,4%" in text and "0,69%" in text and "99,13%" in text
    # Next year's targets come from the same body's 2024 resolution.
    assert "CHỈ TIÊU CHỦ YẾU NĂM 2024" in text
    assert "phấn đấu từ 9.484 tỷ đồng trở lên" in text


def test_the_report_of_the_current_year_carries_the_planning_sections(
    town: Town, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planning_helpers import approve as approve_on
    from planning_helpers import pin_today, task

    from chitieu.web.planning.report import AT_RISK_HEADING, OVERDUE_HEADING

    pin_today(monkeypatch, dt.date(2024, 10, 12))
    approve_on(town, town.revenue, "2024-6M", "80")  # half the year: 160 at year end, < 186
    approve_on(town, town.poverty, "2024", "0.6", estimated=True)
    task(town)  # due 30/09/2024, 60% done
    response = client_for(town, "viewer").get(report_url(town.resolution, "docx"))
    assert response.status_code == 200
    text = docx_text(response.content)
    assert AT_RISK_HEADING in text and OVERDUE_HEADING in text
    assert "Xây dựng chợ trung tâm: quá hạn 12 ngày" in text
    # A past year's report says nothing "as of today".
    old = do_create_resolution(
        issuing_body=town.committee, kind="annual", title="Nghị quyết năm 2023", start_year=2023
    )
    target = make_target(old, town.department, "tổng thu ngân sách", value=150, unit="tỷ đồng")
    approve_on(town, target, "2023", "160")
    past = docx_text(client_for(town, "viewer").get(report_url(old, "docx", period="2023")).content)
    assert "106,67%" in past and OVERDUE_HEADING not in past and AT_RISK_HEADING not in past


def test_the_file_name_keeps_vietnamese_and_drops_characters_a_file_system_refuses(
    town: Town,
) -> None:
    Resolution.objects.filter(pk=town.resolution.pk).update(
        title='Nghị quyết 12/NQ-TU "về" phát triển: năm 2024'
    )
    approve(town, town.revenue, "200")
    response = client_for(town, "viewer").get(report_url(town.resolution, "xlsx"))
    name = file_name(response)
    assert (
        name
        == "Báo cáo kết quả thực hiện chỉ tiêu - Nghị quyết 12 NQ-TU về phát triển năm 2024.xlsx"
    )
    fallback = response["Content-Disposition"].split('filename="', 1)[1].split('"', 1)[0]
    assert fallback.isascii() and fallback.startswith("Bao-cao-ket-qua")
    assert fallback.endswith(".xlsx")
