"""Add new > Import from ORCID: the researcher's public works on ORCID, each flagged when it may duplicate one of
their LUCRIS outputs, and the chosen ones imported as outputs in "Entry in progress", all or nothing.

The search result is stored server-side (table import_searches): "Import" and "Confirm" send only which works
were ticked, so nothing a browser sends back can change what is imported.
"""

from __future__ import annotations

import base64
import hashlib
import json
import sqlite3
import uuid
from dataclasses import asdict, dataclass
from typing import Any

from orcid_guide.bibtex.duplicates import Publication, flag_all
from orcid_guide.sandbox.lucris import orcid_client, outputs
from orcid_guide.sandbox.lucris.orcid_client import OrcidWork
from orcid_guide.sandbox.lucris.people import Person
from orcid_guide.sandbox.lucris.settings import LucrisSettings

# ORCID work types LUCRIS has an output type for; other works are listed but cannot be imported.
OUTPUT_TYPES = {
    "journal-article": "article",
    "book": "book",
    "book-chapter": "chapter",
    "conference-paper": "conference",
}
ORIGIN = "ORCID"


class NoOrcidId(Exception):
    """The selected person has no ORCID iD on their research profile, so there is nothing to search with."""


@dataclass(frozen=True)
class DuplicateOf:
    uuid: str
    title: str
    reason: str


@dataclass(frozen=True)
class FoundWork:
    index: int
    work: OrcidWork
    output_type: str | None
    # Why it cannot be imported ("" when it can).
    problem: str
    duplicates: tuple[DuplicateOf, ...]

    @property
    def importable(self) -> bool:
        return not self.problem


@dataclass(frozen=True)
class ImportSearch:
    id: str
    person_id: int
    orcid_id: str
    found: tuple[FoundWork, ...]
    chosen: tuple[int, ...]

    @property
    def chosen_works(self) -> tuple[FoundWork, ...]:
        return tuple(found for found in self.found if found.index in self.chosen)


def _problem(work: OrcidWork) -> str:
    if work.type not in OUTPUT_TYPES:
        return f"LUCRIS cannot import works of type {work.type or 'unknown'} from ORCID."
    if work.year is None:
        return "This work has no publication year, which LUCRIS needs."
    return ""


def _flag(db: sqlite3.Connection, person: Person, works: list[OrcidWork]) -> tuple[FoundWork, ...]:
    existing = outputs.list_for(db, person).items
    candidates = [Publication(o.title, o.doi or "", o.isbn or "") for o in existing]
    flags = flag_all([Publication(work.title, work.doi, work.isbn) for work in works], candidates)
    found = []
    for index, (work, matches) in enumerate(zip(works, flags, strict=True)):
        found.append(
            FoundWork(
                index=index,
                work=work,
                output_type=OUTPUT_TYPES.get(work.type),
                problem=_problem(work),
                duplicates=tuple(
                    DuplicateOf(existing[m.existing].uuid, existing[m.existing].title, m.reason) for m in matches
                ),
            )
        )
    return tuple(found)


def search(db: sqlite3.Connection, settings: LucrisSettings, person: Person, searched_by: Person, now: str) -> str:
    """Ask ORCID, with a /read-public token as Converis does, for ``person``'s public works; returns the search id.

    Raises NoOrcidId, or an orcid_client.OrcidError when ORCID does not give what is needed.
    """
    if not person.orcid_id:
        raise NoOrcidId(person.name)
    token = orcid_client.read_public_token(
        settings.orcid_url,
        client_id=settings.client_id,
        client_secret=settings.client_secret,
        timeout=settings.orcid_timeout,
    )
    works = orcid_client.public_works_in_full(
        settings.orcid_url, person.orcid_id, token, timeout=settings.orcid_timeout
    )
    works_json = json.dumps([asdict(w) for w in works])
    # Derived, not random, so a run on the fixed clock shows the same address every time; it is no secret, as a
    # search is only ever read back for the person who made it (load).
    seed = f"{searched_by.id}/{person.id}/{now}/{works_json}".encode()
    search_id = base64.urlsafe_b64encode(hashlib.sha256(seed).digest()[:16]).decode().rstrip("=")
    with db:
        # A new search replaces this searcher's earlier, unconfirmed ones for the same person.
        db.execute("DELETE FROM import_searches WHERE searched_by = ? AND person_id = ?", (searched_by.id, person.id))
        db.execute(
            "INSERT INTO import_searches (id, person_id, searched_by, orcid_id, works_json, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (search_id, person.id, searched_by.id, person.orcid_id, works_json, now),
        )
    return search_id


def _work_from_json(data: dict[str, Any]) -> OrcidWork:
    return OrcidWork(
        put_code=data["put_code"],
        title=data["title"],
        type=data["type"],
        year=data["year"],
        month=data["month"],
        day=data["day"],
        journal=data["journal"],
        doi=data["doi"],
        isbn=data["isbn"],
        url=data["url"],
        contributors=tuple((str(name), str(orcid)) for name, orcid in data["contributors"]),
    )


