"""Works - Import BibTeX: reading an uploaded file into a preview, keeping it between requests, importing it.

The preview is kept server-side under a random id in the session (like the register wizard's drafts), tied to
the record it was read for, so "Import works to your record" imports exactly what the researcher saw.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
from dataclasses import asdict, dataclass
from typing import Any

from flask import session

from orcid_guide.bibtex.orcid_mapping import MappedEntry, OrcidWork, Person, WorkId, map_entry
from orcid_guide.bibtex.reading import BibProblem, UnreadableEncoding, read_bytes
from orcid_guide.sandbox.orcid.accounts import User
from orcid_guide.sandbox.orcid.database import transaction
from orcid_guide.sandbox.orcid.works_store import NewContributor, NewExternalId, NewWork, Source, insert_works

SESSION_KEY = "bibtex_draft"
CANNOT_READ = "This file cannot be read. Please check the BibTeX formatting and try again."
NO_ENTRIES = "Error parsing Bibtex. No Bibtex entries found in file"


class FileRefused(ValueError):
    """The file gives no works to preview: ``message`` is ORCID's sentence, ``details`` say where and why."""

    def __init__(self, message: str, details: list[str]) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


@dataclass(frozen=True)
class Preview:
    """What "Works found in BibTeX" lists: every entry (importable or with its reason) and unreadable blocks."""

    encoding: str
    entries: list[MappedEntry]
    problems: list[BibProblem]

    @property
    def importable(self) -> list[int]:
        return [index for index, entry in enumerate(self.entries) if entry.work is not None]


def read_preview(data: bytes) -> Preview:
    """The preview of an uploaded file, or FileRefused when it holds no entry at all."""
    try:
        bib = read_bytes(data)
    except UnreadableEncoding as error:
        raise FileRefused(CANNOT_READ, [str(error)]) from error
    if not bib.entries:
        if bib.problems:
            raise FileRefused(CANNOT_READ, [str(problem) for problem in bib.problems])
        raise FileRefused(NO_ENTRIES, [])
    return Preview(bib.encoding, [map_entry(entry) for entry in bib.entries], bib.problems)


def _work_from_json(data: dict[str, Any]) -> OrcidWork:
    return OrcidWork(
        **{
            **data,
            "external_ids": tuple(WorkId(**item) for item in data["external_ids"]),
            "contributors": tuple(Person(**item) for item in data["contributors"]),
        }
    )


def _to_json(preview: Preview) -> str:
    return json.dumps(asdict(preview), ensure_ascii=False, separators=(",", ":"))


def _from_json(text: str) -> Preview:
    data = json.loads(text)
    entries = [
        MappedEntry(
            key=item["key"],
            line=item["line"],
            work=_work_from_json(item["work"]) if item["work"] else None,
            reason=item["reason"],
            notes=tuple(item["notes"]),
        )
        for item in data["entries"]
    ]
    return Preview(data["encoding"], entries, [BibProblem(**item) for item in data["problems"]])


def save_draft(db: sqlite3.Connection, orcid: str, preview: Preview, *, now_ms: int) -> None:
    """Keep ``preview`` for this session, replacing any earlier one."""
    old = session.get(SESSION_KEY)
    draft_id = secrets.token_urlsafe(24)
    with transaction(db):
        if isinstance(old, str):
            db.execute("DELETE FROM bibtex_drafts WHERE draft_id = ?", (old,))
        db.execute(
            "INSERT INTO bibtex_drafts (draft_id, orcid, state_json, created_ms) VALUES (?, ?, ?, ?)",
            (draft_id, orcid, _to_json(preview), now_ms),
        )
    session[SESSION_KEY] = draft_id


def load_draft(db: sqlite3.Connection, orcid: str) -> Preview | None:
    """This session's preview for this record, if there is one."""
    draft_id = session.get(SESSION_KEY)
    if not isinstance(draft_id, str):
        return None
    row = db.execute(
        "SELECT state_json FROM bibtex_drafts WHERE draft_id = ? AND orcid = ?", (draft_id, orcid)
    ).fetchone()
    return _from_json(row["state_json"]) if row else None


def _discard(db: sqlite3.Connection) -> None:
    draft_id = session.pop(SESSION_KEY, None)
    if isinstance(draft_id, str):
        db.execute("DELETE FROM bibtex_drafts WHERE draft_id = ?", (draft_id,))


def discard_draft(db: sqlite3.Connection) -> None:
    with transaction(db):
        _discard(db)


def new_work(work: OrcidWork, visibility: str) -> NewWork:
    return NewWork(
        title=work.title,
        type=work.type,
        visibility=visibility,
        journal_title=work.journal_title,
        year=work.year,
        month=work.month,
        url=work.url,
        citation_type="bibtex",
        citation_value=work.bibtex,
        external_ids=tuple(NewExternalId(i.type, i.value, i.url, i.relationship) for i in work.external_ids),
        contributors=tuple(NewContributor(person.name, person.role) for person in work.contributors),
    )


def import_works(db: sqlite3.Connection, user: User, preview: Preview, chosen: list[int], *, now_ms: int) -> int:
    """Add the chosen importable entries to ``user``'s record in one transaction and drop the draft.

    The researcher is the source and the account's default visibility applies, as for anything added on the
    record page. Returns how many works were added.
    """
    works = [new_work(work, user.default_visibility) for i in chosen if (work := preview.entries[i].work)]
    source = Source(name=user.display_name, orcid=user.orcid)
    with transaction(db):
        insert_works(db, user.orcid, works, source, now_ms=now_ms)
        _discard(db)
    return len(works)
