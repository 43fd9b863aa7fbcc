"""The emulator's API v3.0: search, visibility on reads, the member API's work writes, grouping, and the wire."""

from __future__ import annotations

import http.cookiejar
import json
import re
import sqlite3
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from orcid_guide.sandbox.launcher import LUCRIS_CLIENT_ID, LUCRIS_CLIENT_SECRET, RunningSandbox
from orcid_guide.sandbox.orcid.demo_data import CARBERRY, DAAN, EVA, EVA_NAMESAKE
from orcid_guide.sandbox.orcid.request_context import SETTINGS_KEY
from orcid_guide.sandbox.orcid.settings import ClientRegistration
from orcid_guide.sandbox.orcid.works_store import NewWork, Source, add_work
from tests.helpers.orcid_forms import grant_token, sign_in

CALLBACK = "http://127.0.0.1:9/orcid/callback"
LUCRIS = ClientRegistration(
    "APP-TEST0CLIENT0001", "a-very-long-client-secret", "LUCRIS - Leiden University", (CALLBACK,), member=True
)
OTHER = ClientRegistration(
    "APP-TEST0CLIENT0002", "another-long-secret", "Other Member", ("http://127.0.0.1:8/back",), member=True
)
WRITE = "/read-limited /activities/update"
ORCID_JSON = "application/vnd.orcid+json"
EVA_PUBLIC = {
    "Seasonal dynamics of soil microbial communities in Dutch peat meadows",
    "Citizen science monitoring of urban pollinators in Leiden",
    "Peat meadow restoration: lessons from twenty years of rewetting",
    "Material flow analysis",
}
EVA_LIMITED = "Protocol for long-term peat soil sampling (draft)"
EVA_PRIVATE = "Field notes, Nieuwkoopse Plassen 2022"


pytestmark = pytest.mark.orcid_settings(clients=(LUCRIS, OTHER))


def _token(app: Flask, who: Any, client: ClientRegistration = LUCRIS, scope: str = WRITE) -> str:
    token = grant_token(app, who.email, who.password, client.client_id, client.secret, client.redirect_uris[0], scope)
    return str(token["access_token"])


def _public_token(client: FlaskClient) -> str:
    answer = client.post(
        "/oauth/token",
        data={
            "client_id": LUCRIS.client_id,
            "client_secret": LUCRIS.secret,
            "grant_type": "client_credentials",
            "scope": "/read-public",
        },
    )
    return str(answer.get_json()["access_token"])


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", "Accept": ORCID_JSON}


def _sql(app: Flask, statement: str, *args: object) -> None:
    db = sqlite3.connect(app.config[SETTINGS_KEY].database)
    with db:
        db.execute(statement, args)
    db.close()


def _titles(works: dict[str, Any]) -> list[str]:
    return [s["title"]["title"]["value"] for g in works["group"] for s in g["work-summary"]]


def a_work(
    doi: str = "10.5555/new.work.2025", title: str = "A new work", fields: dict[str, Any] | None = None, **extra: Any
) -> dict[str, Any]:
    """A work as a member client posts it; ``fields`` (names with a hyphen) and ``extra`` replace its own."""
    work: dict[str, Any] = {
        "title": {"title": {"value": title}},
        "type": "journal-article",
        "publication-date": {"year": {"value": "2025"}, "month": {"value": "03"}},
        "journal-title": {"value": "Journal of Tests"},
        "external-ids": {
            "external-id": [
                {
                    "external-id-type": "doi",
                    "external-id-value": doi,
                    "external-id-url": {"value": f"https://doi.org/{doi}"},
                    "external-id-relationship": "self",
                }
            ]
        },
        "contributors": {
            "contributor": [
                {
                    "credit-name": {"value": "Josiah Carberry"},
                    "contributor-attributes": {"contributor-sequence": "first", "contributor-role": "author"},
                }
            ]
        },
    }
    work.update(fields or {}, **extra)
    return work


def _post(client: FlaskClient, orcid: str, token: str | None, body: Any, path: str = "work") -> Any:
    headers = {"Content-Type": ORCID_JSON, "Accept": ORCID_JSON}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return client.post(f"/v3.0/{orcid}/{path}", data=json.dumps(body), headers=headers)


def _put_code(answer: Any) -> int:
    assert answer.status_code == 201, answer.text
    return int(answer.headers["Location"].rsplit("/", 1)[1])


