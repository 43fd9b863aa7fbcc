"""The emulator's OAuth: the "Authorize access" page, codes, tokens, revoking, Trusted parties, Search & Link."""

from __future__ import annotations

import base64
import sqlite3
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from orcid_guide.sandbox.clock import FIXED_NOW
from orcid_guide.sandbox.orcid.demo_clients import CROSSREF_ID, PUBLIC_DEMO_ID, builtin_clients, demo_clients
from orcid_guide.sandbox.orcid.demo_data import CARBERRY, EVA
from orcid_guide.sandbox.orcid.request_context import SETTINGS_KEY
from orcid_guide.sandbox.orcid.settings import ClientRegistration
from tests.helpers.orcid_forms import (
    authorize_path,
    csrf_from,
    decide,
    exchange,
    grant_token,
    make_app,
    post_form,
    query_of,
    sign_in,
)

CALLBACK = "http://127.0.0.1:9/orcid/callback"
LUCRIS = ClientRegistration(
    "APP-TEST0CLIENT0001",
    "a-very-long-client-secret",
    "LUCRIS - Leiden University",
    (CALLBACK, "http://127.0.0.1:9/orcid/other-callback"),
    member=True,
)
OTHER = ClientRegistration(
    "APP-TEST0CLIENT0002", "another-long-secret", "Other Member", ("http://127.0.0.1:8/back",), member=True
)
SCOPE = "/read-limited /activities/update"


pytestmark = pytest.mark.orcid_settings(clients=(LUCRIS, OTHER))


@pytest.fixture
def browser(app: Flask) -> FlaskClient:
    """A signed-in researcher's browser."""
    client = app.test_client()
    sign_in(client, CARBERRY.email, CARBERRY.password)
    return client


def _code(browser: FlaskClient, state: str | None = None, redirect_uri: str = CALLBACK) -> str:
    answer = decide(browser, authorize_path(LUCRIS.client_id, SCOPE, redirect_uri, state))
    assert answer.status_code == 303
    return query_of(answer.headers["Location"])["code"]


def _works_status(app: Flask, token: str) -> int:
    answer = app.test_client().get(f"/v3.0/{CARBERRY.orcid}/works", headers={"Authorization": f"Bearer {token}"})
    return answer.status_code


def test_authorize_page_uses_orcids_words(browser: FlaskClient) -> None:
    page = browser.get(authorize_path(LUCRIS.client_id, "openid /authenticate " + SCOPE + " /person/update", CALLBACK))
    assert page.status_code == 200
    for text in (
        "<h1",
        "Authorize access",
        "You are currently signed in as:",
        "Josiah Carberry",
        f"https://sandbox.orcid.org/{CARBERRY.orcid}",
        "Sign out",
        "LUCRIS - Leiden University",
        "This organization has asked for the following access to your ORCID record:",
        "Add/update your research activities (works, affiliations, etc.)",
        "Add/update information about you (country, keywords, etc.)",
        "Read your information with visibility set to Trusted parties",
        "Deny access",
    ):
        assert text in page.text
    # openid and /authenticate both only give the iD: one line for the two.
    assert page.text.count("Get your ORCID iD") == 1
    assert page.headers["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"client_id": ""}, "Error: Incorrect OAuth Link, missing client id parameter."),
        ({"client_id": "APP-NOBODY"}, "Error: The provided client id APP-NOBODY is invalid."),
        ({"redirect_uri": ""}, "missing redirect uri parameter"),
        ({"redirect_uri": "https://evil.example/steal"}, "does not match the redirect URIs registered by"),
        ({"redirect_uri": CALLBACK + "/../../evil"}, "does not match the redirect URIs registered by"),
        ({"redirect_uri": CALLBACK + ".evil.example"}, "does not match the redirect URIs registered by"),
        ({"redirect_uri": CALLBACK + "?next=https://evil.example"}, "does not match the redirect URIs registered by"),
        ({"response_type": ""}, "missing response type parameter."),
        ({"response_type": "token"}, "unsupported response type token"),
        ({"scope": ""}, "missing scope parameter."),
        ({"scope": "/webhook"}, "invalid scope /webhook"),
    ],
)
def test_bad_authorize_requests_show_an_error_and_never_redirect(
    app: Flask, browser: FlaskClient, changes: dict[str, str], message: str
) -> None:
    params = {"client_id": LUCRIS.client_id, "response_type": "code", "scope": SCOPE, "redirect_uri": CALLBACK}
    params.update(changes)
    path = authorize_path(params.pop("client_id"), params.pop("scope"), params.pop("redirect_uri"), **params)
    for client in (browser, app.test_client()):  # signed in, and signed out (no detour via sign-in either)
        answer = client.get(path)
        assert answer.status_code == 400
        assert "Location" not in answer.headers
        assert message in answer.text
        assert 'id="error-message"' in answer.text


