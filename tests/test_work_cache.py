"""Reused work reads (work_cache.py): every write is seen on the next read, and each viewer still sees only what
they may see, whoever read the record before them."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from orcid_guide.sandbox.orcid.database import connect, transaction
from orcid_guide.sandbox.orcid.demo_data import EVA
from orcid_guide.sandbox.orcid.request_context import SETTINGS_KEY
from orcid_guide.sandbox.orcid.settings import ClientRegistration
from orcid_guide.sandbox.orcid.work_cache import cached_record, kept_record
from orcid_guide.sandbox.orcid.works_store import NewWork, Source, insert_work
from tests.helpers.orcid_forms import grant_token, make_app, sign_in

MEMBER = ClientRegistration(
    "APP-TEST0CLIENT0001", "a-very-long-client-secret", "Test Member", ("http://127.0.0.1:9/back",), member=True
)
JSON_TYPE = "application/vnd.orcid+json"
LIMITED = "Protocol for long-term peat soil sampling (draft)"
PRIVATE = "Field notes, Nieuwkoopse Plassen 2022"
PUBLIC = "Material flow analysis"

pytestmark = pytest.mark.orcid_settings(clients=(MEMBER,))


def _sql(app: Flask, statement: str, *args: object) -> None:
    """A write from outside the app, as a test or a person with the sqlite3 shell would make it."""
    db = sqlite3.connect(app.config[SETTINGS_KEY].database)
    with db:
        db.execute(statement, args)
    db.close()


def _token(app: Flask, scope: str) -> str:
    grant = grant_token(app, EVA.email, EVA.password, MEMBER.client_id, MEMBER.secret, MEMBER.redirect_uris[0], scope)
    return str(grant["access_token"])


def _works(client: FlaskClient, token: str = "") -> dict[str, Any]:
    headers = {"Accept": JSON_TYPE, **({"Authorization": f"Bearer {token}"} if token else {})}
    answer = client.get(f"/v3.0/{EVA.orcid}/works", headers=headers)
    assert answer.status_code == 200
    result: dict[str, Any] = answer.get_json()
    return result


def _titles(works: dict[str, Any]) -> set[str]:
    return {s["title"]["title"]["value"] for g in works["group"] for s in g["work-summary"]}


def _put_code(app: Flask, title: str) -> int:
    db = sqlite3.connect(app.config[SETTINGS_KEY].database)
    (code,) = db.execute("SELECT put_code FROM works WHERE title = ?", (title,)).fetchone()
    db.close()
    return int(code)


def _new_work(title: str, doi: str) -> dict[str, Any]:
    return {
        "title": {"title": {"value": title}},
        "type": "journal-article",
        "external-ids": {
            "external-id": [{"external-id-type": "doi", "external-id-value": doi, "external-id-relationship": "self"}]
        },
    }


def test_every_write_is_seen_on_the_next_read(app: Flask) -> None:
    api = app.test_client()
    _sql(app, "UPDATE users SET default_visibility = 'public' WHERE orcid = ?", EVA.orcid)
    token = _token(app, "/read-limited /activities/update")
    write = {"Authorization": f"Bearer {token}", "Content-Type": JSON_TYPE, "Accept": JSON_TYPE}
    before = _titles(_works(api))
    assert _titles(_works(api)) == before  # read twice: the second one from the cache

    added = api.post(f"/v3.0/{EVA.orcid}/work", data=json.dumps(_new_work("Cached?", "10.5555/c.1")), headers=write)
    assert added.status_code == 201
    put_code = int(added.headers["Location"].rsplit("/", 1)[1])
    assert _titles(_works(api)) == before | {"Cached?"}

    changed = {**_new_work("Not cached", "10.5555/c.1"), "put-code": put_code}
    assert api.put(f"/v3.0/{EVA.orcid}/work/{put_code}", data=json.dumps(changed), headers=write).status_code == 200
    assert _titles(_works(api)) == before | {"Not cached"}
    assert api.get(f"/v3.0/{EVA.orcid}/work/{put_code}", headers={"Accept": JSON_TYPE}).status_code == 200

    # Writes from outside the app count too, also to a work's identifiers alone.
    _sql(app, "UPDATE work_external_ids SET value = '10.5555/c.2' WHERE put_code = ?", put_code)
    assert "10.5555/c.2" in json.dumps(_works(api))
    _sql(app, "UPDATE works SET visibility = 'private' WHERE put_code = ?", put_code)
    assert _titles(_works(api)) == before
    assert api.get(f"/v3.0/{EVA.orcid}/work/{put_code}", headers={"Accept": JSON_TYPE}).status_code == 404

    assert api.delete(f"/v3.0/{EVA.orcid}/work/{put_code}", headers=write).status_code == 204
    assert _titles(_works(api, token)) == before | {LIMITED}


def test_a_source_name_follows_the_names_visibility_of_its_person(app: Flask) -> None:
    api = app.test_client()

    def source_names() -> set[str | None]:
        summaries = [s for g in _works(api)["group"] for s in g["work-summary"] if s["source"]["source-orcid"]]
        return {(s["source"]["source-name"] or {}).get("value") for s in summaries}

    assert source_names() == {EVA.name}
    # Only a row of users changes, no work: the next read still shows no name for a source whose name is hidden.
    _sql(app, "UPDATE users SET names_visibility = 'private' WHERE orcid = ?", EVA.orcid)
    assert source_names() == {None}


def _everyone_sees_only_their_share(app: Flask, owner: FlaskClient, public_token: str, limited_token: str) -> None:
    api = app.test_client()
    mine = _owner_page(owner)
    assert PUBLIC in mine and LIMITED in mine and PRIVATE in mine
    for token in ("", public_token):
        titles = _titles(_works(api, token))
        assert PUBLIC in titles and LIMITED not in titles and PRIVATE not in titles
    trusted = _titles(_works(api, limited_token))
    assert PUBLIC in trusted and LIMITED in trusted and PRIVATE not in trusted
    page = api.get(f"/{EVA.orcid}").text
    assert PUBLIC in page and LIMITED not in page and PRIVATE not in page
    hidden = [_put_code(app, LIMITED), _put_code(app, PRIVATE)]
    for put_code in hidden:
        assert api.get(f"/v3.0/{EVA.orcid}/work/{put_code}", headers={"Accept": JSON_TYPE}).status_code == 404
    bulk = api.get(f"/v3.0/{EVA.orcid}/works/{hidden[0]},{hidden[1]}", headers={"Accept": JSON_TYPE}).get_json()
    assert [set(item) for item in bulk["bulk"]] == [{"error"}, {"error"}]


def _owner_page(owner: FlaskClient) -> str:
    return owner.get("/my-orcid").text


@pytest.mark.parametrize("first", ["owner's page", "anyone's API read", "trusted API read"])
def test_each_viewer_sees_only_their_share_whoever_read_before(app: Flask, first: str) -> None:
    owner = app.test_client()
    sign_in(owner, EVA.email, EVA.password)
    public_token = _token(app, "/activities/update")  # a token without /read-limited sees public works only
    limited_token = _token(app, "/read-limited")
    if first == "owner's page":
        assert PRIVATE in _owner_page(owner)
    else:
        _works(app.test_client(), limited_token if first == "trusted API read" else "")
        # The whole record is kept now, so the pages below use that read too.
        db = connect(app.config[SETTINGS_KEY].database)
        assert kept_record(db, EVA.orcid) is not None
        db.close()
    _everyone_sees_only_their_share(app, owner, public_token, limited_token)


def test_a_change_never_committed_is_never_reused(app: Flask) -> None:
    path = app.config[SETTINGS_KEY].database
    writer, reader = connect(path), connect(path)
    try:
        before = {work.title for work in cached_record(reader, EVA.orcid).works}
        with pytest.raises(RuntimeError), transaction(writer):
            new = NewWork("Rolled back", "journal-article", "public")
            insert_work(writer, EVA.orcid, new, Source(EVA.name, orcid=EVA.orcid), now_ms=0)
            # Inside its transaction the writer sees its own work; nothing of it may outlive the rollback.
            assert "Rolled back" in {work.title for work in cached_record(writer, EVA.orcid).works}
            raise RuntimeError("the view failed after the insert")
        # One committed change of one row raises the count to what it was inside the rolled-back transaction.
        writer.execute("UPDATE works SET title = 'Committed' WHERE title = ?", (PUBLIC,))
        after = before - {PUBLIC} | {"Committed"}
        assert {work.title for work in cached_record(writer, EVA.orcid).works} == after
        assert {work.title for work in cached_record(reader, EVA.orcid).works} == after
    finally:
        writer.close()
        reader.close()


def test_a_new_file_at_the_same_path_is_read_afresh(tmp_path: Path) -> None:
    first = make_app(tmp_path)
    path = first.config[SETTINGS_KEY].database
    _sql(first, "UPDATE works SET title = 'In the first file' WHERE title = ?", PUBLIC)
    assert "In the first file" in _titles(_works(first.test_client()))
    for part in ("", "-wal", "-shm"):
        Path(f"{path}{part}").unlink(missing_ok=True)
    # The same fixtures and the same one change: the new file has made as many changes as the old one.
    second = make_app(tmp_path)
    _sql(second, "UPDATE works SET title = 'In the second file' WHERE title = ?", PUBLIC)
    titles = _titles(_works(second.test_client()))
    assert "In the second file" in titles and "In the first file" not in titles
