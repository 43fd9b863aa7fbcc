"""Helpers for tests that drive the emulator through Flask's test client (used by tests/test_orcid_*.py)."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from orcid_guide.sandbox.clock import fixed_clock
from orcid_guide.sandbox.orcid.app import create_app
from orcid_guide.sandbox.orcid.settings import OrcidSettings

_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


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
