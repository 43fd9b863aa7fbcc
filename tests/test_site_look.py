"""The guide's own look on every page: Leiden's colours, its mark, who maintains it, when a page last changed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers.site_pages import LANGUAGES, PAGES, page_url

MAINTAINER = {
    "en": "maintained by the University Library of Leiden University",
    "nl": "bijgehouden door de Universiteitsbibliotheek Leiden",
}
UPDATED = {
    "en": re.compile(r"Last updated:\s*<span[^>]*>[A-Z][a-z]+ \d{1,2}, \d{4}</span>"),
    "nl": re.compile(r"Laatst bijgewerkt:\s*<span[^>]*>\d{1,2} [a-z]+ \d{4}</span>"),
}


def html_of(site: Path, language: str, page: str) -> str:
    return (site / page_url(language, page).lstrip("/") / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_says_who_maintains_the_guide_and_when_it_changed(site: Path, language: str, page: str) -> None:
    html = html_of(site, language, page)
    assert MAINTAINER[language] in html
    assert 'href="https://lucris.leidenuniv.nl/"' in html
    contact = {"en": "Contact the library", "nl": "Neem contact op met de bibliotheek"}[language]
    assert re.search(rf'<a href="https://[^"]+">{contact}</a>', html), "no way to reach the maintainers"
    assert "Made with" not in html
    assert UPDATED[language].search(html), "no last-update date in the page's language"


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_use_the_leiden_colours_and_the_guides_own_mark(site: Path, language: str) -> None:
    html = html_of(site, language, "index")
    assert 'data-md-color-primary="custom"' in html
    assert re.search(r'<link[^>]+href="[^"]*assets/stylesheets/leiden\.css"', html)
    assert re.search(r'<img[^>]+src="[^"]*assets/images/wordmark\.svg"', html)
    stylesheet = (site / "assets" / "stylesheets" / "leiden.css").read_text(encoding="utf-8")
    assert "#001158" in stylesheet
