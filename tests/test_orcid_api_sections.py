"""The record and person API sections ORCID clients read: /record with history and the eleven activity summaries,
/person and its parts, employments; visibility as for works; q=*:*; python-orcid and pyorcid over real HTTP."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

import pytest
import requests
from flask import Flask
from pyorcid import Orcid
from requests.adapters import HTTPAdapter

from orcid_guide.sandbox.launcher import LUCRIS_CLIENT_ID, LUCRIS_CLIENT_SECRET, RunningSandbox, running_sandbox
from orcid_guide.sandbox.orcid.app import create_app as create_orcid
from orcid_guide.sandbox.orcid.demo_clients import PUBLIC_DEMO_ID, builtin_clients
from orcid_guide.sandbox.orcid.demo_data import CARBERRY, DAAN, EVA, EVA_NAMESAKE
from orcid_guide.sandbox.orcid.request_context import SETTINGS_KEY
from orcid_guide.sandbox.orcid.settings import ClientRegistration
from tests.helpers.orcid_forms import grant_token

CALLBACK = "http://127.0.0.1:9/orcid/callback"
LUCRIS = ClientRegistration("APP-TEST0CLIENT0001", "a-very-long-client-secret", "LUCRIS", (CALLBACK,), member=True)
ACTIVITY_SECTIONS = {
    "distinctions",
    "educations",
    "employments",
    "fundings",
    "invited-positions",
    "memberships",
    "peer-reviews",
    "qualifications",
    "research-resources",
    "services",
    "works",
}
JSON = {"Accept": "application/vnd.orcid+json"}


pytestmark = pytest.mark.orcid_settings(clients=(LUCRIS,))


def _get(app: Flask, path: str, token: str | None = None) -> Any:
    headers = {**JSON, **({"Authorization": f"Bearer {token}"} if token else {})}
    answer = app.test_client().get(f"/v3.0{path}", headers=headers)
    assert answer.status_code == 200, f"{path}: {answer.status_code} {answer.text[:200]}"
    return answer.get_json()


def _institutions(section: dict[str, Any]) -> list[str]:
    return [
        summary["employment-summary"]["organization"]["name"]
        for group in section["affiliation-group"]
        for summary in group["summaries"]
    ]


def test_the_record_has_history_and_all_eleven_activity_sections(app: Flask) -> None:
    found = _get(app, f"/{EVA.orcid}/record")
    assert set(found) >= {"orcid-identifier", "preferences", "history", "person", "activities-summary", "path"}
    assert found["history"]["claimed"] is True
    assert found["history"]["last-modified-date"]["value"] >= found["history"]["submission-date"]["value"]
    activities = found["activities-summary"]
    assert set(activities) == ACTIVITY_SECTIONS | {"last-modified-date", "path"}
    assert _institutions(activities["employments"]) == ["Leiden University"]
    assert activities["educations"] == {
        "last-modified-date": None,
        "affiliation-group": [],
        "path": f"/{EVA.orcid}/educations",
    }
    assert activities["fundings"] == {"last-modified-date": None, "group": [], "path": f"/{EVA.orcid}/fundings"}
    assert activities["works"]["group"]
    assert _get(app, f"/{EVA.orcid}/activities") == activities
    # Someone with no activities has the same sections, empty.
    empty = _get(app, f"/{DAAN.orcid}/activities")
    assert empty["employments"]["affiliation-group"] == [] and set(empty) == set(activities)


def test_every_person_section_answers_in_orcids_shape(app: Flask) -> None:
    person = _get(app, f"/{EVA.orcid}/person")
    assert person["name"]["given-names"]["value"] == "Eva"
    for path, key in (
        ("email", "email"),
        ("keywords", "keyword"),
        ("address", "address"),
        ("researcher-urls", "researcher-url"),
        ("other-names", "other-name"),
        ("external-identifiers", "external-identifier"),
    ):
        section = _get(app, f"/{EVA.orcid}/{path}")
        assert section["path"] == f"/{EVA.orcid}/{path}" and isinstance(section[key], list), path
    details = _get(app, f"/{EVA.orcid}/personal-details")
    assert details["name"] == person["name"] and details["path"] == f"/{EVA.orcid}/personal-details"
    for name in ACTIVITY_SECTIONS:
        assert _get(app, f"/{EVA.orcid}/{name}")["path"] == f"/{EVA.orcid}/{name}"
    job = _get(app, f"/{EVA.orcid}/employments")["affiliation-group"][0]["summaries"][0]["employment-summary"]
    one = _get(app, f"/{EVA.orcid}/employment/{job['put-code']}")
    assert one["organization"]["name"] == "Leiden University" and one["start-date"]["year"]["value"] == "2019"
    missing = app.test_client().get(f"/v3.0/{EVA.orcid}/biography", headers=JSON)
    assert missing.status_code == 404 and missing.get_json()["error-code"] == 9016


# The v3.0 endpoints as ORCID-Source lists them (orcid-model/src/main/resources/record_3.0/README.md, "Endpoints"):
# a name alone is a section; "item/items" is one item by put-code and the section.
DOCUMENTED_ENDPOINTS = (
    "activities",
    "address",
    "biography",
    "distinction/distinctions",
    "education/educations",
    "email",
    "employment/employments",
    "external-identifiers",
    "funding/fundings",
    "invited-position/invited-positions",
    "keywords",
    "membership/memberships",
    "other-names",
    "peer-review/peer-reviews",
    "person",
    "personal-details",
    "qualification/qualifications",
    "research-resource/research-resources",
    "researcher-urls",
    "service/services",
    "work/works",
)


# The person's lists whose items ORCID also reads one by one (GET /address/{put-code} and so on).
PERSON_LISTS_BY_ITEM = ("address", "keywords", "other-names", "researcher-urls", "external-identifiers")


def test_every_endpoint_orcid_documents_for_a_records_sections_answers(app: Flask) -> None:
    client = app.test_client()
    for documented in DOCUMENTED_ENDPOINTS:
        item, _, section = documented.rpartition("/")
        for orcid in (EVA.orcid, DAAN.orcid):
            answer = client.get(f"/v3.0/{orcid}/{section}", headers=JSON)
            # A biography nobody wrote is ORCID's 404; every other section answers, empty or not.
            assert answer.status_code == 200 or (section == "biography" and answer.status_code == 404), section
            assert answer.is_json, section
        # One item by a put-code the record does not have: ORCID's 404 in its error shape, not a missing route.
        for name in (item,) if item else (section,) if section in PERSON_LISTS_BY_ITEM else ():
            missing = client.get(f"/v3.0/{EVA.orcid}/{name}/987654", headers=JSON)
            assert missing.status_code == 404, name
            assert missing.get_json()["developer-message"].startswith("404 Not Found: No "), name


def _set_visibility(app: Flask, table: str, visibility: str) -> None:
    db = sqlite3.connect(app.config[SETTINGS_KEY].database)
    try:
        with db:
            db.execute(f"UPDATE {table} SET visibility = ? WHERE orcid = ?", (visibility, EVA.orcid))
    finally:
        db.close()


def test_sections_show_limited_items_only_with_read_limited_for_that_record(app: Flask) -> None:
    token = grant_token(app, EVA.email, EVA.password, LUCRIS.client_id, LUCRIS.secret, CALLBACK, "/read-limited")
    _set_visibility(app, "employments", "limited")
    _set_visibility(app, "emails", "limited")
    assert _institutions(_get(app, f"/{EVA.orcid}/employments")) == []
    assert _get(app, f"/{EVA.orcid}/email")["email"] == []
    assert _get(app, f"/{EVA.orcid}/record")["activities-summary"]["employments"]["affiliation-group"] == []
    limited = str(token["access_token"])
    assert _institutions(_get(app, f"/{EVA.orcid}/employments", limited)) == ["Leiden University"]
    assert [e["email"] for e in _get(app, f"/{EVA.orcid}/email", limited)["email"]] == [EVA.email]
    # Eva's token does not open Daan's limited items, and private stays private.
    _set_visibility(app, "employments", "private")
    assert _institutions(_get(app, f"/{EVA.orcid}/employments", limited)) == []
    hidden = _get(app, f"/{EVA.orcid}/employments")["affiliation-group"]
    job_codes = [g["summaries"][0]["employment-summary"]["put-code"] for g in hidden]
    assert job_codes == []


def test_a_hidden_employment_answers_like_a_missing_one(app: Flask) -> None:
    job = _get(app, f"/{EVA.orcid}/employments")["affiliation-group"][0]["summaries"][0]["employment-summary"]
    _set_visibility(app, "employments", "private")
    answer = app.test_client().get(f"/v3.0/{EVA.orcid}/employment/{job['put-code']}", headers=JSON)
    assert answer.status_code == 404


def test_search_for_everything_finds_every_public_record(app: Flask) -> None:
    found = _get(app, "/search/?q=*:*")
    assert found["num-found"] == 4
    assert {row["orcid-identifier"]["path"] for row in found["result"]} == {
        CARBERRY.orcid,
        EVA.orcid,
        DAAN.orcid,
        EVA_NAMESAKE.orcid,
    }
    expanded = _get(app, "/expanded-search/?q=*:*")
    eva = next(row for row in expanded["expanded-result"] if row["orcid-id"] == EVA.orcid)
    assert eva["institution-name"] == ["Leiden University"]
    assert _get(app, "/search/?q=*:* AND family-name:Visser")["num-found"] == 1


# --- real clients over real HTTP ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningSandbox]:
    with running_sandbox(tmp_path_factory.mktemp("sections")) as running:
        yield running


@pytest.fixture(scope="module")
def eva_token(sandbox: RunningSandbox) -> str:
    app = create_orcid(sandbox.orcid)
    callback = f"{sandbox.lucris_url}/orcid/callback"
    token = grant_token(app, EVA.email, EVA.password, LUCRIS_CLIENT_ID, LUCRIS_CLIENT_SECRET, callback, "/read-limited")
    return str(token["access_token"])


def _public_token(sandbox: RunningSandbox) -> str:
    public = next(c for c in builtin_clients(sandbox.orcid_url) if c.client_id == PUBLIC_DEMO_ID)
    answer = requests.post(
        f"{sandbox.orcid_url}/oauth/token",
        data={
            "client_id": public.client_id,
            "client_secret": public.secret,
            "grant_type": "client_credentials",
            "scope": "/read-public",
        },
        headers={"Accept": "application/json"},
        timeout=10,
    )
    return str(answer.json()["access_token"])


def test_python_orcid_reads_every_section_it_offers(python_orcid_public: tuple[Any, str]) -> None:
    client, token = python_orcid_public
    record = client.read_record_public(EVA.orcid, "record", token)
    assert record["history"]["claimed"] and set(record["activities-summary"]) >= ACTIVITY_SECTIONS
    for section in ("activities", "educations", "employments", "fundings", "peer-reviews", "works"):
        assert client.read_record_public(EVA.orcid, section, token)["path"] == f"/{EVA.orcid}/{section}"
    assert client.read_record_public(EVA.orcid, "person", token)["name"]["family-name"]["value"] == "de Vries"
    assert client.read_record_public(EVA.orcid, "personal-details", token)["name"]["given-names"]["value"] == "Eva"
    jobs = client.read_record_public(EVA.orcid, "employments", token)["affiliation-group"]
    put_code = jobs[0]["summaries"][0]["employment-summary"]["put-code"]
    job = client.read_record_public(EVA.orcid, "employment", token, put_code=put_code)
    assert job["organization"]["name"] == "Leiden University"
    everyone = client.search("*:*", access_token=token)
    assert everyone["num-found"] == 4


class ToEmulator(HTTPAdapter):
    """A requests transport that sends what pyorcid addresses to ORCID's hosts to the emulator, path unchanged."""

    HOSTS = (
        "https://pub.orcid.org",
        "https://api.orcid.org",
        "https://pub.sandbox.orcid.org",
        "https://api.sandbox.orcid.org",
    )

    def __init__(self, base_url: str) -> None:
        super().__init__()
        self.base_url = base_url

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> requests.Response:
        url = request.url or ""
        for host in self.HOSTS:
            if url.startswith(host + "/"):
                request.url = self.base_url + url[len(host) :]
        kwargs["proxies"] = {}
        return super().send(request, *args, **kwargs)


