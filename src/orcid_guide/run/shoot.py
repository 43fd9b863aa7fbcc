"""One run of a set of tutorials against a target: select, skip the unchanged, run on the workers, settle the
baselines, and leave the report (build/report.json), the review page made from it, and the run records."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from orcid_guide.engine.baselines import accept, read_manifest
from orcid_guide.engine.browser import find_chromium
from orcid_guide.engine.fingerprint import tutorial_fingerprint
from orcid_guide.engine.loader import load_tutorials, tutorial_names
from orcid_guide.engine.markers import pages_by_tutorial
from orcid_guide.engine.renderer import Renderer, differences, this_renderer
from orcid_guide.engine.run_state import load_good_runs, save_good_runs
from orcid_guide.engine.runner import Progress, RunOptions, StepFailure, TutorialResult
from orcid_guide.engine.shards import select_shard
from orcid_guide.engine.shots import ShotResult, stale_baselines
from orcid_guide.engine.steps import Tutorial, screenshot_name
from orcid_guide.errors import UserError
from orcid_guide.project import Project
from orcid_guide.run.inputs import shared_fingerprint
from orcid_guide.run.options import run_options
from orcid_guide.run.records import record_runs
from orcid_guide.run.report import RunReport, tutorial_entry, unchanged_entries, write_report
from orcid_guide.run.review import write_review
from orcid_guide.run.workers import Setup, run_tutorials
from orcid_guide.targets import check_target

STATE_FILE = "state.json"


@dataclass
class ShootReport:
    results: list[TutorialResult] = field(default_factory=list)
    review: Path | None = None
    report: Path | None = None  # build/report.json
    removed: list[Path] = field(default_factory=list)  # stale baselines deleted by --update
    stale: list[Path] = field(default_factory=list)  # stale baselines kept (no --update)
    unchanged: list[str] = field(default_factory=list)  # tutorials skipped: nothing changed since their last good run
    # One sentence when this machine draws otherwise than the renderer that drew the baselines ('' when alike).
    renderer_note: str = ""

    @property
    def failures(self) -> list[StepFailure]:
        return [result.failure for result in self.results if result.failure is not None]

    @property
    def drifted(self) -> list[ShotResult]:
        """Shots that differ from a baseline that was kept: the guide would show an outdated screenshot."""
        return [s for r in self.results for s in r.shots if s.status == "changed" and not s.written]

    def count(self, status: str) -> int:
        return sum(shot.status == status for result in self.results for shot in result.shots)


def shoot(
    project: Project,
    names: list[str],
    *,
    update: bool = False,
    target: str = "mock",
    progress: Progress = lambda line: None,
    force: bool = False,
    jobs: int = 1,
    shard: tuple[int, int] | None = None,
    text_baselines: bool = True,
) -> ShootReport:
    """Run the named tutorials (all when none are named), skipping those unchanged since their last good run.

    ``jobs`` tutorials run side by side; ``shard`` (I, N) keeps every Nth of the sorted names, starting at the Ith.
    """
    if update and target != "mock":
        raise UserError("Baselines come from the mock target; --update cannot be used with --target sandbox.")
    wanted = names or tutorial_names(project.tutorials)
    if shard is not None:
        wanted = select_shard(wanted, *shard)
        progress(f"Shard {shard[0]}/{shard[1]}: {', '.join(wanted) or 'no tutorial'}")
    # Loaded once here; a worker process loads only the tutorials it runs.
    tutorials = load_tutorials(project.tutorials, wanted) if wanted else []
    # Fail with one sentence before starting anything.
    chromium = find_chromium()
    checked = check_target(target)
    run_dir = project.work / ("shots" if target == "mock" else f"shots-{target}")
    # A fresh folder per run: the shots a review page shows are this run's only.
    shutil.rmtree(run_dir, ignore_errors=True)
    renderer = this_renderer(chromium, project.font_packages, project.lock)
    report = ShootReport()
    if target == "mock":
        report.renderer_note = renderer_note(project, [t.name for t in tutorials], renderer)
        if report.renderer_note:
            progress(report.renderer_note)
    options = run_options(
        project,
        renderer,
        work=run_dir,
        failures=project.work / "failures",
        update=update,
        compare=target == "mock",
        text=text_baselines,
    )
    # The failures folder describes this run only: an old trace beside a new failure misleads.
    shutil.rmtree(options.failures, ignore_errors=True)
    # Only runs on the mock target make baselines, so only those are remembered and skipped.
    remembered = target == "mock"
    state_file = project.work / STATE_FILE
    good = load_good_runs(state_file) if remembered else {}
    shared = shared_fingerprint(project, target, renderer["chromium"]) if remembered else ""

    def fingerprint(name: str) -> str:
        return tutorial_fingerprint(shared, project.tutorials, name, project.screenshots / name)

    to_run = []
    for tutorial in tutorials:
        if remembered and not force and good.get(tutorial.name) == fingerprint(tutorial.name):
            report.unchanged.append(tutorial.name)
        else:
            to_run.append(tutorial)
    setup = Setup(project, checked, options, pages_by_tutorial(project.docs))  # docs/ read once per run
    results = run_tutorials(setup, to_run, jobs, progress)
    for tutorial, result in zip(to_run, results, strict=True):
        report.results.append(result)
        if remembered and result.failure is None and not result.skipped and _settle(tutorial, result, options, report):
            good[tutorial.name] = fingerprint(tutorial.name)  # of the baselines as this run left them
        else:
            good.pop(tutorial.name, None)
    if remembered:
        save_good_runs(state_file, good)
    # When each tutorial last ran and how, for the pages and the status page (run/records.py).
    record_runs(project, target, to_run, results, renderer["chromium"])
    run_report = RunReport(
        target=target,
        renderer=dict(renderer),
        renderer_note=report.renderer_note,
        tutorials=sorted(
            [tutorial_entry(t, r, project.work) for t, r in zip(to_run, results, strict=True)]
            + unchanged_entries(report.unchanged),
            key=lambda entry: entry.name,
        ),
        removed=[_from_root(path, project) for path in report.removed],
        stale=[_from_root(path, project) for path in report.stale],
    )
    report.report = write_report(project.work, run_report)
    report.review = write_review(project.work, run_report)
    return report


def _from_root(path: Path, project: Project) -> str:
    return path.relative_to(project.root).as_posix() if path.is_relative_to(project.root) else str(path)


def renderer_note(project: Project, names: list[str], renderer: Renderer) -> str:
    """One sentence when the baselines of ``names`` were drawn otherwise than this machine draws ('' if alike)."""
    found: dict[str, list[str]] = {}
    for name in names:
        folder = project.screenshots / name
        if not folder.is_dir():
            continue  # no baselines yet: nothing to compare with
        for difference in differences(read_manifest(folder).renderer, renderer):
            found.setdefault(difference, []).append(name)
    if not found:
        return ""
    which = sorted({name for tutorials in found.values() for name in tutorials})
    scope = "the baselines" if len(which) == len(names) else "the baselines of " + ", ".join(which)
    return (
        f"This machine draws otherwise than {scope} ({'; '.join(found)}): pixel noise smaller than a "
        "character is tolerated, every word is still compared exactly."
    )


def _settle(tutorial: Tutorial, result: TutorialResult, options: RunOptions, report: ShootReport) -> bool:
    """After a run on the mock target that passed: accept its shots and stale baselines. (A page's animation is
    made when the site is built, from these baselines: engine/page_animation.py.)

    Returns True when the run was good: every screenshot matches its baseline or was accepted, and no stale
    baseline is left.
    """
    policy = options.shots
    result.shots = accept(policy, tutorial.name, result.shots, result.captures)
    current = {screenshot_name(n, step) for n, step in enumerate(tutorial.steps, 1) if step.shot}
    stale = stale_baselines(policy.baselines, tutorial.name, current)
    for path in stale:
        if policy.update:
            path.unlink()
            report.removed.append(path)
        else:
            report.stale.append(path)
    drifted = any(shot.status == "changed" and not shot.written for shot in result.shots)
    return not drifted and not (stale and not policy.update)
