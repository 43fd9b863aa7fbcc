"""Visibility holds on every read path, for every kind of viewer, on randomly generated records.

ORCID's rules (reference/orcid.md): public for everyone; limited also for a client the researcher authorized with
/read-limited; private for the researcher and for the source that added the item. Each round gives Eva and
Carberry random works (random visibility, added by themselves or by one of two member clients) and random name
and email visibility, then asks every path as every viewer: nothing leaks, and nothing that should show is hidden.
The expected answer is worked out here from the rules alone, not with the emulator's own access code.
"""

from __future__ import annotations

import random
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from orcid_guide.sandbox.launcher import LUCRIS_CLIENT_ID, LUCRIS_CLIENT_SECRET, running_sandbox
from orcid_guide.sandbox.lucris import database as lucris_database
from orcid_guide.sandbox.lucris import orcid_client, orcid_import, people
from orcid_guide.sandbox.orcid.database import connect, transaction
from orcid_guide.sandbox.orcid.demo_data import CARBERRY, EVA
from orcid_guide.sandbox.orcid.request_context import SETTINGS_KEY
from orcid_guide.sandbox.orcid.settings import ClientRegistration
from orcid_guide.sandbox.orcid.works_store import NewExternalId, NewWork, Source, insert_work
from tests.helpers.orcid_forms import grant_token, make_app, sign_in

SEED = 20261121
ROUNDS = 12
VISIBILITIES = ("public", "limited", "private")
ALPHA = ClientRegistration(
    "APP-PROPERTY000001", "alpha-secret-long-enough", "Alpha Member", ("http://127.0.0.1:7/a",), member=True
)
BETA = ClientRegistration(
    "APP-PROPERTY000002", "beta-secret-long-enough", "Beta Member", ("http://127.0.0.1:7/b",), member=True
)
RESEARCHERS = (EVA, CARBERRY)
JSON_HEADERS = {"Accept": "application/vnd.orcid+json"}


@dataclass(frozen=True)
class Viewer:
    """Someone reading Eva's record: with which token, and what the rules let them see there."""

    name: str
    token: str | None
    limited: bool = False  # a /read-limited token for Eva's record
    source: str | None = None  # the client whose own items this token reads back
    owner: bool = False

    def may_see(self, visibility: str, source_client: str | None) -> bool:
        if self.owner or visibility == "public":
            return True
        if visibility == "limited" and self.limited:
            return True
        return self.source is not None and source_client == self.source


@dataclass(frozen=True)
class RandomWork:
    title: str
    visibility: str
    source_client: str | None


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    return make_app(tmp_path_factory.mktemp("visibility"), clients=(ALPHA, BETA))


def _token(app: Flask, who: Any, client: ClientRegistration, scope: str) -> str:
    grant = grant_token(app, who.email, who.password, client.client_id, client.secret, client.redirect_uris[0], scope)
    return str(grant["access_token"])


@pytest.fixture(scope="module")
def viewers(app: Flask) -> list[Viewer]:
    public = app.test_client().post(
        "/oauth/token",
        data={
            "client_id": ALPHA.client_id,
            "client_secret": ALPHA.secret,
            "grant_type": "client_credentials",
            "scope": "/read-public",
        },
    )
    return [
        Viewer("anonymous", None),
        Viewer("read-public token", str(public.get_json()["access_token"])),
        Viewer(
            "Eva's /read-limited client",
            _token(app, EVA, ALPHA, "/read-limited /activities/update"),
            limited=True,
            source=ALPHA.client_id,
        ),
        # Beta may write to Eva's record but not read her limited items: it sees public ones and its own.
        Viewer("the source client", _token(app, EVA, BETA, "/activities/update"), source=BETA.client_id),
        # Beta with /read-limited for Carberry: on Eva's record that counts for nothing.
        Viewer("another member", _token(app, CARBERRY, BETA, "/read-limited /activities/update")),
        Viewer("the owner", None, owner=True),
    ]


