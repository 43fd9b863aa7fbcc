"""Mock LUCRIS's calls to ORCID: Lookup ORCID, Show, +, Connect to ORCID (OAuth), the push of validated work.

FAKE ORCID: until the ORCID emulator answers its API and OAuth endpoints (/v3.0/expanded-search/,
/v3.0/{id}/works, /oauth/token, /oauth/revoke, POST /v3.0/{id}/work), these tests run LUCRIS against
``FakeOrcid`` below: a stdlib HTTP server on loopback that answers in the shapes of reference/orcid.md and
records what LUCRIS sent. LUCRIS still talks real HTTP to it. When the emulator's API lands, the lead can
point these flows at ``running_sandbox`` instead and keep the assertions on what LUCRIS shows and stores.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from orcid_guide.orcid_id import format_id
from tests.helpers.lucris_forms import FOR_VALIDATION, form_token, log_in, post

EVA_ID = format_id(15_000_123)
OTHER_EVA_ID = format_id(900_000_004_321)
TOKEN = "8b3f0c2e-7d5a-4e7b-9a61-2f0d7c4b1e55"

pytestmark = pytest.mark.lucris


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes

    def form(self) -> dict[str, str]:
        return dict(urllib.parse.parse_qsl(self.body.decode()))


Answer = tuple[int, dict[str, str], Any]
Route = Callable[[Seen], Answer]


@dataclass
class FakeOrcid:
    """FAKE ORCID (see the module docstring): canned answers per (method, path), every request recorded."""

    url: str = ""
    routes: dict[tuple[str, str], Route] = field(default_factory=dict)
    seen: list[Seen] = field(default_factory=list)

    def on(self, method: str, path: str, route: Route) -> None:
        self.routes[(method, path)] = route

    def answer(
        self, method: str, path: str, status: int, body: Any = None, headers: dict[str, str] | None = None
    ) -> None:
        self.on(method, path, lambda _seen: (status, headers or {}, body))

    def requests_to(self, path: str) -> list[Seen]:
        return [seen for seen in self.seen if seen.path == path]


def _handler(fake: FakeOrcid) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _serve(self) -> None:
            parts = urllib.parse.urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            seen = Seen(
                self.command,
                parts.path,
                urllib.parse.parse_qs(parts.query),
                {k.lower(): v for k, v in self.headers.items()},
                self.rfile.read(length),
            )
            fake.seen.append(seen)
            route = fake.routes.get((self.command, parts.path))
            status, headers, body = route(seen) if route else (404, {}, {"error": "not found"})
            payload = b"" if body is None else json.dumps(body).encode()
            self.send_response(status)
            for name, value in {"Content-Type": "application/json", **headers}.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = _serve
        do_POST = _serve

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


@pytest.fixture
def fake_orcid() -> Iterator[FakeOrcid]:
    fake = FakeOrcid()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    server.daemon_threads = True
    fake.url = f"http://127.0.0.1:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    yield fake
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture
def lucris_orcid_url(fake_orcid: FakeOrcid) -> str:
    return fake_orcid.url


def person_row(app: Flask, username: str = "evries") -> sqlite3.Row:
    with sqlite3.connect(app.config["LUCRIS_SETTINGS"].database) as db:
        db.row_factory = sqlite3.Row
        row: sqlite3.Row = db.execute("SELECT * FROM persons WHERE username = ?", (username,)).fetchone()
    return row


def search_answer(*rows: dict[str, Any]) -> dict[str, Any]:
    return {"expanded-result": list(rows), "num-found": len(rows)}


def search_row(orcid_id: str, given: str, family: str, institution: str) -> dict[str, Any]:
    return {
        "orcid-id": orcid_id,
        "given-names": given,
        "family-names": family,
        "credit-name": None,
        "other-name": [],
        "email": [],
        "institution-name": [institution],
    }


EVA_ROW = search_row(EVA_ID, "Eva", "de Vries", "Leiden University")
OTHER_ROW = search_row(OTHER_EVA_ID, "Eva", "de Vries", "Utrecht University")


def works_answer(orcid_id: str, *titles: str) -> dict[str, Any]:
    return {
        "last-modified-date": {"value": 1772447400000},
        "group": [
            {
                "last-modified-date": {"value": 1772447400000},
                "external-ids": {"external-id": []},
                "work-summary": [
                    {
                        "put-code": 1000 + index,
                        "title": {"title": {"value": title}},
                        "type": "journal-article",
                        "publication-date": {"year": {"value": "2021"}, "month": None, "day": None},
                        "journal-title": {"value": "Water Research"},
                        "source": {"source-name": {"value": "Eva de Vries"}},
                        "visibility": "public",
                        "path": f"/{orcid_id}/work/{1000 + index}",
                    }
                ],
            }
            for index, title in enumerate(titles)
        ],
        "path": f"/{orcid_id}/works",
    }


def connect(client: FlaskClient, fake: FakeOrcid, orcid_id: str = EVA_ID) -> None:
    """Connect to ORCID the whole way round, with the fake's token endpoint granting ``orcid_id``."""
    fake.answer(
        "POST",
        "/oauth/token",
        200,
        {
            "access_token": TOKEN,
            "token_type": "bearer",
            "refresh_token": "r-1",
            "expires_in": 631138518,
            "scope": "/read-limited /activities/update",
            "name": "Eva de Vries",
            "orcid": orcid_id,
        },
    )
    answer = client.post("/orcid/connect", data={"csrf_token": form_token(client.get("/my-settings").text)})
    state = urllib.parse.parse_qs(urllib.parse.urlsplit(answer.headers["Location"]).query)["state"][0]
    done = client.get(f"/orcid/callback?code=Ab3dEf&state={state}", follow_redirects=True)
    assert "LUCRIS is now connected to your ORCID record" in done.text


