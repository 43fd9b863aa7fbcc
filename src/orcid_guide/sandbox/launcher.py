"""Runs the ORCID emulator, mock LUCRIS, Crossref and DataCite on loopback ports, each with its own SQLite file
(fresh, unless the caller keeps the data of an earlier run).

All servers bind their sockets before any app is built, so each app is created knowing the others' URLs;
that is the only way they find each other, and they then talk over real HTTP.
"""

from __future__ import annotations

import errno
import socket
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from flask import Flask
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from orcid_guide.errors import UserError
from orcid_guide.sandbox.clock import fixed_clock, real_clock
from orcid_guide.sandbox.lucris.app import create_app as create_lucris
from orcid_guide.sandbox.lucris.settings import LucrisSettings
from orcid_guide.sandbox.orcid.app import close_connections
from orcid_guide.sandbox.orcid.app import create_app as create_orcid
from orcid_guide.sandbox.orcid.bibtex_import import forget_previews
from orcid_guide.sandbox.orcid.settings import ClientRegistration, OrcidSettings
from orcid_guide.sandbox.registry import profiles
from orcid_guide.sandbox.registry.app import create_app as create_registry
from orcid_guide.sandbox.registry.settings import RegistrySettings
from orcid_guide.sandbox.run_folder import held_folder, session_keys

HOST = "127.0.0.1"
LUCRIS_CLIENT_ID = "APP-LUCRIS0LEIDEN0"
LUCRIS_CLIENT_SECRET = "lucris-demo-secret-0000-0000-000000000000"
DATABASES = ("orcid.sqlite3", "lucris.sqlite3", "crossref.sqlite3", "datacite.sqlite3")
# How often a server looks for a shutdown request (werkzeug's default is 0.5 s, which every stop waited for).
POLL_INTERVAL = 0.1


@dataclass(frozen=True)
class RunningSandbox:
    orcid_url: str
    lucris_url: str
    orcid: OrcidSettings
    lucris: LucrisSettings
    crossref_url: str
    datacite_url: str
    crossref: RegistrySettings
    datacite: RegistrySettings


class _QuietHandler(WSGIRequestHandler):
    # Headers and body leave in two writes; with Nagle's algorithm the body's waited for the acknowledgement of
    # the headers, which the client delays (40 ms on Linux): a tenth of the answers on keep-alive connections.
    disable_nagle_algorithm = True

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
    backup_email_prompt: bool = False,
    crossref_port: int = 0,
    datacite_port: int = 0,
    keep_data: bool = False,
) -> Iterator[RunningSandbox]:
    """Start all apps on fresh databases in ``workdir`` (with ``keep_data``, on the ones already there, the
    fixtures going only into a new one); stop them when the block ends. ``workdir`` is this run's alone: a
    second live run asking for it is refused (UserError)."""
    with (
        held_folder(workdir),
        _started(
            workdir,
            deterministic,
            orcid_port,
            lucris_port,
            add_menu,
            backup_email_prompt,
            crossref_port,
            datacite_port,
            keep_data,
        ) as running,
    ):
        yield running


@contextmanager
def _started(
    workdir: Path,
    deterministic: bool,
    orcid_port: int,
    lucris_port: int,
    add_menu: Literal["classic", "new"],
    backup_email_prompt: bool,
    crossref_port: int,
    datacite_port: int,
    keep_data: bool,
) -> Iterator[RunningSandbox]:
    keys = session_keys(workdir, keep=keep_data)
    if not keep_data:
        _remove_databases(workdir)
    servers = _bind_all((orcid_port, lucris_port, crossref_port, datacite_port))
    running = _configure(workdir, servers, keys, deterministic, add_menu, backup_email_prompt)
    _attach(servers, running)
    threads = _serve(servers)
    try:
        yield running
    finally:
        _stop(servers, threads)


