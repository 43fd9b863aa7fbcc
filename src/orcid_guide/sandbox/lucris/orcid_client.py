"""LUCRIS's calls to ORCID, over real HTTP, in the shapes of ORCID's API v3.0 and OAuth endpoints.

Every failure is one of three errors, so screens can say what happened in one sentence:
``OrcidUnavailable`` (network error, timeout, 5xx, an answer that is not ORCID JSON), ``OrcidAccessRevoked``
(401/403 on a call made with a researcher's token) and ``OrcidRejected`` (another 4xx).
"""

from __future__ import annotations

import http.client
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

from orcid_guide.sandbox.whole_numbers import whole_number

ORCID_JSON = "application/vnd.orcid+json"
CONNECT_SCOPES = "/read-limited /activities/update"
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


class OrcidError(Exception):
    """A call to ORCID that did not give LUCRIS what it needed."""


class OrcidUnavailable(OrcidError):
    """ORCID could not be reached, or answered with a server error or something that is not its JSON."""


class OrcidTooSlow(OrcidUnavailable):
    """ORCID answered, or began to, but not within LUCRIS's timeout (a very large record, a busy ORCID)."""


class OrcidAccessRevoked(OrcidError):
    """ORCID refused the researcher's token (401/403): the permission is gone."""


class OrcidRejected(OrcidError):
    """ORCID refused the request itself (4xx other than 401/403)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class SearchMatch:
    """One row of ORCID's expanded search: public data only."""

    orcid_id: str
    given_names: str
    family_names: str
    credit_name: str
    other_names: tuple[str, ...]
    institutions: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.credit_name or " ".join(part for part in (self.given_names, self.family_names) if part)


@dataclass(frozen=True)
class WorkSummary:
    put_code: str
    title: str
    type: str
    year: str
    journal: str
    source: str


@dataclass(frozen=True)
class TokenGrant:
    access_token: str
    scope: str
    orcid_id: str
    name: str


@dataclass(frozen=True)
class PostedWork:
    """The outcome of adding a work: its put-code, or ``already_there`` when ORCID answered 409."""

    put_code: str | None
    already_there: bool


@dataclass(frozen=True)
class _Answer:
    status: int
    headers: dict[str, str]
    body: bytes


def _open(request: urllib.request.Request, timeout: float) -> _Answer:
    host = urllib.parse.urlsplit(request.full_url).hostname or ""
    # A proxy from the environment must not sit between the two loopback apps.
    handlers = [urllib.request.ProxyHandler({})] if host in _LOOPBACK else []
    opener = urllib.request.build_opener(*handlers)
    try:
        with opener.open(request, timeout=timeout) as response:
            return _Answer(response.status, {k.lower(): v for k, v in response.headers.items()}, response.read())
    except urllib.error.HTTPError as error:
        with error:
            body = error.read()
        return _Answer(error.code, {k.lower(): v for k, v in error.headers.items()}, body)
    except (OSError, http.client.HTTPException) as error:
        # A timeout is not "unreachable": ORCID was there but slow, and the researcher should be told so.
        if isinstance(error, TimeoutError) or isinstance(getattr(error, "reason", None), TimeoutError):
            raise OrcidTooSlow(f"ORCID took longer than {timeout:g} s to answer.") from error
        raise OrcidUnavailable(f"ORCID could not be reached ({error}).") from error


