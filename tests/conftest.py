"""Fixtures in the playwright-pytest shape: playwright → browser → context → page, plus a live sandbox."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from orcid_guide.engine.browser import Viewport, launch_chromium, new_context
from orcid_guide.sandbox.launcher import RunningSandbox, running_sandbox


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = launch_chromium(playwright)
    yield browser
    browser.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = new_context(browser, Viewport())
    context.set_default_timeout(5_000)
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[RunningSandbox]:
    """Both apps on loopback with fresh databases, a fixed clock and fixed iDs."""
    with running_sandbox(tmp_path / "sandbox") as running:
        yield running
