"""A LUCRIS research output as an ORCID API v3.0 work, the JSON LUCRIS posts to the member API."""

from __future__ import annotations

from typing import Any

from orcid_guide.sandbox.lucris.outputs import ResearchOutput

ORCID_WORK_TYPES: dict[str, str] = {
    "article": "journal-article",
    "book": "book",
    "chapter": "book-chapter",
    "conference": "conference-paper",
}


def _external_id(kind: str, value: str, url: str | None, relationship: str) -> dict[str, Any]:
    external: dict[str, Any] = {
        "external-id-type": kind,
        "external-id-value": value,
        "external-id-relationship": relationship,
    }
    if url:
        external["external-id-url"] = {"value": url}
    return external


def _external_ids(output: ResearchOutput) -> list[dict[str, Any]]:
    ids = []
    if output.doi:
        ids.append(_external_id("doi", output.doi, f"https://doi.org/{output.doi}", "self"))
    if output.isbn:
        # A book is its ISBN; a chapter or paper is part of the book that has it.
        ids.append(_external_id("isbn", output.isbn, None, "self" if output.type == "book" else "part-of"))
    if not any(item["external-id-relationship"] == "self" for item in ids):
        # ORCID needs a self identifier; without a DOI the mock falls back to LUCRIS's own record id.
        ids.append(_external_id("source-work-id", output.uuid, None, "self"))
    return ids


def _publication_date(output: ResearchOutput) -> dict[str, Any]:
    date: dict[str, Any] = {"year": {"value": f"{output.year:04d}"}}
    if output.month:
        date["month"] = {"value": f"{output.month:02d}"}
        if output.day:
            date["day"] = {"value": f"{output.day:02d}"}
    return date


def _contributors(output: ResearchOutput) -> list[dict[str, Any]]:
    return [
        {
            "credit-name": {"value": contributor.name},
            "contributor-attributes": {
                "contributor-sequence": "first" if position == 0 else "additional",
                "contributor-role": contributor.role,
            },
        }
        for position, contributor in enumerate(output.contributors)
    ]


def to_orcid_work(output: ResearchOutput) -> dict[str, Any]:
    """The v3.0 work for ``output``: title, type, journal (or book) title, date, external ids, url, authors."""
    work: dict[str, Any] = {
        "title": {"title": {"value": output.title}},
        "type": ORCID_WORK_TYPES[output.type],
        "publication-date": _publication_date(output),
        "external-ids": {"external-id": _external_ids(output)},
        "contributors": {"contributor": _contributors(output)},
    }
    if output.language == "English":
        work["language-code"] = "en"
    container = output.journal if output.type == "article" else output.host_title
    if container:
        work["journal-title"] = {"value": container}
    if output.doi:
        work["url"] = {"value": f"https://doi.org/{output.doi}"}
    return work
