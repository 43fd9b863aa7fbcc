"""Works in ORCID API v3.0 JSON: work, work-summary, the grouped works list, and the iD/source blocks."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from orcid_guide.sandbox.orcid.stored_works import StoredExternalId, StoredWork
from orcid_guide.sandbox.orcid.work_groups import group_external_ids, group_works

JSON = dict[str, Any]


def value(text: str | int | None) -> JSON | None:
    """ORCID's {"value": …} wrapper, or null for what is not there."""
    if text is None or text == "":
        return None
    return {"value": text}


def identifier(id_uri_base: str, path: str) -> JSON:
    """An orcid-identifier / source-orcid / source-client-id block: uri, path, host."""
    return {"uri": id_uri_base + path, "path": path, "host": urlsplit(id_uri_base).hostname or ""}


def external_id(ext: StoredExternalId) -> JSON:
    return {
        "external-id-type": ext.type,
        "external-id-value": ext.value,
        "external-id-normalized": {"value": ext.normalized, "transient": True},
        "external-id-normalized-error": None,
        "external-id-url": value(ext.url),
        "external-id-relationship": ext.relationship,
    }


def external_ids(ids: list[StoredExternalId] | tuple[StoredExternalId, ...]) -> JSON:
    return {"external-id": [external_id(ext) for ext in ids]}


def source(work: StoredWork, id_uri_base: str) -> JSON:
    client = identifier(id_uri_base, f"client/{work.source_client_id}") if work.source_client_id else None
    if client is not None:
        client["path"] = work.source_client_id
    return {
        "source-orcid": identifier(id_uri_base, work.source_orcid) if work.source_orcid else None,
        "source-client-id": client,
        "source-name": value(work.source_name),
        "assertion-origin-orcid": None,
        "assertion-origin-client-id": None,
        "assertion-origin-name": None,
    }


def publication_date(work: StoredWork) -> JSON | None:
    if work.year is None:
        return None
    return {
        "year": {"value": f"{work.year:04d}"},
        "month": {"value": f"{work.month:02d}"} if work.month else None,
        "day": {"value": f"{work.day:02d}"} if work.day and work.month else None,
    }


def _title(work: StoredWork) -> JSON:
    return {"title": value(work.title), "subtitle": value(work.subtitle), "translated-title": None}


def work_summary(work: StoredWork, id_uri_base: str) -> JSON:
    return {
        "put-code": work.put_code,
        "created-date": {"value": work.created_ms},
        "last-modified-date": {"value": work.modified_ms},
        "source": source(work, id_uri_base),
        "title": _title(work),
        "external-ids": external_ids(work.external_ids),
        "url": value(work.url),
        "type": work.type,
        "publication-date": publication_date(work),
        "journal-title": value(work.journal_title),
        "visibility": work.visibility,
        "path": f"/{work.orcid}/work/{work.put_code}",
        "display-index": str(work.display_index),
    }


def work(work: StoredWork, id_uri_base: str) -> JSON:
    return {
        "created-date": {"value": work.created_ms},
        "last-modified-date": {"value": work.modified_ms},
        "source": source(work, id_uri_base),
        "put-code": work.put_code,
        "path": f"/{work.orcid}/work/{work.put_code}",
        "title": _title(work),
        "journal-title": value(work.journal_title),
        "short-description": work.short_description or None,
        "citation": {"citation-type": work.citation_type, "citation-value": work.citation_value}
        if work.citation_type
        else None,
        "type": work.type,
        "publication-date": publication_date(work),
        "external-ids": external_ids(work.external_ids),
        "url": value(work.url),
        "contributors": {
            "contributor": [
                {
                    "contributor-orcid": identifier(id_uri_base, person.orcid) if person.orcid else None,
                    "credit-name": value(person.credit_name),
                    "contributor-email": None,
                    "contributor-attributes": {
                        "contributor-sequence": person.sequence or None,
                        "contributor-role": person.role or None,
                    },
                }
                for person in work.contributors
            ]
        },
        "language-code": work.language_code or None,
        "country": value(work.country),
        "visibility": work.visibility,
    }


def works_list(orcid: str, works: list[StoredWork], id_uri_base: str) -> JSON:
    """GET /{id}/works: the groups, each with its identifiers and its works' summaries."""
    groups = []
    for members in group_works(works):
        groups.append(
            {
                "last-modified-date": {"value": max(w.modified_ms for w in members)},
                "external-ids": external_ids(group_external_ids(members)),
                "work-summary": [work_summary(w, id_uri_base) for w in members],
            }
        )
    newest = max((w.modified_ms for w in works), default=None)
    return {
        "last-modified-date": {"value": newest} if newest is not None else None,
        "group": groups,
        "path": f"/{orcid}/works",
    }
