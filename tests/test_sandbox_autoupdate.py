"""Crossref and DataCite with the ORCID emulator, over real HTTP: Search & Link, auto-update, the inbox, revoking."""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.request
from typing import Any

from playwright.sync_api import Locator, Page, expect

from orcid_guide.sandbox.launcher import RunningSandbox
from orcid_guide.sandbox.registry.fixtures import EVA, OTHER_EVA
from orcid_guide.sandbox.registry.settings import RegistrySettings
from orcid_guide.targets import DEMO_VALUES as DEMO

GREENHOUSE = "Greenhouse gas fluxes after rewetting a Dutch peat meadow: a field experiment"
NAMESAKES_ARTICLE = "Selective hydrogenation over nickel phosphide catalysts"
PEAT_SEQUENCES = "Soil microbial community sequences from Dutch peat meadows, 2019-2022"


def revoke_link(page: Page, organization: str) -> Locator:
    """The "Revoke access" link of one organization on Trusted parties."""
    panel = page.get_by_role("listitem").filter(has=page.get_by_role("heading", name=organization, exact=True))
    return panel.get_by_role("link", name="Revoke access")


def http(method: str, url: str, body: Any = None, as_depositor: RegistrySettings | None = None) -> tuple[int, Any]:
    data = json.dumps(body).encode() if body is not None else None
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if as_depositor is not None:
        account = f"{as_depositor.depositor}:{as_depositor.depositor_password}".encode()
        headers["Authorization"] = "Basic " + base64.b64encode(account).decode()
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, json.load(answer)
    except urllib.error.HTTPError as error:
        with error:
            return error.code, json.load(error)


def deposit(registry: RegistrySettings, doi: str, title: str, kind: str, orcid: str = EVA) -> dict[str, Any]:
    """A publisher (or repository) registers a new DOI whose metadata carries ``orcid``."""
    status, answer = http(
        "POST",
        f"{registry.base_url}/deposits",
        {
            "doi": doi,
            "title": title,
            "type": kind,
            "container": "Journal of Peat Studies" if kind == "journal-article" else "Zenodo",
            "year": 2026,
            "month": 2,
            "contributors": [
                {"given": "Eva", "family": "de Vries", "orcid": orcid},
                {"given": "Jan", "family": "Smit"},
            ],
        },
        registry,
    )
    assert status == 201, answer
    return dict(answer["deliveries"])


def outcomes(url: str, doi: str) -> list[tuple[str, int | None]]:
    status, answer = http("GET", f"{url}/deposits/{doi}")
    assert status == 200
    return [(d["outcome"], d["http-status"]) for d in answer["deliveries"]]


def works_by_source(sandbox: RunningSandbox, orcid: str = EVA) -> dict[str, set[str]]:
    status, answer = http("GET", f"{sandbox.orcid_url}/v3.0/{orcid}/works")
    assert status == 200
    found: dict[str, set[str]] = {}
    for group in answer["group"]:
        for summary in group["work-summary"]:
            found.setdefault(summary["source"]["source-name"]["value"], set()).add(summary["title"]["title"]["value"])
    return found


def sign_in(page: Page, sandbox: RunningSandbox) -> None:
    page.goto(f"{sandbox.orcid_url}/signin")
    page.get_by_label("Email or ORCID iD").fill(DEMO["orcid_email"])
    page.get_by_label("Password").fill(DEMO["orcid_password"])
    page.get_by_role("button", name="Sign in to ORCID").click()
    expect(page.get_by_role("heading", name="Works")).to_be_visible()


def link(page: Page, sandbox: RunningSandbox, wizard: str, titles: list[str]) -> None:
    """Works > Add > Search & Link > the wizard > Authorize access > tick ``titles`` > Add to ORCID."""
    page.goto(f"{sandbox.orcid_url}/my-orcid")
    page.locator("[data-menu=add-menu]").click()
    page.get_by_role("menuitem", name="Search & Link").click()
    page.get_by_role("link", name=wizard).click()
    page.get_by_role("button", name="Authorize access").click()
    for title in titles:
        page.get_by_role("checkbox", name=f"Select {title}").check()
    page.get_by_role("button", name="Add to ORCID").click()


