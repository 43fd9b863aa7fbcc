"""A sandbox run is its own: random session keys (nobody can sign a cookie from the source), and a working
folder no other live run touches."""

from __future__ import annotations

import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pytest
from flask import Flask
from flask.sessions import SecureCookieSessionInterface

from orcid_guide.errors import UserError
from orcid_guide.sandbox.launcher import running_sandbox
from orcid_guide.sandbox.lucris.app import create_app as create_lucris
from orcid_guide.sandbox.orcid.app import create_app as create_orcid
from orcid_guide.sandbox.orcid.demo_data import EVA
from orcid_guide.sandbox.orcid.signin_state import SESSION_KEY
from orcid_guide.sandbox.registry.app import create_app as create_registry

# The keys the apps had in their source before they became random.
OLD_KEYS = ("orcid-emulator-not-secret", "lucris-mock-not-secret", "crossref-not-secret", "datacite-not-secret")


def _forged(app: Flask, key: str, data: dict[str, object]) -> str:
    """A session cookie for ``app`` signed with ``key``, the way Flask signs its own."""
    forger = Flask("forger")
    forger.secret_key = key
    serializer = SecureCookieSessionInterface().get_signing_serializer(forger)
    assert serializer is not None
    return str(serializer.dumps(data))


def test_a_session_cookie_signed_with_any_key_but_the_runs_own_is_refused(tmp_path: Path) -> None:
    with running_sandbox(tmp_path) as sandbox:
        orcid = create_orcid(sandbox.orcid)
        lucris = create_lucris(sandbox.lucris)
        crossref = create_registry(sandbox.crossref)
        for key in (*OLD_KEYS, "guessed"):
            client = orcid.test_client()
            client.set_cookie(orcid.config["SESSION_COOKIE_NAME"], _forged(orcid, key, {SESSION_KEY: EVA.orcid}))
            assert client.get("/my-orcid").status_code == 302, key
            client = lucris.test_client()
            client.set_cookie("lucris_session", _forged(lucris, key, {"person_id": 1}))
            assert client.get("/").status_code == 302, key
            client = crossref.test_client()
            client.set_cookie("crossref_session", _forged(crossref, key, {"orcid": EVA.orcid}))
            assert EVA.orcid not in client.get("/").get_data(as_text=True), key
        # The same forgery with the run's own key is accepted: the check above is what refuses it.
        client = orcid.test_client()
        client.set_cookie(
            orcid.config["SESSION_COOKIE_NAME"], _forged(orcid, sandbox.orcid.secret_key, {SESSION_KEY: EVA.orcid})
        )
        assert client.get("/my-orcid").status_code == 200


def test_session_keys_are_new_every_start_and_kept_only_with_the_data(tmp_path: Path) -> None:
    with running_sandbox(tmp_path / "a") as first:
        fresh = {first.orcid.secret_key, first.lucris.secret_key, first.crossref.secret_key, first.datacite.secret_key}
    with running_sandbox(tmp_path / "a") as second:
        assert second.orcid.secret_key not in fresh
    assert len(fresh) == 4 and not fresh & set(OLD_KEYS)
    with running_sandbox(tmp_path / "kept", keep_data=True) as kept:
        key = kept.orcid.secret_key
    with running_sandbox(tmp_path / "kept", keep_data=True) as again:
        assert again.orcid.secret_key == key
        assert again.datacite.secret_key == kept.datacite.secret_key


def test_a_folder_a_live_run_holds_is_refused_to_a_second_run(tmp_path: Path) -> None:
    with running_sandbox(tmp_path, keep_data=True) as first:
        with pytest.raises(UserError, match="Another sandbox run is using the folder"), running_sandbox(tmp_path):
            pass
        # The refused run deleted nothing: the first one still answers from its database.
        with urllib.request.urlopen(f"{first.orcid_url}/v3.0/{EVA.orcid}/works", timeout=10) as answer:
            assert answer.status == 200
    with running_sandbox(tmp_path):  # free again once the first run stopped
        pass


def _start(command: list[str]) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    watchdog = threading.Timer(60, process.kill)
    watchdog.start()
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("ORCID emulator:"):
            url = line.split()[2]
        if line.startswith("Press Ctrl+C"):
            watchdog.cancel()
            return process, url
    watchdog.cancel()
    raise AssertionError(process.stderr.read() if process.stderr else "the sandbox stopped before it was ready")


def test_two_sandbox_commands_side_by_side_keep_to_their_own_databases(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "orcid_guide.cli", "sandbox", "--fixed"]
    for app in ("orcid", "lucris", "crossref", "datacite"):
        command += [f"--{app}-port", "0"]
    first, first_url = _start(command)
    try:
        second, second_url = _start(command)
        try:
            # The second start did not recreate the first one's databases: its iDs still answer.
            for url in (first_url, second_url):
                with urllib.request.urlopen(f"{url}/v3.0/{EVA.orcid}/works", timeout=10) as answer:
                    assert answer.status == 200
        finally:
            second.kill()
            second.communicate()
    finally:
        first.kill()
        first.communicate()
    # With --data, a second run on the same folder is refused in one sentence.
    data = tmp_path / "data"
    held, _ = _start([*command, "--data", str(data)])
    try:
        refused = subprocess.run([*command, "--data", str(data)], capture_output=True, text=True, timeout=60)
        assert refused.returncode == 1
        assert refused.stderr.startswith("Error: Another sandbox run is using the folder"), refused.stderr
    finally:
        held.kill()
        held.communicate()
