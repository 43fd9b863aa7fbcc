"""The emulator's SQLite file: schema, foreign keys, registered clients and the demo accounts."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from orcid_guide.orcid_id import in_issued_block, is_valid
from orcid_guide.sandbox.orcid.client_registry import redirect_uris, secret_matches
from orcid_guide.sandbox.orcid.database import connect
from orcid_guide.sandbox.orcid.demo_clients import builtin_clients
from orcid_guide.sandbox.orcid.demo_data import DEMO_ACCOUNTS, DEMO_WORKS
from orcid_guide.sandbox.orcid.settings import ClientRegistration
from tests.helpers.orcid_forms import make_app, sign_in

LUCRIS = ClientRegistration(
    client_id="APP-TEST0CLIENT0001",
    secret="a-very-long-client-secret",
    name="LUCRIS - Leiden University",
    redirect_uris=("http://127.0.0.1:9/orcid/callback",),
    member=True,
)

TABLES = {
    "users",
    "emails",
    "employments",
    "works",
    "work_external_ids",
    "work_contributors",
    "clients",
    "client_redirect_uris",
    "tokens",
    "oauth_codes",
    "registration_drafts",
}


@pytest.fixture
def db(tmp_path: Path) -> sqlite3.Connection:
    make_app(tmp_path, clients=(LUCRIS,))
    return connect(tmp_path / "orcid.sqlite3")


def test_the_schema_holds_every_table(db: sqlite3.Connection) -> None:
    names = {row["name"] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert names >= TABLES


def test_foreign_keys_are_enforced(db: sqlite3.Connection) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO works (orcid, source_orcid, source_name, title, type, visibility, created_ms, modified_ms)"
            " VALUES ('0000-0000-0000-0000', '0000-0000-0000-0000', 'x', 't', 'other', 'public', 0, 0)"
        )


def test_an_email_is_unique_whatever_its_case(db: sqlite3.Connection) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO emails (address, orcid, created_ms) VALUES (?, ?, 0)",
            (DEMO_ACCOUNTS[0].email.upper(), DEMO_ACCOUNTS[1].orcid),
        )


def test_clients_are_registered_with_a_hashed_secret(db: sqlite3.Connection) -> None:
    row = db.execute("SELECT * FROM clients WHERE client_id = ?", (LUCRIS.client_id,)).fetchone()
    assert row["name"] == LUCRIS.name
    assert row["member"] == 1
    assert LUCRIS.secret not in row["secret_hash"]
    assert secret_matches(db, LUCRIS.client_id, LUCRIS.secret)
    assert not secret_matches(db, LUCRIS.client_id, "guess")
    assert not secret_matches(db, "APP-UNKNOWN", LUCRIS.secret)
    assert redirect_uris(db, LUCRIS.client_id) == list(LUCRIS.redirect_uris)


def test_reopening_a_database_does_not_duplicate_anything(tmp_path: Path) -> None:
    make_app(tmp_path, clients=(LUCRIS,))
    make_app(tmp_path, clients=(LUCRIS,))
    db = connect(tmp_path / "orcid.sqlite3")
    assert db.execute("SELECT count(*) FROM users").fetchone()[0] == len(DEMO_ACCOUNTS)
    assert db.execute("SELECT count(*) FROM works").fetchone()[0] == sum(len(w) for w in DEMO_WORKS.values())
    # LUCRIS's one redirect URI, plus one for each built-in demo client (Crossref, DataCite, public demo).
    assert db.execute("SELECT count(*) FROM client_redirect_uris").fetchone()[0] == 1 + len(builtin_clients(""))


def test_demo_accounts_have_valid_ids_and_sign_in(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    assert DEMO_ACCOUNTS[0].orcid == "0000-0002-1825-0097"
    assert len({account.orcid for account in DEMO_ACCOUNTS}) == len(DEMO_ACCOUNTS)
    for account in DEMO_ACCOUNTS:
        assert is_valid(account.orcid) and in_issued_block(account.orcid)
        client = app.test_client()
        assert sign_in(client, account.email, account.password).status_code == 303
        assert account.name in client.get("/my-orcid").text


def test_demo_works_carry_doi_external_ids(db: sqlite3.Connection) -> None:
    rows = db.execute(
        "SELECT works.title, ids.value, ids.normalized_value, ids.relationship FROM works"
        " JOIN work_external_ids AS ids USING (put_code) WHERE ids.type = 'doi'"
    ).fetchall()
    assert rows
    for row in rows:
        assert row["normalized_value"] == row["value"].lower()
        assert row["relationship"] == "self"
