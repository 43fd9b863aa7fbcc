"""A registry's DOI record as an ORCID API v3.0 work, and as an item of an inbox permission request."""

from __future__ import annotations

from typing import Any

from orcid_guide.sandbox.registry.fixtures import DoiRecord


def _doi_id(doi: str) -> dict[str, Any]:
    return {
        "external-id-type": "doi",
        "external-id-value": doi,
        "external-id-url": {"value": f"https://doi.org/{doi}"},
        "external-id-relationship": "self",
    }


def _date(record: DoiRecord) -> dict[str, Any]:
    date: dict[str, Any] = {"year": {"value": f"{record.year:04d}"}}
    if record.month:
        date["month"] = {"value": f"{record.month:02d}"}
        if record.day:
            date["day"] = {"value": f"{record.day:02d}"}
    return date


def _contributor(position: int, given: str, family: str, orcid: str) -> dict[str, Any]:
    item: dict[str, Any] = {
        "credit-name": {"value": f"{given} {family}".strip()},
        "contributor-attributes": {
            "contributor-sequence": "first" if position == 0 else "additional",
            "contributor-role": "author",
        },
    }
    if orcid:
        item["contributor-orcid"] = {"uri": f"https://orcid.org/{orcid}", "path": orcid, "host": "orcid.org"}
    return item


def to_work(record: DoiRecord) -> dict[str, Any]:
    """The work as a registry sends it: title, type, container as journal-title, date, the DOI, the authors."""
    return {
        "title": {"title": {"value": record.title}},
        "type": record.type,
        "journal-title": {"value": record.container},
        "publication-date": _date(record),
        "external-ids": {"external-id": [_doi_id(record.doi)]},
        "url": {"value": f"https://doi.org/{record.doi}"},
        "contributors": {
            "contributor": [
                _contributor(n, person.given, person.family, person.orcid)
                for n, person in enumerate(record.contributors)
            ]
        },
    }


def permission_notice(record: DoiRecord, authorization_path: str) -> dict[str, Any]:
    """A v3.0 notification-permission asking to add ``record`` (and later works) to the record."""
    return {
        "notification-type": "permission",
        "authorization-url": {"path": authorization_path},
        "notification-subject": "your new publications",
        "notification-intro": (
            "A publisher has registered a DOI with Crossref that lists your ORCID iD. With your permission, Crossref"
            " will add this work, and later works that carry your iD, to your ORCID record."
        ),
        "items": {"item": [{"item-type": "work", "item-name": record.title, "external-id": _doi_id(record.doi)}]},
    }
