"""A built site served as a static host serves it: over real HTTP on loopback, a missing page answered with its 404."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

# Where the tests' build of the guide says it is published: a host that serves it from a sub-path.
PUBLISHED_AT = "https://guides.example.org/orcid-guide/"
SUB_PATH = "/orcid-guide"


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


@contextmanager
def served(directory: Path, handler: type[SiteHandler] = SiteHandler) -> Iterator[str]:
    """``directory`` on a real HTTP server on loopback (port 0); yields its origin."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
