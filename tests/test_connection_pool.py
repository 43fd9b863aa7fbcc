"""The emulator's pooled connections: reused between requests, never handing on a transaction or a lock."""

from __future__ import annotations

import sqlite3
from functools import partial
from pathlib import Path

from orcid_guide.sandbox.connection_pool import ConnectionPool
from orcid_guide.sandbox.orcid.database import connect, create_schema
from orcid_guide.sandbox.orcid.demo_data import EVA
from orcid_guide.sandbox.orcid.request_context import POOL_KEY
from tests.helpers.orcid_forms import make_app


def _pool(tmp_path: Path) -> ConnectionPool:
    path = tmp_path / "orcid.sqlite3"
    create_schema(path)
    return ConnectionPool(partial(connect, path))


def test_a_connection_given_back_serves_the_next_request(tmp_path: Path) -> None:
    pool = _pool(tmp_path)
    first = pool.take()
    pool.give_back(first)
    assert pool.take() is first


def test_a_transaction_left_open_is_rolled_back_and_its_lock_released(tmp_path: Path) -> None:
    pool = _pool(tmp_path)
    writer = pool.take()
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO registration_drafts (draft_id, state_json, created_ms) VALUES ('x', '{}', 0)")
    pool.give_back(writer)
    again = pool.take()
    assert again is writer and not again.in_transaction
    other = connect(tmp_path / "orcid.sqlite3")
    try:
        # Another connection can take the write lock at once, and the half-done insert never happened.
        other.execute("BEGIN IMMEDIATE")
        assert other.execute("SELECT COUNT(*) FROM registration_drafts").fetchone()[0] == 0
        other.execute("ROLLBACK")
    finally:
        other.close()


def test_after_close_no_connection_is_kept(tmp_path: Path) -> None:
    pool = _pool(tmp_path)
    idle, busy = pool.take(), pool.take()
    pool.give_back(idle)
    pool.close()
    pool.give_back(busy)
    for connection in (idle, busy):
        try:
            connection.execute("SELECT 1")
        except sqlite3.ProgrammingError:
            continue
        raise AssertionError("a connection stayed open after the pool was closed")


def test_requests_of_the_emulator_share_connections(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    opened: list[sqlite3.Connection] = []

    def counting_connect() -> sqlite3.Connection:
        opened.append(connect(tmp_path / "orcid.sqlite3"))
        return opened[-1]

    app.extensions[POOL_KEY] = ConnectionPool(counting_connect)
    client = app.test_client()
    for _ in range(5):
        assert client.get(f"/v3.0/{EVA.orcid}/works", headers={"Accept": "application/json"}).status_code == 200
    assert len(opened) == 1