def test_search_and_link_lists_every_wizard_and_only_two_work_here(page: Page, sandbox: RunningSandbox) -> None:
    sign_in(page, sandbox)
    page.goto(f"{sandbox.orcid_url}/works/search-and-link")
    expect(page.get_by_text("Available Search & Link wizards (7)")).to_be_visible()
    for elsewhere in ("Europe PubMed Central", "ISNI", "BASE - Bielefeld Academic Search Engine", "Scopus - Elsevier"):
        expect(page.get_by_role("heading", name=elsewhere)).to_be_visible()
    expect(page.get_by_text("Not part of this sandbox.")).to_have_count(5)
    assert page.get_by_role("link", name="Crossref Metadata Search").get_attribute("href") == (
        f"{sandbox.crossref_url}/orcid/start"
    )
    assert page.get_by_role("link", name="DataCite").get_attribute("href") == f"{sandbox.datacite_url}/orcid/start"


def test_crossref_offers_namesakes_works_but_adds_only_the_chosen_ones(page: Page, sandbox: RunningSandbox) -> None:
    sign_in(page, sandbox)
    page.goto(f"{sandbox.orcid_url}/my-orcid")
    page.locator("[data-menu=add-menu]").click()
    page.get_by_role("menuitem", name="Search & Link").click()
    page.get_by_role("link", name="Crossref Metadata Search").click()
    expect(page.get_by_text("Crossref Metadata Search", exact=True)).to_be_visible()  # ORCID's authorize screen
    expect(page.get_by_text("Add/update your research activities (works, affiliations, etc.)")).to_be_visible()
    page.get_by_role("button", name="Authorize access").click()

    # Crossref's search page, on Crossref's own origin, searching for the name ORCID gave it.
    assert page.url.startswith(sandbox.crossref_url)
    expect(page.get_by_label("Name")).to_have_value("Eva de Vries")
    expect(page.get_by_text(GREENHOUSE)).to_be_visible()
    expect(page.get_by_text(NAMESAKES_ARTICLE)).to_be_visible()  # another Eva de Vries, a chemist
    expect(page.get_by_text("Soil biodiversity in the fen landscapes of Holland")).to_be_visible()  # "E. de Vries"
    expect(page.get_by_text("Hip fractures in older adults: outcomes after one year")).to_have_count(0)  # Els
    page.get_by_role("checkbox", name=f"Select {GREENHOUSE}").check()
    page.get_by_role("button", name="Add to ORCID").click()
    expect(page.get_by_text("Added to your ORCID record", exact=True)).to_be_visible()

    assert works_by_source(sandbox)["Crossref Metadata Search"] == {GREENHOUSE}
    assert NAMESAKES_ARTICLE not in set().union(*works_by_source(sandbox).values())
    page.get_by_role("link", name="Return to ORCID").click()
    work = page.locator(".work", has_text=GREENHOUSE)
    expect(work.get_by_text("Source: Crossref Metadata Search")).to_be_visible()
    # Linking through the search wizard is one-time: it is not permission for auto-update.
    assert deposit(sandbox.crossref, "10.5555/peat.2026.0001", "A new peat article", "journal-article") == {
        EVA: "permission-requested"
    }


def test_a_doi_added_twice_is_already_there_and_not_doubled(page: Page, sandbox: RunningSandbox) -> None:
    sign_in(page, sandbox)
    link(page, sandbox, "Crossref Metadata Search", [GREENHOUSE])
    expect(page.get_by_text("Added to your ORCID record", exact=True)).to_be_visible()
    link(page, sandbox, "Crossref Metadata Search", [GREENHOUSE])
    expect(page.get_by_text("Already in your ORCID record", exact=True)).to_be_visible()
    _, answer = http("GET", f"{sandbox.orcid_url}/v3.0/{EVA}/works")
    sources = [s["source"]["source-name"]["value"] for g in answer["group"] for s in g["work-summary"]]
    assert sources.count("Crossref Metadata Search") == 1


