"""No script through links or markup: hostile text in every field a client or a person can set, on every page
that shows it (ORCID's record pages, LUCRIS's lookup and import, the registries' pages)."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from flask import Flask
from flask.testing import FlaskClient

from orcid_guide.sandbox import web_links
from orcid_guide.sandbox.launcher import LUCRIS_CLIENT_ID, LUCRIS_CLIENT_SECRET, RunningSandbox, running_sandbox
from orcid_guide.sandbox.lucris.app import create_app as create_lucris
from orcid_guide.sandbox.orcid.app import create_app as create_orcid
from orcid_guide.sandbox.orcid.demo_data import EVA
from orcid_guide.sandbox.orcid.works_store import NewExternalId, NewWork, Source, add_work
from orcid_guide.sandbox.registry.app import create_app as create_registry
from tests.helpers.orcid_forms import grant_token, register, sign_in

# Every payload carries 1337, so script built from one of them is easy to spot.
SCHEME_PAYLOADS = (
    "javascript:alert(1337)",
    "JaVaScRiPt:alert(1337)",
    " javascript:alert(1337)",
    "\x01javascript:alert(1337)",
    "\tjava\nscript:alert(1337)",
    "data:text/html,<script>alert(1337)</script>",
    "vbscript:msgbox(1337)",
    "//evil.example/1337",
    'https://ok.example/"><img src=x onerror=alert(1337)>',
)
MARKUP_PAYLOADS = (
    "<script>alert(1337)</script>",
    '"><img src=x onerror=alert(1337)>',
    "'><svg onload=alert(1337)>",
    "</textarea><script>alert(1337)</script>",
)
LUCRIS_EVA_UUID = "5efb3e7141030dfb7cc56dc2e2cf97c5"
SAFE_URL = re.compile(r"^(?:https?://|/(?!/)|#|\?|$)", re.IGNORECASE)


class _Executable(HTMLParser):
    """Collects everything on a page that could run script: event attributes, odd link schemes, injected tags."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            text = value or ""
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}={text!r}>")
            # data:, the sandbox's favicon, is no link anyone can click.
            favicon = tag == "link" and text == "data:,"
            if (
                name in ("href", "src", "action", "formaction", "xlink:href")
                and not SAFE_URL.match(text)
                and not favicon
            ):
                self.problems.append(f"<{tag} {name}={text!r}>")
            if "1337" in text and name == "style":
                self.problems.append(f"<{tag} {name}={text!r}>")
        if tag in ("svg", "iframe", "object", "embed") or (tag == "img" and any(n == "onerror" for n, _ in attrs)):
            self.problems.append(f"<{tag}>")
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and "1337" in data:
            self.problems.append(f"<script>{data[:60]}")


def executable_parts(page: str) -> list[str]:
    parser = _Executable()
    parser.feed(page)
    return parser.problems


def test_only_http_and_https_urls_count_as_web_urls() -> None:
    assert web_links.is_web_url("https://doi.org/10.1234/abc")
    assert web_links.is_web_url("http://127.0.0.1:8100/record")
    for payload in SCHEME_PAYLOADS:
        assert not web_links.is_web_url(payload), payload


def test_the_checker_finds_what_it_looks_for() -> None:
    assert executable_parts('<a href="javascript:alert(1)">x</a>')
    assert executable_parts('<a href=" JaVaScRiPt:x">x</a>')
    assert executable_parts("<img src=x onerror=alert(1337)>")
    assert executable_parts("<script>alert(1337)</script>")
    assert not executable_parts('<a href="https://doi.org/10.1/x">x</a> &lt;script&gt;alert(1337)')


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningSandbox]:
    with running_sandbox(tmp_path_factory.mktemp("hostile")) as running:
        yield running


@pytest.fixture(scope="module")
def orcid(sandbox: RunningSandbox) -> Flask:
    """The emulator in-process on the running sandbox's database (LUCRIS reads the same data over HTTP)."""
    return create_orcid(sandbox.orcid)


def _work(**fields: Any) -> dict[str, Any]:
    work: dict[str, Any] = {
        "title": {"title": {"value": "A work"}},
        "type": "journal-article",
        "external-ids": {"external-id": [{"external-id-type": "doi", "external-id-value": "10.1/x"}]},
    }
    work.update(fields)
    return work


