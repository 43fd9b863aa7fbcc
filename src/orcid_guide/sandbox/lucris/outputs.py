"""Research outputs: reading them, who may see them, and moving them through Converis's status steps."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from orcid_guide.sandbox.lucris.people import Person

WORKFLOW_STEPS: dict[str, str] = {
    "entryInProgress": "Entry in progress",
    "forValidation": "For validation",
    "validated": "Validated",
}
TYPE_LABELS: dict[str, str] = {
    "article": "Article",
    "book": "Book",
    "chapter": "Chapter",
    "conference": "Conference contribution",
}
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True)
class Contributor:
    first_name: str
    last_name: str
    person_id: int | None
    role: str

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True)
class ResearchOutput:
    id: int
    uuid: str
    title: str
    type: str
    year: int
    month: int | None
    day: int | None
    journal: str | None
    host_title: str | None
    doi: str | None
    isbn: str | None
    issn: str | None
    publisher: str | None
    volume: str | None
    number: str | None
    pages: str | None
    language: str
    publication_status: str
    workflow_step: str
    visibility: str
    contributors: tuple[Contributor, ...]

    @property
    def type_label(self) -> str:
        return TYPE_LABELS[self.type]

    @property
    def step_label(self) -> str:
        return WORKFLOW_STEPS[self.workflow_step]

    @property
    def date_label(self) -> str:
        parts = [str(self.day)] if self.day and self.month else []
        if self.month:
            parts.append(MONTHS[self.month - 1])
        parts.append(str(self.year))
        return " ".join(parts)

    @property
    def goes_to_orcid(self) -> bool:
        """Converis's push rule: an output goes to ORCID when its status is Validated, whoever validated it.

        Unlike Pure, Converis sets no condition on publication status or visibility (Clarivate's help: "Publications
        that have been validated in Converis will automatically be uploaded to ORCID").
        """
        return self.workflow_step == "validated"


@dataclass(frozen=True)
class OutputPage:
    """One page of a list, with the total so paging controls can be drawn around it."""

    items: tuple[ResearchOutput, ...]
    total: int


_ORDER = "ORDER BY year DESC, COALESCE(month, 0) DESC, COALESCE(day, 0) DESC, title"


def _contributors(db: sqlite3.Connection, output_id: int) -> tuple[Contributor, ...]:
    rows = db.execute(
        "SELECT first_name, last_name, person_id, role FROM contributors WHERE output_id = ? ORDER BY position",
        (output_id,),
    ).fetchall()
    return tuple(Contributor(r["first_name"], r["last_name"], r["person_id"], r["role"]) for r in rows)


def _output(db: sqlite3.Connection, row: sqlite3.Row) -> ResearchOutput:
    return ResearchOutput(
        id=row["id"],
        uuid=row["uuid"],
        title=row["title"],
        type=row["type"],
        year=row["year"],
        month=row["month"],
        day=row["day"],
        journal=row["journal"],
        host_title=row["host_title"],
        doi=row["doi"],
        isbn=row["isbn"],
        issn=row["issn"],
        publisher=row["publisher"],
        volume=row["volume"],
        number=row["number"],
        pages=row["pages"],
        language=row["language"],
        publication_status=row["publication_status"],
        workflow_step=row["workflow_step"],
        visibility=row["visibility"],
        contributors=_contributors(db, row["id"]),
    )


def _visible_clause(viewer: Person) -> tuple[str, tuple[object, ...]]:
    # Editors see every output; a researcher sees the outputs they are an author of.
    if viewer.is_editor:
        return "1 = 1", ()
    return "id IN (SELECT output_id FROM contributors WHERE person_id = ?)", (viewer.id,)


def list_for(
    db: sqlite3.Connection, viewer: Person, *, offset: int = 0, limit: int | None = None, author_id: int | None = None
) -> OutputPage:
    """The outputs ``viewer`` may see, newest first; with ``author_id``, only those that person contributed to."""
    where, params = _visible_clause(viewer)
    if author_id is not None:
        where += " AND id IN (SELECT output_id FROM contributors WHERE person_id = ?)"
        params = (*params, author_id)
    total = db.execute(f"SELECT COUNT(*) FROM research_outputs WHERE {where}", params).fetchone()[0]
    sql = f"SELECT * FROM research_outputs WHERE {where} {_ORDER}"
    page_params: tuple[object, ...] = params
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        page_params = (*params, limit, offset)
    rows = db.execute(sql, page_params).fetchall()
    return OutputPage(tuple(_output(db, row) for row in rows), total)


def by_uuid_for(db: sqlite3.Connection, viewer: Person, uuid: str) -> ResearchOutput | None:
    """The output when it exists and ``viewer`` may see it; None otherwise (the caller answers 404 either way)."""
    where, params = _visible_clause(viewer)
    row = db.execute(f"SELECT * FROM research_outputs WHERE uuid = ? AND {where}", (uuid, *params)).fetchone()
    return _output(db, row) if row else None


def by_id(db: sqlite3.Connection, output_id: int) -> ResearchOutput | None:
    row = db.execute("SELECT * FROM research_outputs WHERE id = ?", (output_id,)).fetchone()
    return _output(db, row) if row else None


def set_workflow_step(db: sqlite3.Connection, output_id: int, step: str) -> None:
    if step not in WORKFLOW_STEPS:
        raise ValueError(f"unknown workflow step {step!r}")
    with db:
        db.execute("UPDATE research_outputs SET workflow_step = ? WHERE id = ?", (step, output_id))


def ids_for(db: sqlite3.Connection, viewer: Person, uuids: list[str]) -> list[int]:
    """The ids of those ``uuids`` that exist and ``viewer`` may see; the others are left out."""
    where, params = _visible_clause(viewer)
    marks = ", ".join("?" for _ in uuids)
    rows = db.execute(f"SELECT id FROM research_outputs WHERE uuid IN ({marks}) AND {where}", (*uuids, *params))
    return [row["id"] for row in rows]


def chosen_for(db: sqlite3.Connection, viewer: Person, ids: set[int]) -> tuple[ResearchOutput, ...]:
    """The outputs with ``ids`` that ``viewer`` may see, in the list's order."""
    where, params = _visible_clause(viewer)
    marks = ", ".join("?" for _ in ids)
    rows = db.execute(f"SELECT * FROM research_outputs WHERE id IN ({marks}) AND {where} {_ORDER}", (*ids, *params))
    return tuple(_output(db, row) for row in rows.fetchall())