def test_datacite_links_datasets_and_with_auto_update_on_adds_new_dois_by_itself(
    page: Page, sandbox: RunningSandbox
) -> None:
    sign_in(page, sandbox)
    link(page, sandbox, "DataCite", [PEAT_SEQUENCES])
    expect(page.get_by_text("Added to your ORCID record", exact=True)).to_be_visible()
    assert works_by_source(sandbox)["DataCite"] == {PEAT_SEQUENCES}

    # Linked, but auto-update is still off: a new DOI is not sent.
    doi_off = "10.5072/zenodo.peatflux.2-0"
    assert deposit(sandbox.datacite, doi_off, "peatflux 2.0", "software") == {EVA: "no-permission"}
    page.get_by_role("button", name="Turn on").click()
    expect(page.get_by_text("Auto-update is on")).to_be_visible()

    doi = "10.5072/dans-peat-ch4-2026"
    title = "Methane fluxes from rewetted peat meadows, 2024-2025"
    assert deposit(sandbox.datacite, doi, title, "data-set") == {EVA: "added"}
    assert works_by_source(sandbox)["DataCite"] == {PEAT_SEQUENCES, title}
    assert outcomes(sandbox.datacite_url, doi) == [("added", 201)]

    page.goto(f"{sandbox.orcid_url}/inbox")
    notice = page.locator(".notification", has_text=title)
    expect(notice.get_by_text("DataCite has updated the Works section of your record:")).to_be_visible()


def test_crossref_asks_through_the_inbox_and_adds_waiting_deposits_once_permitted(
    page: Page, sandbox: RunningSandbox
) -> None:
    first, second = "10.5555/peat.2026.0001", "10.5555/peat.2026.0002"
    assert deposit(sandbox.crossref, first, "Peat subsidence in Friesland", "journal-article") == {
        EVA: "permission-requested"
    }
    assert deposit(sandbox.crossref, second, "Peat and policy", "journal-article") == {EVA: "waiting"}
    assert "Crossref" not in works_by_source(sandbox)  # never pushed without permission

    sign_in(page, sandbox)
    page.goto(f"{sandbox.orcid_url}/inbox")
    request = page.locator(".notification-permission")
    expect(request).to_have_count(1)  # asked once, not once per deposit
    expect(
        request.get_by_text("would like your permission to interact with your ORCID Record as a trusted party.")
    ).to_be_visible()
    expect(request.get_by_text("Peat subsidence in Friesland")).to_be_visible()
    request.get_by_role("link", name="Grant permission").click()
    expect(page.locator(".client-name").get_by_text("Crossref", exact=True)).to_be_visible()
    page.get_by_role("button", name="Authorize access").click()

    expect(page.get_by_role("heading", name="Works")).to_be_visible()
    assert works_by_source(sandbox)["Crossref"] == {"Peat subsidence in Friesland", "Peat and policy"}
    later = "10.5555/peat.2026.0003"
    assert deposit(sandbox.crossref, later, "Peat fires", "journal-article") == {EVA: "added"}
    assert "Peat fires" in works_by_source(sandbox)["Crossref"]


def test_archiving_a_permission_request_grants_nothing(page: Page, sandbox: RunningSandbox) -> None:
    deposit(sandbox.crossref, "10.5555/peat.2026.0001", "Peat subsidence in Friesland", "journal-article")
    sign_in(page, sandbox)
    page.goto(f"{sandbox.orcid_url}/inbox")
    page.get_by_role("button", name="Archive without granting permissions").click()
    expect(page.get_by_text("You don't have any unarchived notifications right now.")).to_be_visible()
    page.goto(f"{sandbox.orcid_url}/trusted-parties")
    expect(page.get_by_text("You haven't added any trusted organizations yet.")).to_be_visible()
    assert "Crossref" not in works_by_source(sandbox)