def _post(orcid: Flask, token: str, body: dict[str, Any]) -> Any:
    return orcid.test_client().post(
        f"/v3.0/{EVA.orcid}/work",
        data=json.dumps(body),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/vnd.orcid+json"},
    )


@pytest.fixture(scope="module")
def eva_token(orcid: Flask, sandbox: RunningSandbox) -> str:
    callback = f"{sandbox.lucris_url}/orcid/callback"
    scope = "/read-limited /activities/update"
    token = grant_token(orcid, EVA.email, EVA.password, LUCRIS_CLIENT_ID, LUCRIS_CLIENT_SECRET, callback, scope)
    return str(token["access_token"])


def test_the_api_refuses_every_link_that_is_not_http_or_https(orcid: Flask, eva_token: str) -> None:
    for number, payload in enumerate(SCHEME_PAYLOADS):
        doi = {"external-id-type": "doi", "external-id-value": f"10.1/bad{number}"}
        for body in (
            _work(url={"value": payload}),
            _work(**{"external-ids": {"external-id": [{**doi, "external-id-url": {"value": payload}}]}}),
        ):
            answer = _post(orcid, eva_token, body)
            assert answer.status_code == 400, payload
            assert "Invalid url" in answer.get_json()["developer-message"]


@pytest.fixture(scope="module")
def hostile_record(orcid: Flask, sandbox: RunningSandbox, eva_token: str) -> None:
    """Eva's public record with markup in every text field a client can set, and (as an import that did not check
    could store) a work whose links use every other scheme."""
    for number, payload in enumerate(MARKUP_PAYLOADS):
        answer = _post(
            orcid,
            eva_token,
            _work(
                title={"title": {"value": f"Title {payload}"}, "subtitle": {"value": payload}},
                **{
                    "journal-title": {"value": payload},
                    "short-description": payload,
                    "citation": {"citation-type": "bibtex", "citation-value": payload},
                    "url": {"value": f"https://ok.example/{number}?q={quote(payload)}"},
                    "external-ids": {
                        "external-id": [
                            {
                                "external-id-type": "doi",
                                "external-id-value": f"10.1/{number}{payload}",
                                "external-id-url": {"value": f"https://doi.org/10.1/{number}"},
                            }
                        ]
                    },
                    "contributors": {"contributor": [{"credit-name": {"value": payload}}]},
                },
            ),
        )
        assert answer.status_code == 201, answer.text
    db = sqlite3.connect(sandbox.orcid.database, isolation_level=None)
    db.row_factory = sqlite3.Row
    try:
        for number, payload in enumerate(SCHEME_PAYLOADS):
            work = NewWork(
                f"Stored link {number}",
                "journal-article",
                "public",
                url=payload,
                external_ids=(NewExternalId("doi", f"10.2/{number}", payload),),
            )
            add_work(db, EVA.orcid, work, Source(name="An old import", orcid=EVA.orcid), now_ms=0)
    finally:
        db.close()


def _assert_safe(page: Any, where: str) -> None:
    assert page.status_code < 500, where
    problems = executable_parts(page.text)
    assert not problems, f"{where}: {problems}"


def test_orcid_pages_show_hostile_works_as_text(orcid: Flask, hostile_record: None) -> None:
    anyone = orcid.test_client()
    public = anyone.get(f"/{EVA.orcid}")
    assert "Stored link 0" in public.text and "&lt;script&gt;alert(1337)" in public.text
    _assert_safe(public, "public record")
    owner = orcid.test_client()
    sign_in(owner, EVA.email, EVA.password)
    for path in ("/my-orcid", "/inbox", "/trusted-parties", "/account"):
        _assert_safe(owner.get(path), path)
    api = anyone.get(f"/v3.0/{EVA.orcid}/works", headers={"Accept": "application/json"})
    assert "Stored link 0" in api.text


