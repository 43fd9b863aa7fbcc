"""My Settings > ORCID Settings: connecting LUCRIS to ORCID (OAuth), the callback, and disconnecting."""

from __future__ import annotations

import hmac
import secrets

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue

from orcid_guide import orcid_id
from orcid_guide.sandbox.lucris import orcid_client, orcid_push, people
from orcid_guide.sandbox.lucris.web_support import db, login_required, long_date, me, now_iso, settings

blueprint = Blueprint("orcid_connection", __name__)

STATE_KEY = "orcid_oauth_state"
SCOPE_LABELS = {
    "/read-limited": "Read your information with visibility set to Trusted parties",
    "/activities/update": "Add/update your research activities (works, affiliations, etc.)",
    "/person/update": "Add/update information about you (country, keywords, etc.)",
    "/authenticate": "Get your ORCID iD",
    "openid": "Get your ORCID iD",
}


def redirect_uri() -> str:
    return f"{settings().base_url}/orcid/callback"


@blueprint.get("/my-settings")
@login_required
def my_settings() -> ResponseReturnValue:
    person = me()
    scopes = [SCOPE_LABELS.get(scope, scope) for scope in (person.orcid_scope or "").split()]
    return render_template(
        "my_settings.html", connected_since=long_date(person.orcid_connected_at), scope_labels=scopes
    )


@blueprint.post("/orcid/connect")
@login_required
def connect() -> ResponseReturnValue:
    state = secrets.token_urlsafe(24)
    session[STATE_KEY] = state
    target = orcid_client.authorize_url(
        settings().orcid_url, client_id=settings().client_id, redirect_uri=redirect_uri(), state=state
    )
    return redirect(target, code=303)


def _refused(message: str) -> ResponseReturnValue:
    return render_template("error.html", title="Not connected to ORCID", message=message), 400


@blueprint.get("/orcid/callback")
@login_required
def callback() -> ResponseReturnValue:
    person = me()
    expected = session.pop(STATE_KEY, None)
    error = request.args.get("error")
    if error:
        # Nothing changes on an error answer, so it needs no state to be believed.
        if error == "access_denied":
            flash(
                "You did not give LUCRIS permission in ORCID, so LUCRIS is not connected to ORCID. "
                "You can connect at any time with Connect to ORCID.",
                "error",
            )
        else:
            flash(f"ORCID did not give LUCRIS permission ({error}); LUCRIS is not connected to ORCID.", "error")
        return redirect(url_for("orcid_connection.my_settings"), code=303)
    state = request.args.get("state", "")
    if not isinstance(expected, str) or not hmac.compare_digest(expected.encode(), state.encode()):
        return _refused(
            "This answer from ORCID does not belong to a connection you started in LUCRIS, so LUCRIS ignored it "
            "and nothing has changed. Start again with Connect to ORCID under My Settings."
        )
    code = request.args.get("code", "")
    if not code:
        return _refused("ORCID's answer has no authorization code; start again with Connect to ORCID.")
    try:
        grant = orcid_client.exchange_code(
            settings().orcid_url,
            client_id=settings().client_id,
            client_secret=settings().client_secret,
            code=code,
            redirect_uri=redirect_uri(),
            timeout=settings().orcid_timeout,
        )
    except orcid_client.OrcidRejected as rejected:
        flash(f"ORCID did not accept LUCRIS's request ({rejected}); LUCRIS is not connected. Try again.", "error")
        return redirect(url_for("orcid_connection.my_settings"), code=303)
    except orcid_client.OrcidTooSlow:
        flash("ORCID took too long to answer, so LUCRIS is not connected yet; try again later.", "error")
        return redirect(url_for("orcid_connection.my_settings"), code=303)
    except orcid_client.OrcidError:
        flash("ORCID could not be reached, so LUCRIS is not connected yet; try again later.", "error")
        return redirect(url_for("orcid_connection.my_settings"), code=303)
    if orcid_id.problem(grant.orcid_id):
        flash("ORCID's answer did not carry a valid ORCID iD; LUCRIS is not connected. Try again.", "error")
        return redirect(url_for("orcid_connection.my_settings"), code=303)
    connected_id = orcid_id.normalize(grant.orcid_id)
    people.store_connection(
        db(), person.id, orcid_id=connected_id, access_token=grant.access_token, scope=grant.scope, when=now_iso()
    )
    # Outputs that waited for this researcher's connection can go now.
    orcid_push.run_pending(db(), settings(), now_iso())
    flash(f"LUCRIS is now connected to your ORCID record {connected_id}.", "info")
    return redirect(url_for("orcid_connection.my_settings"), code=303)


@blueprint.post("/orcid/disconnect")
@login_required
def disconnect() -> ResponseReturnValue:
    person = me()
    if person.orcid_access_token:
        try:
            orcid_client.revoke_token(
                settings().orcid_url,
                client_id=settings().client_id,
                client_secret=settings().client_secret,
                token=person.orcid_access_token,
                timeout=settings().orcid_timeout,
            )
        except orcid_client.OrcidError:
            # LUCRIS forgets the token either way; the researcher can also revoke it under Trusted parties.
            flash("ORCID could not be told; you can also remove LUCRIS under Trusted parties in ORCID.", "error")
    people.disconnect(db(), person.id)
    flash("LUCRIS is no longer connected to ORCID. Your ORCID iD stays on your research profile.", "info")
    return redirect(url_for("orcid_connection.my_settings"), code=303)