def test_after_revoking_a_deposit_is_refused_once_and_then_not_tried_again(page: Page, sandbox: RunningSandbox) -> None:
    sign_in(page, sandbox)
    link(page, sandbox, "DataCite", [])
    page.get_by_role("button", name="Turn on").click()
    expect(page.get_by_text("Auto-update is on")).to_be_visible()

    page.goto(f"{sandbox.orcid_url}/trusted-parties")
    revoke_link(page, "DataCite").click()
    page.get_by_role("button", name="Revoke access permissions").click()
    expect(page.get_by_text("You haven't added any trusted organizations yet.")).to_be_visible()

    refused, stopped = "10.5072/after-revoke-1", "10.5072/after-revoke-2"
    assert deposit(sandbox.datacite, refused, "Data after revoking", "data-set") == {EVA: "refused"}
    assert outcomes(sandbox.datacite_url, refused) == [("refused", 401)]
    assert deposit(sandbox.datacite, stopped, "More data after revoking", "data-set") == {EVA: "stopped"}
    assert outcomes(sandbox.datacite_url, stopped) == [("stopped", None)]  # no call to ORCID at all
    assert "DataCite" not in works_by_source(sandbox)


def test_a_namesakes_deposit_never_reaches_the_researcher(page: Page, sandbox: RunningSandbox) -> None:
    # The chemist namesake has no record on the emulator: ORCID answers 404 and the researcher hears nothing.
    assert deposit(sandbox.crossref, "10.5555/cat.2026.0001", "Catalysts again", "journal-article", OTHER_EVA) == {
        OTHER_EVA: "not-found"
    }
    sign_in(page, sandbox)
    page.goto(f"{sandbox.orcid_url}/inbox")
    expect(page.get_by_text("You don’t have any notifications yet.")).to_be_visible()


def test_bad_deposits_get_one_sentence_and_store_nothing(sandbox: RunningSandbox) -> None:
    url = f"{sandbox.crossref_url}/deposits"
    good = {"doi": "10.5555/x.1", "title": "T", "type": "journal-article", "year": 2026}
    good["contributors"] = [{"family": "A"}]
    assert http("POST", url, {**good, "doi": "not-a-doi"}, sandbox.crossref) == (
        400,
        {"error": "not-a-doi is not a DOI (it should look like 10.5555/abc123)."},
    )
    assert http("POST", url, {**good, "type": "data-set"}, sandbox.crossref) == (
        400,
        {"error": "This registry registers journal-article and book-chapter, not data-set."},
    )
    assert http(
        "POST", url, {**good, "contributors": [{"family": "A", "orcid": "0000-0001-8204-5171"}]}, sandbox.crossref
    ) == (
        400,
        {"error": "0000-0001-8204-5171 is not a valid ORCID iD."},
    )
    assert http("GET", f"{sandbox.crossref_url}/deposits/10.5555/x.1")[0] == 404
    assert http("POST", url, {**good, "doi": "10.5555/wetl.2024.0312"}, sandbox.crossref) == (
        409,
        {"error": "10.5555/wetl.2024.0312 is registered already."},
    )


def test_the_staff_page_registers_a_doi_like_a_deposit(page: Page, sandbox: RunningSandbox) -> None:
    page.goto(f"{sandbox.crossref_url}/deposit")
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_role("alert")).to_have_text(
        "The depositor password is not right; `orcid-guide sandbox` prints it."
    )
    page.get_by_label("Depositor password (sandbox-publisher)").fill(sandbox.crossref.depositor_password)
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_role("alert")).to_have_text("The deposit needs a 'doi'.")
    page.get_by_label("Depositor password (sandbox-publisher)").fill(sandbox.crossref.depositor_password)
    for label, value in (
        ("DOI", "10.5555/staff.1"),
        ("Title", "Staff test"),
        ("Year", "2026"),
        ("Family name", "de Vries"),
        ("ORCID iD", EVA),
    ):
        page.get_by_label(label, exact=True).fill(value)
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_text(f"{EVA}: permission-requested")).to_be_visible()
    assert outcomes(sandbox.crossref_url, "10.5555/staff.1") == [("permission-requested", 201)]


