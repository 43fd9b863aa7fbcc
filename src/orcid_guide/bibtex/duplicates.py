"""Possible duplicates as mock LUCRIS flags them: the same DOI, the same ISBN, or titles more than 80 % alike.

Identifiers are compared after normalizing the forms people write them in (a DOI as a link or with "doi:", any
case; an ISBN with or without hyphens, as ISBN-10 or ISBN-13); titles with rapidfuzz's ratio on lower-cased
text without punctuation.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

# The mock's title rule (ours, not a documented Converis rule): titles that match more than 80 %.
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


def _index(existing: Sequence[Publication], key: Callable[[Publication], str]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = defaultdict(list)
    for index, publication in enumerate(existing):
        value = key(publication)
        if value:
            found[value].append(index)
    return found


def flag_all(found: Sequence[Publication], existing: Sequence[Publication]) -> list[list[PossibleDuplicate]]:
    """For each publication in ``found``, the ones in ``existing`` it may duplicate, with the first reason that
    holds (DOI, then ISBN, then title); ``existing`` is normalized once, titles are scored in rapidfuzz's loop."""
    dois = _index(existing, lambda p: normalize_doi(p.doi))
    isbns = _index(existing, lambda p: normalize_isbn(p.isbn))
    titles = [default_process(p.title) for p in existing]
    flagged = []
    for publication in found:
        reasons: dict[int, str] = {}
        for index in dois.get(normalize_doi(publication.doi), []) if publication.doi.strip() else []:
            reasons.setdefault(index, "same DOI")
        for index in isbns.get(normalize_isbn(publication.isbn), []) if publication.isbn.strip() else []:
            reasons.setdefault(index, "same ISBN")
        title = default_process(publication.title)
        if title:
            alike = process.extract(title, titles, scorer=fuzz.ratio, score_cutoff=TITLE_THRESHOLD, limit=None)
            for _, score, index in alike:
                if titles[index] and score > TITLE_THRESHOLD:
                    reasons.setdefault(index, f"similar title: {existing[index].title} ({score:.0f} %)")
        flagged.append([PossibleDuplicate(index, reason) for index, reason in sorted(reasons.items())])
    return flagged


def possible_duplicates(found: Publication, existing: Sequence[Publication]) -> list[PossibleDuplicate]:
    """Each publication in ``existing`` that ``found`` may duplicate, with the first reason that holds."""
    return flag_all([found], existing)[0]
