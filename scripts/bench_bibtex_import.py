"""Benchmark: importing the largest corpus file into the ORCID emulator, against bibtexparser parsing it alone.

Run: .venv/bin/python scripts/bench_bibtex_import.py [FILE.bib] [--short]
Default file: ../shared/bibtex-corpus/14_zotero_library_large_7166_bbt_fixture.bib (7166 entries, 3 MB); --short
reads the repository's first 500 entries of it, twice.

Baseline: bibtexparser.parse_string on the decoded text with its default parse stack.
Import: what "Works - Import BibTeX" does with the uploaded bytes, on a real SQLite file of the emulator:
decode and read with bibtexparser, map every entry to an ORCID work, keep the preview as the session's draft
and load it back (as between the upload and "Import works to your record"), then store every work with its
identifiers and contributors in one transaction. The HTML preview is not part of either.
Both are the median of interleaved runs, in CPU time of this process (what the work costs, whatever else runs
on the machine) and in wall-clock time (which also counts waiting for the disk, and other programs).
The CPU-time ratio import / parse is the figure to watch (goal: at most 2).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from bench_timing import SHORT_BIB, SHORT_HELP
from bibtexparser.entrypoint import parse_string
from flask import Flask

from orcid_guide.bibtex.latex_text import natural_name, to_text
from orcid_guide.sandbox.clock import fixed_clock
from orcid_guide.sandbox.orcid.accounts import find_by_orcid
from orcid_guide.sandbox.orcid.app import create_app
from orcid_guide.sandbox.orcid.bibtex_import import import_works, load_draft, read_preview, save_draft
from orcid_guide.sandbox.orcid.database import connect
from orcid_guide.sandbox.orcid.demo_data import CARBERRY
from orcid_guide.sandbox.orcid.settings import OrcidSettings

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "bibtex-corpus"
DEFAULT = CORPUS / "14_zotero_library_large_7166_bbt_fixture.bib"
RUNS = 7


Clock = tuple[float, float]  # CPU seconds, wall seconds


def _now() -> Clock:
    return time.process_time(), time.perf_counter()


def _since(started: Clock) -> Clock:
    cpu, wall = _now()
    return cpu - started[0], wall - started[1]


def parse_alone(data: bytes) -> Clock:
    started = _now()
    parse_string(data.decode("utf-8"))
    return _since(started)


def import_into_emulator(app: Flask, data: bytes) -> tuple[Clock, int]:
    # Each run starts cold: no LaTeX decoded by an earlier run is remembered.
    to_text.cache_clear()
    natural_name.cache_clear()
    db = connect(app.config["ORCID_SETTINGS"].database)
    try:
        user = find_by_orcid(db, CARBERRY.orcid)
        assert user is not None
        with app.test_request_context():
            started = _now()
            preview = read_preview(data)
            save_draft(db, user.orcid, preview, now_ms=0)
            draft = load_draft(db, user.orcid)
            assert draft is not None
            added = import_works(db, user, draft, draft.importable, now_ms=0)
            seconds = _since(started)
        db.execute("DELETE FROM works")
    finally:
        db.close()
    return seconds, added


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("bib", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--short", action="store_true", help=SHORT_HELP)
    arguments = parser.parse_args()
    path, runs = (SHORT_BIB, 2) if arguments.short else (arguments.bib, RUNS)
    if not path.is_file():
        parser.error(f"No BibTeX file at {path}; pass one as the first argument.")
    data = path.read_bytes()
    with tempfile.TemporaryDirectory() as folder:
        settings = OrcidSettings(
            database=Path(folder) / "orcid.sqlite3", base_url="http://127.0.0.1", clock=fixed_clock
        )
        app = create_app(settings)
        parse_times: list[Clock] = []
        import_times: list[Clock] = []
        added = 0
        for _ in range(runs):
            parse_times.append(parse_alone(data))
            seconds, added = import_into_emulator(app, data)
            import_times.append(seconds)
    print(f"file: {path.name} ({len(data) / 1e6:.1f} MB), works imported per run: {added}, medians of {runs} runs")
    for index, clock in enumerate(("CPU time", "wall clock")):
        parse = statistics.median(times[index] for times in parse_times)
        imported = statistics.median(times[index] for times in import_times)
        print(f"{clock}: bibtexparser parse alone {parse:5.2f} s, import into the emulator {imported:5.2f} s")
        print(f"{clock}: ratio import / parse {imported / parse:5.2f}x (goal: at most 2x)")


if __name__ == "__main__":
    main()
