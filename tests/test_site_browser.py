"""The built site in a real browser, as a reader gets it from a web server: no errors, no serious axe findings
at desktop and phone widths, a title that fits, working 404 pages."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, Route

from orcid_guide.engine.animation import CAPTION_FONT_PX
from orcid_guide.engine.browser import Viewport, new_context
from orcid_guide.site_server import SiteHandler
from tests.helpers.site_pages import LANGUAGES, PAGES, page_url
from tests.helpers.static_host import PUBLISHED_AT, SUB_PATH, served

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
NOT_FOUND = {"en": "Page not found", "nl": "Pagina niet gevonden"}
NOT_FOUND_LOG = "Failed to load resource: the server responded with a status of 404 (Not Found)"
SERIOUS = ("serious", "critical")
DESKTOP = (1280, 800)
PHONE = (390, 844)


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
    context = new_context(browser, Viewport(*DESKTOP))
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="session")
def axe() -> Axe:
    return Axe()


def serious_violations(axe: Axe, page: Page) -> list[str]:
    """axe's serious and critical findings on the page as it is now, one line per rule and element."""
    violations = axe.run(page).response["violations"]
    return [
        f"{violation['id']} ({violation['impact']}): {node['target']} {node.get('failureSummary', '')[:200]}"
        for violation in violations
        if violation["impact"] in SERIOUS
        for node in violation["nodes"]
    ]


def title_fits(page: Page) -> bool:
    """Whether the site title in the header is shown whole: not cut off, not outside the header."""
    return bool(
        page.evaluate(
            """() => {
                const title = document.querySelector(".md-header__topic .md-ellipsis");
                const header = document.querySelector(".md-header").getBoundingClientRect();
                const box = title.getBoundingClientRect();
                return title.scrollWidth <= title.clientWidth && box.top >= header.top && box.bottom <= header.bottom;
            }"""
        )
    )


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", (*PAGES, "404"))
def test_a_page_has_no_errors_and_no_serious_accessibility_problems_on_desktop_and_phone(
    reader: Page, axe: Axe, site_url: str, language: str, page: str
) -> None:
    folder = "" if language == "en" else f"{language}/"
    url = f"{site_url}/{folder}no-such-page/" if page == "404" else site_url + page_url(language, page)
    problems = visit(reader, url)
    if page == "404":
        problems.remove(NOT_FOUND_LOG)
    assert problems == []
    assert serious_violations(axe, reader) == []
    reader.set_viewport_size({"width": PHONE[0], "height": PHONE[1]})
    assert serious_violations(axe, reader) == []
    assert title_fits(reader)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_missing_page_gets_the_404_page_of_its_language(reader: Page, site_url: str, language: str) -> None:
    folder = "" if language == "en" else f"{language}/"
    url = f"{site_url}/{folder}no-such-page/deeper/"
    assert visit(reader, url) == [NOT_FOUND_LOG]
    assert reader.locator("html").get_attribute("lang") == language
    assert reader.get_by_role("heading", level=1).inner_text() == NOT_FOUND[language]
    reader.get_by_role(
        "link", name={"en": "home page of the guide", "nl": "startpagina van de handleiding"}[language]
    ).click()
    assert urlsplit(reader.url).path == SUB_PATH + ("/" if language == "en" else f"/{language}/")
    reader.go_back()
    switcher = reader.locator("a.md-select__link").evaluate_all("(links) => links.map(link => link.href)")
    assert [urlsplit(href).path.replace("/./", "/") for href in switcher] == [f"{SUB_PATH}/", f"{SUB_PATH}/nl/"]


@pytest.mark.parametrize("sitemap", ["sitemap.xml", "nl/sitemap.xml"])
def test_the_sitemaps_list_every_page_at_its_address_with_its_translation(site: Path, sitemap: str) -> None:
    site_url = PUBLISHED_AT.rstrip("/")
    urls = ElementTree.parse(site / sitemap).getroot().findall(f"{SITEMAP}url")
    languages = LANGUAGES if sitemap == "sitemap.xml" else ("nl",)
    expected = {site_url + page_url(language, page) for language in languages for page in PAGES}
    assert {url.findtext(f"{SITEMAP}loc") for url in urls} == expected
    for url in urls:
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")}
        assert set(alternates) == set(LANGUAGES)
        assert all(href and href.startswith(site_url + "/") for href in alternates.values())


