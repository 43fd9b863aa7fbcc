"""The registry's calls to ORCID over real HTTP: OAuth token exchange, adding works, inbox permission requests.

Calls answer with the HTTP status (and JSON body) rather than raising for 4xx: what a 401 or a 409 means is the
caller's business. Only an ORCID that cannot be reached, or that answers with something other than JSON where
JSON is needed, raises ``OrcidUnavailable``.
"""

from __future__ import annotations

import http.client
import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

from orcid_guide.sandbox.registry.settings import OrcidClient, RegistrySettings

ORCID_JSON = "application/vnd.orcid+json"
PREMIUM_NOTIFICATION = "/premium-notification"


class OrcidUnavailable(Exception):
    """ORCID could not be reached or did not answer in its JSON."""


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes

    def json(self) -> Any:
        try:
            return json.loads(self.body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise OrcidUnavailable("ORCID answered with something that is not JSON.") from error


@dataclass(frozen=True)
class Grant:
    access_token: str
    scope: str
    orcid: str
    name: str


def _call(settings: RegistrySettings, method: str, path: str, data: bytes, headers: dict[str, str]) -> Answer:
    request = urllib.request.Request(settings.orcid_url + path, data=data, method=method, headers=headers)
    # The sandbox's apps are on loopback: a proxy from the environment must not sit between them.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=settings.orcid_timeout) as response:
            return Answer(response.status, response.read())
    except urllib.error.HTTPError as error:
        with error:
            return Answer(error.code, error.read())
    except (OSError, http.client.HTTPException) as error:
        raise OrcidUnavailable(f"ORCID could not be reached ({error}).") from error


def _token_request(settings: RegistrySettings, fields: dict[str, str]) -> Answer:
    body = urllib.parse.urlencode(fields).encode("ascii")
    headers = {"Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded"}
    return _call(settings, "POST", "/oauth/token", body, headers)


def exchange_code(settings: RegistrySettings, client: OrcidClient, code: str, redirect_uri: str) -> Grant | None:
    """The researcher's token for ``code``; None when ORCID refuses the code (used, expired, not ours)."""
    answer = _token_request(
        settings,
        {
            "client_id": client.client_id,
            "client_secret": client.secret,
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect_uri,
        },
    )
    if answer.status != 200:
        return None
    data = answer.json()
    return Grant(str(data["access_token"]), str(data["scope"]), str(data["orcid"]), str(data.get("name") or ""))


def notification_token(settings: RegistrySettings, client: OrcidClient) -> str | None:
    """A client_credentials token for sending inbox permission requests; None when ORCID will not give one."""
    answer = _token_request(
        settings,
        {
            "client_id": client.client_id,
            "client_secret": client.secret,
            "grant_type": "client_credentials",
            "scope": PREMIUM_NOTIFICATION,
        },
    )
    return str(answer.json()["access_token"]) if answer.status == 200 else None


def _json_call(settings: RegistrySettings, path: str, token: str, payload: dict[str, Any]) -> Answer:
    headers = {"Accept": ORCID_JSON, "Content-Type": ORCID_JSON, "Authorization": f"Bearer {token}"}
    return _call(settings, "POST", path, json.dumps(payload).encode("utf-8"), headers)


def add_work(settings: RegistrySettings, token: str, orcid: str, work: dict[str, Any]) -> Answer:
    """POST /v3.0/{iD}/work: 201 added, 409 already added by this client, 401/403 permission gone."""
    return _json_call(settings, f"/v3.0/{orcid}/work", token, work)


def request_permission(settings: RegistrySettings, token: str, orcid: str, notice: dict[str, Any]) -> Answer:
    """POST /v3.0/{iD}/notification-permission: a permission request in the researcher's ORCID inbox."""
    return _json_call(settings, f"/v3.0/{orcid}/notification-permission", token, notice)
