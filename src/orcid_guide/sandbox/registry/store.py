"""The registry's SQLite file: DOI metadata, the researchers' ORCID permissions, and every delivery to ORCID."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from orcid_guide.sandbox import sqlite_files
from orcid_guide.sandbox.registry.fixtures import Contributor, DoiRecord, records

SCHEMA = """
CREATE TABLE IF NOT EXISTS dois (
    doi TEXT PRIMARY KEY COLLATE NOCASE,
    title TEXT NOT NULL,
    type TEXT NOT NULL,
    container TEXT NOT NULL DEFAULT '',
    publisher TEXT NOT NULL DEFAULT '',
    year INTEGER NOT NULL,
    month INTEGER,
    day INTEGER
);
CREATE TABLE IF NOT EXISTS contributors (
    doi TEXT NOT NULL REFERENCES dois (doi) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    given TEXT NOT NULL DEFAULT '',
    family TEXT NOT NULL,
    orcid TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (doi, position)
);
CREATE INDEX IF NOT EXISTS contributors_by_orcid ON contributors (orcid);
-- A researcher's permission for one of the registry's ORCID clients. refused_ms is set when ORCID answered 401
-- or 403 to the token: the researcher revoked it, and the registry stops trying for that iD.
CREATE TABLE IF NOT EXISTS permissions (
    orcid TEXT NOT NULL,
    client_id TEXT NOT NULL,
    access_token TEXT NOT NULL,
    scope TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    granted_ms INTEGER NOT NULL,
    auto_update INTEGER NOT NULL DEFAULT 0,
    refused_ms INTEGER,
    PRIMARY KEY (orcid, client_id)
);
-- What happened to each new deposit for each iD it carries. 'added', 'already-there', 'refused', 'not-found'
-- (no such record), 'unavailable' and 'permission-requested' were calls to ORCID; 'waiting', 'no-permission'
-- and 'stopped' were not.
CREATE TABLE IF NOT EXISTS deliveries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doi TEXT NOT NULL,
    orcid TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN
        ('added', 'already-there', 'refused', 'not-found', 'unavailable', 'permission-requested', 'waiting',
         'no-permission', 'stopped')),
    http_status INTEGER,
    at_ms INTEGER NOT NULL
);
-- Deposits waiting for a researcher's answer to the inbox permission request (Crossref).
CREATE TABLE IF NOT EXISTS pending (
    orcid TEXT NOT NULL,
    doi TEXT NOT NULL,
    PRIMARY KEY (orcid, doi)
);
"""


def connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=10, isolation_level=None, check_same_thread=False)
    db.row_factory = sqlite3.Row
    db.execute("PRAGMA foreign_keys = ON")
    sqlite_files.tune(db)
    return db


def initialize(path: Path, kind: str) -> None:
    """Create the schema and load the registry's fixture DOIs (idempotent)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = connect(path)
    try:
        sqlite_files.use_wal(db)
        db.executescript(SCHEMA)
        for record in records(kind):
            if find(db, record.doi) is None:
                insert(db, record)
    finally:
        db.close()


def insert(db: sqlite3.Connection, record: DoiRecord) -> None:
    db.execute("BEGIN IMMEDIATE")
    try:
        db.execute(
            "INSERT INTO dois (doi, title, type, container, publisher, year, month, day)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                record.doi,
                record.title,
                record.type,
                record.container,
                record.publisher,
                record.year,
                record.month,
                record.day,
            ),
        )
        db.executemany(
            "INSERT INTO contributors (doi, position, given, family, orcid) VALUES (?, ?, ?, ?, ?)",
            [(record.doi, n, c.given, c.family, c.orcid) for n, c in enumerate(record.contributors)],
        )
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def find(db: sqlite3.Connection, doi: str) -> DoiRecord | None:
    row = db.execute("SELECT * FROM dois WHERE doi = ?", (doi,)).fetchone()
    return _record(db, row) if row else None


def _record(db: sqlite3.Connection, row: sqlite3.Row) -> DoiRecord:
    people = db.execute("SELECT * FROM contributors WHERE doi = ? ORDER BY position", (row["doi"],)).fetchall()
    return DoiRecord(
        row["doi"],
        row["title"],
        row["type"],
        row["container"],
        row["publisher"],
        row["year"],
        tuple(Contributor(p["given"], p["family"], p["orcid"]) for p in people),
        month=row["month"],
        day=row["day"],
    )


def _folded(text: str) -> str:
    return " ".join(text.lower().replace(".", " ").split())


