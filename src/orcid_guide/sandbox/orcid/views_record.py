"""The signed-in record (/my-orcid), the public record (/<iD>), and the pages the user menu leads to."""

from __future__ import annotations

from functools import partial

from flask import Blueprint, abort, redirect, render_template, request, session, url_for
from werkzeug.routing import BaseConverter
from werkzeug.wrappers import Response as BaseResponse

from orcid_guide.sandbox.orcid import backup_email
from orcid_guide.sandbox.orcid.accounts import (
    VISIBILITIES,
    Names,
    find_by_orcid,
    names_error,
    names_visibility,
    save_names,
    set_default_visibility,
)
from orcid_guide.sandbox.orcid.request_context import db, id_uri, now_ms, settings
from orcid_guide.sandbox.orcid.signin_state import current_user, signin_required
from orcid_guide.sandbox.orcid.views_inbox import inbox_page
from orcid_guide.sandbox.orcid.works_paging import PAGE_SIZES
from orcid_guide.sandbox.orcid.works_view import (
    CLOSED_VISIBILITY_LABELS,
    DEFAULT_VISIBILITY_WORDS,
    VISIBILITY_LABELS,
    VISIBILITY_OPTION_ARIA_LABELS,
    WorkSummary,
    works_panel,
)

blueprint = Blueprint("record", __name__)

# (label, description, endpoint kind) for each Add menu, as work-stack-group.component.ts lists them; both
# labelings lead to the same places. Only the newer one has descriptions.
ADD_MENUS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "classic": (
        ("Search & Link", "", "search-and-link"),
        ("Add DOI", "", "doi"),
        ("Add PubMed ID", "", "pubmed"),
        ("Add BibTeX", "", "bibtex"),
        ("Add manually", "", "manual"),
    ),
    "new": (
        (
            "Import works from other services",
            "Connect with services that can help keep your ORCID record up-to-date",
            "search-and-link",
        ),
        ("Import works from a BibTeX file", "Import works into your ORCID record using BibTeX", "bibtex"),
        ("Add work with a DOI", "", "doi"),
        ("Add work with a PubMed ID", "", "pubmed"),
        ("Add work manually", "Enter the work details yourself", "manual"),
    ),
}
# Headings of the pages behind the Add menu, in ORCID's words, until those flows are built.
ADD_PAGE_TITLES = {
    "search-and-link": "Link works",
    "doi": "Works - Add work from DOI",
    "pubmed": "Works - Add work from PubMed",
    "bibtex": "Works - Import BibTeX",
    "manual": "Add work manually",
}

# Account settings > Defaults > Visibility says "Trusted Organizations" for limited, as ORCID does there, each
# followed by the share of users who choose it (settings-defaults-visibility, i18n register.Visibility*2).
DEFAULT_VISIBILITY_CHOICES = (
    ("public", "Everyone", "(87% of users choose this)"),
    ("limited", "Trusted Organizations", "(5% of users choose this)"),
    ("private", "Only me", "(8% of users choose this)"),
)
WORK_VISIBILITY_CHOICES = tuple(VISIBILITY_LABELS.items())
# The Names dialog passes the other-names strings to its visibility selector (modal-name.component.html), so its
# options are named "Set other names visibility to …", as ORCID's are.
NAMES_OPTION_ARIA_LABELS = {
    "public": "Set other names visibility to Everyone",
    "limited": "Set other names visibility to Trusted Parties",
    "private": "Set other names visibility to Only Me",
}


class OrcidIdConverter(BaseConverter):
    regex = r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]"


@blueprint.get("/")
def home() -> BaseResponse:
    return redirect(url_for("record.my_orcid" if current_user() else "signin.signin"))


def render_record(
    *,
    dialog_works: list[WorkSummary] | None = None,
    dialog_error: str = "",
    notice: str = "",
    backup_prompt: bool = False,
    backup_error: str = "",
    backup_value: str = "",
    names_form: Names | None = None,
    names_form_error: str = "",
) -> str:
    """The signed-in record; with ``dialog_works`` the "Set visibility selected works" dialog open over it, with
    ``backup_prompt`` the backup-email interstitial, with ``names_form`` the Names dialog."""
    user = current_user()
    assert user is not None
    return render_template(
        "my_orcid.html",
        backup_prompt=backup_prompt,
        backup_primary=backup_email.primary_address(user.orcid) if backup_prompt else "",
        backup_error=backup_error,
        backup_value=backup_value,
        backup_added=session.pop("backup_email_added", ""),
        user=user,
        names_visibility=names_visibility(db(), user.orcid),
        names_form=names_form,
        names_form_error=names_form_error,
        names_option_labels=NAMES_OPTION_ARIA_LABELS,
        id_uri=id_uri(user.orcid),
        panel=works_panel(db(), user.orcid, owner=True, args=request.args),
        page_sizes=PAGE_SIZES,
        pages_url=partial(url_for, "record.my_orcid"),
        add_menu=ADD_MENUS[settings().add_menu],
        visibility_choices=WORK_VISIBILITY_CHOICES,
        closed_labels=CLOSED_VISIBILITY_LABELS,
        default_words=DEFAULT_VISIBILITY_WORDS,
        option_labels=VISIBILITY_OPTION_ARIA_LABELS,
        dialog_works=dialog_works,
        dialog_error=dialog_error,
        notice=notice,
    )


