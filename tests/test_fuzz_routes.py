"""Two seeded fuzzers over every route of every sandbox app, through Flask's test clients.

The random one sends random methods to random rules of each app's url_map, with random path arguments, query,
form and JSON values. The mutational one starts from the valid requests the apps' own flows send (every form on
the pages a signed-in user reaches, the API work and bulk JSON LUCRIS writes, a publisher's deposit, the OAuth
token exchange) and replaces one field at a time with a hostile value. Neither may get a 5xx, and a refused
request (4xx) to change something must leave every database as it was.
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient

from orcid_guide.sandbox.launcher import LUCRIS_CLIENT_ID, LUCRIS_CLIENT_SECRET, RunningSandbox, running_sandbox
from orcid_guide.sandbox.lucris.app import create_app as create_lucris
from orcid_guide.sandbox.orcid.app import create_app as create_orcid
from orcid_guide.sandbox.orcid.demo_data import EVA
from orcid_guide.sandbox.registry.app import create_app as create_registry
from tests.helpers.orcid_forms import grant_token, sign_in, upload_bibtex

SEED = 20261202
RANDOM_REQUESTS = 200  # per client: a second or two each through the test client
WRITES = ("POST", "PUT", "DELETE")

# Hostile values for one form or query field, as the bytes sent (percent-encoded into the body or query).
HOSTILE_FIELD_BYTES: tuple[bytes, ...] = (
    b"9" * 5_000,
    b"-" + b"9" * 25,
    b"9223372036854775808",  # one past SQLite's largest integer
    b"\xed\xa0\x80",  # a lone surrogate written as UTF-8 would write it
    b"\xff\xfe",
    b"a\x00b",
    b"/\r\n/evil.example",
    b"\t",
    b"x" * 100_000,
    b"",
    "²".encode(),
    b"1e309",
    b"//evil.example",
    b"<script>alert(1)</script>",
)
# Hostile values for one JSON field, as the JSON text put in its place.
HOSTILE_JSON: tuple[str, ...] = (
    "9" * 5_000,
    "-" + "9" * 1_000,
    "9223372036854775808",
    "99999999999999999999",
    "1e999999",
    "-0.0",
    '"\\ud800"',
    '"x\\udfffy"',
    '"a\\u0000b\\n\\r\\t"',
    '"' + "9" * 5_000 + '"',
    '"' + "x" * 100_000 + '"',
    "[]",
    "{}",
    "null",
    "true",
    '[{"a": [null, 1.5, "x"]}]',
)
_SENTINEL = "@@hostile@@"


def _database_files(sandbox: RunningSandbox) -> tuple[Path, ...]:
    return (sandbox.orcid.database, sandbox.lucris.database, sandbox.crossref.database, sandbox.datacite.database)


def fingerprint(databases: tuple[Path, ...]) -> dict[str, str]:
    """A digest of every table of the databases, by name: equal digests, nothing saved."""
    digests: dict[str, str] = {}
    for path in databases:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1")]
            for table in tables:
                digest = hashlib.sha256()
                for row in db.execute(f'SELECT * FROM "{table}"'):
                    digest.update(repr(row).encode())
                digests[f"{path.stem}.{table}"] = digest.hexdigest()
        finally:
            db.close()
    return digests


def _assert_no_server_error(answer: Any, what: str) -> None:
    assert answer.status_code < 500, f"{what} -> {answer.status_code}: {answer.get_data(as_text=True)[:300]}"


@dataclass
class Form:
    action: str
    method: str
    fields: list[tuple[str, str]] = field(default_factory=list)


class _Forms(HTMLParser):
    """The POST forms of a page and the values a browser would send from them (first option of a select)."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.page = page
        self.forms: list[Form] = []
        self.links: list[str] = []
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {name: value or "" for name, value in attrs}
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "form":
            self.forms.append(Form(a.get("action") or self.page, a.get("method", "get").upper()))
        elif not self.forms or "name" not in a:
            return
        elif tag == "input":
            kind = a.get("type", "text")
            if kind == "radio" and "checked" not in a:  # a browser sends the checked one only
                return
            if kind not in ("submit", "file", "button"):
                self.forms[-1].fields.append((a["name"], a.get("value", "on" if kind == "checkbox" else "x")))
            elif kind == "submit":
                self.forms[-1].fields.append((a["name"], a.get("value", "")))
        elif tag == "button" and a.get("value") is not None:
            self.forms[-1].fields.append((a["name"], a["value"]))
        elif tag == "textarea":
            self.forms[-1].fields.append((a["name"], "x"))
        elif tag == "select":
            self._select = a["name"]
        elif tag == "option" and self._select is not None:
            self.forms[-1].fields.append((self._select, a.get("value", "")))
            self._select = None


