"""A per-session CSRF token that every POST form carries and every POST is checked against."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from flask import abort, current_app, request

from orcid_guide.sandbox.form_tokens import form_carries_session_token, session_token

_EXEMPT_ATTRIBUTE = "_orcid_csrf_exempt"

View = TypeVar("View", bound=Callable[..., object])


token = session_token


def exempt(view: View) -> View:
    """Mark a view that takes POSTs from programs, not forms (the OAuth token endpoint, the member API)."""
    setattr(view, _EXEMPT_ATTRIBUTE, True)
    return view


def check_request() -> None:
    """before_request hook: a POST to a non-exempt view without this session's token is refused with 400."""
    if request.method != "POST":
        return
    view = current_app.view_functions.get(request.endpoint or "")
    if view is None or getattr(view, _EXEMPT_ATTRIBUTE, False):
        return
    if not form_carries_session_token():
        abort(
            400,
            description="This form has expired or did not come from this site. Go back, reload the page and try again.",
        )
