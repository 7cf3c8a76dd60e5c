"""The real flow in Chromium: paste targets, report an estimate then an official figure,
submit, approve; the dashboard follows. Another commune's reporter gets no edit control and
the server refuses the same request sent directly."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from browser import launch_chromium, login
from factories import Town

from chitieu.web.models import Resolution, ResultVersion

TEXT = (
    "Ban Chấp hành Đảng bộ thông qua các chỉ tiêu chủ yếu năm 2025, như: tổng giá trị sản xuất "
    "là 9.484 tỷ đồng; tỷ lệ hộ nghèo giảm còn 0,63%; kết nạp 60 đảng viên mới."
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    yield from launch_chromium()


def _sentence(page: Any) -> str:
    return str(page.inner_text("#summary-sentence"))


def test_it_walks_from_pasted_text_to_an_approved_result(
    chromium: Any, live_server: Any, town: Town, other_town: Town
) -> None:
    base = live_server.url
    # The editor creates a public resolution and pastes its text.
    page = login(chromium, base, town.users["editor"].username)
    page.click("text=Thêm nghị quyết")
    page.select_option("select[name=issuing_body]", str(town.committee.pk))
    page.select_option("select[name=kind]", "annual")
    page.fill("input[name=title]", "Nghị quyết Thị ủy năm 2025")
    page.fill("input[name=start_year]", "2025")
    page.check("input[name=is_public]")
    page.click("button[type=submit]")
    page.click("text=Dán văn bản nghị quyết")
    page.fill("textarea[name=text]", TEXT)
    page.click("text=Đọc chỉ tiêu")
    rows = page.locator("#preview tbody tr")
    assert rows.count() >= 3
    names = [rows.nth(i).locator("input[name$='-name']").input_value() for i in range(rows.count())]
    production = next(i for i, n in enumerate(names) if "giá trị sản xuất" in n)
    row = rows.nth(production)
    assert row.locator("input[name$='-value']").input_value() == "9.484"
    # The reader's field (lĩnh vực) comes pre-selected: "giá trị sản xuất" is economy.
    assert row.locator("select[name$='-field']").input_value() == "kinh_te"
    row.locator("select[name$='-responsible_body']").select_option(str(town.department.pk))
    page.click("text=Xác nhận và lưu")
    page.wait_for_selector("#summary-sentence")
    resolution = Resolution.objects.get(title="Nghị quyết Thị ủy năm 2025")
    dashboard = f"{base}/nghi-quyet/{resolution.pk}/"
    assert page.locator("#targets tbody tr").count() == len(names)
    before = _sentence(page)
    assert "chưa có kết quả" in before
    page.context.close()

    # The department's reporter enters an estimate, then the official figure, and submits.
    page = login(chromium, base, town.users["reporter"].username)
    page.goto(dashboard)
    page.locator("#targets tbody tr", has_text="giá trị sản xuất").locator(
        "text=Nhập kết quả"
    ).click()
    page.check("input[name=estimated]")
    page.fill("input[name=value]", "9.000")
    page.click("button[value=save]")
    page.wait_for_selector("text=Đã lưu nháp")
    page.uncheck("input[name=estimated]")
    page.fill("input[name=value]", "9.612,5")
    page.click("button[value=submit]")
    page.wait_for_selector("text=Đã gửi duyệt")
    assert "Chờ duyệt" in page.inner_text(".slot[data-estimated='0']")
    page.goto(dashboard)
    assert _sentence(page) == before  # nothing approved yet
    page.context.close()

    # The approver approves; the dashboard's status and sentence change.
    page = login(chromium, base, town.users["approver"].username)
    page.goto(dashboard)
    page.locator("#targets tbody tr", has_text="giá trị sản xuất").locator("a").first.click()
    page.goto(page.url.rstrip("/") + "/ket-qua/?ky=2025")
    page.locator(".slot[data-estimated='0']").locator("button[value=approve]").click()
    page.wait_for_selector("text=Đã phê duyệt")
    page.goto(dashboard)
    row = page.locator("#targets tbody tr", has_text="giá trị sản xuất")
    assert row.locator(".status").inner_text() == "Vượt"
    assert "9.612,5" in row.inner_text()
    after = _sentence(page)
    assert after != before and "vượt" in after
    page.context.close()

    # Another commune's reporter: no edit control, and a direct POST is refused.
    page = login(chromium, base, other_town.users["reporter"].username)
    page.goto(dashboard)
    assert page.locator("text=Nhập kết quả").count() == 0
    assert page.locator("text=Dán văn bản nghị quyết").count() == 0
    target = resolution.targets.get(name__icontains="giá trị sản xuất")
    count = ResultVersion.objects.count()
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    response = page.request.post(
        f"{base}/chi-tieu/{target.pk}/ket-qua/",
        form={"action": "save", "period": "2025", "value": "1"},
        headers={"X-CSRFToken": token, "Referer": dashboard},
    )
    assert response.status == 403
    assert ResultVersion.objects.count() == count
    page.context.close()
