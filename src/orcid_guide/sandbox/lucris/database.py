"""Mock LUCRIS's SQLite file: its schema, opening it, and seeding it with the fixture data on first use."""

from __future__ import annotations

import sqlite3
from functools import cache
from pathlib import Path

from werkzeug.security import generate_password_hash

from orcid_guide.sandbox import sqlite_files
from orcid_guide.sandbox.lucris.fixtures import JOURNAL_ISSNS, OUTPUTS, PERSONS

SCHEMA = """
CREATE TABLE IF NOT EXISTS persons (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('researcher', 'editor')),
    orcid_id TEXT,
    orcid_access_token TEXT,
    orcid_scope TEXT,
    orcid_connected INTEGER NOT NULL DEFAULT 0,
    orcid_connected_at TEXT,
    -- Set when ORCID refused the token (revoked under Trusted parties), so My Settings can say so.
    orcid_connection_lost INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS research_outputs (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 32),
    title TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('article', 'book', 'chapter', 'conference')),
    year INTEGER NOT NULL,
    month INTEGER,
    day INTEGER,
    journal TEXT,
    host_title TEXT,
    doi TEXT,
    isbn TEXT,
    -- The journal's ISSN, which LUCRIS keeps on its journal record and writes into an export.
    issn TEXT,
    publisher TEXT,
    volume TEXT,
    number TEXT,
    pages TEXT,
    language TEXT NOT NULL DEFAULT 'English',
    publication_status TEXT NOT NULL DEFAULT 'published',
    workflow_step TEXT NOT NULL CHECK (workflow_step IN ('entryInProgress', 'forValidation', 'validated')),
    visibility TEXT NOT NULL CHECK (visibility IN ('Public', 'Campus', 'Backend', 'Confidential'))
);
CREATE TABLE IF NOT EXISTS contributors (
    output_id INTEGER NOT NULL REFERENCES research_outputs (id),
    position INTEGER NOT NULL,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    person_id INTEGER REFERENCES persons (id),
    role TEXT NOT NULL DEFAULT 'author',
    PRIMARY KEY (output_id, position)
);
CREATE INDEX IF NOT EXISTS contributors_person ON contributors (person_id);
-- The outputs ticked on the publications list, per browser session, so a selection survives paging.
CREATE TABLE IF NOT EXISTS selections (
    session_key TEXT NOT NULL,
    output_id INTEGER NOT NULL REFERENCES research_outputs (id),
    PRIMARY KEY (session_key, output_id)
);
-- One row per output and connected author: the push to that author's ORCID record and how it went.
CREATE TABLE IF NOT EXISTS orcid_pushes (
    output_id INTEGER NOT NULL REFERENCES research_outputs (id),
    person_id INTEGER NOT NULL REFERENCES persons (id),
    state TEXT NOT NULL CHECK (state IN ('pending', 'done', 'failed')),
    put_code TEXT,
    note TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (output_id, person_id)
);
-- Add new > Import from ORCID: what a search found, kept here so "Import" and "Confirm" act on what ORCID
-- sent and never on work data sent back by the browser; deleted when the import is confirmed.
CREATE TABLE IF NOT EXISTS import_searches (
    id TEXT PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES persons (id),
    searched_by INTEGER NOT NULL REFERENCES persons (id),
    orcid_id TEXT NOT NULL,
    works_json TEXT NOT NULL,
    chosen_json TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL
);
-- Where an imported output came from (ORCID, which record and put-code).
CREATE TABLE IF NOT EXISTS imported_outputs (
    output_id INTEGER PRIMARY KEY REFERENCES research_outputs (id),
    origin TEXT NOT NULL,
    orcid_id TEXT NOT NULL,
    put_code TEXT NOT NULL,
    imported_at TEXT NOT NULL
);
"""


def connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=10)
    connection.row_factory = sqlite3.Row
    connection.execute("PRAGMA foreign_keys = ON")
    sqlite_files.tune(connection)
    return connection


# Every LUCRIS person is a fixture whose password `orcid-guide sandbox` prints, as for the ORCID demo accounts:
# a slow hash protects nothing here and made each log-in cost a fifth of a second (scrypt's default).
DEMO_HASH_METHOD = "pbkdf2:sha256:1000"


@cache
def _password_hash(password: str) -> str:
    return generate_password_hash(password, method=DEMO_HASH_METHOD)


def initialize(path: Path) -> None:
    """Create the schema and, when the file has no people yet, load the fixture data."""
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = connect(path)
    try:
        sqlite_files.use_wal(connection)
        with connection:
            connection.executescript(SCHEMA)
            if connection.execute("SELECT COUNT(*) FROM persons").fetchone()[0] == 0:
                _seed(connection)
    finally:
        connection.close()


def _seed(connection: sqlite3.Connection) -> None:
    person_ids: dict[str, int] = {}
    for person in PERSONS:
        cursor = connection.execute(
            "INSERT INTO persons (uuid, first_name, last_name, username, password_hash, role, orcid_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                person.uuid,
                person.first_name,
                person.last_name,
                person.username,
                _password_hash(person.password),
                person.role,
                person.orcid_id,
            ),
        )
        assert cursor.lastrowid is not None
        person_ids[person.username] = cursor.lastrowid
    for output in OUTPUTS:
        cursor = connection.execute(
            "INSERT INTO research_outputs (uuid, title, type, year, month, day, journal, host_title, doi, isbn,"
            " issn, publisher, volume, number, pages, workflow_step, visibility)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                output.uuid,
                output.title,
                output.type,
                output.year,
                output.month,
                output.day,
                output.journal,
                output.host_title,
                output.doi,
                output.isbn,
                JOURNAL_ISSNS.get(output.journal or ""),
                output.publisher,
                output.volume,
                output.number,
                output.pages,
                output.step,
                output.visibility,
            ),
        )
        output_id = cursor.lastrowid
        for position, contributor in enumerate(output.contributors):
            connection.execute(
                "INSERT INTO contributors (output_id, position, first_name, last_name, person_id)"
                " VALUES (?, ?, ?, ?, ?)",
                (
                    output_id,
                    position,
                    contributor.first_name,
                    contributor.last_name,
                    person_ids[contributor.username] if contributor.username else None,
                ),
            )