def test_a_public_client_cannot_ask_to_write(browser: FlaskClient, app: Flask) -> None:
    public = next(c for c in builtin_clients(app.config[SETTINGS_KEY].base_url) if c.client_id == PUBLIC_DEMO_ID)
    answer = browser.get(authorize_path(public.client_id, "/activities/update", public.redirect_uris[0]))
    assert answer.status_code == 400
    assert "invalid scope /activities/update" in answer.text


def test_a_forged_decision_with_an_unregistered_redirect_uri_is_refused(browser: FlaskClient) -> None:
    page = browser.get(authorize_path(LUCRIS.client_id, SCOPE, CALLBACK))
    answer = browser.post(
        "/oauth/authorize",
        data={
            "csrf_token": csrf_from(page.text),
            "client_id": LUCRIS.client_id,
            "response_type": "code",
            "scope": SCOPE,
            "redirect_uri": "https://evil.example/steal",
            "decision": "authorize",
        },
    )
    assert answer.status_code == 400
    assert "Location" not in answer.headers


def test_the_decision_needs_the_csrf_token(browser: FlaskClient, app: Flask) -> None:
    answer = browser.post(
        "/oauth/authorize",
        data={
            "client_id": LUCRIS.client_id,
            "response_type": "code",
            "scope": SCOPE,
            "redirect_uri": CALLBACK,
            "decision": "authorize",
        },
    )
    assert answer.status_code == 400
    assert "Location" not in answer.headers
    assert app.test_client().get("/").status_code == 302  # the app still answers; nothing was issued
    db = app.config[SETTINGS_KEY].database
    assert sqlite3.connect(db).execute("SELECT count(*) FROM oauth_codes").fetchone()[0] == 0


def test_signed_out_authorize_goes_through_sign_in_and_back(app: Flask) -> None:
    client = app.test_client()
    path = authorize_path(LUCRIS.client_id, SCOPE, CALLBACK, "s1")
    first = client.get(path)
    assert first.status_code == 302
    assert first.headers["Location"].startswith("/signin?next=")
    signin_page = client.get(first.headers["Location"])
    assert "Sign in to ORCID" in signin_page.text
    next_path = query_of(first.headers["Location"])["next"]
    assert next_path == path
    signed_in = sign_in(client, CARBERRY.email, CARBERRY.password, next_path=next_path)
    assert signed_in.status_code == 303
    assert signed_in.headers["Location"] == path
    assert "Authorize access" in client.get(path).text


def test_state_comes_back_unchanged_or_not_at_all(browser: FlaskClient) -> None:
    state = "a b&c=d/é?%"
    with_state = decide(browser, authorize_path(LUCRIS.client_id, SCOPE, CALLBACK, state))
    assert with_state.headers["Location"].startswith(CALLBACK + "?code=")
    assert query_of(with_state.headers["Location"])["state"] == state
    without = decide(browser, authorize_path(LUCRIS.client_id, SCOPE, CALLBACK))
    assert set(query_of(without.headers["Location"])) == {"code"}


def test_deny_sends_access_denied(browser: FlaskClient) -> None:
    answer = decide(browser, authorize_path(LUCRIS.client_id, SCOPE, CALLBACK, "xyz"), decision="deny")
    assert answer.status_code == 303
    assert answer.headers["Location"] == (
        f"{CALLBACK}?error=access_denied&error_description=User%20denied%20access&state=xyz"
    )
    denied = decide(browser, authorize_path(LUCRIS.client_id, SCOPE, CALLBACK), decision="deny")
    assert "state" not in query_of(denied.headers["Location"])


