"""Reading works for the record pages: who may see which, and the words ORCID shows for them."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

# What the screens call each API visibility ("Trusted parties" is the works selector's word; Account settings
# says "Trusted Organizations" for the same thing).
VISIBILITY_LABELS = {"public": "Everyone", "limited": "Trusted parties", "private": "Only me"}

# ORCID's names for the API work types the flows produce.
TYPE_LABELS = {
    "journal-article": "Journal article",
    "book": "Book",
    "book-chapter": "Book chapter",
    "conference-paper": "Conference paper",
    "dissertation-thesis": "Dissertation or Thesis",
    "report": "Report",
    "preprint": "Preprint",
    "data-set": "Dataset",
    "software": "Software",
    "other": "Other",
}


@dataclass(frozen=True)
class ExternalId:
    type: str
    value: str
    url: str


@dataclass(frozen=True)
class WorkSummary:
    put_code: int
    title: str
    journal_title: str
    type: str
    date: str
    url: str
    source_name: str
    visibility: str
    external_ids: tuple[ExternalId, ...]

    @property
    def type_label(self) -> str:
        return TYPE_LABELS.get(self.type, self.type.replace("-", " ").capitalize())

    @property
    def visibility_label(self) -> str:
        return VISIBILITY_LABELS[self.visibility]


def publication_date(year: int | None, month: int | None, day: int | None) -> str:
    """ORCID's partial date: 2021, 2021-05 or 2021-05-14."""
    if year is None:
        return ""
    text = f"{year:04d}"
    if month is not None:
        text += f"-{month:02d}"
        if day is not None:
            text += f"-{day:02d}"
    return text


def works_for(db: sqlite3.Connection, orcid: str, *, owner: bool) -> list[WorkSummary]:
    """The record's works, newest first; the owner sees all of them, anyone else only public ones."""
    where = "" if owner else " AND visibility = 'public'"
    rows = db.execute(
        "SELECT * FROM works WHERE orcid = ?" + where + " ORDER BY publication_year DESC,"
        " publication_month DESC, publication_day DESC, display_index DESC, put_code",
        (orcid,),
    ).fetchall()
    summaries = []
    for row in rows:
        ids = db.execute(
            "SELECT type, value, url FROM work_external_ids WHERE put_code = ? ORDER BY id", (row["put_code"],)
        ).fetchall()
        summaries.append(
            WorkSummary(
                put_code=row["put_code"],
                title=row["title"],
                journal_title=row["journal_title"],
                type=row["type"],
                date=publication_date(row["publication_year"], row["publication_month"], row["publication_day"]),
                url=row["url"],
                source_name=row["source_name"],
                visibility=row["visibility"],
                external_ids=tuple(ExternalId(i["type"], i["value"], i["url"]) for i in ids),
            )
        )
    return summaries
