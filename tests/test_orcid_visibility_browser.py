"""The visibility controls in a real browser, found by role and name as the tutorials find them."""

from __future__ import annotations

import json
import urllib.request

from playwright.sync_api import Page, expect

from orcid_guide.sandbox.launcher import RunningSandbox
from orcid_guide.targets import DEMO_VALUES as DEMO

CHAPTER = "Material flow analysis"
PEAT = "Seasonal dynamics of soil microbial communities in Dutch peat meadows"


def sign_in(page: Page, sandbox: RunningSandbox) -> None:
    page.goto(f"{sandbox.orcid_url}/signin")
    page.get_by_label("Email or ORCID iD").fill(DEMO["orcid_email"])
    page.get_by_label("Password").fill(DEMO["orcid_password"])
    page.get_by_role("button", name="Sign in to ORCID").click()
    expect(page.get_by_role("heading", name="Works")).to_be_visible()


def public_titles(sandbox: RunningSandbox) -> set[str]:
    request = urllib.request.Request(
        f"{sandbox.orcid_url}/v3.0/{DEMO['orcid_id']}/works", headers={"Accept": "application/vnd.orcid+json"}
    )
    with urllib.request.urlopen(request, timeout=5) as answer:
        groups = json.load(answer)["group"]
    return {s["title"]["title"]["value"] for g in groups for s in g["work-summary"]}


def test_a_work_menu_button_opens_the_three_levels_and_saves_on_click(page: Page, sandbox: RunningSandbox) -> None:
    sign_in(page, sandbox)
    button = page.get_by_role("button", name=f"{CHAPTER} visibility is currently set to Everyone")
    expect(button).to_have_text("Everyone")
    expect(page.get_by_role("menuitem", name="set item visibility to Only Me")).to_have_count(0)
    button.click()
    menu = page.get_by_role("menu", name=f"{CHAPTER} visibility is currently set to Everyone")
    expect(menu.get_by_role("heading", name="Set visibility for")).to_be_visible()
    expect(menu.get_by_text("This item only")).to_be_visible()
    expect(menu.get_by_role("menuitem")).to_have_text(
        ["Everyone", "Trusted Parties", "Only me", "More information on ORCID visibility settings"]
    )
    expect(menu.get_by_role("menuitem", name="set item visibility to Everyone (Currently selected)")).to_be_visible()
    menu.get_by_role("menuitem", name="set item visibility to Only Me").click()
    only_me = page.get_by_role("button", name=f"{CHAPTER} visibility is currently set to Only me")
    expect(only_me).to_have_text("Only me")
    assert CHAPTER not in public_titles(sandbox)
    only_me.click()
    page.get_by_role("menuitem", name="set item visibility to Everyone").click()
    expect(button).to_be_visible()
    assert CHAPTER in public_titles(sandbox)


def test_escape_closes_the_visibility_menu_without_saving(page: Page, sandbox: RunningSandbox) -> None:
    sign_in(page, sandbox)
    page.get_by_role("button", name=f"{CHAPTER} visibility is currently set to Everyone").click()
    expect(page.get_by_role("menuitem", name="set item visibility to Only Me")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.get_by_role("menuitem", name="set item visibility to Only Me")).to_be_hidden()
    assert CHAPTER in public_titles(sandbox)


def test_select_all_and_the_bulk_dialog(page: Page, sandbox: RunningSandbox) -> None:
    sign_in(page, sandbox)
    page.get_by_label("Select all").check()
    expect(page.get_by_role("checkbox", name=f"Select {PEAT}")).to_be_checked()
    page.get_by_role("button", name="Actions").click()
    ticked = page.locator("[data-select-work]:checked").count()
    item = page.get_by_role("menuitem", name=f"Set visibility for selected works ({ticked})", exact=True)
    expect(item).to_be_enabled()
    item.click()
    dialog = page.get_by_role("dialog", name="Set visibility selected works")
    expect(dialog.get_by_role("heading", name=f"Selected works to set visibility ({ticked})")).to_be_visible()
    expect(dialog.get_by_role("heading", name=PEAT)).to_be_visible()
    # The control starts at the default visibility (Everyone), not at the works' own; choosing only sets it.
    expect(dialog.get_by_text("Your default visibility is Everyone.")).to_be_visible()
    dialog.get_by_role("button", name="Works visibility is currently set to Everyone").click()
    dialog.get_by_role("menuitem", name="set item visibility to Trusted Parties").click()
    expect(dialog.get_by_role("button", name="Works visibility is currently set to Trusted")).to_be_visible()
    assert PEAT in public_titles(sandbox)
    dialog.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("dialog")).to_have_count(0)
    assert public_titles(sandbox) == set()


def test_set_visibility_for_selected_works_counts_the_ticked_works(page: Page, sandbox: RunningSandbox) -> None:
    sign_in(page, sandbox)
    page.get_by_role("button", name="Actions").click()
    expect(page.get_by_role("menuitem", name="Set visibility for selected works (0)", exact=True)).to_be_disabled()
    page.get_by_role("checkbox", name=f"Select {PEAT}").check()
    page.get_by_role("button", name="Actions").click()
    expect(page.get_by_role("menuitem", name="Set visibility for selected works (1)", exact=True)).to_be_enabled()


def test_the_default_for_new_items_saves_when_chosen(page: Page, sandbox: RunningSandbox) -> None:
    sign_in(page, sandbox)
    page.goto(f"{sandbox.orcid_url}/account")
    page.get_by_role("button", name="Show details").last.click()
    page.get_by_role("radio", name="Only me (8% of users choose this)").click()
    page.wait_for_url("**/account#visibility")
    expect(page.get_by_role("radio", name="Only me (8% of users choose this)")).to_be_checked()
    expect(page.get_by_role("status")).to_have_count(0)
    expect(page.get_by_text("Changes have been saved successfully.")).to_have_count(0)
