"""Running a set of tutorials against a target and summing up: shots, differences, failures, review page."""

from __future__ import annotations

import functools
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import sync_playwright

from orcid_guide.engine.animation import write_animation
from orcid_guide.engine.browser import find_chromium, launch_chromium
from orcid_guide.engine.loader import load_tutorials
from orcid_guide.engine.markers import pages_showing
from orcid_guide.engine.review import write_review
from orcid_guide.engine.runner import Progress, RunOptions, StepFailure, TutorialResult
from orcid_guide.engine.shots import ANIMATION, ShotPolicy, ShotResult, stale_baselines
from orcid_guide.engine.steps import screenshot_name
from orcid_guide.engine.traced_retry import run_traced_on_failure
from orcid_guide.errors import UserError
from orcid_guide.project import Project
from orcid_guide.targets import check_target, target_env


@dataclass
class ShootReport:
    results: list[TutorialResult] = field(default_factory=list)
    review: Path | None = None
    removed: list[Path] = field(default_factory=list)  # stale baselines deleted by --update
    stale: list[Path] = field(default_factory=list)  # stale baselines kept (no --update)
    animations: list[str] = field(default_factory=list)  # tutorials whose animation was rewritten

    @property
    def failed(self) -> bool:
        return any(result.failure for result in self.results)

    @property
    def failures(self) -> list[StepFailure]:
        return [result.failure for result in self.results if result.failure is not None]

    @property
    def drifted(self) -> list[ShotResult]:
        """Shots that differ from a baseline that was kept: the guide would show an outdated screenshot."""
        return [s for r in self.results for s in r.shots if s.comparison.status == "changed" and not s.written]

    def count(self, status: str) -> int:
        return sum(shot.comparison.status == status for result in self.results for shot in result.shots)


def shoot(
    project: Project,
    names: list[str],
    *,
    update: bool = False,
    target: str = "mock",
    progress: Progress = lambda line: None,
) -> ShootReport:
    if update and target != "mock":
        raise UserError("Baselines come from the mock target; --update cannot be used with --target sandbox.")
    tutorials = load_tutorials(project.tutorials, names)
    # Fail with one sentence before starting anything.
    find_chromium()
    checked = check_target(target)
    run_dir = project.work / ("shots" if target == "mock" else f"shots-{target}")
    options = RunOptions(
        viewport=project.viewport,
        shots=ShotPolicy(
            baselines=project.screenshots,
            work=run_dir,
            tolerance=project.tolerance,
            pixel_threshold=project.pixel_threshold,
            update=update,
            compare=target == "mock",
        ),
        failures=project.work / "failures",
    )
    # The failures folder describes this run only: an old trace beside a new failure misleads.
    shutil.rmtree(options.failures, ignore_errors=True)
    report = ShootReport()
    with sync_playwright() as driver:
        browser = launch_chromium(driver)
        try:
            for tutorial in tutorials:
                pages = tuple(pages_showing(project.docs, tutorial.name))
                workdir = project.work / "sandbox"
                fresh_env = functools.partial(target_env, checked, workdir)
                result = run_traced_on_failure(browser, tutorial, fresh_env, options, pages, progress)
                report.results.append(result)
                if result.failure is None and not result.skipped and target == "mock" and tutorial.animation:
                    frames = [shot.baseline for shot in result.shots]
                    if write_animation(frames, project.screenshots / tutorial.name / ANIMATION):
                        report.animations.append(tutorial.name)
                if result.failure is None and not result.skipped and target == "mock":
                    current = {screenshot_name(n, step) for n, step in enumerate(tutorial.steps, 1) if step.shot}
                    for path in stale_baselines(options.shots, tutorial.name, current):
                        if update:
                            path.unlink()
                            report.removed.append(path)
                        else:
                            report.stale.append(path)
        finally:
            browser.close()
    shots = [shot for result in report.results for shot in result.shots]
    report.review = write_review(project.work / "review", shots, project.pixel_threshold, report.failures)
    return report
