"""Set Personal Preferences > More > Research Profile: the ORCID iD under "Research identifiers".

The iD can be typed (checked with its check digit) or found with "Lookup ORCID", which asks ORCID's public
expanded search for the researcher's name over HTTP; "Show" fetches one record's public data, "+" saves it.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from orcid_guide import orcid_id
from orcid_guide.sandbox.lucris import orcid_client, people
from orcid_guide.sandbox.lucris.web_support import db, login_required, me, settings

blueprint = Blueprint("profile", __name__)

UNREACHABLE = (
    "ORCID could not be reached, so LUCRIS could not look up your ORCID iD. Nothing has changed; "
    "try again later, or type your iD in the ORCID field."
)

# A timeout is not "unreachable": ORCID was there but slow (a record of thousands of works, a busy ORCID).
TOO_SLOW = (
    "ORCID took too long to answer, so LUCRIS could not look up your ORCID iD. Nothing has changed; "
    "try again later, or type your iD in the ORCID field."
)


@dataclass(frozen=True)
class Lookup:
    """What "Lookup ORCID" found, and the one record "Show" opened, if any."""

    matches: list[orcid_client.SearchMatch]
    error: str | None = None
    shown: orcid_client.SearchMatch | None = None
    shown_id: str | None = None
    shown_works: list[orcid_client.WorkSummary] | None = None
    shown_error: str | None = None


@blueprint.get("/preferences")
@login_required
def preferences() -> ResponseReturnValue:
    return render_template("preferences.html", area="personal")


def _lookup(person: people.Person, show: str | None) -> Lookup:
    timeout = settings().orcid_timeout
    try:
        matches = orcid_client.search_by_name(
            settings().orcid_url, person.first_name, person.last_name, timeout=timeout
        )
    except orcid_client.OrcidTooSlow:
        return Lookup(matches=[], error=TOO_SLOW)
    except orcid_client.OrcidError:
        return Lookup(matches=[], error=UNREACHABLE)
    if show is None:
        return Lookup(matches=matches)
    if orcid_id.problem(show):
        return Lookup(matches=matches, shown_id=show, shown_error="That is not an ORCID iD LUCRIS can show.")
    shown_id = orcid_id.normalize(show)
    try:
        shown = next((m for m in matches if m.orcid_id == shown_id), None) or orcid_client.find_by_id(
            settings().orcid_url, shown_id, timeout=timeout
        )
        works = orcid_client.public_works(settings().orcid_url, shown_id, timeout=timeout)
    except orcid_client.OrcidRejected:
        return Lookup(matches=matches, shown_id=shown_id, shown_error="ORCID has no public record with this iD.")
    except orcid_client.OrcidTooSlow:
        return Lookup(matches=matches, shown_id=shown_id, shown_error=TOO_SLOW)
    except orcid_client.OrcidError:
        return Lookup(matches=matches, shown_id=shown_id, shown_error=UNREACHABLE)
    return Lookup(matches=matches, shown=shown, shown_id=shown_id, shown_works=works)


def _render_profile(*, typed: str | None = None, error: str | None = None, status: int = 200) -> ResponseReturnValue:
    person = me()
    lookup = None
    if request.args.get("lookup"):
        lookup = _lookup(person, request.args.get("show"))
    value = typed if typed is not None else (person.orcid_id or "")
    return (
        render_template("research_profile.html", area="research-profile", value=value, error=error, lookup=lookup),
        status,
    )


@blueprint.get("/preferences/research-profile")
@login_required
def research_profile() -> ResponseReturnValue:
    return _render_profile()


@blueprint.post("/preferences/research-profile")
@login_required
def save_orcid_id() -> ResponseReturnValue:
    person = me()
    typed = request.form.get("orcid", "")
    if not typed.strip():
        if person.orcid_connected:
            return _render_profile(
                typed="",
                error="Your LUCRIS account is connected to ORCID with this iD; "
                "disconnect it under My Settings before you remove the iD.",
            )
        people.set_orcid_id(db(), person.id, None)
        flash("Your ORCID iD has been removed from your research profile.", "info")
        return redirect(url_for("profile.research_profile", _anchor="research-identifiers"), code=303)
    problem = orcid_id.problem(typed)
    if problem:
        return _render_profile(typed=typed, error=f"{problem} Your research profile has not been changed.")
    value = orcid_id.normalize(typed)
    if person.orcid_connected and value != person.orcid_id:
        return _render_profile(
            typed=typed,
            error=f"Your LUCRIS account is connected to ORCID with iD {person.orcid_id}; "
            "disconnect it under My Settings before you enter another iD.",
        )
    people.set_orcid_id(db(), person.id, value)
    flash(f"Your ORCID iD {value} has been saved on your research profile.", "info")
    return redirect(url_for("profile.research_profile", _anchor="research-identifiers"), code=303)
