"""Benchmark: flagging possible duplicates (Import from ORCID), against difflib as the baseline title matcher.

Run: .venv/bin/python scripts/bench_duplicates.py [--short]
For a researcher with 150 LUCRIS outputs and 75 works found on ORCID (a quarter of them already in LUCRIS), and a
large case of 500 outputs and 125 works, prints the time to flag every found work with
orcid_guide.bibtex.duplicates.flag_all, the time the same rule takes pair by pair with the standard library's
difflib.SequenceMatcher for titles, and how many times faster the module is (best of 3; the baseline runs once).
--short runs one small case (50 outputs, 20 works).
"""

from __future__ import annotations

import argparse
import random
import timeit
from difflib import SequenceMatcher

from bench_timing import SHORT_HELP

from orcid_guide.bibtex.duplicates import Publication, flag_all, normalize_doi, normalize_isbn

WORDS = [
    "soil",
    "carbon",
    "peat",
    "meadow",
    "nitrogen",
    "water",
    "footprint",
    "dairy",
    "farms",
    "urban",
    "pollinators",
    "circular",
    "economy",
    "life",
    "cycle",
    "assessment",
    "microplastics",
    "sediments",
    "Rhine",
    "Meuse",
    "wetlands",
    "restoration",
    "policy",
    "Dutch",
    "coastal",
    "dunes",
    "emissions",
]


def publications(rng: random.Random, count: int, prefix: str) -> list[Publication]:
    return [
        Publication(
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 12))).capitalize(),
            doi=f"10.5555/{prefix}.{n}" if rng.random() < 0.7 else "",
            isbn=f"978-90-{n:05d}-00-1" if rng.random() < 0.1 else "",
        )
        for n in range(count)
    ]


def difflib_flags(found: Publication, existing: list[Publication]) -> int:
    """The same rule with difflib's ratio for titles, pair by pair: the baseline."""
    doi, isbn = normalize_doi(found.doi), normalize_isbn(found.isbn)
    flagged = 0
    for candidate in existing:
        same_id = (doi and doi == normalize_doi(candidate.doi)) or (isbn and isbn == normalize_isbn(candidate.isbn))
        alike = SequenceMatcher(None, found.title.lower(), candidate.title.lower()).ratio() * 100 > 80
        flagged += bool(same_id or alike)
    return flagged


def run(existing_count: int, found_count: int) -> None:
    rng = random.Random(7)
    existing = publications(rng, existing_count, "lucris")
    found = publications(rng, found_count, "orcid") + existing[: found_count // 4]  # the same works: duplicates
    repeat = 3
    ours = min(timeit.repeat(lambda: flag_all(found, existing), number=1, repeat=repeat))
    base = timeit.timeit(lambda: [difflib_flags(f, existing) for f in found], number=1)
    pairs = len(found) * len(existing)
    print(
        f"{len(existing):>5} outputs x {len(found):>4} found works ({pairs:>7} pairs):"
        f" rapidfuzz {ours * 1000:8.1f} ms, difflib {base * 1000:8.1f} ms, {base / ours:5.1f}x faster"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--short", action="store_true", help=SHORT_HELP)
    short = parser.parse_args().short
    if short:
        run(50, 20)
    else:
        run(150, 60)
        run(500, 100)


if __name__ == "__main__":
    main()