def _same_site(href: str) -> str | None:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def crawl_forms(client: FlaskClient, starts: tuple[str, ...], *, pages: int = 40) -> list[tuple[str, Form]]:
    """The POST forms on the pages reachable from ``starts`` by links (breadth first, at most ``pages``),
    each with the page it came from; sign-out forms are left out so the crawl stays signed in."""
    seen: set[str] = set()
    queue = list(starts)
    found: list[tuple[str, Form]] = []
    kinds: set[str] = set()
    while queue and len(seen) < pages:
        page = queue.pop(0)
        if page in seen:
            continue
        seen.add(page)
        answer = client.get(page)
        if answer.status_code != 200 or answer.mimetype != "text/html":
            continue
        parser = _Forms(page)
        parser.feed(answer.get_data(as_text=True))
        for form in parser.forms:
            if form.method == "GET":  # a GET form leads to a page (the works selection to its dialog)
                queue.append(
                    f"{urlsplit(form.action).path}?{_encode([(n, v.encode()) for n, v in form.fields]).decode()}"
                )
            # One form of each kind: /works/1/visibility stands for the works' other visibility forms.
            kind = re.sub(r"\d+|[0-9a-f]{32}", "#", urlsplit(form.action).path)
            if form.method != "POST" or re.search(r"sign-?out|logout|disconnect|revoke", form.action) or kind in kinds:
                continue
            kinds.add(kind)
            found.append((page, form))
        queue.extend(link for link in map(_same_site, parser.links) if link and link not in seen)
    return found


def _encode(fields: list[tuple[str, bytes]]) -> bytes:
    return "&".join(f"{quote(name)}={quote(value)}" for name, value in fields).encode()


def _post_form(client: FlaskClient, action: str, fields: list[tuple[str, bytes]]) -> Any:
    return client.post(action, data=_encode(fields), content_type="application/x-www-form-urlencoded")


def _files_changed(databases: tuple[Path, ...]) -> tuple[tuple[int, int], ...]:
    """Size and modification time of each database and its write-ahead log: every commit changes one."""
    marks = []
    for path in databases:
        for part in (path, path.with_name(path.name + "-wal")):
            found = part.stat() if part.exists() else None
            marks.append((found.st_size, found.st_mtime_ns) if found else (0, 0))
    return tuple(marks)


@dataclass
class Guard:
    """Refused writes must change no database. The files' size and time show cheaply that nothing was
    committed; when something was, the tables' digests show whether anything changed."""

    databases: tuple[Path, ...]
    marks: tuple[tuple[int, int], ...] = ()
    tables: dict[str, str] = field(default_factory=dict)
    sent: int = 0

    def __post_init__(self) -> None:
        self.restart()

    def restart(self) -> None:
        """After setting up (signing in, granting a token, building an app), which saves sessions and tokens."""
        self.marks, self.tables = _files_changed(self.databases), fingerprint(self.databases)

    def check(self, answer: Any, method: str, what: str) -> None:
        self.sent += 1
        _assert_no_server_error(answer, what)
        marks = _files_changed(self.databases)
        if marks == self.marks:
            return
        tables = fingerprint(self.databases)
        if method in WRITES and answer.status_code >= 400:
            changed = sorted(name for name in tables if tables[name] != self.tables.get(name))
            assert not changed, f"{what} was refused ({answer.status_code}) but changed {changed}"
        self.marks, self.tables = marks, tables


