"""The registry's pages (Search & Link: sign in with ORCID, find your works, add them; DataCite's auto-update
switch), the answer to Crossref's inbox permission request, and the deposit endpoint publishers use."""

from __future__ import annotations

import hmac
import json
import secrets
from urllib.parse import urlencode

from flask import Blueprint, Response, abort, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue

from orcid_guide.sandbox.json_body import BadJson, read_json
from orcid_guide.sandbox.registry import auto_update, orcid_calls, store
from orcid_guide.sandbox.registry.deposits import BadDeposit, parse_deposit
from orcid_guide.sandbox.registry.fixtures import DoiRecord
from orcid_guide.sandbox.registry.profiles import AUTO_UPDATE_CALLBACK, SEARCH_CALLBACK, WIZARD_START
from orcid_guide.sandbox.registry.settings import OrcidClient
from orcid_guide.sandbox.registry.web import db, now_ms, settings

blueprint = Blueprint("registry", __name__)

_STATE_KEY = "orcid_state"
_ORCID_KEY = "orcid"

OUTCOME_TEXT = {
    "added": "Added to your ORCID record",
    "already-there": "Already in your ORCID record",
    "refused": "ORCID refused: the permission was withdrawn",
    "not-found": "ORCID does not know this ORCID iD",
    "unavailable": "ORCID could not be reached; try again later",
}


def _signed_in() -> store.Permission | None:
    orcid = session.get(_ORCID_KEY)
    if not isinstance(orcid, str):
        return None
    return store.permission(db(), orcid, settings().search_client.client_id)


def _orcid_page(path: str) -> str:
    return settings().orcid_url + path


@blueprint.get("/")
def home() -> ResponseReturnValue:
    if _signed_in() is not None:
        return redirect(url_for("registry.search"))
    return render_template("registry_home.html")


@blueprint.get(WIZARD_START)
def start() -> ResponseReturnValue:
    """Where ORCID's Search & Link card sends the researcher: straight on to ORCID's authorize screen."""
    client = settings().search_client
    state = secrets.token_urlsafe(16)
    session[_STATE_KEY] = state
    query = {
        "client_id": client.client_id,
        "response_type": "code",
        "scope": client.scopes,
        "redirect_uri": settings().base_url + SEARCH_CALLBACK,
        "state": state,
    }
    return redirect(_orcid_page("/oauth/authorize?" + urlencode(query)))


def _exchange(client_redirect: str, client: OrcidClient) -> orcid_calls.Grant:
    code = request.args.get("code", "")
    try:
        grant = (
            orcid_calls.exchange_code(settings(), client, code, settings().base_url + client_redirect) if code else None
        )
    except orcid_calls.OrcidUnavailable:
        abort(502, description="ORCID could not be reached; try again from ORCID in a moment.")
    if grant is None:
        abort(400, description="ORCID did not accept this sign-in; start again from ORCID.")
    return grant


def _keep(grant: orcid_calls.Grant, client: OrcidClient) -> store.Permission:
    """Store the researcher's grant for ``client`` (a fresh grant ends an earlier refusal)."""
    store.save_permission(
        db(),
        orcid=grant.orcid,
        client_id=client.client_id,
        access_token=grant.access_token,
        scope=grant.scope,
        name=grant.name,
        now_ms=now_ms(),
    )
    permit = store.permission(db(), grant.orcid, client.client_id)
    assert permit is not None
    return permit


@blueprint.get(SEARCH_CALLBACK)
def callback() -> ResponseReturnValue:
    expected = session.pop(_STATE_KEY, None)
    if not isinstance(expected, str) or not hmac.compare_digest(
        expected.encode(), request.args.get("state", "").encode()
    ):
        abort(400, description="This sign-in link has expired; start again from ORCID.")
    if request.args.get("error"):
        # Deny access on ORCID: back to the record, as ORCID's wizards do.
        return redirect(_orcid_page("/my-orcid"))
    client = settings().search_client
    grant = _exchange(SEARCH_CALLBACK, client)
    _keep(grant, client)
    session[_ORCID_KEY] = grant.orcid
    return redirect(url_for("registry.search"), code=303)


@blueprint.get("/search")
def search() -> ResponseReturnValue:
    """The works whose contributors the name could be: the researcher's name from ORCID unless they type another."""
    permit = _signed_in()
    if permit is None:
        return redirect(url_for("registry.home"))
    query = request.args.get("q", permit.name).strip()[:200]
    return render_template(
        "registry_search.html",
        me=permit,
        query=query,
        found=store.search(db(), query),
        auto_update=store.permission(db(), permit.orcid, settings().auto_update_client.client_id),
        orcid_record=_orcid_page("/my-orcid"),
    )


@blueprint.post("/orcid/add")
def add() -> ResponseReturnValue:
    """Add the works the researcher ticked; a DOI this client added before (ORCID's 409) is simply 'already in'."""
    permit = _signed_in()
    if permit is None:
        return redirect(url_for("registry.home"))
    outcomes: list[tuple[DoiRecord, str]] = []
    for doi in dict.fromkeys(request.form.getlist("doi")):
        record = store.find(db(), doi)
        if record is None:
            abort(400, description=f"{doi} is not registered here.")
        outcomes.append((record, auto_update.push(db(), settings(), record, permit, now_ms())))
    return render_template(
        "registry_added.html",
        chosen=outcomes,
        outcome_text=OUTCOME_TEXT,
        auto_update=store.permission(db(), permit.orcid, settings().auto_update_client.client_id),
        orcid_record=_orcid_page("/my-orcid"),
    )


