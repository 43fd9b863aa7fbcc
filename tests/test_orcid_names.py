"""The Names section and dialog (orcid-angular's top-bar and modal-name), in a real Chromium over real HTTP, and
what their visibility does: a name that is not public is found by no search, not by LUCRIS's Lookup ORCID, and
shown to no one but its owner, neither on the public page nor in the public API."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from orcid_guide.sandbox.launcher import RunningSandbox
from orcid_guide.sandbox.lucris import orcid_client
from orcid_guide.sandbox.orcid.demo_data import EVA, EVA_NAMESAKE
from tests.helpers.orcid_forms import make_app, post_form, sign_in


def _get_json(url: str) -> dict[str, Any]:
    request = urllib.request.Request(url, headers={"Accept": "application/vnd.orcid+json"})
    with urllib.request.urlopen(request, timeout=5) as answer:
        data: dict[str, Any] = json.load(answer)
        return data


def _evas(sandbox: RunningSandbox) -> list[str]:
    return [match.orcid_id for match in orcid_client.search_by_name(sandbox.orcid_url, "Eva", "de Vries")]


def _set_names_visibility(page: Page, option: str, closed: str) -> None:
    page.get_by_role("region", name="Names").get_by_role("button", name="Manage your names").click()
    dialog = page.get_by_role("dialog", name="Manage your names dialog")
    expect(dialog.get_by_role("heading", name="Who can see your names")).to_be_visible()
    # The dialog is a page of its own: its menu works once the page's scripts have run.
    page.wait_for_load_state("load")
    dialog.get_by_role("button", name="Your names visibility is currently set to").click()
    dialog.get_by_role("menuitem", name=f"Set other names visibility to {option}").click()
    # Choosing only changes the form: the button shows the new level, nothing is saved until "Save changes".
    expect(dialog.get_by_role("button", name=f"Your names visibility is currently set to {closed}")).to_have_text(
        closed
    )
    dialog.get_by_role("button", name="Save changes to Names").click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_role("img", name=f"visibility is currently set to {closed}")).to_be_visible()


def test_a_name_is_found_and_shown_only_while_it_is_public(sandbox: RunningSandbox, page: Page) -> None:
    assert _evas(sandbox) == [EVA.orcid, EVA_NAMESAKE.orcid]
    page.goto(f"{sandbox.orcid_url}/signin")
    page.get_by_label("Email or ORCID iD").fill(EVA.email)
    page.get_by_label("Password").fill(EVA.password)
    page.get_by_role("button", name="Sign in to ORCID").click()
    expect(page.get_by_role("heading", name="Names", level=2)).to_be_visible()
    expect(page.get_by_role("img", name="visibility is currently set to Everyone")).to_be_visible()

    for option, closed in (("Only Me", "Only me"), ("Trusted Parties", "Trusted")):
        _set_names_visibility(page, option, closed)
        # The owner still sees her name on her record; nobody else finds or reads it.
        expect(page.get_by_role("heading", name="Eva de Vries", level=1)).to_be_visible()
        assert _evas(sandbox) == [EVA_NAMESAKE.orcid], option
        assert orcid_client.find_by_id(sandbox.orcid_url, EVA.orcid) is None
        person = _get_json(f"{sandbox.orcid_url}/v3.0/{EVA.orcid}/person")
        assert person["name"] is None, option
        public_page = urllib.request.urlopen(f"{sandbox.orcid_url}/{EVA.orcid}", timeout=5).read().decode()
        assert '<h1 class="record-name">Name is private</h1>' in public_page
        assert "<title>ORCID</title>" in public_page
        # Nor as the source of her own works (ORCID names a person as a source by their public name only).
        assert "Eva de Vries" not in public_page, option
        works = _get_json(f"{sandbox.orcid_url}/v3.0/{EVA.orcid}/works")
        sources = [summary["source"] for group in works["group"] for summary in group["work-summary"]]
        assert sources and all(source["source-name"] is None for source in sources), option

    # LUCRIS's Lookup ORCID, in the browser, lists only the namesake now.
    page.goto(f"{sandbox.lucris_url}/login")
    page.get_by_label("Username").fill("evries")
    page.get_by_label("Password").fill("lucris-eva")
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{sandbox.lucris_url}/preferences/research-profile?lookup=1")
    rows = page.get_by_role("table", name="ORCID records matching Eva de Vries").get_by_role("row")
    expect(rows).to_have_count(2)  # the header and the Groningen Eva
    expect(rows.nth(1)).to_contain_text("University of Groningen")

    page.goto(f"{sandbox.orcid_url}/my-orcid")
    _set_names_visibility(page, "Everyone", "Everyone")
    assert _evas(sandbox) == [EVA.orcid, EVA_NAMESAKE.orcid]
    public_page = urllib.request.urlopen(f"{sandbox.orcid_url}/{EVA.orcid}", timeout=5).read().decode()
    assert "<strong>Source:</strong> Eva de Vries" in public_page
    page.goto(f"{sandbox.lucris_url}/preferences/research-profile?lookup=1")
    expect(rows).to_have_count(3)
    expect(rows.nth(1)).to_contain_text("Leiden University")
    expect(rows.nth(2)).to_contain_text("University of Groningen")


@pytest.mark.parametrize(
    ("given", "visibility", "message"),
    [
        ("  ", "public", "Please enter your given names"),
        ("E" * 101, "public", "Must be less than 100 characters"),
        ("Eva", "everyone", "Please choose who can see your names"),
    ],
)
def test_the_names_dialog_refuses_bad_input_with_one_sentence_and_saves_nothing(
    tmp_path: Path, given: str, visibility: str, message: str
) -> None:
    app = make_app(tmp_path)
    client = app.test_client()
    sign_in(client, EVA.email, EVA.password)
    answer = post_form(
        client,
        "/my-orcid/names",
        {"given_names": given, "family_names": "de Vries", "credit_name": "", "visibility": visibility},
    )
    assert answer.status_code == 200
    assert message in answer.text and 'aria-label="Manage your names dialog"' in answer.text
    record = client.get("/my-orcid").text
    assert "Eva de Vries" in record and "visibility is currently set to Everyone" in record