class ReusableSandbox:
    """The four apps of one ``--jobs`` worker, started once and put back to their fixture state per run.

    Starting them costs more than a short tutorial's steps (binding, building four Flask apps, seeding four
    databases, hashing the demo passwords). Between runs nothing talks to them (the run's browser context is
    closed), so ``fresh`` can swap in newly built apps with new session keys and depositor passwords, and copy
    the databases back from the snapshot taken the first time (SQLite's backup API, page by page, into the
    same files the apps open per request).
    """

    def __init__(
        self,
        workdir: Path,
        servers: list[BaseWSGIServer],
        deterministic: bool,
        add_menu: Literal["classic", "new"],
        backup_email_prompt: bool,
    ) -> None:
        self._workdir = workdir
        self._servers = servers
        self._deterministic = deterministic
        self._add_menu: Literal["classic", "new"] = add_menu
        self._backup_email_prompt = backup_email_prompt
        self._snapshot: dict[str, sqlite3.Connection] = {}

    def fresh(self) -> RunningSandbox:
        """The apps as a fresh start would have them: fixture data, new keys, no cached state."""
        keys = session_keys(self._workdir, keep=False)
        running = _configure(
            self._workdir, self._servers, keys, self._deterministic, self._add_menu, self._backup_email_prompt
        )
        # Building an app prepares its database (idempotent); the restore after it makes the files equal to
        # the snapshot whatever the last run or that preparation left in them.
        _attach(self._servers, running)
        if not self._snapshot:
            self._snapshot = {name: _copy_database(self._workdir / name, ":memory:") for name in DATABASES}
        else:
            for name, saved in self._snapshot.items():
                target = sqlite3.connect(self._workdir / name)
                try:
                    saved.backup(target)
                finally:
                    target.close()
        forget_previews()
        return running

    def close(self) -> None:
        for saved in self._snapshot.values():
            saved.close()
        self._snapshot = {}


def _copy_database(source: Path, destination: str) -> sqlite3.Connection:
    copy = sqlite3.connect(destination, check_same_thread=False)
    original = sqlite3.connect(source)
    try:
        original.backup(copy)
    finally:
        original.close()
    return copy


@contextmanager
def reusable_sandbox(
    workdir: Path,
    *,
    add_menu: Literal["classic", "new"] = "classic",
    backup_email_prompt: bool = False,
) -> Iterator[ReusableSandbox]:
    """All apps on free ports for the length of the block, on fixture data again at each ``fresh()``.

    ``workdir`` is held as by ``running_sandbox``."""
    with held_folder(workdir):
        _remove_databases(workdir)
        servers = _bind_all((0, 0, 0, 0))
        sandbox = ReusableSandbox(workdir, servers, True, add_menu, backup_email_prompt)
        threads: list[threading.Thread] = []
        try:
            sandbox.fresh()  # the first build seeds the databases and takes the snapshot
            threads = _serve(servers)
            yield sandbox
        finally:
            if threads:
                _stop(servers, threads)
            else:
                for server in servers:
                    server.server_close()
                _close_orcid(servers[0])
            sandbox.close()


def _remove_databases(workdir: Path) -> None:
    for stale in DATABASES:
        for part in ("", "-wal", "-shm"):
            (workdir / (stale + part)).unlink(missing_ok=True)


def _bind_all(ports: tuple[int, int, int, int]) -> list[BaseWSGIServer]:
    servers: list[BaseWSGIServer] = []
    try:
        for port, name in zip(ports, ("ORCID emulator", "mock LUCRIS", "Crossref", "DataCite"), strict=True):
            servers.append(_bind(port, name))
    except BaseException:
        for bound in servers:
            bound.server_close()
        raise
    return servers


