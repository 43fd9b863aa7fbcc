"""One sandbox per worker: after ``fresh()`` the apps are as a new start leaves them (data, keys, caches)."""

from __future__ import annotations

import base64
import json
import sqlite3
import urllib.error
import urllib.request
from pathlib import Path

from orcid_guide.sandbox.launcher import DATABASES, RunningSandbox, reusable_sandbox
from orcid_guide.sandbox.orcid.demo_data import EVA

DEPOSIT = {
    "doi": "10.5555/reuse.1",
    "title": "An article deposited in one run only",
    "type": "journal-article",
    "year": 2026,
    "contributors": [{"given": "Eva", "family": "de Vries", "orcid": EVA.orcid}],
}


def deposit(running: RunningSandbox, password: str) -> int:
    """Deposit ``DEPOSIT`` at Crossref over HTTP as the depositor; the HTTP status."""
    account = f"{running.crossref.depositor}:{password}".encode()
    request = urllib.request.Request(
        running.crossref_url + "/deposits",
        data=json.dumps(DEPOSIT).encode(),
        headers={"Content-Type": "application/json", "Authorization": "Basic " + base64.b64encode(account).decode()},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return int(answer.status)
    except urllib.error.HTTPError as error:
        return error.code


def dump(folder: Path) -> dict[str, list[str]]:
    """Every database's whole content, as SQL."""
    contents = {}
    for name in DATABASES:
        connection = sqlite3.connect(folder / name)
        try:
            contents[name] = list(connection.iterdump())
        finally:
            connection.close()
    return contents


def test_fresh_puts_every_database_back_and_changes_the_keys(tmp_path: Path) -> None:
    with reusable_sandbox(tmp_path / "reused") as sandbox:
        first = sandbox.fresh()
        started_afresh = dump(tmp_path / "reused")  # as the start seeded them
        assert deposit(first, first.crossref.depositor_password) in (200, 201)
        assert dump(tmp_path / "reused") != started_afresh, "the deposit changed nothing to put back"

        second = sandbox.fresh()
        assert dump(tmp_path / "reused") == started_afresh
        assert (second.crossref_url, second.orcid_url) == (first.crossref_url, first.orcid_url)
        assert second.orcid.secret_key != first.orcid.secret_key
        assert second.crossref.depositor_password != first.crossref.depositor_password
        assert deposit(second, first.crossref.depositor_password) == 401, "last run's password still works"
        assert deposit(second, second.crossref.depositor_password) in (200, 201)
        for name in DATABASES:  # still in write-ahead-log mode after the copy (sandbox/sqlite_files.py)
            connection = sqlite3.connect(tmp_path / "reused" / name)
            try:
                assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            finally:
                connection.close()
