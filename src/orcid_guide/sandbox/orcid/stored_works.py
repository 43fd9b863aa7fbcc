"""Reading works with everything the API shows, filtered by who is asking (public / limited / source)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class StoredExternalId:
    type: str
    value: str
    normalized: str
    url: str
    relationship: str


@dataclass(frozen=True)
class StoredContributor:
    credit_name: str
    orcid: str
    role: str
    sequence: str


@dataclass(frozen=True)
class StoredWork:
    put_code: int
    orcid: str
    source_client_id: str | None
    source_orcid: str | None
    source_name: str
    title: str
    subtitle: str
    type: str
    journal_title: str
    short_description: str
    year: int | None
    month: int | None
    day: int | None
    url: str
    citation_type: str
    citation_value: str
    language_code: str
    country: str
    visibility: str
    display_index: int
    created_ms: int
    modified_ms: int
    external_ids: tuple[StoredExternalId, ...]
    contributors: tuple[StoredContributor, ...]


class RecordItem(Protocol):
    """Anything on a record with a visibility and a source: a work, an employment."""

    @property
    def visibility(self) -> str: ...

    @property
    def source_client_id(self) -> str | None: ...


@dataclass(frozen=True)
class ReadAccess:
    """What a caller may read on one record: public always; limited with /read-limited for it; their own items;
    everything for the researcher whose record it is."""

    limited: bool = False
    source_client_id: str | None = None
    owner: bool = False

    def allows(self, work: RecordItem) -> bool:
        if self.owner or work.visibility == "public":
            return True
        if work.visibility == "limited" and self.limited:
            return True
        # The source that added an item may always read it back, private included.
        return self.source_client_id is not None and work.source_client_id == self.source_client_id


PUBLIC_ONLY = ReadAccess()
OWNER = ReadAccess(owner=True)


def _work(db: sqlite3.Connection, row: sqlite3.Row) -> StoredWork:
    ids = db.execute(
        "SELECT type, value, normalized_value, url, relationship FROM work_external_ids WHERE put_code = ? ORDER BY id",
        (row["put_code"],),
    ).fetchall()
    people = db.execute(
        "SELECT credit_name, contributor_orcid, role, sequence FROM work_contributors WHERE put_code = ?"
        " ORDER BY position",
        (row["put_code"],),
    ).fetchall()
    return StoredWork(
        put_code=row["put_code"],
        orcid=row["orcid"],
        source_client_id=row["source_client_id"],
        source_orcid=row["source_orcid"],
        source_name=row["source_name"],
        title=row["title"],
        subtitle=row["subtitle"],
        type=row["type"],
        journal_title=row["journal_title"],
        short_description=row["short_description"],
        year=row["publication_year"],
        month=row["publication_month"],
        day=row["publication_day"],
        url=row["url"],
        citation_type=row["citation_type"],
        citation_value=row["citation_value"],
        language_code=row["language_code"],
        country=row["country"],
        visibility=row["visibility"],
        display_index=row["display_index"],
        created_ms=row["created_ms"],
        modified_ms=row["modified_ms"],
        external_ids=tuple(
            StoredExternalId(i["type"], i["value"], i["normalized_value"], i["url"], i["relationship"]) for i in ids
        ),
        contributors=tuple(
            StoredContributor(p["credit_name"], p["contributor_orcid"], p["role"], p["sequence"]) for p in people
        ),
    )


def readable_works(db: sqlite3.Connection, orcid: str, access: ReadAccess) -> list[StoredWork]:
    """The record's works this caller may read, newest publication first (the order groups are listed in)."""
    rows = db.execute(
        "SELECT * FROM works WHERE orcid = ? ORDER BY publication_year IS NULL, publication_year DESC,"
        " publication_month DESC, publication_day DESC, display_index DESC, put_code",
        (orcid,),
    ).fetchall()
    works = [_work(db, row) for row in rows]
    return [work for work in works if access.allows(work)]


def find_work(db: sqlite3.Connection, orcid: str, put_code: int) -> StoredWork | None:
    """The work with this put-code on this record, whoever may read it (callers check access)."""
    row = db.execute("SELECT * FROM works WHERE orcid = ? AND put_code = ?", (orcid, put_code)).fetchone()
    return _work(db, row) if row else None
