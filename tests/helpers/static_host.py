"""A built site served as a static host serves it: over real HTTP on loopback, a missing page answered with its 404
(the handler `orcid-guide serve` uses)."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import ThreadingHTTPServer
from pathlib import Path

from orcid_guide.site_server import SiteHandler

# Where the tests' build of the guide says it is published: a host that serves it from a sub-path.
PUBLISHED_AT = "https://guides.example.org/orcid-guide/"
SUB_PATH = "/orcid-guide"


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
