"""Benchmark: rendering /my-orcid for a record with thousands of works, against one page of a small record.

Run: .venv/bin/python scripts/bench_record_page.py [FILE.bib]
Default file: ../shared/bibtex-corpus/14_zotero_library_large_7166_bbt_fixture.bib (7166 entries).

Large: Josiah Carberry imports every entry of the file through Works - Import BibTeX (the upload helper the
tests use, then "Import works to your record"), on a real SQLite file; then GET /my-orcid, which shows the
first page of 50 groups, and the public record page.
Baseline: the same, on a fresh emulator where he imported only the file's first 50 entries: one page of 50.
Both are the median of interleaved runs with Flask's test client, in CPU time of this process and in wall-clock
time. The ratio large / baseline is the figure to watch: paging keeps the HTML the same size, so what is left is
reading and grouping every work of the record (goal: well under a second, a small multiple of the baseline).
"""

from __future__ import annotations

import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient

from orcid_guide.sandbox.orcid.demo_data import CARBERRY
from orcid_guide.sandbox.orcid.testing import csrf_from, make_app, sign_in, upload_bibtex

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "bibtex-corpus"
DEFAULT = CORPUS / "14_zotero_library_large_7166_bbt_fixture.bib"
RUNS = 9

Clock = tuple[float, float]  # CPU seconds, wall seconds


def first_entries(data: bytes, count: int) -> bytes:
    """The file up to (not including) its entry number ``count + 1``."""
    starts = [match.start() for match in re.finditer(rb"^@", data, re.MULTILINE)]
    return data[: starts[count]] if len(starts) > count else data


def record_with(folder: Path, data: bytes) -> tuple[Flask, FlaskClient, int]:
    app = make_app(folder)
    client = app.test_client()
    sign_in(client, CARBERRY.email, CARBERRY.password)
    if upload_bibtex(client, data).status_code != 303:
        sys.exit("The upload was refused; is this a BibTeX file?")
    token = csrf_from(client.get("/works/bibtex/preview").text)
    answer = client.post("/works/bibtex/preview", data={"csrf_token": token, "select_all": "1", "action": "import"})
    assert answer.status_code == 303, answer.status_code
    found = re.search(r'<span class="count">\((?:\d+ of )?(\d+)\)</span>', client.get("/my-orcid").text)
    assert found is not None
    return app, client, int(found.group(1))


def timed_get(client: FlaskClient, path: str) -> tuple[Clock, int]:
    cpu, wall = time.process_time(), time.perf_counter()
    answer = client.get(path)
    elapsed = (time.process_time() - cpu, time.perf_counter() - wall)
    assert answer.status_code == 200, answer.status_code
    return elapsed, len(answer.data)


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not path.is_file():
        sys.exit(f"No BibTeX file at {path}; pass one as the first argument.")
    data = path.read_bytes()
    with tempfile.TemporaryDirectory() as large_dir, tempfile.TemporaryDirectory() as small_dir:
        _, large, large_groups = record_with(Path(large_dir), data)
        _, small, small_groups = record_with(Path(small_dir), first_entries(data, 50))
        pages = {
            "small record, /my-orcid": (small, "/my-orcid"),
            "large record, /my-orcid": (large, "/my-orcid"),
            "large record, /my-orcid?size=100&page=last": (large, f"/my-orcid?size=100&page={large_groups // 100 + 1}"),
            "large record, public page": (large, f"/{CARBERRY.orcid}"),
        }
        times: dict[str, list[Clock]] = {name: [] for name in pages}
        sizes: dict[str, int] = {}
        for _ in range(RUNS):
            for name, (client, url) in pages.items():
                elapsed, sizes[name] = timed_get(client, url)
                times[name].append(elapsed)
    print(f"file: {path.name}; large record: {large_groups} works (groups), small record: {small_groups}")
    print(f"medians of {RUNS} interleaved runs (CPU s / wall s / HTML size):")
    medians = {name: tuple(statistics.median(t[i] for t in runs) for i in (0, 1)) for name, runs in times.items()}
    for name, (cpu, wall) in medians.items():
        print(f"  {name:45} {cpu:6.3f} s  {wall:6.3f} s  {sizes[name] / 1e3:7.1f} kB")
    base_cpu, base_wall = medians["small record, /my-orcid"]
    cpu, wall = medians["large record, /my-orcid"]
    print(f"ratio large / small /my-orcid: CPU {cpu / base_cpu:5.1f}x, wall {wall / base_wall:5.1f}x")


if __name__ == "__main__":
    main()
