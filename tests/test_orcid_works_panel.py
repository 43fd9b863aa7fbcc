"""The Works panel of /my-orcid and the public record: one entry per group of versions (the API's grouping),
each version only for viewers who may see it, and pages of 10, 50 or 100 groups (50 unless chosen). The last
tests drive what needs a browser: opening the other sources, and "Items per page:"."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from playwright.sync_api import Page, expect
from werkzeug.serving import make_server

from orcid_guide.sandbox.orcid.database import connect, transaction
from orcid_guide.sandbox.orcid.demo_data import CARBERRY
from orcid_guide.sandbox.orcid.request_context import SETTINGS_KEY
from orcid_guide.sandbox.orcid.settings import ClientRegistration
from orcid_guide.sandbox.orcid.works_paging import page_from
from orcid_guide.sandbox.orcid.works_store import NewExternalId, NewWork, Source, insert_work
from tests.helpers.orcid_forms import csrf_from, make_app, post_form, sign_in

LUCRIS_CLIENT = ClientRegistration(
    "APP-PANEL000000001", "lucris-secret-long-enough", "LUCRIS", ("http://127.0.0.1:7/l",)
)
CROSSREF_CLIENT = ClientRegistration(
    "APP-PANEL000000002", "crossref-secret-long-enough", "Crossref Metadata Search", ("http://127.0.0.1:7/c",)
)
LUCRIS = Source("LUCRIS", client_id=LUCRIS_CLIENT.client_id)
CROSSREF = Source("Crossref Metadata Search", client_id=CROSSREF_CLIENT.client_id)
SELF = Source(CARBERRY.name, orcid=CARBERRY.orcid)


pytestmark = pytest.mark.orcid_settings(clients=(LUCRIS_CLIENT, CROSSREF_CLIENT))


@pytest.fixture
def owner(app: Flask) -> FlaskClient:
    client = app.test_client()
    sign_in(client, CARBERRY.email, CARBERRY.password)
    return client


def add(app: Flask, title: str, source: Source, *, doi: str = "", visibility: str = "public", year: int = 2020) -> int:
    ids = (NewExternalId("doi", doi, f"https://doi.org/{doi}"),) if doi else ()
    db = connect(app.config[SETTINGS_KEY].database)
    try:
        with transaction(db):
            return insert_work(
                db,
                CARBERRY.orcid,
                NewWork(title, "journal-article", visibility, year=year, external_ids=ids),
                source,
                now_ms=0,
            )
    finally:
        db.close()


def add_many(app: Flask, count: int) -> None:
    """``count`` works of one source, each its own group, numbered so that work 1 is listed first."""
    for number in range(1, count + 1):
        add(app, f"Work {number:03d}", SELF, doi=f"10.5555/w{number}", year=3000 - number)


def titles(page: str) -> list[str]:
    return re.findall(r'<li class="work"[^>]*>(?:(?!</li>).)*?<h4 class="work-title">([^<]*)</h4>', page, re.DOTALL)


def count(page: str) -> int:
    """The total in the Works header: "(M)", or "(N of M)" when a page shows N of M groups, as ORCID's header."""
    found = re.search(r'<span class="count">\((?:\d+ of )?(\d+)\)</span>', page)
    assert found is not None
    return int(found.group(1))


def test_two_sources_of_one_doi_are_one_entry_with_both_sources_reachable(app: Flask, owner: FlaskClient) -> None:
    lucris = add(app, "Peat and its microbes", LUCRIS, doi="10.5555/peat")
    crossref = add(app, "Peat and its microbes", CROSSREF, doi="https://doi.org/10.5555/PEAT")
    add(app, "Another paper", SELF, doi="10.5555/other", year=2019)
    page = owner.get("/my-orcid").text
    assert titles(page) == ["Peat and its microbes", "Another paper"]
    assert count(page) == 2
    assert "Preferred source" in page and "(of 2)" in page and "(Close other sources)" in page
    assert "<strong>Source:</strong> LUCRIS" in page and "<strong>Source:</strong> Crossref Metadata Search" in page
    # Each version keeps its own checkbox; the one visibility control (the preferred version's) sets both.
    for put_code in (lucris, crossref):
        assert f'id="work-{put_code}"' in page
        assert f'name="put_code" value="{put_code}" form="works-selection"' in page
    preferred, other = (
        (lucris, crossref)
        if page.index(f'id="work-{lucris}"') < page.index(f'id="work-{crossref}"')
        else (crossref, lucris)
    )
    assert f'action="/my-orcid/works/{preferred}/visibility"' in page
    assert f'<input type="hidden" name="stack" value="{other}">' in page
    assert f'action="/my-orcid/works/{other}/visibility"' not in page


