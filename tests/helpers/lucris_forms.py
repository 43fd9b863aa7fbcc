"""Driving mock LUCRIS through Flask's test client as a browser would: a fresh app, its login and its forms."""

from __future__ import annotations

import re
import socket
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient

from orcid_guide.sandbox.clock import fixed_clock
from orcid_guide.sandbox.lucris.app import create_app
from orcid_guide.sandbox.lucris.settings import LucrisSettings

FOR_VALIDATION = "7ebf8646a9f33f1b8764d9e076fb18ec"  # Eva's "Microplastics in Rhine sediments", Public


def closed_port_url() -> str:
    """An origin on loopback where nothing listens, so a call there fails at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def make_app(tmp_path: Path, orcid_url: str | None = None) -> Flask:
    """Mock LUCRIS on a fresh database in ``tmp_path``, calling ORCID at ``orcid_url`` (default: nowhere)."""
    settings = LucrisSettings(
        database=tmp_path / "lucris.sqlite3",
        base_url="http://127.0.0.1:5999",
        orcid_url=orcid_url or closed_port_url(),
        client_id="APP-LUCRIS0LEIDEN0",
        client_secret="test-secret",
        clock=fixed_clock,
        orcid_timeout=2.0,
    )
    app = create_app(settings)
    app.config["TESTING"] = True
    return app


def form_token(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "page has no CSRF token"
    return found.group(1)


def log_in(client: FlaskClient, username: str = "evries", password: str = "lucris-eva") -> None:
    token = form_token(client.get("/login").text)
    answer = client.post("/login", data={"csrf_token": token, "username": username, "password": password})
    assert answer.status_code == 303, answer.text


def post(client: FlaskClient, url: str, data: dict[str, str], page: str = "/dashboard") -> str:
    """POST the way a form on ``page`` would, with the CSRF token that page carries; returns the answer page."""
    token = form_token(client.get(page).text)
    answer = client.post(url, data={"csrf_token": token, **data}, follow_redirects=True)
    return answer.text
