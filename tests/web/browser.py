"""Chromium for the browser tests: Debian's /usr/bin/chromium driven by Playwright.

Never `playwright install`: it downloads a browser build, which these machines cannot fetch.
In CI (CI=true) a missing Chromium fails the test instead of skipping it, so the browser tests
cannot silently stop running."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from factories import PASSWORD

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium keeps dialling out, and this machine's
# closed network refuses every attempt.
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def launch_chromium() -> Iterator[Any]:
    if not os.path.exists(CHROMIUM):
        message = "cần Chromium của Debian tại /usr/bin/chromium (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def login(chromium: Any, base: str, username: str) -> Any:
    """A new browser context logged in as `username`, on the resolutions list."""
    context = chromium.new_context(locale="vi-VN", viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(f"{base}/dang-nhap/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")
    return page
