"""ORCID API v3.0: search, reading works and the person, and the member API's work writes.

Reads follow visibility (public for everyone; limited with a /read-limited token for that record; anything a
client added, for that client); writes need a live /activities/update token for the record.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from flask import Blueprint, Response, request
from werkzeug.exceptions import HTTPException

from orcid_guide.sandbox.json_body import BadJson, read_json
from orcid_guide.sandbox.orcid import api_support, csrf, notifications, work_json
from orcid_guide.sandbox.orcid.accounts import find_by_orcid
from orcid_guide.sandbox.orcid.api_support import ApiError, Caller, TokenRejected, api_json, caller, record_id
from orcid_guide.sandbox.orcid.client_registry import find_client
from orcid_guide.sandbox.orcid.database import transaction
from orcid_guide.sandbox.orcid.people_search import PublicPerson, search
from orcid_guide.sandbox.orcid.request_context import db, now_ms, settings
from orcid_guide.sandbox.orcid.scopes import PREMIUM_NOTIFICATION
from orcid_guide.sandbox.orcid.search_query import QueryError, parse_query
from orcid_guide.sandbox.orcid.stored_works import find_work
from orcid_guide.sandbox.orcid.work_cache import cached_record, readable_works
from orcid_guide.sandbox.orcid.work_input import InvalidWork, WorkInput, parse_work
from orcid_guide.sandbox.orcid.works_store import Source, delete_work, duplicate_of, insert_work, replace_work
from orcid_guide.sandbox.whole_numbers import whole_number

blueprint = Blueprint("api", __name__, url_prefix="/v3.0")

MAX_ROWS = 1000
MAX_BULK_READ = 50
MAX_BULK_WRITE = 100


def _negotiate() -> Response | None:
    if api_support.response_type() is None:
        return Response("Only JSON is served here.", status=406, mimetype="text/plain")
    return None


def _api_error(error: ApiError) -> Response:
    return api_support.error_response(error)


def _token_rejected(error: TokenRejected) -> Response:
    return api_support.token_error_response(str(error))


def answers_as_api(api: Blueprint) -> None:
    """What every /v3.0 blueprint shares: JSON only (406 otherwise), errors in ORCID's shape, 401 for tokens."""
    api.before_request(_negotiate)
    api.register_error_handler(ApiError, _api_error)
    api.register_error_handler(TokenRejected, _token_rejected)


answers_as_api(blueprint)


def http_error_json(error: HTTPException) -> Response:
    """A Flask error (unknown path, wrong method) under /v3.0, as ORCID's error object."""
    status = error.code or 500
    return api_support.error_response(ApiError(status, f"{status} {error.name}", error.description or error.name))


def _id_uri_base() -> str:
    return settings().id_uri_base


# --- search -----------------------------------------------------------------------------------------------------


def _found() -> tuple[list[PublicPerson], int]:
    query_text = request.args.get("q", "").strip()
    start = whole_number(request.args.get("start", "0"))
    rows = whole_number(request.args.get("rows", "100"), 0, MAX_ROWS)
    if start is None or rows is None:
        raise ApiError(400, f"400 Bad Request: start must be a whole number and rows one from 0 to {MAX_ROWS}.")
    try:
        people = search(db(), parse_query(query_text))
    except QueryError as error:
        raise ApiError(400, f"400 Bad Request: {error}", "The search query is not valid.") from error
    return people[start : start + rows], len(people)


@blueprint.get("/search")
@blueprint.get("/search/")
def search_ids() -> Response:
    caller()  # a bad token is refused even where none is needed, as ORCID does
    people, total = _found()
    return api_json(
        {
            "result": [{"orcid-identifier": work_json.identifier(_id_uri_base(), p.orcid)} for p in people],
            "num-found": total,
        }
    )


@blueprint.get("/expanded-search")
@blueprint.get("/expanded-search/")
def expanded_search() -> Response:
    caller()
    people, total = _found()
    return api_json(
        {
            "expanded-result": [
                {
                    "orcid-id": p.orcid,
                    "given-names": p.given_names,
                    "family-names": p.family_names or None,
                    "credit-name": p.credit_name or None,
                    "other-name": [],
                    "email": list(p.emails),
                    "institution-name": list(p.institutions),
                }
                for p in people
            ],
            "num-found": total,
        }
    )


# --- reading ----------------------------------------------------------------------------------------------------


def works_json(orcid: str, who: Caller) -> dict[str, Any]:
    return work_json.works_list(orcid, readable_works(db(), orcid, who.read_access(orcid)), _id_uri_base())


@blueprint.get("/<orcid_id>/works")
def works(orcid_id: str) -> Response:
    who = caller()
    orcid = record_id(orcid_id)
    return api_json(works_json(orcid, who))


def _not_found(orcid: str, put_code: int | str) -> ApiError:
    return ApiError(
        404,
        f"404 Not Found: No work with put-code {put_code} on {orcid}.",
        "The work was not found.",
        api_support.NOT_FOUND,
    )


