"""/register: ORCID's five-step register wizard, one server-rendered form per step."""

from __future__ import annotations

import sqlite3

from flask import Blueprint, redirect, render_template, request, url_for
from werkzeug.wrappers import Response as BaseResponse

from orcid_guide.sandbox.orcid import drafts
from orcid_guide.sandbox.orcid.accounts import create_account, email_in_use
from orcid_guide.sandbox.orcid.registration import (
    PASSWORD_CHECKLIST,
    STEP_TITLES,
    STEPS,
    Draft,
    first_failing_step,
    new_account,
    password_checks,
    skip_employment,
    step_errors,
    take_answers,
)
from orcid_guide.sandbox.orcid.request_context import db, now_ms, settings
from orcid_guide.sandbox.orcid.signin_state import sign_in
from orcid_guide.sandbox.whole_numbers import whole_number

blueprint = Blueprint("register", __name__)

MONTHS = tuple(f"{month:02d}" for month in range(1, 13))


def _this_year() -> int:
    return settings().clock().year


def _email_taken(address: str) -> bool:
    return email_in_use(db(), address)


def _page(draft: Draft, errors: dict[str, str] | None = None, checked: bool = False) -> str:
    this_year = _this_year()
    checklist = list(zip(PASSWORD_CHECKLIST, password_checks(draft.password), strict=True))
    return render_template(
        "register.html",
        draft=draft,
        step=draft.step,
        step_title=STEP_TITLES[draft.step],
        errors=errors or {},
        checklist=checklist,
        # Only mark the checklist once a password has been submitted, as ORCID marks it while typing.
        checklist_marked=checked or bool(draft.password),
        years=[str(year) for year in range(this_year, this_year - 80, -1)],
        months=MONTHS,
    )


@blueprint.get("/register")
def show() -> str:
    return _page(drafts.load(db()))


@blueprint.post("/register")
def submit() -> str | BaseResponse:
    connection = db()
    draft = drafts.load(connection)
    action = request.form.get("action", "next")
    if action == "cancel":
        drafts.discard(connection)
        return redirect(url_for("signin.signin"), code=303)
    # A form from an earlier step (browser Back) may be sent again; a form from a later one cannot exist yet.
    posted = request.form.get("step", "")
    step = whole_number(posted, 1, draft.step) or draft.step
    draft.step = step
    take_answers(draft, step, request.form)
    if action == "previous":
        draft.step = max(step - 1, 1)
        drafts.save(connection, draft, now_ms=now_ms())
        return redirect(url_for("register.show"), code=303)
    if action == "skip" and step == 3:
        skip_employment(draft)
    errors = step_errors(draft, step, email_taken=_email_taken, this_year=_this_year())
    if errors:
        drafts.save(connection, draft, now_ms=now_ms())
        return _page(draft, errors, checked=True)
    if step < STEPS:
        draft.step = step + 1
        drafts.save(connection, draft, now_ms=now_ms())
        return redirect(url_for("register.show"), code=303)
    # Everything again: an email may have been registered by someone else since step 1.
    failing = first_failing_step(draft, email_taken=_email_taken, this_year=_this_year())
    if failing is not None:
        draft.step, errors = failing
        drafts.save(connection, draft, now_ms=now_ms())
        return _page(draft, errors, checked=True)
    try:
        user = create_account(connection, new_account(draft), now_ms=now_ms(), fixed_ids=settings().fixed_ids)
    except sqlite3.IntegrityError:
        # Someone took one of the emails between the check above and the insert.
        draft.step = 1
        drafts.save(connection, draft, now_ms=now_ms())
        return _page(draft, step_errors(draft, 1, email_taken=_email_taken, this_year=_this_year()), checked=True)
    drafts.discard(connection)
    sign_in(user)
    return redirect(url_for("record.my_orcid"), code=303)
