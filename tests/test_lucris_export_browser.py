"""The whole export in a real Chromium over real HTTP, as the import tutorial's preparation repeats it:
Thomas van Dijk's 124 outputs take two pages of 100, and the kept file holds all of them."""

from __future__ import annotations

import sys
from pathlib import Path

from bibtexparser.entrypoint import parse_string
from playwright.sync_api import Page, expect

from orcid_guide.engine.kept_files import kept_file
from orcid_guide.engine.steps import Env
from orcid_guide.sandbox.launcher import RunningSandbox
from orcid_guide.sandbox.lucris.fixtures import OUTPUTS

sys.path.insert(0, str(Path(__file__).parents[1] / "tutorials"))
from _lucris import EXPORT_FILE, export_publications


def test_two_pages_of_100_selected_export_all_124_outputs(sandbox: RunningSandbox, page: Page, tmp_path: Path) -> None:
    env = Env(
        target="mock",
        urls={"lucris": sandbox.lucris_url},
        values={"lucris_username": "tdijk", "lucris_password": "lucris-thomas"},
        kept=tmp_path / "kept",
    )
    path = export_publications(page, env, "Thomas van Dijk", "van Dijk")
    assert path == kept_file(env, EXPORT_FILE)
    library = parse_string(path.read_text(encoding="utf-8"))
    thomas = {o.uuid for o in OUTPUTS if any(c.username == "tdijk" for c in o.contributors)}
    assert len(thomas) == 124
    assert {entry.key for entry in library.entries} == thomas


def test_ticking_one_box_saves_it_and_a_name_nobody_has_finds_nobody(sandbox: RunningSandbox, page: Page) -> None:
    page.goto(f"{sandbox.lucris_url}/login")
    page.get_by_label("Username").fill("evries")
    page.get_by_label("Password").fill("lucris-eva")
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{sandbox.lucris_url}/publications")
    first = page.get_by_role("checkbox", name="Select Microplastics in Rhine sediments")
    first.check()
    expect(page.get_by_text("1 selected", exact=True)).to_be_visible()
    page.get_by_role("link", name="Page 2").click()
    expect(page.get_by_role("checkbox").first).not_to_be_checked()
    page.get_by_role("link", name="Page 1").click()
    expect(first).to_be_checked()

    page.get_by_role("button", name="Filter", exact=True).click()
    page.get_by_role("button", name="Switch to query mode").click()
    page.get_by_role("button", name="Author/Editors", exact=True).click()
    page.get_by_role("button", name="select value").click()
    page.get_by_placeholder("Type a last name").fill("Zwart")
    expect(page.get_by_text("No person with this name.")).to_be_visible()
    expect(page.get_by_role("button", name="+")).to_have_count(0)
    page.get_by_placeholder("Type a last name").fill("van")
    expect(page.get_by_role("button", name="+")).to_have_count(2)  # Erik van der Horst, Thomas van Dijk
