"""The record screens: /my-orcid with its menus and works, the public record, and the user menu's pages."""

from __future__ import annotations

import re
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient

from orcid_guide.sandbox.orcid.demo_data import CARBERRY, DEMO_WORKS, EVA
from tests.helpers.orcid_forms import make_app, post_form, sign_in

EVA_PUBLIC = [work.title for work in DEMO_WORKS[EVA.orcid] if work.visibility == "public"]
EVA_HIDDEN = [work.title for work in DEMO_WORKS[EVA.orcid] if work.visibility != "public"]

CLASSIC_ADD = ("Search &amp; Link", "Add DOI", "Add PubMed ID", "Add BibTeX", "Add manually")
NEW_ADD = (
    "Import works from other services",
    "Import works from a BibTeX file",
    "Add work with a DOI",
    "Add work with a PubMed ID",
    "Add work manually",
)


def test_the_user_menu_and_the_id_url(client: FlaskClient) -> None:
    sign_in(client, CARBERRY.email, CARBERRY.password)
    page = client.get("/my-orcid").text
    assert 'aria-haspopup="menu"' in page
    assert f'data-menu="user-menu">{CARBERRY.name}</button>' in page
    assert (
        f'role="menuitem" class="menu-name" href="/my-orcid"><strong>{CARBERRY.name}</strong>'
        "<span>View my ORCID record</span></a>"
    ) in page
    assert f'aria-label="User menu {CARBERRY.name}"' in page
    for item in (
        "Notifications inbox",
        "Account settings",
        "Trusted parties",
        "Developer tools",
    ):
        assert re.search(f'role="menuitem" href="/[^"]*">{item}</a>', page), item
    assert '<button type="submit" role="menuitem">Logout</button>' in page
    assert f">https://sandbox.orcid.org/{CARBERRY.orcid}</a>" in page
    assert "127.0.0.1" not in page


def test_an_empty_record_shows_orcids_empty_state_and_the_classic_add_menu(client: FlaskClient) -> None:
    sign_in(client, CARBERRY.email, CARBERRY.password)
    page = client.get("/my-orcid").text
    assert '<h3 id="works-heading">Works <span class="count">(0)</span></h3>' in page
    assert 'aria-label="Add a work"' in page
    assert "Add your research outputs such as publications, data sets, conference presentations and more." in page
    for label in CLASSIC_ADD:
        assert f">{label}</a>" in page
    assert "Import works from a BibTeX file" not in page


def test_the_new_add_menu(tmp_path: Path) -> None:
    client = make_app(tmp_path, add_menu="new").test_client()
    sign_in(client, CARBERRY.email, CARBERRY.password)
    page = client.get("/my-orcid").text
    for label in NEW_ADD:
        assert f">{label}</span>" in page
    for description in (
        "Connect with services that can help keep your ORCID record up-to-date",
        "Import works into your ORCID record using BibTeX",
        "Enter the work details yourself",
    ):
        assert f'<span class="add-description">{description}</span>' in page
    assert '<span class="add-title italic">Add work manually</span>' in page
    assert ">Add BibTeX</a>" not in page


def test_every_add_menu_item_leads_somewhere(client: FlaskClient) -> None:
    sign_in(client, CARBERRY.email, CARBERRY.password)
    page = client.get("/my-orcid").text
    for kind in ("search-and-link", "doi", "pubmed", "bibtex", "manual"):
        assert f'href="/works/{kind}"' in page
        assert client.get(f"/works/{kind}").status_code == 200
    assert "Works - Import BibTeX" in client.get("/works/bibtex").text
    assert client.get("/works/nonsense").status_code == 404


def test_the_owner_sees_every_work_with_source_date_type_and_visibility(client: FlaskClient) -> None:
    sign_in(client, EVA.email, EVA.password)
    page = client.get("/my-orcid").text
    for work in DEMO_WORKS[EVA.orcid]:
        assert work.title in page
    assert f"({len(DEMO_WORKS[EVA.orcid])})" in page
    assert "Soil Biology and Biochemistry" in page
    assert "2023-04-12 | Journal article" in page
    assert "2019 | Conference paper" in page
    assert page.count("<strong>Source:</strong> Eva de Vries") == len(DEMO_WORKS[EVA.orcid])
    # Each work's visibility button shows its current level; so does the eye icon beside her (public) name.
    assert page.count("visibility is currently set to Everyone") == len(EVA_PUBLIC) + 1
    assert page.count("visibility is currently set to Trusted") == 1
    assert page.count("visibility is currently set to Only me") == 1
    # Newest first.
    assert page.index("Protocol for long-term peat soil sampling") < page.index("Seasonal dynamics")


def test_the_public_record_shows_public_works_only(app: Flask) -> None:
    for client in (app.test_client(), app.test_client()):
        page = client.get(f"/{EVA.orcid}").text
        assert "Eva de Vries" in page
        assert f"https://sandbox.orcid.org/{EVA.orcid}" in page
        for title in EVA_PUBLIC:
            assert title in page
        for title in EVA_HIDDEN:
            assert title not in page
        assert "Only me" not in page and "Trusted Parties" not in page and 'type="radio"' not in page
        # The owner too sees the public view there.
        sign_in(client, EVA.email, EVA.password)


def test_an_unknown_record_is_not_found(client: FlaskClient) -> None:
    response = client.get("/0000-0002-1694-233X")
    assert response.status_code == 404
    assert "404 - ORCID record not found" in response.text
    assert client.get("/0000-0002-1694-2331").status_code == 404


def test_account_settings_change_the_default_visibility(app: Flask, client: FlaskClient) -> None:
    sign_in(client, CARBERRY.email, CARBERRY.password)
    page = client.get("/account").text
    assert "<h2>Defaults</h2>" in page
    assert '<h3 data-panel="visibility-body">Visibility</h3>' in page
    for label, share in (
        ("Everyone", "(87% of users choose this)"),
        ("Trusted Organizations", "(5% of users choose this)"),
        ("Only me", "(8% of users choose this)"),
    ):
        assert f"<strong>{label}</strong> {share}</label>" in page
    response = post_form(client, "/account", {"default_visibility": "limited"})
    assert response.status_code == 303
    assert response.headers["Location"].endswith("/account#visibility")
    page = client.get(response.headers["Location"]).text
    # ORCID saves the default with no message.
    assert "saved" not in page.lower()
    assert 'value="limited" checked' in page


def test_trusted_parties_placeholder(client: FlaskClient) -> None:
    sign_in(client, CARBERRY.email, CARBERRY.password)
    page = client.get("/trusted-parties").text
    assert "<h1>Trusted parties</h1>" in page
    assert "<h2>Trusted organizations</h2>" in page
    assert "You haven't added any trusted organizations yet." in page


def test_the_home_page_sends_to_sign_in_or_the_record(client: FlaskClient) -> None:
    assert client.get("/").headers["Location"] == "/signin"
    sign_in(client, CARBERRY.email, CARBERRY.password)
    assert client.get("/").headers["Location"] == "/my-orcid"
