"""The whole export in a real Chromium over real HTTP, as the import tutorial's preparation repeats it:
Thomas van Dijk's 124 outputs take two pages of 100, and the kept file holds all of them."""

from __future__ import annotations

import sys
from pathlib import Path

import bibtexparser
from playwright.sync_api import Page

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
    library = bibtexparser.parse_string(path.read_text(encoding="utf-8"))
    thomas = {o.uuid for o in OUTPUTS if any(c.username == "tdijk" for c in o.contributors)}
    assert len(thomas) == 124
    assert {entry.key for entry in library.entries} == thomas
