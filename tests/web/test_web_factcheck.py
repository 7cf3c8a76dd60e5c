"""The fact check page: a pasted draft (or an uploaded file) checked claim by claim against the
resolution's approved figures of a period."""

from __future__ import annotations

import re
from decimal import Decimal
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from factories import Town
from test_web_reports import approve, client_for, docx_text

from chitieu.numbers import format_number
from chitieu.web.models import Resolution, ResultVersion

DRAFT = (
    "Trong 2 chỉ tiêu Nghị quyết đề ra, có 1 chỉ tiêu vượt, 1 chỉ tiêu không đạt. "
    "Năm 2024, tổng thu ngân sách địa phương đạt 235,9 tỷ đồng, đạt 126,83% chỉ tiêu Nghị "
    "quyết, tăng 30,04% so với cùng kỳ."
)


@pytest.fixture
def reported(town: Town) -> Town:
    approve(town, town.revenue, "235.9", previous="181.4")
    approve(town, town.poverty, "0.7")
    return town


def check(client: Client, resolution: Resolution, **data: object) -> tuple[int, str]:
    response = client.post(f"/nghi-quyet/{resolution.pk}/kiem-tra-so-lieu/", {"ky": "2024", **data})
    return response.status_code, response.content.decode()


def verdict_rows(page: str) -> list[tuple[str, str]]:
    """(verdict key, the row's text) of each checked claim shown."""
    rows = re.findall(r'<tr class="check-(\w+)" data-verdict="\w+">(.*?)</tr>', page, re.S)
    return [(key, unescape(re.sub(r"<[^>]+>", " ", body))) for key, body in rows]


def test_a_correct_draft_shows_only_matches(reported: Town) -> None:
    status, page = check(client_for(reported, "viewer"), reported.resolution, text=DRAFT)
    assert status == 200
    rows = verdict_rows(page)
    assert rows, page
    assert {key for key, _ in rows} == {"match"}
    texts = " ".join(text for _, text in rows)
    # The counts, the value, the % of target and the change on last year are each checked.
    assert "(tổng số chỉ tiêu): 2 khớp" in texts and "(số chỉ tiêu không đạt): 1 khớp" in texts
    assert "235,9 tỷ đồng khớp" in texts and "126,83% khớp" in texts
    assert "tăng 30,04% khớp" in texts
    assert "Khớp" in page


def test_a_number_changed_on_purpose_is_flagged_with_the_right_value(reported: Town) -> None:
    wrong = DRAFT.replace("235,9 tỷ đồng", "253,9 tỷ đồng")
    status, page = check(client_for(reported, "viewer"), reported.resolution, text=wrong)
    assert status == 200
    mismatches = [text for key, text in verdict_rows(page) if key == "mismatch"]
    assert len(mismatches) == 1
    right = format_number(Decimal("235.9")) + " tỷ đồng"
    assert "253,9 tỷ đồng" in mismatches[0] and right in mismatches[0]
    assert "Sai lệch" in page
    # The wrong figure is marked in the text itself.
    assert '<mark class="fc-mismatch"' in page


def test_a_wrong_count_is_flagged_with_the_datas_count(reported: Town) -> None:
    wrong = DRAFT.replace("có 1 chỉ tiêu vượt, 1 chỉ tiêu không đạt", "có 2 chỉ tiêu vượt")
    _, page = check(client_for(reported, "viewer"), reported.resolution, text=wrong)
    mismatches = [text for key, text in verdict_rows(page) if key == "mismatch"]
    assert any("văn bản ghi 2, dữ liệu là 1" in text for text in mismatches), mismatches


def test_a_claim_tied_to_no_target_is_not_determined(reported: Town) -> None:
    text = "Trong năm, toàn Đảng bộ kết nạp 60 đảng viên mới."
    _, page = check(client_for(reported, "viewer"), reported.resolution, text=text)
    rows = verdict_rows(page)
    assert rows and {key for key, _ in rows} == {"unknown"}
    assert "Không xác định" in page


def test_a_text_without_figures_says_so(reported: Town) -> None:
    _, page = check(client_for(reported, "viewer"), reported.resolution, text="Xin chào.")
    assert 'id="factcheck-none"' in page