# --- search -----------------------------------------------------------------------------------------------------


def _found(client: FlaskClient, query: str, endpoint: str = "expanded-search") -> list[str]:
    answer = client.get(f"/v3.0/{endpoint}/?" + urllib.parse.urlencode({"q": query}))
    assert answer.status_code == 200, answer.text
    data = answer.get_json()
    if endpoint == "search":
        return [row["orcid-identifier"]["path"] for row in data["result"]]
    assert data["num-found"] == len(data["expanded-result"])
    return [row["orcid-id"] for row in data["expanded-result"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Two people are called Eva de Vries: Leiden's and her namesake in Groningen, by family then given names
        # then iD.
        ("family-name:Vries AND given-names:Eva", [EVA.orcid, EVA_NAMESAKE.orcid]),
        ('family-name:"de Vries" AND given-names:Eva', [EVA.orcid, EVA_NAMESAKE.orcid]),
        ('given-and-family-names:"Eva de Vries"', [EVA.orcid, EVA_NAMESAKE.orcid]),
        ("affiliation-org-name:Groningen", [EVA_NAMESAKE.orcid]),
        ("family-name:visser", [DAAN.orcid]),
        ("family-name:Visser OR family-name:Carberry", [CARBERRY.orcid, DAAN.orcid]),
        ("(family-name:Visser OR family-name:Vries) AND given-names:Daan", [DAAN.orcid]),
        ("family-name:Visser AND NOT given-names:Daan", []),
        (f"orcid:{DAAN.orcid}", [DAAN.orcid]),
        (r"orcid:0000\-0002\-7716\-042X", [DAAN.orcid]),
        ("Carberry", [CARBERRY.orcid]),
        ("given-names:Jos*", [CARBERRY.orcid]),
        ("family-name:Smith", []),
        (f"email:{EVA.email}", []),  # emails are private unless made public
    ],
)
def test_search_queries(client: FlaskClient, query: str, expected: list[str]) -> None:
    assert _found(client, query) == expected
    assert _found(client, query, "search") == expected


def test_search_answer_shapes(client: FlaskClient) -> None:
    plain = client.get("/v3.0/search/?q=family-name:Carberry&start=0&rows=10")
    assert plain.content_type == ORCID_JSON
    assert plain.get_json() == {
        "result": [
            {
                "orcid-identifier": {
                    "uri": f"https://sandbox.orcid.org/{CARBERRY.orcid}",
                    "path": CARBERRY.orcid,
                    "host": "sandbox.orcid.org",
                }
            }
        ],
        "num-found": 1,
    }
    expanded = client.get("/v3.0/expanded-search/?q=family-name:Carberry").get_json()
    assert expanded == {
        "expanded-result": [
            {
                "orcid-id": CARBERRY.orcid,
                "given-names": "Josiah",
                "family-names": "Carberry",
                "credit-name": None,
                "other-name": [],
                "email": [],
                "institution-name": [],
            }
        ],
        "num-found": 1,
    }
    paged = client.get("/v3.0/search/?q=family-name:Visser OR family-name:Carberry&start=1&rows=1").get_json()
    assert paged["num-found"] == 2
    assert [r["orcid-identifier"]["path"] for r in paged["result"]] == [DAAN.orcid]


@pytest.mark.parametrize("query", ["", "family-name:", "nickname:Eva", '"unclosed', "(family-name:Visser", "AND"])
def test_bad_queries_are_400_in_orcids_error_shape(client: FlaskClient, query: str) -> None:
    answer = client.get("/v3.0/expanded-search/?" + urllib.parse.urlencode({"q": query}))
    assert answer.status_code == 400
    assert set(answer.get_json()) == {"response-code", "developer-message", "user-message", "error-code", "more-info"}


def test_search_never_finds_people_whose_names_are_not_public(app: Flask, client: FlaskClient) -> None:
    for visibility in ("limited", "private"):
        _sql(app, "UPDATE users SET names_visibility = ? WHERE orcid = ?", visibility, EVA.orcid)
        for query in ("family-name:Vries", f"orcid:{EVA.orcid}", "Eva", 'given-and-family-names:"Eva de Vries"'):
            assert EVA.orcid not in _found(client, query)
            assert EVA.orcid not in _found(client, query, "search")
        # A read-limited token for someone else changes nothing.
        token = _token(app, DAAN)
        found = client.get("/v3.0/expanded-search/?q=family-name:Vries", headers=_bearer(token)).get_json()
        assert [row["orcid-id"] for row in found["expanded-result"]] == [EVA_NAMESAKE.orcid]
    assert _found(client, "family-name:Visser") == [DAAN.orcid]