def name_matches(query: str, person: Contributor) -> bool:
    """True when ``query`` ("Eva de Vries", "de Vries") could name ``person``, as a registry's name search does.

    The family name must end the query; the given name, if the query has one, must equal the person's or
    start with the person's initial ("E." matches Eva, and so does every other E.: namesakes are found too).
    """
    wanted, family = _folded(query), _folded(person.family)
    if not family or not (wanted == family or wanted.endswith(" " + family)):
        return False
    given_wanted = wanted[: len(wanted) - len(family)].strip()
    given = _folded(person.given)
    if not given_wanted or not given:
        return True
    return given_wanted == given or (len(given) == 1 and given_wanted.startswith(given))


def search(db: sqlite3.Connection, query: str) -> list[DoiRecord]:
    """Every DOI with a contributor the query could name, newest first."""
    if not _folded(query):
        return []
    rows = db.execute("SELECT * FROM dois ORDER BY year DESC, doi").fetchall()
    found = [_record(db, row) for row in rows]
    return [record for record in found if any(name_matches(query, person) for person in record.contributors)]


@dataclass(frozen=True)
class Permission:
    orcid: str
    client_id: str
    access_token: str
    name: str
    auto_update: bool
    refused: bool


def save_permission(
    db: sqlite3.Connection, *, orcid: str, client_id: str, access_token: str, scope: str, name: str, now_ms: int
) -> None:
    """A fresh grant replaces an old (or refused) one; the auto-update switch keeps its position."""
    db.execute(
        "INSERT INTO permissions (orcid, client_id, access_token, scope, name, granted_ms) VALUES (?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (orcid, client_id) DO UPDATE SET access_token = excluded.access_token,"
        " scope = excluded.scope, name = excluded.name, granted_ms = excluded.granted_ms, refused_ms = NULL",
        (orcid, client_id, access_token, scope, name, now_ms),
    )


def permission(db: sqlite3.Connection, orcid: str, client_id: str) -> Permission | None:
    row = db.execute("SELECT * FROM permissions WHERE orcid = ? AND client_id = ?", (orcid, client_id)).fetchone()
    if row is None:
        return None
    return Permission(
        row["orcid"],
        row["client_id"],
        row["access_token"],
        row["name"],
        bool(row["auto_update"]),
        row["refused_ms"] is not None,
    )


def set_auto_update(db: sqlite3.Connection, orcid: str, client_id: str, on: bool) -> None:
    db.execute("UPDATE permissions SET auto_update = ? WHERE orcid = ? AND client_id = ?", (int(on), orcid, client_id))


def mark_refused(db: sqlite3.Connection, orcid: str, client_id: str, now_ms: int) -> None:
    db.execute("UPDATE permissions SET refused_ms = ? WHERE orcid = ? AND client_id = ?", (now_ms, orcid, client_id))


def record_delivery(
    db: sqlite3.Connection, doi: str, orcid: str, outcome: str, status: int | None, now_ms: int
) -> None:
    db.execute(
        "INSERT INTO deliveries (doi, orcid, outcome, http_status, at_ms) VALUES (?, ?, ?, ?, ?)",
        (doi, orcid, outcome, status, now_ms),
    )


@dataclass(frozen=True)
class Delivery:
    doi: str
    orcid: str
    outcome: str
    http_status: int | None


def deliveries(db: sqlite3.Connection, *, doi: str | None = None, orcid: str | None = None) -> list[Delivery]:
    rows = db.execute(
        "SELECT * FROM deliveries WHERE (? IS NULL OR doi = ?) AND (? IS NULL OR orcid = ?) ORDER BY id",
        (doi, doi, orcid, orcid),
    ).fetchall()
    return [Delivery(r["doi"], r["orcid"], r["outcome"], r["http_status"]) for r in rows]


def add_pending(db: sqlite3.Connection, orcid: str, doi: str) -> bool:
    """Remember a deposit until the researcher answers; False when one was waiting already for this iD."""
    waiting = db.execute("SELECT 1 FROM pending WHERE orcid = ?", (orcid,)).fetchone() is not None
    db.execute("INSERT OR IGNORE INTO pending (orcid, doi) VALUES (?, ?)", (orcid, doi))
    return not waiting


def take_pending(db: sqlite3.Connection, orcid: str) -> list[str]:
    rows = db.execute("SELECT doi FROM pending WHERE orcid = ? ORDER BY rowid", (orcid,)).fetchall()
    db.execute("DELETE FROM pending WHERE orcid = ?", (orcid,))
    return [str(row["doi"]) for row in rows]
