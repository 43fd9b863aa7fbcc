"""Running tutorials side by side: one process per worker, each with its own Chromium and its own sandbox.

Playwright's sync API belongs to the thread that started it, so workers are processes, not threads. Each
worker starts its browser once and runs one tutorial after another on its own sandbox folder (the sandbox
picks free ports). Results and progress lines come back in the order of the tutorials, so a run with any
number of workers prints and reports the same as a run with one.
"""

from __future__ import annotations

import atexit
import functools
import multiprocessing
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing.util import Finalize
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from orcid_guide.engine.browser import launch_chromium
from orcid_guide.engine.loader import load_tutorial
from orcid_guide.engine.markers import pages_showing
from orcid_guide.engine.runner import Progress, RunOptions, TutorialResult
from orcid_guide.engine.steps import Tutorial
from orcid_guide.engine.traced_retry import run_traced_on_failure
from orcid_guide.project import Project
from orcid_guide.sandbox.run_folder import new_run_folder, run_folder
from orcid_guide.targets import Target, target_env


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run_tutorials(
    project: Project,
    tutorials: list[Tutorial],
    target: Target,
    options: RunOptions,
    jobs: int,
    progress: Progress,
) -> list[TutorialResult]:
    """Run ``tutorials`` on up to ``jobs`` workers; results in the order of ``tutorials``."""
    workers = min(jobs, len(tutorials))
    if workers <= 1:
        return _run_here(project, tutorials, target, options, progress)
    context = multiprocessing.get_context("spawn")  # a fresh interpreter: no inherited Playwright or threads
    slots = context.Queue()
    for number in range(1, workers + 1):
        slots.put(number)
    setup = _Setup(project, target, options)
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(setup, slots)) as pool:
        futures = [pool.submit(_run_in_worker, tutorial.name) for tutorial in tutorials]
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


def _run_here(
    project: Project, tutorials: list[Tutorial], target: Target, options: RunOptions, progress: Progress
) -> list[TutorialResult]:
    if not tutorials:
        return []
    setup = _Setup(project, target, options)
    results = []
    with run_folder(project.work, "sandbox-") as sandbox, sync_playwright() as driver:
        browser = launch_chromium(driver)
        try:
            for tutorial in tutorials:
                results.append(_run_one(browser, setup, tutorial, sandbox, progress))
        finally:
            browser.close()
    return results


@dataclass(frozen=True)
class _Setup:
    project: Project
    target: Target
    options: RunOptions


def _run_one(browser: Browser, setup: _Setup, tutorial: Tutorial, sandbox: Path, progress: Progress) -> TutorialResult:
    pages = tuple(pages_showing(setup.project.docs, tutorial.name))
    fresh_env = functools.partial(target_env, setup.target, sandbox)
    return run_traced_on_failure(browser, tutorial, fresh_env, setup.options, pages, progress)


@dataclass
class _Worker:
    setup: _Setup
    browser: Browser
    sandbox: Path


_worker: _Worker | None = None


def _start_worker(setup: _Setup, slots: multiprocessing.Queue[int]) -> None:
    global _worker
    number = slots.get()
    driver = sync_playwright().start()
    browser = launch_chromium(driver)

    def stop() -> None:
        browser.close()
        driver.stop()

    atexit.register(stop)
    # Its own folder, not one named after its slot: another shoot from the same checkout has workers too.
    sandbox = new_run_folder(setup.project.work, f"sandbox-{number}-")
    # A pool worker ends through multiprocessing's exit, which runs its finalizers but not atexit.
    Finalize(None, shutil.rmtree, args=(sandbox,), kwargs={"ignore_errors": True}, exitpriority=10)
    _worker = _Worker(setup, browser, sandbox)


def _run_in_worker(name: str) -> tuple[TutorialResult, list[str]]:
    assert _worker is not None, "the worker was not started"
    setup = _worker.setup
    tutorial = load_tutorial(setup.project.tutorials, name)
    lines: list[str] = []
    result = _run_one(_worker.browser, setup, tutorial, _worker.sandbox, lines.append)
    return result, lines
