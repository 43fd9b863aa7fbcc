"""Searching the built site in a real browser: each language finds its own pages only."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, expect

from orcid_guide.engine.browser import Viewport, new_context
from orcid_guide.site_hooks.per_language import split_search_index

DONE = {
    "en": re.compile(r"matching document|No matching"),
    "nl": re.compile(r"overeenkomende document|Geen overeenkomende"),
}
# A word both languages use, and a word only one of them does.
SEARCHES = {
    ("en", "LUCRIS"): True,
    ("nl", "LUCRIS"): True,
    ("en", "koppelen"): False,
    ("nl", "koppelen"): True,
    ("en", "connect"): True,
}


def search_results(browser: Browser, site_url: str, language: str, query: str) -> list[str]:
    """The paths of the results Material's search box lists for ``query`` on the language's home page."""
    context = new_context(browser, Viewport(1280, 800))
    try:
        context.set_default_timeout(10_000)
        page = context.new_page()
        page.goto(site_url + ("/" if language == "en" else f"/{language}/"))
        box = page.locator("input.md-search__input")
        box.click()
        box.press_sequentially(query)
        meta = page.locator(".md-search-result__meta")
        # Material first says it is typing/searching, then how many documents match (or that none do).
        expect(meta).to_have_text(DONE[language])
        links = page.locator("a.md-search-result__link")
        paths = [urlsplit(href).path for href in links.evaluate_all("(links) => links.map(link => link.href)")]
        # Paths from the guide's root, wherever the server has it.
        return [path.removeprefix(urlsplit(site_url).path) for path in paths]
    finally:
        context.close()


@pytest.mark.parametrize(("language", "query"), SEARCHES)
def test_search_lists_only_pages_in_the_page_language(
    browser: Browser, site_url: str, language: str, query: str
) -> None:
    results = search_results(browser, site_url, language, query)
    assert bool(results) == SEARCHES[(language, query)], results
    if language == "nl":
        assert all(path.startswith("/nl/") for path in results), results
    else:
        assert not any(path.startswith("/nl/") for path in results), results


def test_each_language_has_its_own_search_index(site: Path) -> None:
    english = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    dutch = json.loads((site / "nl" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert english["config"]["lang"] == ["en"] and dutch["config"]["lang"] == ["nl"]
    assert {entry["title"] for entry in english["docs"]} >= {"Create your ORCID iD"}
    assert {entry["title"] for entry in dutch["docs"]} >= {"Uw ORCID iD aanmaken"}
    assert not any(entry["location"].startswith("nl/") for entry in english["docs"] + dutch["docs"])


def test_splitting_an_index_moves_a_language_folder_out_with_locations_relative_to_it() -> None:
    index = {
        "config": {"lang": ["en", "nl"]},
        "docs": [{"location": "a/", "title": "A"}, {"location": "nl/a/#x", "title": "B"}],
    }
    rest, dutch = split_search_index(index, "nl")
    assert rest == {"config": {"lang": ["en"]}, "docs": [{"location": "a/", "title": "A"}]}
    assert dutch == {"config": {"lang": ["nl"]}, "docs": [{"location": "a/#x", "title": "B"}]}
