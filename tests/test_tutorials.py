"""Every tutorial, run end to end against the embedded sandbox, must work and match its committed screenshots."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from orcid_guide.engine.loader import load_tutorial, tutorial_names
from orcid_guide.engine.markers import pages_showing
from orcid_guide.engine.runner import RunOptions, run_tutorial
from orcid_guide.engine.shots import ShotPolicy
from orcid_guide.project import load_project
from orcid_guide.targets import target_env

PROJECT = load_project(Path(__file__).parent)


@pytest.mark.parametrize("name", tutorial_names(PROJECT.tutorials))
def test_tutorial_runs_and_matches_its_baselines(browser: Browser, tmp_path: Path, name: str) -> None:
    tutorial = load_tutorial(PROJECT.tutorials, name)
    pages = tuple(pages_showing(PROJECT.docs, name))
    assert pages, f"no page in docs/ includes the tutorial {name}"
    # Compare against a copy: a test must never write the committed baselines.
    baselines = tmp_path / "baselines"
    shutil.copytree(PROJECT.screenshots / name, baselines / name)
    options = RunOptions(
        viewport=PROJECT.viewport,
        shots=ShotPolicy(baselines, tmp_path / "shots", PROJECT.tolerance, PROJECT.pixel_threshold, update=False),
        failures=tmp_path / "failures",
    )
    with target_env("mock", tmp_path / "sandbox") as env:
        result = run_tutorial(browser, tutorial, env, options, pages)
    assert result.failure is None, str(result.failure)
    statuses = {shot.name: shot.comparison.status for shot in result.shots}
    assert "new" not in statuses.values(), f"screenshots without a committed baseline: {statuses}"
    assert set(statuses.values()) == {"same"}, f"run 'orcid-guide shoot --update {name}': {statuses}"
    committed = sorted(path.name for path in (PROJECT.screenshots / name).glob("*.png"))
    assert committed == sorted(statuses), "committed baselines and the tutorial's steps differ"