def test_search_shows_and_finds_only_public_emails(app: Flask, client: FlaskClient) -> None:
    assert _found(client, f"email:{DAAN.email}") == []
    _sql(app, "UPDATE emails SET visibility = 'public' WHERE orcid = ?", DAAN.orcid)
    _sql(app, "UPDATE emails SET visibility = 'limited' WHERE orcid = ?", EVA.orcid)
    assert _found(client, f"email:{DAAN.email}") == [DAAN.orcid]
    rows = client.get("/v3.0/expanded-search/?q=family-name:Visser OR family-name:Vries").get_json()["expanded-result"]
    assert {row["orcid-id"]: row["email"] for row in rows} == {
        DAAN.orcid: [DAAN.email],
        EVA.orcid: [],
        EVA_NAMESAKE.orcid: [],
    }
    assert _found(client, f"email:{EVA.email}") == []


# --- reading works ----------------------------------------------------------------------------------------------


def test_anonymous_and_read_public_callers_see_public_works_only(client: FlaskClient) -> None:
    for headers in ({"Accept": ORCID_JSON}, _bearer(_public_token(client))):
        works = client.get(f"/v3.0/{EVA.orcid}/works", headers=headers).get_json()
        assert set(_titles(works)) == EVA_PUBLIC
        assert works["path"] == f"/{EVA.orcid}/works"
        assert "limited" not in json.dumps(works) and "private" not in json.dumps(works)


def test_hidden_works_are_not_found_one_by_one_either(app: Flask, client: FlaskClient) -> None:
    db = sqlite3.connect(app.config[SETTINGS_KEY].database)
    codes = dict(db.execute("SELECT title, put_code FROM works WHERE orcid = ?", (EVA.orcid,)).fetchall())
    for title in (EVA_LIMITED, EVA_PRIVATE):
        answer = client.get(f"/v3.0/{EVA.orcid}/work/{codes[title]}")
        assert answer.status_code == 404
        assert answer.get_json()["response-code"] == 404
    public_code = codes[sorted(EVA_PUBLIC)[0]]
    bulk = client.get(f"/v3.0/{EVA.orcid}/works/{public_code},{codes[EVA_LIMITED]},{codes[EVA_PRIVATE]}").get_json()
    assert "work" in bulk["bulk"][0]
    assert [set(item) for item in bulk["bulk"][1:]] == [{"error"}, {"error"}]
    too_many = ",".join(str(n) for n in range(1, 52))
    assert client.get(f"/v3.0/{EVA.orcid}/works/{too_many}").status_code == 400


def test_read_limited_token_sees_limited_but_not_private(app: Flask, client: FlaskClient) -> None:
    token = _token(app, EVA)
    titles = set(_titles(client.get(f"/v3.0/{EVA.orcid}/works", headers=_bearer(token)).get_json()))
    assert titles == EVA_PUBLIC | {EVA_LIMITED}
    # The same token shows nothing extra on someone else's record.
    _sql(app, "UPDATE works SET visibility = 'limited' WHERE orcid = ?", DAAN.orcid)
    assert _titles(client.get(f"/v3.0/{DAAN.orcid}/works", headers=_bearer(token)).get_json()) == []
    # A token without /read-limited does not see limited items.
    only_write = _token(app, EVA, OTHER, "/activities/update")
    assert set(_titles(client.get(f"/v3.0/{EVA.orcid}/works", headers=_bearer(only_write)).get_json())) == EVA_PUBLIC


def test_the_source_alone_reads_back_its_private_work(app: Flask, client: FlaskClient) -> None:
    lucris = _token(app, EVA)
    other = _token(app, EVA, OTHER)
    # New works get the researcher's default, so Eva makes hers "Only me" first.
    _sql(app, "UPDATE users SET default_visibility = 'private' WHERE orcid = ?", EVA.orcid)
    put_code = _put_code(_post(client, EVA.orcid, lucris, a_work(title="Secret draft")))
    assert "Secret draft" in _titles(client.get(f"/v3.0/{EVA.orcid}/works", headers=_bearer(lucris)).get_json())
    assert client.get(f"/v3.0/{EVA.orcid}/work/{put_code}", headers=_bearer(lucris)).status_code == 200
    for headers in ({}, _bearer(other), _bearer(_public_token(client))):
        assert "Secret draft" not in _titles(client.get(f"/v3.0/{EVA.orcid}/works", headers=headers).get_json())
        assert client.get(f"/v3.0/{EVA.orcid}/work/{put_code}", headers=headers).status_code == 404


