"""build/report.json: the one machine-readable record of a run, from which the review page is made.

Per tutorial: its name, status and time, and per step its id, status, time and screenshot with the comparison's
result; for the run: the target and the renderer. Paths in it are relative to the build folder that holds it,
so a shard's folder can be copied into another and merged (run/merge.py).

A tutorial's status is one of ``passed``, ``changed`` (it passed, but a screenshot differs from a baseline
that was kept), ``failed`` and ``unchanged`` (not run: nothing it depends on changed since its last good run).
A step's is ``passed``, ``failed``, ``skipped`` (with the reason) or ``not run`` (after a failed one).
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from orcid_guide.engine.runner import StepFailure, TutorialResult
from orcid_guide.engine.shots import ShotResult
from orcid_guide.engine.steps import Tutorial, screenshot_name

REPORT_FILE = "report.json"
VERSION = 1


@dataclass(frozen=True)
class ShotEntry:
    name: str  # NN-step-id.png
    status: str  # same, changed, new
    pixels: str  # the comparison's own status: same, changed, new
    changed_pixels: int
    size_changed: bool
    text_changes: list[str]
    written: bool  # the baseline was (re)written by this run
    new: str  # the new shot
    baseline: str | None  # a copy of the baseline as it was before the run, when it differs
    difference: str | None  # the changed pixels in red, when pixels changed


@dataclass(frozen=True)
class StepEntry:
    number: int
    id: str
    status: str
    seconds: float
    shot: ShotEntry | None = None
    reason: str = ""  # why it was skipped


@dataclass(frozen=True)
class FailureEntry:
    number: int
    step: str
    pages: list[str]
    problem: str
    message: str  # the whole sentence the command prints
    screenshot: str | None
    trace: str | None


@dataclass(frozen=True)
class TutorialEntry:
    name: str
    status: str
    seconds: float = 0.0
    steps: list[StepEntry] = field(default_factory=list)
    failure: FailureEntry | None = None

    @property
    def shots(self) -> list[ShotEntry]:
        return [step.shot for step in self.steps if step.shot is not None]


@dataclass(frozen=True)
class RunReport:
    target: str
    renderer: dict[str, str]
    renderer_note: str = ""
    tutorials: list[TutorialEntry] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # stale baselines deleted by --update
    stale: list[str] = field(default_factory=list)  # stale baselines kept
    version: int = VERSION

    @property
    def failed(self) -> list[TutorialEntry]:
        return [entry for entry in self.tutorials if entry.status == "failed"]

    @property
    def drifted(self) -> list[tuple[str, ShotEntry]]:
        """Shots that differ from a baseline that was kept."""
        return [
            (entry.name, shot)
            for entry in self.tutorials
            for shot in entry.shots
            if shot.status == "changed" and not shot.written
        ]


def _relative(path: Path | None, build: Path) -> str | None:
    return None if path is None else Path(os.path.relpath(path, build)).as_posix()


def _shot_entry(shot: ShotResult, build: Path) -> ShotEntry:
    comparison = shot.comparison
    return ShotEntry(
        name=shot.name,
        status=shot.status,
        pixels=comparison.status,
        changed_pixels=comparison.changed_pixels,
        size_changed=comparison.size_changed,
        text_changes=list(shot.text_changes),
        written=shot.written,
        new=_relative(shot.new, build) or "",
        baseline=_relative(shot.old, build),
        difference=_relative(shot.difference, build),
    )


def _failure_entry(failure: StepFailure, build: Path) -> FailureEntry:
    screenshot = failure.screenshot if failure.screenshot.is_file() and failure.screenshot.stat().st_size else None
    return FailureEntry(
        number=failure.number,
        step=failure.step,
        pages=list(failure.pages),
        problem=failure.problem,
        message=str(failure),
        screenshot=_relative(screenshot, build),
        trace=_relative(failure.trace, build),
    )


def tutorial_entry(tutorial: Tutorial, result: TutorialResult, build: Path) -> TutorialEntry:
    shots = {shot.name: shot for shot in result.shots}
    skipped = {number: reason for number, _, reason in result.skipped}
    failed_at = result.failure.number if result.failure is not None else None
    steps = []
    for number, step in enumerate(tutorial.steps, start=1):
        if number in skipped:
            status = "skipped"
        elif failed_at is not None and number == failed_at:
            status = "failed"
        elif failed_at is not None and number > failed_at:
            status = "not run"
        else:
            status = "passed"
        shot = shots.get(screenshot_name(number, step)) if step.shot else None
        steps.append(
            StepEntry(
                number=number,
                id=step.id,
                status=status,
                seconds=round(result.step_seconds.get(number, 0.0), 3),
                shot=_shot_entry(shot, build) if shot is not None else None,
                reason=skipped.get(number, ""),
            )
        )
    drifted = any(shot.status == "changed" and not shot.written for shot in result.shots)
    status = "failed" if result.failure is not None else "changed" if drifted else "passed"
    failure = _failure_entry(result.failure, build) if result.failure is not None else None
    return TutorialEntry(result.name, status, round(result.seconds, 3), steps, failure)


def write_report(build: Path, report: RunReport) -> Path:
    path = build / REPORT_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.write_text(json.dumps(asdict(report), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    partial.replace(path)  # whole or not at all
    return path


class ReportUnreadable(ValueError):
    pass


def read_report(build: Path) -> RunReport:
    """The report in ``build``; ReportUnreadable when it is missing, damaged or of another version."""
    path = build / REPORT_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ReportUnreadable(f"{path} cannot be read ({error}).") from error
    if not isinstance(data, dict) or data.get("version") != VERSION:
        raise ReportUnreadable(f"{path} is not a run report of version {VERSION}.")
    try:
        return _report(data)
    except (KeyError, TypeError) as error:
        raise ReportUnreadable(f"{path} is not a run report: {error}.") from error


def _report(data: Mapping[str, Any]) -> RunReport:
    tutorials = [
        TutorialEntry(
            name=entry["name"],
            status=entry["status"],
            seconds=entry["seconds"],
            steps=[
                StepEntry(**{**step, "shot": ShotEntry(**step["shot"]) if step.get("shot") else None})
                for step in entry["steps"]
            ],
            failure=FailureEntry(**entry["failure"]) if entry.get("failure") else None,
        )
        for entry in data["tutorials"]
    ]
    return RunReport(
        target=data["target"],
        renderer=dict(data["renderer"]),
        renderer_note=data.get("renderer_note", ""),
        tutorials=tutorials,
        removed=list(data.get("removed", [])),
        stale=list(data.get("stale", [])),
    )


def unchanged_entries(names: Sequence[str]) -> list[TutorialEntry]:
    return [TutorialEntry(name, "unchanged") for name in names]