def mutate_forms(client: FlaskClient, forms: list[tuple[str, Form]], guard: Guard, rng: random.Random) -> None:
    """Each form sent again with one field replaced by a hostile value (a few per field, seeded); the CSRF
    token is read again from its page first, so the request is valid but for that one field."""
    guard.restart()
    for page, form in forms:
        fresh = client.get(page).get_data(as_text=True)
        token = re.search(r'name="csrf_token" value="([^"]+)"', fresh)
        for index, (name, _) in enumerate(form.fields):
            for hostile in rng.sample(HOSTILE_FIELD_BYTES, 4):
                fields = [
                    (n, token.group(1).encode() if n == "csrf_token" and token else v.encode()) for n, v in form.fields
                ]
                fields[index] = (name, hostile)
                answer = _post_form(client, form.action, fields)
                guard.check(answer, "POST", f"POST {form.action} from {page} {name}={hostile[:20]!r}")


def node_at(document: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        document = document[step]
    return document


def json_mutations(document: Any) -> Iterator[tuple[str, bytes]]:
    """``document`` as JSON with one value (or one whole object or list) replaced by hostile JSON texts (a
    seeded sample of them for each place, all of them where the document has a number)."""
    rng = random.Random(SEED)

    def places(node: Any, path: tuple[Any, ...]) -> Iterator[tuple[Any, ...]]:
        yield path
        if isinstance(node, dict):
            for key, value in node.items():
                yield from places(value, (*path, key))
        elif isinstance(node, list):
            for number, value in enumerate(node):
                yield from places(value, (*path, number))

    for path in places(document, ()):
        if not path:
            continue
        copy = json.loads(json.dumps(document))
        holder = copy
        for step in path[:-1]:
            holder = holder[step]
        holder[path[-1]] = _SENTINEL
        text = json.dumps(copy)
        for hostile in HOSTILE_JSON if isinstance(node_at(document, path), int) else rng.sample(HOSTILE_JSON, 5):
            where = "/".join(map(str, path))
            yield f"{where}={hostile[:20]}", text.replace(json.dumps(_SENTINEL), hostile, 1).encode()


def random_text(rng: random.Random) -> str:
    pool = "aZ09-_./:%?&=#é²\u202e\x00\n\t "
    return rng.choice(
        (
            "".join(rng.choice(pool) for _ in range(rng.randint(0, 12))),
            str(rng.randint(-(10**30), 10**30)),
            "9" * rng.randint(15, 5_000),
            EVA.orcid,
            str(rng.randint(0, 40)),
            rng.choice(("public", "limited", "private", "journal-article", "book", "on", "next", "import")),
        )
    )


def random_json(rng: random.Random, depth: int = 0) -> Any:
    kind = rng.randint(0, 6 if depth < 3 else 3)
    if kind == 0:
        return random_text(rng)
    if kind == 1:
        return rng.choice((None, True, False, 0, -1, 1.5, 10**18))
    if kind == 2:
        return rng.randint(-(10**6), 10**6)
    if kind == 3:
        return ""
    if kind in (4, 5):
        keys = ("title", "type", "put-code", "bulk", "work", "doi", "orcid", "value", "year", "contributors")
        return {rng.choice(keys): random_json(rng, depth + 1) for _ in range(rng.randint(0, 4))}
    return [random_json(rng, depth + 1) for _ in range(rng.randint(0, 3))]


def random_requests(app: Flask, client: FlaskClient, headers: dict[str, str], rng: random.Random, guard: Guard) -> None:
    rules = [rule for rule in app.url_map.iter_rules() if rule.endpoint != "static"]
    fields = sorted({name for rule in rules for name in rule.arguments} | {"next", "back", "page", "size", "q"})
    with client.session_transaction() as session:
        token = session.setdefault("csrf_token", "fuzz-token")
    guard.restart()
    for _ in range(RANDOM_REQUESTS):
        rule = rng.choice(rules)
        method = rng.choice(sorted((rule.methods or {"GET"}) - {"HEAD", "OPTIONS"}))
        path = rule.rule
        for name in rule.arguments:
            value = quote(random_text(rng), safe="") or "x"
            path = re.sub(rf"<(?:[^:<>]+:)?{name}>", value.replace("\\", "\\\\"), path)
        query = {rng.choice(fields): random_text(rng) for _ in range(rng.randint(0, 3))}
        shape = rng.randint(0, 2)
        if method == "GET" or shape == 0:
            answer = client.open(path, method=method, query_string=query, headers=headers)
        elif shape == 1:
            form = {rng.choice(fields): random_text(rng) for _ in range(rng.randint(0, 5))}
            form["csrf_token"] = token
            answer = client.open(path, method=method, data=form, headers=headers)
        else:
            body = json.dumps(random_json(rng))
            answer = client.open(
                path, method=method, data=body, headers={**headers, "Content-Type": "application/json"}
            )
        guard.check(answer, method, f"{method} {path} query={query}")


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningSandbox]:
    with running_sandbox(tmp_path_factory.mktemp("fuzz-routes")) as running:
        yield running