@blueprint.get("/<orcid_id>/work/<put_code:put_code>")
def work(orcid_id: str, put_code: int) -> Response:
    who = caller()
    orcid = record_id(orcid_id)
    found = cached_record(db(), orcid).find(put_code)
    # A work the caller may not see answers exactly like one that does not exist.
    if found is None or not who.read_access(orcid).allows(found):
        raise _not_found(orcid, put_code)
    return api_json(work_json.work(found, _id_uri_base()))


@blueprint.get("/<orcid_id>/works/<codes>")
def works_by_code(orcid_id: str, codes: str) -> Response:
    who = caller()
    orcid = record_id(orcid_id)
    parts = [part.strip() for part in codes.split(",") if part.strip()]
    if not parts or any(whole_number(part) is None for part in parts):
        raise ApiError(400, "400 Bad Request: put-codes must be numbers separated by commas.")
    if len(parts) > MAX_BULK_READ:
        raise ApiError(400, f"400 Bad Request: at most {MAX_BULK_READ} put-codes can be read at once.")
    access = who.read_access(orcid)
    bulk: list[dict[str, Any]] = []
    record = cached_record(db(), orcid)
    for part in parts:
        found = record.find(int(part))
        if found is None or not access.allows(found):
            bulk.append({"error": _not_found(orcid, part).body()})
        else:
            bulk.append({"work": work_json.work(found, _id_uri_base())})
    return api_json({"bulk": bulk})


# --- writing (member API) ---------------------------------------------------------------------------------------


def _body() -> Any:
    kind = request.mimetype or "application/json"
    if "xml" in kind:
        raise ApiError(415, "415 Unsupported Media Type: the emulator accepts JSON works only.")
    try:
        return read_json(request.get_data(as_text=True) or "null")
    except BadJson as error:
        raise ApiError(400, f"400 Bad Request: {error}.") from error


def _parse(data: Any, orcid: str) -> WorkInput:
    user = find_by_orcid(db(), orcid)
    assert user is not None
    try:
        return parse_work(data, default_visibility=user.default_visibility)
    except InvalidWork as error:
        raise ApiError(400, f"400 Bad Request: {error}", "The work is not valid.") from error


def _duplicate(put_code: int) -> ApiError:
    return ApiError(
        409,
        "409 Conflict: You have already added this activity (matched by external identifiers), please see element"
        f" with put-code {put_code}. If you are trying to edit the item, please use PUT instead of POST.",
        "There was an error when adding the work: it has already been added by this source.",
        api_support.DUPLICATE,
    )


def _source(client_id: str) -> Source:
    client = find_client(db(), client_id)
    assert client is not None
    return Source(name=client.name, client_id=client.client_id)


def _add(orcid: str, client_id: str, data: Any) -> int:
    parsed = _parse(data, orcid)
    with transaction(db()):
        existing = duplicate_of(db(), orcid, client_id, parsed.work)
        if existing is not None:
            raise _duplicate(existing)
        return insert_work(db(), orcid, parsed.work, _source(client_id), now_ms=now_ms())


@blueprint.post("/<orcid_id>/work")
@csrf.exempt
def add_work(orcid_id: str) -> Response:
    who = caller()
    orcid = record_id(orcid_id)
    grant = who.writer_for(orcid)
    put_code = _add(orcid, grant.client_id, _body())
    _tell_owner(orcid, grant.client_id, [put_code])
    location = f"{settings().base_url}/v3.0/{orcid}/work/{put_code}"
    return _created(location)


def _created(location: str) -> Response:
    response = Response("", status=201)
    response.headers["Location"] = location
    return response


@blueprint.post("/<orcid_id>/works")
@csrf.exempt
def add_works(orcid_id: str) -> Response:
    who = caller()
    orcid = record_id(orcid_id)
    grant = who.writer_for(orcid)
    data = _body()
    items = data.get("bulk") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise ApiError(400, '400 Bad Request: the body must be {"bulk": [{"work": …}, …]}.')
    if len(items) > MAX_BULK_WRITE:
        raise ApiError(400, f"400 Bad Request: at most {MAX_BULK_WRITE} works can be added at once.")
    answers: list[dict[str, Any]] = []
    added: list[int] = []
    for item in items:
        try:
            put_code = _add(orcid, grant.client_id, item.get("work") if isinstance(item, dict) else None)
        except ApiError as error:
            answers.append({"error": error.body()})
            continue
        stored = find_work(db(), orcid, put_code)
        assert stored is not None
        answers.append({"work": work_json.work(stored, _id_uri_base())})
        added.append(put_code)
    _tell_owner(orcid, grant.client_id, added)
    return api_json({"bulk": answers})


def _owned(orcid: str, put_code: int, client_id: str) -> None:
    found = find_work(db(), orcid, put_code)
    if found is None:
        raise _not_found(orcid, put_code)
    if found.source_client_id != client_id:
        raise ApiError(
            403,
            "403 Forbidden: This client is not the source of the work and cannot change it.",
            "The client application is not the source of the resource it is trying to access.",
            api_support.NOT_SOURCE,
        )


