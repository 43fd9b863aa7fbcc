"""Benchmark: parallel and serial runs of every tutorial, against the old way of running them.

Run: .venv/bin/python scripts/bench_jobs.py [--short] [ROUNDS]
Each case is 'orcid-guide shoot --force' in a new process, as staff run it:
- --jobs 2 / --jobs 1 (goal on a 2-core machine: at most 0.65);
- --jobs 1 / the old way (goal: at most 0.7). The old way is the project as it was when that goal was set,
  commit OLD_WAY below, checked out into a scratch worktree and run there with this environment's packages:
  its own engine, tutorials and baselines, a sandbox started per tutorial. So every change since counts.
Prints the median seconds and both ratios. --short runs two small tutorials once, in well under a minute.
Without the old commit (a shallow clone) the second ratio is not measured, and the script says so.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench_timing import ORCID_GUIDE, ROOT, interleaved_medians, report, rounds_and_short, run

SHORT = ["lookup_orcid_in_lucris", "register_orcid_in_lucris"]
# main when issue 18 set the goals: every tutorial of today, one browser per worker, a sandbox per tutorial.
OLD_WAY = "117b847696b5e052bfb2a214e9582a6a2bba8b67"


def _git(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *arguments], cwd=ROOT, capture_output=True, text=True, check=False)


def old_way(command: list[str], cwd: Path, env: dict[str, str]) -> float:
    """Seconds of one passing run of the old way. Its lookup tutorial's prepare raced the page a click opens
    (fixed since, in 97a0942); a run that fails so is run again, and only the passing run counts."""
    for _attempt in range(3):
        started = time.perf_counter()
        done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
        if done.returncode == 0:
            return time.perf_counter() - started
        if done.returncode != 1:
            break
    sys.exit(f"the old way ended with status {done.returncode}:\n{done.stdout}{done.stderr}")


def main() -> None:
    rounds, short = rounds_and_short(__doc__, 3)
    names = SHORT if short else []

    def shoot(*options: str) -> None:
        run([ORCID_GUIDE, "shoot", "--force", *options, *names])

    cases: dict[str, Callable[[], object]] = {
        "shoot --force --jobs 2": lambda: shoot("--jobs", "2"),
        "shoot --force --jobs 1": lambda: shoot("--jobs", "1"),
    }
    with tempfile.TemporaryDirectory(prefix="bench-jobs-") as scratch:
        old = Path(scratch) / "old-way"
        has_old = _git("cat-file", "-e", f"{OLD_WAY}^{{commit}}").returncode == 0
        if has_old:
            added = _git("worktree", "add", "--detach", str(old), OLD_WAY)
            if added.returncode:
                sys.exit(f"git worktree add of the old way failed: {added.stderr.strip()}")
            # The old package first on the path, ahead of this checkout's editable install.
            env = {**os.environ, "PYTHONPATH": str(old / "src")}
            old_shoot = [sys.executable, "-m", "orcid_guide.cli", "shoot", "--force", "--jobs", "1", *names]
            cases["the old way, --jobs 1"] = lambda: old_way(old_shoot, old, env)
        try:
            medians = interleaved_medians(cases, rounds, warm_up=not short)
        finally:
            if has_old:
                _git("worktree", "remove", "--force", str(old))
    report("--jobs 2 / --jobs 1", medians, "shoot --force --jobs 2", "shoot --force --jobs 1", 0.65, rounds)
    if has_old:
        report("--jobs 1 / the old way", medians, "shoot --force --jobs 1", "the old way, --jobs 1", 0.7, rounds, False)
    else:
        print(f"--jobs 1 / the old way: not measured: commit {OLD_WAY[:12]} is not in this clone (a shallow one?).")


if __name__ == "__main__":
    main()
