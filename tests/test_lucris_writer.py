"""The mock's BibTeX export: its shape line by line, and a round trip through bibtexparser back to the same values."""

from __future__ import annotations

import pytest
from bibtexparser import middlewares
from bibtexparser.entrypoint import parse_string

from orcid_guide.bibtex.lucris_writer import LucrisRecord, Name, latex, write_lucris_bibtex

ARTICLE = LucrisRecord(
    uuid="d0057dd21f764ac9babe0c679f7df00d",
    entry_type="article",
    title="Life-cycle assessment of Curaçao's drinking water supply",
    authors=(Name("de Vries", "Eva"), Name("Martínez García", "Daniel"), Name("van der Horst", "Erik")),
    year=2024,
    month=12,
    day=2,
    note="Publisher Copyright: © 2024 Elsevier Ltd.",
    doi="10.5555/cml.2024_1202",
    language="English",
    volume="482",
    pages="1073-1089",
    journal="Journal of Cleaner Production",
    issn="0959-6526",
    publisher="Elsevier",
    number="3",
)
CHAPTER = LucrisRecord(
    uuid="ee7b34f1f3ef23871efe5332fc99eed9",
    entry_type="inbook",
    title="Material flow analysis",
    authors=(Name("Smørgrav", "Bjørn"),),
    year=2023,
    isbn="978-3-031-20918-5",
    publisher="Springer",
    booktitle="Methods in Industrial Ecology",
    editors=(Name("ter Haar", "Lotte"),),
    pages="61–84",
)


def test_an_article_is_written_line_by_line_in_the_export_shape() -> None:
    assert write_lucris_bibtex([ARTICLE]) == (
        "@article{d0057dd21f764ac9babe0c679f7df00d,\n"
        'title = "Life-cycle assessment of Cura{\\c{c}}ao\'s drinking water supply",\n'
        "author = \"{de Vries}, Eva and {Mart{\\'\\i}nez Garc{\\'\\i}a}, Daniel and {van der Horst}, Erik\",\n"
        'note = "Publisher Copyright: {\\textcopyright} 2024 Elsevier Ltd.",\n'
        'year = "2024",\n'
        "month = dec,\n"
        'day = "2",\n'
        'doi = "10.5555/cml.2024_1202",\n'
        'language = "English",\n'
        'volume = "482",\n'
        'pages = "1073--1089",\n'
        'journal = "Journal of Cleaner Production",\n'
        'issn = "0959-6526",\n'
        'publisher = "Elsevier",\n'
        'number = "3",\n'
        "}\n"
    )


def test_entries_follow_each_other_separated_by_a_blank_line() -> None:
    written = write_lucris_bibtex([ARTICLE, CHAPTER])
    assert written.count("\n\n@") == 1
    assert written.index("@article{d0057dd21f764ac9babe0c679f7df00d,") < written.index(
        "@inbook{ee7b34f1f3ef23871efe5332fc99eed9,"
    )
    assert write_lucris_bibtex([]) == ""


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Nitrogen & phosphorus: 50% less", "Nitrogen \\& phosphorus: 50\\% less"),
        ('The "circular" city', 'The {"}circular{"} city'),
        ("{x}_1 #2 $3 ~4", "\\{x\\}\\_1 \\#2 \\$3 {\\textasciitilde}4"),
        ("Zürich", 'Z{\\"u}rich'),
    ],
)
def test_latex_escapes_what_latex_or_a_quoted_value_would_misread(text: str, written: str) -> None:
    assert latex(text) == written


def parse(text: str) -> dict[str, dict[str, object]]:
    """The file as a reader gets it: LaTeX decoded, authors split into family and given names."""
    library = parse_string(
        text,
        append_middleware=[
            middlewares.LatexDecodingMiddleware(keep_braced_groups=True),
            middlewares.SeparateCoAuthors(),
            middlewares.SplitNameParts(),
        ],
    )
    assert library.failed_blocks == []
    return {entry.key: {field.key: field.value for field in entry.fields} for entry in library.entries}


def names(parts: object) -> list[Name]:
    assert isinstance(parts, list)
    return [Name(" ".join(p.von + p.last).strip("{}"), " ".join(p.first)) for p in parts]


def test_the_written_file_parses_back_to_the_same_values() -> None:
    entries = parse(write_lucris_bibtex([ARTICLE, CHAPTER]))
    assert list(entries) == [ARTICLE.uuid, CHAPTER.uuid]
    article, chapter = entries[ARTICLE.uuid], entries[CHAPTER.uuid]
    assert names(article.pop("author")) == list(ARTICLE.authors)
    assert article == {
        "title": ARTICLE.title,
        "note": ARTICLE.note,
        "year": "2024",
        "month": "dec",
        "day": "2",
        "doi": ARTICLE.doi,
        "language": "English",
        "volume": "482",
        "pages": "1073–1089",
        "journal": ARTICLE.journal,
        "issn": ARTICLE.issn,
        "publisher": "Elsevier",
        "number": "3",
    }
    assert names(chapter.pop("author")) == [Name("Smørgrav", "Bjørn")]
    assert names(chapter.pop("editor")) == [Name("ter Haar", "Lotte")]
    assert chapter == {
        "title": "Material flow analysis",
        "year": "2023",
        "isbn": "978-3-031-20918-5",
        "publisher": "Springer",
        "booktitle": "Methods in Industrial Ecology",
        "pages": "61–84",
    }


def test_awkward_titles_survive_the_round_trip() -> None:
    titles = ['A "quoted" {braced} title', "50% of C_2 & #tags cost $5 ~ish", "Łódź, Ærø and naïve Zürich"]
    records = [
        LucrisRecord(uuid=f"{n:032x}", entry_type="article", title=title, authors=(), year=2020)
        for n, title in enumerate(titles, 1)
    ]
    assert [entry["title"] for entry in parse(write_lucris_bibtex(records)).values()] == titles


def test_a_record_that_lucris_could_not_have_is_refused() -> None:
    with pytest.raises(ValueError, match="32 lower-case hex digits"):
        LucrisRecord(uuid="not-a-uuid", entry_type="article", title="t", authors=(), year=2020)
    with pytest.raises(ValueError, match="unknown BibTeX entry type 'misc'"):
        LucrisRecord(uuid="0" * 32, entry_type="misc", title="t", authors=(), year=2020)
    with pytest.raises(ValueError, match="month 13"):
        LucrisRecord(uuid="0" * 32, entry_type="article", title="t", authors=(), year=2020, month=13)
