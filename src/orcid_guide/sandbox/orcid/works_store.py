"""Writing works, their external identifiers and contributors to the database; finding duplicates by source."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field

from orcid_guide.sandbox.orcid.database import transaction


@dataclass(frozen=True)
class NewExternalId:
    type: str
    value: str
    url: str = ""
    relationship: str = "self"

    @property
    def normalized(self) -> str:
        """The value compared for grouping: trimmed, lower-cased, a DOI without its resolver prefix."""
        value = self.value.strip().lower()
        if self.type == "doi":
            for prefix in ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:"):
                if value.startswith(prefix):
                    value = value[len(prefix) :]
        return value


@dataclass(frozen=True)
class NewContributor:
    credit_name: str
    role: str = "author"
    sequence: str = ""
    orcid: str = ""


@dataclass(frozen=True)
class NewWork:
    title: str
    type: str
    visibility: str
    journal_title: str = ""
    year: int | None = None
    month: int | None = None
    day: int | None = None
    url: str = ""
    citation_type: str = ""
    citation_value: str = ""
    external_ids: tuple[NewExternalId, ...] = ()
    # Plain names are authors in the order given (the first "first", the rest "additional").
    contributors: tuple[str | NewContributor, ...] = field(default=())
    subtitle: str = ""
    short_description: str = ""
    language_code: str = ""
    country: str = ""

    def contributor_rows(self) -> list[NewContributor]:
        rows = []
        for position, person in enumerate(self.contributors):
            if isinstance(person, str):
                person = NewContributor(person, "author", "first" if position == 0 else "additional")
            rows.append(person)
        return rows


@dataclass(frozen=True)
class Source:
    """Who adds a work: a client (by client id) or the researcher in the web app (by iD)."""

    name: str
    client_id: str | None = None
    orcid: str | None = None


_WORK_COLUMNS = (
    "title, subtitle, type, journal_title, short_description, publication_year, publication_month, publication_day,"
    " url, citation_type, citation_value, language_code, country, visibility"
)


def _work_values(work: NewWork) -> tuple[object, ...]:
    return (
        work.title,
        work.subtitle,
        work.type,
        work.journal_title,
        work.short_description,
        work.year,
        work.month,
        work.day,
        work.url,
        work.citation_type,
        work.citation_value,
        work.language_code,
        work.country,
        work.visibility,
    )


_INSERT_EXTERNAL_ID = (
    "INSERT INTO work_external_ids (put_code, type, value, normalized_value, url, relationship)"
    " VALUES (?, ?, ?, ?, ?, ?)"
)
_INSERT_CONTRIBUTOR = (
    "INSERT INTO work_contributors (put_code, position, credit_name, contributor_orcid, role, sequence)"
    " VALUES (?, ?, ?, ?, ?, ?)"
)


def _external_id_rows(put_code: int, work: NewWork) -> list[tuple[object, ...]]:
    return [(put_code, e.type, e.value, e.normalized, e.url, e.relationship) for e in work.external_ids]


def _contributor_rows(put_code: int, work: NewWork) -> list[tuple[object, ...]]:
    return [
        (put_code, position, person.credit_name, person.orcid, person.role, person.sequence)
        for position, person in enumerate(work.contributor_rows())
    ]


def _write_children(db: sqlite3.Connection, put_code: int, work: NewWork) -> None:
    db.executemany(_INSERT_EXTERNAL_ID, _external_id_rows(put_code, work))
    db.executemany(_INSERT_CONTRIBUTOR, _contributor_rows(put_code, work))


def _insert_work_row(db: sqlite3.Connection, orcid: str, work: NewWork, source: Source, now_ms: int) -> int:
    values = (orcid, source.client_id, source.orcid, source.name, *_work_values(work), now_ms, now_ms)
    cursor = db.execute(
        f"INSERT INTO works (orcid, source_client_id, source_orcid, source_name, {_WORK_COLUMNS}, created_ms,"
        f" modified_ms) VALUES ({', '.join('?' * len(values))})",
        values,
    )
    put_code = cursor.lastrowid
    assert put_code is not None
    return put_code


def insert_work(db: sqlite3.Connection, orcid: str, work: NewWork, source: Source, *, now_ms: int) -> int:
    """Insert inside the caller's transaction; returns the put-code."""
    put_code = _insert_work_row(db, orcid, work, source, now_ms)
    _write_children(db, put_code, work)
    return put_code


