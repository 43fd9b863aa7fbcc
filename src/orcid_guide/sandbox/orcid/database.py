"""The emulator's SQLite file: creating it from schema.sql, one pooled connection per request, write transactions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from importlib import resources
from pathlib import Path

from flask import g

from orcid_guide.sandbox import sqlite_files
from orcid_guide.sandbox.connection_pool import ConnectionPool


def schema_sql() -> str:
    return resources.files(__package__).joinpath("fixtures/schema.sql").read_text(encoding="utf-8")


def connect(path: Path) -> sqlite3.Connection:
    # isolation_level=None: transactions are opened explicitly by ``transaction`` so that writers take the
    # write lock up front (BEGIN IMMEDIATE) and choose an unused iD inside the same lock they insert it under.
    db = sqlite3.connect(path, timeout=10, isolation_level=None, check_same_thread=False)
    db.row_factory = sqlite3.Row
    db.execute("PRAGMA foreign_keys = ON")
    sqlite_files.tune(db)
    return db


def create_schema(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    db = connect(path)
    try:
        sqlite_files.use_wal(db)
        db.executescript(schema_sql())
    finally:
        db.close()


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def request_db(pool: ConnectionPool) -> sqlite3.Connection:
    """This request's connection, taken from ``pool`` on first use and given back by ``close_request_db``."""
    db: sqlite3.Connection | None = g.get("orcid_db")
    if db is None:
        db = pool.take()
        g.orcid_db = db
        g.orcid_db_pool = pool
    return db


def close_request_db(_error: BaseException | None = None) -> None:
    db: sqlite3.Connection | None = g.pop("orcid_db", None)
    if db is not None:
        pool: ConnectionPool = g.pop("orcid_db_pool")
        pool.give_back(db)


def millis(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)
