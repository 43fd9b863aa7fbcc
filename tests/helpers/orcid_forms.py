"""Driving the ORCID emulator through Flask's test client as a browser would: its forms, sign-in, OAuth, uploads."""

from __future__ import annotations

import html
import io
import re
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from flask import Flask
from flask.testing import FlaskClient
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from orcid_guide.sandbox.clock import fixed_clock
from orcid_guide.sandbox.orcid.app import create_app
from orcid_guide.sandbox.orcid.settings import OrcidSettings

_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
_HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)">')


def make_app(directory: Path, **overrides: Any) -> Flask:
    """An emulator on a fresh database in ``directory``: fixed clock and fixed iDs unless overridden."""
    settings = OrcidSettings(database=directory / "orcid.sqlite3", base_url="http://127.0.0.1:5000", clock=fixed_clock)
    return create_app(replace(settings, **overrides))


def csrf_from(html: str) -> str:
    """The CSRF token of the first form on a page."""
    found = _TOKEN.search(html)
    if found is None:
        raise AssertionError("no form with a CSRF token on this page")
    return found.group(1)


def post_form(client: FlaskClient, path: str, data: dict[str, str], *, token_from: str | None = None) -> Any:
    """POST ``data`` to ``path`` with the CSRF token read from the page at ``token_from`` (default: ``path``)."""
    page = client.get(token_from or path)
    return client.post(path, data={"csrf_token": csrf_from(page.text), **data})


STEP_ANSWERS: dict[int, dict[str, str]] = {
    1: {
        "given_names": "Ada",
        "family_names": "Lovelace",
        "primary_email": "ada@example.org",
        "confirm_email": "ada@example.org",
        "additional_email": "",
    },
    2: {"password": "Analytical1", "confirm_password": "Analytical1"},
    3: {"organization": "Leiden University", "department": "", "role_title": "", "start_year": "", "start_month": ""},
    4: {"visibility": "public"},
    5: {"consent_terms": "on", "consent_processing": "on"},
}


def submit_step(client: FlaskClient, step: int, answers: dict[str, str], action: str = "next") -> Any:
    return post_form(client, "/register", {"step": str(step), "action": action, **answers})


def register(client: FlaskClient, **changes: str) -> Any:
    """Walk the whole wizard with STEP_ANSWERS (fields in ``changes`` replaced); returns the last response."""
    response = None
    for step in range(1, 6):
        answers = {key: changes.get(key, value) for key, value in STEP_ANSWERS[step].items()}
        response = submit_step(client, step, answers)
        if response.status_code != 303:
            return response
    return response


def sign_in(client: FlaskClient, login: str, password: str, next_path: str = "") -> Any:
    data = {"username": login, "password": password}
    if next_path:
        data["next"] = next_path
    return post_form(client, "/signin", data)


def authorize_path(client_id: str, scope: str, redirect_uri: str, state: str | None = None, **extra: str) -> str:
    params = {"client_id": client_id, "response_type": "code", "scope": scope, "redirect_uri": redirect_uri}
    if state is not None:
        params["state"] = state
    params.update(extra)
    return "/oauth/authorize?" + urlencode(params)


def decide(client: FlaskClient, path: str, decision: str = "authorize") -> Any:
    """Open the "Authorize access" page at ``path`` and press one of its buttons, sending the page's own form."""
    page = client.get(path)
    if page.status_code != 200 or "Authorize access" not in page.text:
        raise AssertionError(f"no authorize page at {path}: {page.status_code}")
    form = page.text[page.text.index('action="/oauth/authorize"') :]
    fields = {name: html.unescape(value) for name, value in _HIDDEN.findall(form)}
    return client.post("/oauth/authorize", data={**fields, "decision": decision})


def query_of(location: str) -> dict[str, str]:
    """The query of a redirect, one value per name."""
    return {name: values[0] for name, values in parse_qs(urlsplit(location).query, keep_blank_values=True).items()}


def exchange(client: FlaskClient, code: str, client_id: str, secret: str, redirect_uri: str) -> Any:
    return client.post(
        "/oauth/token",
        data={
            "client_id": client_id,
            "client_secret": secret,
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect_uri,
        },
    )


def grant_token(
    app: Flask, login: str, password: str, client_id: str, secret: str, redirect_uri: str, scope: str
) -> dict[str, Any]:
    """The token JSON a client gets after ``login`` authorizes it for ``scope`` (a separate browser session)."""
    browser = app.test_client()
    sign_in(browser, login, password)
    answer = decide(browser, authorize_path(client_id, scope, redirect_uri))
    code = query_of(answer.headers["Location"])["code"]
    token = exchange(app.test_client(), code, client_id, secret, redirect_uri)
    if token.status_code != 200:
        raise AssertionError(f"token exchange failed: {token.text}")
    result: dict[str, Any] = token.get_json()
    return result


def upload_bibtex(client: FlaskClient, data: bytes, name: str = "works.bib") -> Any:
    """Send a .bib file through Works - Import BibTeX's upload form, as the file chooser does."""
    token = csrf_from(client.get("/works/bibtex").text)
    # Encoded here in memory: the test client spools large bodies to a temporary file it never closes.
    boundary, body = encode_multipart({"csrf_token": token, "bibtex": FileStorage(io.BytesIO(data), name)})
    return client.post("/works/bibtex", data=body, content_type=f"multipart/form-data; boundary={boundary}")
