"""The one way to make a run's ``RunOptions`` from the project's settings."""

from __future__ import annotations

from pathlib import Path

from orcid_guide.engine.renderer import Renderer
from orcid_guide.engine.runner import RunOptions
from orcid_guide.engine.shots import ShotPolicy
from orcid_guide.project import Project


def run_options(
    project: Project,
    renderer: Renderer,
    *,
    work: Path,
    failures: Path,
    baselines: Path | None = None,
    update: bool = False,
    compare: bool = True,
    text: bool = True,
) -> RunOptions:
    """Options for running tutorials of ``project``: new shots into ``work``, failures into ``failures``,
    compared with ``baselines`` (the project's own unless given, as a test gives a copy)."""
    return RunOptions(
        viewport=project.viewport,
        shots=ShotPolicy(
            baselines=baselines if baselines is not None else project.screenshots,
            work=work,
            renderer=renderer,
            pixel_threshold=project.pixel_threshold,
            character=project.character,
            update=update,
            compare=compare,
            text=text,
        ),
        failures=failures,
        timeout_ms=project.step_timeout * 1000,
    )
