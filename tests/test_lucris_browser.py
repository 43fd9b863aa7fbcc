"""Mock LUCRIS in a real Chromium over real HTTP: the seed page's way to the ORCID field, by role and label."""

from __future__ import annotations

import sqlite3

from playwright.sync_api import Page, expect

from orcid_guide.sandbox.launcher import RunningSandbox

VALID_ID = "0000-0002-1825-0097"


def test_log_in_then_set_personal_preferences_more_research_profile_and_type_an_id(
    sandbox: RunningSandbox, page: Page
) -> None:
    page.goto(f"{sandbox.lucris_url}/login")
    page.get_by_label("Username").fill("evries")
    page.get_by_label("Password").fill("lucris-eva")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()

    page.get_by_role("button", name="Eva de Vries").click()
    expect(page.get_by_role("link", name="My Settings")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.get_by_role("link", name="My Settings")).to_be_hidden()

    page.get_by_role("link", name="Set Personal Preferences").click()
    expect(page.get_by_role("link", name="Research Profile")).to_be_hidden()
    page.get_by_role("button", name="More").click()
    page.get_by_role("link", name="Research Profile").click()
    expect(page.get_by_role("heading", name="Research identifiers")).to_be_visible()

    page.get_by_label("ORCID", exact=True).fill("0000-0002-1825-0098")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert")).to_contain_text("wrong check digit")
    page.get_by_label("ORCID", exact=True).fill(f"https://orcid.org/{VALID_ID}")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_have_text(
        f"Your ORCID iD {VALID_ID} has been saved on your research profile."
    )
    expect(page.get_by_label("ORCID", exact=True)).to_have_value(VALID_ID)
    expect(page.get_by_role("button", name="Lookup ORCID")).to_be_visible()
    with sqlite3.connect(sandbox.lucris.database) as db:
        assert db.execute("SELECT orcid_id FROM persons WHERE username = 'evries'").fetchone()[0] == VALID_ID