def test_denying_access_sends_the_researcher_back_and_links_nothing(page: Page, sandbox: RunningSandbox) -> None:
    sign_in(page, sandbox)
    page.goto(f"{sandbox.orcid_url}/works/search-and-link")
    page.get_by_role("link", name="Crossref Metadata Search").click()
    page.get_by_role("button", name="Deny access").click()
    expect(page.get_by_role("heading", name="Works")).to_be_visible()
    assert page.url == f"{sandbox.orcid_url}/my-orcid"
    page.goto(f"{sandbox.crossref_url}/search")
    expect(page.get_by_role("link", name="Sign in with ORCID")).to_be_visible()  # no session, no search


def test_a_callback_the_registry_did_not_start_is_refused(page: Page, sandbox: RunningSandbox) -> None:
    answer = page.goto(f"{sandbox.crossref_url}/orcid/callback?code=abcdef&state=forged")
    assert answer is not None and answer.status == 400
    expect(page.get_by_text("This sign-in link has expired; start again from ORCID.")).to_be_visible()
    forged = page.goto(f"{sandbox.crossref_url}/orcid/auto-update/callback?code=abcdef&state=forged")
    assert forged is not None and forged.status == 400  # ORCID does not know the code: nothing is kept


def _raw_deposit(url: str, body: bytes, headers: dict[str, str]) -> tuple[int, Any]:
    request = urllib.request.Request(f"{url}/deposits", data=body, method="POST", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, json.load(answer)
    except urllib.error.HTTPError as error:
        with error:
            return error.code, json.load(error)


def test_a_deposit_needs_the_depositors_account_a_json_body_and_this_sites_origin(sandbox: RunningSandbox) -> None:
    registry = sandbox.datacite
    body = json.dumps(
        {
            "doi": "10.5555/planted.1",
            "title": "Planted",
            "type": "data-set",
            "year": 2026,
            "contributors": [{"family": "de Vries", "orcid": EVA}],
        }
    ).encode()
    right = "Basic " + base64.b64encode(f"{registry.depositor}:{registry.depositor_password}".encode()).decode()
    wrong = "Basic " + base64.b64encode(f"{registry.depositor}:guessed".encode()).decode()
    json_type = {"Content-Type": "application/json"}
    for headers, status in (
        (json_type, 401),
        ({**json_type, "Authorization": wrong}, 401),
        # Another site's page: a form or fetch with text/plain needs no preflight, so Origin is what shows it.
        ({"Content-Type": "text/plain", "Origin": "http://evil.example"}, 403),
        ({**json_type, "Authorization": right, "Origin": "http://evil.example"}, 403),
        ({"Content-Type": "text/plain", "Authorization": right}, 415),
    ):
        assert _raw_deposit(registry.base_url, body, headers)[0] == status, headers
    assert http("GET", f"{registry.base_url}/deposits/10.5555/planted.1")[0] == 404  # nothing was stored
    same_site = {**json_type, "Authorization": right, "Origin": registry.base_url}
    assert _raw_deposit(registry.base_url, body, same_site)[0] == 201


def test_a_deposit_recognises_the_id_in_every_written_form(sandbox: RunningSandbox) -> None:
    forms = (
        EVA,
        f"http://orcid.org/{EVA}",
        f"https://orcid.org/{EVA}",
        f"https://sandbox.orcid.org/{EVA}",
        f"http://sandbox.orcid.org/{EVA}",
        f"orcid.org/{EVA}",
        EVA.replace("-", ""),
    )
    for number, written in enumerate(forms):
        delivered = deposit(sandbox.crossref, f"10.5555/forms.{number}", f"Forms {number}", "journal-article", written)
        assert list(delivered) == [EVA], written
