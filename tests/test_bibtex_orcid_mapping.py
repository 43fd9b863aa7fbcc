"""BibTeX entries as ORCID works, as ORCID's "Add BibTeX" maps them (orcid-angular's work-bibtex-modal)."""

from __future__ import annotations

import pytest

from orcid_guide.bibtex.orcid_mapping import MappedEntry, OrcidWork, WorkId, map_entry, normalize_doi
from orcid_guide.bibtex.reading import read_text


def mapped(bibtex: str) -> MappedEntry:
    (entry,) = read_text(bibtex).entries
    return map_entry(entry)


def work_of(bibtex: str) -> OrcidWork:
    work = mapped(bibtex).work
    assert work is not None
    return work


@pytest.mark.parametrize(
    ("bibtex_type", "orcid_type"),
    [
        ("article", "journal-article"),
        ("book", "book"),
        ("inbook", "book-chapter"),
        ("incollection", "book-chapter"),
        ("inproceedings", "conference-paper"),
        ("conference", "conference-paper"),
        ("proceedings", "conference-paper"),
        ("phdthesis", "dissertation-thesis"),
        ("mastersthesis", "supervised-student-publication"),
        ("techreport", "report"),
        ("manual", "manual"),
        ("misc", "other"),
        ("booklet", "other"),
        ("unpublished", "other"),
        ("ARTICLE", "journal-article"),
    ],
)
def test_bibtex_types_become_orcid_work_types(bibtex_type: str, orcid_type: str) -> None:
    assert work_of(f"@{bibtex_type}{{k, title = {{T}}}}").type == orcid_type


def test_a_type_orcid_does_not_know_cannot_be_imported_and_says_why() -> None:
    entry = mapped("@web_page{k, title = {A page}, url = {https://example.org}}")
    assert entry.work is None
    assert entry.reason == "ORCID has no work type for @web_page entries."


def test_an_entry_without_a_title_cannot_be_imported() -> None:
    entry = mapped("@book{k, author = {Adler, Alfred}}")
    assert (entry.work, entry.reason) == (None, "The entry has no title.")


def test_title_journal_date_url_and_the_entry_itself() -> None:
    text = (
        '@article{k,\n  title = {Peat {\\"u}ber alles},\n  journal = {Mires and Peat},\n  year = {2021},\n'
        "  month = {May},\n  url = {https://example.org/peat}\n}"
    )
    work = work_of(text)
    assert (work.title, work.journal_title, work.year, work.month) == (
        "Peat \u00fcber alles",
        "Mires and Peat",
        2021,
        5,
    )
    assert work.url == "https://example.org/peat"
    assert work.bibtex == text


@pytest.mark.parametrize(
    ("fields", "year", "month"),
    [
        ("year = 1999, month = dec", 1999, 12),
        ("year = {1999}, month = {7}", 1999, 7),
        ("year = {1999}, month = {Sept.}", 1999, 9),
        ("year = {1999}, month = {summer}", 1999, None),
        ("month = jan", None, None),
        ("year = {in press}, month = jan", None, None),
    ],
)
def test_a_month_counts_only_with_a_numeric_year(fields: str, year: int | None, month: int | None) -> None:
    work = work_of(f"@misc{{k, title = {{T}}, {fields}}}")
    assert (work.year, work.month) == (year, month)


def test_booktitle_is_the_title_when_there_is_none_and_else_the_journal() -> None:
    chapter = work_of("@inproceedings{k, title = {Talk}, booktitle = {Proc. of {LaTeX}}}")
    assert (chapter.title, chapter.journal_title) == ("Talk", "Proc. of LaTeX")
    proceedings = work_of("@proceedings{k, booktitle = {Proceedings 2020}}")
    assert (proceedings.title, proceedings.journal_title) == ("Proceedings 2020", "")
    with_journal = work_of("@incollection{k, title = {C}, booktitle = {B}, journal = {J}}")
    assert with_journal.journal_title == "J"


def test_authors_and_editors_become_contributors_with_their_roles() -> None:
    work = work_of('@book{k, title = {T}, author = {de Vries, Eva and Jan M{\\"u}ller}, editor = {Smith, Ann}}')
    assert [(person.name, person.role) for person in work.contributors] == [
        ("Eva de Vries", "author"),
        ("Jan M\u00fcller", "author"),
        ("Ann Smith", "editor"),
    ]


@pytest.mark.parametrize(
    "doi",
    [
        "10.5555/ABC.1",
        "https://doi.org/10.5555/ABC.1",
        "http://dx.doi.org/10.5555/ABC.1",
        "doi:10.5555/ABC.1",
        " DOI: 10.5555/ABC.1",
    ],
)
def test_a_doi_in_any_usual_spelling_is_the_same_doi(doi: str) -> None:
    assert normalize_doi(doi) == "10.5555/ABC.1"
    (external,) = work_of(f"@article{{k, title = {{T}}, doi = {{{doi}}}}}").external_ids
    assert external == WorkId("doi", "10.5555/ABC.1", "https://doi.org/10.5555/ABC.1", "self")


def test_identifiers_and_their_relationships() -> None:
    article = work_of(
        "@article{k, title = {T}, doi = {10.1/x\\_y}, pmid = {123}, eprint = {2101.00001}, eprinttype = {arxiv},"
        " issn = {1234-5678}, eissn = {8765-4321}, url = {https://example.org}}"
    )
    assert [(i.type, i.value, i.relationship) for i in article.external_ids] == [
        ("doi", "10.1/x_y", "self"),
        ("pmid", "123", "self"),
        ("arxiv", "2101.00001", "self"),
        ("issn", "1234-5678", "part-of"),
        ("issn", "8765-4321", "part-of"),
    ]
    book = work_of("@book{k, title = {T}, isbn = {978-1, 978-2}, issn = {1111-2222}}")
    assert [(i.type, i.value, i.relationship) for i in book.external_ids] == [
        ("isbn", "978-1", "self"),
        ("isbn", "978-2", "self"),
        ("issn", "1111-2222", "self"),
    ]
    chapter = work_of("@incollection{k, title = {T}, isbn = {978-3}}")
    assert [(i.type, i.relationship) for i in chapter.external_ids] == [("isbn", "part-of")]


@pytest.mark.parametrize(
    ("written", "issn"),
    [
        ("0034-527X", "0034-527X"),
        ("26896567(PRINT)", "2689-6567"),
        ("2689-6575(ELECTRONIC)", "2689-6575"),
        ("n/a", "n/a"),
    ],
)
def test_an_issn_is_written_the_one_usual_way(written: str, issn: str) -> None:
    (external,) = work_of(f"@article{{k, title = {{T}}, issn = {{{written}}}}}").external_ids
    assert (external.type, external.value) == ("issn", issn)


def test_arxiv_needs_eprinttype_as_orcid_reads_it() -> None:
    work = work_of("@article{k, title = {T}, eprint = {2101.00001}, archiveprefix = {arXiv}}")
    assert work.external_ids == ()


def test_the_url_is_an_identifier_only_when_there_is_no_other() -> None:
    alone = work_of("@misc{k, title = {T}, url = {https://example.org/a}}")
    assert alone.external_ids == (WorkId("uri", "https://example.org/a", "https://example.org/a", "self"),)
    with_doi = work_of("@misc{k, title = {T}, doi = {10.1/a}, url = {https://example.org/a}}")
    assert [i.type for i in with_doi.external_ids] == ["doi"]


def test_a_url_that_is_not_a_web_address_is_dropped() -> None:
    work = work_of("@misc{k, title = {T}, url = {javascript:alert(1)}}")
    assert (work.url, work.external_ids) == ("", ())
