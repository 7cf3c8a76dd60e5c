"""The Content-Security-Policy in a real browser: the pages people use, the language switch
(an inline handler allowed by its hash) and the Swagger UI work, with no CSP violation
reported; an injected inline script does not run."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from factories import PASSWORD, Town

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    if not os.path.exists(CHROMIUM):
        pytest.skip("needs Debian's Chromium at /usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.mark.django_db(transaction=True)
def test_pages_work_under_the_policy_with_no_violation(
    chromium: Any, live_server: Any, town: Town
) -> None:
    base = live_server.url
    context = chromium.new_context(locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(15000)
    violations: list[str] = []
    page.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.goto(f"{base}/dang-nhap/")
    page.fill("input[name=username]", town.users["admin"].username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")
    for path in (
        f"/nghi-quyet/{town.resolution.pk}/",
        f"/chi-tieu/{town.revenue.pk}/",
        f"/chi-tieu/{town.revenue.pk}/ket-qua/",
        "/api/docs",
    ):
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
    assert page.locator(".swagger-ui").count() == 1  # the Swagger UI rendered (its own JS)
    # The language switch: an inline onchange handler, allowed by its hash.
    page.goto(f"{base}/nghi-quyet/{town.resolution.pk}/")
    if page.locator("select[name=language]").count():
        page.select_option("select[name=language]", "en")
        page.wait_for_load_state("networkidle")
        assert page.locator("html").get_attribute("lang") == "en"
    assert not violations, violations
    # An inline script slipped into a page would not run.
    page.goto(f"{base}/nghi-quyet/{town.resolution.pk}/")
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.__injected = 1'; document.body.appendChild(s); }"
    )
    assert page.evaluate("() => window.__injected") is None
    context.close()
