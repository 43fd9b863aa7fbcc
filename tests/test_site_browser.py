"""The built site in a real browser, as a reader gets it from a web server: no errors, working 404 pages."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page

from conftest import ROOT, serve
from orcid_guide.engine.browser import Viewport, new_context
from test_site import LANGUAGES, PAGES, page_url

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
NOT_FOUND = {"en": "Page not found", "nl": "Pagina niet gevonden"}


def visit(page: Page, url: str) -> list[str]:
    """Open ``url`` and return every console error and every failed or refused request on the way."""
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("requestfailed", lambda request: problems.append(f"{request.url} failed"))
    page.on(
        "response",
        lambda response: (
            problems.append(f"{response.url}: {response.status}")
            if response.status >= 400 and response.url != url
            else None
        ),
    )
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return problems


@pytest.fixture
def reader(browser: Browser) -> Iterator[Page]:
    context = new_context(browser, Viewport(1280, 800))
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_a_page_loads_without_console_errors(reader: Page, site_url: str, language: str, page: str) -> None:
    assert visit(reader, site_url + page_url(language, page)) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_missing_page_gets_the_404_page_of_its_language(reader: Page, site_url: str, language: str) -> None:
    folder = "" if language == "en" else f"{language}/"
    url = f"{site_url}/{folder}no-such-page/deeper/"
    assert visit(reader, url) == ["Failed to load resource: the server responded with a status of 404 (Not Found)"]
    assert reader.locator("html").get_attribute("lang") == language
    assert reader.get_by_role("heading", level=1).inner_text() == NOT_FOUND[language]
    reader.get_by_role(
        "link", name={"en": "home page of the guide", "nl": "startpagina van de handleiding"}[language]
    ).click()
    assert urlsplit(reader.url).path == ("/" if language == "en" else f"/{language}/")


def test_the_404_pages_work_on_a_host_that_serves_the_guide_from_a_sub_path(browser: Browser, tmp_path: Path) -> None:
    site = tmp_path / "host" / "guide"
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "https://guides.example.org/guide/"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        env=environment,
        check=True,
        capture_output=True,
        timeout=300,
    )
    context = new_context(browser, Viewport(1280, 800))
    try:
        page = context.new_page()
        for host in serve(tmp_path / "host"):
            problems = visit(page, f"{host}/guide/nl/verdwenen/pagina/")
            assert problems == ["Failed to load resource: the server responded with a status of 404 (Not Found)"]
            assert page.get_by_role("heading", level=1).inner_text() == NOT_FOUND["nl"]
            page.get_by_role("link", name="startpagina van de handleiding").click()
            assert urlsplit(page.url).path == "/guide/nl/"
    finally:
        context.close()


@pytest.mark.parametrize("sitemap", ["sitemap.xml", "nl/sitemap.xml"])
def test_the_sitemaps_list_every_page_at_its_address_with_its_translation(site: Path, sitemap: str) -> None:
    site_url = "https://orcid-guide.leidenuniv.nl"
    urls = ElementTree.parse(site / sitemap).getroot().findall(f"{SITEMAP}url")
    languages = LANGUAGES if sitemap == "sitemap.xml" else ("nl",)
    expected = {site_url + page_url(language, page) for language in languages for page in PAGES}
    assert {url.findtext(f"{SITEMAP}loc") for url in urls} == expected
    for url in urls:
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")}
        assert set(alternates) == set(LANGUAGES)
        assert all(href and href.startswith(site_url + "/") for href in alternates.values())