def test_code_exchange_gives_orcids_token_answer(app: Flask, browser: FlaskClient) -> None:
    code = _code(browser)
    assert len(code) == 6 and code.isalnum()
    answer = exchange(app.test_client(), code, LUCRIS.client_id, LUCRIS.secret, CALLBACK)
    assert answer.status_code == 200
    assert answer.headers["Cache-Control"] == "no-store"
    token = answer.get_json()
    assert set(token) == {"access_token", "token_type", "refresh_token", "expires_in", "scope", "name", "orcid"}
    assert token["token_type"] == "bearer"
    assert token["orcid"] == CARBERRY.orcid
    assert token["name"] == "Josiah Carberry"
    assert token["scope"] == SCOPE
    assert token["access_token"] != token["refresh_token"]
    # Only digests are stored: the database never holds the token itself.
    stored = sqlite3.connect(app.config[SETTINGS_KEY].database).execute("SELECT access_token FROM tokens").fetchall()
    assert (token["access_token"],) not in stored
    assert _works_status(app, token["access_token"]) == 200


@pytest.mark.parametrize("visibility", ["limited", "private"])
def test_a_token_carries_the_name_only_while_the_names_are_public(
    app: Flask, browser: FlaskClient, visibility: str
) -> None:
    with sqlite3.connect(app.config[SETTINGS_KEY].database) as database:
        database.execute("UPDATE users SET names_visibility = ? WHERE orcid = ?", (visibility, CARBERRY.orcid))
    token = exchange(app.test_client(), _code(browser), LUCRIS.client_id, LUCRIS.secret, CALLBACK).get_json()
    assert (token["orcid"], token["name"]) == (CARBERRY.orcid, "")


def test_client_authentication_by_http_basic(app: Flask, browser: FlaskClient) -> None:
    code = _code(browser)
    basic = base64.b64encode(f"{LUCRIS.client_id}:{LUCRIS.secret}".encode()).decode()
    answer = app.test_client().post(
        "/oauth/token",
        data={"grant_type": "authorization_code", "code": code, "redirect_uri": CALLBACK},
        headers={"Authorization": f"Basic {basic}"},
    )
    assert answer.status_code == 200
    assert answer.get_json()["orcid"] == CARBERRY.orcid


def test_wrong_secret_is_invalid_client(app: Flask, browser: FlaskClient) -> None:
    code = _code(browser)
    answer = exchange(app.test_client(), code, LUCRIS.client_id, "not-the-secret", CALLBACK)
    assert answer.status_code == 401
    assert answer.get_json()["error"] == "invalid_client"
    # The failed attempt did not spend the code.
    assert exchange(app.test_client(), code, LUCRIS.client_id, LUCRIS.secret, CALLBACK).status_code == 200


def test_reused_code_is_refused_and_revokes_the_first_token(app: Flask, browser: FlaskClient) -> None:
    code = _code(browser)
    first = exchange(app.test_client(), code, LUCRIS.client_id, LUCRIS.secret, CALLBACK).get_json()
    assert _works_status(app, first["access_token"]) == 200
    again = exchange(app.test_client(), code, LUCRIS.client_id, LUCRIS.secret, CALLBACK)
    assert again.status_code == 400
    assert again.get_json()["error"] == "invalid_grant"
    assert _works_status(app, first["access_token"]) == 401


def test_a_code_cannot_be_used_by_another_client(app: Flask, browser: FlaskClient) -> None:
    code = _code(browser)
    for redirect_uri in (OTHER.redirect_uris[0], CALLBACK):
        stolen = exchange(app.test_client(), code, OTHER.client_id, OTHER.secret, redirect_uri)
        assert stolen.status_code == 400
        assert stolen.get_json()["error"] == "invalid_grant"
    # The rightful client can still use it.
    assert exchange(app.test_client(), code, LUCRIS.client_id, LUCRIS.secret, CALLBACK).status_code == 200


def test_the_redirect_uri_must_be_the_one_used_to_authorize(app: Flask, browser: FlaskClient) -> None:
    code = _code(browser, redirect_uri=CALLBACK)
    answer = exchange(app.test_client(), code, LUCRIS.client_id, LUCRIS.secret, LUCRIS.redirect_uris[1])
    assert answer.status_code == 400
    assert answer.get_json()["error"] == "invalid_grant"


def test_codes_expire_after_ten_minutes(tmp_path: Path) -> None:
    now = [FIXED_NOW]
    app = make_app(tmp_path, clients=(LUCRIS,), clock=lambda: now[0])
    browser = app.test_client()
    sign_in(browser, CARBERRY.email, CARBERRY.password)
    code = _code(browser)
    now[0] = FIXED_NOW + timedelta(minutes=10, seconds=1)
    answer = exchange(app.test_client(), code, LUCRIS.client_id, LUCRIS.secret, CALLBACK)
    assert answer.status_code == 400
    assert answer.get_json()["error"] == "invalid_grant"


