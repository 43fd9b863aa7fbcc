"""Rehearsing ORCID's backup-email interstitial (on for records with one email address): which tutorials break,
at which step, and what they say. Eva, the demo researcher, has one address, as the guide has readers register.

Sign-in's dialog covers the record, so a step that then acts on the record cannot reach its button; in the authorize
flow the interstitial takes the card's place, so LUCRIS never hears back. Tutorials that leave the record page
before acting on it (the interstitial shows once per session) pass.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from orcid_guide.engine.loader import load_tutorial
from orcid_guide.engine.markers import pages_showing
from orcid_guide.engine.runner import run_tutorial
from orcid_guide.project import load_project
from orcid_guide.run.options import run_options
from orcid_guide.targets import check_target, target_env

PROJECT = load_project(Path(__file__).parent)
NOT_A_BUTTON = "The words {words} are on the screen, but not as the button the step looks for."
EXPECTED: dict[str, tuple[int, str, str] | None] = {
    "auto_update_from_crossref_and_datacite": None,
    "connect_lucris_to_orcid": (5, "connected", 'the labels "ORCID Settings", "Connected" are not on the screen.'),
    "create_orcid_id": (
        8,
        "sign-out",
        'the button "Sanne Jansen" never appeared (waited 5 s). ' + NOT_A_BUTTON.format(words='"Sanne Jansen"'),
    ),
    "export_publications_from_lucris": None,
    "import_bibtex_into_orcid": (
        2,
        "add-bibtex",
        'the button "Add" in the region "Works" never appeared (waited 5 s). ' + NOT_A_BUTTON.format(words='"Add"'),
    ),
    "import_orcid_works_into_lucris": None,
    "lookup_orcid_in_lucris": None,
    # Its starting point already edits the names on the record, which sign-in's dialog covers.
    "make_name_public_on_orcid": (
        0,
        "prepare",
        'the button "Manage your names" in the region "Names" never appeared (waited 5 s).',
    ),
    "register_orcid_in_lucris": None,
    "set_visibility_on_orcid": None,
}


def test_every_tutorial_is_in_the_rehearsal() -> None:
    assert sorted(EXPECTED) == sorted(p.stem for p in PROJECT.tutorials.glob("[a-z]*.py"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_with_the_backup_email_prompt_on(browser: Browser, tmp_path: Path, name: str) -> None:
    tutorial = load_tutorial(PROJECT.tutorials, name)
    options = run_options(
        PROJECT,
        {},
        work=tmp_path / "shots",
        failures=tmp_path / "failures",
        baselines=tmp_path / "baselines",
        compare=False,
    )
    prompting = replace(check_target("mock"), backup_email_prompt=True)
    with target_env(prompting, tmp_path / "sandbox") as env:
        result = run_tutorial(browser, tutorial, env, options, tuple(pages_showing(PROJECT.docs, name)))
    failure = result.failure
    expected = EXPECTED[name]
    if expected is None:
        assert failure is None, str(failure)
        return
    assert failure is not None, f"{name} passed although ORCID asked for a backup email address"
    assert (failure.number, failure.step, failure.problem) == expected
    assert str(failure).startswith(f"Tutorial {name}, step {expected[0]} ({expected[1]}), shown on ")
    assert failure.screenshot.is_file()