def validate_as_editor(app: Flask, uuid: str = FOR_VALIDATION) -> str:
    editor = app.test_client()
    log_in(editor, "mjansen", "lucris-editor")
    return post(editor, f"/publications/{uuid}/workflow", {"step": "validated"}, page=f"/publications/{uuid}")


# --- Lookup ORCID, Show, + ---------------------------------------------------------------------------------


def test_lookup_asks_expanded_search_by_name_and_lists_the_matches(client: FlaskClient, fake_orcid: FakeOrcid) -> None:
    fake_orcid.answer("GET", "/v3.0/expanded-search/", 200, search_answer(EVA_ROW, OTHER_ROW))
    log_in(client)
    page = client.get("/preferences/research-profile?lookup=1").text
    (seen,) = fake_orcid.requests_to("/v3.0/expanded-search/")
    assert seen.query["q"] == ['family-name:"de Vries" AND given-names:Eva']
    assert seen.headers["accept"] == "application/vnd.orcid+json"
    assert "<caption>ORCID records matching Eva de Vries</caption>" in page
    for row in (EVA_ID, OTHER_EVA_ID, "Leiden University", "Utrecht University"):
        assert row in page
    assert page.count(">Show</button>") == 2
    assert page.count(">+</button>") == 2


def test_show_fetches_the_public_works_of_one_match(client: FlaskClient, fake_orcid: FakeOrcid) -> None:
    fake_orcid.answer("GET", "/v3.0/expanded-search/", 200, search_answer(EVA_ROW, OTHER_ROW))
    fake_orcid.answer("GET", f"/v3.0/{EVA_ID}/works", 200, works_answer(EVA_ID, "Titel Artikel 1", "Titel Artikel 2"))
    log_in(client)
    page = client.get(f"/preferences/research-profile?lookup=1&show={EVA_ID}").text
    assert f"ORCID record {EVA_ID}</h3>" in page
    assert "Titel Artikel 1" in page and "Titel Artikel 2" in page
    assert "<dt>Public works</dt><dd>2</dd>" in page
    assert fake_orcid.requests_to(f"/v3.0/{EVA_ID}/works")[0].headers["accept"] == "application/vnd.orcid+json"


def test_plus_saves_the_matched_id_on_the_profile(app: Flask, client: FlaskClient, fake_orcid: FakeOrcid) -> None:
    fake_orcid.answer("GET", "/v3.0/expanded-search/", 200, search_answer(EVA_ROW))
    log_in(client)
    lookup_page = client.get("/preferences/research-profile?lookup=1").text
    assert f'<input type="hidden" name="orcid" value="{EVA_ID}">' in lookup_page
    page = post(
        client, "/preferences/research-profile", {"orcid": EVA_ID}, page="/preferences/research-profile?lookup=1"
    )
    assert f"Your ORCID iD {EVA_ID} has been saved on your research profile." in page
    assert person_row(app)["orcid_id"] == EVA_ID
    assert person_row(app)["orcid_connected"] == 0


