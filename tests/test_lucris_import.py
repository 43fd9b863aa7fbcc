"""Add new > Import from ORCID, with mock LUCRIS in-process (Flask's test client) reading the ORCID emulator over
real HTTP, both on the sandbox's SQLite files: the seed's example, visibility, duplicates, all or nothing, safety."""

from __future__ import annotations

import re
import socket
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from orcid_guide.sandbox.launcher import RunningSandbox, running_sandbox
from orcid_guide.sandbox.lucris import database, orcid_import, people
from orcid_guide.sandbox.lucris.app import create_app
from orcid_guide.sandbox.orcid.demo_data import EVA as ORCID_EVA

EVA_UUID = "5efb3e7141030dfb7cc56dc2e2cf97c5"
SANNE_UUID = "e39098feea6026803f507f0a7256feef"
ARTICLES = (
    "Seasonal dynamics of soil microbial communities in Dutch peat meadows",
    "Citizen science monitoring of urban pollinators in Leiden",
)
CHAPTER = "Material flow analysis"
CONFERENCE = "Peat meadow restoration: lessons from twenty years of rewetting"


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningSandbox]:
    with running_sandbox(tmp_path_factory.mktemp("import")) as running:
        yield running


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[RunningSandbox]:
    with running_sandbox(tmp_path / "sandbox") as running:
        yield running