def _pyorcid(sandbox: RunningSandbox, token: str, state: str) -> Orcid:
    # Built without a token so its constructor does not test one against ORCID's real hosts; then given the
    # token and a session whose transport leads to the emulator.
    reader = Orcid(EVA.orcid, state=state)
    reader._session.close()
    reader._orcid_access_token = token
    session = requests.Session()
    session.trust_env = False
    for host in ToEmulator.HOSTS:
        session.mount(host + "/", ToEmulator(sandbox.orcid_url))
    reader._session = session
    return reader


def test_pyorcid_reads_every_section_it_offers(sandbox: RunningSandbox, eva_token: str) -> None:
    public = _pyorcid(sandbox, _public_token(sandbox), "public")
    member = _pyorcid(sandbox, eva_token, "member")
    try:
        _read_every_section(public, member)
    finally:
        public._session.close()
        member._session.close()


def _read_every_section(public: Orcid, member: Orcid) -> None:
    summary = public.record_summary()
    assert summary["Name"] == "Eva" and summary["Family Name"] == "de Vries"
    assert summary["Employment"][0]["organization"] == "Leiden University"
    assert summary["Last Modified"]
    assert {work["title"] for work in summary["Works"]} >= {"Material flow analysis"}
    assert public.person()["Name"] == "Eva"
    assert public.keywords()[0] == []
    employments, _ = public.employments()
    assert employments[0]["Role"] == "Assistant Professor"
    for read in (
        public.record,
        public.address,
        public.external_identifiers,
        public.other_names,
        public.personal_details,
        public.researcher_urls,
        public.activities,
        public.peer_reviews,
        public.research_resources,
    ):
        assert read()["path"].startswith(f"/{EVA.orcid}"), read.__name__
    for listed in (
        public.educations,
        public.fundings,
        public.works,
        public.services,
        public.qualifications,
        public.memberships,
        public.distinctions,
        public.invited_positions,
    ):
        _items, data = listed()
        assert data["path"].startswith(f"/{EVA.orcid}/"), listed.__name__
    # pyorcid's email() looks for person/emails/email in the /email answer, which ORCID (and the emulator) gives
    # as email at the top; read the section the way email() does and check ORCID's shape.
    emails = member._Orcid__read_section("email")
    assert emails["path"] == f"/{EVA.orcid}/email" and emails["email"] == []  # Eva keeps her address private
    assert member.record_summary()["Employment"][0]["organization"] == "Leiden University"