def test_media_types_and_bad_ids(client: FlaskClient) -> None:
    for accept in (ORCID_JSON, "application/orcid+json", "application/json", "*/*"):
        answer = client.get(f"/v3.0/{EVA.orcid}/works", headers={"Accept": accept})
        assert answer.status_code == 200
        assert answer.is_json or answer.content_type in (ORCID_JSON, "application/orcid+json")
    assert client.get(f"/v3.0/{EVA.orcid}/works", headers={"Accept": "application/vnd.orcid+xml"}).status_code == 406
    unknown = client.get("/v3.0/0000-0002-1694-233X/works")
    assert unknown.status_code == 404
    assert unknown.get_json()["response-code"] == 404
    for bad in ("0000-0002-1825-0098", "1234", "0000-0002-1694-233x"):
        malformed = client.get(f"/v3.0/{bad}/works")
        assert malformed.status_code == 400
        assert malformed.get_json()["response-code"] == 400
    assert client.get("/v3.0/nothing/here/at/all").get_json()["response-code"] == 404


def test_person_and_record_show_public_parts(app: Flask, client: FlaskClient) -> None:
    person = client.get(f"/v3.0/{EVA.orcid}/person").get_json()
    assert person["name"]["given-names"] == {"value": "Eva"}
    assert person["name"]["family-name"] == {"value": "de Vries"}
    assert person["emails"]["email"] == []
    _sql(app, "UPDATE emails SET visibility = 'public' WHERE orcid = ?", EVA.orcid)
    _sql(app, "UPDATE users SET names_visibility = 'private' WHERE orcid = ?", EVA.orcid)
    person = client.get(f"/v3.0/{EVA.orcid}/person").get_json()
    assert person["name"] is None
    assert [e["email"] for e in person["emails"]["email"]] == [EVA.email]
    record = client.get(f"/v3.0/{EVA.orcid}/record").get_json()
    assert record["orcid-identifier"] == {
        "uri": f"https://sandbox.orcid.org/{EVA.orcid}",
        "path": EVA.orcid,
        "host": "sandbox.orcid.org",
    }
    assert set(_titles(record["activities-summary"]["works"])) == EVA_PUBLIC


# --- writing works ----------------------------------------------------------------------------------------------


def test_post_work_answers_201_with_location_and_shows_on_the_record(app: Flask, client: FlaskClient) -> None:
    token = _token(app, CARBERRY)
    answer = _post(client, CARBERRY.orcid, token, a_work())
    put_code = _put_code(answer)
    assert answer.headers["Location"] == f"http://127.0.0.1:5000/v3.0/{CARBERRY.orcid}/work/{put_code}"
    works = client.get(f"/v3.0/{CARBERRY.orcid}/works").get_json()
    [group] = works["group"]
    [summary] = group["work-summary"]
    assert set(summary) == {
        "put-code",
        "created-date",
        "last-modified-date",
        "source",
        "title",
        "external-ids",
        "url",
        "type",
        "publication-date",
        "journal-title",
        "visibility",
        "path",
        "display-index",
    }
    assert summary["put-code"] == put_code
    assert summary["source"]["source-client-id"] == {
        "uri": f"https://sandbox.orcid.org/client/{LUCRIS.client_id}",
        "path": LUCRIS.client_id,
        "host": "sandbox.orcid.org",
    }
    assert summary["source"]["source-orcid"] is None
    assert summary["source"]["source-name"] == {"value": "LUCRIS - Leiden University"}
    assert summary["visibility"] == "public"  # Carberry's default
    assert summary["path"] == f"/{CARBERRY.orcid}/work/{put_code}"
    assert summary["publication-date"] == {"year": {"value": "2025"}, "month": {"value": "03"}, "day": None}
    [external] = summary["external-ids"]["external-id"]
    assert set(external) == {
        "external-id-type",
        "external-id-value",
        "external-id-normalized",
        "external-id-normalized-error",
        "external-id-url",
        "external-id-relationship",
    }
    assert external["external-id-normalized"]["value"] == "10.5555/new.work.2025"
    full = client.get(f"/v3.0/{CARBERRY.orcid}/work/{put_code}").get_json()
    assert full["contributors"]["contributor"][0]["credit-name"] == {"value": "Josiah Carberry"}
    browser = app.test_client()
    sign_in(browser, CARBERRY.email, CARBERRY.password)
    page = browser.get("/my-orcid").text
    assert "A new work" in page and "<strong>Source:</strong> LUCRIS - Leiden University" in page


