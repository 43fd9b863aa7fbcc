"""Benchmark: what text baselines cost a full run, as a ratio of `shoot --force` with them to without them.

Run: .venv/bin/python scripts/bench_exact.py [--rounds 3] [--jobs 1] [--short] [TUTORIAL ...]
"With" is the guide as it runs: an ARIA snapshot of every screen, compared exactly with its text baseline,
and pixels compared exactly. "Without" takes no snapshots and compares pixels alone. Rounds alternate the
two, on copies of the baselines, and the medians are compared (goal: at most 1.05).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from bench_timing import SHORT_HELP, SHORT_TUTORIAL

from orcid_guide.project import load_project
from orcid_guide.run.shoot import shoot


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tutorials", nargs="*")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--short", action="store_true", help=SHORT_HELP)
    args = parser.parse_args()
    if args.short:
        args.rounds, args.tutorials = 1, [SHORT_TUTORIAL]
    project = load_project()
    times: dict[bool, list[float]] = {True: [], False: []}
    with tempfile.TemporaryDirectory(prefix="bench-exact-") as scratch:
        root = Path(scratch)
        shutil.copytree(project.screenshots, root / "baselines")
        for number in range(args.rounds):
            for text in (True, False) if number % 2 == 0 else (False, True):
                copy = replace(project, work=root / f"work-{number}-{text}", screenshots=root / "baselines")
                started = time.perf_counter()
                report = shoot(copy, args.tutorials, force=True, jobs=args.jobs, text_baselines=text)
                times[text].append(time.perf_counter() - started)
                if report.failures:
                    raise SystemExit(f"a tutorial failed, so the timing means nothing: {report.failures[0]}")
    with_text, without = statistics.median(times[True]), statistics.median(times[False])
    print(f"shoot --force with text baselines: {with_text:.1f} s, without: {without:.1f} s (medians of {args.rounds})")
    print(f"ratio {with_text / without:.3f} (goal: at most 1.05)")


if __name__ == "__main__":
    main()
