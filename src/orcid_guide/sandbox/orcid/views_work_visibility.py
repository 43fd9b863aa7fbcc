"""The owner's visibility controls on /my-orcid: the selector on each work and Actions > "Set visibility for
selected works" (the dialog "Set visibility selected works"). Both save at once, as ORCID's do."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Blueprint, abort, redirect, request, url_for
from werkzeug.wrappers import Response as BaseResponse

from orcid_guide.sandbox.orcid.accounts import VISIBILITIES
from orcid_guide.sandbox.orcid.request_context import db, now_ms
from orcid_guide.sandbox.orcid.signin_state import current_user, signin_required
from orcid_guide.sandbox.orcid.views_record import render_record
from orcid_guide.sandbox.orcid.works_store import NotOnRecord, set_visibility
from orcid_guide.sandbox.orcid.works_view import works_for, works_panel
from orcid_guide.sandbox.whole_numbers import whole_number

blueprint = Blueprint("visibility", __name__)

NOTHING_SELECTED = "Select one or more works first, then choose an action."
NO_VISIBILITY = "Choose who can see the selected works."


def _owner() -> str:
    user = current_user()
    assert user is not None
    return user.orcid


def _chosen_visibility() -> str:
    visibility = request.form.get("visibility", "")
    if visibility not in VISIBILITIES:
        abort(400, description="Choose one of Everyone, Trusted Parties or Only me.")
    return visibility


def _put_codes(values: list[str]) -> list[int]:
    numbers = [whole_number(value) for value in values]
    if None in numbers:
        abort(400, description="The selected works were not sent correctly. Go back, reload the page and try again.")
    return [number for number in numbers if number is not None]


def _paging(values: Mapping[str, str]) -> dict[str, Any]:
    """The page and page size of the Works panel a form was sent from, to return to it."""
    paging: dict[str, Any] = {}
    for name in ("page", "size"):
        text = values.get(name, "")
        if not text:
            continue
        number = whole_number(text, 1, 1_000_000)
        if number is None:
            # Checked before anything is saved: a refused request changes nothing.
            abort(400, description="The page of works was not sent correctly. Go back, reload the page and try again.")
        paging[name] = number
    return paging


def _save(put_codes: list[int], visibility: str) -> None:
    try:
        set_visibility(db(), _owner(), put_codes, visibility, now_ms=now_ms())
    except NotOnRecord:
        abort(404, description="One of these works is not on your record; nothing has been changed.")


@blueprint.post("/my-orcid/works/<put_code:put_code>/visibility")
@signin_required
def set_work_visibility(put_code: int) -> BaseResponse:
    # Back to the page of the Works panel the selector was on (its form's action carries page and size).
    paging = _paging(request.args)
    # On a work with other versions the control sets the whole group, as ORCID's does for a stack.
    _save([put_code, *_put_codes(request.form.getlist("stack"))], _chosen_visibility())
    return redirect(url_for("record.my_orcid", **paging, _anchor=f"work-{put_code}"), code=303)


@blueprint.get("/my-orcid/works/set-visibility")
@signin_required
def selected_works_dialog() -> str | BaseResponse:
    if request.args.get("all") == "1":
        # Select all ticks every version on the page being shown, as ORCID's selects that page's works.
        panel = works_panel(db(), _owner(), owner=True, args=request.args)
        works = [work for group in panel.groups for work in group.versions]
    else:
        chosen = set(_put_codes(request.args.getlist("put_code")))
        works = [work for work in works_for(db(), _owner(), owner=True) if work.put_code in chosen]
    if not works:
        return render_record(notice=NOTHING_SELECTED)
    return render_record(dialog_works=works)


@blueprint.post("/my-orcid/works/set-visibility")
@signin_required
def set_selected_visibility() -> str | BaseResponse:
    put_codes = _put_codes(request.form.getlist("put_code"))
    if not put_codes:
        return render_record(notice=NOTHING_SELECTED)
    if request.form.get("visibility", "") not in VISIBILITIES:
        chosen = set(put_codes)
        works = [work for work in works_for(db(), _owner(), owner=True) if work.put_code in chosen]
        return render_record(dialog_works=works, dialog_error=NO_VISIBILITY)
    paging = _paging(request.form)
    _save(put_codes, _chosen_visibility())
    return redirect(url_for("record.my_orcid", **paging), code=303)