def test_on_a_phone_a_tap_on_the_cropped_screenshot_opens_the_whole_screen(browser: Browser, site_url: str) -> None:
    context = new_context(browser, Viewport(*PHONE))
    context.set_default_timeout(10_000)
    try:
        page = context.new_page()
        page.goto(site_url + page_url("nl", "connect-lucris-to-orcid"))
        shot = page.locator("a.glightbox").filter(has=page.locator("img.phone-crop")).first
        shot.scroll_into_view_if_needed()
        # The phone shows the crop, a small image, not the 1024 px screenshot.
        shown = shot.locator("img").evaluate("(image) => image.currentSrc")
        assert "/phone/" in shown
        shot.click()
        opened = page.locator(".glightbox-container .gslide.current img")
        opened.wait_for()
        assert "/phone/" not in (opened.get_attribute("src") or "")
        assert opened.evaluate("(image) => image.naturalWidth") == 1024
    finally:
        context.close()


ANIMATION_SUMMARY = {
    "en": "Show the animation of the 6 steps above",
    "nl": "Toon de animatie van de 6 stappen hierboven",
}
OPEN_FULL_SIZE = {"en": "Open the animation full size", "nl": "Open de animatie op ware grootte"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_on_a_phone_the_animation_fits_its_captions_can_be_read_and_it_opens_full_size(
    browser: Browser, site_url: str, language: str
) -> None:
    context = new_context(browser, Viewport(*PHONE))
    context.set_default_timeout(10_000)
    try:
        page = context.new_page()
        page.goto(site_url + page_url(language, "connect-lucris-to-orcid"))
        page.get_by_text(ANIMATION_SUMMARY[language]).click()
        movie = page.locator("img.animation")
        movie.wait_for()
        movie.scroll_into_view_if_needed()
        page.wait_for_function("(image) => image.complete && image.naturalWidth > 0", arg=movie.element_handle())
        shown, natural = movie.evaluate("(image) => [image.getBoundingClientRect().width, image.naturalWidth]")
        assert shown <= PHONE[0]
        # The caption's type, as large as the phone draws it: no smaller than the page's own small print.
        assert CAPTION_FONT_PX * shown / natural >= 12
        assert movie.get_attribute("src", timeout=0).endswith(f"animation-{language}.png")  # type: ignore[union-attr]
        page.get_by_role("link", name=OPEN_FULL_SIZE[language]).click()
        page.wait_for_url(f"**/animation-{language}.png")
        assert page.locator("img").evaluate("(image) => image.naturalWidth") == natural
    finally:
        context.close()


class OneNotFoundPageHandler(SiteHandler):
    """A host like GitHub Pages: every missing address gets the guide's root 404.html, also under /nl/."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        body = (Path(self.directory) / SUB_PATH.strip("/") / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_a_host_with_one_404_page_shows_dutch_readers_the_dutch_one(reader: Page, site: Path, tmp_path: Path) -> None:
    (tmp_path / SUB_PATH.strip("/")).symlink_to(site, target_is_directory=True)  # served as published
    with served(tmp_path, OneNotFoundPageHandler) as host:
        origin = host + SUB_PATH
        reader.goto(f"{origin}/nl/no-such-page/")
        reader.get_by_role("heading", level=1, name=NOT_FOUND["nl"]).wait_for()
        assert reader.locator("html").get_attribute("lang") == "nl"
        # The reader still sees the address they typed.
        assert urlsplit(reader.url).path == f"{SUB_PATH}/nl/no-such-page/"
        reader.goto(f"{origin}/no-such-page/")
        assert reader.get_by_role("heading", level=1).inner_text() == NOT_FOUND["en"]


def test_the_language_switcher_keeps_the_section_being_read(reader: Page, site_url: str) -> None:
    # Material fetches each language's sitemap after load and then rewrites switcher clicks from whichever arrived
    # first; with the Dutch one first, on a host whose port is not site_url's (any local serve), it sent readers to
    # the Dutch home page. Hold the English sitemap until the Dutch one is in, so that order is what is tested.
    held: list[Route] = []
    reader.route("**/orcid-guide/sitemap.xml", lambda route: held.append(route))
    with reader.expect_response("**/orcid-guide/nl/sitemap.xml"):
        reader.goto(site_url + page_url("en", "auto-update") + "#withdrawing-the-permission")
    for route in held:
        route.continue_()
    reader.unroute("**/orcid-guide/sitemap.xml")
    reader.wait_for_load_state("networkidle")
    reader.locator(".md-select").first.hover()
    reader.locator("a.md-select__link[hreflang=nl]").click()
    # Only the address matters here; waiting for every screenshot to load is what made this slow under load.
    reader.wait_for_url("**/nl/auto-update/**", wait_until="domcontentloaded")
    assert urlsplit(reader.url).fragment == "withdrawing-the-permission"
    reader.locator(".md-select").first.hover()
    reader.locator("a.md-select__link[hreflang=en]").click()
    reader.wait_for_url(lambda url: "/nl/" not in url, wait_until="domcontentloaded")
    assert urlsplit(reader.url).fragment == "withdrawing-the-permission"
