"""Reading .bib bytes: encodings, @string macros and #, duplicate keys and fields, blocks that cannot be read."""

from __future__ import annotations

import pytest
from bibtexparser.middlewares.names import split_multiple_persons_names

from orcid_guide.bibtex.latex_text import natural_name, person_names, to_text
from orcid_guide.bibtex.reading import UnreadableEncoding, decode, read_bytes, read_text, resolve


def test_string_macros_chain_and_concatenate_case_insensitively() -> None:
    bib = read_text(
        '@string{CoOl = "Cool"}\n@string{stuff = "Stuff"}\n@string{myTitle = cool # " " # stuff}\n'
        '@string{int = "International"}\n@string{myconf = "My "#int#" Conference"}\n'
        "@inproceedings{k, title = mytitle, booktitle = myconf, year = 2014, month = jan}\n"
    )
    (entry,) = bib.entries
    assert entry.fields == {
        "title": "Cool Stuff",
        "booktitle": "My International Conference",
        "year": "2014",
        "month": "January",
    }


def test_a_braced_group_keeps_its_inner_braces_for_latex_decoding_later() -> None:
    assert resolve("{The {DNA} of {\\'E}cole}", {}) == "The {DNA} of {\\'E}cole"
    assert resolve('"a {"} b"', {}) == 'a {"} b'
    assert resolve("{a} # {b}", {}) == "ab"
    assert resolve("undefined", {}) == "undefined"


def test_field_names_are_lower_cased_and_lines_count_from_one() -> None:
    (entry,) = read_text("\n\n@ARTICLE{Key1,\n  TITLE = {T},\n  Journal = {J}\n}\n").entries
    assert (entry.key, entry.type, entry.line) == ("Key1", "article", 3)
    assert entry.fields == {"title": "T", "journal": "J"}
    assert entry.raw.startswith("@ARTICLE{Key1,")


def test_parenthesized_entries_are_read() -> None:
    (entry,) = read_text("@article(paren:1,\n  title = {Round},\n  year = 1999\n)\n").entries
    assert (entry.key, entry.fields["title"]) == ("paren:1", "Round")


def test_a_duplicate_key_keeps_both_entries_and_says_so() -> None:
    bib = read_text("@book{same, title = {First}}\n@book{same, title = {Second}}\n")
    assert [entry.fields["title"] for entry in bib.entries] == ["First", "Second"]
    assert bib.entries[1].notes == ("The key same is used by an earlier entry too.",)
    assert bib.problems == []


def test_a_duplicate_field_keeps_the_entry_with_the_last_value() -> None:
    (entry,) = read_text("@misc{k, title = {One}, Title = {Two}}\n").entries
    assert entry.fields["title"] == "Two"
    assert entry.notes == ("The field title is given more than once; the last value is used.",)


def test_a_block_that_cannot_be_read_is_reported_by_line_and_key_and_the_rest_is_kept() -> None:
    bib = read_text("@article{good, title = {Fine}}\n\n@article{bad,\n  author {x},\n}\n@misc{after, title = {Also}}\n")
    assert [entry.key for entry in bib.entries] == ["good", "after"]
    (problem,) = bib.problems
    assert (problem.line, problem.key) == (3, "bad")
    assert str(problem) == "Line 3: the entry bad cannot be read: Expected a `=` after entry key, but found `{`."


def test_an_entry_without_a_key_is_named_by_its_line() -> None:
    (problem,) = read_text("% EndNote\n@article{\n  author = {Huang, Y.},\n  year = {2012}\n}\n").problems
    assert str(problem) == "Line 2: an entry cannot be read: Expected comma after entry key, but found =."


def test_utf8_with_or_without_bom_is_read_as_utf8() -> None:
    assert decode("@misc{k, title={Caf\u00e9}}".encode()) == ("@misc{k, title={Caf\u00e9}}", "UTF-8")
    assert decode(b"\xef\xbb\xbf@misc{k}")[0] == "@misc{k}"


