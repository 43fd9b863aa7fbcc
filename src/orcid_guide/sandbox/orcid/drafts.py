"""Keeping a register wizard's answers between requests, server-side, under a random id in the session."""

from __future__ import annotations

import json
import secrets
import sqlite3

from flask import session

from orcid_guide.sandbox.orcid.database import transaction
from orcid_guide.sandbox.orcid.registration import Draft

SESSION_KEY = "register_draft"


def load(db: sqlite3.Connection) -> Draft:
    draft_id = session.get(SESSION_KEY)
    if isinstance(draft_id, str):
        row = db.execute("SELECT state_json FROM registration_drafts WHERE draft_id = ?", (draft_id,)).fetchone()
        if row is not None:
            return Draft.from_json(json.loads(row["state_json"]))
    return Draft()


def save(db: sqlite3.Connection, draft: Draft, *, now_ms: int) -> None:
    draft_id = session.get(SESSION_KEY)
    if not isinstance(draft_id, str):
        draft_id = secrets.token_urlsafe(24)
        session[SESSION_KEY] = draft_id
    with transaction(db):
        db.execute(
            "INSERT INTO registration_drafts (draft_id, state_json, created_ms) VALUES (?, ?, ?)"
            " ON CONFLICT (draft_id) DO UPDATE SET state_json = excluded.state_json",
            (draft_id, json.dumps(draft.to_json()), now_ms),
        )


def discard(db: sqlite3.Connection) -> None:
    draft_id = session.pop(SESSION_KEY, None)
    if isinstance(draft_id, str):
        with transaction(db):
            db.execute("DELETE FROM registration_drafts WHERE draft_id = ?", (draft_id,))
