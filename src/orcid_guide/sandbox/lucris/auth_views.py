"""Logging in to and out of LUCRIS, and the Dashboard a researcher lands on."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue

from orcid_guide.sandbox.lucris import outputs, people
from orcid_guide.sandbox.lucris.web_support import db, login_required, me, safe_next

blueprint = Blueprint("auth", __name__)


@blueprint.get("/")
def home() -> ResponseReturnValue:
    return redirect(url_for("auth.dashboard"))


@blueprint.route("/login", methods=["GET", "POST"])
def login() -> ResponseReturnValue:
    next_page = safe_next(request.values.get("next"))
    if request.method == "GET":
        return render_template("login.html", username="", error=None, next_page=next_page)
    username = request.form.get("username", "").strip()
    password = request.form.get("password", "")
    person = people.check_login(db(), username, password) if username and password else None
    if person is None:
        error = "The username or password is not correct. Check both and try again."
        return render_template("login.html", username=username, error=error, next_page=next_page), 401
    # A fresh session on login, so nothing from before (or planted by someone else) carries over.
    session.clear()
    session["person_id"] = person.id
    return redirect(next_page or url_for("auth.dashboard"), code=303)


@blueprint.post("/logout")
def logout() -> ResponseReturnValue:
    session.clear()
    return redirect(url_for("auth.login"), code=303)


@blueprint.get("/dashboard")
@login_required
def dashboard() -> ResponseReturnValue:
    person = me()
    page = outputs.list_for(db(), person)
    counts = {label: 0 for label in outputs.WORKFLOW_STEPS.values()}
    for output in page.items:
        counts[output.step_label] += 1
    return render_template("dashboard.html", total=page.total, counts=counts)
