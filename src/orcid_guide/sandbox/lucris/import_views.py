"""Publications > Add new > Publications > Publications: "How do you want to create your publication" >
"Import from" ORCID, with possible duplicates flagged, then "Import" and "Confirm" (orcid_import does the work)."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from orcid_guide.sandbox.lucris import orcid_client, orcid_import, people
from orcid_guide.sandbox.lucris.web_support import db, login_required, me, now_iso, settings
from orcid_guide.sandbox.whole_numbers import whole_number

blueprint = Blueprint("orcid_import", __name__)

TOO_SLOW = "ORCID took too long to answer, so LUCRIS could not search it. Nothing has changed; try again later."
UNREACHABLE = "ORCID could not be reached, so LUCRIS could not search it. Nothing has changed; try again later."
TICK_BOTH = 'Tick "Search with ORCID ID of selected person" and "ORCID" to search ORCID for this person\'s works.'
NOTHING_TICKED = "Tick the publications you want to import."


def _selectable() -> list[people.Person]:
    """Whose publications the logged-in person may import: their own; an editor, any researcher's."""
    viewer = me()
    if not viewer.is_editor:
        return [viewer]
    rows = db().execute("SELECT id FROM persons WHERE role = 'researcher' ORDER BY last_name, first_name").fetchall()
    return [person for row in rows if (person := people.by_id(db(), row["id"])) is not None]


def _selected(uuid: str | None) -> people.Person | None:
    if not uuid:
        return None
    person = next((p for p in _selectable() if p.uuid == uuid), None)
    if person is None:
        abort(404, description="There is no LUCRIS account with this address that you may import for.")
    return person


@blueprint.get("/publications/new")
@login_required
def new_publication() -> ResponseReturnValue:
    return render_template("import_choose_how.html")


def _render_import(person: people.Person | None, error: str | None = None, status: int = 200) -> ResponseReturnValue:
    return render_template("import_from.html", accounts=_selectable(), person=person, error=error), status


@blueprint.get("/publications/import")
@login_required
def import_from() -> ResponseReturnValue:
    return _render_import(_selected(request.args.get("person")))


@blueprint.post("/publications/import")
@login_required
def search_orcid() -> ResponseReturnValue:
    person = _selected(request.form.get("person", ""))
    if person is None:
        abort(400, description="Select the LUCRIS account to import publications for first.")
    if request.form.get("by_orcid_id") != "on" or request.form.get("source") != "orcid":
        return _render_import(person, TICK_BOTH, 400)
    try:
        search_id = orcid_import.search(db(), settings(), person, me(), now_iso())
    except orcid_import.NoOrcidId:
        message = f"{person.name} has no ORCID iD on the research profile; add it under Research identifiers first."
        return _render_import(person, message, 400)
    except orcid_client.OrcidRejected:
        message = f"ORCID has no record with the iD {person.orcid_id}; check the iD under Research identifiers."
        return _render_import(person, message, 400)
    except orcid_client.OrcidTooSlow:
        return _render_import(person, TOO_SLOW, 504)
    except orcid_client.OrcidError:
        return _render_import(person, UNREACHABLE, 502)
    return redirect(url_for("orcid_import.results", search_id=search_id), code=303)


def _search(search_id: str) -> tuple[orcid_import.ImportSearch, people.Person]:
    person_id = orcid_import.person_of_search(db(), search_id)
    person = people.by_id(db(), person_id) if person_id is not None else None
    found = orcid_import.load(db(), search_id, me(), person) if person is not None else None
    if found is None or person is None:
        abort(404, description="This search is over or not yours; search ORCID again from Add new.")
    return found, person


@blueprint.get("/publications/import/<search_id>")
@login_required
def results(search_id: str) -> ResponseReturnValue:
    found, person = _search(search_id)
    return render_template("import_results.html", search=found, person=person, error=None)


@blueprint.post("/publications/import/<search_id>")
@login_required
def choose(search_id: str) -> ResponseReturnValue:
    found, person = _search(search_id)
    ticked = [n for n in (whole_number(value) for value in request.form.getlist("work")) if n is not None]
    orcid_import.choose(db(), found, ticked)
    chosen, _ = _search(search_id)
    if not chosen.chosen:
        return render_template("import_results.html", search=chosen, person=person, error=NOTHING_TICKED), 400
    return redirect(url_for("orcid_import.confirm_page", search_id=search_id), code=303)


@blueprint.get("/publications/import/<search_id>/confirm")
@login_required
def confirm_page(search_id: str) -> ResponseReturnValue:
    found, person = _search(search_id)
    if not found.chosen:
        return redirect(url_for("orcid_import.results", search_id=search_id), code=303)
    return render_template("import_confirm.html", search=found, person=person)


@blueprint.post("/publications/import/<search_id>/confirm")
@login_required
def confirm(search_id: str) -> ResponseReturnValue:
    found, person = _search(search_id)
    if not found.chosen:
        return redirect(url_for("orcid_import.results", search_id=search_id), code=303)
    created = orcid_import.confirm(db(), found, person, now_iso())
    count = len(created)
    noun = "publication was" if count == 1 else "publications were"
    flash(f"{count} {noun} imported from ORCID; they are in Entry in progress.", "info")
    return redirect(url_for("publications.publication_list"), code=303)
