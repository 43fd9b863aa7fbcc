"""The Notifications inbox page (/inbox): the owner's permission requests and change notices, and archiving."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, abort, redirect, render_template, url_for
from werkzeug.wrappers import Response as BaseResponse

from orcid_guide.sandbox.orcid import notifications
from orcid_guide.sandbox.orcid.request_context import db, now_ms
from orcid_guide.sandbox.orcid.signin_state import current_user, signin_required

blueprint = Blueprint("inbox", __name__)


def _date(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, tz=UTC).strftime("%Y-%m-%d")


def inbox_page(orcid: str, *, show_archived: bool) -> str:
    """Only ever the signed-in owner's own notifications: callers pass the session's iD."""
    found = notifications.inbox(db(), orcid)
    archived = sum(1 for n in found if n.archived)
    shown = [n for n in found if show_archived or not n.archived]
    return render_template(
        "inbox.html",
        notifications=[(n, _date(n.created_ms)) for n in shown],
        archived_count=archived,
        show_archived=show_archived,
        total=len(shown),
    )


@blueprint.post("/inbox/<put_code:put_code>/archive")
@signin_required
def archive(put_code: int) -> BaseResponse:
    user = current_user()
    assert user is not None
    if not notifications.archive(db(), user.orcid, put_code, now_ms()):
        abort(404, description="There is no such notification in your inbox.")
    return redirect(url_for("record.inbox"), code=303)
