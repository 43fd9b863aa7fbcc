"""The publications list through Flask's test client: Author/Editors filter, 10/50/100 per page, a selection
that survives paging, and "Export" > "BibTex" of exactly the selected outputs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bibtexparser.entrypoint import parse_string
from flask import Flask
from flask.testing import FlaskClient

from orcid_guide.sandbox.lucris.fixtures import JOURNAL_ISSNS, OUTPUTS, PERSONS
from tests.helpers.lucris_forms import form_token, log_in

EVA = next(p for p in PERSONS if p.username == "evries")
THOMAS_OUTPUTS = [o for o in OUTPUTS if any(c.username == "tdijk" for c in o.contributors)]
EVA_OUTPUTS = [o for o in OUTPUTS if any(c.username == "evries" for c in o.contributors)]

pytestmark = pytest.mark.lucris


@pytest.fixture
def thomas(app: Flask) -> FlaskClient:
    client = app.test_client()
    log_in(client, "tdijk", "lucris-thomas")
    return client


def rows(html: str) -> list[str]:
    return re.findall(r'<tr data-uuid="([0-9a-f]{32})">', html)


def checked(html: str) -> list[str]:
    return re.findall(r'name="chosen" value="([0-9a-f]{32})" data-autosubmit aria-label="[^"]*" checked', html)


def select_all(client: FlaskClient, list_url: str) -> str:
    """Click "Select / Deselect all" on the page at ``list_url``; returns the page shown afterwards."""
    page = client.get(list_url).text
    answer = client.post(
        "/publications/selection",
        data={"csrf_token": form_token(page), "back": list_url, "visible": rows(page), "action": "toggle-all"},
    )
    assert answer.status_code == 303
    assert answer.headers["Location"] == list_url
    return client.get(list_url).text


def export(client: FlaskClient, back: str = "/publications") -> tuple[int, str, dict[str, str]]:
    answer = client.get("/publications/export", query_string={"format": "bibtex", "back": back})
    return answer.status_code, answer.text, dict(answer.headers)


def test_thomas_has_more_than_100_outputs_and_the_list_shows_10_at_first(thomas: FlaskClient) -> None:
    assert len(THOMAS_OUTPUTS) > 100
    page = thomas.get("/publications").text
    assert f"<caption>{len(THOMAS_OUTPUTS)} research outputs</caption>" in page
    assert len(rows(page)) == 10
    assert '<span class="page-size" aria-current="true">10</span>' in page
    assert '<a class="page-size" href="/publications?size=50">50</a>' in page
    assert '<a class="page-size" href="/publications?size=100">100</a>' in page
    assert '<a href="/publications?page=2">Next</a>' in page


def test_100_per_page_takes_two_pages_and_the_pages_do_not_overlap(thomas: FlaskClient) -> None:
    first, second = thomas.get("/publications?size=100").text, thomas.get("/publications?size=100&page=2").text
    assert len(rows(first)) == 100
    assert len(rows(second)) == len(THOMAS_OUTPUTS) - 100
    assert set(rows(first)) | set(rows(second)) == {o.uuid for o in THOMAS_OUTPUTS}
    assert thomas.get("/publications?size=100&page=9").headers["Location"] == "/publications?size=100&page=2"


def test_the_author_filter_keeps_one_persons_outputs(app: Flask) -> None:
    editor = app.test_client()
    log_in(editor, "mjansen", "lucris-editor")
    everything = editor.get("/publications?size=100").text
    assert f"<caption>{len(OUTPUTS)} research outputs</caption>" in everything
    page = editor.get(f"/publications?size=100&author={EVA.uuid}").text
    assert f"<caption>{len(EVA_OUTPUTS)} research outputs</caption>" in page
    assert set(rows(page)) == {o.uuid for o in EVA_OUTPUTS}
    assert "Author/Editors: Eva de Vries" in page
    assert f'<a class="page-size" href="/publications?author={EVA.uuid}&amp;size=50">50</a>' in page


def test_the_filter_offers_every_researcher_with_a_plus(thomas: FlaskClient) -> None:
    page = thomas.get("/publications").text
    assert ">Switch to query mode</button>" in page
    assert 'aria-controls="author-condition">Author/Editors</button>' in page
    assert 'aria-controls="person-picker">select value</button>' in page
    assert f'data-pick="{EVA.uuid}" data-name="Eva de Vries">+</button>' in page
    assert "Marieke Jansen" not in page  # the editor writes no publications
    assert '<button type="submit" class="primary">Apply</button>' in page


def test_a_selection_made_page_by_page_survives_paging_and_exports_every_output(thomas: FlaskClient) -> None:
    first = select_all(thomas, "/publications?size=100")
    assert len(checked(first)) == 100
    assert "100 selected" in first
    second = select_all(thomas, "/publications?size=100&page=2")
    assert len(checked(second)) == len(THOMAS_OUTPUTS) - 100
    assert len(checked(thomas.get("/publications?size=100").text)) == 100  # page 1 is still ticked
    assert len(checked(thomas.get("/publications?size=10&page=7").text)) == 10

    status, text, headers = export(thomas, "/publications?size=100&page=2")
    assert status == 200
    assert headers["Content-Disposition"] == 'attachment; filename="publications.bib"'
    assert headers["Content-Type"] == "application/x-bibtex; charset=utf-8"
    library = parse_string(text)
    assert library.failed_blocks == []
    assert {entry.key for entry in library.entries} == {o.uuid for o in THOMAS_OUTPUTS}


def test_select_deselect_all_on_a_fully_ticked_page_unticks_only_that_page(thomas: FlaskClient) -> None:
    select_all(thomas, "/publications")
    select_all(thomas, "/publications?page=2")
    page_one = select_all(thomas, "/publications")
    assert checked(page_one) == []
    assert "10 selected" in page_one
    assert len(checked(thomas.get("/publications?page=2").text)) == 10


def test_ticking_single_boxes_sets_that_page_only(thomas: FlaskClient) -> None:
    select_all(thomas, "/publications?page=2")
    page = thomas.get("/publications").text
    chosen = rows(page)[:3]
    thomas.post(
        "/publications/selection",
        data={"csrf_token": form_token(page), "back": "/publications", "visible": rows(page), "chosen": chosen},
    )
    assert checked(thomas.get("/publications").text) == chosen
    assert "13 selected" in thomas.get("/publications").text


def test_the_export_is_the_bibtex_of_the_selected_outputs_in_list_order(app: Flask) -> None:
    eva = app.test_client()
    log_in(eva)
    select_all(eva, "/publications?size=50")
    status, text, _ = export(eva)
    assert status == 200
    assert text.startswith('@article{7ebf8646a9f33f1b8764d9e076fb18ec,\ntitle = "Microplastics in Rhine sediments')
    assert '\nmonth = jan,\nday = "15",\n' in text
    assert 'author = "{de Vries}, Eva and {van der Horst}, Erik and {ter Haar}, Lotte",' in text
    assert "author = \"{de Vries}, Eva and {Mart{\\'\\i}nez Garc{\\'\\i}a}, Daniel\"," in text
    assert 'pages = "1073--1089",' in text
    assert 'journal = "Journal of Cleaner Production",\nissn = "0959-6526",\n' in text
    assert 'title = "Microplastic \\& tyre-wear particles in urban stormwater",' in text
    assert "@inbook{3683ccc6668947b1aea102683bb6d833,\n" in text
    assert 'booktitle = "Handbook of Circular Economy Metrics",' in text
    assert "@inproceedings{5b335b28f194647d69865fe06eb9c811,\n" in text
    keys = [entry.key for entry in parse_string(text).entries]
    assert keys == rows(eva.get("/publications?size=50").text)


def test_nothing_selected_gives_a_message_and_no_download(app: Flask) -> None:
    eva = app.test_client()
    log_in(eva)
    answer = eva.get("/publications/export", query_string={"format": "bibtex", "back": "/publications?size=50"})
    assert answer.status_code == 303
    assert answer.headers["Location"] == "/publications?size=50"
    assert "Content-Disposition" not in answer.headers
    page = eva.get(answer.headers["Location"]).text
    assert "Nothing is selected, so there is nothing to export" in page


def test_an_export_without_a_format_says_to_choose_one(app: Flask) -> None:
    eva = app.test_client()
    log_in(eva)
    select_all(eva, "/publications")
    answer = eva.get("/publications/export", query_string={"format": "ris"})
    assert answer.status_code == 303
    assert "Choose an export format under Export format" in eva.get(answer.headers["Location"]).text


def test_someone_elses_outputs_cannot_be_selected_or_exported(app: Flask, thomas: FlaskClient) -> None:
    page = thomas.get("/publications").text
    evas_own = [o.uuid for o in EVA_OUTPUTS if not any(c.username == "tdijk" for c in o.contributors)][:3]
    thomas.post(
        "/publications/selection",
        data={"csrf_token": form_token(page), "visible": evas_own, "action": "toggle-all"},
    )
    status, _, _ = export(thomas)
    assert status == 303  # nothing of Eva's was selected for Thomas


def test_a_fresh_login_starts_with_an_empty_selection(app: Flask, thomas: FlaskClient) -> None:
    select_all(thomas, "/publications")
    log_in(thomas, "tdijk", "lucris-thomas")
    assert "0 selected" in thomas.get("/publications").text


def test_the_back_address_cannot_leave_the_publications_list(thomas: FlaskClient) -> None:
    page = thomas.get("/publications").text
    for back in ("https://evil.example/", "//evil.example/publications", "/dashboard", "/publications\\@evil"):
        answer = thomas.post(
            "/publications/selection", data={"csrf_token": form_token(page), "back": back, "visible": rows(page)}
        )
        assert answer.headers["Location"] == "/publications"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("size=25", "10, 50 or 100 research outputs per page"),
        ("page=0", "A page number is a whole number from 1."),
        ("page=x", "A page number is a whole number from 1."),
        ("author=ffffffffffffffffffffffffffffffff", "There is no person with this identifier to filter on"),
    ],
)
def test_a_list_address_no_link_makes_gets_a_clear_400(thomas: FlaskClient, query: str, message: str) -> None:
    answer = thomas.get(f"/publications?{query}")
    assert answer.status_code == 400
    assert message in answer.text


def test_a_selection_without_the_csrf_token_is_refused(thomas: FlaskClient) -> None:
    page = thomas.get("/publications").text
    answer = thomas.post("/publications/selection", data={"visible": rows(page), "action": "toggle-all"})
    assert answer.status_code == 400
    assert "0 selected" in thomas.get("/publications").text


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_example_on_the_page_is_what_lucris_exports(app: Flask, language: str) -> None:
    page = (Path(__file__).parents[1] / "docs" / language / "add-older-publications.md").read_text(encoding="utf-8")
    example = re.search(r"```bibtex\n(.*?)```", page, re.DOTALL)
    assert example is not None
    eva = app.test_client()
    log_in(eva)
    select_all(eva, "/publications")
    assert example.group(1) in export(eva)[1]


def test_every_journal_in_the_fixtures_has_a_well_formed_issn() -> None:
    journals = {o.journal for o in OUTPUTS if o.journal}
    assert journals <= set(JOURNAL_ISSNS)
    for issn in JOURNAL_ISSNS.values():
        digits = issn.replace("-", "")
        check = (11 - sum(int(d) * w for d, w in zip(digits[:7], range(8, 1, -1), strict=True)) % 11) % 11
        assert digits[7] == ("X" if check == 10 else str(check)), issn
