"""What every LUCRIS view needs: the settings, the request's database connection, who is logged in, CSRF."""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable
from datetime import datetime
from typing import ParamSpec, cast

from flask import abort, current_app, g, redirect, request, session, url_for
from flask.typing import ResponseReturnValue

from orcid_guide.sandbox.form_tokens import form_carries_session_token, session_token
from orcid_guide.sandbox.lucris import database, people
from orcid_guide.sandbox.lucris.outputs import MONTHS
from orcid_guide.sandbox.lucris.settings import LucrisSettings
from orcid_guide.sandbox.same_site import same_site_path

P = ParamSpec("P")


def settings() -> LucrisSettings:
    return cast(LucrisSettings, current_app.config["LUCRIS_SETTINGS"])


def db() -> sqlite3.Connection:
    if "lucris_db" not in g:
        g.lucris_db = database.connect(settings().database)
    return cast(sqlite3.Connection, g.lucris_db)


def close_db(_error: BaseException | None = None) -> None:
    connection = g.pop("lucris_db", None)
    if connection is not None:
        connection.close()


def now_iso() -> str:
    return settings().clock().isoformat(timespec="seconds")


def long_date(iso: str | None) -> str:
    """ "2 March 2026" from a stored ISO timestamp; dates on screen only ever come from the settings' clock."""
    if not iso:
        return ""
    moment = datetime.fromisoformat(iso)
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}"


def current_person() -> people.Person | None:
    if "lucris_person" not in g:
        person_id = session.get("person_id")
        g.lucris_person = people.by_id(db(), person_id) if isinstance(person_id, int) else None
    return cast(people.Person | None, g.lucris_person)


def me() -> people.Person:
    """The logged-in person; only for views behind ``login_required``."""
    person = current_person()
    if person is None:
        abort(401)
    return person


def safe_next(target: str | None) -> str | None:
    """``target`` when it is a path on this site; anything else could send people elsewhere after login."""
    return same_site_path(target)


def login_required(view: Callable[P, ResponseReturnValue]) -> Callable[P, ResponseReturnValue]:
    @functools.wraps(view)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> ResponseReturnValue:
        if current_person() is None:
            return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
        return view(*args, **kwargs)

    return wrapper


def editor_required(view: Callable[P, ResponseReturnValue]) -> Callable[P, ResponseReturnValue]:
    @functools.wraps(view)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> ResponseReturnValue:
        person = current_person()
        if person is None:
            return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
        if not person.is_editor:
            abort(403, description="Only a LUCRIS editor can do this.")
        return view(*args, **kwargs)

    return wrapper


csrf_token = session_token


def check_csrf() -> None:
    """Refuse any POST whose form does not carry this session's token."""
    if request.method != "POST":
        return
    if not form_carries_session_token():
        abort(400, description="This form has expired or did not come from LUCRIS; reload the page and try again.")
