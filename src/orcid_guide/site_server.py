"""Serving the built site as its host does: a missing page is answered with the guide's 404 page of its language.

A page under ``/nl/`` that does not exist gets ``nl/404.html`` (Dutch), any other ``404.html`` at the root
(English); both with status 404, as GitHub Pages and most static hosts do.
"""

from __future__ import annotations

import functools
import http.server
from pathlib import Path
from urllib.parse import unquote, urlsplit

NOT_FOUND_PAGE = "404.html"


def not_found_page(site: Path, address: str) -> Path | None:
    """The 404 page nearest above ``address`` (a URL path) in ``site``, or None when the site has none."""
    folders = [part for part in unquote(urlsplit(address).path).split("/")[:-1] if part and part not in (".", "..")]
    for depth in range(len(folders), -1, -1):
        candidate = site.joinpath(*folders[:depth], NOT_FOUND_PAGE)
        if candidate.is_file():
            return candidate
    return None


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Quiet, and with the site's own 404 pages."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = not_found_page(Path(self.directory), self.path) if code == 404 else None
        if page is None:
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def site_server(port: int, site: Path) -> http.server.ThreadingHTTPServer:
    """A server for ``site`` on 127.0.0.1:``port`` (0: any free port); raises OSError when the port is taken."""
    return http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(SiteHandler, directory=str(site)))