def test_token_endpoint_errors_are_oauth_json(app: Flask) -> None:
    client = app.test_client()
    creds = {"client_id": LUCRIS.client_id, "client_secret": LUCRIS.secret}
    unsupported = client.post("/oauth/token", data={**creds, "grant_type": "password"})
    assert (unsupported.status_code, unsupported.get_json()["error"]) == (400, "unsupported_grant_type")
    unknown = exchange(client, "abcdef", LUCRIS.client_id, LUCRIS.secret, CALLBACK)
    assert (unknown.status_code, unknown.get_json()["error"]) == (400, "invalid_grant")
    wrong_method = client.get("/oauth/token")
    assert wrong_method.status_code == 405
    assert wrong_method.get_json()["error"] == "invalid_request"


def test_client_credentials_give_a_read_public_token(app: Flask) -> None:
    client = app.test_client()
    creds = {"client_id": LUCRIS.client_id, "client_secret": LUCRIS.secret, "grant_type": "client_credentials"}
    token = client.post("/oauth/token", data={**creds, "scope": "/read-public"}).get_json()
    assert token["orcid"] is None
    assert token["scope"] == "/read-public"
    refused = client.post("/oauth/token", data={**creds, "scope": "/activities/update"})
    assert (refused.status_code, refused.get_json()["error"]) == (400, "invalid_scope")


def test_refresh_token_gives_a_new_access_token(app: Flask) -> None:
    token = grant_token(app, CARBERRY.email, CARBERRY.password, LUCRIS.client_id, LUCRIS.secret, CALLBACK, SCOPE)
    client = app.test_client()
    data = {"client_id": LUCRIS.client_id, "client_secret": LUCRIS.secret, "grant_type": "refresh_token"}
    fresh = client.post("/oauth/token", data={**data, "refresh_token": token["refresh_token"]}).get_json()
    assert fresh["access_token"] != token["access_token"]
    assert fresh["orcid"] == CARBERRY.orcid and fresh["scope"] == SCOPE
    other = {"client_id": OTHER.client_id, "client_secret": OTHER.secret, "grant_type": "refresh_token"}
    stolen = client.post("/oauth/token", data={**other, "refresh_token": token["refresh_token"]})
    assert stolen.status_code == 400


def _refresh(app: Flask, refresh_token: str, **extra: str) -> Any:
    data = {"client_id": LUCRIS.client_id, "client_secret": LUCRIS.secret, "grant_type": "refresh_token"}
    return app.test_client().post("/oauth/token", data={**data, "refresh_token": refresh_token, **extra})


def _reads_limited(app: Flask, access_token: str) -> int:
    headers = {"Authorization": f"Bearer {access_token}", "Accept": "application/json"}
    return int(app.test_client().get(f"/v3.0/{CARBERRY.orcid}/works", headers=headers).status_code)


def test_a_refresh_may_narrow_the_scopes_but_not_widen_them(app: Flask) -> None:
    token = grant_token(app, CARBERRY.email, CARBERRY.password, LUCRIS.client_id, LUCRIS.secret, CALLBACK, SCOPE)
    narrow = _refresh(app, token["refresh_token"], scope="/read-limited")
    assert narrow.status_code == 200 and narrow.get_json()["scope"] == "/read-limited"
    wider = _refresh(app, token["refresh_token"], scope="/read-limited /person/update")
    assert (wider.status_code, wider.get_json()["error"]) == (400, "invalid_scope")
    shorter = _refresh(app, token["refresh_token"], expires_in="3600")
    assert shorter.get_json()["expires_in"] == 3600
    longer = _refresh(app, token["refresh_token"], expires_in=str(10**12))
    assert longer.get_json()["error"] == "invalid_scope"
    assert _refresh(app, token["refresh_token"], revoke_old="perhaps").get_json()["error"] == "invalid_request"


def test_revoke_old_ends_the_original_tokens_and_keeps_the_new_one(app: Flask) -> None:
    token = grant_token(app, CARBERRY.email, CARBERRY.password, LUCRIS.client_id, LUCRIS.secret, CALLBACK, SCOPE)
    extra = _refresh(app, token["refresh_token"]).get_json()
    assert _reads_limited(app, token["access_token"]) == 200 and _reads_limited(app, extra["access_token"]) == 200
    replacement = _refresh(app, token["refresh_token"], revoke_old="true").get_json()
    assert _reads_limited(app, token["access_token"]) == 401
    assert _reads_limited(app, replacement["access_token"]) == 200
    assert _reads_limited(app, extra["access_token"]) == 200
    assert _refresh(app, token["refresh_token"]).get_json()["error"] == "invalid_grant"


