"""Fixtures in the playwright-pytest shape: playwright → browser → context → page, a live sandbox, the built site."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from orcid_guide.engine.browser import Viewport, launch_chromium, new_context
from orcid_guide.sandbox.launcher import RunningSandbox, running_sandbox


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


ROOT = Path(__file__).resolve().parents[1]
PUBLISHED_AT = "https://guides.example.org/orcid-guide/"
SUB_PATH = "/orcid-guide"


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


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves a built site as a static host does, answering a missing page with the nearest 404.html above it."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        root = Path(self.directory)
        folders = [part for part in self.path.split("?")[0].split("/")[:-1] if part]
        pages = [root.joinpath(*folders[:depth], "404.html") for depth in range(len(folders), -1, -1)]
        page = next((candidate for candidate in pages if candidate.is_file()), None)
        if code != 404 or page is None:
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(directory: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(SiteHandler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The built site on a real local HTTP server (port 0) under its sub-path, without a trailing slash."""
    host = tmp_path_factory.mktemp("host")
    (host / SUB_PATH.strip("/")).symlink_to(site, target_is_directory=True)
    for origin in serve(host):
        yield origin + SUB_PATH
