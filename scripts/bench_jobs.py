"""Benchmark: every tutorial with two workers side by side, against one worker.

Run: .venv/bin/python scripts/bench_jobs.py [ROUNDS]
Each is 'orcid-guide shoot --force' in a new process, as staff run it. Prints the median seconds and the ratio
--jobs 2 / --jobs 1; the goal on a 2-core machine is at most 0.65.
"""

from __future__ import annotations

import sys

from bench_timing import ORCID_GUIDE, interleaved_medians, report, run


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    cases = {
        f"shoot --force --jobs {jobs}": (lambda jobs=jobs: run([ORCID_GUIDE, "shoot", "--force", "--jobs", str(jobs)]))
        for jobs in (1, 2)
    }
    medians = interleaved_medians(cases, rounds)
    report("--jobs 2 / --jobs 1", medians, "shoot --force --jobs 2", "shoot --force --jobs 1", 0.65, rounds)


if __name__ == "__main__":
    main()
