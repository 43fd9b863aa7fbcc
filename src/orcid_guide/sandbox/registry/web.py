"""What every registry view needs: the settings, the request's database connection, the time, CSRF."""

from __future__ import annotations

import sqlite3
from typing import cast

from flask import abort, current_app, g, request

from orcid_guide.sandbox.form_tokens import form_carries_session_token, session_token
from orcid_guide.sandbox.registry import store
from orcid_guide.sandbox.registry.settings import RegistrySettings

# Programs post here (a publisher's deposit), not forms in a browser session.
CSRF_EXEMPT_ENDPOINTS = frozenset({"registry.deposit_api"})


def settings() -> RegistrySettings:
    return cast(RegistrySettings, current_app.config["REGISTRY_SETTINGS"])


def db() -> sqlite3.Connection:
    if "registry_db" not in g:
        g.registry_db = store.connect(settings().database)
    return cast(sqlite3.Connection, g.registry_db)


def close_db(_error: BaseException | None = None) -> None:
    connection = g.pop("registry_db", None)
    if connection is not None:
        connection.close()


def now_ms() -> int:
    return int(settings().clock().timestamp() * 1000)


csrf_token = session_token


def check_csrf() -> None:
    if request.method != "POST" or request.endpoint in CSRF_EXEMPT_ENDPOINTS:
        return
    if not form_carries_session_token():
        abort(400, description="This form has expired; reload the page and try again.")