def _configure(
    workdir: Path,
    servers: list[BaseWSGIServer],
    keys: dict[str, str],
    deterministic: bool,
    add_menu: Literal["classic", "new"],
    backup_email_prompt: bool,
) -> RunningSandbox:
    orcid_server, lucris_server, crossref_server, datacite_server = servers
    orcid_url = f"http://{HOST}:{orcid_server.port}"
    lucris_url = f"http://{HOST}:{lucris_server.port}"
    clock = fixed_clock if deterministic else real_clock
    crossref_settings = replace(
        profiles.crossref(workdir / "crossref.sqlite3", f"http://{HOST}:{crossref_server.port}", orcid_url, clock),
        secret_key=keys["crossref"],
        depositor_password=keys["crossref-depositor"],
    )
    datacite_settings = replace(
        profiles.datacite(workdir / "datacite.sqlite3", f"http://{HOST}:{datacite_server.port}", orcid_url, clock),
        secret_key=keys["datacite"],
        depositor_password=keys["datacite-depositor"],
    )
    orcid_settings = OrcidSettings(
        database=workdir / "orcid.sqlite3",
        base_url=orcid_url,
        clock=clock,
        fixed_ids=deterministic,
        add_menu=add_menu,
        backup_email_prompt=backup_email_prompt,
        secret_key=keys["orcid"],
        clients=(
            ClientRegistration(
                client_id=LUCRIS_CLIENT_ID,
                secret=LUCRIS_CLIENT_SECRET,
                name="LUCRIS - Leiden University",
                redirect_uris=(f"{lucris_url}/orcid/callback",),
                member=True,
            ),
            *_registry_clients(crossref_settings),
            *_registry_clients(datacite_settings),
        ),
    )
    lucris_settings = LucrisSettings(
        database=workdir / "lucris.sqlite3",
        base_url=lucris_url,
        orcid_url=orcid_url,
        client_id=LUCRIS_CLIENT_ID,
        client_secret=LUCRIS_CLIENT_SECRET,
        clock=clock,
        secret_key=keys["lucris"],
    )
    return RunningSandbox(
        orcid_url,
        lucris_url,
        orcid_settings,
        lucris_settings,
        crossref_settings.base_url,
        datacite_settings.base_url,
        crossref_settings,
        datacite_settings,
    )


def _attach(servers: list[BaseWSGIServer], running: RunningSandbox) -> None:
    """Build each app and put it behind its server (a server reads ``app`` per request)."""
    orcid_server, lucris_server, crossref_server, datacite_server = servers
    _close_orcid(orcid_server)  # a reused sandbox's previous emulator: its pooled connections go with it
    orcid_server.app = create_orcid(running.orcid)
    lucris_server.app = create_lucris(running.lucris)
    crossref_server.app = create_registry(running.crossref)
    datacite_server.app = create_registry(running.datacite)


def _serve(servers: list[BaseWSGIServer]) -> list[threading.Thread]:
    threads = [
        threading.Thread(target=server.serve_forever, args=(POLL_INTERVAL,), name=name, daemon=True)
        for server, name in zip(servers, ("orcid", "lucris", "crossref", "datacite"), strict=True)
    ]
    for thread in threads:
        thread.start()
    return threads


def _stop(servers: list[BaseWSGIServer], threads: list[threading.Thread]) -> None:
    # shutdown() waits for its server's next poll; asking all of them at once waits for one poll, not four.
    stoppers = [threading.Thread(target=server.shutdown) for server in servers]
    for stopper in stoppers:
        stopper.start()
    for stopper in stoppers:
        stopper.join()
    for server in servers:
        server.server_close()
    for thread in threads:
        thread.join()
    _close_orcid(servers[0])


def _close_orcid(server: BaseWSGIServer) -> None:
    """Close the connections the emulator behind ``server`` keeps between requests (none before one is attached)."""
    if isinstance(server.app, Flask):
        close_connections(server.app)


def _registry_clients(settings: RegistrySettings) -> tuple[ClientRegistration, ...]:
    """The registry's ORCID member clients; the search client's card on ORCID starts at the registry."""
    clients = dict.fromkeys((settings.search_client, settings.auto_update_client))
    return tuple(
        ClientRegistration(
            client_id=client.client_id,
            secret=client.secret,
            name=client.name,
            redirect_uris=profiles.redirect_uris(settings, client),
            member=True,
            start_url=settings.base_url + profiles.WIZARD_START if client == settings.search_client else "",
        )
        for client in clients
    )