def _json(answer: _Answer) -> Any:
    try:
        return json.loads(answer.body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise OrcidUnavailable("ORCID answered with something that is not JSON.") from error


def _message(answer: _Answer) -> str:
    """The most useful sentence an ORCID error answer carries."""
    try:
        data = _json(answer)
    except OrcidUnavailable:
        return f"ORCID answered {answer.status}."
    if isinstance(data, dict):
        for key in ("user-message", "error_description", "developer-message", "error"):
            value = data.get(key)
            if isinstance(value, str) and value:
                return value
    return f"ORCID answered {answer.status}."


def _check(answer: _Answer, *, with_token: bool) -> None:
    if answer.status >= 500:
        raise OrcidUnavailable(f"ORCID answered with a server error ({answer.status}).")
    if with_token and answer.status in (401, 403):
        raise OrcidAccessRevoked(_message(answer))
    if answer.status >= 400:
        raise OrcidRejected(answer.status, _message(answer))


def _get_json(url: str, timeout: float) -> Any:
    request = urllib.request.Request(url, headers={"Accept": ORCID_JSON})
    answer = _open(request, timeout)
    _check(answer, with_token=False)
    return _json(answer)


def _value(node: Any, *path: str) -> str:
    """``node[path[0]][path[1]]…`` as a string, or "" wherever ORCID left something out (it often does)."""
    for key in path:
        if not isinstance(node, dict):
            return ""
        node = node.get(key)
    if node is None:
        return ""
    return str(node)


def _strings(node: Any) -> tuple[str, ...]:
    return tuple(str(item) for item in node if item) if isinstance(node, list) else ()


# Solr's query syntax: these characters mean something unless escaped. A hyphen only does at the start of a
# term, so "Martínez-García" and an iD stay as they are.
_SOLR_SPECIAL = re.compile(r'([+&|!(){}\[\]^"~*?:\\/]|^-)')


def solr_term(field: str, value: str) -> str:
    """``field:value`` for ORCID's search; a value with spaces ("de Vries") is quoted as one phrase."""
    cleaned = " ".join(value.split())
    if " " in cleaned:
        phrase = cleaned.replace("\\", "\\\\").replace('"', '\\"')
        return f'{field}:"{phrase}"'
    escaped = _SOLR_SPECIAL.sub(r"\\\1", cleaned)
    return f"{field}:{escaped}"


def expanded_search(orcid_url: str, query: str, *, rows: int = 20, timeout: float = 5.0) -> list[SearchMatch]:
    """``GET /v3.0/expanded-search/?q=…``: the public records matching a Solr query."""
    params = urllib.parse.urlencode({"q": query, "start": 0, "rows": rows})
    data = _get_json(f"{orcid_url}/v3.0/expanded-search/?{params}", timeout)
    results = data.get("expanded-result") if isinstance(data, dict) else None
    if results is None:
        return []
    if not isinstance(results, list):
        raise OrcidUnavailable("ORCID's search answer has no list of results.")
    matches = []
    for item in results:
        orcid_id = _value(item, "orcid-id")
        if not orcid_id:
            continue
        matches.append(
            SearchMatch(
                orcid_id=orcid_id,
                given_names=_value(item, "given-names"),
                family_names=_value(item, "family-names"),
                credit_name=_value(item, "credit-name"),
                other_names=_strings(item.get("other-name")),
                institutions=_strings(item.get("institution-name")),
            )
        )
    return matches


def search_by_name(orcid_url: str, given_names: str, family_name: str, *, timeout: float = 5.0) -> list[SearchMatch]:
    """Records whose public name matches, as LUCRIS's "Lookup ORCID" asks."""
    query = f"{solr_term('family-name', family_name)} AND {solr_term('given-names', given_names)}"
    return expanded_search(orcid_url, query, timeout=timeout)


def find_by_id(orcid_url: str, orcid_id: str, *, timeout: float = 5.0) -> SearchMatch | None:
    """The public search row of one iD, or None when the record is not public (or does not exist)."""
    for match in expanded_search(orcid_url, solr_term("orcid", orcid_id), timeout=timeout):
        if match.orcid_id == orcid_id:
            return match
    return None


def public_works(orcid_url: str, orcid_id: str, *, timeout: float = 5.0) -> list[WorkSummary]:
    """``GET /v3.0/{id}/works``: one summary per group (the group's first, as ORCID's preferred one)."""
    data = _get_json(f"{orcid_url}/v3.0/{urllib.parse.quote(orcid_id)}/works", timeout)
    groups = data.get("group") if isinstance(data, dict) else None
    if not isinstance(groups, list):
        raise OrcidUnavailable("ORCID's works answer has no groups.")
    works = []
    for group in groups:
        summaries = group.get("work-summary") if isinstance(group, dict) else None
        if not isinstance(summaries, list) or not summaries:
            continue
        summary = summaries[0]
        works.append(
            WorkSummary(
                put_code=_value(summary, "put-code"),
                title=_value(summary, "title", "title", "value"),
                type=_value(summary, "type"),
                year=_value(summary, "publication-date", "year", "value"),
                journal=_value(summary, "journal-title", "value"),
                source=_value(summary, "source", "source-name", "value"),
            )
        )
    return works


def _post_form(url: str, client_id: str, client_secret: str, fields: dict[str, str], timeout: float) -> _Answer:
    """A form POST to ORCID's OAuth endpoints with the client's credentials; errors raised as OrcidError."""
    form = urllib.parse.urlencode({"client_id": client_id, "client_secret": client_secret, **fields}).encode()
    request = urllib.request.Request(
        url,
        data=form,
        method="POST",
        headers={"Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded"},
    )
    answer = _open(request, timeout)
    _check(answer, with_token=False)
    return answer


def authorize_url(orcid_url: str, *, client_id: str, redirect_uri: str, state: str) -> str:
    """Where the browser goes to ask the researcher for permission (OAuth authorization-code flow)."""
    params = {
        "client_id": client_id,
        "response_type": "code",
        "scope": CONNECT_SCOPES,
        "redirect_uri": redirect_uri,
        "state": state,
    }
    return f"{orcid_url}/oauth/authorize?{urllib.parse.urlencode(params, quote_via=urllib.parse.quote)}"


def exchange_code(
    orcid_url: str, *, client_id: str, client_secret: str, code: str, redirect_uri: str, timeout: float = 5.0
) -> TokenGrant:
    """``POST /oauth/token`` with the code ORCID sent back: the researcher's token, scope and iD."""
    fields = {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri}
    data = _json(_post_form(f"{orcid_url}/oauth/token", client_id, client_secret, fields, timeout))
    grant = TokenGrant(
        access_token=_value(data, "access_token"),
        scope=_value(data, "scope"),
        orcid_id=_value(data, "orcid"),
        name=_value(data, "name"),
    )
    if not grant.access_token or not grant.orcid_id:
        raise OrcidUnavailable("ORCID's token answer has no access token or no ORCID iD.")
    return grant


def revoke_token(orcid_url: str, *, client_id: str, client_secret: str, token: str, timeout: float = 5.0) -> None:
    """``POST /oauth/revoke``: tell ORCID LUCRIS gives the permission back."""
    _post_form(f"{orcid_url}/oauth/revoke", client_id, client_secret, {"token": token}, timeout)


def add_work(orcid_url: str, orcid_id: str, token: str, work: dict[str, Any], *, timeout: float = 5.0) -> PostedWork:
    """``POST /v3.0/{id}/work`` (member API) with a v3.0 work; 201 gives the put-code in ``Location``."""
    request = urllib.request.Request(
        f"{orcid_url}/v3.0/{urllib.parse.quote(orcid_id)}/work",
        data=json.dumps(work).encode("utf-8"),
        method="POST",
        headers={
            "Accept": ORCID_JSON,
            "Content-Type": ORCID_JSON,
            "Authorization": f"Bearer {token}",
        },
    )
    answer = _open(request, timeout)
    if answer.status == 409:
        return PostedWork(put_code=None, already_there=True)
    _check(answer, with_token=True)
    location = answer.headers.get("location", "")
    put_code = location.rstrip("/").rsplit("/", 1)[-1] if location else ""
    return PostedWork(put_code=put_code or None, already_there=False)


# --- Import from ORCID: a /read-public token and the researcher's full public works ---------------------------

MAX_BULK_READ = 50


@dataclass(frozen=True)
class OrcidWork:
    """One public work as LUCRIS imports it: what an output needs, from ``GET /v3.0/{id}/works/{put-codes}``."""

    put_code: str
    title: str
    type: str
    year: int | None
    month: int | None
    day: int | None
    journal: str
    doi: str
    isbn: str
    url: str
    # (credit name, ORCID iD or "") of each contributor with a name, in the order given.
    contributors: tuple[tuple[str, str], ...]


def read_public_token(orcid_url: str, *, client_id: str, client_secret: str, timeout: float = 5.0) -> str:
    """``POST /oauth/token`` with ``client_credentials`` for ``/read-public``: what LUCRIS reads public data with."""
    fields = {"grant_type": "client_credentials", "scope": "/read-public"}
    token = _value(
        _json(_post_form(f"{orcid_url}/oauth/token", client_id, client_secret, fields, timeout)), "access_token"
    )
    if not token:
        raise OrcidUnavailable("ORCID's token answer has no access token.")
    return token


def _get_json_with(url: str, token: str, timeout: float) -> Any:
    request = urllib.request.Request(url, headers={"Accept": ORCID_JSON, "Authorization": f"Bearer {token}"})
    answer = _open(request, timeout)
    _check(answer, with_token=False)
    return _json(answer)


def _number(text: str) -> int | None:
    return whole_number(text)


def _list(node: Any, *path: str) -> list[Any]:
    """``node[path…]`` when it is a list, else an empty one."""
    for key in path:
        node = node.get(key) if isinstance(node, dict) else None
    return node if isinstance(node, list) else []


def _work(data: Any) -> OrcidWork:
    ids = [
        (_value(item, "external-id-type").lower(), _value(item, "external-id-value"))
        for item in _list(data, "external-ids", "external-id")
    ]
    people = _list(data, "contributors", "contributor")
    date = data.get("publication-date") if isinstance(data, dict) else None
    return OrcidWork(
        put_code=_value(data, "put-code"),
        title=_value(data, "title", "title", "value"),
        type=_value(data, "type"),
        year=_number(_value(date, "year", "value")),
        month=_number(_value(date, "month", "value")),
        day=_number(_value(date, "day", "value")),
        journal=_value(data, "journal-title", "value"),
        doi=next((value for kind, value in ids if kind == "doi"), ""),
        isbn=next((value for kind, value in ids if kind == "isbn"), ""),
        url=_value(data, "url", "value"),
        contributors=tuple(
            (name, _value(p, "contributor-orcid", "path"))
            for p in people
            if (name := _value(p, "credit-name", "value"))
        ),
    )


def public_works_in_full(orcid_url: str, orcid_id: str, token: str, *, timeout: float = 5.0) -> list[OrcidWork]:
    """The record's works that ``token`` may read, one per group (ORCID's preferred version), in full.

    With a /read-public token that is the works visible to everyone: "Trusted Parties" and "Only me" never
    reach LUCRIS.
    """
    base = f"{orcid_url}/v3.0/{urllib.parse.quote(orcid_id)}"
    data = _get_json_with(f"{base}/works", token, timeout)
    groups = data.get("group") if isinstance(data, dict) else None
    if not isinstance(groups, list):
        raise OrcidUnavailable("ORCID's works answer has no groups.")
    put_codes = []
    for group in groups:
        summaries = group.get("work-summary") if isinstance(group, dict) else None
        if isinstance(summaries, list) and summaries and _value(summaries[0], "put-code"):
            put_codes.append(_value(summaries[0], "put-code"))
    works: list[OrcidWork] = []
    for start in range(0, len(put_codes), MAX_BULK_READ):
        chunk = ",".join(put_codes[start : start + MAX_BULK_READ])
        bulk = _get_json_with(f"{base}/works/{chunk}", token, timeout)
        items = bulk.get("bulk") if isinstance(bulk, dict) else None
        if not isinstance(items, list):
            raise OrcidUnavailable("ORCID's bulk works answer has no list of works.")
        works.extend(_work(item["work"]) for item in items if isinstance(item, dict) and "work" in item)
    return works
