"""No input gives a server error: every route of the ORCID emulator, mock LUCRIS and the registries, taken from
each app's url_map, gets malformed, huge and out-of-range values in its path, query, form and JSON body."""

from __future__ import annotations

import base64
import itertools
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.routing import Rule

from orcid_guide.sandbox import web_links
from orcid_guide.sandbox.launcher import LUCRIS_CLIENT_ID, LUCRIS_CLIENT_SECRET, RunningSandbox, running_sandbox
from orcid_guide.sandbox.lucris.app import create_app as create_lucris
from orcid_guide.sandbox.orcid.app import create_app as create_orcid
from orcid_guide.sandbox.orcid.demo_data import EVA
from orcid_guide.sandbox.registry import store
from orcid_guide.sandbox.registry.app import create_app as create_registry
from tests.helpers.orcid_forms import grant_token, make_app, post_form, sign_in, upload_bibtex

HUGE_NUMBER = "99999999999999999999999"
ODD_VALUES = (
    "",
    HUGE_NUMBER,
    "-1",
    "0",
    "abc",
    f"1,{HUGE_NUMBER}",
    ",".join(["1"] * 60),
    "²",  # a digit to str.isdigit, not to int()
    "1e309",
    "é\x00\u202e",
    "%ff%fe",
    "x" * 5_000,
)
# Bodies a program might send: nested past Python's recursion limit, not UTF-8, not JSON, the wrong shapes.
ODD_BODIES: tuple[tuple[bytes, str], ...] = (
    (b"[" * 100_000 + b"]" * 100_000, "application/json"),
    (b'{"a":' * 50_000 + b"1" + b"}" * 50_000, "application/vnd.orcid+json"),
    (b"\xff\xfe\x00garbage", "application/json"),
    (b"<work/>", "application/xml"),
    (b"null", "application/json"),
    (b'{"bulk": [1, null, "x", {"work": []}]}', "application/json"),
    ('{"put-code": "²", "title": {"title": {"value": "x"}}, "type": "book"}'.encode(), "application/json"),
    (f'{{"title": {HUGE_NUMBER}, "type": ["book"], "publication-date": {{"year": "²"}}}}'.encode(), "text/plain"),
    (b"a=1&b=2", "multipart/form-data; boundary=nothing"),
)
METHODS = ("GET", "POST", "PUT", "DELETE")
ORCID_ERROR_KEYS = {"response-code", "developer-message", "user-message", "error-code", "more-info"}
OVERSIZED = b"x" * (5 * 1024 * 1024)


def _field_names() -> list[str]:
    """Every form and query field the apps read: from their templates and from their request.* calls."""
    root = Path(web_links.__file__).parent
    names: set[str] = set()
    for template in root.glob("*/templates/*.html"):
        names.update(re.findall(r'name="([\w-]+)"', template.read_text(encoding="utf-8")))
    for module in root.rglob("*.py"):
        names.update(re.findall(r'(?:form|args|values)\.get(?:list)?\("([\w-]+)"', module.read_text(encoding="utf-8")))
    names.discard("csrf_token")
    return sorted(names)


FIELDS = _field_names()


def _paths(app: Flask, rule: Rule, orcid: str) -> Iterator[str]:
    """The rule's path with each odd value in its arguments (iDs also well-formed, so deeper checks are reached)."""
    if not rule.arguments:
        yield rule.rule
        return
    for value in (*ODD_VALUES, orcid, "1"):
        arguments = {name: orcid if name.endswith("orcid_id") and value == "1" else value for name in rule.arguments}
        path = rule.rule
        for name in rule.arguments:
            path = re.sub(rf"<(?:[^:<>]+:)?{name}>", arguments[name].replace("\\", "\\\\") or "x", path)
        yield path


def _assert_no_server_error(answer: Any, what: str) -> None:
    assert answer.status_code < 500, f"{what} -> {answer.status_code}: {answer.get_data(as_text=True)[:300]}"
    if "/v3.0/" in what and answer.status_code >= 400 and answer.mimetype.endswith("json"):
        body = answer.get_json()
        assert "error" in body or set(body) >= ORCID_ERROR_KEYS, what