def test_new_works_get_the_researchers_default_whatever_the_client_sends(app: Flask, client: FlaskClient) -> None:
    # ORCID's WorkManagerImpl.setIncomingWorkPrivacy: a client cannot publish what the researcher keeps limited.
    _sql(app, "UPDATE users SET default_visibility = 'limited' WHERE orcid = ?", CARBERRY.orcid)
    token = _token(app, CARBERRY)
    first = _put_code(_post(client, CARBERRY.orcid, token, a_work()))
    second = _put_code(_post(client, CARBERRY.orcid, token, a_work("10.5555/other", visibility="public")))
    bulk = _post(
        client, CARBERRY.orcid, token, {"bulk": [{"work": a_work("10.5555/third", visibility="public")}]}, "works"
    )
    headers = _bearer(token)
    assert client.get(f"/v3.0/{CARBERRY.orcid}/work/{first}", headers=headers).get_json()["visibility"] == "limited"
    assert client.get(f"/v3.0/{CARBERRY.orcid}/work/{second}", headers=headers).get_json()["visibility"] == "limited"
    assert bulk.get_json()["bulk"][0]["work"]["visibility"] == "limited"
    assert _titles(client.get(f"/v3.0/{CARBERRY.orcid}/works").get_json()) == []


def test_an_update_keeps_the_visibility_and_cannot_change_it(app: Flask, client: FlaskClient) -> None:
    token = _token(app, CARBERRY)
    put_code = _put_code(_post(client, CARBERRY.orcid, token, a_work()))
    _sql(app, "UPDATE works SET visibility = 'private' WHERE put_code = ?", put_code)
    path = f"/v3.0/{CARBERRY.orcid}/work/{put_code}"
    headers = {**_bearer(token), "Content-Type": ORCID_JSON}
    kept = client.put(path, data=json.dumps(a_work(title="Renamed", fields={"put-code": put_code})), headers=headers)
    assert kept.status_code == 200
    assert (kept.get_json()["title"]["title"]["value"], kept.get_json()["visibility"]) == ("Renamed", "private")
    same = a_work(title="Renamed again", visibility="private", fields={"put-code": put_code})
    assert client.put(path, data=json.dumps(same), headers=headers).status_code == 200
    louder = a_work(title="Published!", visibility="public", fields={"put-code": put_code})
    refused = client.put(path, data=json.dumps(louder), headers=headers)
    assert refused.status_code == 403
    assert refused.get_json()["error-code"] == 9035
    assert client.get(path, headers=_bearer(token)).get_json()["title"]["title"]["value"] == "Renamed again"
    assert client.get(path).status_code == 404


def test_duplicate_post_by_the_same_source_is_409(app: Flask, client: FlaskClient) -> None:
    token = _token(app, CARBERRY)
    put_code = _put_code(_post(client, CARBERRY.orcid, token, a_work("10.5555/Dup")))
    for doi in ("10.5555/Dup", "10.5555/dup", "https://doi.org/10.5555/DUP"):
        again = _post(client, CARBERRY.orcid, token, a_work(doi))
        assert again.status_code == 409
        body = again.get_json()
        assert set(body) == {"response-code", "developer-message", "user-message", "error-code", "more-info"}
        assert body["response-code"] == 409 and body["error-code"] == 9021
        assert f"put-code {put_code}" in body["developer-message"]
    assert len(_titles(client.get(f"/v3.0/{CARBERRY.orcid}/works").get_json())) == 1