@blueprint.put("/<orcid_id>/work/<put_code:put_code>")
@csrf.exempt
def update_work(orcid_id: str, put_code: int) -> Response:
    who = caller()
    orcid = record_id(orcid_id)
    grant = who.writer_for(orcid)
    _owned(orcid, put_code, grant.client_id)
    parsed = _parse(_body(), orcid)
    if parsed.put_code != put_code:
        raise ApiError(400, f"400 Bad Request: the put-code in the body must be {put_code}, as in the URL.")
    current = find_work(db(), orcid, put_code)
    assert current is not None
    # Only the researcher changes visibility: an update keeps it, and one asking for another is refused (ORCID's
    # ActivityValidator.validateVisibilityDoesntChange).
    if parsed.requested_visibility not in (None, current.visibility):
        raise ApiError(
            403,
            f"403 Forbidden: The visibility of this work is {current.visibility}; a client cannot change it."
            " Leave visibility out, or send the current one.",
            "The visibility of an item can only be changed by the researcher.",
            api_support.VISIBILITY_MISMATCH,
        )
    with transaction(db()):
        existing = duplicate_of(db(), orcid, grant.client_id, parsed.work, ignore_put_code=put_code)
        if existing is not None:
            raise _duplicate(existing)
        replace_work(db(), put_code, replace(parsed.work, visibility=current.visibility), now_ms=now_ms())
    stored = find_work(db(), orcid, put_code)
    assert stored is not None
    return api_json(work_json.work(stored, _id_uri_base()))


@blueprint.delete("/<orcid_id>/work/<put_code:put_code>")
@csrf.exempt
def remove_work(orcid_id: str, put_code: int) -> Response:
    who = caller()
    orcid = record_id(orcid_id)
    grant = who.writer_for(orcid)
    _owned(orcid, put_code, grant.client_id)
    delete_work(db(), put_code)
    return Response("", status=204)


# --- the Notifications inbox -------------------------------------------------------------------------------------


def _tell_owner(orcid: str, client_id: str, put_codes: list[int]) -> None:
    """ORCID's own inbox notice that a member added works: "<source> has updated the Works section …"."""
    items = []
    for put_code in put_codes:
        stored = find_work(db(), orcid, put_code)
        assert stored is not None
        doi = next((e for e in stored.external_ids if e.relationship == "self"), None)
        items.append(
            notifications.Item(stored.title, doi.type if doi else "", doi.value if doi else "", action="CREATE")
        )
    if items:
        notifications.add(
            db(), orcid=orcid, kind="amended", client_id=client_id, items=tuple(items), section="Works", now_ms=now_ms()
        )


def _permission_item(item: Any) -> notifications.Item:
    name = item.get("item-name") if isinstance(item, dict) else None
    if not isinstance(name, str) or not name.strip():
        raise ApiError(400, "400 Bad Request: every item needs an item-name.")
    external = item.get("external-id") or {}
    if not isinstance(external, dict):
        raise ApiError(400, "400 Bad Request: external-id must be an object.")
    return notifications.Item(
        name.strip()[:1000],
        str(external.get("external-id-type") or "")[:50],
        str(external.get("external-id-value") or "")[:1000],
    )


@blueprint.post("/<orcid_id>/notification-permission")
@csrf.exempt
def add_permission_notification(orcid_id: str) -> Response:
    """A member asks, through the researcher's inbox, for permission to update the record."""
    grant = api_support.bearer_grant()
    if grant is None:
        raise TokenRejected("An access token with /premium-notification is required.")
    if grant.orcid is not None or PREMIUM_NOTIFICATION not in grant.scopes:
        raise ApiError(
            403,
            f"403 Forbidden: Insufficient or wrong scope; {PREMIUM_NOTIFICATION} is required.",
            "The client application is forbidden to perform the action.",
            api_support.FORBIDDEN,
        )
    orcid = record_id(orcid_id)
    data = _body()
    if not isinstance(data, dict):
        raise ApiError(400, "400 Bad Request: the body must be a notification-permission object.")
    url = data.get("authorization-url") or {}
    raw_url = (url.get("uri") or url.get("path")) if isinstance(url, dict) else None
    try:
        path = notifications.authorization_path(str(raw_url or ""), grant.client_id)
    except notifications.BadAuthorizationUrl as error:
        raise ApiError(400, f"400 Bad Request: {error}") from error
    block = data.get("items")
    raw_items = block.get("item") if isinstance(block, dict) else None
    if not isinstance(raw_items, list) or not raw_items or len(raw_items) > MAX_BULK_WRITE:
        raise ApiError(400, f"400 Bad Request: a permission request lists 1 to {MAX_BULK_WRITE} items.")
    put_code = notifications.add(
        db(),
        orcid=orcid,
        kind="permission",
        client_id=grant.client_id,
        items=tuple(_permission_item(item) for item in raw_items),
        subject=str(data.get("notification-subject") or "")[:200],
        intro=str(data.get("notification-intro") or "")[:1000],
        authorization=path,
        now_ms=now_ms(),
    )
    return _created(f"{settings().base_url}/v3.0/{orcid}/notification-permission/{put_code}")
