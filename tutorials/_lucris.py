"""Actions the LUCRIS tutorials share (the leading underscore keeps this module from being a tutorial)."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from orcid_guide.engine.actions import EnvAction, click, fill, fill_value, goto, needs_env, select
from orcid_guide.engine.elements import (
    Element,
    button,
    dialog,
    field,
    group,
    link,
    list_item,
    navigation,
    placeholder,
    role,
    text,
)
from orcid_guide.engine.env import Env
from orcid_guide.engine.kept_files import keep_download


def fill_login(username_key: str = "lucris_username", password_key: str = "lucris_password") -> tuple[EnvAction, ...]:
    return (
        goto("lucris", "/login"),
        fill_value(field("Username"), username_key),
        fill_value(field("Password"), password_key),
    )


def log_in_as(username_key: str = "lucris_username", password_key: str = "lucris_password") -> EnvAction:
    @needs_env
    def act(page: Page, env: Env) -> None:
        for action in fill_login(username_key, password_key):
            action(page, env)
        click(button("Log in"))(page)
        page.wait_for_url("**/dashboard")

    return act


log_in = log_in_as()
open_research_profile = (
    log_in,
    click(link("Set Personal Preferences")),
    click(button("More")),
    click(link("Research Profile")),
)


# Exporting publications as BibTeX: the steps of the export tutorial, and the whole export in one go for a
# tutorial that starts from the exported file (its prepare runs on its own fresh sandbox).
EXPORT_FILE = "lucris-publications.bib"
RESEARCHER = "Eva de Vries"
RESEARCHER_LAST_NAME = "de Vries"

open_publications_menu = click(button("Publications"))
PUBLICATIONS_LINK = link("Publications", within=navigation("Research content"))
LAST_NAME = placeholder("Type a last name")
RESEARCHER_PLUS = button("+", within=list_item(RESEARCHER))
type_last_name = fill(LAST_NAME, RESEARCHER_LAST_NAME)
# The first "Export" opens the export panel; the panel has its own "Export" that downloads.
EXPORT_BUTTON = button("Export", first=True)
choose_bibtex = select(field("Export format"), "BibTex")
DOWNLOAD_BUTTON = button("Export", within=dialog("Export selected research outputs"))
# The buttons the export clicks in turn to filter the list on an author.
FILTER_BUTTONS = tuple(button(name) for name in ("Filter", "Switch to query mode", "Author/Editors", "select value"))


def page_size_link(size: str) -> Element:
    return link(size, within=group("Research outputs per page"))


def _select_page(page: Page) -> None:
    click(button("Select / Deselect all"))(page)
    # The click reloads the list; its first box ticked means the new page is there.
    expect(role("checkbox").locate(page).first).to_be_checked()


def export_publications(page: Page, env: Env, name: str = RESEARCHER, last_name: str = RESEARCHER_LAST_NAME) -> Path:
    """Log in, select all of the researcher's publications, export them as BibTeX, and keep the file."""
    log_in(page, env)
    open_publications_menu(page)
    for element in (PUBLICATIONS_LINK, *FILTER_BUTTONS):
        click(element)(page)
    fill(LAST_NAME, last_name)(page)
    click(button("+", within=list_item(name)))(page)
    click(button("Apply"))(page)
    expect(text(f"Author/Editors: {name}", exact=False).locate(page)).to_be_visible()
    click(page_size_link("100"))(page)
    expect(page.locator(".page-size[aria-current]")).to_have_text("100")
    _select_page(page)
    next_page = link("Next", within=navigation("Pages")).locate(page)
    while next_page.count():
        address = page.url.split("/publications")[0] + (next_page.get_attribute("href") or "")
        next_page.click()
        page.wait_for_url(address)
        _select_page(page)
    click(EXPORT_BUTTON)(page)
    choose_bibtex(page)
    return keep_download(page, env, EXPORT_FILE, lambda: click(DOWNLOAD_BUTTON)(page))
