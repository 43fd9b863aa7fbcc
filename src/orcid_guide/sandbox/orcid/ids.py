"""Issuing new ORCID iDs from ORCID's 0009 block: a fixed sequence under the tutorials, random otherwise."""

from __future__ import annotations

import secrets
import sqlite3

from orcid_guide.orcid_id import ISSUED_BLOCKS, format_id

# New iDs come from the block ORCID issues from today (0009-0000-0000-0000 … 0009-0010-0000-0000).
BLOCK_LOW, BLOCK_HIGH = ISSUED_BLOCKS[1]
# Where the fixed sequence starts; any base inside the block would do, it only has to stay put so that a
# fresh database always hands the first registration the same iD (0009-0003-1415-9266).
FIXED_START = BLOCK_LOW + 31_415_926
FIRST_FIXED_ID = format_id(FIXED_START)


def _taken(db: sqlite3.Connection, orcid: str) -> bool:
    # Users are never deleted, so the users table is also the list of every iD ever issued.
    return db.execute("SELECT 1 FROM users WHERE orcid = ?", (orcid,)).fetchone() is not None


def issue_id(db: sqlite3.Connection, *, fixed: bool) -> str:
    """An iD no one holds yet; call inside the write transaction that inserts it."""
    if fixed:
        base = FIXED_START
        while _taken(db, format_id(base)):
            base += 1
            if base >= BLOCK_HIGH:
                raise RuntimeError("the fixed iD sequence has run out of its block")
        return format_id(base)
    while True:
        candidate = format_id(BLOCK_LOW + secrets.randbelow(BLOCK_HIGH - BLOCK_LOW))
        if not _taken(db, candidate):
            return candidate