def test_it_checks_an_uploaded_text_file(reported: Town) -> None:
    wrong = DRAFT.replace("126,83%", "162,83%").encode("utf-8")
    upload = SimpleUploadedFile("du-thao.txt", wrong, content_type="text/plain")
    _, page = check(client_for(reported, "viewer"), reported.resolution, document=upload)
    mismatches = [text for key, text in verdict_rows(page) if key == "mismatch"]
    assert len(mismatches) == 1 and "162,83%" in mismatches[0] and "126,83%" in mismatches[0]


def test_the_word_report_it_wrote_reads_back_without_a_mismatch(reported: Town) -> None:
    client = client_for(reported, "viewer")
    report = client.get(f"/nghi-quyet/{reported.resolution.pk}/bao-cao/?period=2024&format=docx")
    upload = SimpleUploadedFile("bao-cao.docx", report.content)
    _, page = check(client, reported.resolution, document=upload)
    rows = verdict_rows(page)
    assert [text for key, text in rows if key == "match"], docx_text(report.content)
    assert not [text for key, text in rows if key == "mismatch"]


def test_it_refuses_a_file_type_it_cannot_read_and_checks_nothing(reported: Town) -> None:
    upload = SimpleUploadedFile("bang.xlsx", b"PK\x03\x04 not really")
    status, page = check(client_for(reported, "viewer"), reported.resolution, document=upload)
    assert status == 400
    assert "không hỗ trợ định dạng “.xlsx”" in unescape(page)
    assert not verdict_rows(page)


def test_it_names_the_file_it_could_not_read(reported: Town) -> None:
    upload = SimpleUploadedFile("du-thao.docx", b"this is not a zip file")
    status, page = check(client_for(reported, "viewer"), reported.resolution, document=upload)
    assert status == 200
    assert "Không đọc được tệp “du-thao.docx”" in unescape(page)
    assert not verdict_rows(page)


def test_a_file_over_the_upload_limit_is_refused_before_reading(
    reported: Town, settings: object
) -> None:
    settings.CHITIEU_MAX_UPLOAD_BYTES = 2048  # type: ignore[attr-defined]
    upload = SimpleUploadedFile("du-thao.txt", DRAFT.encode("utf-8") * 20)
    status, page = check(client_for(reported, "viewer"), reported.resolution, document=upload)
    assert status == 413
    assert "quá lớn" in page


def test_an_empty_form_asks_for_a_text(reported: Town) -> None:
    status, page = check(client_for(reported, "viewer"), reported.resolution, text="  ")
    assert status == 400
    assert "Hãy dán văn bản hoặc chọn một tệp" in page


def test_a_period_without_data_says_so_instead_of_checking(reported: Town) -> None:
    _, page = check(client_for(reported, "viewer"), reported.resolution, text=DRAFT, ky="2025")
    assert "năm 2025 chưa có kết quả nào được phê duyệt" in page
    assert not verdict_rows(page)


def test_the_page_offers_the_resolutions_periods(reported: Town) -> None:
    page = client_for(reported, "viewer").get(
        f"/nghi-quyet/{reported.resolution.pk}/kiem-tra-so-lieu/?ky=2024"
    )
    assert page.status_code == 200
    html = page.content.decode()
    assert '<option value="2024" selected>' in html and 'name="text"' in html


def test_another_towns_user_gets_a_404_and_no_figure(reported: Town, other_town: Town) -> None:
    status, page = check(client_for(other_town, "viewer"), reported.resolution, text=DRAFT)
    assert status == 404
    assert "235,9" not in page and reported.resolution.title not in page


def test_an_anonymous_visitor_is_sent_to_the_login_page_and_nothing_changes(
    reported: Town,
) -> None:
    before = ResultVersion.objects.count()
    response = Client().post(
        f"/nghi-quyet/{reported.resolution.pk}/kiem-tra-so-lieu/", {"ky": "2024", "text": DRAFT}
    )
    assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/")
    assert ResultVersion.objects.count() == before


def test_pasted_markup_is_shown_as_text_never_run(reported: Town) -> None:
    text = DRAFT.replace("235,9", "253,9") + '\n<script>alert("x")</script>'
    _, page = check(client_for(reported, "viewer"), reported.resolution, text=text)
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page
    assert [key for key, _ in verdict_rows(page)].count("mismatch") == 1