def _bearer(sandbox: RunningSandbox, app: Flask) -> dict[str, str]:
    callback = f"{sandbox.lucris_url}/orcid/callback"
    scope = "/read-limited /activities/update"
    token = grant_token(app, EVA.email, EVA.password, LUCRIS_CLIENT_ID, LUCRIS_CLIENT_SECRET, callback, scope)
    return {"Authorization": f"Bearer {token['access_token']}"}


def _lucris_signed_in(app: Flask, username: str, password: str) -> FlaskClient:
    client = app.test_client()
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert token is not None
    answer = client.post("/login", data={"csrf_token": token.group(1), "username": username, "password": password})
    assert answer.status_code == 303
    return client


def test_random_requests_to_every_app_get_no_server_error(sandbox: RunningSandbox) -> None:
    rng = random.Random(SEED)
    guard = Guard(_database_files(sandbox))
    orcid = create_orcid(sandbox.orcid)
    bearer = _bearer(sandbox, orcid)
    signed_in = orcid.test_client()
    sign_in(signed_in, EVA.email, EVA.password)
    random_requests(orcid, orcid.test_client(), {}, rng, guard)
    random_requests(orcid, signed_in, bearer, rng, guard)
    lucris = create_lucris(sandbox.lucris)
    random_requests(lucris, _lucris_signed_in(lucris, "evries", "lucris-eva"), {}, rng, guard)
    random_requests(lucris, _lucris_signed_in(lucris, "mjansen", "lucris-editor"), {}, rng, guard)
    for settings in (sandbox.crossref, sandbox.datacite):
        registry = create_registry(settings)
        random_requests(registry, registry.test_client(), {}, rng, guard)
    assert guard.sent == 6 * RANDOM_REQUESTS


def test_every_form_of_the_orcid_emulator_with_one_hostile_field(sandbox: RunningSandbox) -> None:
    orcid = create_orcid(sandbox.orcid)
    client = orcid.test_client()
    forms_before_sign_in = crawl_forms(client, ("/signin", "/register"), pages=4)
    sign_in(client, EVA.email, EVA.password)
    upload_bibtex(client, b"@article{a, title = {Peat}, year = 2024}\n@book{b, title = {Bogs}, year = 2023}")
    forms = crawl_forms(client, ("/works/bibtex/preview", "/my-orcid", "/account", "/inbox", "/trusted-parties"))
    actions = {urlsplit(form.action).path for _, form in forms}
    assert {"/my-orcid/works/set-visibility", "/works/bibtex/preview", "/account"} <= actions, actions
    guard = Guard(_database_files(sandbox))
    mutate_forms(client, forms, guard, random.Random(SEED))
    mutate_forms(orcid.test_client(), forms_before_sign_in, guard, random.Random(SEED))
    assert guard.sent > 120


def test_every_form_of_mock_lucris_with_one_hostile_field(sandbox: RunningSandbox) -> None:
    lucris = create_lucris(sandbox.lucris)
    guard = Guard(_database_files(sandbox))
    for username, password in (("evries", "lucris-eva"), ("mjansen", "lucris-editor")):
        client = _lucris_signed_in(lucris, username, password)
        forms = crawl_forms(client, ("/dashboard", "/publications", "/preferences/research-profile"))
        assert forms, username
        mutate_forms(client, forms, guard, random.Random(SEED))
    login = lucris.test_client()
    mutate_forms(login, crawl_forms(login, ("/login",), pages=1), guard, random.Random(SEED))
    assert guard.sent > 100


