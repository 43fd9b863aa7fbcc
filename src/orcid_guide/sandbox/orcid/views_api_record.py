"""ORCID API v3.0 reads of the whole record and its sections: /record with history, /person and its parts,
/activities and its eleven summaries, in ORCID's JSON shapes and empty where the emulator keeps no such data.

Every section filters by visibility as works do (``Caller.read_access``): public for everyone, limited with a
/read-limited token for that record, and what a client added for that client.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response

from orcid_guide.sandbox.orcid import work_json
from orcid_guide.sandbox.orcid.affiliations import affiliation_section, employment, readable_employments
from orcid_guide.sandbox.orcid.api_support import NOT_FOUND, ApiError, Caller, api_json, caller, record_id
from orcid_guide.sandbox.orcid.request_context import db, settings
from orcid_guide.sandbox.orcid.source_names import public_name
from orcid_guide.sandbox.orcid.views_api import answers_as_api, works_json

blueprint = Blueprint("api_record", __name__, url_prefix="/v3.0")

JSON = dict[str, Any]
# The affiliation sections besides employments; the emulator keeps none of them, so they are always empty.
EMPTY_AFFILIATIONS = ("distinctions", "educations", "invited-positions", "memberships", "qualifications", "services")
# Sections of groups of summaries (like works) that the emulator keeps no data for.
EMPTY_GROUPS = ("fundings", "peer-reviews", "research-resources")


answers_as_api(blueprint)


def _reader(orcid_id: str) -> tuple[str, Caller]:
    who = caller()
    return record_id(orcid_id), who


def _visible(orcid: str, who: Caller) -> set[str]:
    return {"public", "limited"} if who.read_access(orcid).limited else {"public"}


def _own_source(orcid: str, name: str) -> JSON:
    return {
        "source-orcid": work_json.identifier(settings().id_uri_base, orcid),
        "source-client-id": None,
        "source-name": work_json.value(name or None),
    }


def _list_section(orcid: str, name: str, key: str, items: list[JSON]) -> JSON:
    """other-names, researcher-urls, email, address, keywords, external-identifiers: a list and its path."""
    modified = [item["last-modified-date"]["value"] for item in items]
    return {
        "last-modified-date": {"value": max(modified)} if modified else None,
        key: items,
        "path": f"/{orcid}/{name}",
    }


def _emails(orcid: str, who: Caller) -> JSON:
    rows = db().execute("SELECT * FROM emails WHERE orcid = ? ORDER BY is_primary DESC, address", (orcid,)).fetchall()
    items = [
        {
            "created-date": {"value": row["created_ms"]},
            "last-modified-date": {"value": row["created_ms"]},
            "source": _own_source(orcid, public_name(db(), orcid)),
            "email": row["address"],
            "path": None,
            "visibility": row["visibility"],
            "verified": bool(row["verified"]),
            "primary": bool(row["is_primary"]),
            "put-code": None,
        }
        for row in rows
        if row["visibility"] in _visible(orcid, who)
    ]
    return _list_section(orcid, "email", "email", items)


def _name(orcid: str, who: Caller) -> JSON | None:
    user = db().execute("SELECT * FROM users WHERE orcid = ?", (orcid,)).fetchone()
    if user["names_visibility"] not in _visible(orcid, who):
        return None
    return {
        "created-date": {"value": user["created_ms"]},
        "last-modified-date": {"value": user["modified_ms"]},
        "given-names": work_json.value(user["given_names"]),
        "family-name": work_json.value(user["family_names"]),
        "credit-name": work_json.value(user["credit_name"]),
        "source": None,
        "visibility": user["names_visibility"],
        "path": orcid,
    }


def _biography(orcid: str, who: Caller) -> JSON | None:
    # The emulator keeps one visibility for the names and the biography (ORCID keeps one each).
    user = db().execute("SELECT * FROM users WHERE orcid = ?", (orcid,)).fetchone()
    if not user["biography"] or user["names_visibility"] not in _visible(orcid, who):
        return None
    return {
        "created-date": {"value": user["created_ms"]},
        "last-modified-date": {"value": user["modified_ms"]},
        "content": user["biography"],
        "visibility": user["names_visibility"],
        "path": f"/{orcid}/biography",
    }


def _empty_list(orcid: str, name: str, key: str) -> JSON:
    return _list_section(orcid, name, key, [])


def _person_json(orcid: str, who: Caller) -> JSON:
    user = db().execute("SELECT modified_ms FROM users WHERE orcid = ?", (orcid,)).fetchone()
    return {
        "last-modified-date": {"value": user["modified_ms"]},
        "name": _name(orcid, who),
        "other-names": _empty_list(orcid, "other-names", "other-name"),
        "biography": _biography(orcid, who),
        "researcher-urls": _empty_list(orcid, "researcher-urls", "researcher-url"),
        "emails": _emails(orcid, who),
        "addresses": _empty_list(orcid, "address", "address"),
        "keywords": _empty_list(orcid, "keywords", "keyword"),
        "external-identifiers": _empty_list(orcid, "external-identifiers", "external-identifier"),
        "path": f"/{orcid}/person",
    }


def _employments(orcid: str, who: Caller) -> JSON:
    jobs = readable_employments(db(), orcid, who.read_access(orcid))
    return affiliation_section(orcid, "employments", [employment(job, settings().id_uri_base) for job in jobs])


def _empty_groups(orcid: str, name: str) -> JSON:
    return {"last-modified-date": None, "group": [], "path": f"/{orcid}/{name}"}


def _activities_json(orcid: str, who: Caller) -> JSON:
    sections: JSON = {name: affiliation_section(orcid, name, []) for name in EMPTY_AFFILIATIONS}
    sections.update({name: _empty_groups(orcid, name) for name in EMPTY_GROUPS})
    sections["employments"] = _employments(orcid, who)
    sections["works"] = works_json(orcid, who)
    modified = [s["last-modified-date"]["value"] for s in sections.values() if s["last-modified-date"]]
    return {
        "last-modified-date": {"value": max(modified)} if modified else None,
        **dict(sorted(sections.items())),
        "path": f"/{orcid}/activities",
    }


def _history(orcid: str, person: JSON, activities: JSON) -> JSON:
    user = db().execute("SELECT created_ms FROM users WHERE orcid = ?", (orcid,)).fetchone()
    emails = db().execute("SELECT verified, is_primary FROM emails WHERE orcid = ?", (orcid,)).fetchall()
    changes = [person["last-modified-date"]["value"]]
    if activities["last-modified-date"]:
        changes.append(activities["last-modified-date"]["value"])
    return {
        "creation-method": "DIRECT",
        "completion-date": None,
        "submission-date": {"value": user["created_ms"]},
        "last-modified-date": {"value": max(changes)},
        "claimed": True,
        "source": None,
        "deactivation-date": None,
        "verified-email": any(row["verified"] for row in emails),
        "verified-primary-email": any(row["verified"] and row["is_primary"] for row in emails),
    }


@blueprint.get("/<orcid_id>")
@blueprint.get("/<orcid_id>/record")
def record(orcid_id: str) -> Response:
    orcid, who = _reader(orcid_id)
    person, activities = _person_json(orcid, who), _activities_json(orcid, who)
    return api_json(
        {
            "orcid-identifier": work_json.identifier(settings().id_uri_base, orcid),
            "preferences": {"locale": "en"},
            "history": _history(orcid, person, activities),
            "person": person,
            "activities-summary": activities,
            "path": f"/{orcid}",
        }
    )


@blueprint.get("/<orcid_id>/person")
def person(orcid_id: str) -> Response:
    return api_json(_person_json(*_reader(orcid_id)))


@blueprint.get("/<orcid_id>/personal-details")
def personal_details(orcid_id: str) -> Response:
    orcid, who = _reader(orcid_id)
    found = _person_json(orcid, who)
    return api_json(
        {
            "last-modified-date": found["last-modified-date"],
            "name": found["name"],
            "other-names": found["other-names"],
            "biography": found["biography"],
            "path": f"/{orcid}/personal-details",
        }
    )


@blueprint.get("/<orcid_id>/biography")
def biography(orcid_id: str) -> Response:
    orcid, who = _reader(orcid_id)
    found = _biography(orcid, who)
    if found is None:
        raise ApiError(404, f"404 Not Found: {orcid} has no biography you may read.", "Not found.", NOT_FOUND)
    return api_json(found)


@blueprint.get("/<orcid_id>/email")
def email(orcid_id: str) -> Response:
    return api_json(_emails(*_reader(orcid_id)))


# The person's lists the emulator keeps nothing in: the URL part, the list's key.
_EMPTY_PERSON_LISTS = {
    "other-names": "other-name",
    "researcher-urls": "researcher-url",
    "address": "address",
    "keywords": "keyword",
    "external-identifiers": "external-identifier",
}


def _empty_person_list(orcid_id: str, name: str) -> Response:
    orcid, _ = _reader(orcid_id)
    return api_json(_empty_list(orcid, name, _EMPTY_PERSON_LISTS[name]))


@blueprint.get("/<orcid_id>/activities")
def activities(orcid_id: str) -> Response:
    return api_json(_activities_json(*_reader(orcid_id)))


@blueprint.get("/<orcid_id>/employments")
def employments(orcid_id: str) -> Response:
    return api_json(_employments(*_reader(orcid_id)))


@blueprint.get("/<orcid_id>/employment/<put_code:put_code>")
def one_employment(orcid_id: str, put_code: int) -> Response:
    orcid, who = _reader(orcid_id)
    job = next((j for j in readable_employments(db(), orcid, who.read_access(orcid)) if j.put_code == put_code), None)
    if job is None:
        missing = f"404 Not Found: No employment with put-code {put_code} on {orcid}."
        raise ApiError(404, missing, "Not found.", NOT_FOUND)
    return api_json(employment(job, settings().id_uri_base))


def _empty_affiliations(orcid_id: str, name: str) -> Response:
    orcid, _ = _reader(orcid_id)
    return api_json(affiliation_section(orcid, name, []))


def _empty_group_section(orcid_id: str, name: str) -> Response:
    orcid, _ = _reader(orcid_id)
    return api_json(_empty_groups(orcid, name))


for _name_part in _EMPTY_PERSON_LISTS:
    blueprint.add_url_rule(
        f"/<orcid_id>/{_name_part}", f"person_{_name_part}", _empty_person_list, defaults={"name": _name_part}
    )
for _name_part in EMPTY_AFFILIATIONS:
    blueprint.add_url_rule(
        f"/<orcid_id>/{_name_part}", f"section_{_name_part}", _empty_affiliations, defaults={"name": _name_part}
    )
for _name_part in EMPTY_GROUPS:
    blueprint.add_url_rule(
        f"/<orcid_id>/{_name_part}", f"section_{_name_part}", _empty_group_section, defaults={"name": _name_part}
    )


# One item of a section, by put-code, as ORCID documents for each (v3.0 README of ORCID-Source's orcid-model):
# the emulator keeps none of these, so every put-code is one the record does not have.
_EMPTY_ITEMS = (
    "distinction",
    "education",
    "funding",
    "invited-position",
    "membership",
    "peer-review",
    "qualification",
    "research-resource",
    "service",
    "address",
    "keywords",
    "other-names",
    "researcher-urls",
    "external-identifiers",
)


def _no_such_item(orcid_id: str, put_code: int, name: str) -> Response:
    orcid, _ = _reader(orcid_id)
    missing = f"404 Not Found: No {name} with put-code {put_code} on {orcid}."
    raise ApiError(404, missing, "Not found.", NOT_FOUND)


for _name_part in _EMPTY_ITEMS:
    blueprint.add_url_rule(
        f"/<orcid_id>/{_name_part}/<put_code:put_code>",
        f"item_{_name_part}",
        _no_such_item,
        defaults={"name": _name_part},
    )
