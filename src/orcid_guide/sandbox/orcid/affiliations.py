"""Reading a record's employments as ORCID API v3.0 affiliation summaries, filtered by who is asking."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from orcid_guide.sandbox.orcid import work_json
from orcid_guide.sandbox.orcid.source_names import source_name_sql
from orcid_guide.sandbox.orcid.stored_works import ReadAccess

JSON = dict[str, Any]


@dataclass(frozen=True)
class StoredEmployment:
    put_code: int
    orcid: str
    source_client_id: str | None
    source_orcid: str | None
    source_name: str
    organization: str
    department: str
    role_title: str
    city: str
    country: str
    start_year: int | None
    start_month: int | None
    end_year: int | None
    end_month: int | None
    visibility: str
    display_index: int
    created_ms: int
    modified_ms: int


def readable_employments(db: sqlite3.Connection, orcid: str, access: ReadAccess) -> list[StoredEmployment]:
    """The record's employments this caller may read, the current or latest first (ORCID's order)."""
    rows = db.execute(
        f"SELECT put_code, orcid, source_client_id, source_orcid, {source_name_sql('employments')} AS source_name,"
        " organization, department, role_title,"
        " city, country, start_year, start_month, end_year, end_month, visibility, display_index, created_ms,"
        " modified_ms FROM employments WHERE orcid = ?"
        " ORDER BY end_year IS NOT NULL, end_year DESC, start_year DESC, put_code",
        (orcid,),
    ).fetchall()
    found = [StoredEmployment(**dict(row)) for row in rows]
    return [job for job in found if access.allows(job)]


def _date(year: int | None, month: int | None) -> JSON | None:
    if year is None:
        return None
    return {"year": {"value": f"{year:04d}"}, "month": {"value": f"{month:02d}"} if month else None, "day": None}


def _source(job: StoredEmployment, id_uri_base: str) -> JSON:
    client = None
    if job.source_client_id:
        client = {**work_json.identifier(id_uri_base, f"client/{job.source_client_id}"), "path": job.source_client_id}
    return {
        "source-orcid": work_json.identifier(id_uri_base, job.source_orcid) if job.source_orcid else None,
        "source-client-id": client,
        "source-name": work_json.value(job.source_name),
        "assertion-origin-orcid": None,
        "assertion-origin-client-id": None,
        "assertion-origin-name": None,
    }


def employment(job: StoredEmployment, id_uri_base: str) -> JSON:
    """An employment-summary (the same fields GET /employment/{put-code} answers with)."""
    return {
        "created-date": {"value": job.created_ms},
        "last-modified-date": {"value": job.modified_ms},
        "source": _source(job, id_uri_base),
        "put-code": job.put_code,
        "department-name": job.department or None,
        "role-title": job.role_title or None,
        "start-date": _date(job.start_year, job.start_month),
        "end-date": _date(job.end_year, job.end_month),
        "organization": {
            "name": job.organization,
            "address": {"city": job.city or None, "region": None, "country": job.country or None},
            "disambiguated-organization": None,
        },
        "url": None,
        "external-ids": None,
        "display-index": str(job.display_index),
        "visibility": job.visibility,
        "path": f"/{job.orcid}/employment/{job.put_code}",
    }


def affiliation_section(orcid: str, name: str, summaries: list[JSON]) -> JSON:
    """GET /{id}/employments (or educations, distinctions, …): one affiliation-group per item."""
    kind = name.removesuffix("s")
    modified = [item["last-modified-date"]["value"] for item in summaries]
    return {
        "last-modified-date": {"value": max(modified)} if modified else None,
        "affiliation-group": [
            {
                "last-modified-date": item["last-modified-date"],
                "external-ids": {"external-id": []},
                "summaries": [{f"{kind}-summary": item}],
            }
            for item in summaries
        ],
        "path": f"/{orcid}/{name}",
    }
