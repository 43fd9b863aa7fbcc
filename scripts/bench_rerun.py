"""Benchmark: a second 'orcid-guide shoot' with nothing changed, against a full run of every tutorial.

Run: .venv/bin/python scripts/bench_rerun.py [ROUNDS]
Both are the command as staff run it (a new process each time, --jobs 1 so the two differ only in skipping).
Prints the median seconds of each and their ratio; the goal is at most 0.10.
"""

from __future__ import annotations

import sys

from bench_timing import ORCID_GUIDE, interleaved_medians, report, run


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    full = [ORCID_GUIDE, "shoot", "--jobs", "1", "--force"]
    again = [ORCID_GUIDE, "shoot", "--jobs", "1"]
    # After each full run all tutorials are recorded as good, so the re-run has nothing to do but check.
    cases = {"full run (shoot --force)": lambda: run(full), "re-run, nothing changed (shoot)": lambda: run(again)}
    medians = interleaved_medians(cases, rounds)
    report("re-run / full run", medians, "re-run, nothing changed (shoot)", "full run (shoot --force)", 0.10, rounds)


if __name__ == "__main__":
    main()
