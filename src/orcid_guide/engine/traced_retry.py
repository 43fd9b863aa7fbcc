"""Tracing only what failed: run untraced, and run a failed tutorial once more with tracing on.

Recording a trace costs most of a second per tutorial and slows every call while it runs, and a trace is only
read when something failed. This is Playwright's own "on-first-retry": the first run is untraced; a failure is
repeated once, on fresh data, with tracing, and that trace goes with the failure. The retry never touches the
baselines, and a failure that does not repeat is said to come and go rather than hidden.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import replace
from pathlib import Path

from playwright.sync_api import Browser

from orcid_guide.engine.runner import Progress, RunOptions, StepFailure, TutorialResult, run_tutorial
from orcid_guide.engine.steps import Env, Tutorial

FreshEnv = Callable[[], AbstractContextManager[Env]]


def run_traced_on_failure(
    browser: Browser,
    tutorial: Tutorial,
    fresh_env: FreshEnv,
    options: RunOptions,
    pages: tuple[str, ...] = (),
    progress: Progress = lambda line: None,
) -> TutorialResult:
    """Run ``tutorial`` untraced; when it fails, run it again traced on a fresh env and attach that trace."""
    with fresh_env() as env:
        result = run_tutorial(browser, tutorial, env, replace(options, trace=False), pages, progress)
    first = result.failure
    if first is None:
        return result
    progress(f"{tutorial.name}: step {first.number} failed; running the tutorial again with tracing")
    # The retry's shots are compared with nothing, so no baseline can change, and are thrown away.
    with tempfile.TemporaryDirectory(prefix="retry-shots-") as scratch, fresh_env() as env:
        retry_shots = replace(options.shots, work=Path(scratch), compare=False)
        retry = run_tutorial(browser, tutorial, env, replace(options, trace=True, shots=retry_shots), pages)
    result.failure = _with_trace(first, retry.failure)
    result.seconds += retry.seconds
    return result


def _with_trace(first: StepFailure, again: StepFailure | None) -> StepFailure:
    if again is None:
        note = " Run again with tracing, every step passed: this failure comes and goes."
        return replace(first, problem=first.problem + note)
    if (again.number, again.problem) != (first.number, first.problem):
        note = f" Run again with tracing, it failed at step {again.number} ({again.step}) instead: {again.problem}"
        return replace(first, problem=first.problem + note, trace=again.trace)
    return replace(first, trace=again.trace)
