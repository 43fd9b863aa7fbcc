"""Writing works and their external identifiers to the database."""

from __future__ import annotations

import sqlite3
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
    contributors: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Source:
    """Who adds a work: a client (by client id) or the researcher in the web app (by iD)."""

    name: str
    client_id: str | None = None
    orcid: str | None = None


def add_work(db: sqlite3.Connection, orcid: str, work: NewWork, source: Source, *, now_ms: int) -> int:
    """Insert ``work`` on ``orcid``'s record; returns its put-code."""
    with transaction(db):
        cursor = db.execute(
            "INSERT INTO works (orcid, source_client_id, source_orcid, source_name, title, type, journal_title,"
            " publication_year, publication_month, publication_day, url, citation_type, citation_value,"
            " visibility, created_ms, modified_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                orcid,
                source.client_id,
                source.orcid,
                source.name,
                work.title,
                work.type,
                work.journal_title,
                work.year,
                work.month,
                work.day,
                work.url,
                work.citation_type,
                work.citation_value,
                work.visibility,
                now_ms,
                now_ms,
            ),
        )
        put_code = cursor.lastrowid
        assert put_code is not None
        for external in work.external_ids:
            db.execute(
                "INSERT INTO work_external_ids (put_code, type, value, normalized_value, url, relationship)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (put_code, external.type, external.value, external.normalized, external.url, external.relationship),
            )
        for position, name in enumerate(work.contributors):
            db.execute(
                "INSERT INTO work_contributors (put_code, position, credit_name, sequence) VALUES (?, ?, ?, ?)",
                (put_code, position, name, "first" if position == 0 else "additional"),
            )
    return put_code