def test_another_source_may_add_the_same_doi_and_they_group(app: Flask, client: FlaskClient) -> None:
    _put_code(_post(client, CARBERRY.orcid, _token(app, CARBERRY), a_work("10.5555/shared", "From LUCRIS")))
    _put_code(_post(client, CARBERRY.orcid, _token(app, CARBERRY, OTHER), a_work("10.5555/SHARED", "From other")))
    groups = client.get(f"/v3.0/{CARBERRY.orcid}/works").get_json()["group"]
    assert len(groups) == 1
    assert {s["source"]["source-name"]["value"] for s in groups[0]["work-summary"]} == {
        "LUCRIS - Leiden University",
        "Other Member",
    }
    assert [e["external-id-normalized"]["value"] for e in groups[0]["external-ids"]["external-id"]] == [
        "10.5555/shared"
    ]


def test_grouping_is_transitive_and_ignores_part_of_and_works_without_ids(app: Flask, client: FlaskClient) -> None:
    token = _token(app, CARBERRY)

    def ids(*items: tuple[str, str, str]) -> dict[str, Any]:
        return {
            "external-id": [
                {"external-id-type": t, "external-id-value": v, "external-id-relationship": r} for t, v, r in items
            ]
        }

    _post(client, CARBERRY.orcid, token, a_work(title="A", fields={"external-ids": ids(("doi", "10.1/a", "self"))}))
    _post(
        client,
        CARBERRY.orcid,
        token,
        a_work(title="B", fields={"external-ids": ids(("doi", "10.1/b", "self"), ("doi", "10.1/a", "version-of"))}),
    )
    _post(
        client,
        CARBERRY.orcid,
        token,
        a_work(title="C", fields={"external-ids": ids(("pmid", "99", "self"), ("doi", "10.1/b", "version-of"))}),
    )
    _post(
        client,
        CARBERRY.orcid,
        token,
        a_work(title="D", fields={"external-ids": ids(("pmid", "7", "self"), ("isbn", "978", "part-of"))}),
    )
    _post(
        client,
        CARBERRY.orcid,
        token,
        a_work(title="E", fields={"external-ids": ids(("pmid", "8", "self"), ("isbn", "978", "part-of"))}),
    )
    db = sqlite3.connect(app.config[SETTINGS_KEY].database)
    db.row_factory = sqlite3.Row
    for title in ("F", "G"):
        add_work(
            db,
            CARBERRY.orcid,
            NewWork(title, "other", "public", year=2025),
            Source("Josiah Carberry", orcid=CARBERRY.orcid),
            now_ms=0,
        )
    groups = client.get(f"/v3.0/{CARBERRY.orcid}/works").get_json()["group"]
    titled = sorted(sorted(s["title"]["title"]["value"] for s in g["work-summary"]) for g in groups)
    assert titled == [["A", "B", "C"], ["D"], ["E"], ["F"], ["G"]]


@pytest.mark.parametrize(
    "broken",
    [
        {"title": None},
        {"title": {"title": {"value": "  "}}},
        {"type": "not-a-type"},
        {"type": None},
        {"external-ids": {"external-id": []}},
        {
            "external-ids": {
                "external-id": [
                    {"external-id-type": "isbn", "external-id-value": "978", "external-id-relationship": "part-of"}
                ]
            }
        },
        {"external-ids": {"external-id": [{"external-id-type": "doi", "external-id-value": ""}]}},
        {"publication-date": {"year": {"value": "20x5"}}},
        {"visibility": "everyone"},
    ],
)
def test_invalid_works_are_400(app: Flask, client: FlaskClient, broken: dict[str, Any]) -> None:
    answer = _post(client, CARBERRY.orcid, _token(app, CARBERRY), a_work(fields=broken))
    assert answer.status_code == 400
    assert answer.get_json()["response-code"] == 400
    assert _titles(client.get(f"/v3.0/{CARBERRY.orcid}/works").get_json()) == []


def test_not_json_is_refused(app: Flask, client: FlaskClient) -> None:
    token = _token(app, CARBERRY)
    garbage = client.post(
        f"/v3.0/{CARBERRY.orcid}/work", data="{not json", headers={**_bearer(token), "Content-Type": ORCID_JSON}
    )
    assert garbage.status_code == 400
    xml = client.post(
        f"/v3.0/{CARBERRY.orcid}/work",
        data="<work/>",
        headers={**_bearer(token), "Content-Type": "application/vnd.orcid+xml"},
    )
    assert xml.status_code == 415


