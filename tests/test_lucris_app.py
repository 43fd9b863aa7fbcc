"""Mock LUCRIS through Flask's test client: logging in, the research profile's ORCID iD, publications, safety.

Nothing here needs ORCID to answer; the calls to ORCID are in test_lucris_orcid_calls.py.
"""

from __future__ import annotations

import re
import socket
import sqlite3
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from orcid_guide.sandbox.lucris.fixtures import DEMO_ACCOUNTS, OUTPUTS
from tests.helpers.lucris_forms import FOR_VALIDATION, form_token, log_in, make_app, post

VALID_ID = "0000-0002-1825-0097"
OTHER_VALID_ID = "0000-0002-1694-233X"
CONFIDENTIAL = "63a43581ed3dd44352ec336a7506fead"  # Eva's, in progress and Confidential

pytestmark = pytest.mark.lucris


def stored_orcid_id(app: Flask, username: str = "evries") -> str | None:
    with sqlite3.connect(app.config["LUCRIS_SETTINGS"].database) as db:
        value: str | None = db.execute("SELECT orcid_id FROM persons WHERE username = ?", (username,)).fetchone()[0]
    return value


def test_login_with_good_credentials_shows_the_dashboard_with_the_name(client: FlaskClient) -> None:
    log_in(client)
    page = client.get("/dashboard").text
    assert "<h1>Dashboard</h1>" in page
    assert re.search(r'aria-controls="user-menu">Eva de Vries <span class="caret" aria-hidden="true">', page)
    assert ">My Settings</a>" in page and ">Log out</button>" in page
    assert ">Set Personal Preferences</a>" in page


def test_login_with_a_wrong_password_says_so_and_keeps_the_username(client: FlaskClient) -> None:
    token = form_token(client.get("/login").text)
    answer = client.post("/login", data={"csrf_token": token, "username": "evries", "password": "nope"})
    assert answer.status_code == 401
    assert "The username or password is not correct." in answer.text
    assert 'value="evries"' in answer.text
    assert client.get("/dashboard").status_code == 302


def test_every_demo_account_can_log_in(app: Flask) -> None:
    for account in DEMO_ACCOUNTS:
        client = app.test_client()
        log_in(client, account.username, account.password)
        assert account.name.split(" (")[0] in client.get("/dashboard").text


def test_pages_behind_login_send_you_to_log_in_and_back(client: FlaskClient) -> None:
    answer = client.get("/preferences/research-profile")
    assert answer.status_code == 302
    assert answer.headers["Location"].startswith("/login?next=")
    token = form_token(client.get(answer.headers["Location"]).text)
    after = client.post(
        "/login",
        data={
            "csrf_token": token,
            "username": "evries",
            "password": "lucris-eva",
            "next": "/preferences/research-profile",
        },
    )
    assert after.headers["Location"] == "/preferences/research-profile"


def test_login_refuses_to_send_you_to_another_site(client: FlaskClient) -> None:
    token = form_token(client.get("/login").text)
    after = client.post(
        "/login",
        data={"csrf_token": token, "username": "evries", "password": "lucris-eva", "next": "//evil.example/"},
    )
    assert after.headers["Location"] == "/dashboard"


def test_a_post_without_the_csrf_token_is_refused_and_changes_nothing(app: Flask, client: FlaskClient) -> None:
    log_in(client)
    answer = client.post("/preferences/research-profile", data={"orcid": VALID_ID})
    assert answer.status_code == 400
    assert "This form has expired" in answer.text
    assert stored_orcid_id(app) is None


def test_preferences_menu_leads_to_research_profile(client: FlaskClient) -> None:
    log_in(client)
    page = client.get("/preferences").text
    assert re.search(r'aria-controls="more-menu">More <span', page)
    assert '<a href="/preferences/research-profile">Research Profile</a>' in page
    profile = client.get("/preferences/research-profile").text
    assert ">Research identifiers</h2>" in profile
    assert '<label for="orcid">ORCID</label>' in profile
    assert ">Lookup ORCID</button>" in profile


def test_a_valid_id_is_saved_and_the_url_form_is_accepted(app: Flask, client: FlaskClient) -> None:
    log_in(client)
    page = post(client, "/preferences/research-profile", {"orcid": f"https://orcid.org/{VALID_ID}"})
    assert f"Your ORCID iD {VALID_ID} has been saved on your research profile." in page
    assert f'value="{VALID_ID}"' in page
    assert stored_orcid_id(app) == VALID_ID


def test_a_wrong_id_gives_the_message_and_keeps_the_saved_one(app: Flask, client: FlaskClient) -> None:
    log_in(client)
    post(client, "/preferences/research-profile", {"orcid": VALID_ID})
    page = post(client, "/preferences/research-profile", {"orcid": "0000-0002-1825-0098"})
    assert "0000-0002-1825-0098 has a wrong check digit: the last character should be 7." in page
    assert "Your research profile has not been changed." in page
    assert 'aria-invalid="true"' in page
    assert stored_orcid_id(app) == VALID_ID
    page = post(client, "/preferences/research-profile", {"orcid": "12345"})
    assert "An ORCID iD has 16 characters in four groups of four" in page
    assert stored_orcid_id(app) == VALID_ID


