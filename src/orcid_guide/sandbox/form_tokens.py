"""The per-session token every POST form of a sandbox app carries, and the check against it (CSRF).

Each app decides which POSTs are checked and what its refusal says; the token and the comparison are one here.
"""

from __future__ import annotations

import hmac
import secrets

from flask import request, session

FIELD = "csrf_token"


def session_token() -> str:
    """This session's token, made on first use (templates call it as csrf_token())."""
    value = session.get(FIELD)
    if not isinstance(value, str):
        value = secrets.token_urlsafe(32)
        session[FIELD] = value
    return value


def form_carries_session_token() -> bool:
    expected = session.get(FIELD)
    sent = request.form.get(FIELD, "")
    # Bytes: compare_digest refuses str with non-ASCII characters (TypeError) instead of saying they differ.
    return isinstance(expected, str) and hmac.compare_digest(expected.encode(), sent.encode())
