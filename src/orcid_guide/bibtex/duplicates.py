"""Possible duplicates as Pure flags them: the same DOI, the same ISBN, or titles more than 80 % alike.

Identifiers are compared after normalizing the forms people write them in (a DOI as a link or with "doi:", any
case; an ISBN with or without hyphens, as ISBN-10 or ISBN-13); titles with rapidfuzz's ratio on lower-cased
text without punctuation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

# Pure's "Duplicate titles" rule: titles that match more than 80 %.
TITLE_THRESHOLD = 80.0

_DOI_PREFIXES = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)


@dataclass(frozen=True)
class Publication:
    """What matching needs of a publication on either side: its title and identifiers (empty when unknown)."""

    title: str
    doi: str = ""
    isbn: str = ""


@dataclass(frozen=True)
class PossibleDuplicate:
    """``existing`` (an index into the list searched) may be the same publication, for ``reason``."""

    existing: int
    reason: str


def normalize_doi(text: str) -> str:
    """ "10.1234/ABC", "doi:10.1234/abc" and "https://doi.org/10.1234/abc" all become "10.1234/abc"."""
    return _DOI_PREFIXES.sub("", text.strip()).strip().lower()


def _isbn10_to_13(digits: str) -> str:
    core = "978" + digits[:9]
    total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(core))
    return core + str((10 - total % 10) % 10)


def normalize_isbn(text: str) -> str:
    """The ISBN-13 digits of an ISBN written with or without hyphens or spaces, ISBN-10 converted; "" if none."""
    cleaned = re.sub(r"[\s-]", "", text.strip().removeprefix("ISBN").removeprefix("isbn").strip(": ")).upper()
    if re.fullmatch(r"\d{9}[\dX]", cleaned):
        return _isbn10_to_13(cleaned)
    return cleaned


def title_similarity(first: str, second: str) -> float:
    """How alike two titles are, 0 to 100, ignoring case and punctuation."""
    return float(fuzz.ratio(first, second, processor=default_process))


def _reason(found: Publication, existing: Publication) -> str | None:
    doi = normalize_doi(found.doi)
    if doi and doi == normalize_doi(existing.doi):
        return "same DOI"
    isbn = normalize_isbn(found.isbn)
    if isbn and isbn == normalize_isbn(existing.isbn):
        return "same ISBN"
    if not default_process(found.title) or not default_process(existing.title):
        return None
    similarity = title_similarity(found.title, existing.title)
    if similarity > TITLE_THRESHOLD:
        return f"similar title: {existing.title} ({similarity:.0f} %)"
    return None


def possible_duplicates(found: Publication, existing: Sequence[Publication]) -> list[PossibleDuplicate]:
    """Each publication in ``existing`` that ``found`` may duplicate, with the first reason that holds."""
    matches = []
    for index, candidate in enumerate(existing):
        reason = _reason(found, candidate)
        if reason is not None:
            matches.append(PossibleDuplicate(index, reason))
    return matches
