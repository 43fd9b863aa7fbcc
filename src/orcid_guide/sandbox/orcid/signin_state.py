"""Who is signed in: the session's iD, the user behind it, and safe places to send them next."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

from flask import g, redirect, request, session, url_for
from werkzeug.wrappers import Response as BaseResponse

from orcid_guide.sandbox.orcid.accounts import User
from orcid_guide.sandbox.same_site import same_site_path

P = ParamSpec("P")
R = TypeVar("R")

SESSION_KEY = "orcid"


def sign_in(user: User) -> None:
    # A fresh session on sign-in, so a session (and CSRF token) planted before sign-in is worth nothing after.
    session.clear()
    session[SESSION_KEY] = user.orcid


def sign_out() -> None:
    session.clear()


def current_user() -> User | None:
    user: User | None = g.get("user")
    return user


def safe_next(target: str | None, default: str = "/my-orcid") -> str:
    """``target`` if it is a path on this site, else ``default``: sign-in must never send anyone off-site."""
    return same_site_path(target) or default


def signin_required(view: Callable[P, R]) -> Callable[P, R | BaseResponse]:
    @wraps(view)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R | BaseResponse:
        if current_user() is None:
            return redirect(url_for("signin.signin", next=request.full_path.rstrip("?")))
        return view(*args, **kwargs)

    return wrapper