def test_an_empty_field_removes_the_id(app: Flask, client: FlaskClient) -> None:
    log_in(client)
    post(client, "/preferences/research-profile", {"orcid": OTHER_VALID_ID})
    page = post(client, "/preferences/research-profile", {"orcid": "  "})
    assert "Your ORCID iD has been removed from your research profile." in page
    assert stored_orcid_id(app) is None


def test_typed_input_is_escaped_when_shown_back(client: FlaskClient) -> None:
    log_in(client)
    page = post(client, "/preferences/research-profile", {"orcid": '"><script>alert(1)</script>'})
    assert "<script>alert(1)</script>" not in page
    assert "&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_lookup_with_orcid_unreachable_says_so_and_loses_nothing(app: Flask, client: FlaskClient) -> None:
    log_in(client)
    post(client, "/preferences/research-profile", {"orcid": VALID_ID})
    page = client.get("/preferences/research-profile?lookup=1").text
    assert "ORCID could not be reached, so LUCRIS could not look up your ORCID iD." in page
    assert f'value="{VALID_ID}"' in page
    assert stored_orcid_id(app) == VALID_ID


def test_lookup_with_orcid_too_slow_says_it_was_slow_not_unreachable(tmp_path: Path) -> None:
    # An ORCID that takes the connection and never answers, as one busy with a record of thousands of works.
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    try:
        app = make_app(tmp_path, orcid_url=f"http://127.0.0.1:{silent.getsockname()[1]}")
        client = app.test_client()
        log_in(client)
        page = client.get("/preferences/research-profile?lookup=1").text
    finally:
        silent.close()
    assert "ORCID took too long to answer, so LUCRIS could not look up your ORCID iD." in page
    assert "could not be reached" not in page


def test_publications_lists_a_researchers_own_outputs_newest_first(client: FlaskClient) -> None:
    log_in(client)
    page = client.get("/publications?size=100").text
    evas = [o for o in OUTPUTS if any(c.username == "evries" for c in o.contributors)]
    assert len(evas) >= 25
    assert f"<caption>{len(evas)} research outputs</caption>" in page
    assert page.count("<tr data-uuid=") == len(evas)
    assert page.index("Microplastics in Rhine sediments") < page.index("Cadmium in Dutch agricultural soils")
    assert "Sediment transport in the Wadden Sea" not in page  # Erik's alone
    for label in ("Entry in progress", "For validation", "Validated"):
        assert label in page
    assert "Microplastic &amp; tyre-wear particles" in page


def test_another_researchers_output_is_not_shown(client: FlaskClient) -> None:
    log_in(client, "ehorst", "lucris-erik")
    assert client.get(f"/publications/{CONFIDENTIAL}").status_code == 404
    assert client.get(f"/publications/{FOR_VALIDATION}").status_code == 200  # a co-author


def test_a_researcher_cannot_validate(app: Flask, client: FlaskClient) -> None:
    log_in(client)
    page_url = f"/publications/{FOR_VALIDATION}"
    assert 'id="workflow-step"' not in client.get(page_url).text
    token = form_token(client.get(page_url).text)
    answer = client.post(f"{page_url}/workflow", data={"csrf_token": token, "step": "validated"})
    assert answer.status_code == 403
    assert "Only a LUCRIS editor can do this." in answer.text


def test_an_editor_validates_an_output_without_connected_authors(client: FlaskClient) -> None:
    log_in(client, "mjansen", "lucris-editor")
    page_url = f"/publications/{FOR_VALIDATION}"
    assert '<label for="workflow-step">Workflow step</label>' in client.get(page_url).text
    page = post(client, f"{page_url}/workflow", {"step": "validated"}, page=page_url)
    assert "Workflow step set to Validated." in page
    assert '<option value="validated" selected>Validated</option>' in page
    assert "none of its authors was connected to ORCID" in page


def test_bad_input_gets_a_page_not_a_server_error(client: FlaskClient) -> None:
    log_in(client, "mjansen", "lucris-editor")
    page_url = f"/publications/{FOR_VALIDATION}"
    answer = client.post(
        f"{page_url}/workflow", data={"csrf_token": form_token(client.get(page_url).text), "step": "<b>done</b>"}
    )
    assert answer.status_code == 400
    assert "Choose one of the workflow steps" in answer.text
    assert client.get("/publications/not-a-uuid").status_code == 404
    assert client.get("/preferences/research-profile?lookup=1&show=%3Cx%3E").status_code == 200
    assert client.put("/login").status_code == 405


def test_log_out_ends_the_session(client: FlaskClient) -> None:
    log_in(client)
    page = post(client, "/logout", {})
    assert "<h1>Log in</h1>" in page
    assert client.get("/dashboard").status_code == 302


def test_the_session_cookie_has_lucris_own_name(client: FlaskClient) -> None:
    answer = client.get("/login")
    assert "lucris_session=" in answer.headers["Set-Cookie"]
