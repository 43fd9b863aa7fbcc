"""A BibTeX entry as an ORCID work, the way ORCID's "Add BibTeX" dialog maps it.

Follows orcid-angular's WorkBibtexModalComponent (src/app/record/components/work-stack-group/modals/
work-bibtex-modal/work-bibtex-modal.component.ts: populateWork, externalIdentifierId, bibToWorkTypeMap) and
reference/orcid.md "BibTeX import dialog". Where this module differs it says so: ORCID leaves LaTeX decoding
to a small script and identifiers as typed; here LaTeX becomes Unicode and identifiers are normalized, so a DOI
given as https://doi.org/… or doi:… is the same DOI and groups with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from orcid_guide.bibtex.latex_text import person_names, to_text
from orcid_guide.bibtex.reading import BibEntry

# bibToWorkTypeMap: BibTeX entry type → ORCID work type. Other types (biblatex's @online, @thesis, Mendeley's
# @web_page …) have no work type in ORCID, so ORCID cannot import them: its validation refuses a work without a
# type. (orcid-angular even throws when such an entry has an ISSN or ISBN, as externalIdentifierId reads the
# missing type, and then refuses the whole file; here the entry is listed with its reason instead.)
WORK_TYPES = {
    "article": "journal-article",
    "book": "book",
    "booklet": "other",
    "conference": "conference-paper",
    "inbook": "book-chapter",
    "incollection": "book-chapter",
    "inproceedings": "conference-paper",
    "manual": "manual",
    "mastersthesis": "supervised-student-publication",
    "misc": "other",
    "phdthesis": "dissertation-thesis",
    "proceedings": "conference-paper",
    "techreport": "report",
    "unpublished": "other",
}
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# An ISBN is the work's own identifier for these types and the containing book's for the rest (a chapter).
_ISBN_SELF_TYPES = ("book", "manual", "report", "other")
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi\.org/|doi:\s*)", re.IGNORECASE)
_PMID_PREFIX = re.compile(r"^pmid:\s*", re.IGNORECASE)
_ARXIV_PREFIX = re.compile(r"^arxiv:\s*", re.IGNORECASE)
_LATEX_ESCAPE = re.compile(r"\\([_%&#$])")
_LIST_SEPARATOR = re.compile(r"[,;]\s*")
_ISSN = re.compile(r"(?<![\dXx])(\d{4})-?(\d{3}[\dXx])(?![\dXx])")


# Named tuples rather than dataclasses: a large file makes tens of thousands of them, and a preview kept as
# JSON stores them as plain arrays.
class WorkId(NamedTuple):
    type: str
    value: str
    url: str
    relationship: str


class Person(NamedTuple):
    name: str
    role: str


class OrcidWork(NamedTuple):
    title: str
    type: str
    journal_title: str
    year: int | None
    month: int | None
    url: str
    # The entry as it stands in the file, kept as the work's citation of type bibtex.
    bibtex: str
    external_ids: tuple[WorkId, ...]
    contributors: tuple[Person, ...]


@dataclass(frozen=True)
class MappedEntry:
    """One entry of the file: the work ORCID would make of it, or why it cannot be imported."""

    key: str
    line: int
    work: OrcidWork | None
    reason: str = ""
    notes: tuple[str, ...] = ()
    # The entry's title as text, also when it cannot be imported, to name it in the list.
    title: str = ""


def _plain_id(value: str) -> str:
    """An identifier without the LaTeX an export may add (`10.1000/a\\_b`, `{978-3}`)."""
    if "\\" in value or "{" in value:
        value = _LATEX_ESCAPE.sub(r"\1", value).replace("{", "").replace("}", "")
    return value.strip()


def normalize_doi(value: str) -> str:
    """The DOI itself: `https://doi.org/10.1/X`, `doi:10.1/X` and `10.1/X` are one DOI."""
    return _DOI_PREFIX.sub("", _plain_id(value)).strip()


def normalize_issn(value: str) -> str:
    """An ISSN as NNNN-NNNN: Mendeley writes `26896567(PRINT)`; a value that holds no ISSN stays as written."""
    found = _ISSN.search(value)
    return f"{found.group(1)}-{found.group(2).upper()}" if found else value


def _is_web_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def _ids(fields: dict[str, str], work_type: str) -> list[WorkId]:
    ids: list[WorkId] = []

    def add(kind: str, value: str, url: str = "") -> None:
        if not value:
            return
        relationship = "self"
        # externalIdentifierId: an ISSN names the journal (part-of) unless the work is a book; an ISBN names the
        # work itself only for book-like types. orcid-angular compares with "other_output", a category, where the
        # reference says "other"; this follows the reference.
        if (kind == "issn" and work_type != "book") or (kind == "isbn" and work_type not in _ISBN_SELF_TYPES):
            relationship = "part-of"
        found = WorkId(kind, value, url, relationship)
        if all((known.type, known.value.lower()) != (kind, value.lower()) for known in ids):
            ids.append(found)

    if "doi" in fields:
        doi = normalize_doi(fields["doi"])
        add("doi", doi, f"https://doi.org/{doi}")
    if "pmid" in fields:
        pmid = _PMID_PREFIX.sub("", _plain_id(fields["pmid"]))
        add("pmid", pmid, f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/")
    # ORCID reads arXiv ids from eprint only when eprinttype says arxiv (biblatex's form).
    if fields.get("eprinttype", "").strip().lower() == "arxiv":
        arxiv = _ARXIV_PREFIX.sub("", _plain_id(fields.get("eprint", "")))
        add("arxiv", arxiv, f"https://arxiv.org/abs/{arxiv}")
    if "isbn" in fields:
        for isbn in _LIST_SEPARATOR.split(_plain_id(fields["isbn"])):
            add("isbn", isbn)
    # pissn, eissn and lissn are all ISSNs.
    for name in ("issn", "pissn", "eissn", "lissn"):
        if name in fields:
            for issn in _LIST_SEPARATOR.split(_plain_id(fields[name])):
                add("issn", normalize_issn(issn))
    url = fields.get("url", "").strip()
    # The URL becomes an identifier only when the entry has no other one.
    if not ids and _is_web_url(url):
        add("uri", url, url)
    return ids


def _date(fields: dict[str, str]) -> tuple[int | None, int | None]:
    """ORCID's rule: a numeric year; a month (a number, or a name by its first three letters) only with a year."""
    year_text = fields.get("year", "").strip()
    if not (year_text.isdigit() and 0 < int(year_text) <= 9999):
        return None, None
    month_text = to_text(fields.get("month", "")).lower()
    month: int | None = None
    if month_text[:3] in MONTHS:
        month = MONTHS.index(month_text[:3]) + 1
    elif month_text.isdigit() and 1 <= int(month_text) <= 12:
        month = int(month_text)
    return int(year_text), month


