"""What ``shoot`` remembers of each tutorial's run for the site: when, against what, in which Chromium, passed or not.

See engine/run_record.py for the two records and why the committed one changes only with the baselines.
"""

from __future__ import annotations

from collections.abc import Sequence

from orcid_guide.engine.run_record import RUNS_FILE, RunOutcome, chromium_name, now_utc, save_runs
from orcid_guide.engine.runner import TutorialResult
from orcid_guide.engine.steps import Tutorial
from orcid_guide.project import Project


def outcome_of(tutorial: Tutorial, result: TutorialResult, target: str, chromium: str, finished: str) -> RunOutcome:
    """A run passed when no step failed and, on the emulator, no screenshot differs from a baseline it kept."""
    drifted = any(shot.comparison.status == "changed" and not shot.written for shot in result.shots)
    return RunOutcome(
        tutorial=tutorial.name,
        target=target,
        finished=finished,
        chromium=chromium,
        passed=result.failure is None and not drifted,
        steps=len(tutorial.steps),
        skipped=len(result.skipped),
        failed_step=result.failure.number if result.failure is not None else 0,
    )


def record_runs(
    project: Project, target: str, tutorials: Sequence[Tutorial], results: Sequence[TutorialResult], browser: str
) -> None:
    """Every run goes into build/runs.json; a passed emulator run that wrote baselines also into the committed one.

    ``browser``: what the Chromium says of its version."""
    if not tutorials:
        return
    chromium, finished = chromium_name(browser), now_utc()
    outcomes = [outcome_of(t, r, target, chromium, finished) for t, r in zip(tutorials, results, strict=True)]
    save_runs(project.work / RUNS_FILE, outcomes)
    made_baselines = [
        outcome
        for outcome, result in zip(outcomes, results, strict=True)
        if target == "mock" and outcome.passed and any(shot.written for shot in result.shots)
    ]
    if made_baselines:
        save_runs(project.screenshots / RUNS_FILE, made_baselines)
