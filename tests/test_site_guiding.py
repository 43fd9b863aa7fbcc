"""Pages that guide: previous/next in reading order, the same section ids in both languages, sub-headings and
optional demonstrations in the steps, each tutorial's last run and the status page, 404 pages when served."""

from __future__ import annotations

import re
import threading
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.helpers.site_pages import LANGUAGES, PAGES, TUTORIALS_SHOWN, page_url

FOOTER_LINK = re.compile(r'<a href="([^"]+)" class="md-footer__link md-footer__link--(prev|next)"')
HEADING_ID = re.compile(r'<h([23]) id="([^"]+)"')
RUN_LINE = re.compile(r'<p class="run-record" data-outcome="(\w+)"[^>]*>([^<]+)</p>')


def html_of(site: Path, language: str, page: str) -> str:
    return (site / page_url(language, page).lstrip("/") / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_links_to_the_previous_and_next_page_in_reading_order(site: Path, language: str) -> None:
    for number, page in enumerate(PAGES):
        links = {kind: href for href, kind in FOOTER_LINK.findall(html_of(site, language, page))}
        expected = {}
        if number > 0:
            expected["prev"] = page_url(language, PAGES[number - 1])
        if number < len(PAGES) - 1:
            expected["next"] = page_url(language, PAGES[number + 1])
        found = {kind: urlsplit(urljoin(page_url(language, page), href)).path for kind, href in links.items()}
        assert found == expected, page


@pytest.mark.parametrize("page", PAGES)
def test_a_section_has_the_same_id_in_both_languages_so_the_switcher_can_keep_it(site: Path, page: str) -> None:
    english, dutch = (HEADING_ID.findall(html_of(site, language, page)) for language in LANGUAGES)
    assert english == dutch
    script = (Path(__file__).resolve().parents[1] / "docs/assets/javascripts/guide.js").read_text(encoding="utf-8")
    assert "md-select__link" in script and "location.hash" in script


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_auto_update_steps_come_in_sections_and_revoking_is_an_optional_demonstration(
    site: Path, language: str
) -> None:
    html = html_of(site, language, "auto-update")
    headings = re.findall(r'<h2 id="([^"]+)">([^<]+)', html)
    ids = [heading_id for heading_id, _ in headings]
    assert ids[:4] == ["link-crossref", "link-datacite", "new-dois", "withdraw-permission"]
    optional = {"en": "Optional: ", "nl": "Facultatief: "}[language]
    assert [title.startswith(optional) for _, title in headings[:4]] == [False, False, False, True]
    # The numbering goes on under each sub-heading: one list per section, each starting where the last ended.
    assert re.findall(r'<ol(?: start="(\d+)")?>', html)[:4] == ["", "7", "13", "19"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", sorted(TUTORIALS_SHOWN))
def test_every_tutorial_says_when_its_steps_last_ran_in_the_page_language(site: Path, language: str, page: str) -> None:
    lines = RUN_LINE.findall(html_of(site, language, page))
    assert len(lines) >= len(TUTORIALS_SHOWN[page])
    for outcome, text in lines:
        assert outcome in ("passed", "failed", "none")
        if outcome == "passed":
            assert {"en": "last ran green on", "nl": "werkten het laatst op"}[language] in text
            assert "Chrom" in text
        else:
            assert "green" not in text and "werkten het laatst" not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_status_page_lists_every_tutorial_and_links_to_where_it_is_shown(site: Path, language: str) -> None:
    html = html_of(site, language, "status")
    rows = re.findall(r'<tr data-outcome="(\w+)"[^>]*><td><a href="([^"]+)">', html)
    tutorials = [path for path in (Path(__file__).resolve().parents[1] / "tutorials").glob("*.py")]
    assert len({href for _, href in rows}) == len([path for path in tutorials if not path.stem.startswith("_")])
    for _, href in rows:
        target = urlsplit(urljoin(page_url(language, "status"), href))
        assert (site / target.path.lstrip("/") / "index.html").is_file(), href


@pytest.mark.parametrize("language", LANGUAGES)
def test_orcid_guide_serve_answers_a_missing_page_with_the_404_page_of_its_language(site: Path, language: str) -> None:
    from orcid_guide.site_server import site_server

    server = site_server(0, site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        folder = "" if language == "en" else "nl/"
        url = f"http://127.0.0.1:{server.server_port}/{folder}no-such-page/deeper/"
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with pytest.raises(urllib.error.HTTPError) as answer:
            opener.open(url, timeout=10)
        assert answer.value.code == 404
        body = answer.value.read().decode("utf-8")
        assert f'<html lang="{language}"' in body
        assert {"en": "Page not found", "nl": "Pagina niet gevonden"}[language] in body
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_screenshot_opened_full_size_carries_its_steps_number_and_words(site: Path, language: str) -> None:
    html = html_of(site, language, "create-orcid-id")
    captions = re.findall(r'<a class="glightbox"[^>]*data-title="([^"]+)" data-description="([^"]+)"', html)
    assert captions
    assert captions[0][0] == {"en": "Step 1", "nl": "Stap 1"}[language]
    assert all("**" not in words for _, words in captions)
