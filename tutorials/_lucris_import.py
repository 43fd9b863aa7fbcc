"""Actions the two tutorials about importing from ORCID share (the leading underscore keeps this from being a
tutorial): putting the iD on the research profile, and searching ORCID through Add new > Import from."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from _lucris import open_research_profile
from orcid_guide.engine.steps import Env


def with_orcid_id_on_profile(page: Page, env: Env) -> None:
    """The situation both tutorials start from: logged in to LUCRIS, with the iD on the research profile."""
    open_research_profile(page, env)
    page.get_by_label("ORCID", exact=True).fill(env.values["orcid_id"])
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text(env.values["orcid_id"])
    page.goto(env.url("lucris", "/dashboard"))


def add_new_menu(page: Page) -> Locator:
    return page.locator("#add-new-menu")


def open_add_new_publications(page: Page, env: Env) -> None:
    """Inside Add new, open its Publications submenu."""
    add_new_menu(page).get_by_role("button", name="Publications").click()


def search_orcid(page: Page, env: Env) -> None:
    """Publications > Add new > Publications > Publications > Import from > +, both boxes ticked; Search is next."""
    page.goto(env.url("lucris", "/publications"))
    page.get_by_role("button", name="Add new").click()
    open_add_new_publications(page, env)
    add_new_menu(page).get_by_role("link", name="Publications").click()
    page.get_by_role("link", name="Import from").click()
    page.get_by_role("button", name=f"Select {env.values['researcher']}").click()
    page.get_by_label("Search with ORCID ID of selected person").check()
    page.get_by_label("ORCID", exact=True).check()