def load(db: sqlite3.Connection, search_id: str, viewer: Person, person: Person) -> ImportSearch | None:
    """The search ``viewer`` ran for ``person``, with flags against ``person``'s outputs as they are now."""
    row = db.execute(
        "SELECT * FROM import_searches WHERE id = ? AND searched_by = ? AND person_id = ?",
        (search_id, viewer.id, person.id),
    ).fetchone()
    if row is None:
        return None
    works = [_work_from_json(item) for item in json.loads(row["works_json"])]
    return ImportSearch(
        id=row["id"],
        person_id=row["person_id"],
        orcid_id=row["orcid_id"],
        found=_flag(db, person, works),
        chosen=tuple(json.loads(row["chosen_json"])),
    )


def person_of_search(db: sqlite3.Connection, search_id: str) -> int | None:
    row = db.execute("SELECT person_id FROM import_searches WHERE id = ?", (search_id,)).fetchone()
    return int(row["person_id"]) if row else None


def choose(db: sqlite3.Connection, found: ImportSearch, indexes: list[int]) -> None:
    """Remember which works were ticked ("Import"); only importable works of this search count."""
    valid = sorted({i for i in indexes if any(f.index == i and f.importable for f in found.found)})
    with db:
        db.execute("UPDATE import_searches SET chosen_json = ? WHERE id = ?", (json.dumps(valid), found.id))


def _split_name(name: str) -> tuple[str, str]:
    """ "Eva de Vries" → ("Eva", "de Vries"); "de Vries, Eva" → ("Eva", "de Vries")."""
    if "," in name:
        last, first = (part.strip() for part in name.split(",", 1))
        return first, last
    first, _, last = name.strip().partition(" ")
    return (first, last) if last else ("", first)


def _insert(db: sqlite3.Connection, found: FoundWork, person: Person, orcid_id: str, now: str) -> str:
    work = found.work
    assert found.output_type is not None and work.year is not None
    # As fixed as the fixtures' UUIDs (the count keeps a second import of the same work apart from the first).
    (outputs,) = db.execute("SELECT COUNT(*) FROM research_outputs").fetchone()
    output_uuid = uuid.uuid5(uuid.NAMESPACE_URL, f"orcid:{orcid_id}/{work.put_code}/{outputs}").hex
    container = work.journal or None
    cursor = db.execute(
        "INSERT INTO research_outputs (uuid, title, type, year, month, day, journal, host_title, doi, isbn,"
        " workflow_step, visibility) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'entryInProgress', 'Public')",
        (
            output_uuid,
            work.title,
            found.output_type,
            work.year,
            work.month,
            work.day if work.month else None,
            container if found.output_type == "article" else None,
            container if found.output_type in ("chapter", "conference") else None,
            work.doi or None,
            work.isbn or None,
        ),
    )
    output_id = cursor.lastrowid
    linked = False
    for position, (name, contributor_orcid) in enumerate(work.contributors):
        first, last = _split_name(name)
        is_person = contributor_orcid == person.orcid_id or name.casefold() == person.name.casefold()
        linked = linked or is_person
        db.execute(
            "INSERT INTO contributors (output_id, position, first_name, last_name, person_id) VALUES (?, ?, ?, ?, ?)",
            (output_id, position, first, last, person.id if is_person else None),
        )
    if not linked:
        # The researcher whose record it came from is an author even when ORCID lists no contributors.
        db.execute(
            "INSERT INTO contributors (output_id, position, first_name, last_name, person_id) VALUES (?, ?, ?, ?, ?)",
            (output_id, len(work.contributors), person.first_name, person.last_name, person.id),
        )
    db.execute(
        "INSERT INTO imported_outputs (output_id, origin, orcid_id, put_code, imported_at) VALUES (?, ?, ?, ?, ?)",
        (output_id, ORIGIN, orcid_id, work.put_code, now),
    )
    return output_uuid


def confirm(db: sqlite3.Connection, found: ImportSearch, person: Person, now: str) -> list[str]:
    """Import the chosen works in one transaction ("Confirm") and forget the search; returns the new uuids."""
    with db:
        created = [_insert(db, chosen, person, found.orcid_id, now) for chosen in found.chosen_works]
        db.execute("DELETE FROM import_searches WHERE id = ?", (found.id,))
    return created


@dataclass(frozen=True)
class Origin:
    origin: str
    orcid_id: str
    put_code: str


def origin_of(db: sqlite3.Connection, output_id: int) -> Origin | None:
    row = db.execute(
        "SELECT origin, orcid_id, put_code FROM imported_outputs WHERE output_id = ?", (output_id,)
    ).fetchone()
    return Origin(row["origin"], row["orcid_id"], row["put_code"]) if row else None