def test_writes_need_a_live_activities_update_token_for_that_record(app: Flask, client: FlaskClient) -> None:
    assert _post(client, CARBERRY.orcid, None, a_work()).status_code == 401
    nonsense = _post(client, CARBERRY.orcid, "not-a-token", a_work())
    assert nonsense.status_code == 401
    assert nonsense.get_json()["error"] == "invalid_token"
    assert "invalid_token" in nonsense.headers["WWW-Authenticate"]
    for token in (
        _token(app, CARBERRY, scope="/read-limited"),
        _token(app, CARBERRY, scope="/authenticate"),
        _public_token(client),
        _token(app, EVA),  # a write token, for someone else's record
    ):
        refused = _post(client, CARBERRY.orcid, token, a_work())
        assert refused.status_code == 403
        assert refused.get_json()["response-code"] == 403
    assert _titles(client.get(f"/v3.0/{CARBERRY.orcid}/works").get_json()) == []


def test_a_revoked_token_is_401(app: Flask, client: FlaskClient) -> None:
    token = _token(app, CARBERRY)
    _put_code(_post(client, CARBERRY.orcid, token, a_work()))
    browser = app.test_client()
    sign_in(browser, CARBERRY.email, CARBERRY.password)
    page = browser.get(f"/trusted-parties/revoke/{LUCRIS.client_id}")
    token_field = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token_field is not None
    browser.post(f"/trusted-parties/revoke/{LUCRIS.client_id}", data={"csrf_token": token_field.group(1)})
    answer = _post(client, CARBERRY.orcid, token, a_work("10.5555/after"))
    assert answer.status_code == 401
    assert answer.get_json()["error"] == "invalid_token"
    assert client.get(f"/v3.0/{CARBERRY.orcid}/works", headers=_bearer(token)).status_code == 401


def test_only_the_source_may_update_or_delete(app: Flask, client: FlaskClient) -> None:
    lucris, other = _token(app, CARBERRY), _token(app, CARBERRY, OTHER)
    put_code = _put_code(_post(client, CARBERRY.orcid, lucris, a_work()))
    path = f"/v3.0/{CARBERRY.orcid}/work/{put_code}"
    changed = a_work(title="Changed title", fields={"put-code": put_code})
    headers = {**_bearer(other), "Content-Type": ORCID_JSON}
    assert client.put(path, data=json.dumps(changed), headers=headers).status_code == 403
    assert client.delete(path, headers=headers).status_code == 403
    own = {**_bearer(lucris), "Content-Type": ORCID_JSON}
    mismatch = client.put(path, data=json.dumps(a_work(fields={"put-code": put_code + 1})), headers=own)
    assert mismatch.status_code == 400
    assert client.put(path, data=json.dumps(a_work()), headers=own).status_code == 400  # put-code is required
    updated = client.put(path, data=json.dumps(changed), headers=own)
    assert updated.status_code == 200
    assert updated.get_json()["title"]["title"]["value"] == "Changed title"
    assert _titles(client.get(f"/v3.0/{CARBERRY.orcid}/works").get_json()) == ["Changed title"]
    assert client.delete(path, headers=own).status_code == 204
    assert client.get(path).status_code == 404
    assert client.delete(path, headers=own).status_code == 404
    # Demo works were added by the researcher; no client may change them.
    eva_code = (
        sqlite3.connect(app.config[SETTINGS_KEY].database)
        .execute("SELECT put_code FROM works WHERE orcid = ? LIMIT 1", (EVA.orcid,))
        .fetchone()[0]
    )
    assert client.delete(f"/v3.0/{EVA.orcid}/work/{eva_code}", headers=_bearer(_token(app, EVA))).status_code == 403


def test_bulk_post_answers_per_item(app: Flask, client: FlaskClient) -> None:
    token = _token(app, CARBERRY)
    body = {"bulk": [{"work": a_work("10.5555/one")}, {"work": a_work("10.5555/one")}, {"work": {"title": None}}]}
    answer = _post(client, CARBERRY.orcid, token, body, "works")
    assert answer.status_code == 200
    bulk = answer.get_json()["bulk"]
    assert bulk[0]["work"]["put-code"] > 0
    assert bulk[1]["error"]["response-code"] == 409
    assert bulk[2]["error"]["response-code"] == 400
    too_many = {"bulk": [{"work": a_work(f"10.5555/n{i}")} for i in range(101)]}
    assert _post(client, CARBERRY.orcid, token, too_many, "works").status_code == 400
    assert len(_titles(client.get(f"/v3.0/{CARBERRY.orcid}/works").get_json())) == 1


