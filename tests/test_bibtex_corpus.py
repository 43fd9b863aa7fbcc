"""Every real-world file of the corpus (tests/data/bibtex-corpus, with its provenance) goes through the real upload
route: imported, or refused by line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask import Flask

from orcid_guide.sandbox.orcid.database import connect
from orcid_guide.sandbox.orcid.demo_data import CARBERRY
from tests.helpers.orcid_forms import csrf_from, make_app, sign_in
from tests.helpers.orcid_forms import upload_bibtex as upload

CORPUS = Path(__file__).parent / "data" / "bibtex-corpus"
# The project's shared folder, when it is beside the checkout: the copies must be the files it holds.
SHARED = Path(__file__).parents[1].parent / "shared" / "bibtex-corpus"
TRIMMED = {"14_zotero_library_large_first_500_bbt_fixture.bib": "14_zotero_library_large_7166_bbt_fixture.bib"}

# Entries per file as the corpus README counts them with bibtexparser 2.1.0 (duplicate-key entries included):
# every one of them must be listed, importable or with its reason.
ENTRIES = {
    "01_xampl.bib": 36,
    "03_biblatex-examples.bib": 92,
    "08_mendeley_reference_manager_bbt_fixture.bib": 451 + 61,
    "10_google_scholar_export.bib": 13,
    "11_jabref_2.10_groups_bbt_fixture.bib": 911,
    "12_zotero_better_bibtex_export.bib": 36,
    "13_parenthesized_entries_bbt_fixture.bib": 973 + 15,
    "14_zotero_library_large_first_500_bbt_fixture.bib": 500,
    "15_bibtexparser_v1_fixture_features2_strings.bib": 1,
    "18_bbt_name_particles_duplicate_keys.bib": 1 + 3,
    "19_biber_names_particles.bib": 40,
    "20_biber_latin9_encoded.bib": 1,
}
# Files with no readable entry: refused as a whole, naming the line (and key) of what is wrong.
REFUSED = {
    "16_text-bibtex_malformed_errors.bib": "Line 1: the entry error1 cannot be read: Expected a `=` after entry key",
    "17_endnote_keyless_entry_bbt_fixture.bib": "Line 2: an entry cannot be read: Expected comma after entry key",
}
# A LaTeX command or accent left over; literal braces are fine (a title may write \{112\} for "{112}").
_LEFTOVER_LATEX = re.compile(r"\\[A-Za-z'\"`^~=.]")


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    return make_app(tmp_path_factory.mktemp("corpus"))


def test_the_corpus_is_the_one_these_expectations_describe() -> None:
    assert sorted(path.name for path in CORPUS.glob("*.bib")) == sorted([*ENTRIES, *REFUSED])


@pytest.mark.parametrize("name", sorted([*ENTRIES, *REFUSED]))
def test_each_copy_is_the_shared_file_or_its_first_entries(name: str) -> None:
    original = SHARED / TRIMMED.get(name, name)
    if not original.is_file():
        pytest.skip("the project's shared corpus is not beside this checkout")
    copy = (CORPUS / name).read_bytes()
    if name in TRIMMED:
        assert original.read_bytes().startswith(copy) and original.read_bytes()[len(copy) : len(copy) + 1] == b"@"
    else:
        assert copy == original.read_bytes(), f"tests/data/bibtex-corpus/{name} differs from shared/bibtex-corpus"


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_file_without_readable_entries_is_refused_naming_the_line(app: Flask, name: str) -> None:
    client = app.test_client()
    sign_in(client, CARBERRY.email, CARBERRY.password)
    answer = upload(client, (CORPUS / name).read_bytes(), name)
    assert answer.status_code == 422
    assert "This file cannot be read. Please check the BibTeX formatting and try again." in answer.text
    assert REFUSED[name] in answer.text.replace("&#39;", "'")


@pytest.mark.parametrize("name", sorted(ENTRIES))
def test_a_file_is_listed_whole_and_its_importable_works_are_imported_in_one_go(app: Flask, name: str) -> None:
    client = app.test_client()
    sign_in(client, CARBERRY.email, CARBERRY.password)
    answer = upload(client, (CORPUS / name).read_bytes(), name)
    assert answer.status_code == 303, answer.text[:500]
    page = client.get("/works/bibtex/preview").text
    assert f"Works found in BibTeX ({ENTRIES[name]})" in page
    importable = page.count('name="work"')
    refused = page.count('class="refused"')
    assert importable + refused == ENTRIES[name]
    # Every entry that cannot be imported names itself and says why.
    refused_rows = re.findall(r'<li class="refused">(.*?)</li>', page, re.DOTALL)
    assert len(refused_rows) == refused
    for row in refused_rows:
        assert re.search(r"Entry (\S+ \(line \d+\)|on line \d+)", row), row
        assert re.search(r'<p class="error">[^<]+</p>', row), row
    db = connect(app.config["ORCID_SETTINGS"].database)
    try:
        before = db.execute("SELECT COUNT(*) FROM works").fetchone()[0]
        if importable:
            token = csrf_from(page)
            done = client.post(
                "/works/bibtex/preview", data={"csrf_token": token, "select_all": "1", "action": "import"}
            )
            assert done.status_code == 303
        added = db.execute("SELECT title, journal_title FROM works WHERE put_code > ?", (before,)).fetchall()
        names = db.execute(
            "SELECT credit_name FROM work_contributors WHERE put_code > ?",
            (before,),
        ).fetchall()
        db.execute("DELETE FROM works WHERE orcid = ?", (CARBERRY.orcid,))
    finally:
        db.close()
    assert len(added) == importable
    leftovers = [text for row in [*added, *names] for text in row if _LEFTOVER_LATEX.search(text)]
    assert leftovers == []


def test_a_mendeley_reference_manager_export_imports(app: Flask) -> None:
    """The guide's Mendeley route: a file exported by today's Mendeley imports like any other."""
    name = "08_mendeley_reference_manager_bbt_fixture.bib"
    client = app.test_client()
    sign_in(client, CARBERRY.email, CARBERRY.password)
    assert upload(client, (CORPUS / name).read_bytes(), name).status_code == 303
    page = client.get("/works/bibtex/preview").text
    title = "Fiction and morality: Investigating the associations between reading exposure, empathy, morality, and"
    assert title in page and "Psychology of Popular Media" in page and "2020 | Journal article" in page
    assert 'DOI: <a href="https://doi.org/10.1037/ppm0000281"' in page
    # Mendeley's own types have no ORCID work type: listed with the reason, not selectable.
    assert "Entry Shapiro2018 (line 132)" in page and "ORCID has no work type for @web_page entries." in page
    # The types the Mendeley section of the guide names.
    for mendeley_type in ("web_page", "book_section", "thesis", "report"):
        assert f"ORCID has no work type for @{mendeley_type} entries." in page, mendeley_type
    # Mendeley repeats keys; the later entries are kept and say so.
    assert "is used by an earlier entry too." in page
    token = csrf_from(page)
    client.post("/works/bibtex/preview", data={"csrf_token": token, "select_all": "1", "action": "import"})
    db = connect(app.config["ORCID_SETTINGS"].database)
    try:
        row = db.execute(
            "SELECT works.type, works.source_name, ids.value FROM works JOIN work_external_ids ids USING (put_code)"
            " WHERE works.orcid = ? AND works.title LIKE 'Fiction and morality%' AND ids.type = 'doi'",
            (CARBERRY.orcid,),
        ).fetchone()
        imported = db.execute("SELECT COUNT(*) FROM works WHERE orcid = ?", (CARBERRY.orcid,)).fetchone()[0]
        db.execute("DELETE FROM works WHERE orcid = ?", (CARBERRY.orcid,))
    finally:
        db.close()
    assert tuple(row) == ("journal-article", CARBERRY.name, "10.1037/ppm0000281")
    assert imported == page.count('name="work"')