def insert_works(
    db: sqlite3.Connection, orcid: str, works: Sequence[NewWork], source: Source, *, now_ms: int
) -> list[int]:
    """Insert many works inside the caller's transaction (a BibTeX import), each table in one batch.

    Returns the put-codes in order. The caller's transaction holds the write lock, so the new rows are exactly
    those above the highest put-code before the batch.
    """
    (highest,) = db.execute("SELECT COALESCE(MAX(put_code), 0) FROM works").fetchone()
    prefix = (orcid, source.client_id, source.orcid, source.name)
    db.executemany(
        f"INSERT INTO works (orcid, source_client_id, source_orcid, source_name, {_WORK_COLUMNS}, created_ms,"
        f" modified_ms) VALUES ({', '.join('?' * (len(prefix) + _WORK_COLUMNS.count(',') + 3))})",
        [(*prefix, *_work_values(work), now_ms, now_ms) for work in works],
    )
    put_codes = [
        row[0] for row in db.execute("SELECT put_code FROM works WHERE put_code > ? ORDER BY put_code", (highest,))
    ]
    assert len(put_codes) == len(works)
    db.executemany(
        _INSERT_EXTERNAL_ID,
        [row for code, work in zip(put_codes, works, strict=True) for row in _external_id_rows(code, work)],
    )
    db.executemany(
        _INSERT_CONTRIBUTOR,
        [row for code, work in zip(put_codes, works, strict=True) for row in _contributor_rows(code, work)],
    )
    return put_codes


def add_work(db: sqlite3.Connection, orcid: str, work: NewWork, source: Source, *, now_ms: int) -> int:
    """Insert ``work`` on ``orcid``'s record; returns its put-code."""
    with transaction(db):
        return insert_work(db, orcid, work, source, now_ms=now_ms)


def replace_work(db: sqlite3.Connection, put_code: int, work: NewWork, *, now_ms: int) -> None:
    """Overwrite a work's fields, identifiers and contributors inside the caller's transaction (PUT)."""
    assignments = ", ".join(f"{column.strip()} = ?" for column in _WORK_COLUMNS.split(","))
    db.execute(
        f"UPDATE works SET {assignments}, modified_ms = ? WHERE put_code = ?",
        (*_work_values(work), now_ms, put_code),
    )
    db.execute("DELETE FROM work_external_ids WHERE put_code = ?", (put_code,))
    db.execute("DELETE FROM work_contributors WHERE put_code = ?", (put_code,))
    _write_children(db, put_code, work)


def delete_work(db: sqlite3.Connection, put_code: int) -> None:
    with transaction(db):
        db.execute("DELETE FROM works WHERE put_code = ?", (put_code,))


def duplicate_of(
    db: sqlite3.Connection, orcid: str, client_id: str, work: NewWork, *, ignore_put_code: int | None = None
) -> int | None:
    """The put-code of this client's work on this record with one of ``work``'s self identifiers, if any."""
    for external in work.external_ids:
        if external.relationship != "self":
            continue
        row = db.execute(
            "SELECT works.put_code FROM works JOIN work_external_ids ids ON ids.put_code = works.put_code"
            " WHERE works.orcid = ? AND works.source_client_id = ? AND ids.relationship = 'self'"
            " AND ids.type = ? AND ids.normalized_value = ? AND works.put_code IS NOT ?",
            (orcid, client_id, external.type, external.normalized, ignore_put_code),
        ).fetchone()
        if row is not None:
            return int(row["put_code"])
    return None


class NotOnRecord(ValueError):
    """A put-code that is not a work on this record (the owner's screens refuse it, nothing is changed)."""


def set_visibility(db: sqlite3.Connection, orcid: str, put_codes: list[int], visibility: str, *, now_ms: int) -> None:
    """Give all these works of ``orcid`` one visibility, all or none (the owner's selector and bulk dialog)."""
    with transaction(db):
        for put_code in put_codes:
            changed = db.execute(
                "UPDATE works SET visibility = ?, modified_ms = ? WHERE orcid = ? AND put_code = ?",
                (visibility, now_ms, orcid, put_code),
            ).rowcount
            if changed != 1:
                raise NotOnRecord(f"There is no work {put_code} on this record.")
