"""Works - Import BibTeX in the emulator: upload, preview, import, with the real upload route and SQLite file."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
from flask import Flask, session
from flask.testing import FlaskClient

from orcid_guide.sandbox.orcid import bibtex_import
from orcid_guide.sandbox.orcid.accounts import find_by_orcid, set_default_visibility
from orcid_guide.sandbox.orcid.bibtex_import import SESSION_KEY, import_works, read_preview, save_draft
from orcid_guide.sandbox.orcid.database import connect
from orcid_guide.sandbox.orcid.demo_data import CARBERRY, EVA
from tests.helpers.orcid_forms import csrf_from, make_app, sign_in
from tests.helpers.orcid_forms import upload_bibtex as upload

TWO_ARTICLES = rb"""
@string{peat = "Journal of Peat Studies"}
@article{vries2019,
  title = {Rewetting {D}utch peat meadows: a {\"u}ber-review},
  author = {de Vries, Eva and M{\"u}ller, Jan},
  journal = peat,
  year = 2019,
  month = mar,
  doi = {https://doi.org/10.5555/LEIDEN.REWETTING.2019},
}
@book{vries2020,
  title = "Peat " # "and people",
  author = {Eva de Vries},
  year = {2020},
  isbn = {978-90-8728-000-0},
}
"""


@pytest.fixture
def eva(app: Flask) -> FlaskClient:
    """Eva's browser, signed in."""
    client = app.test_client()
    sign_in(client, EVA.email, EVA.password)
    return client


def choose(client: FlaskClient, **form: str | list[str]) -> Any:
    token = csrf_from(client.get("/works/bibtex/preview").text)
    return client.post("/works/bibtex/preview", data={"csrf_token": token, **form})


def record_titles(app: Flask, orcid: str) -> list[str]:
    db = connect(app.config["ORCID_SETTINGS"].database)
    try:
        return [
            row["title"] for row in db.execute("SELECT title FROM works WHERE orcid = ? ORDER BY put_code", (orcid,))
        ]
    finally:
        db.close()


def test_the_dialog_offers_the_file_chooser_with_orcids_words(eva: FlaskClient) -> None:
    page = eva.get("/works/bibtex").text
    assert "<h1" in page and "Works - Import BibTeX</h1>" in page
    assert "Import citations from BibTex (.bib) files, including files exported from Google Scholar." in page
    assert re.search(r'<input type="file" name="bibtex" id="bibtex-file" accept="\.bib"', page)
    assert ">Choose BibTeX file to import</button>" in page


def test_the_dialog_needs_a_signed_in_researcher(app: Flask) -> None:
    answer = app.test_client().get("/works/bibtex")
    assert answer.status_code == 302 and "/signin" in answer.headers["Location"]


def test_an_upload_lists_the_works_found_with_latex_and_macros_resolved(eva: FlaskClient) -> None:
    answer = upload(eva, TWO_ARTICLES)
    assert answer.status_code == 303 and answer.headers["Location"].endswith("/works/bibtex/preview")
    page = eva.get("/works/bibtex/preview").text
    assert "Works found in BibTeX (2)" in page
    assert "Rewetting Dutch peat meadows: a über-review" in page
    assert "Journal of Peat Studies" in page
    assert "2019-03 | Journal article" in page
    assert 'DOI: <a href="https://doi.org/10.5555/LEIDEN.REWETTING.2019"' in page
    assert "Peat and people" in page and "2020 | Book" in page
    assert "ISBN: 978-90-8728-000-0" in page
    assert ">Select all</label>" in page
    assert "Import works to your record</button>" in page and ">Cancel</button>" in page


def test_select_all_imports_every_work_with_the_researcher_as_source_and_default_visibility(
    app: Flask, eva: FlaskClient
) -> None:
    db = connect(app.config["ORCID_SETTINGS"].database)
    set_default_visibility(db, EVA.orcid, "limited", now_ms=1)
    before = record_titles(app, EVA.orcid)
    upload(eva, TWO_ARTICLES)
    answer = choose(eva, select_all="1", action="import")
    assert answer.status_code == 303 and answer.headers["Location"].endswith("/my-orcid")
    added = db.execute(
        "SELECT title, source_orcid, source_name, visibility, citation_type, citation_value FROM works"
        " WHERE orcid = ? AND put_code > (SELECT COALESCE(MAX(put_code), 0) - 2 FROM works)",
        (EVA.orcid,),
    ).fetchall()
    db.close()
    assert record_titles(app, EVA.orcid) == [*before, "Rewetting Dutch peat meadows: a über-review", "Peat and people"]
    assert {(row["source_orcid"], row["source_name"], row["visibility"]) for row in added} == {
        (EVA.orcid, EVA.name, "limited")
    }
    assert added[0]["citation_type"] == "bibtex" and added[0]["citation_value"].startswith("@article{vries2019,")
    assert "Rewetting Dutch peat meadows" in eva.get("/my-orcid").text


def test_an_imported_doi_given_as_a_url_groups_with_the_same_doi_on_the_record(eva: FlaskClient) -> None:
    # Eva's record already holds 10.5555/leiden.rewetting.2019 (from LUCRIS); the file gives it as a doi.org URL.
    upload(eva, TWO_ARTICLES)
    choose(eva, select_all="1", action="import")
    works = eva.get(f"/v3.0/{EVA.orcid}/works", headers={"Accept": "application/vnd.orcid+json"}).get_json()
    groups = [
        {summary["title"]["title"]["value"] for summary in group["work-summary"]}
        for group in works["group"]
        if any(
            i["external-id-value"].lower() == "10.5555/leiden.rewetting.2019"
            for i in group["external-ids"]["external-id"]
        )
    ]
    assert len(groups) == 1 and len(groups[0]) == 2, groups


def test_only_the_ticked_works_are_imported(app: Flask, eva: FlaskClient) -> None:
    before = record_titles(app, EVA.orcid)
    upload(eva, TWO_ARTICLES)
    choose(eva, work=["1"], action="import")
    assert record_titles(app, EVA.orcid) == [*before, "Peat and people"]


def test_nothing_selected_says_so_and_keeps_the_preview(app: Flask, eva: FlaskClient) -> None:
    before = record_titles(app, EVA.orcid)
    upload(eva, TWO_ARTICLES)
    answer = choose(eva, action="import")
    assert answer.status_code == 400
    assert "You haven\u2019t selected any items to import." in answer.text
    assert "Works found in BibTeX (2)" in answer.text
    assert record_titles(app, EVA.orcid) == before


def test_cancel_imports_nothing_and_forgets_the_file(app: Flask, eva: FlaskClient) -> None:
    before = record_titles(app, EVA.orcid)
    upload(eva, TWO_ARTICLES)
    assert choose(eva, select_all="1", action="cancel").status_code == 303
    assert record_titles(app, EVA.orcid) == before
    assert eva.get("/works/bibtex/preview").status_code == 302


def test_an_unreadable_file_is_refused_with_orcids_sentence_and_the_parsers_detail(eva: FlaskClient) -> None:
    answer = upload(eva, b"@article{broken,\n  author {Nobody},\n  title = {T},\n}\n")
    assert answer.status_code == 422
    assert "This file cannot be read. Please check the BibTeX formatting and try again." in answer.text
    assert "Line 1: the entry broken cannot be read: Expected a `=` after entry key, but found `{`." in (
        answer.text.replace("&#39;", "'")
    )


def test_a_file_without_entries_is_refused(eva: FlaskClient) -> None:
    answer = upload(eva, b'% just a comment\n@string{x = "y"}\n')
    assert answer.status_code == 422
    assert "Error parsing Bibtex. No Bibtex entries found in file" in answer.text


def test_an_entry_orcid_cannot_import_is_shown_with_its_reason_and_cannot_be_ticked(
    app: Flask, eva: FlaskClient
) -> None:
    before = record_titles(app, EVA.orcid)
    upload(
        eva,
        TWO_ARTICLES
        + b"@online{site, title = {A web page}, url = {https://example.org}}\n@misc{untitled, year = 2001}\n",
    )
    page = eva.get("/works/bibtex/preview").text
    assert "Works found in BibTeX (4)" in page
    assert "<h2>A web page</h2>" in page and "Entry site (line 17)" in page
    assert "ORCID has no work type for @online entries." in page
    assert "Entry untitled (line 18)" in page and "The entry has no title." in page
    assert page.count('name="work"') == 2
    # A forged form naming the refused entries imports none of them.
    assert choose(eva, work=["2", "3"], action="import").status_code == 400
    choose(eva, select_all="1", action="import")
    assert record_titles(app, EVA.orcid) == [*before, "Rewetting Dutch peat meadows: a über-review", "Peat and people"]


def test_the_preview_belongs_to_the_session_and_the_record_that_uploaded_it(app: Flask, eva: FlaskClient) -> None:
    upload(eva, TWO_ARTICLES)
    other = app.test_client()
    sign_in(other, CARBERRY.email, CARBERRY.password)
    assert other.get("/works/bibtex/preview").status_code == 302
    # The same browser signed in as someone else does not get Eva's preview either.
    eva.post("/signout", data={"csrf_token": csrf_from(eva.get("/my-orcid").text)})
    sign_in(eva, CARBERRY.email, CARBERRY.password)
    assert eva.get("/works/bibtex/preview").status_code == 302


def test_a_preview_left_behind_goes_after_a_day(app: Flask, eva: FlaskClient) -> None:
    upload(eva, TWO_ARTICLES)
    db = connect(app.config["ORCID_SETTINGS"].database)
    db.execute("UPDATE bibtex_drafts SET created_ms = created_ms - 25 * 3600 * 1000")
    other = app.test_client()
    sign_in(other, CARBERRY.email, CARBERRY.password)
    upload(other, TWO_ARTICLES)
    assert db.execute("SELECT COUNT(*) FROM bibtex_drafts").fetchone()[0] == 1
    db.close()
    assert eva.get("/works/bibtex/preview").status_code == 302


def test_an_upload_without_the_csrf_token_is_refused(eva: FlaskClient) -> None:
    answer = eva.post(
        "/works/bibtex",
        data={"bibtex": (io.BytesIO(TWO_ARTICLES), "w.bib")},
        content_type="multipart/form-data",
    )
    assert answer.status_code == 400


def test_user_text_in_a_file_is_escaped_and_only_web_urls_become_links(eva: FlaskClient) -> None:
    upload(eva, b"@misc{x, title = {<script>alert(1)</script>}, url = {javascript:alert(1)}}\n")
    page = eva.get("/works/bibtex/preview").text
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    assert "javascript:alert" not in page


def test_a_preview_outlives_a_restart_of_the_emulator(tmp_path: Path, app: Flask, eva: FlaskClient) -> None:
    before = record_titles(app, EVA.orcid)
    upload(eva, TWO_ARTICLES)
    # A new app on the same database, with nothing of the old one in memory, finds the preview by its row
    # (and the same session key, as a restart with --data keeps it).
    restarted = make_app(tmp_path, secret_key=app.config["SECRET_KEY"])
    bibtex_import._recent.clear()
    eva.application = restarted
    token = csrf_from(eva.get("/works/bibtex/preview").text)
    eva.post("/works/bibtex/preview", data={"csrf_token": token, "select_all": "1", "action": "import"})
    assert record_titles(app, EVA.orcid) == [*before, "Rewetting Dutch peat meadows: a über-review", "Peat and people"]


def test_a_second_press_of_import_adds_nothing_twice(app: Flask, eva: FlaskClient) -> None:
    before = record_titles(app, EVA.orcid)
    upload(eva, TWO_ARTICLES)
    token = csrf_from(eva.get("/works/bibtex/preview").text)
    form = {"csrf_token": token, "select_all": "1", "action": "import"}
    # Both presses were sent from the same page, as a double click or a second tab sends them.
    with eva.session_transaction() as session:
        draft = session["bibtex_draft"]
    assert eva.post("/works/bibtex/preview", data=form).status_code == 303
    with eva.session_transaction() as session:
        session["bibtex_draft"] = draft
    assert eva.post("/works/bibtex/preview", data=form).status_code == 303
    assert record_titles(app, EVA.orcid) == [*before, "Rewetting Dutch peat meadows: a über-review", "Peat and people"]


def test_two_imports_of_one_preview_racing_each_other_add_it_once(app: Flask) -> None:
    # Both requests loaded the preview before either imported it: the draft row decides who imports.
    db = connect(app.config["ORCID_SETTINGS"].database)
    user = find_by_orcid(db, EVA.orcid)
    assert user is not None
    preview = read_preview(TWO_ARTICLES)
    with app.test_request_context():
        save_draft(db, EVA.orcid, preview, now_ms=0)
        draft_id = session[SESSION_KEY]
        assert import_works(db, user, preview, [0, 1], now_ms=0) == 2
        session[SESSION_KEY] = draft_id
        assert import_works(db, user, preview, [0, 1], now_ms=0) == 0
    db.close()
    assert record_titles(app, EVA.orcid).count("Peat and people") == 1


def test_an_import_that_fails_half_way_adds_nothing_and_keeps_the_preview(app: Flask, eva: FlaskClient) -> None:
    db = connect(app.config["ORCID_SETTINGS"].database)
    # Make the database refuse the second work of the file, after the first has been written.
    db.execute(
        "CREATE TRIGGER refuse_second BEFORE INSERT ON works WHEN NEW.title = 'Peat and people'"
        " BEGIN SELECT RAISE(ABORT, 'refused for the test'); END"
    )
    db.close()
    before = record_titles(app, EVA.orcid)
    upload(eva, TWO_ARTICLES)
    answer = choose(eva, select_all="1", action="import")
    assert answer.status_code == 500
    assert record_titles(app, EVA.orcid) == before
    assert "Works found in BibTeX (2)" in eva.get("/works/bibtex/preview").text


# The copy of the reference list of ORCID's interface strings (test_bold_labels keeps it equal to the reference).
ORCID_STRINGS = Path(__file__).parent / "data" / "orcid-ui-strings.txt"


def test_the_dialog_speaks_orcids_own_words(eva: FlaskClient) -> None:
    known = set(ORCID_STRINGS.read_text(encoding="utf-8").splitlines())
    upload(eva, TWO_ARTICLES)
    pages = eva.get("/works/bibtex").text + eva.get("/works/bibtex/preview").text + choose(eva).text
    pages += upload(eva, b"").text + upload(eva, b"@misc{x,\n  title {y}\n}\n").text
    for words in (
        "Works - Import BibTeX",
        "Import citations from BibTex (.bib) files, including files exported from Google Scholar.",
        "More information on importing BibTeX files into ORCID",
        "Choose BibTeX file to import",
        "Retrieving works from BibTeX",
        "Works found in BibTeX",
        "Select all",
        "Selected",
        "Import works to your record",
        "Cancel",
        "You haven\u2019t selected any items to import.",
        "This file cannot be read. Please check the BibTeX formatting and try again.",
        "Error parsing Bibtex. No Bibtex entries found in file",
    ):
        assert words in known, words
        assert words in pages, words


def test_a_file_over_the_upload_limit_is_refused_in_one_sentence_and_nothing_is_imported(
    app: Flask, eva: FlaskClient
) -> None:
    before = record_titles(app, EVA.orcid)
    answer = upload(eva, b"%" + b"x" * (5 * 1024 * 1024) + b"\n")
    assert answer.status_code == 413
    assert "This file is larger than 4 MB" in answer.text
    assert record_titles(app, EVA.orcid) == before