def map_entry(entry: BibEntry) -> MappedEntry:
    """``entry`` as ORCID's BibTeX import would add it, or the reason it cannot be imported."""
    fields = entry.fields
    work_type = WORK_TYPES.get(entry.type)
    # A booktitle is the title when there is none, else the journal title when there is no journal.
    title = fields.get("title") or fields.get("booktitle", "")
    journal = fields.get("journal") or (fields.get("booktitle", "") if fields.get("title") else "")
    title_text = to_text(title)
    if work_type is None:
        reason = f"ORCID has no work type for @{entry.type} entries."
        return MappedEntry(entry.key, entry.line, None, reason, entry.notes, title_text)
    if not title_text:
        return MappedEntry(entry.key, entry.line, None, "The entry has no title.", entry.notes)
    year, month = _date(fields)
    url = fields.get("url", "").strip()
    people = [Person(name, "author") for name in person_names(fields.get("author", ""))]
    people += [Person(name, "editor") for name in person_names(fields.get("editor", ""))]
    work = OrcidWork(
        title=title_text,
        type=work_type,
        journal_title=to_text(journal),
        year=year,
        month=month,
        # Only web addresses: the record shows the URL as a link.
        url=url if _is_web_url(url) else "",
        bibtex=entry.raw,
        external_ids=tuple(_ids(fields, work_type)),
        contributors=tuple(people),
    )
    return MappedEntry(entry.key, entry.line, work, "", entry.notes, title_text)