def test_a_work_alone_in_its_group_shows_no_other_sources(app: Flask, owner: FlaskClient) -> None:
    add(app, "Only one", SELF, doi="10.5555/one")
    page = owner.get("/my-orcid").text
    assert titles(page) == ["Only one"]
    assert "Preferred source" not in page


def test_the_public_page_shows_only_the_public_version_of_a_group(app: Flask) -> None:
    add(app, "Peat and its microbes", LUCRIS, doi="10.5555/peat")
    add(app, "Peat and its microbes (private copy)", CROSSREF, doi="10.5555/peat", visibility="private")
    add(app, "Limited paper", CROSSREF, doi="10.5555/limited", visibility="limited")
    page = app.test_client().get(f"/{CARBERRY.orcid}").text
    assert titles(page) == ["Peat and its microbes"]
    assert count(page) == 1
    assert "private copy" not in page and "Crossref" not in page and "Limited paper" not in page
    assert "Preferred source" not in page


def test_the_owner_sees_the_private_version_in_the_group(app: Flask, owner: FlaskClient) -> None:
    add(app, "Peat and its microbes", LUCRIS, doi="10.5555/peat")
    add(app, "Peat and its microbes (private copy)", CROSSREF, doi="10.5555/peat", visibility="private")
    page = owner.get("/my-orcid").text
    assert count(page) == 1
    assert "private copy" in page and "(of 2)" in page


def test_the_page_groups_exactly_as_the_api_does(app: Flask) -> None:
    """Transitive version-of links, part-of (which does not group), works without ids, mixed visibility."""
    db = connect(app.config[SETTINGS_KEY].database)
    ids = {
        "A": (NewExternalId("doi", "10.1/a"),),
        "B": (NewExternalId("doi", "10.1/b"), NewExternalId("doi", "10.1/a", relationship="version-of")),
        "C": (NewExternalId("pmid", "99"), NewExternalId("doi", "10.1/b", relationship="version-of")),
        "D": (NewExternalId("pmid", "7"), NewExternalId("isbn", "978", relationship="part-of")),
        "E": (NewExternalId("pmid", "8"), NewExternalId("isbn", "978", relationship="part-of")),
        "F": (),
        "G": (NewExternalId("doi", "https://doi.org/10.1/A"),),
    }
    try:
        with transaction(db):
            for number, (title, external) in enumerate(ids.items()):
                visibility = "private" if title == "B" else "public"
                work = NewWork(title, "journal-article", visibility, year=2000 + number % 3, external_ids=external)
                insert_work(db, CARBERRY.orcid, work, LUCRIS if number % 2 else CROSSREF, now_ms=0)
    finally:
        db.close()
    api = app.test_client().get(f"/v3.0/{CARBERRY.orcid}/works", headers={"Accept": "application/vnd.orcid+json"})
    expected = [[s["put-code"] for s in group["work-summary"]] for group in api.get_json()["group"]]
    page = app.test_client().get(f"/{CARBERRY.orcid}").text
    shown = [
        [int(code) for code in re.findall(r'id="work-(\d+)"', entry)] for entry in page.split('<li class="work" ')[1:]
    ]
    assert shown == expected
    assert any(len(group) > 1 for group in shown)  # the record does have a group to get right
    assert count(page) == len(expected)


