"""/oauth/authorize (the "Authorize access" page), /oauth/token and /oauth/revoke."""

from __future__ import annotations

import base64
import binascii
from urllib.parse import unquote

from flask import Blueprint, Response, abort, jsonify, redirect, render_template, request, session, url_for
from werkzeug.wrappers import Response as BaseResponse

from orcid_guide.sandbox.orcid import backup_email, csrf, oauth_grants
from orcid_guide.sandbox.orcid.accounts import find_by_orcid, names_visibility
from orcid_guide.sandbox.orcid.client_registry import Client, find_client, redirect_uris, secret_matches
from orcid_guide.sandbox.orcid.oauth_requests import BadAuthorizeRequest, check_authorize_request, redirect_with
from orcid_guide.sandbox.orcid.request_context import db, id_uri, now_ms
from orcid_guide.sandbox.orcid.scopes import PREMIUM_NOTIFICATION, READ_PUBLIC, parse_scopes, scope_labels
from orcid_guide.sandbox.orcid.signin_state import current_user
from orcid_guide.sandbox.whole_numbers import whole_number

blueprint = Blueprint("oauth", __name__)

DENIED_DESCRIPTION = "User denied access"


def _error_page(message: str) -> tuple[str, int]:
    return render_template("oauth_error.html", message=message), 400


@blueprint.get("/oauth/authorize")
def authorize() -> str | tuple[str, int] | BaseResponse:
    try:
        ask = check_authorize_request(db(), request.args)
    except BadAuthorizeRequest as bad:
        return _error_page(str(bad))
    user = current_user()
    if user is None:
        return redirect(url_for("signin.signin", next=request.full_path.rstrip("?")))
    return render_template(
        "authorize.html",
        ask=ask,
        user=user,
        id_uri=id_uri(user.orcid),
        labels=scope_labels(ask.scopes),
        here=request.full_path.rstrip("?"),
    )


@blueprint.post("/oauth/authorize")
def authorize_decision() -> tuple[str, int] | BaseResponse:
    # The request is checked again from the form: hidden fields are as untrusted as the query string was.
    try:
        ask = check_authorize_request(db(), request.form)
    except BadAuthorizeRequest as bad:
        return _error_page(str(bad))
    user = current_user()
    if user is None:
        abort(400, description="You were signed out. Go back to the organization's site and start again.")
    decision = request.form.get("decision")
    extra = {"state": ask.state} if ask.state is not None else {}
    if decision == "deny":
        target = redirect_with(
            ask.redirect_uri, {"error": "access_denied", "error_description": DENIED_DESCRIPTION, **extra}
        )
        return redirect(target, code=303)
    if decision != "authorize":
        abort(400, description="Choose Authorize access or Deny access.")
    code = oauth_grants.create_code(
        db(),
        client_id=ask.client.client_id,
        orcid=user.orcid,
        scopes=ask.scope_text,
        redirect_uri=ask.redirect_uri,
        state=ask.state,
        now_ms=now_ms(),
    )
    target = redirect_with(ask.redirect_uri, {"code": code, **extra})
    if backup_email.due(user.orcid):
        # ORCID keeps the authorize card and shows the interstitial in it; the redirect waits until it is answered.
        session[_BACKUP_NEXT] = {"target": target, "client": ask.client.name}
        return _backup_card()
    return redirect(target, code=303)


_BACKUP_NEXT = "backup_email_next"


def _backup_card(error: str = "", value: str = "", added: str = "") -> tuple[str, int] | BaseResponse:
    user = current_user()
    pending = session.get(_BACKUP_NEXT)
    if user is None or not isinstance(pending, dict):
        abort(400, description="There is nothing to continue. Go back to the organization's site and start again.")
    return render_template(
        "authorize_backup_email.html",
        primary=backup_email.primary_address(user.orcid),
        backup_error=error,
        backup_value=value,
        added=added,
        client_name=pending["client"],
        target=pending["target"],
    ), 200


@blueprint.post("/oauth/backup-email")
def backup_email_answer() -> tuple[str, int] | BaseResponse:
    user = current_user()
    pending = session.get(_BACKUP_NEXT)
    if user is None or not isinstance(pending, dict):
        abort(400, description="There is nothing to continue. Go back to the organization's site and start again.")
    if request.form.get("action") == "add":
        address = request.form.get("backup_email", "")
        error = backup_email.add_backup(user.orcid, address)
        if error:
            return _backup_card(error, address)
        return _backup_card(added=address.strip())
    session.pop(_BACKUP_NEXT, None)
    return redirect(pending["target"], code=303)


@blueprint.post("/oauth/backup-email/continue")
def backup_email_continue() -> BaseResponse:
    pending = session.pop(_BACKUP_NEXT, None)
    if not isinstance(pending, dict):
        abort(400, description="There is nothing to continue. Go back to the organization's site and start again.")
    return redirect(pending["target"], code=303)


