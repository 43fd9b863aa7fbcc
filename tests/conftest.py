"""The suite's shared fixtures: playwright → browser → context → page, a live sandbox, the apps under Flask's test
client, the built site and its host."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from orcid_guide.engine.browser import Viewport, launch_chromium, new_context
from orcid_guide.sandbox.launcher import RunningSandbox, running_sandbox
from tests.helpers import lucris_forms, orcid_forms
from tests.helpers.static_host import PUBLISHED_AT, SUB_PATH, served
from tests.helpers.tutorial_runs import SKIP_REASON, SKIP_TUTORIALS

ROOT = Path(__file__).resolve().parents[1]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get(SKIP_TUTORIALS) != "1":
        return
    skip = pytest.mark.skip(reason=SKIP_REASON)
    for item in items:
        if item.get_closest_marker("tutorials"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = launch_chromium(playwright)
    yield browser
    browser.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = new_context(browser, Viewport())
    context.set_default_timeout(5_000)
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[RunningSandbox]:
    """Both apps on loopback with fresh databases, a fixed clock and fixed iDs."""
    with running_sandbox(tmp_path / "sandbox") as running:
        yield running


@pytest.fixture
def python_orcid_public(sandbox: RunningSandbox, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, str]:
    """python-orcid's PublicAPI pointed at the emulator (only its addresses changed), and a /read-public token."""
    import orcid.orcid as orcid_module

    from orcid_guide.sandbox.orcid.demo_clients import PUBLIC_DEMO_ID, builtin_clients

    # python-orcid 1.0.3 speaks v2.0 unless told otherwise; the emulator serves v3.0 only.
    monkeypatch.setattr(orcid_module, "VERSION", "/v3.0")
    monkeypatch.setattr(orcid_module, "SEARCH_VERSION", "/v3.0")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    public = next(c for c in builtin_clients(sandbox.orcid_url) if c.client_id == PUBLIC_DEMO_ID)
    client = orcid_module.PublicAPI(public.client_id, public.secret, sandbox=True)
    client._endpoint = sandbox.orcid_url
    client._token_url = f"{sandbox.orcid_url}/oauth/token"
    return client, client.get_search_token_from_orcid()


@pytest.fixture
def lucris_orcid_url() -> str:
    """Where mock LUCRIS (the marker lucris) calls ORCID: nowhere; a module overrides this to answer it."""
    return lucris_forms.closed_port_url()


@pytest.fixture
def app(request: pytest.FixtureRequest, tmp_path: Path) -> Flask:
    """The app under test on a fresh database: the ORCID emulator, its settings changed by the marker
    orcid_settings(**overrides); in a module marked lucris, mock LUCRIS."""
    if request.node.get_closest_marker("lucris") is not None:
        return lucris_forms.make_app(tmp_path, request.getfixturevalue("lucris_orcid_url"))
    marker = request.node.get_closest_marker("orcid_settings")
    return orcid_forms.make_app(tmp_path, **(marker.kwargs if marker is not None else {}))


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """A browser of ``app`` that has not signed in."""
    return app.test_client()


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The guide built once for the whole session, both languages, with --strict."""
    site_dir = tmp_path_factory.mktemp("site")
    # Material prints an end-of-life banner on every build; it is noise here, not a warning about the site.
    # Built for a host that serves the guide from a sub-path, and served so (site_url below): every link,
    # including the 404 pages' (made from site_url), must work there.
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": PUBLISHED_AT}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return site_dir


@pytest.fixture(scope="session")
def site_url(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The built site on a real local HTTP server (port 0) under its sub-path, without a trailing slash."""
    host = tmp_path_factory.mktemp("host")
    (host / SUB_PATH.strip("/")).symlink_to(site, target_is_directory=True)
    with served(host) as origin:
        yield origin + SUB_PATH