def _lucris_work() -> dict[str, Any]:
    """A work as LUCRIS writes it to ORCID (work_mapping.to_orcid_work's shape, every part filled)."""
    return {
        "title": {"title": {"value": "Peat and carbon"}, "subtitle": {"value": "A survey"}},
        "type": "journal-article",
        "publication-date": {"year": {"value": "2024"}, "month": {"value": "05"}, "day": {"value": "01"}},
        "external-ids": {
            "external-id": [
                {
                    "external-id-type": "doi",
                    "external-id-value": "10.5555/fuzz.1",
                    "external-id-url": {"value": "https://doi.org/10.5555/fuzz.1"},
                    "external-id-relationship": "self",
                }
            ]
        },
        "contributors": {
            "contributor": [
                {
                    "credit-name": {"value": "Eva de Vries"},
                    "contributor-orcid": {"path": EVA.orcid},
                    "contributor-attributes": {"contributor-sequence": "first", "contributor-role": "author"},
                }
            ]
        },
        "language-code": "en",
        "journal-title": {"value": "Peat"},
        "url": {"value": "https://doi.org/10.5555/fuzz.1"},
        "put-code": 1,
    }


def test_api_work_json_with_one_hostile_field(sandbox: RunningSandbox) -> None:
    orcid = create_orcid(sandbox.orcid)
    headers = {**_bearer(sandbox, orcid), "Content-Type": "application/vnd.orcid+json"}
    client = orcid.test_client()
    guard = Guard(_database_files(sandbox))
    work = _lucris_work()
    added = client.post(f"/v3.0/{EVA.orcid}/work", data=json.dumps({**work, "put-code": None}), headers=headers)
    assert added.status_code == 201, added.get_data(as_text=True)
    put_code = int(added.headers["Location"].rsplit("/", 1)[1])
    guard.restart()
    for where, body in json_mutations(work):
        for method, path in (("POST", "/work"), ("PUT", f"/work/{put_code}")):
            answer = client.open(f"/v3.0/{EVA.orcid}{path}", method=method, data=body, headers=headers)
            guard.check(answer, method, f"{method} {path} {where}")
            if answer.status_code == 201:  # accepted as a new work: take it away so the next is no duplicate
                client.delete(urlsplit(answer.headers["Location"]).path, headers=headers)
                guard.restart()
    for where, body in json_mutations(
        {"bulk": [{"work": work}, {"work": {**work, "title": {"title": {"value": "2"}}}}]}
    ):
        answer = client.post(f"/v3.0/{EVA.orcid}/works", data=body, headers=headers)
        guard.check(answer, "POST", f"POST /works {where}")
    assert guard.sent > 500


def test_deposits_and_token_exchanges_with_one_hostile_field(sandbox: RunningSandbox) -> None:
    orcid = create_orcid(sandbox.orcid).test_client()
    guard = Guard(_database_files(sandbox))
    for number, settings in enumerate((sandbox.crossref, sandbox.datacite)):
        account = base64.b64encode(f"{settings.depositor}:{settings.depositor_password}".encode()).decode()
        headers = {"Authorization": f"Basic {account}", "Content-Type": "application/json"}
        deposit = {
            "doi": f"10.5555/fuzz.{number}",
            "title": "Peat",
            "type": settings.work_types[0],
            "container": "Peat",
            "publisher": "Leiden",
            "year": 2024,
            "month": 5,
            "day": 1,
            "contributors": [{"given": "Eva", "family": "de Vries", "orcid": f"https://orcid.org/{EVA.orcid}"}],
        }
        client = create_registry(settings).test_client()
        for where, body in json_mutations(deposit):
            guard.check(client.post("/deposits", data=body, headers=headers), "POST", f"deposit {where}")
    exchange = {
        "client_id": LUCRIS_CLIENT_ID,
        "client_secret": LUCRIS_CLIENT_SECRET,
        "grant_type": "authorization_code",
        "code": "not-issued",
        "redirect_uri": f"{sandbox.lucris_url}/orcid/callback",
    }
    for name in exchange:
        for hostile in HOSTILE_FIELD_BYTES:
            fields = [(n, hostile if n == name else v.encode()) for n, v in exchange.items()]
            answer = _post_form(orcid, "/oauth/token", fields)
            guard.check(answer, "POST", f"POST /oauth/token {name}={hostile[:20]!r}")
    assert guard.sent > 150
