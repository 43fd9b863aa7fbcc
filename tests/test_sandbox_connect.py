"""LUCRIS and the ORCID emulator together, over real HTTP: connect, push on validation, revoke, reconnect."""

from __future__ import annotations

import json
import urllib.request

from playwright.sync_api import Browser, Page, expect

from orcid_guide.sandbox.launcher import RunningSandbox
from orcid_guide.targets import DEMO_VALUES as DEMO

MICROPLASTICS = "7ebf8646a9f33f1b8764d9e076fb18ec"  # Eva's, For validation, Public, DOI 10.5555/cml.2026.0115
CIRCULAR = "3683ccc6668947b1aea102683bb6d833"  # Eva's, For validation, Public, DOI 10.5555/cml.2025.1103
NITROGEN = "5b335b28f194647d69865fe06eb9c811"  # Eva's, For validation, visible on campus only


def log_in_to_lucris(page: Page, sandbox: RunningSandbox, username: str, password: str) -> None:
    page.goto(f"{sandbox.lucris_url}/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()


def connect(page: Page, sandbox: RunningSandbox) -> None:
    log_in_to_lucris(page, sandbox, DEMO["lucris_username"], DEMO["lucris_password"])
    page.goto(f"{sandbox.lucris_url}/my-settings")
    page.get_by_role("button", name="Connect to ORCID").click()
    page.get_by_label("Email or ORCID iD").fill(DEMO["orcid_email"])
    page.get_by_label("Password").fill(DEMO["orcid_password"])
    page.get_by_role("button", name="Sign in to ORCID").click()
    page.get_by_role("button", name="Authorize access").click()
    expect(page.get_by_text("Connected", exact=True)).to_be_visible()


def validate(browser: Browser, sandbox: RunningSandbox, uuid: str) -> None:
    editor = browser.new_context()
    try:
        page = editor.new_page()
        log_in_to_lucris(page, sandbox, DEMO["lucris_editor"], DEMO["lucris_editor_password"])
        page.goto(f"{sandbox.lucris_url}/publications/{uuid}")
        page.get_by_label("Workflow step").select_option("Validated")
        page.get_by_role("button", name="Save").click()
        expect(page.get_by_text("Validated").first).to_be_visible()
    finally:
        editor.close()


def public_works(sandbox: RunningSandbox) -> list[dict[str, object]]:
    request = urllib.request.Request(
        f"{sandbox.orcid_url}/v3.0/{DEMO['orcid_id']}/works", headers={"Accept": "application/vnd.orcid+json"}
    )
    with urllib.request.urlopen(request, timeout=5) as answer:
        groups = json.load(answer)["group"]
    return [summary for group in groups for summary in group["work-summary"]]


def titles_by_source(sandbox: RunningSandbox, source: str) -> set[str]:
    return {
        work["title"]["title"]["value"]  # type: ignore[index]
        for work in public_works(sandbox)
        if work["source"]["source-name"]["value"] == source  # type: ignore[index]
    }


def test_a_validated_public_publication_reaches_orcid_with_its_doi_as_self_id(
    browser: Browser, page: Page, sandbox: RunningSandbox
) -> None:
    connect(page, sandbox)
    assert titles_by_source(sandbox, "LUCRIS - Leiden University") == set()  # no backfill on connecting

    validate(browser, sandbox, MICROPLASTICS)
    validate(browser, sandbox, NITROGEN)  # campus-only in LUCRIS: Converis sends it all the same once Validated

    pushed = [w for w in public_works(sandbox) if w["source"]["source-name"]["value"] == "LUCRIS - Leiden University"]  # type: ignore[index]
    assert sorted(w["title"]["title"]["value"] for w in pushed) == [  # type: ignore[index]
        "Microplastics in Rhine sediments: a five-year survey",
        "Tracing nitrogen flows in peri-urban agriculture",
    ]
    pushed = [w for w in pushed if w["title"]["title"]["value"].startswith("Microplastics")]  # type: ignore[index]
    ids = pushed[0]["external-ids"]["external-id"]  # type: ignore[index]
    doi = ids[0]
    assert (doi["external-id-type"], doi["external-id-value"], doi["external-id-relationship"]) == (
        "doi",
        "10.5555/cml.2026.0115",
        "self",
    )


def test_revoking_lucris_on_orcid_is_noticed_in_lucris_and_nothing_is_lost(
    browser: Browser, page: Page, sandbox: RunningSandbox
) -> None:
    connect(page, sandbox)
    validate(browser, sandbox, MICROPLASTICS)

    page.goto(f"{sandbox.orcid_url}/trusted-parties")
    page.get_by_role("listitem").filter(
        has=page.get_by_role("heading", name="LUCRIS - Leiden University", exact=True)
    ).get_by_role("link", name="Revoke access").click()
    page.get_by_role("button", name="Revoke access permissions").click()
    expect(page.get_by_text("You haven't added any trusted organizations yet.")).to_be_visible()

    validate(browser, sandbox, CIRCULAR)  # LUCRIS's push now meets a dead token

    page.goto(f"{sandbox.lucris_url}/my-settings")
    expect(page.get_by_text("The connection with ORCID is no longer active.")).to_be_visible()
    expect(page.get_by_role("button", name="Connect to ORCID")).to_be_visible()
    assert titles_by_source(sandbox, "LUCRIS - Leiden University") == {
        "Microplastics in Rhine sediments: a five-year survey"
    }

    # Connecting again works, and the push that failed is delivered.
    page.get_by_role("button", name="Connect to ORCID").click()
    page.get_by_role("button", name="Authorize access").click()
    expect(page.get_by_text("Connected", exact=True)).to_be_visible()
    assert titles_by_source(sandbox, "LUCRIS - Leiden University") == {
        "Microplastics in Rhine sediments: a five-year survey",
        "Circular economy indicators for Dutch municipalities",
    }
