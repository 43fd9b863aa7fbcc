"""LUCRIS accounts: logging in, the ORCID iD on the research profile, and the ORCID connection (token)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from werkzeug.security import check_password_hash


@dataclass(frozen=True)
class Person:
    id: int
    uuid: str
    first_name: str
    last_name: str
    username: str
    role: str
    orcid_id: str | None
    orcid_access_token: str | None
    orcid_scope: str | None
    orcid_connected: bool
    orcid_connected_at: str | None
    orcid_connection_lost: bool

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def is_editor(self) -> bool:
        return self.role == "editor"


_COLUMNS = (
    "id, uuid, first_name, last_name, username, role, orcid_id, orcid_access_token, orcid_scope,"
    " orcid_connected, orcid_connected_at, orcid_connection_lost"
)


def _person(row: sqlite3.Row) -> Person:
    return Person(
        id=row["id"],
        uuid=row["uuid"],
        first_name=row["first_name"],
        last_name=row["last_name"],
        username=row["username"],
        role=row["role"],
        orcid_id=row["orcid_id"],
        orcid_access_token=row["orcid_access_token"],
        orcid_scope=row["orcid_scope"],
        orcid_connected=bool(row["orcid_connected"]),
        orcid_connected_at=row["orcid_connected_at"],
        orcid_connection_lost=bool(row["orcid_connection_lost"]),
    )


def by_id(db: sqlite3.Connection, person_id: int) -> Person | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM persons WHERE id = ?", (person_id,)).fetchone()
    return _person(row) if row else None


def by_username(db: sqlite3.Connection, username: str) -> Person | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM persons WHERE username = ?", (username,)).fetchone()
    return _person(row) if row else None


def by_uuid(db: sqlite3.Connection, uuid: str) -> Person | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM persons WHERE uuid = ?", (uuid,)).fetchone()
    return _person(row) if row else None


def researchers(db: sqlite3.Connection) -> list[Person]:
    """Everyone who can be an author, by last name: the people the Author/Editors filter offers."""
    rows = db.execute(f"SELECT {_COLUMNS} FROM persons WHERE role = 'researcher' ORDER BY last_name, first_name")
    return [_person(row) for row in rows]


def check_login(db: sqlite3.Connection, username: str, password: str) -> Person | None:
    """The account when username and password match, else None (without saying which one was wrong)."""
    row = db.execute("SELECT id, password_hash FROM persons WHERE username = ?", (username.strip(),)).fetchone()
    if row is None or not check_password_hash(row["password_hash"], password):
        return None
    return by_id(db, row["id"])


def set_orcid_id(db: sqlite3.Connection, person_id: int, orcid_id: str | None) -> None:
    with db:
        db.execute("UPDATE persons SET orcid_id = ? WHERE id = ?", (orcid_id, person_id))


def store_connection(
    db: sqlite3.Connection, person_id: int, *, orcid_id: str, access_token: str, scope: str, when: str
) -> None:
    """Record a granted ORCID token; the iD ORCID vouched for replaces whatever was typed on the profile."""
    with db:
        db.execute(
            "UPDATE persons SET orcid_id = ?, orcid_access_token = ?, orcid_scope = ?, orcid_connected = 1,"
            " orcid_connected_at = ?, orcid_connection_lost = 0 WHERE id = ?",
            (orcid_id, access_token, scope, when, person_id),
        )


def mark_connection_lost(db: sqlite3.Connection, person_id: int) -> None:
    """ORCID refused the token: forget it, keep the iD, and remember to tell the researcher."""
    with db:
        db.execute(
            "UPDATE persons SET orcid_access_token = NULL, orcid_scope = NULL, orcid_connected = 0,"
            " orcid_connected_at = NULL, orcid_connection_lost = 1 WHERE id = ?",
            (person_id,),
        )


def disconnect(db: sqlite3.Connection, person_id: int) -> None:
    with db:
        db.execute(
            "UPDATE persons SET orcid_access_token = NULL, orcid_scope = NULL, orcid_connected = 0,"
            " orcid_connected_at = NULL, orcid_connection_lost = 0 WHERE id = ?",
            (person_id,),
        )