def test_lookup_shows_orcid_data_escaped(client: FlaskClient, fake_orcid: FakeOrcid) -> None:
    fake_orcid.answer(
        "GET",
        "/v3.0/expanded-search/",
        200,
        search_answer(search_row(EVA_ID, "<script>x()</script>", "de Vries", "A & B")),
    )
    log_in(client)
    page = client.get("/preferences/research-profile?lookup=1").text
    assert "<script>x()" not in page
    assert "&lt;script&gt;x()&lt;/script&gt; de Vries" in page
    assert "A &amp; B" in page


def test_lookup_with_no_public_match_says_what_to_do(client: FlaskClient, fake_orcid: FakeOrcid) -> None:
    fake_orcid.answer("GET", "/v3.0/expanded-search/", 200, {"expanded-result": None, "num-found": 0})
    log_in(client)
    page = client.get("/preferences/research-profile?lookup=1").text
    assert "ORCID has no public record for Eva de Vries." in page


def test_lookup_when_orcid_answers_a_server_error(client: FlaskClient, fake_orcid: FakeOrcid) -> None:
    fake_orcid.answer("GET", "/v3.0/expanded-search/", 503, {"error": "down"})
    log_in(client)
    page = client.get("/preferences/research-profile?lookup=1").text
    assert "ORCID could not be reached, so LUCRIS could not look up your ORCID iD." in page


# --- Connect to ORCID ----------------------------------------------------------------------------------------


def test_connect_sends_the_browser_to_orcids_authorize_page_with_a_state(
    client: FlaskClient, fake_orcid: FakeOrcid
) -> None:
    log_in(client)
    page = client.get("/my-settings").text
    assert ">ORCID Settings</h2>" in page and ">Connect to ORCID</button>" in page
    answer = client.post("/orcid/connect", data={"csrf_token": form_token(page)})
    assert answer.status_code == 303
    target = urllib.parse.urlsplit(answer.headers["Location"])
    assert f"{target.scheme}://{target.netloc}{target.path}" == f"{fake_orcid.url}/oauth/authorize"
    params = urllib.parse.parse_qs(target.query)
    assert params["client_id"] == ["APP-LUCRIS0LEIDEN0"]
    assert params["response_type"] == ["code"]
    assert params["scope"] == ["/read-limited /activities/update"]
    assert params["redirect_uri"] == ["http://127.0.0.1:5999/orcid/callback"]
    assert len(params["state"][0]) >= 20
    second = client.post("/orcid/connect", data={"csrf_token": form_token(page)})
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(second.headers["Location"]).query)["state"] != params["state"]


@pytest.mark.parametrize("state_part", ["&state=forged", ""])
def test_callback_with_a_wrong_or_missing_state_is_refused(
    app: Flask, client: FlaskClient, fake_orcid: FakeOrcid, state_part: str
) -> None:
    fake_orcid.answer(
        "POST", "/oauth/token", 200, {"access_token": TOKEN, "scope": "/activities/update", "orcid": EVA_ID}
    )
    log_in(client)
    client.post("/orcid/connect", data={"csrf_token": form_token(client.get("/my-settings").text)})
    answer = client.get(f"/orcid/callback?code=Ab3dEf{state_part}")
    assert answer.status_code == 400
    assert "does not belong to a connection you started in LUCRIS" in answer.text
    assert fake_orcid.requests_to("/oauth/token") == []
    assert person_row(app)["orcid_access_token"] is None


def test_callback_exchanges_the_code_and_stores_the_token(
    app: Flask, client: FlaskClient, fake_orcid: FakeOrcid
) -> None:
    log_in(client)
    connect(client, fake_orcid)
    (seen,) = fake_orcid.requests_to("/oauth/token")
    assert seen.method == "POST"
    assert seen.headers["accept"] == "application/json"
    assert seen.headers["content-type"] == "application/x-www-form-urlencoded"
    assert seen.form() == {
        "client_id": "APP-LUCRIS0LEIDEN0",
        "client_secret": "test-secret",
        "grant_type": "authorization_code",
        "code": "Ab3dEf",
        "redirect_uri": "http://127.0.0.1:5999/orcid/callback",
    }
    row = person_row(app)
    assert (row["orcid_access_token"], row["orcid_scope"], row["orcid_id"], row["orcid_connected"]) == (
        TOKEN,
        "/read-limited /activities/update",
        EVA_ID,
        1,
    )
    page = client.get("/my-settings").text
    assert ">Connected</span>" in page and EVA_ID in page
    assert "<dd>2 March 2026</dd>" in page
    assert ">Disconnect from ORCID</button>" in page
    assert ">Connect to ORCID</button>" not in page


