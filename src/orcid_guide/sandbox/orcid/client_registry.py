"""The API clients in the database: registering them (LUCRIS, Crossref, DataCite …), finding them, checking secrets."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from werkzeug.security import check_password_hash, generate_password_hash

from orcid_guide.sandbox.orcid.database import transaction
from orcid_guide.sandbox.orcid.settings import ClientRegistration

# Client secrets are long random strings, so a slow hash buys nothing; a fast one keeps app start-up quick.
SECRET_HASH_METHOD = "pbkdf2:sha256:1000"


def register_clients(db: sqlite3.Connection, clients: Iterable[ClientRegistration], *, now_ms: int) -> None:
    with transaction(db):
        for client in clients:
            db.execute(
                "INSERT INTO clients (client_id, secret_hash, name, member, created_ms) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (client_id) DO UPDATE SET secret_hash = excluded.secret_hash,"
                " name = excluded.name, member = excluded.member",
                (
                    client.client_id,
                    generate_password_hash(client.secret, method=SECRET_HASH_METHOD),
                    client.name,
                    int(client.member),
                    now_ms,
                ),
            )
            db.execute("DELETE FROM client_redirect_uris WHERE client_id = ?", (client.client_id,))
            db.executemany(
                "INSERT INTO client_redirect_uris (client_id, uri) VALUES (?, ?)",
                [(client.client_id, uri) for uri in client.redirect_uris],
            )


def secret_matches(db: sqlite3.Connection, client_id: str, secret: str) -> bool:
    row = db.execute("SELECT secret_hash FROM clients WHERE client_id = ?", (client_id,)).fetchone()
    return row is not None and check_password_hash(row["secret_hash"], secret)


def redirect_uris(db: sqlite3.Connection, client_id: str) -> list[str]:
    rows = db.execute("SELECT uri FROM client_redirect_uris WHERE client_id = ? ORDER BY uri", (client_id,))
    return [str(row["uri"]) for row in rows]


@dataclass(frozen=True)
class Client:
    client_id: str
    name: str
    member: bool


def find_client(db: sqlite3.Connection, client_id: str) -> Client | None:
    row = db.execute("SELECT client_id, name, member FROM clients WHERE client_id = ?", (client_id,)).fetchone()
    return Client(row["client_id"], row["name"], bool(row["member"])) if row else None
