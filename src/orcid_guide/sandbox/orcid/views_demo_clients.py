"""Search & Link: the wizard cards, and the emulator playing the wizards' side of OAuth (Crossref, DataCite).

A card starts the wizard's OAuth flow; the wizard's redirect URI is /demo-client/callback here, where the
emulator exchanges the code as the wizard's server would, so the wizard then holds a token for the record
(and shows under Trusted parties). The state sent with the request is random and checked on the way back.
"""

from __future__ import annotations

import secrets
from urllib.parse import urlencode

from flask import Blueprint, abort, redirect, render_template, request, session, url_for
from werkzeug.wrappers import Response as BaseResponse

from orcid_guide.sandbox.orcid import oauth_grants
from orcid_guide.sandbox.orcid.demo_clients import CALLBACK_PATH, OTHER_WIZARDS, WIZARDS, registration, wizard_start
from orcid_guide.sandbox.orcid.request_context import db, now_ms, settings
from orcid_guide.sandbox.orcid.signin_state import signin_required

blueprint = Blueprint("demo_clients", __name__)

_PENDING_KEY = "demo_client_states"


@blueprint.get("/works/search-and-link")
@signin_required
def search_and_link() -> str:
    cards = [
        (
            wizard.name,
            wizard.description,
            wizard_start(settings(), wizard) or url_for("demo_clients.start", client_id=wizard.client_id),
        )
        for wizard in WIZARDS
    ]
    return render_template("search_and_link.html", cards=cards, others=OTHER_WIZARDS)


@blueprint.get("/demo-client/start/<client_id>")
@signin_required
def start(client_id: str) -> BaseResponse:
    wizard = next((w for w in WIZARDS if w.client_id == client_id), None)
    client = registration(settings(), client_id)
    if wizard is None or client is None:
        abort(404, description="There is no Search & Link wizard with this client id.")
    state = secrets.token_urlsafe(16)
    pending = dict(session.get(_PENDING_KEY) or {})
    pending[state] = client_id
    session[_PENDING_KEY] = pending
    params = {
        "client_id": client_id,
        "response_type": "code",
        "scope": wizard.scopes,
        "redirect_uri": settings().base_url + CALLBACK_PATH,
        "state": state,
    }
    return redirect(url_for("oauth.authorize") + "?" + urlencode(params))


@blueprint.get(CALLBACK_PATH)
def callback() -> BaseResponse:
    pending = dict(session.get(_PENDING_KEY) or {})
    client_id = pending.pop(request.args.get("state", ""), None)
    session[_PENDING_KEY] = pending
    if not isinstance(client_id, str):
        abort(400, description="This link to the Search & Link wizard has expired. Start again from Search & Link.")
    client = registration(settings(), client_id)
    assert client is not None
    code = request.args.get("code", "")
    if code:
        try:
            oauth_grants.redeem_code(
                db(), code=code, client_id=client_id, redirect_uri=settings().base_url + CALLBACK_PATH, now_ms=now_ms()
            )
        except oauth_grants.InvalidGrant:
            abort(400, description="The wizard could not finish connecting. Start again from Search & Link.")
    # Denied or connected, the researcher goes back to their record, as after ORCID's wizards.
    return redirect(url_for("record.my_orcid"), code=303)
