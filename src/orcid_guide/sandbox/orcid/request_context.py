"""The current request's settings, database connection and time, for the views."""

from __future__ import annotations

import sqlite3
from typing import cast

from flask import current_app

from orcid_guide.sandbox.connection_pool import ConnectionPool
from orcid_guide.sandbox.orcid.database import millis, request_db
from orcid_guide.sandbox.orcid.settings import OrcidSettings

SETTINGS_KEY = "ORCID_SETTINGS"
# The app's ConnectionPool, in app.extensions.
POOL_KEY = "orcid_connections"


def settings() -> OrcidSettings:
    return cast(OrcidSettings, current_app.config[SETTINGS_KEY])


def db() -> sqlite3.Connection:
    return request_db(cast(ConnectionPool, current_app.extensions[POOL_KEY]))


def now_ms() -> int:
    return millis(settings().clock())


def id_uri(orcid: str) -> str:
    """The iD as ORCID shows it: a URL on ORCID's host (not this loopback server), e.g. https://sandbox.orcid.org/…"""
    return settings().id_uri_base + orcid
