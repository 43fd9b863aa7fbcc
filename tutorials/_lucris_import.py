"""Actions the two tutorials about importing from ORCID share (the leading underscore keeps this from being a
tutorial): putting the iD on the research profile, and searching ORCID through Add new > Import from."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from _lucris import open_research_profile
from orcid_guide.engine.actions import check, click, goto, needs_env, perform
from orcid_guide.engine.elements import button, css, field, link, role
from orcid_guide.engine.env import Env

# The menu Add new opens (LUCRIS marks it up by its id only).
ADD_NEW_MENU = css("#add-new-menu")
ORCID_SOURCE = field("ORCID")
open_add_new_publications = click(button("Publications", within=ADD_NEW_MENU))
tick_search_with_orcid_id = check(field("Search with ORCID ID of selected person"))


@needs_env
def with_orcid_id_on_profile(page: Page, env: Env) -> None:
    """The situation both tutorials start from: logged in to LUCRIS, with the iD on the research profile."""
    perform(open_research_profile, page, env)
    ORCID_SOURCE.locate(page).fill(env.values["orcid_id"])
    click(button("Save"))(page)
    expect(role("status").locate(page)).to_contain_text(env.values["orcid_id"])
    page.goto(env.url("lucris", "/dashboard"))


# Publications > Add new > Publications > Publications > Import from > +, both boxes ticked; Search is next.
search_orcid = (
    goto("lucris", "/publications"),
    click(button("Add new")),
    open_add_new_publications,
    click(link("Publications", within=ADD_NEW_MENU)),
    click(link("Import from")),
    needs_env(lambda page, env: click(button(f"Select {env.values['researcher']}"))(page)),
    tick_search_with_orcid_id,
    check(ORCID_SOURCE),
)
