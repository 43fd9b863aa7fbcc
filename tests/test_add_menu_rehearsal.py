"""Rehearsing ORCID's newer Add menu: the import tutorial breaks at the one step whose label changed, and says so."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from playwright.sync_api import Browser

from orcid_guide.engine.loader import load_tutorial
from orcid_guide.engine.markers import pages_showing
from orcid_guide.engine.runner import run_tutorial
from orcid_guide.project import load_project
from orcid_guide.run.options import run_options
from orcid_guide.targets import check_target, target_env

PROJECT = load_project(Path(__file__).parent)
NAME = "import_bibtex_into_orcid"


def test_on_the_newer_add_menu_the_import_tutorial_fails_at_add_bibtex_naming_the_label(
    browser: Browser, tmp_path: Path
) -> None:
    tutorial = load_tutorial(PROJECT.tutorials, NAME)
    pages = tuple(pages_showing(PROJECT.docs, NAME))
    options = run_options(
        PROJECT,
        {},
        work=tmp_path / "shots",
        failures=tmp_path / "failures",
        baselines=tmp_path / "baselines",
        compare=False,
    )
    newer_menu = replace(check_target("mock"), add_menu="new")
    with target_env(newer_menu, tmp_path / "sandbox") as env:
        result = run_tutorial(browser, tutorial, env, options, pages)
    failure = result.failure
    assert failure is not None, "the tutorial passed on a menu that no longer has its label"
    assert (failure.number, failure.step) == (2, "add-bibtex")
    assert failure.problem == 'the label "Add BibTeX" is not on the screen.'
    message = str(failure)
    assert message.startswith(f"Tutorial {NAME}, step 2 (add-bibtex), shown on ")
    assert "add-older-publications.md" in message
    # The step before it ran and took its screenshot; nothing after it did.
    assert [shot.name for shot in result.shots] == ["01-sign-in.png"]
    assert failure.screenshot.is_file()