def test_fifty_groups_a_page_by_default_and_the_count_counts_groups(app: Flask, owner: FlaskClient) -> None:
    add_many(app, 51)
    add(app, "Work 001", CROSSREF, doi="10.5555/w1", year=2999)  # a second version: no extra entry
    first = owner.get("/my-orcid").text
    assert count(first) == 51
    assert titles(first) == [f"Work {n:03d}" for n in range(1, 51)]
    assert "1 – 50 of 51" in first
    assert 'href="/my-orcid?page=2" aria-label="Next page"' in first
    assert 'aria-label="Previous page" aria-disabled="true"' in first
    second = owner.get("/my-orcid?page=2").text
    assert titles(second) == ["Work 051"]
    assert "51 – 51 of 51" in second
    assert 'aria-label="Next page" aria-disabled="true"' in second
    assert 'href="/my-orcid" aria-label="First page"' in second


def test_no_paginator_on_a_single_page_of_the_default_size(app: Flask, owner: FlaskClient) -> None:
    add_many(app, 50)
    page = owner.get("/my-orcid").text
    assert len(titles(page)) == 50
    assert "Items per page:" not in page


def test_the_page_size_can_be_10_or_100_and_anything_else_is_50(app: Flask, owner: FlaskClient) -> None:
    add_many(app, 120)
    ten = owner.get("/my-orcid?size=10&page=3").text
    assert titles(ten) == [f"Work {n:03d}" for n in range(21, 31)]
    assert "Items per page:" in ten and '<option value="10" selected>' in ten
    assert 'href="/my-orcid?page=12&amp;size=10" aria-label="Last page"' in ten
    hundred = owner.get("/my-orcid?size=100&page=2").text
    assert titles(hundred) == [f"Work {n:03d}" for n in range(101, 121)]
    assert len(titles(owner.get("/my-orcid?size=7").text)) == 50


def test_a_page_past_the_end_or_nonsense_shows_a_real_page(app: Flask, owner: FlaskClient) -> None:
    add_many(app, 12)
    assert titles(owner.get("/my-orcid?size=10&page=99").text) == ["Work 011", "Work 012"]
    assert titles(owner.get("/my-orcid?size=10&page=0").text)[0] == "Work 001"
    assert titles(owner.get("/my-orcid?size=10&page=-1x").text)[0] == "Work 001"


def test_the_public_record_pages_too(app: Flask) -> None:
    add_many(app, 11)
    page = app.test_client().get(f"/{CARBERRY.orcid}?size=10&page=2").text
    assert titles(page) == ["Work 011"]
    assert f'href="/{CARBERRY.orcid}?size=10" aria-label="First page"' in page


def test_the_page_arithmetic_at_its_boundaries() -> None:
    assert page_from({}, 0).range_label == "0 of 0"
    assert page_from({}, 0).count == 1
    assert (page_from({"size": "10"}, 10).count, page_from({"size": "10"}, 11).count) == (1, 2)
    last = page_from({"size": "10", "page": "2"}, 11)
    assert (last.start, last.end, last.is_last) == (10, 11, True)
    assert page_from({"page": "99999999999999"}, 5).number == 1


def test_setting_a_versions_visibility_returns_to_the_same_page(app: Flask, owner: FlaskClient) -> None:
    add_many(app, 15)
    page = owner.get("/my-orcid?size=10&page=2").text
    put_code = int(re.findall(r'action="/my-orcid/works/(\d+)/visibility\?page=2&amp;size=10"', page)[0])
    answer = post_form(
        owner,
        f"/my-orcid/works/{put_code}/visibility?page=2&size=10",
        {"visibility": "private"},
        token_from="/my-orcid?size=10&page=2",
    )
    assert answer.status_code == 303
    assert answer.headers["Location"] == f"/my-orcid?page=2&size=10#work-{put_code}"


