"""Benchmark: the tutorial suite through the engine, against a bare Playwright script doing the same.

Run: .venv/bin/python scripts/bench_bare.py [ROUNDS] [--short]
The bare script starts the same sandbox for each tutorial and does the same fills, clicks and screenshots,
and nothing else: no label checks, no marked element, no comparison, no review page, no record of good runs.
The engine runs every tutorial (--force) on one worker, in this process like the bare script. Prints the
median seconds of each and their ratio; the goal is at most 1.3.
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from bench_timing import SHORT_TUTORIAL, interleaved_medians, report, rounds_and_short
from playwright.sync_api import sync_playwright

from orcid_guide.engine.actions import perform
from orcid_guide.engine.browser import launch_chromium, new_context
from orcid_guide.engine.loader import load_tutorials
from orcid_guide.engine.steps import Tutorial, screenshot_name
from orcid_guide.project import Project, load_project
from orcid_guide.run.shoot import shoot
from orcid_guide.targets import check_target, target_env


def engine(project: Project, names: list[str]) -> None:
    report = shoot(project, names, force=True, jobs=1)
    if report.failures or report.drifted:
        sys.exit(f"The tutorials do not pass as they are: {report.failures or report.drifted}")


def bare(project: Project, tutorials: list[Tutorial], out: Path) -> None:
    target = check_target("mock")
    with sync_playwright() as driver:
        browser = launch_chromium(driver)
        for tutorial in tutorials:
            with target_env(target, project.work / "sandbox-bare") as env:
                context = new_context(browser, project.viewport)
                context.set_default_timeout(5_000)
                page = context.new_page()
                if tutorial.prepare is not None:
                    perform(tutorial.prepare, page, env)
                for number, step in enumerate(tutorial.steps, start=1):
                    if step.act is not None:
                        perform(step.act, page, env)
                    element = step.locate(page)
                    if element is not None:
                        element.scroll_into_view_if_needed()  # to show it on the screenshot, as the engine does
                    if step.shot:
                        path = out / f"{tutorial.name}-{screenshot_name(number, step)}"
                        page.screenshot(path=str(path), animations="disabled", caret="hide", scale="device")
                    if element is not None and step.click:
                        element.click()
                        page.wait_for_load_state()
                context.close()
        browser.close()


def main() -> None:
    rounds, short = rounds_and_short(__doc__, 3)
    names = [SHORT_TUTORIAL] if short else []
    with tempfile.TemporaryDirectory() as out:
        # The engine's review page and records go to a scratch folder, not the checkout's build/.
        project = replace(load_project(), work=Path(out) / "work")
        tutorials = load_tutorials(project.tutorials, names)
        cases = {
            "engine: every tutorial, checked": lambda: engine(project, names),
            "bare Playwright: same actions, no checks": lambda: bare(project, tutorials, Path(out)),
        }
        medians = interleaved_medians(cases, rounds, warm_up=not short)
    name = "engine: every tutorial, checked"
    report("engine / bare Playwright", medians, name, "bare Playwright: same actions, no checks", 1.3, rounds)


if __name__ == "__main__":
    main()
