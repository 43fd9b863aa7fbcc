"""Sending validated outputs to their authors' ORCID records: the queue, the push, and what each push did.

Converis uploads an output when its status becomes Validated, whoever set it; the mock queues it at that
moment and works the queue right away and on ``POST /admin/push``. An output waits in the queue (state
``pending``) while ORCID cannot be reached or the author's connection is gone, and leaves it when ORCID took it,
already had it (409) or refused it for good.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from orcid_guide.sandbox.lucris import outputs, people
from orcid_guide.sandbox.lucris.orcid_client import (
    OrcidAccessRevoked,
    OrcidRejected,
    OrcidUnavailable,
    add_work,
)
from orcid_guide.sandbox.lucris.settings import LucrisSettings
from orcid_guide.sandbox.lucris.work_mapping import to_orcid_work


@dataclass(frozen=True)
class PushStatus:
    state: str
    put_code: str | None
    note: str


def queue_on_validation(db: sqlite3.Connection, output: outputs.ResearchOutput, when: str) -> int:
    """Queue ``output`` for each author connected to ORCID, once its status is Validated; returns how many."""
    if not output.goes_to_orcid:
        return 0
    queued = 0
    with db:
        for contributor in output.contributors:
            if contributor.person_id is None:
                continue
            person = people.by_id(db, contributor.person_id)
            if person is None or not person.orcid_connected:
                continue
            cursor = db.execute(
                "INSERT INTO orcid_pushes (output_id, person_id, state, note, updated_at)"
                " VALUES (?, ?, 'pending', 'Waiting to be sent to ORCID.', ?)"
                " ON CONFLICT (output_id, person_id) DO NOTHING",
                (output.id, person.id, when),
            )
            queued += cursor.rowcount
    return queued


def _record(
    db: sqlite3.Connection,
    output_id: int,
    person_id: int,
    state: str,
    note: str,
    when: str,
    put_code: str | None = None,
) -> None:
    with db:
        db.execute(
            "UPDATE orcid_pushes SET state = ?, note = ?, updated_at = ?, put_code = COALESCE(?, put_code)"
            " WHERE output_id = ? AND person_id = ?",
            (state, note, when, put_code, output_id, person_id),
        )


def run_pending(db: sqlite3.Connection, settings: LucrisSettings, when: str) -> int:
    """Try every queued push whose author is connected; returns how many ORCID now has."""
    rows = db.execute(
        "SELECT output_id, person_id FROM orcid_pushes WHERE state = 'pending' ORDER BY output_id, person_id"
    ).fetchall()
    sent = 0
    for row in rows:
        person = people.by_id(db, row["person_id"])
        output = outputs.by_id(db, row["output_id"])
        if person is None or output is None:
            continue
        if not person.orcid_connected or not person.orcid_access_token or not person.orcid_id:
            _record(
                db,
                output.id,
                person.id,
                "pending",
                f"Waiting: {person.name} is not connected to ORCID at the moment.",
                when,
            )
            continue
        try:
            posted = add_work(
                settings.orcid_url,
                person.orcid_id,
                person.orcid_access_token,
                to_orcid_work(output),
                timeout=settings.orcid_timeout,
            )
        except OrcidAccessRevoked:
            people.mark_connection_lost(db, person.id)
            _record(
                db,
                output.id,
                person.id,
                "pending",
                f"Waiting: ORCID no longer accepts LUCRIS's connection for {person.name}.",
                when,
            )
            continue
        except OrcidUnavailable:
            _record(
                db,
                output.id,
                person.id,
                "pending",
                "Push pending: ORCID could not be reached; LUCRIS will try again.",
                when,
            )
            continue
        except OrcidRejected as error:
            _record(db, output.id, person.id, "failed", f"ORCID did not accept this publication: {error}", when)
            continue
        if posted.already_there:
            _record(db, output.id, person.id, "done", f"Already on the ORCID record of {person.name}.", when)
        else:
            _record(
                db,
                output.id,
                person.id,
                "done",
                f"Added to the ORCID record of {person.name}.",
                when,
                put_code=posted.put_code,
            )
        sent += 1
    return sent


def statuses_for(db: sqlite3.Connection, output_id: int) -> list[PushStatus]:
    rows = db.execute(
        "SELECT p.first_name, p.last_name, q.state, q.put_code, q.note FROM orcid_pushes q"
        " JOIN persons p ON p.id = q.person_id WHERE q.output_id = ? ORDER BY p.last_name, p.first_name",
        (output_id,),
    ).fetchall()
    return [PushStatus(r["state"], r["put_code"], r["note"]) for r in rows]


def pending_count(db: sqlite3.Connection) -> int:
    count: int = db.execute("SELECT COUNT(*) FROM orcid_pushes WHERE state = 'pending'").fetchone()[0]
    return count
