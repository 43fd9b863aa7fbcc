"""Reading works for the record pages: who may see which, and the words ORCID shows for them."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from orcid_guide.sandbox.orcid.stored_works import (
    OWNER,
    PUBLIC_ONLY,
    ReadAccess,
    StoredWork,
    readable_outlines,
    works_by_put_code,
)
from orcid_guide.sandbox.orcid.work_cache import kept_record, readable_works
from orcid_guide.sandbox.orcid.work_groups import GROUPING_RELATIONSHIPS, group_works
from orcid_guide.sandbox.orcid.works_paging import Page, page_from

# What the works selector calls each API visibility; Account settings says "Trusted Organizations" for limited.
VISIBILITY_LABELS = {"public": "Everyone", "limited": "Trusted Parties", "private": "Only me"}
# The visibility control's closed button says "Trusted" where its menu says "Trusted Parties"; its options carry
# ORCID's own aria-labels (share.ariaLabelPublic etc.), trailing space and "Only Me" included.
CLOSED_VISIBILITY_LABELS = {"public": "Everyone", "limited": "Trusted", "private": "Only me"}
# How the bulk dialog's sentence names the default visibility (VisibilityStringLabel): "Trusted parties", lower p.
DEFAULT_VISIBILITY_WORDS = {"public": "Everyone", "limited": "Trusted parties", "private": "Only me"}
VISIBILITY_OPTION_ARIA_LABELS = {
    "public": "set item visibility to Everyone",
    "limited": "set item visibility to Trusted Parties ",
    "private": "set item visibility to Only Me",
}

# ORCID's names for the API work types the flows produce.
TYPE_LABELS = {
    "journal-article": "Journal article",
    "book": "Book",
    "book-chapter": "Book chapter",
    "conference-paper": "Conference paper",
    "dissertation-thesis": "Dissertation or Thesis",
    "report": "Report",
    "preprint": "Preprint",
    "data-set": "Dataset",
    "software": "Software",
    "other": "Other",
}


@dataclass(frozen=True)
class ExternalId:
    type: str
    value: str
    url: str


@dataclass(frozen=True)
class WorkSummary:
    put_code: int
    title: str
    journal_title: str
    type: str
    date: str
    url: str
    source_name: str
    visibility: str
    external_ids: tuple[ExternalId, ...]
    added: str = ""  # the day the work came onto the record, YYYY-MM-DD, as ORCID's "Added" shows it

    @property
    def type_label(self) -> str:
        return TYPE_LABELS.get(self.type, self.type.replace("-", " ").capitalize())


def publication_date(year: int | None, month: int | None, day: int | None) -> str:
    """ORCID's partial date: 2021, 2021-05 or 2021-05-14."""
    if year is None:
        return ""
    text = f"{year:04d}"
    if month is not None:
        text += f"-{month:02d}"
        if day is not None:
            text += f"-{day:02d}"
    return text


def summary(work: StoredWork) -> WorkSummary:
    return WorkSummary(
        put_code=work.put_code,
        title=work.title,
        journal_title=work.journal_title,
        type=work.type,
        date=publication_date(work.year, work.month, work.day),
        url=work.url,
        source_name=work.source_name,
        visibility=work.visibility,
        external_ids=tuple(ExternalId(i.type, i.value, i.url) for i in work.external_ids),
        added=datetime.fromtimestamp(work.created_ms / 1000, tz=UTC).date().isoformat(),
    )


def works_for(db: sqlite3.Connection, orcid: str, *, owner: bool) -> list[WorkSummary]:
    """The record's works, newest first; the owner sees all of them, anyone else only public ones.

    The same filter as the API's (stored_works.ReadAccess), so the pages and the API cannot disagree.
    """
    return [summary(work) for work in readable_works(db, orcid, OWNER if owner else PUBLIC_ONLY)]


@dataclass(frozen=True)
class WorkGroupSummary:
    """One entry of the Works panel: the preferred version, and the other versions (sources) of the same work."""

    preferred: WorkSummary
    others: tuple[WorkSummary, ...]

    @property
    def versions(self) -> tuple[WorkSummary, ...]:
        return (self.preferred, *self.others)


@dataclass(frozen=True)
class WorksPanel:
    groups: tuple[WorkGroupSummary, ...]  # the groups on this page
    page: Page


def works_panel(db: sqlite3.Connection, orcid: str, *, owner: bool, args: Mapping[str, str]) -> WorksPanel:
    """The page of groups the query string asks for, grouped as the API groups (work_groups), after the same
    read filter, so a group holds only the versions this viewer may see. The preferred version comes first
    (work_groups orders each group by display index, as ORCID picks its preferred source)."""
    access = OWNER if owner else PUBLIC_ONLY
    kept = kept_record(db, orcid)
    if kept is not None:
        groups = group_works(kept.readable(access))
        page = page_from(args, len(groups))
        return WorksPanel(tuple(_group(members) for members in groups[page.start : page.end]), page)
    return _panel_read_now(db, orcid, access, args)


def _panel_read_now(db: sqlite3.Connection, orcid: str, access: ReadAccess, args: Mapping[str, str]) -> WorksPanel:
    """Without a current read of the whole record (the first view after a change): every work is grouped (a page
    is counted in groups), but only the page's works are read in full, which for a record of thousands of works
    costs a fifth of reading them all."""
    groups = group_works(readable_outlines(db, orcid, access, GROUPING_RELATIONSHIPS))
    page = page_from(args, len(groups))
    on_page = groups[page.start : page.end]
    works = works_by_put_code(db, orcid, [outline.put_code for members in on_page for outline in members])
    shown = []
    for members in on_page:
        # Checked again on the full works: one changed or deleted between the two reads is left out, not leaked.
        versions = [works[o.put_code] for o in members if o.put_code in works and access.allows(works[o.put_code])]
        if versions:
            shown.append(_group(versions))
    return WorksPanel(tuple(shown), page)


def _group(versions: list[StoredWork]) -> WorkGroupSummary:
    return WorkGroupSummary(summary(versions[0]), tuple(summary(work) for work in versions[1:]))