def test_select_all_picks_every_version_on_the_page_shown(app: Flask, owner: FlaskClient) -> None:
    add_many(app, 12)
    add(app, "Work 011 again", CROSSREF, doi="10.5555/w11", year=2989)
    dialog = owner.get("/my-orcid/works/set-visibility", query_string={"all": "1", "size": "10", "page": "2"}).text
    # Each selected work is listed under its title (an h2), as ORCID's dialog lists them.
    chosen = re.findall(r"<li>\s*<h2>([^<]*)</h2>", dialog)
    assert sorted(chosen) == ["Work 011", "Work 011 again", "Work 012"]


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Flask, str]]:
    app = make_app(tmp_path, clients=(LUCRIS_CLIENT, CROSSREF_CLIENT))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever)
    thread.start()
    try:
        yield app, f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join()
        server.server_close()


def sign_in_browser(page: Page, base: str) -> None:
    page.goto(f"{base}/signin")
    page.get_by_label("Email or ORCID iD").fill(CARBERRY.email)
    page.get_by_label("Password").fill(CARBERRY.password)
    page.get_by_role("button", name="Sign in to ORCID").click()
    expect(page.get_by_role("heading", name="Works")).to_be_visible()


def test_other_sources_open_and_close(page: Page, served: tuple[Flask, str]) -> None:
    app, base = served
    add_many(app, 2)
    add(app, "Work 001, Crossref's version", CROSSREF, doi="10.5555/w1", year=2999)
    sign_in_browser(page, base)
    other = page.get_by_text("Source: Crossref Metadata Search")
    expect(other).to_be_hidden()
    page.get_by_text("(of 2)").click()
    expect(other).to_be_visible()
    # Only the preferred version's control is editable; the other version shows its level on a disabled button.
    other_version = page.get_by_role("button", name="Work 001, Crossref's version visibility is currently set to")
    expect(other_version).to_be_disabled()
    page.get_by_text("(Close other sources)").click()
    expect(other).to_be_hidden()
    # The preferred version's control sets the whole group at once.
    preferred = page.get_by_role("button", name="Work 001 visibility is currently set to Everyone", exact=True)
    preferred.click()
    expect(page.get_by_text("All items in this group")).to_be_visible()
    page.get_by_role("menuitem", name="set item visibility to Only Me").click()
    page.wait_for_url("**/my-orcid#work-*")
    expect(
        page.get_by_role("button", name="Work 001 visibility is currently set to Only me", exact=True)
    ).to_be_visible()
    page.get_by_text("(of 2)").click()
    expect(
        page.get_by_role("button", name="Work 001, Crossref's version visibility is currently set to Only me")
    ).to_be_disabled()


def test_items_per_page_shows_that_many_at_once(page: Page, served: tuple[Flask, str]) -> None:
    app, base = served
    add_many(app, 60)
    sign_in_browser(page, base)
    expect(page.locator(".work")).to_have_count(50)
    expect(page.get_by_text("1 – 50 of 60").first).to_be_visible()
    page.get_by_label("Items per page:").first.select_option("10")
    expect(page.locator(".work")).to_have_count(10)
    page.get_by_role("link", name="Last page").first.click()
    expect(page.get_by_text("51 – 60 of 60").first).to_be_visible()
    expect(page.get_by_role("heading", name="Work 060")).to_be_visible()


def test_saving_the_selected_works_returns_to_the_same_page(app: Flask, owner: FlaskClient) -> None:
    add_many(app, 15)
    dialog = owner.get("/my-orcid/works/set-visibility", query_string={"all": "1", "size": "10", "page": "2"}).text
    put_codes = re.findall(r'name="put_code" value="(\d+)">\s*</li>', dialog)
    assert len(put_codes) == 5
    assert '<input type="hidden" name="page" value="2"><input type="hidden" name="size" value="10">' in dialog
    answer = owner.post(
        "/my-orcid/works/set-visibility",
        data={
            "csrf_token": csrf_from(dialog),
            "put_code": put_codes,
            "visibility": "limited",
            "page": "2",
            "size": "10",
        },
    )
    assert answer.status_code == 303
    assert answer.headers["Location"] == "/my-orcid?page=2&size=10"
    assert owner.get(answer.headers["Location"]).text.count("visibility is currently set to Trusted") == 5
