"""ORCID's backup-email interstitial (v3.0.8+, behind LOGIN_/OAUTH_BACKUP_EMAIL_INTERSTITIAL): a record with one
email address is asked, once, to add a second one.

Behind the emulator's ``backup_email_prompt`` switch it shows as a dialog on the first /my-orcid of a browser
session after sign-in, and inside the authorize card after "Authorize access". Showing it sets the record's flag
(ORCID's account/addInterstitialFlag), so it never comes back; an added address is not primary and "Only me".
Texts from cdk/interstitials/backup-email/interstitial-component/backup-email.component.html at ba5e0735.
"""

from __future__ import annotations

import re
import sqlite3

from flask import session

from orcid_guide.sandbox.orcid.accounts import email_in_use, primary_email
from orcid_guide.sandbox.orcid.database import transaction
from orcid_guide.sandbox.orcid.request_context import db, now_ms, settings

FLAG = "BACKUP_EMAIL_INTERSTITIAL"
# Once per browser session, as ORCID's interstitials manager checks (sessionStorage there, the session here).
_CHECKED = "interstitials_checked"

EMAIL_MISSING = "Please enter your email"
EMAIL_INVALID = "Please enter a valid email address, for example joe@institution.edu"
EMAIL_TAKEN = "This email is already associated with an existing ORCID record. Please use a different email address."
_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")


def _email_count(connection: sqlite3.Connection, orcid: str) -> int:
    count: int = connection.execute("SELECT COUNT(*) FROM emails WHERE orcid = ?", (orcid,)).fetchone()[0]
    return count


def _flagged(connection: sqlite3.Connection, orcid: str) -> bool:
    row = connection.execute("SELECT 1 FROM interstitial_flags WHERE orcid = ? AND name = ?", (orcid, FLAG))
    return row.fetchone() is not None


def due(orcid: str) -> bool:
    """Whether to show the interstitial now; asking counts as this session's check, whatever the answer."""
    if not settings().backup_email_prompt or session.get(_CHECKED):
        return False
    session[_CHECKED] = True
    connection = db()
    if _email_count(connection, orcid) != 1 or _flagged(connection, orcid):
        return False
    with transaction(connection):
        connection.execute(
            "INSERT OR IGNORE INTO interstitial_flags (orcid, name, created_ms) VALUES (?, ?, ?)",
            (orcid, FLAG, now_ms()),
        )
    return True


def primary_address(orcid: str) -> str:
    return primary_email(db(), orcid)


def add_backup(orcid: str, address: str) -> str:
    """Add ``address`` as the record's backup email; returns the error sentence, or "" when it was added."""
    address = address.strip()
    if not address:
        return EMAIL_MISSING
    if not _EMAIL.match(address):
        return EMAIL_INVALID
    connection = db()
    if email_in_use(connection, address):
        return EMAIL_TAKEN
    try:
        with transaction(connection):
            connection.execute(
                "INSERT INTO emails (address, orcid, is_primary, visibility, created_ms)"
                " VALUES (?, ?, 0, 'private', ?)",
                (address, orcid, now_ms()),
            )
    except sqlite3.IntegrityError:
        # Taken between the check and the insert by another request.
        return EMAIL_TAKEN
    return ""