@blueprint.post("/auto-update")
def switch_auto_update() -> ResponseReturnValue:
    """DataCite's switch: from now on, add new DOIs carrying my iD to my ORCID record by themselves."""
    permit = _signed_in()
    if permit is None or not settings().auto_update_needs_switch:
        abort(404, description="There is no auto-update switch here.")
    store.set_auto_update(db(), permit.orcid, permit.client_id, request.form.get("auto_update") == "on")
    query = request.form.get("q", "").strip()
    return redirect(url_for("registry.search", q=query) if query else url_for("registry.search"), code=303)


@blueprint.get(AUTO_UPDATE_CALLBACK)
def auto_update_callback() -> ResponseReturnValue:
    """Back from "Grant permission" in the ORCID inbox: keep the token, add the works that waited for it."""
    if not settings().asks_through_inbox:
        abort(404)
    if request.args.get("error"):
        return redirect(_orcid_page("/inbox"))
    client = settings().auto_update_client
    grant = _exchange(AUTO_UPDATE_CALLBACK, client)
    # The state names the iD the request was sent to; a grant for another iD is not what was asked for.
    if not hmac.compare_digest(
        auto_update.permission_state(settings(), grant.orcid).encode(), request.args.get("state", "").encode()
    ):
        abort(400, description="This permission link was not meant for this ORCID record.")
    permit = _keep(grant, client)
    auto_update.deliver_pending(db(), settings(), permit, now_ms())
    return redirect(_orcid_page("/my-orcid"))


def json_answer(data: object, status: int) -> Response:
    return Response(json.dumps(data), status=status, mimetype="application/json")


def _depositor_problem() -> tuple[str, int] | None:
    """Why this request may not deposit (sentence, status), or None: the depositor's account, a JSON body,
    and not from a page on another site (a browser sends Origin with every cross-site POST)."""
    origin = request.headers.get("Origin")
    if origin is not None and origin.rstrip("/") != settings().base_url:
        return "Deposits from pages on another site are refused.", 403
    given = request.authorization
    account = settings()
    if (
        given is None
        or given.type != "basic"
        or not hmac.compare_digest((given.username or "").encode(), account.depositor.encode())
        or not hmac.compare_digest((given.password or "").encode(), account.depositor_password.encode())
    ):
        return "A deposit needs the depositor's account (HTTP Basic: depositor name and password).", 401
    if request.mimetype != "application/json":
        return "A deposit is a JSON body sent as Content-Type: application/json.", 415
    return None


@blueprint.post("/deposits")
def deposit_api() -> Response:
    """A publisher's deposit: register the DOI, then deliver it to each iD it carries (auto-update)."""
    problem = _depositor_problem()
    if problem is not None:
        answer = json_answer({"error": problem[0]}, problem[1])
        if problem[1] == 401:
            answer.headers["WWW-Authenticate"] = f'Basic realm="{settings().title} deposits"'
        return answer
    try:
        record = parse_deposit(read_json(request.get_data(as_text=True)), settings().work_types)
    except BadJson as bad:
        return json_answer({"error": f"The deposit is not usable: {bad}."}, 400)
    except BadDeposit as bad:
        return json_answer({"error": str(bad)}, 400)
    if store.find(db(), record.doi) is not None:
        return json_answer({"error": f"{record.doi} is registered already."}, 409)
    outcomes = auto_update.register(db(), settings(), record, now_ms())
    return json_answer({"doi": record.doi, "deliveries": outcomes}, 201)


@blueprint.get("/deposits/<path:doi>")
def deposit_status(doi: str) -> Response:
    record = store.find(db(), doi)
    if record is None:
        return json_answer({"error": f"{doi} is not registered here."}, 404)
    deliveries = [
        {"orcid": d.orcid, "outcome": d.outcome, "http-status": d.http_status} for d in store.deliveries(db(), doi=doi)
    ]
    return json_answer({"doi": record.doi, "title": record.title, "deliveries": deliveries}, 200)


@blueprint.route("/deposit", methods=["GET", "POST"])
def deposit_page() -> ResponseReturnValue:
    """A small page for library staff trying the flows by hand: register a DOI as a publisher would."""
    form = request.form if request.method == "POST" else {}
    error, outcomes = "", {}
    if request.method == "POST":
        data = {key: form.get(key, "") for key in ("doi", "title", "type", "container", "publisher", "year")}
        person = {key: form.get(key, "") for key in ("given", "family", "orcid")}
        try:
            # Staff deposit as the publisher would, so the page asks for the same password the API does.
            if not hmac.compare_digest(
                form.get("depositor_password", "").encode(), settings().depositor_password.encode()
            ):
                raise BadDeposit("The depositor password is not right; `orcid-guide sandbox` prints it.")
            record = parse_deposit({**data, "contributors": [person]}, settings().work_types)
            if store.find(db(), record.doi) is not None:
                raise BadDeposit(f"{record.doi} is registered already.")
        except BadDeposit as bad:
            error = str(bad)
        else:
            outcomes = auto_update.register(db(), settings(), record, now_ms())
    return render_template("registry_deposit.html", form=form, error=error, outcomes=outcomes)
