"""Running tutorials side by side: one process per worker, each with one Chromium and one sandbox of its own.

Playwright's sync API belongs to the thread that started it, so workers are processes, not threads. Each
worker starts its browser and its sandbox once and runs one tutorial after another: every tutorial in a new
browser context, on the sandbox put back to its fixture state (targets.py, ``target_envs``). Results and
progress lines come back in the order of the tutorials, so a run with any number of workers prints and
reports the same as a run with one.
"""

from __future__ import annotations

import atexit
import contextlib
import multiprocessing
import os
import threading
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing.util import Finalize

from playwright.sync_api import Browser, sync_playwright

from orcid_guide.engine.browser import launch_chromium
from orcid_guide.engine.loader import load_tutorial
from orcid_guide.engine.runner import Progress, RunOptions, TutorialResult
from orcid_guide.engine.steps import Tutorial
from orcid_guide.engine.traced_retry import run_traced_on_failure
from orcid_guide.project import Project
from orcid_guide.sandbox.run_folder import run_folder
from orcid_guide.targets import FreshEnv, Target, target_envs


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@dataclass(frozen=True)
class Setup:
    """What every worker needs, sent once to each: where, against what, how, and the pages of each tutorial."""

    project: Project
    target: Target
    options: RunOptions
    pages: Mapping[str, tuple[str, ...]]


def run_tutorials(setup: Setup, tutorials: list[Tutorial], jobs: int, progress: Progress) -> list[TutorialResult]:
    """Run ``tutorials`` on up to ``jobs`` workers; results in the order of ``tutorials``."""
    workers = min(jobs, len(tutorials))
    if workers <= 1:
        return _run_here(setup, tutorials, progress)
    context = multiprocessing.get_context(_start_method())
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(setup,)) as pool:
        # Longest first, so that no worker is left running a long tutorial alone at the end; the pool starts
        # work in the order it is submitted. Results are still read in the order of ``tutorials``.
        submitted = {t.name: pool.submit(_run_in_worker, t.name) for t in sorted(tutorials, key=_length, reverse=True)}
        futures = [submitted[tutorial.name] for tutorial in tutorials]
        results = []
        try:
            for future in futures:
                result, lines = future.result()
                for line in lines:
                    progress(line)
                results.append(result)
        except BaseException:  # Ctrl+C or a broken worker: start nothing more, wait only for what runs
            for future in futures:
                future.cancel()
            raise
    return results


def _start_method() -> str:
    """How a worker starts: as a copy of this process when it runs no other thread (it has started no Playwright
    either: only workers do), which spares each worker importing the engine, Playwright and the apps again, about
    half a second; else as a fresh interpreter, since a copy of a process with threads can inherit a held lock."""
    return "fork" if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods() else "spawn"


def _length(tutorial: Tutorial) -> int:
    """How long a tutorial runs, in steps: a step takes about as long as another, its prepare about one."""
    return len(tutorial.steps) + (tutorial.prepare is not None)


def _run_here(setup: Setup, tutorials: list[Tutorial], progress: Progress) -> list[TutorialResult]:
    if not tutorials:
        return []
    with (
        run_folder(setup.project.work, "sandbox-") as sandbox,
        target_envs(setup.target, sandbox) as fresh_env,
        sync_playwright() as driver,
    ):
        browser = launch_chromium(driver)
        try:
            return [_run_one(browser, setup, tutorial, fresh_env, progress) for tutorial in tutorials]
        finally:
            browser.close()


def _run_one(
    browser: Browser, setup: Setup, tutorial: Tutorial, fresh_env: FreshEnv, progress: Progress
) -> TutorialResult:
    pages = setup.pages.get(tutorial.name, ())
    return run_traced_on_failure(browser, tutorial, fresh_env, setup.options, pages, progress)


@dataclass
class _Worker:
    setup: Setup
    browser: Browser
    fresh_env: FreshEnv


_worker: _Worker | None = None


def _start_worker(setup: Setup) -> None:
    global _worker
    # A folder of its own, named after its process: another shoot from the same checkout has workers too.
    resources = contextlib.ExitStack()
    sandbox = resources.enter_context(run_folder(setup.project.work, f"sandbox-{os.getpid()}-"))
    fresh_env = resources.enter_context(target_envs(setup.target, sandbox))
    driver = resources.enter_context(sync_playwright())
    browser = launch_chromium(driver)
    resources.callback(browser.close)
    # A pool worker ends through multiprocessing's exit, which runs its finalizers but not atexit; a worker
    # ended otherwise (Ctrl+C) runs atexit. Closing twice is harmless: an ExitStack empties itself.
    atexit.register(resources.close)
    Finalize(None, resources.close, exitpriority=10)
    _worker = _Worker(setup, browser, fresh_env)


def _run_in_worker(name: str) -> tuple[TutorialResult, list[str]]:
    assert _worker is not None, "the worker was not started"
    tutorial = load_tutorial(_worker.setup.project.tutorials, name)
    lines: list[str] = []
    result = _run_one(_worker.browser, _worker.setup, tutorial, _worker.fresh_env, lines.append)
    return result, lines
