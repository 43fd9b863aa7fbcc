"""Works > Add > "Add BibTeX": the "Works - Import BibTeX" dialog, its preview and the import.

ORCID parses the file in the browser; the emulator reads it on the server with bibtexparser and keeps the
preview for the session, so the page is plain HTML with a little script for the file chooser and Select all.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, current_app, redirect, render_template, request, url_for
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.wrappers import Response as BaseResponse

from orcid_guide.bibtex.orcid_mapping import MappedEntry
from orcid_guide.sandbox.orcid.bibtex_import import (
    FileRefused,
    Preview,
    discard_draft,
    import_works,
    load_draft,
    read_preview,
    save_draft,
)
from orcid_guide.sandbox.orcid.request_context import db, now_ms
from orcid_guide.sandbox.orcid.signin_state import current_user, signin_required
from orcid_guide.sandbox.orcid.works_view import TYPE_LABELS, publication_date
from orcid_guide.sandbox.whole_numbers import whole_number

blueprint = Blueprint("bibtex", __name__)

TITLE = "Works - Import BibTeX"
NOTHING_SELECTED = "You haven\u2019t selected any items to import."
# What the record shows an identifier as, as ORCID's display-external-ids does.
_ID_LABELS = {"doi": "DOI", "pmid": "PMID", "arxiv": "arXiv", "isbn": "ISBN", "issn": "ISSN", "uri": "URI"}


@dataclass(frozen=True)
class PreviewRow:
    """One line of "Works found in BibTeX": ``index`` is what its checkbox sends; None when it cannot be imported."""

    index: int | None
    title: str
    journal: str
    date: str
    type_label: str
    ids: tuple[tuple[str, str, str], ...]  # label, value, link
    url: str
    reason: str
    notes: tuple[str, ...]


def _row(index: int, entry: MappedEntry) -> PreviewRow:
    work = entry.work
    if work is None:
        where = f"Entry {entry.key} (line {entry.line})" if entry.key else f"Entry on line {entry.line}"
        notes = (where, *entry.notes) if entry.title else entry.notes
        return PreviewRow(None, entry.title or where, "", "", "", (), "", entry.reason, notes)
    return PreviewRow(
        index=index,
        title=work.title,
        journal=work.journal_title,
        date=publication_date(work.year, work.month, None),
        type_label=TYPE_LABELS.get(work.type, work.type.replace("-", " ").capitalize()),
        ids=tuple((_ID_LABELS.get(i.type, i.type), i.value, i.url) for i in work.external_ids if i.type != "uri"),
        url=work.url,
        reason="",
        notes=entry.notes,
    )


def _render_preview(preview: Preview, error: str = "", status: int = 200) -> tuple[str, int]:
    rows = [_row(index, entry) for index, entry in enumerate(preview.entries)]
    return (
        render_template(
            "bibtex_import.html",
            title=TITLE,
            preview=preview,
            rows=rows,
            problems=[str(problem) for problem in preview.problems],
            importable=len(preview.importable),
            error=error,
        ),
        status,
    )


@blueprint.errorhandler(RequestEntityTooLarge)
def too_large(error: RequestEntityTooLarge) -> tuple[str, int]:
    # Werkzeug refuses the body before the view reads it; say so in the dialog instead of a bare 413 page.
    limit = current_app.config["MAX_CONTENT_LENGTH"] // (1024 * 1024)
    message = f"This file is larger than {limit} MB; split it into smaller files and import them one by one."
    return render_template("bibtex_import.html", title=TITLE, preview=None, error=message), 413


@blueprint.get("/works/bibtex")
@signin_required
def dialog() -> str:
    return render_template("bibtex_import.html", title=TITLE, preview=None)


@blueprint.post("/works/bibtex")
@signin_required
def upload() -> tuple[str, int] | BaseResponse:
    user = current_user()
    assert user is not None
    data = b""
    upload = request.files.get("bibtex")
    if upload is not None:
        # A large upload is spooled to a temporary file: close it now rather than whenever it is collected.
        try:
            data = upload.read()
        finally:
            upload.close()
    try:
        preview = read_preview(data)
    except FileRefused as refused:
        page = render_template(
            "bibtex_import.html", title=TITLE, preview=None, error=refused.message, details=refused.details
        )
        return page, 422
    save_draft(db(), user.orcid, preview, now_ms=now_ms())
    return redirect(url_for("bibtex.preview"), code=303)


@blueprint.get("/works/bibtex/preview")
@signin_required
def preview() -> tuple[str, int] | BaseResponse:
    user = current_user()
    assert user is not None
    draft = load_draft(db(), user.orcid)
    if draft is None:
        return redirect(url_for("bibtex.dialog"))
    return _render_preview(draft)


@blueprint.post("/works/bibtex/preview")
@signin_required
def decide() -> tuple[str, int] | BaseResponse:
    user = current_user()
    assert user is not None
    if request.form.get("action") == "cancel":
        discard_draft(db())
        return redirect(url_for("record.my_orcid"), code=303)
    draft = load_draft(db(), user.orcid)
    if draft is None:
        # Imported or cancelled in another tab, or the session changed: nothing is left to import.
        return redirect(url_for("bibtex.dialog"), code=303)
    importable = set(draft.importable)
    if request.form.get("select_all"):
        chosen = sorted(importable)
    else:
        # whole_number, not int: int() gives up on thousands of digits with an error of its own.
        picked = {number for value in request.form.getlist("work") if (number := whole_number(value)) is not None}
        chosen = sorted(picked & importable)
    if not chosen:
        return _render_preview(draft, NOTHING_SELECTED, 400)
    import_works(db(), user, draft, chosen, now_ms=now_ms())
    return redirect(url_for("record.my_orcid"), code=303)
