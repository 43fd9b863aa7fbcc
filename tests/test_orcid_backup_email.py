"""ORCID's backup-email interstitial behind the emulator's switch: who is asked, where, once, what each button does."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from orcid_guide.sandbox.orcid.demo_data import CARBERRY, EVA
from orcid_guide.sandbox.orcid.request_context import SETTINGS_KEY
from orcid_guide.sandbox.orcid.settings import ClientRegistration
from tests.helpers.orcid_forms import authorize_path, csrf_from, decide, make_app, query_of, sign_in

CALLBACK = "http://127.0.0.1:9/orcid/callback"
LUCRIS = ClientRegistration(
    "APP-TEST0CLIENT0001", "a-very-long-client-secret", "LUCRIS - Leiden University", (CALLBACK,), member=True
)
DIALOG = 'role="dialog" aria-modal="true" aria-label="Add a backup email address dialog"'


pytestmark = pytest.mark.orcid_settings(clients=(LUCRIS,), backup_email_prompt=True)


def emails(app: Flask, orcid: str) -> list[tuple[str, int, str]]:
    db = sqlite3.connect(app.config[SETTINGS_KEY].database)
    try:
        rows = db.execute(
            "SELECT address, is_primary, visibility FROM emails WHERE orcid = ? ORDER BY address", (orcid,)
        )
        return [(row[0], row[1], row[2]) for row in rows]
    finally:
        db.close()


def signed_in(app: Flask) -> FlaskClient:
    client = app.test_client()
    sign_in(client, EVA.email, EVA.password)
    return client


def test_a_record_with_one_email_is_asked_once_on_its_first_record_page(app: Flask) -> None:
    assert len(emails(app, EVA.orcid)) == 1
    client = signed_in(app)
    page = client.get("/my-orcid").text
    assert DIALOG in page
    for text in (
        '<h1 id="backup-email-heading">Add a backup email address</h1>',
        "We’ve noticed you only have one email address associated with your ORCID account.",
        "<h2>Your primary email address</h2>",
        f"<strong>{EVA.email}</strong>",
        "<h2>Your backup email address</h2>",
        '<label id="backup-email-input-label" for="backup-email-input" class="strong">Backup email</label>',
        'placeholder="Add an additional email as backup"',
        ">Add backup email address</button>",
        "<i>Continue without adding a backup email address</i></button>",
    ):
        assert text in page
    # Not again in this session, nor in a new one: showing it flagged the record.
    assert DIALOG not in client.get("/my-orcid").text
    assert DIALOG not in signed_in(app).get("/my-orcid").text


def test_the_switch_off_asks_nobody(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    assert DIALOG not in signed_in(app).get("/my-orcid").text


def test_adding_a_backup_saves_it_private_and_not_primary_and_says_so(app: Flask) -> None:
    client = signed_in(app)
    token = csrf_from(client.get("/my-orcid").text)
    answer = client.post(
        "/my-orcid/backup-email", data={"csrf_token": token, "action": "add", "backup_email": " eva@home.example "}
    )
    assert answer.status_code == 303
    page = client.get(answer.headers["Location"]).text
    assert "<h3>Backup email address added</h3>" in page
    assert "You have successfully added <strong>eva@home.example</strong> as your backup email address." in page
    assert DIALOG not in page
    assert ("eva@home.example", 0, "private") in emails(app, EVA.orcid)


@pytest.mark.parametrize(
    ("address", "error"),
    [
        ("", "Please enter your email"),
        ("not-an-address", "Please enter a valid email address, for example joe@institution.edu"),
        (
            CARBERRY.email,
            "This email is already associated with an existing ORCID record. Please use a different email address.",
        ),
        (
            EVA.email.upper(),
            "This email is already associated with an existing ORCID record. Please use a different email address.",
        ),
    ],
)
def test_a_bad_backup_address_keeps_the_dialog_open_with_one_sentence(app: Flask, address: str, error: str) -> None:
    client = signed_in(app)
    token = csrf_from(client.get("/my-orcid").text)
    answer = client.post("/my-orcid/backup-email", data={"csrf_token": token, "action": "add", "backup_email": address})
    assert answer.status_code == 200
    assert DIALOG in answer.text
    assert f'<p class="error" id="backup-email-error" role="alert">{error}</p>' in answer.text
    assert len(emails(app, EVA.orcid)) == 1


def test_continuing_without_adds_nothing(app: Flask) -> None:
    client = signed_in(app)
    token = csrf_from(client.get("/my-orcid").text)
    answer = client.post("/my-orcid/backup-email", data={"csrf_token": token, "action": "skip"})
    assert answer.status_code == 303
    assert DIALOG not in client.get("/my-orcid").text
    assert len(emails(app, EVA.orcid)) == 1


def test_in_the_authorize_flow_it_shows_after_authorize_access_and_then_the_redirect_runs(app: Flask) -> None:
    client = signed_in(app)
    answer = decide(client, authorize_path(LUCRIS.client_id, "/activities/update", CALLBACK, "s1"))
    assert answer.status_code == 200
    assert '<h1 id="backup-email-heading">Add a backup email address</h1>' in answer.text
    token = csrf_from(answer.text)
    added = client.post(
        "/oauth/backup-email", data={"csrf_token": token, "action": "add", "backup_email": "eva@home.example"}
    )
    assert '<h1 id="added-heading">Backup email address added</h1>' in added.text
    assert "You have successfully added the following email address as your backup email." in added.text
    assert ">Continue to LUCRIS - Leiden University</button>" in added.text
    onward = client.post("/oauth/backup-email/continue", data={"csrf_token": csrf_from(added.text)})
    assert onward.status_code == 303
    assert onward.headers["Location"].startswith(CALLBACK)
    assert set(query_of(onward.headers["Location"])) == {"code", "state"}


def test_in_the_authorize_flow_continuing_without_goes_straight_on(app: Flask) -> None:
    client = signed_in(app)
    answer = decide(client, authorize_path(LUCRIS.client_id, "/activities/update", CALLBACK))
    onward = client.post("/oauth/backup-email", data={"csrf_token": csrf_from(answer.text), "action": "skip"})
    assert onward.status_code == 303
    assert "code" in query_of(onward.headers["Location"])
    assert len(emails(app, EVA.orcid)) == 1


def test_continuing_with_nothing_pending_is_one_sentence(app: Flask) -> None:
    client = signed_in(app)
    token = csrf_from(client.get("/account").text)
    answer = client.post("/oauth/backup-email/continue", data={"csrf_token": token})
    assert answer.status_code == 400
    assert "There is nothing to continue." in answer.text
