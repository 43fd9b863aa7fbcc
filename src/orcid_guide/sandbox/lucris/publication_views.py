"""Dashboard > Publications > Publications: the list, one output's page, its workflow step, the push queue."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from orcid_guide.sandbox.lucris import list_query, orcid_import, orcid_push, outputs, people, selection
from orcid_guide.sandbox.lucris.selection_views import selection_key
from orcid_guide.sandbox.lucris.web_support import db, editor_required, login_required, me, now_iso, settings

blueprint = Blueprint("publications", __name__)


@blueprint.get("/publications")
@login_required
def publication_list() -> ResponseReturnValue:
    query = list_query.parse(db(), request.args)
    author_id = query.author.id if query.author else None
    page = outputs.list_for(db(), me(), offset=query.offset, limit=query.size, author_id=author_id)
    if query.page > list_query.last_page(page.total, query.size):
        return redirect(query.url(page=list_query.last_page(page.total, query.size)))
    return render_template(
        "publications.html",
        page=page,
        query=query,
        last_page=list_query.last_page(page.total, query.size),
        page_sizes=list_query.PAGE_SIZES,
        selected=selection.selected(db(), selection_key()),
        researchers=people.researchers(db()),
    )


def _visible_output(uuid: str) -> outputs.ResearchOutput:
    output = outputs.by_uuid_for(db(), me(), uuid)
    if output is None:
        abort(404, description="There is no publication with this address, or it is not yours to see.")
    return output


@blueprint.get("/publications/<uuid>")
@login_required
def publication(uuid: str) -> ResponseReturnValue:
    output = _visible_output(uuid)
    return render_template(
        "publication.html",
        output=output,
        steps=outputs.WORKFLOW_STEPS,
        pushes=orcid_push.statuses_for(db(), output.id),
        origin=orcid_import.origin_of(db(), output.id),
    )


@blueprint.post("/publications/<uuid>/workflow")
@editor_required
def set_workflow_step(uuid: str) -> ResponseReturnValue:
    output = _visible_output(uuid)
    step = request.form.get("step", "")
    if step not in outputs.WORKFLOW_STEPS:
        abort(400, description="Choose one of the workflow steps: Entry in progress, For validation or Validated.")
    outputs.set_workflow_step(db(), output.id, step)
    flash(f"Workflow step set to {outputs.WORKFLOW_STEPS[step]}.", "info")
    if step == "validated" and output.workflow_step != "validated":
        updated = outputs.by_id(db(), output.id)
        assert updated is not None
        orcid_push.queue_on_validation(db(), updated, now_iso())
        orcid_push.run_pending(db(), settings(), now_iso())
    return redirect(url_for("publications.publication", uuid=uuid), code=303)


@blueprint.get("/admin/push")
@editor_required
def push_queue() -> ResponseReturnValue:
    return render_template("push_queue.html", pending=orcid_push.pending_count(db()))


@blueprint.post("/admin/push")
@editor_required
def run_push_queue() -> ResponseReturnValue:
    sent = orcid_push.run_pending(db(), settings(), now_iso())
    left = orcid_push.pending_count(db())
    flash(f"Sent to ORCID: {sent}. Still waiting: {left}.", "info")
    return redirect(url_for("publications.push_queue"), code=303)
