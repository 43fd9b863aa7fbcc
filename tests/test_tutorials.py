"""Every tutorial, run end to end against the embedded sandbox, must work and match its committed screenshots."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from orcid_guide.engine.browser import find_chromium
from orcid_guide.engine.loader import load_tutorial, tutorial_names
from orcid_guide.engine.markers import pages_showing
from orcid_guide.engine.renderer import this_renderer
from orcid_guide.engine.runner import run_tutorial
from orcid_guide.engine.shots import ANIMATION, STEP_SHOTS
from orcid_guide.project import load_project
from orcid_guide.run.options import run_options
from orcid_guide.targets import check_target, target_env

PROJECT = load_project(Path(__file__).parent)
RENDERER = this_renderer(find_chromium(), PROJECT.font_packages, PROJECT.lock)


@pytest.mark.tutorials
@pytest.mark.parametrize("name", tutorial_names(PROJECT.tutorials))
def test_tutorial_runs_and_matches_its_baselines(browser: Browser, tmp_path: Path, name: str) -> None:
    tutorial = load_tutorial(PROJECT.tutorials, name)
    pages = tuple(pages_showing(PROJECT.docs, name))
    assert pages, f"no page in docs/ includes the tutorial {name}"
    # Compare against a copy: a test must never write the committed baselines.
    baselines = tmp_path / "baselines"
    shutil.copytree(PROJECT.screenshots / name, baselines / name)
    options = run_options(
        PROJECT, RENDERER, work=tmp_path / "shots", failures=tmp_path / "failures", baselines=baselines
    )
    with target_env(check_target("mock"), tmp_path / "sandbox") as env:
        result = run_tutorial(browser, tutorial, env, options, pages)
    assert result.failure is None, str(result.failure)
    statuses = {shot.name: shot.status for shot in result.shots}
    assert "new" not in statuses.values(), f"screenshots without a committed baseline: {statuses}"
    assert set(statuses.values()) == {"same"}, f"run 'orcid-guide shoot --update {name}': {statuses}"
    changes = {shot.name: shot.text_changes for shot in result.shots if shot.text_changes}
    assert not changes, f"the screens' words differ from their text baselines: {changes}"
    committed = sorted(path.name for path in (PROJECT.screenshots / name).glob(STEP_SHOTS))
    assert committed == sorted(statuses), "committed baselines and the tutorial's steps differ"


@pytest.mark.parametrize("name", tutorial_names(PROJECT.tutorials))
def test_no_animation_is_committed_the_build_makes_them_from_the_screenshots(name: str) -> None:
    # A committed one could say other words than the steps; engine/page_animation.py makes them per language.
    assert not (PROJECT.screenshots / name / ANIMATION).exists()