@blueprint.get("/my-orcid")
@signin_required
def my_orcid() -> str:
    user = current_user()
    assert user is not None
    return render_record(backup_prompt=backup_email.due(user.orcid))


@blueprint.post("/my-orcid/backup-email")
@signin_required
def backup_email_answer() -> str | BaseResponse:
    user = current_user()
    assert user is not None
    if request.form.get("action") == "add":
        address = request.form.get("backup_email", "")
        error = backup_email.add_backup(user.orcid, address)
        if error:
            return render_record(backup_prompt=True, backup_error=error, backup_value=address)
        session["backup_email_added"] = address.strip()
    return redirect(url_for("record.my_orcid"), code=303)


@blueprint.get("/my-orcid/names")
@signin_required
def names_dialog() -> str:
    """The pencil next to Names: the Names dialog over the record, filled with what is saved now."""
    user = current_user()
    assert user is not None
    saved = Names(user.given_names, user.family_names, user.credit_name, names_visibility(db(), user.orcid))
    return render_record(names_form=saved)


@blueprint.post("/my-orcid/names")
@signin_required
def save_names_dialog() -> str | BaseResponse:
    """ "Save changes" in the Names dialog: names and their visibility together; an invalid form stays open."""
    user = current_user()
    assert user is not None
    form = Names(
        given_names=request.form.get("given_names", ""),
        family_names=request.form.get("family_names", ""),
        credit_name=request.form.get("credit_name", ""),
        visibility=request.form.get("visibility", ""),
    )
    error = names_error(form)
    if error:
        return render_record(names_form=form, names_form_error=error)
    save_names(db(), user.orcid, form, now_ms=now_ms())
    return redirect(url_for("record.my_orcid"), code=303)


@blueprint.get("/<orcid:orcid_id>")
def public_record(orcid_id: str) -> str:
    record = find_by_orcid(db(), orcid_id)
    if record is None:
        abort(404, description="404 - ORCID record not found")
    viewer = current_user()
    owner = viewer is not None and viewer.orcid == record.orcid
    names_row = db().execute("SELECT names_visibility FROM users WHERE orcid = ?", (record.orcid,)).fetchone()
    return render_template(
        "public_record.html",
        record=record,
        names_public=names_row["names_visibility"] == "public",
        id_uri=id_uri(record.orcid),
        # The public page shows public items even to the owner: it is what everyone else sees.
        panel=works_panel(db(), record.orcid, owner=False, args=request.args),
        page_sizes=PAGE_SIZES,
        pages_url=partial(url_for, "record.public_record", orcid_id=record.orcid),
        viewer_is_owner=owner,
    )


@blueprint.get("/works/<kind>")
@signin_required
def add_works(kind: str) -> str:
    if kind not in ADD_PAGE_TITLES:
        abort(404, description="This page does not exist in the ORCID emulator.")
    return render_template("placeholder.html", title=ADD_PAGE_TITLES[kind], back=True)


@blueprint.route("/account", methods=["GET", "POST"])
@signin_required
def account() -> str | BaseResponse:
    user = current_user()
    assert user is not None
    if request.method == "POST":
        choice = request.form.get("default_visibility", "")
        if choice in VISIBILITIES:
            set_default_visibility(db(), user.orcid, choice, now_ms=now_ms())
            # Back to the open Visibility panel; ORCID shows no message after saving.
            return redirect(url_for("record.account", _anchor="visibility"), code=303)
    fresh = find_by_orcid(db(), user.orcid)
    assert fresh is not None
    return render_template("account.html", user=fresh, choices=DEFAULT_VISIBILITY_CHOICES)


@blueprint.get("/inbox")
@signin_required
def inbox() -> str:
    user = current_user()
    assert user is not None
    return inbox_page(user.orcid, show_archived=request.args.get("archived") == "1")


@blueprint.get("/developer-tools")
@signin_required
def developer_tools() -> str:
    return render_template("placeholder.html", title="Developer tools", back=True)