def test_a_declared_encoding_is_honoured_when_the_file_is_not_utf8() -> None:
    data = "% -*- coding: latin-9-unix -*-\n@book{k, title = {\u0160ome title}}\n".encode("iso8859-15")
    bib = read_bytes(data)
    assert bib.encoding == "ISO8859-15"
    assert bib.entries[0].fields["title"] == "\u0160ome title"


def test_an_undeclared_non_utf8_file_is_read_as_windows_1252() -> None:
    bib = read_bytes("@book{k, title = {Caf\u00e9 \u2013 na\u00efve}}".encode("cp1252"))
    assert (bib.encoding, bib.entries[0].fields["title"]) == ("Windows-1252", "Caf\u00e9 \u2013 na\u00efve")


def test_an_unknown_declared_encoding_names_itself() -> None:
    with pytest.raises(UnreadableEncoding, match="encoded as klingon-8"):
        read_bytes(b"% Encoding: klingon-8\n@book{k, title = {\xff}}\n")


@pytest.mark.parametrize(
    ("latex", "text"),
    [
        ('{\\"u}ber', "\u00fcber"),
        ("Vall{\\'e}e", "Vall\u00e9e"),
        ("{\\'\\i}", "\u00ed"),
        ("Erd\\H{o}s", "Erd\u0151s"),
        ("\\v{S}koda \\c{c}a", "\u0160koda \u00e7a"),
        ("{{DNA}} Repair in {\\ss}", "DNA Repair in \u00df"),
        ("Core\\textendash{}Shell", "Core\u2013Shell"),
        ("1.55{$\\mu$}m", "1.55\u03bcm"),
        ("pages 1--10 and ``quotes''", "pages 1\u201310 and \u201cquotes\u201d"),
        ("50\\% \\& more~here", "50% & more here"),
        ("set \\{a\\}", "set {a}"),
        ("\\textit{In vivo} study", "In vivo study"),
        ("$\\sqrt{x}$ roots", "\u221a(x) roots"),
    ],
)
def test_latex_becomes_unicode_without_braces(latex: str, text: str) -> None:
    assert to_text(latex) == text


@pytest.mark.parametrize(
    ("name", "credit"),
    [
        ("{de Condorcet}, Marquis", "Marquis de Condorcet"),
        ("de Condorcet, Marquis", "Marquis de Condorcet"),
        ("Condorcet, Marquis de", "Marquis de Condorcet"),
        ("de la Vall{\\'e}e Poussin, Charles Louis", "Charles Louis de la Vall\u00e9e Poussin"),
        ("Van de Graaff, R. J.", "R. J. Van de Graaff"),
        ("Ford, Jr., Henry", "Henry Ford, Jr."),
        ("Egbert von Eel", "Egbert von Eel"),
        ("id=testid, given=Alfred, family=Adler", "Alfred Adler"),
        ("given=Jan, prefix=van der, family=Berg", "Jan van der Berg"),
    ],
)
def test_names_read_given_name_first_with_particles_kept(name: str, credit: str) -> None:
    assert natural_name(name) == credit


def test_names_split_on_top_level_and_only() -> None:
    assert person_names('{Barnes and Noble} and Smith, J. and M{\\"u}ller, A. and others') == [
        "Barnes and Noble",
        "J. Smith",
        "A. M\u00fcller",
    ]
    assert person_names("Smith, J. and") == ["J. Smith"]


@pytest.mark.parametrize(
    "field",
    [
        '{Barnes and Noble} and Smith, J. and M{\\"u}ller, A.',
        "{de Condorcet}, Marquis AND van der Berg, Jan and {Simon and {Schuster and Co}} and X",
        "Smith, A. \\{B\\} and C. Jones",
        "Ann Smith and Bob Jones",
        "{Only One}",
    ],
)
def test_names_split_as_bibtexparser_splits_them(field: str) -> None:
    assert [natural_name(name) for name in split_multiple_persons_names(field)] == person_names(field)
