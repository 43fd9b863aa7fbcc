"""Reading a v3.0 work from a member client's JSON, with ORCID's rules: a title, a type, a self identifier."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from orcid_guide.sandbox.orcid.accounts import VISIBILITIES
from orcid_guide.sandbox.orcid.works_store import NewContributor, NewExternalId, NewWork
from orcid_guide.sandbox.web_links import is_web_url
from orcid_guide.sandbox.whole_numbers import whole_number

# ORCID API v3.0 work types.
WORK_TYPES = frozenset(
    [
        "annotation",
        "artistic-performance",
        "book-chapter",
        "book-review",
        "book",
        "conference-abstract",
        "conference-paper",
        "conference-poster",
        "conference-output",
        "conference-presentation",
        "conference-proceedings",
        "data-set",
        "data-management-plan",
        "dictionary-entry",
        "disclosure",
        "dissertation-thesis",
        "edited-book",
        "encyclopedia-entry",
        "invention",
        "journal-article",
        "journal-issue",
        "lecture-speech",
        "license",
        "magazine-article",
        "manual",
        "newsletter-article",
        "newspaper-article",
        "online-resource",
        "other",
        "patent",
        "physical-object",
        "preprint",
        "registered-copyright",
        "report",
        "research-technique",
        "research-tool",
        "review",
        "software",
        "spin-off-company",
        "standards-and-policy",
        "supervised-student-publication",
        "technical-standard",
        "test",
        "trademark",
        "translation",
        "website",
        "working-paper",
        "cartographic-material",
        "public-speech",
        "blog-post",
    ]
)
RELATIONSHIPS = ("self", "part-of", "version-of", "funded-by")
_ID_TYPE = re.compile(r"^[a-z0-9][a-z0-9-]{0,40}$")


class InvalidWork(ValueError):
    """The JSON is not a work ORCID would accept; the message says why, for developer-message."""


@dataclass(frozen=True)
class WorkInput:
    work: NewWork
    put_code: int | None
    # What the body asked for; ORCID never applies it (a new work gets the researcher's default, an update keeps
    # the current visibility), it only refuses an update that asks for a different one.
    requested_visibility: str | None = None


def _text(node: Any, *path: str) -> str:
    for key in path:
        if not isinstance(node, dict):
            return ""
        node = node.get(key)
    if node is None:
        return ""
    if isinstance(node, str | int) and not isinstance(node, bool):
        return str(node).strip()
    raise InvalidWork(f"{'/'.join(path)} must be a string.")


def _link(node: Any, *path: str) -> str:
    """An optional link: empty, or an http(s) URL ("Invalid url" is what ORCID's work form says otherwise)."""
    text = _text(node, *path)
    if text and not is_web_url(text):
        raise InvalidWork(f"Invalid url: {'/'.join(path)} must be a full http:// or https:// URL.")
    return text


def _date_part(node: Any, part: str, low: int, high: int) -> int | None:
    text = _text(node, part, "value")
    if not text:
        return None
    number = whole_number(text, low, high)
    if number is None:
        raise InvalidWork(f"publication-date/{part} is not a valid {part}: {text!r}.")
    return number


def _external_ids(data: dict[str, Any]) -> tuple[NewExternalId, ...]:
    block = data.get("external-ids")
    items = block.get("external-id") if isinstance(block, dict) else None
    if items is None:
        items = []
    if not isinstance(items, list):
        raise InvalidWork("external-ids/external-id must be a list.")
    result = []
    for item in items:
        kind = _text(item, "external-id-type").lower()
        value = _text(item, "external-id-value")
        relationship = _text(item, "external-id-relationship").lower() or "self"
        if not _ID_TYPE.match(kind) or not value:
            raise InvalidWork("Every external identifier needs an external-id-type and an external-id-value.")
        if relationship not in RELATIONSHIPS:
            raise InvalidWork(f"Unknown external-id-relationship {relationship!r}.")
        result.append(NewExternalId(kind, value, _link(item, "external-id-url", "value"), relationship))
    if not any(ext.relationship == "self" for ext in result):
        raise InvalidWork("A work needs at least one external identifier with relationship self.")
    return tuple(result)


def _contributors(data: dict[str, Any]) -> tuple[NewContributor, ...]:
    block = data.get("contributors")
    items = block.get("contributor") if isinstance(block, dict) else None
    if not isinstance(items, list):
        return ()
    people = []
    for item in items:
        name = _text(item, "credit-name", "value")
        if name:
            people.append(
                NewContributor(
                    credit_name=name,
                    role=_text(item, "contributor-attributes", "contributor-role") or "author",
                    sequence=_text(item, "contributor-attributes", "contributor-sequence"),
                    orcid=_text(item, "contributor-orcid", "path"),
                )
            )
    return tuple(people)


def parse_work(data: Any, *, default_visibility: str) -> WorkInput:
    """The work in ``data`` (a decoded JSON object) with ``default_visibility``, or InvalidWork saying what is wrong.

    ORCID ignores the visibility a member client sends with a new work (WorkManagerImpl.setIncomingWorkPrivacy):
    the researcher decides, through their default for new items.
    """
    if not isinstance(data, dict):
        raise InvalidWork("The body must be a JSON work object.")
    title = _text(data, "title", "title", "value")
    if not title:
        raise InvalidWork("A work needs a title (title/title/value).")
    kind = _text(data, "type").lower()
    if kind not in WORK_TYPES:
        raise InvalidWork(f"A work needs a valid type; {kind or '(none)'!r} is not one.")
    requested = _text(data, "visibility").lower() or None
    if requested is not None and requested not in VISIBILITIES:
        raise InvalidWork(f"Unknown visibility {requested!r}.")
    date = data.get("publication-date")
    year = _date_part(date, "year", 1000, 9999)
    month = _date_part(date, "month", 1, 12) if year else None
    day = _date_part(date, "day", 1, 31) if month else None
    put_code_text = _text(data, "put-code")
    put_code = whole_number(put_code_text) if put_code_text else None
    if put_code_text and put_code is None:
        raise InvalidWork("put-code must be a number.")
    work = NewWork(
        title=title,
        type=kind,
        visibility=default_visibility,
        journal_title=_text(data, "journal-title", "value"),
        year=year,
        month=month,
        day=day,
        url=_link(data, "url", "value"),
        citation_type=_text(data, "citation", "citation-type"),
        citation_value=_text(data, "citation", "citation-value"),
        external_ids=_external_ids(data),
        contributors=_contributors(data),
        subtitle=_text(data, "title", "subtitle", "value"),
        short_description=_text(data, "short-description"),
        language_code=_text(data, "language-code"),
        country=_text(data, "country", "value"),
    )
    return WorkInput(work, put_code, requested)
