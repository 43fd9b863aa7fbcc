"""/signin, /signout and the forgotten-password page."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for
from werkzeug.wrappers import Response as BaseResponse

from orcid_guide.sandbox.orcid.accounts import check_credentials
from orcid_guide.sandbox.orcid.request_context import db, settings
from orcid_guide.sandbox.orcid.signin_state import current_user, safe_next, sign_in, sign_out

blueprint = Blueprint("signin", __name__)

# ORCID's messages (orcid-ui-strings.txt).
LOGIN_MISSING = "Please enter your email address or your ORCID iD"
PASSWORD_MISSING = "Please enter a password"


@blueprint.get("/signin")
def signin() -> str | BaseResponse:
    target = safe_next(request.args.get("next"))
    if current_user() is not None:
        return redirect(target)
    return render_template("signin.html", login="", errors={}, failed=False, next=target)


@blueprint.post("/signin")
def signin_submit() -> str | BaseResponse:
    login = request.form.get("username", "").strip()
    password = request.form.get("password", "")
    target = safe_next(request.form.get("next"))
    errors: dict[str, str] = {}
    if not login:
        errors["username"] = LOGIN_MISSING
    if not password:
        errors["password"] = PASSWORD_MISSING
    user = None if errors else check_credentials(db(), login, password, settings().id_uri_base)
    if user is None:
        return render_template("signin.html", login=login, errors=errors, failed=not errors, next=target)
    sign_in(user)
    return redirect(target, code=303)


@blueprint.get("/signout")
def signout_confirm() -> str | BaseResponse:
    # Signing out changes state, so it takes a POST with the CSRF token; a plain link lands here and asks.
    if current_user() is None:
        return redirect(url_for("signin.signin"))
    return render_template("signout.html", next=safe_next(request.args.get("next"), default="/signin"))


@blueprint.post("/signout")
def signout() -> BaseResponse:
    target = safe_next(request.form.get("next"), default="/signin")
    sign_out()
    return redirect(target, code=303)


@blueprint.get("/reset-password")
def reset_password() -> str:
    return render_template("reset_password.html")
