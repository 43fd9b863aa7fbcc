"""The Notifications inbox's store: permission requests from members, and ORCID's notices of changes they made."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from orcid_guide.sandbox.orcid.database import transaction

AUTHORIZE_PATH = "/oauth/authorize"


@dataclass(frozen=True)
class Item:
    name: str
    external_id_type: str = ""
    external_id_value: str = ""
    action: str = ""


@dataclass(frozen=True)
class Notification:
    put_code: int
    kind: str
    source_name: str
    subject: str
    intro: str
    section: str
    authorization_path: str
    created_ms: int
    archived: bool
    items: tuple[Item, ...]


class BadAuthorizationUrl(ValueError):
    """The permission request's authorization URL is not an /oauth/authorize request of the sending client."""


def authorization_path(url: str, client_id: str) -> str:
    """The path and query of ``url`` when it asks /oauth/authorize on behalf of ``client_id``.

    Members may send a full URL or just the path (ORCID allows both); the inbox links only to this site's
    authorize page, so a request cannot send the researcher anywhere else.
    """
    parts = urlsplit(url.strip())
    if parts.scheme not in ("", "http", "https") or parts.path != AUTHORIZE_PATH or not parts.query:
        raise BadAuthorizationUrl("The authorization-url must be an /oauth/authorize request.")
    if parse_qs(parts.query).get("client_id") != [client_id]:
        raise BadAuthorizationUrl("The authorization-url must ask for this client's own authorization.")
    return f"{AUTHORIZE_PATH}?{parts.query}"


def add(
    db: sqlite3.Connection,
    *,
    orcid: str,
    kind: str,
    client_id: str,
    items: tuple[Item, ...],
    now_ms: int,
    subject: str = "",
    intro: str = "",
    section: str = "",
    authorization: str = "",
) -> int:
    with transaction(db):
        cursor = db.execute(
            "INSERT INTO notifications (orcid, kind, source_client_id, subject, intro, section, authorization_path,"
            " created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (orcid, kind, client_id, subject, intro, section, authorization, now_ms),
        )
        put_code = int(cursor.lastrowid or 0)
        db.executemany(
            "INSERT INTO notification_items (put_code, action, name, external_id_type, external_id_value)"
            " VALUES (?, ?, ?, ?, ?)",
            [(put_code, i.action, i.name, i.external_id_type, i.external_id_value) for i in items],
        )
    return put_code


def inbox(db: sqlite3.Connection, orcid: str) -> list[Notification]:
    """The owner's notifications, newest first."""
    rows = db.execute(
        "SELECT notifications.*, clients.name AS source_name FROM notifications"
        " JOIN clients ON clients.client_id = notifications.source_client_id"
        " WHERE notifications.orcid = ? ORDER BY notifications.created_ms DESC, notifications.put_code DESC",
        (orcid,),
    ).fetchall()
    found = []
    for row in rows:
        items = db.execute(
            "SELECT * FROM notification_items WHERE put_code = ? ORDER BY id", (row["put_code"],)
        ).fetchall()
        found.append(
            Notification(
                row["put_code"],
                row["kind"],
                row["source_name"],
                row["subject"],
                row["intro"],
                row["section"],
                row["authorization_path"],
                row["created_ms"],
                row["archived_ms"] is not None,
                tuple(Item(i["name"], i["external_id_type"], i["external_id_value"], i["action"]) for i in items),
            )
        )
    return found


def archive(db: sqlite3.Connection, orcid: str, put_code: int, now_ms: int) -> bool:
    """Archive one of the owner's notifications; False when ``orcid`` has no such notification."""
    with transaction(db):
        cursor = db.execute(
            "UPDATE notifications SET archived_ms = coalesce(archived_ms, ?) WHERE put_code = ? AND orcid = ?",
            (now_ms, put_code, orcid),
        )
    return cursor.rowcount > 0