def test_the_state_is_single_use(app: Flask, client: FlaskClient, fake_orcid: FakeOrcid) -> None:
    log_in(client)
    connect(client, fake_orcid)
    state_again = client.get("/orcid/callback?code=Ab3dEf&state=anything")
    assert state_again.status_code == 400
    assert len(fake_orcid.requests_to("/oauth/token")) == 1


def test_denied_access_is_explained(app: Flask, client: FlaskClient) -> None:
    log_in(client)
    client.post("/orcid/connect", data={"csrf_token": form_token(client.get("/my-settings").text)})
    page = client.get(
        "/orcid/callback?error=access_denied&error_description=User+denied+access", follow_redirects=True
    ).text
    assert "You did not give LUCRIS permission in ORCID, so LUCRIS is not connected to ORCID." in page
    assert ">Connect to ORCID</button>" in page
    assert person_row(app)["orcid_connected"] == 0


def test_a_refused_code_leaves_lucris_unconnected(app: Flask, client: FlaskClient, fake_orcid: FakeOrcid) -> None:
    fake_orcid.answer(
        "POST", "/oauth/token", 400, {"error": "invalid_grant", "error_description": "Invalid authorization code"}
    )
    log_in(client)
    answer = client.post("/orcid/connect", data={"csrf_token": form_token(client.get("/my-settings").text)})
    state = urllib.parse.parse_qs(urllib.parse.urlsplit(answer.headers["Location"]).query)["state"][0]
    page = client.get(f"/orcid/callback?code=zzz&state={state}", follow_redirects=True).text
    assert "ORCID did not accept LUCRIS&#39;s request (Invalid authorization code)" in page
    assert person_row(app)["orcid_connected"] == 0


def test_disconnect_revokes_the_token_and_keeps_the_id(app: Flask, client: FlaskClient, fake_orcid: FakeOrcid) -> None:
    fake_orcid.answer("POST", "/oauth/revoke", 200, {})
    log_in(client)
    connect(client, fake_orcid)
    page = post(client, "/orcid/disconnect", {}, page="/my-settings")
    assert "LUCRIS is no longer connected to ORCID. Your ORCID iD stays on your research profile." in page
    (seen,) = fake_orcid.requests_to("/oauth/revoke")
    assert seen.form()["token"] == TOKEN
    row = person_row(app)
    assert (row["orcid_id"], row["orcid_access_token"], row["orcid_connected"]) == (EVA_ID, None, 0)


# --- The push of validated publications ----------------------------------------------------------------------


def test_validation_pushes_a_v3_work_with_the_doi_as_self_and_the_bearer_token(
    app: Flask, client: FlaskClient, fake_orcid: FakeOrcid
) -> None:
    fake_orcid.answer(
        "POST", f"/v3.0/{EVA_ID}/work", 201, None, {"Location": f"{fake_orcid.url}/v3.0/{EVA_ID}/work/73105"}
    )
    log_in(client)
    connect(client, fake_orcid)
    page = validate_as_editor(app)
    (seen,) = fake_orcid.requests_to(f"/v3.0/{EVA_ID}/work")
    assert seen.headers["authorization"] == f"Bearer {TOKEN}"
    assert seen.headers["content-type"] == "application/vnd.orcid+json"
    work = json.loads(seen.body)
    assert work["title"] == {"title": {"value": "Microplastics in Rhine sediments: a five-year survey"}}
    assert work["type"] == "journal-article"
    assert work["journal-title"] == {"value": "Water Research"}
    assert work["publication-date"] == {"year": {"value": "2026"}, "month": {"value": "01"}, "day": {"value": "15"}}
    assert work["external-ids"]["external-id"] == [
        {
            "external-id-type": "doi",
            "external-id-value": "10.5555/cml.2026.0115",
            "external-id-relationship": "self",
            "external-id-url": {"value": "https://doi.org/10.5555/cml.2026.0115"},
        }
    ]
    assert work["url"] == {"value": "https://doi.org/10.5555/cml.2026.0115"}
    assert "Added to the ORCID record of Eva de Vries. (put-code 73105)" in page
    own_page = client.get(f"/publications/{FOR_VALIDATION}").text
    assert "(put-code 73105)" in own_page