def oauth_error(error: str, description: str, status: int = 400) -> Response:
    response = jsonify({"error": error, "error_description": description})
    response.status_code = status
    response.headers["Cache-Control"] = "no-store"
    if status == 401:
        response.headers["WWW-Authenticate"] = f'Bearer error="{error}"'
    return response


def _client_credentials() -> tuple[str, str]:
    """client_id and client_secret from HTTP Basic (RFC 6749 2.3.1) or, failing that, from the form."""
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("basic "):
        try:
            decoded = base64.b64decode(header[6:].strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return "", ""
        client_id, _, secret = decoded.partition(":")
        return unquote(client_id), unquote(secret)
    return request.form.get("client_id", ""), request.form.get("client_secret", "")


def _authenticated_client() -> Client | None:
    client_id, secret = _client_credentials()
    if not client_id or not secret or not secret_matches(db(), client_id, secret):
        return None
    return find_client(db(), client_id)


def _public_name(orcid: str) -> str:
    """The name a token's answer carries: as ORCID's ``retrivePublicDisplayName``, the record's published name
    when its names are public, and an empty one when they are not (whoever asked for the token)."""
    user = find_by_orcid(db(), orcid)
    if user is None or names_visibility(db(), orcid) != "public":
        return ""
    return user.display_name


def _token_answer(issued: oauth_grants.IssuedToken) -> Response:
    response = jsonify(
        {
            "access_token": issued.access_token,
            "token_type": "bearer",
            "refresh_token": issued.refresh_token,
            "expires_in": issued.expires_in,
            "scope": issued.scopes,
            "name": _public_name(issued.orcid) if issued.orcid else None,
            "orcid": issued.orcid,
        }
    )
    response.headers["Cache-Control"] = "no-store"
    response.headers["Pragma"] = "no-cache"
    return response


@blueprint.post("/oauth/token")
@csrf.exempt
def token() -> Response:
    client = _authenticated_client()
    if client is None:
        return oauth_error("invalid_client", "Bad client credentials", 401)
    grant_type = request.form.get("grant_type", "")
    try:
        if grant_type == "authorization_code":
            code = request.form.get("code", "")
            redirect_uri = request.form.get("redirect_uri", "")
            if not code or not redirect_uri:
                return oauth_error("invalid_request", "The code and redirect_uri parameters are required.")
            if redirect_uri not in redirect_uris(db(), client.client_id):
                return oauth_error("invalid_grant", "Redirect URI mismatch.")
            issued = oauth_grants.redeem_code(
                db(), code=code, client_id=client.client_id, redirect_uri=redirect_uri, now_ms=now_ms()
            )
        elif grant_type == "client_credentials":
            scopes = parse_scopes(request.form.get("scope", ""))
            allowed = ((READ_PUBLIC,), (PREMIUM_NOTIFICATION,)) if client.member else ((READ_PUBLIC,),)
            if scopes not in allowed:
                return oauth_error(
                    "invalid_scope",
                    f"Only {' or '.join(s[0] for s in allowed)} can be granted with client_credentials.",
                )
            issued = oauth_grants.client_credentials_token(
                db(), client_id=client.client_id, scopes=scopes[0], now_ms=now_ms()
            )
        elif grant_type == "refresh_token":
            revoke_old = request.form.get("revoke_old", "false").lower()
            expires_text = request.form.get("expires_in", "")
            expires_in = whole_number(expires_text) if expires_text else None
            if revoke_old not in ("true", "false") or (expires_text and expires_in is None):
                return oauth_error("invalid_request", "revoke_old must be true or false, expires_in whole seconds.")
            issued = oauth_grants.refresh(
                db(),
                refresh_token=request.form.get("refresh_token", ""),
                client_id=client.client_id,
                now_ms=now_ms(),
                scopes=parse_scopes(request.form.get("scope", "")),
                expires_in=expires_in,
                revoke_old=revoke_old == "true",
            )
        else:
            return oauth_error("unsupported_grant_type", f"Unsupported grant type: {grant_type or '(none)'}")
    except oauth_grants.InvalidScope as invalid:
        return oauth_error("invalid_scope", str(invalid))
    except oauth_grants.InvalidGrant as invalid:
        return oauth_error("invalid_grant", str(invalid))
    return _token_answer(issued)


@blueprint.post("/oauth/revoke")
@csrf.exempt
def revoke() -> Response:
    client = _authenticated_client()
    if client is None:
        return oauth_error("invalid_client", "Bad client credentials", 401)
    value = request.form.get("token", "")
    if not value:
        return oauth_error("invalid_request", "The token parameter is required.")
    # RFC 7009: an unknown token (or another client's) is not an error; nothing of anyone else's is touched.
    oauth_grants.revoke_token(db(), token=value, client_id=client.client_id)
    response = Response("", status=200)
    response.headers["Cache-Control"] = "no-store"
    return response
