"""Shared by the bench_*.py scripts: time cases by the median of interleaved runs, and print their ratio.

Interleaving (A, B, A, B, …) spreads whatever else the machine is doing over both cases alike; the median
ignores the odd slow run. Read the ratios, not the seconds.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ORCID_GUIDE = str(Path(sys.executable).with_name("orcid-guide"))
# What a benchmark's --short form (the test suite runs each once so) works on: the tutorial with the fewest
# steps, and the repository's 500-entry cut of the large BibTeX file instead of the shared 7166-entry one.
SHORT_TUTORIAL = "lookup_orcid_in_lucris"
SHORT_BIB = ROOT / "tests" / "data" / "bibtex-corpus" / "14_zotero_library_large_first_500_bbt_fixture.bib"
SHORT_HELP = "a quick run (one round, one small tutorial or file) to check that the benchmark works, not to time"


def rounds_and_short(doc: str | None, default_rounds: int) -> tuple[int, bool]:
    """The command line of a benchmark that takes ``[ROUNDS] [--short]``: how many rounds (one with --short),
    and whether it is the short form."""
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument("rounds", nargs="?", type=int, default=default_rounds)
    parser.add_argument("--short", action="store_true", help=SHORT_HELP)
    arguments = parser.parse_args()
    return (1 if arguments.short else arguments.rounds), arguments.short


def interleaved_medians(
    cases: Mapping[str, Callable[[], object]], rounds: int, warm_up: bool = True
) -> dict[str, float]:
    """Seconds per case: the median of ``rounds`` runs, the cases taking turns (after one untimed round).

    A case that answers with a float is timed by that answer."""
    timings: dict[str, list[float]] = {name: [] for name in cases}
    for round_number in range(rounds + (1 if warm_up else 0)):
        for name, case in cases.items():
            started = time.perf_counter()
            answer = case()
            # A case may time itself (to leave out a run it threw away): it answers with its seconds.
            elapsed = answer if isinstance(answer, float) else time.perf_counter() - started
            if round_number or not warm_up:
                timings[name].append(elapsed)
    return {name: statistics.median(values) for name, values in timings.items()}


def run(
    command: Sequence[str],
    cwd: Path = ROOT,
    ok: Callable[[int], bool] = lambda status: status == 0,
    env: Mapping[str, str] | None = None,
) -> None:
    """Run a command quietly; stop the benchmark if it did not do what it should."""
    done = subprocess.run(list(command), cwd=cwd, capture_output=True, text=True, check=False, env=env)
    if not ok(done.returncode):
        sys.exit(f"{' '.join(command)} ended with status {done.returncode}:\n{done.stdout}{done.stderr}")


def report(
    title: str,
    medians: dict[str, float],
    numerator: str,
    denominator: str,
    goal: float,
    rounds: int,
    table: bool = True,
) -> None:
    """The medians (unless ``table`` is False: a second ratio of the same runs), then the ratio and its verdict."""
    if table:
        for name, seconds in medians.items():
            print(f"{name:44} {seconds:7.2f} s")
    ratio = medians[numerator] / medians[denominator]
    verdict = "meets" if ratio <= goal else "misses"
    print(f"{title}: ratio {ratio:.2f} ({verdict} the goal of at most {goal:.2f}; median of {rounds} interleaved runs)")
