"""Actions the LUCRIS tutorials share (the leading underscore keeps this module from being a tutorial)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from orcid_guide.engine.kept_files import keep_download
from orcid_guide.engine.steps import Env


def fill_login(
    page: Page, env: Env, username_key: str = "lucris_username", password_key: str = "lucris_password"
) -> None:
    page.goto(env.url("lucris", "/login"))
    page.get_by_label("Username").fill(env.values[username_key])
    page.get_by_label("Password").fill(env.values[password_key])


def log_in(page: Page, env: Env, username_key: str = "lucris_username", password_key: str = "lucris_password") -> None:
    fill_login(page, env, username_key, password_key)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/dashboard")


def open_research_profile(page: Page, env: Env) -> None:
    log_in(page, env)
    page.get_by_role("link", name="Set Personal Preferences").click()
    page.get_by_role("button", name="More").click()
    page.get_by_role("link", name="Research Profile").click()


# Exporting publications as BibTeX: the steps of the export tutorial, and the whole export in one go for a
# tutorial that starts from the exported file (its prepare runs on its own fresh sandbox).
EXPORT_FILE = "lucris-publications.bib"
RESEARCHER = "Eva de Vries"
RESEARCHER_LAST_NAME = "de Vries"


def open_publications_menu(page: Page, env: Env) -> None:
    page.get_by_role("button", name="Publications").click()


def publications_link(page: Page) -> Locator:
    return page.get_by_role("navigation", name="Research content").get_by_role("link", name="Publications")


def filter_button(page: Page) -> Locator:
    return page.get_by_role("button", name="Filter", exact=True)


def query_mode_button(page: Page) -> Locator:
    return page.get_by_role("button", name="Switch to query mode")


def author_editors_button(page: Page) -> Locator:
    return page.get_by_role("button", name="Author/Editors", exact=True)


def select_value_button(page: Page) -> Locator:
    return page.get_by_role("button", name="select value")


def type_last_name(page: Page, env: Env) -> None:
    page.get_by_placeholder("Type a last name").fill(RESEARCHER_LAST_NAME)


def researcher_plus(page: Page) -> Locator:
    return page.get_by_role("listitem").filter(has_text=RESEARCHER).get_by_role("button", name="+")


def apply_button(page: Page) -> Locator:
    return page.get_by_role("button", name="Apply")


def page_size_link(size: str) -> Callable[[Page], Locator]:
    return lambda page: page.get_by_role("group", name="Research outputs per page").get_by_role(
        "link", name=size, exact=True
    )


def select_all_button(page: Page) -> Locator:
    return page.get_by_role("button", name="Select / Deselect all")


def export_button(page: Page) -> Locator:
    # The first "Export" opens the export panel; the panel has its own "Export" that downloads.
    return page.get_by_role("button", name="Export", exact=True).first


def choose_bibtex(page: Page, env: Env) -> None:
    page.get_by_label("Export format").select_option(label="BibTex")


def download_button(page: Page) -> Locator:
    return page.get_by_role("dialog", name="Export selected research outputs").get_by_role("button", name="Export")


def _select_page(page: Page) -> None:
    select_all_button(page).click()
    # The click reloads the list; its first box ticked means the new page is there.
    expect(page.get_by_role("checkbox").first).to_be_checked()


def export_publications(page: Page, env: Env, name: str = RESEARCHER, last_name: str = RESEARCHER_LAST_NAME) -> Path:
    """Log in, select all of the researcher's publications, export them as BibTeX, and keep the file."""
    log_in(page, env)
    open_publications_menu(page, env)
    publications_link(page).click()
    for button in (filter_button, query_mode_button, author_editors_button, select_value_button):
        button(page).click()
    page.get_by_placeholder("Type a last name").fill(last_name)
    page.get_by_role("listitem").filter(has_text=name).get_by_role("button", name="+").click()
    apply_button(page).click()
    expect(page.get_by_text(f"Author/Editors: {name}")).to_be_visible()
    page_size_link("100")(page).click()
    expect(page.locator(".page-size[aria-current]")).to_have_text("100")
    _select_page(page)
    next_page = page.get_by_role("navigation", name="Pages").get_by_role("link", name="Next")
    while next_page.count():
        address = page.url.split("/publications")[0] + (next_page.get_attribute("href") or "")
        next_page.click()
        page.wait_for_url(address)
        _select_page(page)
    export_button(page).click()
    choose_bibtex(page, env)
    return keep_download(page, env, EXPORT_FILE, download_button(page).click)