def test_revoke_endpoint_revokes_only_the_callers_token(app: Flask) -> None:
    token = grant_token(app, CARBERRY.email, CARBERRY.password, LUCRIS.client_id, LUCRIS.secret, CALLBACK, SCOPE)
    client = app.test_client()
    not_mine = client.post(
        "/oauth/revoke",
        data={"client_id": OTHER.client_id, "client_secret": OTHER.secret, "token": token["access_token"]},
    )
    assert not_mine.status_code == 200
    assert _works_status(app, token["access_token"]) == 200
    bad_secret = client.post(
        "/oauth/revoke", data={"client_id": LUCRIS.client_id, "client_secret": "x", "token": token["access_token"]}
    )
    assert bad_secret.status_code == 401
    mine = client.post(
        "/oauth/revoke",
        data={"client_id": LUCRIS.client_id, "client_secret": LUCRIS.secret, "token": token["access_token"]},
    )
    assert mine.status_code == 200
    assert _works_status(app, token["access_token"]) == 401


def test_trusted_parties_lists_and_revokes(app: Flask, browser: FlaskClient) -> None:
    assert "You haven't added any trusted organizations yet." in browser.get("/trusted-parties").text
    token = grant_token(app, CARBERRY.email, CARBERRY.password, LUCRIS.client_id, LUCRIS.secret, CALLBACK, SCOPE)
    page = browser.get("/trusted-parties").text
    for text in (
        "Trusted parties",
        "Trusted organizations",
        "LUCRIS - Leiden University",
        "<strong>Access granted:</strong> 2026-03-02",
        "Access type",
        "Add/update your research activities (works, affiliations, etc)",
        "Read your information with visibility set to Trusted Parties",
        "Revoke access",
    ):
        assert text in page
    assert "You haven't added any trusted organizations yet." not in page
    confirm_path = f"/trusted-parties/revoke/{LUCRIS.client_id}"
    confirm = browser.get(confirm_path).text
    for text in (
        "Revoke access - Trusted organization",
        "<strong>LUCRIS - Leiden University</strong> will no longer be able to:",
        "Revoke access permissions",
        "Cancel",
    ):
        assert text in confirm
    # Someone else (no grant to LUCRIS) cannot revoke Carberry's, and nothing happens without the CSRF token.
    eva = app.test_client()
    sign_in(eva, EVA.email, EVA.password)
    assert post_form(eva, confirm_path, {}, token_from="/trusted-parties").status_code == 404
    assert browser.post(confirm_path).status_code == 400
    assert _works_status(app, token["access_token"]) == 200
    done = post_form(browser, confirm_path, {})
    assert done.status_code == 303
    assert _works_status(app, token["access_token"]) == 401
    assert "You haven't added any trusted organizations yet." in browser.get("/trusted-parties").text


def test_search_and_link_wizard_connects_crossref(app: Flask, browser: FlaskClient) -> None:
    page = browser.get("/works/search-and-link").text
    assert "Link works" in page
    assert "Available Search &amp; Link wizards (7)" in page
    assert "Crossref Metadata Search" in page and "DataCite" in page
    start = browser.get(f"/demo-client/start/{CROSSREF_ID}")
    assert start.status_code == 302
    authorize = start.headers["Location"]
    assert authorize.startswith("/oauth/authorize?")
    assert "Crossref Metadata Search" in browser.get(authorize).text
    back = decide(browser, authorize)
    finished = browser.get(back.headers["Location"].removeprefix("http://127.0.0.1:5000"))
    assert finished.status_code == 303
    assert finished.headers["Location"] == "/my-orcid"
    assert "Crossref Metadata Search" in browser.get("/trusted-parties").text
    # A callback with a state the emulator did not send is refused.
    assert browser.get("/demo-client/callback?code=abcdef&state=forged").status_code == 400


def test_demo_clients_include_the_launchers(app: Flask) -> None:
    clients = demo_clients(app.config[SETTINGS_KEY])
    assert clients[:2] == (LUCRIS, OTHER)
    assert [c.client_id for c in clients[2:]] == ["APP-CROSSREF000000", "APP-DATACITE000000", "APP-PUBLICDEMO0000"]
