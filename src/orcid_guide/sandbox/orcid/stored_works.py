"""Reading works with everything the API shows, filtered by who is asking (public / limited / source)."""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from dataclasses import dataclass
from typing import Protocol

from orcid_guide.sandbox.orcid.source_names import source_name_sql

# Every column of a work, and its source name as it may be shown now (source_names.py).
WORK_COLUMNS = f"works.*, {source_name_sql('works')} AS shown_source_name"


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
class WorkOutline:
    """What deciding who may read a work and grouping it takes, without the rest: a record page reads this for
    every work of a record but the whole StoredWork only for the works on the page it shows."""

    put_code: int
    source_client_id: str | None
    visibility: str
    display_index: int
    external_ids: tuple[StoredExternalId, ...]  # only the grouping ones (self, version-of)


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


def _work(row: sqlite3.Row, ids: list[sqlite3.Row] | tuple[()], people: list[sqlite3.Row] | tuple[()]) -> StoredWork:
    return StoredWork(
        put_code=row["put_code"],
        orcid=row["orcid"],
        source_client_id=row["source_client_id"],
        source_orcid=row["source_orcid"],
        source_name=row["shown_source_name"],
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


def _works(db: sqlite3.Connection, rows: list[sqlite3.Row], where: str, args: tuple[object, ...]) -> list[StoredWork]:
    """The works of ``rows`` with their identifiers and contributors, read in one query each (``where`` picks
    the same works from ``works``), not two queries per work: a record may hold thousands."""
    ids: dict[int, list[sqlite3.Row]] = {}
    for found in db.execute(
        "SELECT i.put_code, i.type, i.value, i.normalized_value, i.url, i.relationship FROM work_external_ids i"
        f" JOIN works ON works.put_code = i.put_code WHERE {where} ORDER BY i.id",
        args,
    ):
        ids.setdefault(found["put_code"], []).append(found)
    people: dict[int, list[sqlite3.Row]] = {}
    for found in db.execute(
        "SELECT c.put_code, c.credit_name, c.contributor_orcid, c.role, c.sequence FROM work_contributors c"
        f" JOIN works ON works.put_code = c.put_code WHERE {where} ORDER BY c.put_code, c.position",
        args,
    ):
        people.setdefault(found["put_code"], []).append(found)
    return [_work(row, ids.get(row["put_code"], ()), people.get(row["put_code"], ())) for row in rows]


# Newest publication first: the order a record's works, and so its groups, are listed in.
NEWEST_FIRST = (
    "publication_year IS NULL, publication_year DESC, publication_month DESC, publication_day DESC,"
    " display_index DESC, put_code"
)


def record_works(db: sqlite3.Connection, orcid: str) -> list[StoredWork]:
    """All the record's works, whoever may read them, newest publication first (the order groups are listed in)."""
    rows = db.execute(f"SELECT {WORK_COLUMNS} FROM works WHERE orcid = ? ORDER BY {NEWEST_FIRST}", (orcid,)).fetchall()
    return _works(db, rows, "works.orcid = ?", (orcid,))


def readable_works(db: sqlite3.Connection, orcid: str, access: ReadAccess) -> list[StoredWork]:
    """The record's works this caller may read, newest publication first, read afresh (work_cache.py reuses)."""
    return [work for work in record_works(db, orcid) if access.allows(work)]


def find_work(db: sqlite3.Connection, orcid: str, put_code: int) -> StoredWork | None:
    """The work with this put-code on this record, whoever may read it (callers check access)."""
    where, args = "works.orcid = ? AND works.put_code = ?", (orcid, put_code)
    rows = db.execute(f"SELECT {WORK_COLUMNS} FROM works WHERE {where}", args).fetchall()
    return _works(db, rows, where, args)[0] if rows else None


def readable_outlines(
    db: sqlite3.Connection, orcid: str, access: ReadAccess, grouping: Collection[str]
) -> list[WorkOutline]:
    """The outlines of the works readable_works would give, in the same order; ``grouping``: the relationships
    of the identifiers kept (work_groups.GROUPING_RELATIONSHIPS)."""
    marks = ", ".join("?" * len(grouping))
    ids: dict[int, list[StoredExternalId]] = {}
    for found in db.execute(
        "SELECT i.put_code, i.type, i.value, i.normalized_value, i.url, i.relationship FROM work_external_ids i"
        f" JOIN works ON works.put_code = i.put_code WHERE works.orcid = ? AND i.relationship IN ({marks})"
        " ORDER BY i.id",
        (orcid, *grouping),
    ):
        ids.setdefault(found[0], []).append(StoredExternalId(*found[1:]))
    outlines = (
        WorkOutline(put_code, client, visibility, display_index, tuple(ids.get(put_code, ())))
        for put_code, client, visibility, display_index in db.execute(
            f"SELECT put_code, source_client_id, visibility, display_index FROM works WHERE orcid = ?"
            f" ORDER BY {NEWEST_FIRST}",
            (orcid,),
        )
    )
    return [outline for outline in outlines if access.allows(outline)]


def works_by_put_code(db: sqlite3.Connection, orcid: str, put_codes: Collection[int]) -> dict[int, StoredWork]:
    """These works of this record in full, whoever may read them (callers check access)."""
    if not put_codes:
        return {}
    where = f"works.orcid = ? AND works.put_code IN ({', '.join('?' * len(put_codes))})"
    args = (orcid, *put_codes)
    rows = db.execute(f"SELECT {WORK_COLUMNS} FROM works WHERE {where}", args).fetchall()
    return {work.put_code: work for work in _works(db, rows, where, args)}
