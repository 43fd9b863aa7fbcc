"""What every /v3.0 answer shares: JSON media types, ORCID's error object, and who the bearer token speaks for."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from flask import Response, request

from orcid_guide.orcid_id import is_valid
from orcid_guide.sandbox.orcid.accounts import find_by_orcid
from orcid_guide.sandbox.orcid.oauth_grants import TokenGrant, live_grant
from orcid_guide.sandbox.orcid.request_context import db, now_ms
from orcid_guide.sandbox.orcid.scopes import ACTIVITIES_UPDATE, READ_LIMITED
from orcid_guide.sandbox.orcid.stored_works import PUBLIC_ONLY, ReadAccess

JSON_TYPES = ("application/vnd.orcid+json", "application/orcid+json", "application/json")
MORE_INFO = "https://info.orcid.org/documentation/api-tutorials/troubleshooting-orcid-api-error-messages/"

# ORCID's error codes for the answers the emulator gives.
BAD_REQUEST = 9001
NOT_FOUND = 9016
FORBIDDEN = 9017
NOT_SOURCE = 9010
DUPLICATE = 9021
VISIBILITY_MISMATCH = 9035


class ApiError(Exception):
    """An answer in ORCID's error shape; raised anywhere in a /v3.0 view."""

    def __init__(self, status: int, developer: str, user: str | None = None, code: int = BAD_REQUEST) -> None:
        super().__init__(developer)
        self.status, self.developer, self.user, self.code = status, developer, user or developer, code

    def body(self) -> dict[str, Any]:
        return {
            "response-code": self.status,
            "developer-message": self.developer,
            "user-message": self.user,
            "error-code": self.code,
            "more-info": MORE_INFO,
        }


class TokenRejected(Exception):
    """401: the bearer token is missing where needed, unknown, revoked or expired (OAuth's invalid_token)."""


def response_type() -> str | None:
    """The JSON type to answer with, or None when the caller accepts none of them (XML only: 406)."""
    if not request.headers.get("Accept"):
        return JSON_TYPES[0]
    return request.accept_mimetypes.best_match(JSON_TYPES)


def api_json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    mimetype = response_type() or JSON_TYPES[0]
    response = Response(json.dumps(data, ensure_ascii=False), status=status, mimetype=mimetype)
    for key, text in (headers or {}).items():
        response.headers[key] = text
    return response


def error_response(error: ApiError) -> Response:
    return api_json(error.body(), error.status)


def token_error_response(description: str) -> Response:
    response = api_json({"error": "invalid_token", "error_description": description}, 401)
    response.headers["WWW-Authenticate"] = 'Bearer error="invalid_token"'
    return response


def bearer_grant() -> TokenGrant | None:
    """The grant of the request's bearer token; None when there is no Authorization header at all."""
    header = request.headers.get("Authorization", "").strip()
    if not header:
        return None
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise TokenRejected("The Authorization header must be: Bearer <access token>.")
    grant = live_grant(db(), token.strip(), now_ms=now_ms())
    if grant is None:
        raise TokenRejected("Invalid access token: it is unknown, revoked or expired.")
    return grant


def record_id(text: str) -> str:
    """The path's iD if it is a well-formed iD of someone on this emulator; 400 or 404 in ORCID's shape if not."""
    if not is_valid(text) or text != text.upper():
        raise ApiError(400, f"400 Bad Request: {text} is not a valid ORCID iD.", "The ORCID iD is not valid.")
    if find_by_orcid(db(), text) is None:
        raise ApiError(
            404, f"404 Not Found: The ORCID record {text} was not found.", "ORCID record not found.", NOT_FOUND
        )
    return text


@dataclass(frozen=True)
class Caller:
    grant: TokenGrant | None

    def read_access(self, orcid: str) -> ReadAccess:
        """Public items for everyone; limited ones with /read-limited for this iD; the client's own items."""
        if self.grant is None or self.grant.orcid != orcid:
            return PUBLIC_ONLY
        return ReadAccess(limited=READ_LIMITED in self.grant.scopes, source_client_id=self.grant.client_id)

    def writer_for(self, orcid: str) -> TokenGrant:
        """The grant if it may write works on ``orcid``; 401/403 otherwise."""
        if self.grant is None:
            raise TokenRejected("An access token is required to add or change works.")
        if self.grant.orcid != orcid:
            raise ApiError(
                403,
                "403 Forbidden: The access token does not belong to this ORCID record.",
                "The client application is forbidden to perform the action.",
                FORBIDDEN,
            )
        if ACTIVITIES_UPDATE not in self.grant.scopes:
            raise ApiError(
                403,
                f"403 Forbidden: Insufficient or wrong scope; {ACTIVITIES_UPDATE} is required.",
                "The client application is forbidden to perform the action.",
                FORBIDDEN,
            )
        return self.grant


def caller() -> Caller:
    return Caller(bearer_grant())