# --- over the wire ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Answer:
    status: int
    headers: Any
    body: bytes

    def read(self) -> bytes:
        return self.body


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def test_the_whole_flow_over_real_http(sandbox: RunningSandbox, request: pytest.FixtureRequest) -> None:
    base = sandbox.orcid_url
    jar = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(
        urllib.request.ProxyHandler({}), urllib.request.HTTPCookieProcessor(jar), _NoRedirect()
    )
    plain = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def call(opener: Any, url: str, data: dict[str, str] | bytes | None = None, headers: Any = None) -> _Answer:
        # Read and close every answer here: an open one leaks its socket into whichever test runs next.
        body = urllib.parse.urlencode(data).encode() if isinstance(data, dict) else data
        try:
            with opener.open(urllib.request.Request(url, data=body, headers=headers or {}), timeout=5) as answer:
                return _Answer(answer.status, answer.headers, answer.read())
        except urllib.error.HTTPError as error:
            with error:
                return _Answer(error.code, error.headers, error.read())

    def csrf(url: str) -> str:
        found = re.search(r'name="csrf_token" value="([^"]+)"', call(browser, url).read().decode())
        assert found is not None
        return found.group(1)

    callback = f"{sandbox.lucris_url}/orcid/callback"
    query = urllib.parse.urlencode(
        {
            "client_id": LUCRIS_CLIENT_ID,
            "response_type": "code",
            "scope": WRITE,
            "redirect_uri": callback,
            "state": "wire",
        }
    )
    signin = call(browser, f"{base}/oauth/authorize?{query}")
    assert signin.status == 302 and "/signin?next=" in signin.headers["Location"]
    call(
        browser,
        f"{base}/signin",
        {
            "csrf_token": csrf(f"{base}/signin"),
            "username": CARBERRY.email,
            "password": CARBERRY.password,
            "next": f"/oauth/authorize?{query}",
        },
    )
    page = call(browser, f"{base}/oauth/authorize?{query}").read().decode()
    assert "Authorize access" in page
    decision = {
        "csrf_token": csrf(f"{base}/oauth/authorize?{query}"),
        "client_id": LUCRIS_CLIENT_ID,
        "response_type": "code",
        "scope": WRITE,
        "redirect_uri": callback,
        "state": "wire",
        "decision": "authorize",
    }
    back = call(browser, f"{base}/oauth/authorize", decision)
    assert back.status == 303
    location = back.headers["Location"]
    assert location.startswith(callback + "?")
    code = urllib.parse.parse_qs(urllib.parse.urlsplit(location).query)["code"][0]
    token_answer = call(
        plain,
        f"{base}/oauth/token",
        {
            "client_id": LUCRIS_CLIENT_ID,
            "client_secret": LUCRIS_CLIENT_SECRET,
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": callback,
        },
    )
    assert token_answer.status == 200
    token = json.loads(token_answer.read())
    assert token["orcid"] == CARBERRY.orcid
    posted = call(
        plain,
        f"{base}/v3.0/{CARBERRY.orcid}/work",
        json.dumps(a_work()).encode(),
        {"Content-Type": ORCID_JSON, "Accept": ORCID_JSON, "Authorization": f"Bearer {token['access_token']}"},
    )
    assert posted.status == 201
    assert re.fullmatch(rf"{re.escape(base)}/v3\.0/{CARBERRY.orcid}/work/\d+", posted.headers["Location"])
    again = call(
        plain,
        f"{base}/v3.0/{CARBERRY.orcid}/work",
        json.dumps(a_work()).encode(),
        {"Content-Type": ORCID_JSON, "Authorization": f"Bearer {token['access_token']}"},
    )
    assert again.status == 409
    works = json.loads(call(plain, f"{base}/v3.0/{CARBERRY.orcid}/works", headers={"Accept": ORCID_JSON}).read())
    assert _titles(works) == ["A new work"]
    assert works["group"][0]["work-summary"][0]["source"]["source-name"]["value"] == "LUCRIS - Leiden University"


def test_python_orcid_public_api_reads_the_emulator(python_orcid_public: tuple[Any, str]) -> None:
    client, token = python_orcid_public
    found = client.search("family-name:Carberry", access_token=token)
    assert [row["orcid-identifier"]["path"] for row in found["result"]] == [CARBERRY.orcid]
    works = client.read_record_public(EVA.orcid, "works", token)
    assert set(_titles(works)) == EVA_PUBLIC
