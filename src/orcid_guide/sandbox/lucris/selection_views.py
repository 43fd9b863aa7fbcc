"""Ticking outputs on the publications list ("Select / Deselect all", one by one) and "Export" > "BibTex"."""

from __future__ import annotations

import secrets

from flask import Blueprint, Response, flash, redirect, request, session, url_for
from flask.typing import ResponseReturnValue

from orcid_guide.sandbox.lucris import outputs, selection
from orcid_guide.sandbox.lucris.bibtex_export import FILE_NAME, export_bibtex
from orcid_guide.sandbox.lucris.web_support import db, login_required, me
from orcid_guide.sandbox.same_site import same_site_path

blueprint = Blueprint("selection", __name__)
EXPORT_FORMATS = {"bibtex": "BibTex"}


def selection_key() -> str:
    """This browser session's selection; logging in starts a new session, and so an empty selection."""
    key = session.get("selection")
    if not isinstance(key, str):
        key = secrets.token_hex(16)
        session["selection"] = key
    return key


def _back() -> str:
    # Only back to the publications list itself: the address comes from a form field anyone could change.
    target = same_site_path(request.values.get("back", "")) or ""
    list_path = url_for("publications.publication_list")
    if target == list_path or target.startswith(list_path + "?"):
        return target
    return list_path


@blueprint.post("/publications/selection")
@login_required
def update_selection() -> ResponseReturnValue:
    page = outputs.ids_for(db(), me(), request.form.getlist("visible"))
    if request.form.get("action") == "toggle-all":
        selection.toggle_page(db(), selection_key(), page)
    else:
        chosen = set(outputs.ids_for(db(), me(), request.form.getlist("chosen")))
        selection.set_page(db(), selection_key(), page, chosen)
    return redirect(_back(), code=303)


@blueprint.get("/publications/export")
@login_required
def export() -> ResponseReturnValue:
    chosen_format = request.args.get("format", "")
    if chosen_format not in EXPORT_FORMATS:
        flash("Choose an export format under Export format, then click Export.", "error")
        return redirect(_back(), code=303)
    chosen = outputs.chosen_for(db(), me(), selection.selected(db(), selection_key()))
    if not chosen:
        flash(
            "Nothing is selected, so there is nothing to export: tick research outputs, or use "
            "Select / Deselect all, then export again.",
            "error",
        )
        return redirect(_back(), code=303)
    return Response(
        export_bibtex(chosen),
        content_type="application/x-bibtex; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{FILE_NAME}"'},
    )
