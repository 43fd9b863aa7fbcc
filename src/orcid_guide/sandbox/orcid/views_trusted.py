"""/trusted-parties: the organizations a researcher has authorized, and revoking their access."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, abort, redirect, render_template, url_for
from werkzeug.wrappers import Response as BaseResponse

from orcid_guide.sandbox.orcid.oauth_grants import TrustedOrganization, revoke_client_for_user, trusted_organizations
from orcid_guide.sandbox.orcid.request_context import db, now_ms
from orcid_guide.sandbox.orcid.scopes import TRUSTED_PARTIES_SCOPE_LABELS, scope_labels
from orcid_guide.sandbox.orcid.signin_state import current_user, signin_required

blueprint = Blueprint("trusted", __name__)


def granted_date(granted_ms: int) -> str:
    """ORCID shows the approval date as YYYY-MM-DD."""
    return datetime.fromtimestamp(granted_ms / 1000, tz=UTC).strftime("%Y-%m-%d")


def _organizations() -> list[TrustedOrganization]:
    user = current_user()
    assert user is not None
    return trusted_organizations(db(), user.orcid, now_ms=now_ms())


def _one(client_id: str) -> TrustedOrganization:
    found = next((org for org in _organizations() if org.client_id == client_id), None)
    if found is None:
        abort(404, description="This organization does not have access to your ORCID record.")
    return found


@blueprint.get("/trusted-parties")
@signin_required
def trusted_parties() -> str:
    rows = [
        (org, granted_date(org.granted_ms), scope_labels(org.scopes, TRUSTED_PARTIES_SCOPE_LABELS))
        for org in _organizations()
    ]
    return render_template("trusted_parties.html", rows=rows)


@blueprint.get("/trusted-parties/revoke/<client_id>")
@signin_required
def revoke_confirm(client_id: str) -> str:
    org = _one(client_id)
    return render_template(
        "trusted_revoke.html", org=org, labels=scope_labels(org.scopes, TRUSTED_PARTIES_SCOPE_LABELS)
    )


@blueprint.post("/trusted-parties/revoke/<client_id>")
@signin_required
def revoke(client_id: str) -> BaseResponse:
    user = current_user()
    assert user is not None
    org = _one(client_id)
    revoke_client_for_user(db(), client_id=org.client_id, orcid=user.orcid)
    return redirect(url_for("trusted.trusted_parties"), code=303)
