"""Works - Import BibTeX: reading an uploaded file into a preview, keeping it between requests, importing it.

The preview is kept server-side under a random id in the session (like the register wizard's drafts), tied to
the record it was read for, so "Import works to your record" imports exactly what the researcher saw.
"""

from __future__ import annotations

import gc
import json
import secrets
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from flask import session

from orcid_guide.bibtex.orcid_mapping import MappedEntry, OrcidWork, Person, WorkId, map_entry
from orcid_guide.bibtex.reading import BibProblem, UnreadableEncoding, read_bytes
from orcid_guide.sandbox.orcid.accounts import User
from orcid_guide.sandbox.orcid.database import transaction
from orcid_guide.sandbox.orcid.works_store import NewContributor, NewExternalId, NewWork, Source, insert_works

SESSION_KEY = "bibtex_draft"
# The last few previews, by draft id, as read: the dialog's next request (the preview page, the import) then
# need not decode the stored copy again. The database row stays the record of what may be imported.
_RECENT_LIMIT = 4
_DRAFT_LIFETIME_MS = 24 * 60 * 60 * 1000
_recent: OrderedDict[str, Preview] = OrderedDict()
_recent_lock = threading.Lock()


def forget_previews() -> None:
    """Drop the kept previews, for a sandbox put back to its fixture state (whose drafts are gone)."""
    with _recent_lock:
        _recent.clear()


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


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for one bulk step.

    Reading or importing a file of thousands of entries allocates millions of small objects and makes no
    reference cycles; the collector would otherwise rescan the ever larger heap many times (measured by
    scripts/bench_bibtex_import.py). Reference counting still frees everything as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def read_preview(data: bytes) -> Preview:
    """The preview of an uploaded file, or FileRefused when it holds no entry at all."""
    with _no_cycle_collection():
        try:
            bib = read_bytes(data)
        except UnreadableEncoding as error:
            raise FileRefused(CANNOT_READ, [str(error)]) from error
        if not bib.entries:
            if bib.problems:
                raise FileRefused(CANNOT_READ, [str(problem) for problem in bib.problems])
            raise FileRefused(NO_ENTRIES, [])
        return Preview(bib.encoding, [map_entry(entry) for entry in bib.entries], bib.problems)


def _work_from_json(data: list[Any]) -> OrcidWork:
    title, kind, journal, year, month, url, bibtex, ids, people = data
    return OrcidWork(
        title,
        kind,
        journal,
        year,
        month,
        url,
        bibtex,
        tuple(WorkId(*i) for i in ids),
        tuple(Person(*p) for p in people),
    )


def _to_json(preview: Preview) -> str:
    # Plain arrays, written and read without dataclasses.asdict: a preview of thousands of works is kept on
    # every upload and read back on every page of the dialog.
    entries = [[e.key, e.line, e.work, e.reason, e.notes, e.title] for e in preview.entries]
    problems = [[p.line, p.key, p.reason] for p in preview.problems]
    return json.dumps([preview.encoding, entries, problems], ensure_ascii=False, separators=(",", ":"))


def _from_json(text: str) -> Preview:
    encoding, entries, problems = json.loads(text)
    return Preview(
        encoding,
        [
            MappedEntry(key, line, _work_from_json(work) if work else None, reason, tuple(notes), title)
            for key, line, work, reason, notes, title in entries
        ],
        [BibProblem(*problem) for problem in problems],
    )


def save_draft(db: sqlite3.Connection, orcid: str, preview: Preview, *, now_ms: int) -> None:
    """Keep ``preview`` for this session, replacing any earlier one."""
    old = session.get(SESSION_KEY)
    draft_id = secrets.token_urlsafe(24)
    with _no_cycle_collection():
        state = _to_json(preview)
    with transaction(db):
        if isinstance(old, str):
            db.execute("DELETE FROM bibtex_drafts WHERE draft_id = ?", (old,))
        # Previews left behind by closed dialogs go after a day.
        db.execute("DELETE FROM bibtex_drafts WHERE created_ms < ?", (now_ms - _DRAFT_LIFETIME_MS,))
        db.execute(
            "INSERT INTO bibtex_drafts (draft_id, orcid, state_json, created_ms) VALUES (?, ?, ?, ?)",
            (draft_id, orcid, state, now_ms),
        )
    session[SESSION_KEY] = draft_id
    with _recent_lock:
        if isinstance(old, str):
            _recent.pop(old, None)
        _recent[draft_id] = preview
        while len(_recent) > _RECENT_LIMIT:
            _recent.popitem(last=False)


def load_draft(db: sqlite3.Connection, orcid: str) -> Preview | None:
    """This session's preview for this record, if there is one."""
    draft_id = session.get(SESSION_KEY)
    if not isinstance(draft_id, str):
        return None
    # The row decides whether the draft is still there and whose it is; the copy in memory only saves decoding it.
    found = db.execute("SELECT 1 FROM bibtex_drafts WHERE draft_id = ? AND orcid = ?", (draft_id, orcid)).fetchone()
    if found is None:
        return None
    with _recent_lock:
        recent = _recent.get(draft_id)
    if recent is not None:
        return recent
    row = db.execute("SELECT state_json FROM bibtex_drafts WHERE draft_id = ?", (draft_id,)).fetchone()
    with _no_cycle_collection():
        return _from_json(row["state_json"])


def _discard_in_memory() -> str | None:
    draft_id = session.pop(SESSION_KEY, None)
    if not isinstance(draft_id, str):
        return None
    with _recent_lock:
        _recent.pop(draft_id, None)
    return draft_id


def discard_draft(db: sqlite3.Connection) -> None:
    draft_id = _discard_in_memory()
    if draft_id is not None:
        with transaction(db):
            db.execute("DELETE FROM bibtex_drafts WHERE draft_id = ?", (draft_id,))


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
    record page. Returns how many works were added: none when this draft was imported or cancelled meanwhile.
    """
    source = Source(name=user.display_name, orcid=user.orcid)
    draft_id = session.get(SESSION_KEY)
    with _no_cycle_collection():
        works = [new_work(work, user.default_visibility) for i in chosen if (work := preview.entries[i].work)]
        with transaction(db):
            # The draft goes first, under the write lock: a second press of the button (a double click, another
            # tab) finds it gone and adds nothing twice.
            taken = db.execute(
                "DELETE FROM bibtex_drafts WHERE draft_id = ? AND orcid = ?", (draft_id, user.orcid)
            ).rowcount
            if taken == 1:
                insert_works(db, user.orcid, works, source, now_ms=now_ms)
    _discard_in_memory()
    return len(works) if taken == 1 else 0
