"""Runs the ORCID emulator and mock LUCRIS on loopback ports, each with a fresh SQLite file.

Both servers bind their sockets before either app is built, so each app is created knowing the other's
URL; that is the only way the two find each other, and they then talk over real HTTP.
"""

from __future__ import annotations

import errno
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from orcid_guide.errors import UserError
from orcid_guide.sandbox.clock import fixed_clock, real_clock
from orcid_guide.sandbox.lucris.app import create_app as create_lucris
from orcid_guide.sandbox.lucris.settings import LucrisSettings
from orcid_guide.sandbox.orcid.app import create_app as create_orcid
from orcid_guide.sandbox.orcid.settings import ClientRegistration, OrcidSettings

HOST = "127.0.0.1"
LUCRIS_CLIENT_ID = "APP-LUCRIS0LEIDEN0"
LUCRIS_CLIENT_SECRET = "lucris-demo-secret-0000-0000-000000000000"


@dataclass(frozen=True)
class RunningSandbox:
    orcid_url: str
    lucris_url: str
    orcid: OrcidSettings
    lucris: LucrisSettings


class _QuietHandler(WSGIRequestHandler):
    # A request log per screenshot step buries the progress lines the user is reading.
    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass


def _bind(port: int, name: str) -> BaseWSGIServer:
    def not_ready(environ: object, start_response: object) -> list[bytes]:
        raise RuntimeError("app not attached yet")

    # Bind here rather than in werkzeug, which answers a busy port with prints and sys.exit.
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((HOST, port))
        listener.listen(128)
    except OSError as error:
        listener.close()
        if error.errno == errno.EADDRINUSE:
            raise UserError(
                f"Port {port} for the {name} is already in use; stop what runs there or pick another port."
            ) from error
        raise
    with listener:
        # The server keeps its own duplicate of the socket.
        return make_server(HOST, port, not_ready, threaded=True, request_handler=_QuietHandler, fd=listener.fileno())


@contextmanager
def running_sandbox(
    workdir: Path,
    *,
    deterministic: bool = True,
    orcid_port: int = 0,
    lucris_port: int = 0,
    add_menu: Literal["classic", "new"] = "classic",
) -> Iterator[RunningSandbox]:
    """Start both apps on fresh databases in ``workdir``; stop them when the block ends."""
    workdir.mkdir(parents=True, exist_ok=True)
    for stale in ("orcid.sqlite3", "lucris.sqlite3"):
        (workdir / stale).unlink(missing_ok=True)
    orcid_server = _bind(orcid_port, "ORCID emulator")
    try:
        lucris_server = _bind(lucris_port, "mock LUCRIS")
    except BaseException:
        orcid_server.server_close()
        raise
    orcid_url = f"http://{HOST}:{orcid_server.port}"
    lucris_url = f"http://{HOST}:{lucris_server.port}"
    clock = fixed_clock if deterministic else real_clock
    orcid_settings = OrcidSettings(
        database=workdir / "orcid.sqlite3",
        base_url=orcid_url,
        clock=clock,
        fixed_ids=deterministic,
        add_menu=add_menu,
        clients=(
            ClientRegistration(
                client_id=LUCRIS_CLIENT_ID,
                secret=LUCRIS_CLIENT_SECRET,
                name="LUCRIS - Leiden University",
                redirect_uris=(f"{lucris_url}/orcid/callback",),
                member=True,
            ),
        ),
    )
    lucris_settings = LucrisSettings(
        database=workdir / "lucris.sqlite3",
        base_url=lucris_url,
        orcid_url=orcid_url,
        client_id=LUCRIS_CLIENT_ID,
        client_secret=LUCRIS_CLIENT_SECRET,
        clock=clock,
    )
    orcid_server.app = create_orcid(orcid_settings)
    lucris_server.app = create_lucris(lucris_settings)
    threads = [
        threading.Thread(target=server.serve_forever, name=name, daemon=True)
        for server, name in ((orcid_server, "orcid"), (lucris_server, "lucris"))
    ]
    for thread in threads:
        thread.start()
    try:
        yield RunningSandbox(orcid_url, lucris_url, orcid_settings, lucris_settings)
    finally:
        for server in (orcid_server, lucris_server):
            server.shutdown()
            server.server_close()
        for thread in threads:
            thread.join()