def _fuzz(
    app: Flask, client: FlaskClient, orcid: str, headers: dict[str, str], *, oversized: bool = False, under: str = "/"
) -> int:
    with client.session_transaction() as session:
        session["csrf_token"] = "fuzz-token"
    sent = 0
    rules = [rule for rule in app.url_map.iter_rules() if rule.endpoint != "static" and rule.rule.startswith(under)]
    assert len(rules) > 5
    for rule in rules:
        methods = [m for m in METHODS if m in (rule.methods or set())]
        paths = list(_paths(app, rule, orcid))
        for path, method in itertools.product(paths, methods):
            data = None if method == "GET" else {"csrf_token": "fuzz-token"}
            _assert_no_server_error(client.open(path, method=method, data=data, headers=headers), f"{method} {path}")
            sent += 1
        # Odd fields and bodies on the path with well-formed arguments, where the views go on to read them.
        path = paths[-1]
        for method in methods:
            for value in ODD_VALUES:
                fields = dict.fromkeys(FIELDS, value)
                if method == "GET":
                    answer = client.get(path, query_string=fields, headers=headers)
                else:
                    form = {**fields, "csrf_token": "fuzz-token"}
                    answer = client.open(path, method=method, data=form, headers=headers)
                _assert_no_server_error(answer, f"{method} {path} fields={value[:20]!r}")
                sent += 1
            if method == "GET":
                continue
            stranger = client.open(path, method=method, data={"csrf_token": "é\u202e"}, headers=headers)
            _assert_no_server_error(stranger, f"{method} {path} with a non-ASCII CSRF token")
            for body, kind in ODD_BODIES:
                answer = client.open(path, method=method, data=body, headers={**headers, "Content-Type": kind})
                _assert_no_server_error(answer, f"{method} {path} body={body[:20]!r}")
                sent += 1
            if oversized:  # once per app: 5 MB through the test client is the slow part
                as_json = {**headers, "Content-Type": "application/json"}
                huge = client.open(path, method=method, data=OVERSIZED, headers=as_json)
                _assert_no_server_error(huge, f"{method} {path} oversized")
    return sent


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningSandbox]:
    with running_sandbox(tmp_path_factory.mktemp("fuzz")) as running:
        yield running


def test_the_orcid_emulator_answers_odd_input_with_4xx(sandbox: RunningSandbox) -> None:
    app = create_orcid(sandbox.orcid)
    callback = f"{sandbox.lucris_url}/orcid/callback"
    scope = "/read-limited /activities/update"
    token = grant_token(app, EVA.email, EVA.password, LUCRIS_CLIENT_ID, LUCRIS_CLIENT_SECRET, callback, scope)
    bearer = {"Authorization": f"Bearer {token['access_token']}"}
    anonymous = app.test_client()
    assert _fuzz(app, anonymous, EVA.orcid, {}, oversized=True) > 500
    signed_in = app.test_client()
    sign_in(signed_in, EVA.email, EVA.password)
    _fuzz(app, signed_in, EVA.orcid, bearer)
    odd_token = {"Authorization": "Bearer " + HUGE_NUMBER, "Accept": "text/html;q=0.1"}
    _fuzz(app, app.test_client(), EVA.orcid, odd_token, under="/v3.0/")


def test_mock_lucris_answers_odd_input_with_4xx(sandbox: RunningSandbox) -> None:
    app = create_lucris(sandbox.lucris)
    _fuzz(app, app.test_client(), EVA.orcid, {}, oversized=True)
    for username, password in (("evries", "lucris-eva"), ("mjansen", "lucris-editor")):
        client = app.test_client()
        with client.session_transaction() as session:
            session["csrf_token"] = "fuzz-token"
        client.post("/login", data={"csrf_token": "fuzz-token", "username": username, "password": password})
        _fuzz(app, client, EVA.orcid, {})


def test_the_registries_answer_odd_input_with_4xx(sandbox: RunningSandbox) -> None:
    for settings in (sandbox.crossref, sandbox.datacite):
        app = create_registry(settings)
        _fuzz(app, app.test_client(), EVA.orcid, {}, oversized=True)
        db = sqlite3.connect(settings.database, isolation_level=None)
        try:
            store.save_permission(
                db,
                orcid=EVA.orcid,
                client_id=settings.search_client.client_id,
                access_token="not-a-live-token",
                scope="/read-limited /activities/update",
                name="Eva de Vries",
                now_ms=0,
            )
        finally:
            db.close()
        signed_in = app.test_client()
        with signed_in.session_transaction() as session:
            session["orcid"] = EVA.orcid
        _fuzz(app, signed_in, EVA.orcid, {})


# --- the six causes an outside fuzzer found, pinned one by one ---------------------------------------------------

THOUSANDS_OF_DIGITS = "9" * 5_000


def _work_json(title: str) -> str:
    return '{"title": {"title": {"value": "' + title + '"}}, "type": "journal-article"}'


