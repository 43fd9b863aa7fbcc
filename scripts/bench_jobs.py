"""Benchmark: parallel and serial runs of every tutorial, against the old way of running them.

Run: .venv/bin/python scripts/bench_jobs.py [--short] [ROUNDS]
Each case is 'orcid-guide shoot --force' in a new process, as staff run it:
- --jobs 2 / --jobs 1 (goal on a 2-core machine: at most 0.65);
- --jobs 1 / the old way, --jobs 1 with the four sandbox apps started and stopped around every tutorial,
  as before one sandbox served a worker's tutorials one after another (goal: at most 0.7).
Prints the median seconds and both ratios. --short runs two small tutorials once, in well under a minute.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from bench_timing import ORCID_GUIDE, interleaved_medians, report, run

SHORT = ["lookup_orcid_in_lucris", "register_orcid_in_lucris"]
OLD_WAY = "--old-way"


def old_way(arguments: list[str]) -> None:
    """``shoot`` as it ran before: a new sandbox (four apps, four fresh databases) for every tutorial."""
    from orcid_guide.cli import main
    from orcid_guide.run import workers
    from orcid_guide.targets import FreshEnv, Target, target_env

    @contextmanager
    def started_per_tutorial(target: Target, workdir: Path) -> Iterator[FreshEnv]:
        yield partial(target_env, target, workdir)

    workers.target_envs = started_per_tutorial  # type: ignore[attr-defined]  # swapped in for this process only
    main(["shoot", *arguments])


def main() -> None:
    arguments = sys.argv[1:]
    if arguments and arguments[0] == OLD_WAY:
        old_way(arguments[1:])
        return
    short = "--short" in arguments
    numbers = [argument for argument in arguments if argument != "--short"]
    rounds = int(numbers[0]) if numbers else 1 if short else 3
    names = SHORT if short else []

    def shoot(*options: str) -> None:
        run([ORCID_GUIDE, "shoot", "--force", *options, *names])

    cases = {
        "shoot --force --jobs 2": lambda: shoot("--jobs", "2"),
        "shoot --force --jobs 1": lambda: shoot("--jobs", "1"),
        "the old way, --jobs 1": lambda: run([sys.executable, __file__, OLD_WAY, "--force", "--jobs", "1", *names]),
    }
    medians = interleaved_medians(cases, rounds, warm_up=not short)
    report("--jobs 2 / --jobs 1", medians, "shoot --force --jobs 2", "shoot --force --jobs 1", 0.65, rounds)
    report("--jobs 1 / the old way", medians, "shoot --force --jobs 1", "the old way, --jobs 1", 0.7, rounds)


if __name__ == "__main__":
    main()
