"""In Chromium: from the dashboard, "Báo cáo" downloads the Word report, which opens with the
figures; "Kiểm tra số liệu" takes a pasted draft and shows the wrong number in red with the
right one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import launch_chromium
from factories import PASSWORD, Town
from test_web_factcheck import DRAFT
from test_web_reports import approve, docx_text

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    yield from launch_chromium()


@pytest.fixture
def reported(town: Town) -> Town:
    approve(town, town.revenue, "235.9", previous="181.4")
    approve(town, town.poverty, "0.7")
    return town


def _dashboard(chromium: Any, base: str, town: Town) -> Any:
    context = chromium.new_context(
        locale="vi-VN", viewport={"width": 1400, "height": 900}, accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(20000)
    page.goto(f"{base}/dang-nhap/")
    page.fill("input[name=username]", town.users["viewer"].username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")
    page.goto(f"{base}/nghi-quyet/{town.resolution.pk}/?ky=2024")
    page.wait_for_selector("#summary-sentence")
    return page


def test_it_downloads_the_word_report_from_the_dashboard(
    chromium: Any, live_server: Any, reported: Town, tmp_path: Path
) -> None:
    page = _dashboard(chromium, live_server.url, reported)
    page.click("#report-button")
    page.wait_for_selector("#report-opening")
    assert "Trong 2 chỉ tiêu Nghị quyết đề ra" in page.inner_text("#report-opening")
    page.fill("input[name=so]", "45-BC/TU")
    page.fill("input[name=noi]", "Cai Lậy")
    page.fill("input[name=ngay]", "2024-12-05")
    with page.expect_download() as info:
        page.click("text=Tải Word (.docx)")
    download = info.value
    assert download.suggested_filename == (
        "Báo cáo kết quả thực hiện chỉ tiêu - Nghị quyết Cai Lậy năm 2024.docx"
    )
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    text = docx_text(saved.read_bytes())
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "Số 45-BC/TU" in text
    assert "Cai Lậy, ngày 05 tháng 12 năm 2024" in text
    assert "235,9" in text and "126,83%" in text
    page.context.close()


def test_a_pasted_draft_with_a_wrong_number_shows_the_mismatch(
    chromium: Any, live_server: Any, reported: Town
) -> None:
    page = _dashboard(chromium, live_server.url, reported)
    page.click("#factcheck-button")
    page.fill("textarea[name=text]", DRAFT.replace("126,83%", "136,83%"))
    page.click("button:has-text('Kiểm tra')")
    page.wait_for_selector("#factcheck-checks")
    wrong = page.locator("#factcheck-checks tr.check-mismatch")
    assert wrong.count() == 1
    row = wrong.first.inner_text()
    assert "Sai lệch" in row and "136,83%" in row and "126,83%" in row
    # Shown in red, and the right figures in green.
    assert (
        page.locator(".fc-verdict.fc-mismatch").first.evaluate("e => getComputedStyle(e).color")
        == "rgb(140, 29, 19)"
    )
    assert page.locator("#factcheck-checks tr.check-match").count() >= 3
    assert page.locator("#factcheck-text mark.fc-mismatch").count() == 1
    page.context.close()