def test_api_bodies_with_huge_integers_or_lone_surrogates_get_400(sandbox: RunningSandbox) -> None:
    app = create_orcid(sandbox.orcid)
    callback = f"{sandbox.lucris_url}/orcid/callback"
    token = grant_token(
        app, EVA.email, EVA.password, LUCRIS_CLIENT_ID, LUCRIS_CLIENT_SECRET, callback, "/activities/update"
    )
    headers = {"Authorization": f"Bearer {token['access_token']}", "Content-Type": "application/json"}
    client = app.test_client()
    for digits in ("9" * 1_000, THOUSANDS_OF_DIGITS):
        body = '{"put-code": ' + digits + ', "title": {"title": {"value": "x"}}, "type": "book"}'
        answer = client.post(f"/v3.0/{EVA.orcid}/work", data=body, headers=headers)
        assert answer.status_code == 400, answer.get_data(as_text=True)[:200]
    answer = client.post(f"/v3.0/{EVA.orcid}/work", data=_work_json("\\ud800"), headers=headers)
    assert answer.status_code == 400
    assert "lone surrogate" in answer.get_json()["developer-message"]


def test_a_deposit_with_a_lone_surrogate_gets_400(sandbox: RunningSandbox) -> None:
    registry = sandbox.crossref
    account = base64.b64encode(f"{registry.depositor}:{registry.depositor_password}".encode()).decode()
    body = (
        '{"doi": "10.5555/s.1", "title": "\\udfff", "type": "journal-article", "year": 2026,'
        ' "contributors": [{"family": "A"}]}'
    )
    client = create_registry(registry).test_client()
    headers = {"Content-Type": "application/json", "Authorization": f"Basic {account}"}
    answer = client.post("/deposits", data=body, headers=headers)
    assert answer.status_code == 400 and "lone surrogate" in answer.get_json()["error"]
    assert client.get("/deposits/10.5555/s.1").status_code == 404


def test_a_bibtex_preview_with_a_work_of_thousands_of_digits_is_not_a_server_error(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    client = app.test_client()
    sign_in(client, EVA.email, EVA.password)
    bib = b"@article{a, title = {Peat}, year = 2024}"
    upload_bibtex(client, bib)
    answer = post_form(client, "/works/bibtex/preview", {"work": THOUSANDS_OF_DIGITS, "action": "import"})
    assert answer.status_code == 400


def test_visibility_posts_with_page_or_size_of_thousands_of_digits_get_400_and_change_nothing(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    client = app.test_client()
    sign_in(client, EVA.email, EVA.password)
    db = sqlite3.connect(tmp_path / "orcid.sqlite3")
    put_code, visibility = db.execute(
        "SELECT put_code, visibility FROM works WHERE orcid = ? ORDER BY put_code LIMIT 1", (EVA.orcid,)
    ).fetchone()
    other = "private" if visibility != "private" else "public"
    for name in ("page", "size"):
        one = post_form(
            client,
            f"/my-orcid/works/{put_code}/visibility?{name}={THOUSANDS_OF_DIGITS}",
            {"visibility": other},
            token_from="/my-orcid",
        )
        assert one.status_code == 400
        selected = post_form(
            client,
            "/my-orcid/works/set-visibility",
            {"put_code": str(put_code), "visibility": other, name: THOUSANDS_OF_DIGITS},
            token_from="/my-orcid",
        )
        assert selected.status_code == 400
    assert db.execute("SELECT visibility FROM works WHERE put_code = ?", (put_code,)).fetchone()[0] == visibility
    db.close()


def test_lucris_next_and_back_with_control_characters_stay_on_the_site(sandbox: RunningSandbox) -> None:
    app = create_lucris(sandbox.lucris)
    for target in ("/\n/evil.example", "/\t/evil.example", "/\r\nSet-Cookie: x=1", "/\\evil.example"):
        client = app.test_client()
        form = {"username": "evries", "password": "lucris-eva", "next": target}
        token_page = client.get("/login", query_string={"next": target})
        assert token_page.status_code == 200
        token = re.search(r'name="csrf_token" value="([^"]+)"', token_page.get_data(as_text=True))
        assert token is not None
        answer = client.post("/login", data={**form, "csrf_token": token.group(1)})
        assert answer.status_code == 303 and answer.headers["Location"] == "/dashboard", target
        listing = client.get("/publications")
        token = re.search(r'name="csrf_token" value="([^"]+)"', listing.get_data(as_text=True))
        assert token is not None
        back = client.post(
            "/publications/selection", data={"csrf_token": token.group(1), "back": "/publications?\n" + target}
        )
        assert back.status_code == 303 and back.headers["Location"] == "/publications", target


def test_every_app_refuses_to_be_framed(sandbox: RunningSandbox) -> None:
    for app, path in (
        (create_orcid(sandbox.orcid), "/signin"),
        (create_lucris(sandbox.lucris), "/login"),
        (create_registry(sandbox.crossref), "/deposit"),
        (create_registry(sandbox.datacite), "/deposits/10.1/none"),
    ):
        answer = app.test_client().get(path)
        assert answer.headers["X-Frame-Options"] == "DENY", path
        assert answer.headers["Content-Security-Policy"] == "frame-ancestors 'none'", path
