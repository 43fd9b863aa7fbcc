"""Auto-update: a new deposit carrying a researcher's iD goes to their ORCID record, if and while they allow it.

With permission (Crossref: granted from the inbox request; DataCite: the auto-update switch on) the registry
adds the work at once, synchronously, so the sandbox stays deterministic. Without it, Crossref puts a permission
request in the researcher's ORCID inbox (once, while unanswered) and keeps the deposit until they answer;
DataCite does nothing. (Real Crossref asks again after 60 days without an answer; the sandbox's clock
stands still, so it does not.) When ORCID refuses the token (401/403: revoked under Trusted parties) the
registry records the refusal and stops trying for that iD: no further calls, no new requests.
"""

from __future__ import annotations

import hashlib
import hmac
import sqlite3
from urllib.parse import urlencode

from orcid_guide.sandbox.registry import orcid_calls, store
from orcid_guide.sandbox.registry.fixtures import DoiRecord
from orcid_guide.sandbox.registry.orcid_work import permission_notice, to_work
from orcid_guide.sandbox.registry.profiles import AUTO_UPDATE_CALLBACK
from orcid_guide.sandbox.registry.settings import RegistrySettings


def permission_state(settings: RegistrySettings, orcid: str) -> str:
    """The OAuth state of an inbox permission request: only this registry can make it, and only for this iD."""
    return hmac.new(settings.secret_key.encode(), f"permission:{orcid}".encode(), hashlib.sha256).hexdigest()[:32]


def authorization_path(settings: RegistrySettings, orcid: str) -> str:
    client = settings.auto_update_client
    query = {
        "client_id": client.client_id,
        "response_type": "code",
        "scope": client.scopes,
        "redirect_uri": settings.base_url + AUTO_UPDATE_CALLBACK,
        "state": permission_state(settings, orcid),
    }
    return "/oauth/authorize?" + urlencode(query)


def push(
    db: sqlite3.Connection, settings: RegistrySettings, record: DoiRecord, permit: store.Permission, now_ms: int
) -> str:
    """Add ``record`` to the record with the researcher's token; the outcome is recorded and returned."""
    try:
        answer = orcid_calls.add_work(settings, permit.access_token, permit.orcid, to_work(record))
    except orcid_calls.OrcidUnavailable:
        store.record_delivery(db, record.doi, permit.orcid, "unavailable", None, now_ms)
        return "unavailable"
    if answer.status == 201:
        outcome = "added"
    elif answer.status == 409:
        outcome = "already-there"
    elif answer.status in (401, 403):
        store.mark_refused(db, permit.orcid, permit.client_id, now_ms)
        outcome = "refused"
    elif answer.status == 404:
        outcome = "not-found"
    else:
        outcome = "unavailable"
    store.record_delivery(db, record.doi, permit.orcid, outcome, answer.status, now_ms)
    return outcome


def _ask(db: sqlite3.Connection, settings: RegistrySettings, record: DoiRecord, orcid: str, now_ms: int) -> str:
    if not store.add_pending(db, orcid, record.doi):
        store.record_delivery(db, record.doi, orcid, "waiting", None, now_ms)
        return "waiting"
    status: int | None = None
    try:
        token = orcid_calls.notification_token(settings, settings.auto_update_client)
        if token is not None:
            notice = permission_notice(record, authorization_path(settings, orcid))
            status = orcid_calls.request_permission(settings, token, orcid, notice).status
    except orcid_calls.OrcidUnavailable:
        status = None
    outcome = {201: "permission-requested", 404: "not-found"}.get(status or 0, "unavailable")
    store.record_delivery(db, record.doi, orcid, outcome, status, now_ms)
    return outcome


def deliver(db: sqlite3.Connection, settings: RegistrySettings, record: DoiRecord, orcid: str, now_ms: int) -> str:
    """What the registry does with a new deposit for one iD it carries."""
    permit = store.permission(db, orcid, settings.auto_update_client.client_id)
    if permit is not None and permit.refused:
        store.record_delivery(db, record.doi, orcid, "stopped", None, now_ms)
        return "stopped"
    if permit is not None and (permit.auto_update or not settings.auto_update_needs_switch):
        return push(db, settings, record, permit, now_ms)
    if settings.asks_through_inbox:
        return _ask(db, settings, record, orcid, now_ms)
    store.record_delivery(db, record.doi, orcid, "no-permission", None, now_ms)
    return "no-permission"


def deliver_pending(db: sqlite3.Connection, settings: RegistrySettings, permit: store.Permission, now_ms: int) -> None:
    """After the researcher granted permission: the deposits that waited for it."""
    for doi in store.take_pending(db, permit.orcid):
        record = store.find(db, doi)
        if record is not None:
            push(db, settings, record, permit, now_ms)


def register(db: sqlite3.Connection, settings: RegistrySettings, record: DoiRecord, now_ms: int) -> dict[str, str]:
    """Store a new deposit, then deliver it to each distinct iD among its contributors."""
    store.insert(db, record)
    orcids = dict.fromkeys(person.orcid for person in record.contributors if person.orcid)
    return {orcid: deliver(db, settings, record, orcid, now_ms) for orcid in orcids}
