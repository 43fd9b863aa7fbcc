"""Checking an /oauth/authorize request before anyone is asked anything, in ORCID's error words.

Every check here happens before a redirect: an error in the client id or redirect URI must never send the
browser to a URI the client did not register.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from orcid_guide.sandbox.orcid.client_registry import Client, find_client, redirect_uris
from orcid_guide.sandbox.orcid.scopes import parse_scopes, unknown_scopes


@dataclass(frozen=True)
class AuthorizeRequest:
    client: Client
    redirect_uri: str
    scopes: tuple[str, ...]
    state: str | None

    @property
    def scope_text(self) -> str:
        return " ".join(self.scopes)


class BadAuthorizeRequest(Exception):
    """The request cannot be shown to the researcher; the message is the sentence ORCID's error page shows."""


def check_authorize_request(db: sqlite3.Connection, params: Mapping[str, str]) -> AuthorizeRequest:
    client_id = params.get("client_id", "").strip()
    if not client_id:
        raise BadAuthorizeRequest("Error: Incorrect OAuth Link, missing client id parameter.")
    client = find_client(db, client_id)
    if client is None:
        raise BadAuthorizeRequest(f"Error: The provided client id {client_id} is invalid.")
    prefix = f"Error: Incorrect OAuth Link for client id {client_id}"
    redirect_uri = params.get("redirect_uri", "")
    if not redirect_uri:
        raise BadAuthorizeRequest(f"{prefix}, missing redirect uri parameter")
    # Exact match only: prefix or host matching is how authorization codes get sent to attackers.
    if redirect_uri not in redirect_uris(db, client_id):
        raise BadAuthorizeRequest(
            f"Error: The provided redirect URI {redirect_uri} does not match the redirect URIs registered by"
            f" {client.name} ({client_id})."
        )
    response_type = params.get("response_type", "")
    if not response_type:
        raise BadAuthorizeRequest(f"{prefix}, missing response type parameter.")
    if response_type != "code":
        raise BadAuthorizeRequest(f"{prefix}, unsupported response type {response_type}.")
    scopes = parse_scopes(params.get("scope", ""))
    if not scopes:
        raise BadAuthorizeRequest(f"{prefix}, missing scope parameter.")
    refused = unknown_scopes(scopes, member=client.member)
    if refused:
        raise BadAuthorizeRequest(f"{prefix}, invalid scope {' '.join(refused)}.")
    state = params.get("state")
    return AuthorizeRequest(client, redirect_uri, scopes, state if state else None)


def redirect_with(redirect_uri: str, params: dict[str, str]) -> str:
    """``redirect_uri`` with ``params`` added to its query, spaces as %20 (as ORCID sends them)."""
    separator = "&" if "?" in redirect_uri else "?"
    return redirect_uri + separator + urlencode(params, quote_via=quote)
