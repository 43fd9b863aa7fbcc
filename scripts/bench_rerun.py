"""Benchmark: a second 'orcid-guide shoot' with nothing changed, against a full run of every tutorial.

Run: .venv/bin/python scripts/bench_rerun.py [ROUNDS] [--short]
Both are the command as staff run it (a new process each time, --jobs 1 so the two differ only in skipping), in
a scratch copy of the project (links to its tutorials, pages and baselines), so the checkout's build/ is left alone.
Prints the median seconds of each and their ratio; the goal is at most 0.10.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench_timing import ORCID_GUIDE, ROOT, SHORT_TUTORIAL, interleaved_medians, report, rounds_and_short, run


def scratch_project(folder: Path) -> Path:
    """A project in ``folder`` whose work folder is its own: the checkout's settings, tutorials and pages, linked."""
    for name in ("pyproject.toml", "requirements.lock", "tutorials", "docs"):
        (folder / name).symlink_to(ROOT / name)
    return folder


def main() -> None:
    rounds, short = rounds_and_short(__doc__, 3)
    names = [SHORT_TUTORIAL] if short else []
    full = [ORCID_GUIDE, "shoot", "--jobs", "1", "--force", *names]
    again = [ORCID_GUIDE, "shoot", "--jobs", "1", *names]
    with tempfile.TemporaryDirectory(prefix="bench-rerun-") as scratch:
        project = scratch_project(Path(scratch))
        # After each full run all tutorials are recorded as good, so the re-run has nothing to do but check.
        cases = {
            "full run (shoot --force)": lambda: run(full, cwd=project),
            "re-run, nothing changed (shoot)": lambda: run(again, cwd=project),
        }
        # The full run comes first in every round, so even one round without a warm-up has a good run to skip.
        medians = interleaved_medians(cases, rounds, warm_up=not short)
    report("re-run / full run", medians, "re-run, nothing changed (shoot)", "full run (shoot --force)", 0.10, rounds)


if __name__ == "__main__":
    main()