def _fill(
    app: Flask | Path, rng: random.Random, round_number: int, clients: tuple[ClientRegistration, ...] = (ALPHA, BETA)
) -> dict[str, list[RandomWork]]:
    """Replace both researchers' works with random ones; randomize name and email visibility."""
    db = connect(app if isinstance(app, Path) else app.config[SETTINGS_KEY].database)
    made: dict[str, list[RandomWork]] = {}
    try:
        with transaction(db):
            for person in RESEARCHERS:
                db.execute("DELETE FROM works WHERE orcid = ?", (person.orcid,))
                db.execute(
                    "UPDATE users SET names_visibility = ? WHERE orcid = ?", (rng.choice(VISIBILITIES), person.orcid)
                )
                db.execute("UPDATE emails SET visibility = ? WHERE orcid = ?", (rng.choice(VISIBILITIES), person.orcid))
                works = []
                for number in range(rng.randint(0, 7)):
                    client = rng.choice((None, *clients))
                    work = RandomWork(
                        f"Round {round_number} {person.orcid[-4:]} work {number}",
                        rng.choice(VISIBILITIES),
                        client.client_id if client else None,
                    )
                    source = (
                        Source(client.name, client_id=client.client_id)
                        if client
                        else Source("Self", orcid=person.orcid)
                    )
                    new = NewWork(
                        work.title,
                        rng.choice(("journal-article", "book-chapter", "conference-paper")),
                        work.visibility,
                        year=rng.randint(1990, 2026),
                        external_ids=(NewExternalId("doi", f"10.5555/r{round_number}.{person.orcid}.{number}"),),
                    )
                    insert_work(db, person.orcid, new, source, now_ms=0)
                    works.append(work)
                made[person.orcid] = works
    finally:
        db.close()
    return made


def _put_codes(app: Flask, orcid: str) -> dict[str, int]:
    db = sqlite3.connect(app.config[SETTINGS_KEY].database)
    try:
        return dict(db.execute("SELECT title, put_code FROM works WHERE orcid = ?", (orcid,)).fetchall())
    finally:
        db.close()


def _headers(viewer: Viewer) -> dict[str, str]:
    return {**JSON_HEADERS, "Authorization": f"Bearer {viewer.token}"} if viewer.token else JSON_HEADERS


def _titles(works_json: dict[str, Any]) -> set[str]:
    return {s["title"]["title"]["value"] for g in works_json["group"] for s in g["work-summary"]}


def _api_titles(api: FlaskClient, viewer: Viewer, orcid: str, codes: dict[str, int]) -> dict[str, set[str]]:
    """What each API read path shows this viewer of the record's works."""
    headers = _headers(viewer)
    seen = {
        "works": _titles(api.get(f"/v3.0/{orcid}/works", headers=headers).get_json()),
        "record": _titles(api.get(f"/v3.0/{orcid}/record", headers=headers).get_json()["activities-summary"]["works"]),
        "work": set(),
        "works-bulk": set(),
    }
    for code in codes.values():
        answer = api.get(f"/v3.0/{orcid}/work/{code}", headers=headers)
        assert answer.status_code in (200, 404)
        if answer.status_code == 200:
            seen["work"].add(answer.get_json()["title"]["title"]["value"])
    if codes:
        bulk = api.get(f"/v3.0/{orcid}/works/{','.join(str(c) for c in codes.values())}", headers=headers).get_json()
        seen["works-bulk"] = {item["work"]["title"]["title"]["value"] for item in bulk["bulk"] if "work" in item}
    return seen


def _page_titles(page: str, titles: list[str]) -> set[str]:
    return {title for title in titles if f">{title}<" in page}


