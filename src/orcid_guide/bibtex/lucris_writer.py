"""Writing research outputs as BibTeX for mock LUCRIS's "Export" > "BibTex", with bibtexparser's writer.

Converis (the system LUCRIS runs on) does not document the layout of its BibTeX export, so this shape is the
mock's own, chosen to be valid BibTeX that ORCID's importer reads, not a copy of LUCRIS's files. The shape:
the output's UUID (32 hex digits) as key, one unindented ``field = "value",`` per line, month as a bare macro
(``month = jan``), authors as ``Family, Given`` joined by ``and`` with a multi-word family name
braced (``{van der Horst}, Erik``), ``--`` in page ranges, and non-ASCII letters as LaTeX (``{\\'a}``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from bibtexparser import model
from bibtexparser.entrypoint import write_string
from bibtexparser.library import Library
from bibtexparser.writer import BibtexFormat
from pylatexenc.latexencode import unicode_to_latex

ENTRY_TYPES = ("article", "book", "inbook", "inproceedings")
MONTH_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_UUID = re.compile(r"^[0-9a-f]{32}$")
# ASCII characters that mean something to LaTeX or end a quoted BibTeX value.
_ASCII_SPECIALS = {
    "\\": "{\\textbackslash}",
    "{": "\\{",
    "}": "\\}",
    "&": "\\&",
    "%": "\\%",
    "$": "\\$",
    "#": "\\#",
    "_": "\\_",
    "~": "{\\textasciitilde}",
    '"': '{"}',
}
_SPECIAL = re.compile("|".join(re.escape(character) for character in _ASCII_SPECIALS))
_PAGE_RANGE = re.compile(r"^\s*(\w+)\s*[-\u2010-\u2015]+\s*(\w+)\s*$")


@dataclass(frozen=True)
class Name:
    family: str
    given: str


@dataclass(frozen=True)
class LucrisRecord:
    """One research output as the mock's BibTeX export describes it; empty fields are left out."""

    uuid: str
    entry_type: str
    title: str
    authors: tuple[Name, ...]
    year: int
    month: int | None = None
    day: int | None = None
    abstract: str = ""
    keywords: tuple[str, ...] = ()
    note: str = ""
    doi: str = ""
    language: str = ""
    isbn: str = ""
    series: str = ""
    publisher: str = ""
    booktitle: str = ""
    address: str = ""
    editors: tuple[Name, ...] = ()
    volume: str = ""
    pages: str = ""
    journal: str = ""
    issn: str = ""
    number: str = ""

    def __post_init__(self) -> None:
        if not _UUID.match(self.uuid):
            raise ValueError(f"a LUCRIS key is a UUID of 32 lower-case hex digits, not {self.uuid!r}")
        if self.entry_type not in ENTRY_TYPES:
            raise ValueError(f"unknown BibTeX entry type {self.entry_type!r}; use one of {', '.join(ENTRY_TYPES)}")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} is not between 1 and 12")


def latex(text: str) -> str:
    """``text`` as LaTeX inside a double-quoted BibTeX value: specials escaped, non-ASCII letters as accents."""
    escaped = _SPECIAL.sub(lambda found: _ASCII_SPECIALS[found.group(0)], text)
    return str(unicode_to_latex(escaped, non_ascii_only=True, replacement_latex_protection="braces-all"))


def _person(name: Name) -> str:
    family = latex(name.family)
    # A family name of several words (a particle, a double surname) stays one name for BibTeX only in braces.
    if " " in name.family.strip():
        family = "{" + family + "}"
    return f"{family}, {latex(name.given)}" if name.given else family


def _names(names: Iterable[Name]) -> str:
    return " and ".join(_person(name) for name in names)


def _pages(pages: str) -> str:
    found = _PAGE_RANGE.match(pages)
    return f"{found.group(1)}--{found.group(2)}" if found else pages


def _quoted(value: str) -> str:
    return f'"{value}"'


def _verbatim(value: str) -> str:
    # Identifiers are copied as they are (a DOI's underscore is not LaTeX); only a quote could end the value.
    return _quoted(value.replace('"', "%22"))


def _fields(record: LucrisRecord) -> list[model.Field]:
    """The record's fields in the order the mock writes them."""
    candidates: list[tuple[str, str]] = [
        ("title", _quoted(latex(record.title))),
        ("abstract", _quoted(latex(record.abstract)) if record.abstract else ""),
        ("keywords", _quoted(latex(", ".join(record.keywords))) if record.keywords else ""),
        ("author", _quoted(_names(record.authors)) if record.authors else ""),
        ("note", _quoted(latex(record.note)) if record.note else ""),
        ("year", _quoted(str(record.year))),
        ("month", MONTH_MACROS[record.month - 1] if record.month else ""),
        ("day", _quoted(str(record.day)) if record.day and record.month else ""),
        ("doi", _verbatim(record.doi) if record.doi else ""),
        ("language", _quoted(latex(record.language)) if record.language else ""),
        ("isbn", _verbatim(record.isbn) if record.isbn else ""),
        ("series", _quoted(latex(record.series)) if record.series else ""),
        ("publisher", _quoted(latex(record.publisher)) if record.publisher and not record.journal else ""),
        ("booktitle", _quoted(latex(record.booktitle)) if record.booktitle else ""),
        ("address", _quoted(latex(record.address)) if record.address else ""),
        ("editor", _quoted(_names(record.editors)) if record.editors else ""),
        ("volume", _quoted(latex(record.volume)) if record.volume else ""),
        ("pages", _quoted(latex(_pages(record.pages))) if record.pages else ""),
        ("journal", _quoted(latex(record.journal)) if record.journal else ""),
        ("issn", _verbatim(record.issn) if record.issn else ""),
        # In a journal article the publisher is written after the journal.
        ("publisher", _quoted(latex(record.publisher)) if record.publisher and record.journal else ""),
        ("number", _quoted(latex(record.number)) if record.number else ""),
    ]
    return [model.Field(key, value) for key, value in candidates if value]


def write_lucris_bibtex(records: Iterable[LucrisRecord]) -> str:
    """A .bib file of ``records``, in order, as mock LUCRIS's "Export" > "BibTex" writes it."""
    library = Library()
    for record in records:
        library.add(model.Entry(record.entry_type, record.uuid, _fields(record)))
    form = BibtexFormat()  # type: ignore[no-untyped-call]  # its __init__ is unannotated
    form.indent = ""
    form.value_column = 0
    form.trailing_comma = True
    form.block_separator = "\n"
    # The values above are already enclosed (quotes, or a bare month macro): no enclosing middleware.
    return str(write_string(library, unparse_stack=[], bibtex_format=form))
