"""Benchmark: ORCID API v3.0 ``/works`` for a record of thousands of works, and LUCRIS's whole read of it.

Run: .venv/bin/python scripts/bench_large_record.py [--runs 9] [--short] [FILE.bib]
Default file: ../shared/bibtex-corpus/14_zotero_library_large_7166_bbt_fixture.bib (7166 entries); --short reads
the repository's first 500 entries of it, with one run.

A fresh sandbox (all four apps on loopback, real SQLite files in a scratch folder); Josiah Carberry imports
every entry of the file through Works - Import BibTeX. Then, over real HTTP:
- ``GET /v3.0/{id}/works`` as a client reads it (JSON), ``--runs`` times: median and slowest, and the size;
- what LUCRIS's "Import from ORCID" reads: a /read-public token, ``/works``, then the works in full in bulk
  reads of 100 (``orcid_client.public_works_in_full``), ``--runs`` times: median and slowest.
Each single request must stay under LUCRIS's ORCID timeout (printed); past it the researcher reads that ORCID
took too long. The figures depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import http.client
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from bench_timing import SHORT_BIB, SHORT_HELP

from orcid_guide.sandbox.launcher import LUCRIS_CLIENT_ID, LUCRIS_CLIENT_SECRET, running_sandbox
from orcid_guide.sandbox.lucris import orcid_client
from orcid_guide.sandbox.orcid.app import create_app as create_orcid
from orcid_guide.sandbox.orcid.demo_data import CARBERRY
from orcid_guide.sandbox.orcid.settings import OrcidSettings

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "bibtex-corpus"
DEFAULT = CORPUS / "14_zotero_library_large_7166_bbt_fixture.bib"

# The checkout, for the tests' helpers that drive the emulator's forms as a browser does.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.helpers.orcid_forms import csrf_from, sign_in, upload_bibtex  # noqa: E402


def import_all(orcid_settings: OrcidSettings, data: bytes) -> int:
    """Carberry imports every importable entry; returns the works on his record."""
    app = create_orcid(orcid_settings)
    client = app.test_client()
    sign_in(client, CARBERRY.email, CARBERRY.password)
    if upload_bibtex(client, data).status_code != 303:
        sys.exit("The upload was refused; is this a BibTeX file?")
    token = csrf_from(client.get("/works/bibtex/preview").text)
    answer = client.post("/works/bibtex/preview", data={"csrf_token": token, "select_all": "1", "action": "import"})
    if answer.status_code != 303:
        sys.exit(f"The import was refused ({answer.status_code}).")
    db = sqlite3.connect(orcid_settings.database)
    try:
        (count,) = db.execute("SELECT COUNT(*) FROM works WHERE orcid = ?", (CARBERRY.orcid,)).fetchone()
    finally:
        db.close()
    return int(count)


def get_works(url: str) -> tuple[float, int]:
    """Seconds and bytes for one ``GET /v3.0/{id}/works`` over a new loopback connection."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=120)
    try:
        began = time.perf_counter()
        connection.request("GET", f"/v3.0/{CARBERRY.orcid}/works", headers={"Accept": "application/vnd.orcid+json"})
        answer = connection.getresponse()
        body = answer.read()
        took = time.perf_counter() - began
    finally:
        connection.close()
    if answer.status != 200:
        sys.exit(f"/works answered {answer.status}")
    return took, len(body)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("bib", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--short", action="store_true", help=SHORT_HELP)
    arguments = parser.parse_args()
    if arguments.short:
        arguments.bib, arguments.runs = SHORT_BIB, 1
    if not 0 < arguments.runs <= 100:
        parser.error("--runs is 1 to 100")
    if not arguments.bib.is_file():
        parser.error(f"{arguments.bib} is not a file")
    with tempfile.TemporaryDirectory() as scratch, running_sandbox(Path(scratch)) as sandbox:
        began = time.perf_counter()
        works = import_all(sandbox.orcid, arguments.bib.read_bytes())
        print(f"Record: {works} works on {CARBERRY.orcid} (imported in {time.perf_counter() - began:.1f} s)")
        timings, size = [], 0
        for _ in range(arguments.runs):
            took, size = get_works(sandbox.orcid_url)
            timings.append(took)
        print(
            f"GET /v3.0/{{id}}/works: median {statistics.median(timings) * 1000:.0f} ms, "
            f"slowest {max(timings) * 1000:.0f} ms, {size / 1e6:.1f} MB, {arguments.runs} runs"
        )
        reads = []
        for _ in range(arguments.runs):
            began = time.perf_counter()
            token = orcid_client.read_public_token(
                sandbox.orcid_url, client_id=LUCRIS_CLIENT_ID, client_secret=LUCRIS_CLIENT_SECRET
            )
            full = orcid_client.public_works_in_full(
                sandbox.orcid_url, CARBERRY.orcid, token, timeout=sandbox.lucris.orcid_timeout
            )
            reads.append(time.perf_counter() - began)
        print(
            f"LUCRIS's read (token, /works, {len(full)} works in bulk reads of 100): "
            f"median {statistics.median(reads):.2f} s, slowest {max(reads):.2f} s"
        )
        timeout = sandbox.lucris.orcid_timeout
        print(f"LUCRIS's ORCID timeout per request: {timeout:g} s")
        print(f"ratio slowest /works / LUCRIS's timeout: {max(timings) / timeout:.2f} (under 1, or LUCRIS gives up)")
        return 0 if max(timings) < sandbox.lucris.orcid_timeout else 1


if __name__ == "__main__":
    sys.exit(main())