def test_a_409_means_the_work_is_already_there(app: Flask, client: FlaskClient, fake_orcid: FakeOrcid) -> None:
    fake_orcid.answer(
        "POST",
        f"/v3.0/{EVA_ID}/work",
        409,
        {"response-code": 409, "developer-message": "duplicate", "user-message": "duplicate", "error-code": 9021},
    )
    log_in(client)
    connect(client, fake_orcid)
    page = validate_as_editor(app)
    assert "Already on the ORCID record of Eva de Vries." in page
    assert person_row(app)["orcid_connected"] == 1


def test_a_server_error_leaves_the_push_pending_until_the_queue_runs(
    app: Flask, client: FlaskClient, fake_orcid: FakeOrcid
) -> None:
    fake_orcid.answer("POST", f"/v3.0/{EVA_ID}/work", 502, None)
    log_in(client)
    connect(client, fake_orcid)
    page = validate_as_editor(app)
    assert "Push pending: ORCID could not be reached; LUCRIS will try again." in page
    fake_orcid.answer("POST", f"/v3.0/{EVA_ID}/work", 201, None, {"Location": f"/v3.0/{EVA_ID}/work/555"})
    editor = app.test_client()
    log_in(editor, "mjansen", "lucris-editor")
    assert "Publications waiting to be sent to ORCID: 1." in editor.get("/admin/push").text
    queue_page = post(editor, "/admin/push", {}, page="/admin/push")
    assert "Sent to ORCID: 1. Still waiting: 0." in queue_page
    assert "(put-code 555)" in editor.get(f"/publications/{FOR_VALIDATION}").text
    assert len(fake_orcid.requests_to(f"/v3.0/{EVA_ID}/work")) == 2


def test_a_401_marks_the_connection_gone_and_my_settings_offers_to_connect_again(
    app: Flask, client: FlaskClient, fake_orcid: FakeOrcid
) -> None:
    fake_orcid.answer(
        "POST", f"/v3.0/{EVA_ID}/work", 401, {"error": "invalid_token", "error_description": "Invalid access token"}
    )
    log_in(client)
    connect(client, fake_orcid)
    page = validate_as_editor(app)
    assert "Waiting: ORCID no longer accepts LUCRIS&#39;s connection for Eva de Vries." in page
    row = person_row(app)
    assert (row["orcid_id"], row["orcid_access_token"], row["orcid_connected"], row["orcid_connection_lost"]) == (
        EVA_ID,
        None,
        0,
        1,
    )
    settings_page = client.get("/my-settings").text
    assert "The connection with ORCID is no longer active." in settings_page
    assert ">Connect to ORCID</button>" in settings_page
    assert EVA_ID in client.get("/preferences/research-profile").text
    # Connecting again sends what waited.
    fake_orcid.answer("POST", f"/v3.0/{EVA_ID}/work", 201, None, {"Location": f"/v3.0/{EVA_ID}/work/901"})
    connect(client, fake_orcid)
    assert "The connection with ORCID is no longer active." not in client.get("/my-settings").text
    assert "(put-code 901)" in client.get(f"/publications/{FOR_VALIDATION}").text


def test_validation_alone_sends_an_output_even_one_visible_on_campus_only(
    app: Flask, client: FlaskClient, fake_orcid: FakeOrcid
) -> None:
    # Converis's rule is the status alone; Pure's "Public and Published" condition does not apply.
    fake_orcid.answer("POST", f"/v3.0/{EVA_ID}/work", 201, None, {"Location": f"/v3.0/{EVA_ID}/work/902"})
    log_in(client)
    connect(client, fake_orcid)
    page = validate_as_editor(app, "5b335b28f194647d69865fe06eb9c811")
    assert "Added to the ORCID record of Eva de Vries. (put-code 902)" in page
    (seen,) = fake_orcid.requests_to(f"/v3.0/{EVA_ID}/work")
    assert json.loads(seen.body)["title"] == {"title": {"value": "Tracing nitrogen flows in peri-urban agriculture"}}