def test_lucris_shows_hostile_orcid_works_as_text(sandbox: RunningSandbox, hostile_record: None) -> None:
    lucris = create_lucris(sandbox.lucris).test_client()
    _log_in(lucris, "evries", "lucris-eva")
    lookup = lucris.get(
        "/preferences/research-profile", query_string={"lookup": "1", "show": EVA.orcid}, follow_redirects=True
    )
    assert "Stored link 0" in lookup.text
    _assert_safe(lookup, "LUCRIS lookup")
    typed = lucris.post(
        "/preferences/research-profile",
        data={"csrf_token": _csrf(lucris, "/preferences/research-profile"), "orcid": MARKUP_PAYLOADS[1]},
    )
    assert typed.status_code == 200 and "&lt;img" in typed.text
    _assert_safe(typed, "LUCRIS research identifiers")
    lucris.post(
        "/preferences/research-profile",
        data={"csrf_token": _csrf(lucris, "/preferences/research-profile"), "orcid": EVA.orcid},
    )
    page = "/publications/import?person=" + LUCRIS_EVA_UUID
    form = {"csrf_token": _csrf(lucris, page), "person": LUCRIS_EVA_UUID, "by_orcid_id": "on", "source": "orcid"}
    found = lucris.post("/publications/import", data=form, follow_redirects=True)
    assert "Stored link 0" in found.text, found.text[:500]
    _assert_safe(found, "LUCRIS import results")
    _assert_safe(lucris.get("/publications"), "LUCRIS publications")


def test_a_person_who_registers_with_markup_in_their_name_sees_it_as_text(orcid: Flask) -> None:
    browser = orcid.test_client()
    payload = MARKUP_PAYLOADS[1]
    answer = register(
        browser,
        given_names=payload[:90],
        family_names=MARKUP_PAYLOADS[0],
        primary_email="x@example.org",
        confirm_email="x@example.org",
        organization=MARKUP_PAYLOADS[2],
    )
    _assert_safe(answer, "register wizard")
    for path in ("/my-orcid", "/account", "/register"):
        _assert_safe(browser.get(path, follow_redirects=True), path)


def test_registry_pages_show_hostile_deposits_as_text(sandbox: RunningSandbox) -> None:
    for settings in (sandbox.crossref, sandbox.datacite):
        registry = create_registry(settings).test_client()
        kind = settings.work_types[0]
        for payload in MARKUP_PAYLOADS + SCHEME_PAYLOADS:
            form = {
                "csrf_token": _csrf(registry, "/deposit"),
                "depositor_password": settings.depositor_password,
                "doi": f"10.5555/{payload}",
                "title": payload,
                "type": kind,
                "container": payload,
                "publisher": payload,
                "year": "2024",
                "given": payload,
                "family": payload,
                "orcid": payload,
            }
            _assert_safe(registry.post("/deposit", data=form), f"{settings.kind} deposit page")
            form.update(doi=f"10.5555/{len(payload)}", orcid="")
            _assert_safe(registry.post("/deposit", data=form), f"{settings.kind} deposit page")
        _assert_safe(registry.get("/search", query_string={"q": MARKUP_PAYLOADS[0]}), "registry search")


def _csrf(client: FlaskClient, path: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).text)
    assert found, f"no CSRF token on {path}"
    return found.group(1)


def _log_in(client: FlaskClient, username: str, password: str) -> None:
    answer = client.post(
        "/login", data={"csrf_token": _csrf(client, "/login"), "username": username, "password": password}
    )
    assert answer.status_code == 303


def test_only_web_urls_are_links_in_any_template() -> None:
    """A template that writes a stored value into href must ask ``is web_url`` first."""
    for template in Path(web_links.__file__).parent.glob("*/templates/*.html"):
        text = template.read_text(encoding="utf-8")
        for match in re.finditer(r'href="\{\{ ([^}]+) \}\}"', text):
            expression = match.group(1).strip()
            # pages_url is url_for bound to the record page's endpoint (views_record.py).
            if expression.startswith(("url_for(", "query.url(", "pages_url(")) or expression in _CONFIGURED_LINKS:
                continue
            assert f"{expression} is web_url" in text, f"{template.name}: href from {expression} is not checked"


# Links built from the sandbox's own settings, never from what anyone typed.
_CONFIGURED_LINKS = {"href", "orcid_record", "n.authorization_path"}
