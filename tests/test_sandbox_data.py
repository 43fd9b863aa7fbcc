"""`orcid-guide sandbox --data DIR`: the databases outlive a restart, and a kill -9 in the middle of a large write
loses nothing that was acknowledged and leaves every database consistent."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from orcid_guide.sandbox.launcher import DATABASES, LUCRIS_CLIENT_ID, LUCRIS_CLIENT_SECRET, running_sandbox
from orcid_guide.sandbox.lucris.database import connect as lucris_connect
from orcid_guide.sandbox.orcid.demo_data import EVA
from orcid_guide.sandbox.orcid.settings import ClientRegistration
from orcid_guide.sandbox.orcid.works_store import NewExternalId, NewWork, Source, add_work
from tests.helpers.orcid_forms import grant_token, make_app

BULK = 100
WRITE = "/read-limited /activities/update"


def _count(path: Path, table: str) -> int:
    db = sqlite3.connect(path)
    try:
        return int(db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
    finally:
        db.close()


def test_data_kept_in_a_folder_outlives_a_restart_and_fixtures_load_once(tmp_path: Path) -> None:
    with running_sandbox(tmp_path, keep_data=True) as first:
        db = sqlite3.connect(first.orcid.database, isolation_level=None)
        db.row_factory = sqlite3.Row
        work = NewWork("Kept across restarts", "report", "public", external_ids=(NewExternalId("doi", "10.9/kept"),))
        add_work(db, EVA.orcid, work, Source(name="Eva de Vries", orcid=EVA.orcid), now_ms=0)
        db.close()
        works, persons = _count(first.orcid.database, "works"), _count(first.lucris.database, "persons")
        dois = _count(first.crossref.database, "dois")
    with running_sandbox(tmp_path, keep_data=True) as second:
        assert _count(second.orcid.database, "works") == works
        assert _count(second.lucris.database, "persons") == persons
        assert _count(second.crossref.database, "dois") == dois
        with urllib.request.urlopen(f"{second.orcid_url}/v3.0/{EVA.orcid}/works", timeout=10) as answer:
            assert "Kept across restarts" in answer.read().decode()
    with running_sandbox(tmp_path) as fresh:
        assert _count(fresh.orcid.database, "works") == works - 1


def test_every_database_is_in_wal_mode_with_commits_that_outlive_the_process(tmp_path: Path) -> None:
    with running_sandbox(tmp_path) as sandbox:
        for name in DATABASES:
            db = sqlite3.connect(tmp_path / name)
            assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal", name
            db.close()
        lucris = lucris_connect(sandbox.lucris.database)
        # 1 = NORMAL: in WAL mode a commit is in the log file before it returns (see sandbox/sqlite_files.py).
        assert lucris.execute("PRAGMA synchronous").fetchone()[0] == 1
        lucris.close()


@contextmanager
def _sandbox_process(data: Path) -> Iterator[tuple[subprocess.Popen[str], dict[str, str]]]:
    """`orcid-guide sandbox --data DATA` on free ports, as a real process; its URLs read from what it prints."""
    command = [sys.executable, "-m", "orcid_guide.cli", "sandbox", "--data", str(data), "--fixed"]
    for app in ("orcid", "lucris", "crossref", "datacite"):
        command += [f"--{app}-port", "0"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # A sandbox that never says it is ready must not hang the suite.
    watchdog = threading.Timer(60, process.kill)
    watchdog.start()
    try:
        urls: dict[str, str] = {}
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith(("ORCID emulator:", "Mock LUCRIS:")):
                label, _, rest = line.partition(":")
                urls[label] = rest.split()[0]
            if line.startswith("Press Ctrl+C"):
                break
        else:
            problem = process.stderr.read() if process.stderr else ""
            raise AssertionError(f"the sandbox stopped before it was ready: {problem}")
        watchdog.cancel()
        yield process, urls
    finally:
        watchdog.cancel()
        process.kill()
        process.wait()
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


def _wait_for_rows(path: Path, query: str) -> None:
    """Return once ``query`` counts a row (reading the WAL file as the sandbox commits), at most 30 s."""
    db = sqlite3.connect(path)
    deadline = time.monotonic() + 30
    try:
        while db.execute(query).fetchone()[0] == 0:
            assert time.monotonic() < deadline, "the sandbox never started the bulk write"
    finally:
        db.close()


def _bulk(number: int) -> bytes:
    works = [
        {
            "work": {
                "title": {"title": {"value": f"Bulk {number} work {index}"}},
                "type": "journal-article",
                "external-ids": {
                    "external-id": [{"external-id-type": "doi", "external-id-value": f"10.7/{number}.{index}"}]
                },
            }
        }
        for index in range(BULK)
    ]
    return json.dumps({"bulk": works}).encode()


def _post(url: str, token: str, body: bytes) -> Any:
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json", "Accept": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.loads(answer.read())


def test_a_kill_in_the_middle_of_a_bulk_write_loses_nothing_acknowledged(tmp_path: Path) -> None:
    data = tmp_path / "data"
    acknowledged: set[int] = set()
    three_answered = threading.Event()
    with _sandbox_process(data) as (process, urls):
        orcid_url, lucris_url = urls["ORCID emulator"], urls["Mock LUCRIS"]
        callback = f"{lucris_url}/orcid/callback"
        lucris = ClientRegistration(LUCRIS_CLIENT_ID, LUCRIS_CLIENT_SECRET, "LUCRIS", (callback,), member=True)
        # The token is issued in-process on the same file, which the running sandbox then reads (WAL allows both).
        app = make_app(data, clients=(lucris,))
        token = grant_token(app, EVA.email, EVA.password, lucris.client_id, lucris.secret, callback, WRITE)

        def write_until_killed() -> None:
            number = 0
            while True:
                try:
                    answer = _post(f"{orcid_url}/v3.0/{EVA.orcid}/works", token["access_token"], _bulk(number))
                except (urllib.error.URLError, ConnectionError, OSError):
                    three_answered.set()
                    return
                acknowledged.update(item["work"]["put-code"] for item in answer["bulk"] if "work" in item)
                number += 1
                if number == 3:
                    three_answered.set()

        writer = threading.Thread(target=write_until_killed)
        writer.start()
        three_answered.wait(60)
        # Kill the sandbox as soon as the fourth bulk has committed its first work: in the middle of its writes.
        _wait_for_rows(data / "orcid.sqlite3", "SELECT COUNT(*) FROM works WHERE title LIKE 'Bulk 3 %'")
        process.kill()
        writer.join(60)
    assert len(acknowledged) >= 3 * BULK
    for name in DATABASES:
        db = sqlite3.connect(data / name)
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok", name
        db.close()
    with _sandbox_process(data) as (_, urls):
        with urllib.request.urlopen(f"{urls['ORCID emulator']}/v3.0/{EVA.orcid}/works", timeout=30) as listed:
            codes = {s["put-code"] for g in json.loads(listed.read())["group"] for s in g["work-summary"]}
        assert acknowledged <= codes
        db = sqlite3.connect(data / "orcid.sqlite3")
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # Each work of a bulk is its own transaction: none is half there (a work without its identifier).
        orphans = db.execute(
            "SELECT COUNT(*) FROM works w WHERE title LIKE 'Bulk %'"
            " AND NOT EXISTS (SELECT 1 FROM work_external_ids e WHERE e.put_code = w.put_code)"
        ).fetchone()[0]
        assert orphans == 0
        db.close()