def test_every_read_path_shows_each_viewer_exactly_what_the_rules_allow(app: Flask, viewers: list[Viewer]) -> None:
    rng = random.Random(SEED)
    api = app.test_client()
    owner_browser = app.test_client()
    sign_in(owner_browser, EVA.email, EVA.password)
    for round_number in range(ROUNDS):
        made = _fill(app, rng, round_number)
        eva_works = made[EVA.orcid]
        codes = _put_codes(app, EVA.orcid)
        all_titles = [work.title for work in eva_works]
        public = {work.title for work in eva_works if work.visibility == "public"}
        for viewer in viewers:
            allowed = {work.title for work in eva_works if viewer.may_see(work.visibility, work.source_client)}
            where = f"round {round_number}, {viewer.name}"
            if viewer.owner:
                assert _page_titles(owner_browser.get("/my-orcid").text, all_titles) == allowed, where
                # The public page is what everyone else sees, the owner included.
                assert _page_titles(owner_browser.get(f"/{EVA.orcid}").text, all_titles) == public, where
                continue
            for path, seen in _api_titles(api, viewer, EVA.orcid, codes).items():
                assert seen == allowed, f"{where}, {path}: leaked {seen - allowed}, hid {allowed - seen}"
            assert _page_titles(app.test_client().get(f"/{EVA.orcid}").text, all_titles) == public, where


def test_search_and_person_show_names_and_emails_only_when_public(app: Flask, viewers: list[Viewer]) -> None:
    rng = random.Random(SEED + 1)
    api = app.test_client()
    for round_number in range(ROUNDS):
        _fill(app, rng, round_number)
        db = sqlite3.connect(app.config[SETTINGS_KEY].database)
        names, emails = db.execute(
            "SELECT names_visibility, (SELECT visibility FROM emails WHERE orcid = users.orcid AND is_primary = 1)"
            " FROM users WHERE orcid = ?",
            (EVA.orcid,),
        ).fetchone()
        db.close()
        for viewer in viewers:
            if viewer.owner:
                continue
            headers = _headers(viewer)
            found = api.get('/v3.0/search/?q=family-name:"de Vries"', headers=headers).get_json()
            assert (EVA.orcid in str(found["result"])) == (names == "public"), (round_number, viewer.name, names)
            rows = api.get(f"/v3.0/expanded-search/?q=orcid:{EVA.orcid}", headers=headers).get_json()
            shown_emails = [e for row in rows["expanded-result"] or [] for e in row["email"]]
            assert (EVA.email in shown_emails) == (names == "public" and emails == "public")
            person = api.get(f"/v3.0/{EVA.orcid}/person", headers=headers).get_json()
            name_allowed = viewer.may_see(names, None)
            assert (person["name"] is not None) == name_allowed, (round_number, viewer.name, names)
            email_allowed = viewer.may_see(emails, None)
            assert (EVA.email in str(person["emails"])) == email_allowed, (round_number, viewer.name, emails)


def test_lucris_lookup_and_import_see_public_works_only(tmp_path: Path) -> None:
    """LUCRIS's two read paths, over real HTTP: Lookup ORCID's "Show" and Add new > Import from ORCID."""
    rng = random.Random(SEED + 2)
    lucris_client = ClientRegistration(LUCRIS_CLIENT_ID, LUCRIS_CLIENT_SECRET, "LUCRIS", (), member=True)
    with running_sandbox(tmp_path / "sandbox") as sandbox:
        db = lucris_database.connect(sandbox.lucris.database)
        try:
            people.set_orcid_id(db, people.by_username(db, "evries").id, EVA.orcid)  # type: ignore[union-attr]
            eva = people.by_username(db, "evries")
            assert eva is not None
            for round_number in range(4):
                made = _fill(sandbox.orcid.database, rng, round_number, clients=(lucris_client,))
                public = {work.title for work in made[EVA.orcid] if work.visibility == "public"}
                shown = orcid_client.public_works(sandbox.orcid_url, EVA.orcid)
                assert {work.title for work in shown} == public, round_number
                search_id = orcid_import.search(db, sandbox.lucris, eva, eva, "2026-03-02T10:00:00")
                found = orcid_import.load(db, search_id, eva, eva)
                assert found is not None
                assert {item.work.title for item in found.found} == public, round_number
        finally:
            db.close()
