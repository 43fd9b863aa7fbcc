"""A sandbox run's working folder: held by one live run at a time, with the session keys of its apps.

Two runs in one folder would delete and recreate each other's databases, so a run takes an exclusive lock on
the folder (released by the kernel when the process dies, so a killed run never leaves a stale lock) and
another run asking for the same folder is refused with one sentence.

The apps' session keys are random per start, so nobody can sign a session cookie from the source; a run that
keeps its data (``--data``) keeps its keys beside the databases, so sessions and permissions survive restarts.
"""

from __future__ import annotations

import fcntl
import json
import os
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from orcid_guide.errors import UserError

LOCK_FILE = ".sandbox.lock"
KEYS_FILE = "session-keys.json"
APPS = ("orcid", "lucris", "crossref", "datacite")
# The registries' depositor passwords are kept the same way, so a publisher's script keeps working.
SECRETS = (*APPS, "crossref-depositor", "datacite-depositor")


@contextmanager
def held_folder(workdir: Path) -> Iterator[Path]:
    """Hold ``workdir`` for this run; refuse when another live run holds it."""
    workdir.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(workdir / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise UserError(
                f"Another sandbox run is using the folder {workdir}; stop it or give this run another folder."
            ) from error
        yield workdir
    finally:
        os.close(descriptor)  # closing releases the lock


def session_keys(workdir: Path, *, keep: bool) -> dict[str, str]:
    """One random key per app and a depositor password per registry; with ``keep`` the ones an earlier run saved
    in ``workdir`` (made once)."""
    path = workdir / KEYS_FILE
    if keep:
        try:
            saved = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            saved = None
        if isinstance(saved, dict) and all(isinstance(saved.get(name), str) and saved[name] for name in SECRETS):
            return {name: saved[name] for name in SECRETS}
    keys = {name: secrets.token_hex(32) if name in APPS else secrets.token_urlsafe(18) for name in SECRETS}
    if keep:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            json.dump(keys, file)
    else:
        path.unlink(missing_ok=True)
    return keys


def new_run_folder(parent: Path, prefix: str) -> Path:
    """A folder under ``parent`` that no other run has: each run (and each ``--jobs`` worker) gets its own."""
    parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=prefix, dir=parent))


@contextmanager
def run_folder(parent: Path, prefix: str) -> Iterator[Path]:
    """``new_run_folder`` for the length of the block, removed afterwards."""
    folder = new_run_folder(parent, prefix)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