def _token(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "page has no CSRF token"
    return found.group(1)


def lucris_as(sandbox: RunningSandbox, username: str, password: str) -> FlaskClient:
    """A browser-like client of mock LUCRIS on the sandbox's database; LUCRIS calls ORCID over HTTP."""
    client = create_app(sandbox.lucris).test_client()
    answer = client.post(
        "/login", data={"csrf_token": _token(client.get("/login").text), "username": username, "password": password}
    )
    assert answer.status_code == 303
    return client


def eva(sandbox: RunningSandbox) -> FlaskClient:
    client = lucris_as(sandbox, "evries", "lucris-eva")
    token = _token(client.get("/preferences/research-profile").text)
    client.post("/preferences/research-profile", data={"csrf_token": token, "orcid": ORCID_EVA.orcid})
    return client


def search(client: FlaskClient, person: str = EVA_UUID, **form: str) -> tuple[int, str]:
    page = client.get("/publications/import", query_string={"person": person})
    fields = {"csrf_token": _token(page.text), "person": person, "by_orcid_id": "on", "source": "orcid", **form}
    answer = client.post("/publications/import", data={k: v for k, v in fields.items() if v})
    if answer.status_code != 303:
        return answer.status_code, answer.text
    return 200, client.get(answer.headers["Location"]).text


def found_works(page: str) -> dict[str, str]:
    """Title → the text of its row, for each work on a results page."""
    rows = re.findall(r'<li class="found-work[^"]*">(.*?)</li>\s*(?=<li class="found-work|</ul>\s*<div)', page, re.S)
    result = {}
    for row in rows:
        title = re.search(r'<label for="work-\d+">(.*?)</label>', row)
        assert title
        result[title.group(1)] = row
    return result


def import_action(page: str) -> str:
    """Where a results page's "Import" form posts to."""
    found = re.search(r'<form method="post" action="(/publications/import/[^"]+)">', page)
    assert found, "no Import form on this page"
    return found.group(1)


def ticks(page: str, titles: tuple[str, ...]) -> list[str]:
    """The checkbox values of these titles on a results page."""
    values = []
    for title in titles:
        found = re.search(rf'value="(\d+)"[^>]*>\s*<div>\s*<label for="work-\d+">{re.escape(title)}<', page)
        assert found, f"no checkbox for {title}"
        values.append(found.group(1))
    return values


def outputs_titled(sandbox: RunningSandbox, title: str) -> list[sqlite3.Row]:
    db = database.connect(sandbox.lucris.database)
    try:
        return db.execute("SELECT * FROM research_outputs WHERE title = ?", (title,)).fetchall()
    finally:
        db.close()


def test_add_new_leads_to_import_from_and_the_accounts_to_pick(sandbox: RunningSandbox) -> None:
    client = eva(sandbox)
    listing = client.get("/publications").text
    assert ">Add new <" in listing and 'href="/publications/new"' in listing
    assert "How do you want to create your publication" in client.get("/publications/new").text
    page = client.get("/publications/import").text
    assert 'aria-label="Select Eva de Vries"' in page and "Sanne" not in page  # a researcher imports for herself
    chosen = client.get("/publications/import", query_string={"person": EVA_UUID}).text
    assert "Search with ORCID ID of selected person" in chosen and ">ORCID</label>" in chosen
    assert client.get("/publications/import", query_string={"person": SANNE_UUID}).status_code == 404


def test_the_seeds_example_four_found_two_possible_duplicates_then_import(fresh: RunningSandbox) -> None:
    client = eva(fresh)
    status, page = search(client)
    assert status == 200
    works = found_works(page)
    assert set(works) == {*ARTICLES, CHAPTER, CONFERENCE}
    assert "Possible duplicate" in works[CHAPTER] and "same DOI" in works[CHAPTER]
    assert "Possible duplicate" in works[CONFERENCE]
    assert "similar title: Peat meadow restoration: lessons from 20 years of rewetting (93 %)" in works[CONFERENCE]
    assert "View possible duplicates" in works[CHAPTER]
    for title in ARTICLES:
        assert "Possible duplicate" not in works[title]

    chosen = client.post(import_action(page), data={"csrf_token": _token(page), "work": ticks(page, ARTICLES)})
    assert chosen.status_code == 303
    confirm_page = client.get(chosen.headers["Location"]).text
    assert all(title in confirm_page for title in ARTICLES) and CHAPTER not in confirm_page
    done = client.post(chosen.headers["Location"], data={"csrf_token": _token(confirm_page)})
    assert done.status_code == 303
    assert "2 publications were imported from ORCID; they are in Entry in progress." in client.get("/publications").text

    [row] = outputs_titled(fresh, ARTICLES[0])
    assert (row["type"], row["year"], row["month"], row["day"]) == ("article", 2023, 4, 12)
    assert (row["journal"], row["doi"], row["workflow_step"]) == (
        "Soil Biology and Biochemistry",
        "10.5555/leiden.peat.2023",
        "entryInProgress",
    )
    output = client.get(f"/publications/{row['uuid']}").text
    assert "Eva de Vries, Daan Visser" in output
    assert f'ORCID, record <span class="orcid-id">{ORCID_EVA.orcid}</span>' in output
    assert "Entry in progress" in output

    # Searching again: everything found is now in LUCRIS, so all four are flagged.
    again = found_works(search(client)[1])
    assert all("Possible duplicate" in row for row in again.values())
    assert "same DOI" in again[ARTICLES[1]]


def test_works_not_visible_to_everyone_are_never_found(fresh: RunningSandbox) -> None:
    orcid_db = sqlite3.connect(fresh.orcid.database)
    with orcid_db:
        orcid_db.execute("UPDATE works SET visibility = 'limited' WHERE title = ?", (CHAPTER,))
        orcid_db.execute("UPDATE works SET visibility = 'private' WHERE title = ?", (ARTICLES[0],))
    orcid_db.close()
    works = found_works(search(eva(fresh))[1])
    assert set(works) == {ARTICLES[1], CONFERENCE}
    # Even LUCRIS's own connection token (with /read-limited) is not what the import reads with.
    assert "Protocol for long-term peat soil sampling" not in str(works)


def test_search_needs_both_ticks_and_an_orcid_id(sandbox: RunningSandbox) -> None:
    client = eva(sandbox)
    status, page = search(client, by_orcid_id="")
    assert status == 400 and "Tick &#34;Search with ORCID ID of selected person&#34; and &#34;ORCID&#34;" in page
    assert search(client, source="")[0] == 400
    no_id = lucris_as(sandbox, "sbakker", "lucris-sanne")
    status, page = search(no_id, person=SANNE_UUID)
    assert status == 400 and "has no ORCID iD on the research profile" in page


def test_the_form_cannot_import_other_data_or_without_its_token(fresh: RunningSandbox) -> None:
    client = eva(fresh)
    _, page = search(client)
    url = import_action(page)
    assert client.post(url, data={"work": "0"}).status_code == 400  # no CSRF token
    # Invented indexes and work data sent along are ignored; nothing ticked is refused with a sentence.
    answer = client.post(url, data={"csrf_token": _token(page), "work": ["99", "-1"], "title": "Injected"})
    assert answer.status_code == 400 and "Tick the publications you want to import." in answer.text
    # Another person cannot open or confirm this search.
    other = lucris_as(fresh, "ehorst", "lucris-erik")
    assert other.get(url).status_code == 404
    assert other.post(f"{url}/confirm", data={"csrf_token": _token(other.get("/publications").text)}).status_code == 404
    assert outputs_titled(fresh, "Injected") == []


def test_an_import_is_all_or_nothing(fresh: RunningSandbox) -> None:
    client = eva(fresh)
    _, page = search(client)
    url = import_action(page)
    client.post(url, data={"csrf_token": _token(page), "work": ticks(page, ARTICLES)})
    db = database.connect(fresh.lucris.database)
    try:
        count = db.execute("SELECT COUNT(*) FROM research_outputs").fetchone()[0]
        # The second article cannot be stored (as if the disk filled up half-way).
        db.execute(
            "CREATE TEMP TRIGGER refuse BEFORE INSERT ON research_outputs"
            f" WHEN NEW.title = '{ARTICLES[1]}' BEGIN SELECT RAISE(ABORT, 'disk full'); END"
        )
        person = people.by_username(db, "evries")
        assert person is not None
        search_id = url.rsplit("/", 1)[-1]
        found = orcid_import.load(db, search_id, person, person)
        assert found is not None and len(found.chosen) == 2
        with pytest.raises(sqlite3.IntegrityError):
            orcid_import.confirm(db, found, person, "2026-03-02T10:00:00")
        assert db.execute("SELECT COUNT(*) FROM research_outputs").fetchone()[0] == count
        assert db.execute("SELECT COUNT(*) FROM imported_outputs").fetchone()[0] == 0
        assert orcid_import.load(db, search_id, person, person) is not None  # the search is kept to try again
    finally:
        db.close()


def test_an_unknown_id_or_an_unreachable_orcid_is_one_sentence_and_changes_nothing(fresh: RunningSandbox) -> None:
    client = eva(fresh)
    db = database.connect(fresh.lucris.database)
    with db:
        db.execute("UPDATE persons SET orcid_id = '0000-0002-1694-233X' WHERE username = 'evries'")
    db.close()
    status, page = search(client)
    assert status == 400 and "ORCID has no record with the iD 0000-0002-1694-233X" in page
    offline = create_app(replace(fresh.lucris, orcid_url="http://127.0.0.1:9", orcid_timeout=1.0)).test_client()
    offline.post(
        "/login",
        data={"csrf_token": _token(offline.get("/login").text), "username": "evries", "password": "lucris-eva"},
    )
    status, page = search(offline)
    assert status == 502 and "ORCID could not be reached" in page


def test_an_editor_picks_the_researcher_to_import_for(fresh: RunningSandbox) -> None:
    eva(fresh)  # puts Eva's iD on her profile
    editor = lucris_as(fresh, "mjansen", "lucris-editor")
    page = editor.get("/publications/import").text
    assert 'aria-label="Select Eva de Vries"' in page and 'aria-label="Select Sanne Bakker"' in page
    status, results = search(editor)
    assert status == 200 and set(found_works(results)) == {*ARTICLES, CHAPTER, CONFERENCE}
    # Eva cannot open the editor's search.
    assert eva(fresh).get(import_action(results)).status_code == 404


def test_a_new_search_replaces_the_unconfirmed_one(sandbox: RunningSandbox) -> None:
    client = eva(sandbox)
    first = import_action(search(client)[1])
    second = import_action(search(client)[1])
    # On the fixed clock the same search of the same record gets the same address (screenshots repeat); it is
    # still a new search, kept once, and open to the researcher who made it.
    assert first == second
    assert client.get(second).status_code == 200


def test_an_orcid_that_answers_too_slowly_is_said_to_be_slow_not_unreachable(fresh: RunningSandbox) -> None:
    eva(fresh)  # puts Eva's iD on her profile
    # An ORCID that takes the connection and never answers: what a record of tens of thousands of works looked like.
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    try:
        slow_url = f"http://127.0.0.1:{silent.getsockname()[1]}"
        slow = create_app(replace(fresh.lucris, orcid_url=slow_url, orcid_timeout=0.5)).test_client()
        slow.post(
            "/login",
            data={"csrf_token": _token(slow.get("/login").text), "username": "evries", "password": "lucris-eva"},
        )
        status, page = search(slow)
    finally:
        silent.close()
    assert status == 504 and "ORCID took too long to answer" in page
    assert "could not be reached" not in page
