"""ORCID's grouping of works: works sharing a self or version-of identifier are one group, transitively."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

from orcid_guide.sandbox.orcid.stored_works import StoredExternalId

GROUPING_RELATIONSHIPS = ("self", "version-of")


class Groupable(Protocol):
    """A work as far as grouping goes (a StoredWork, or the WorkOutline a record page groups)."""

    @property
    def put_code(self) -> int: ...

    @property
    def display_index(self) -> int: ...

    @property
    def external_ids(self) -> tuple[StoredExternalId, ...]: ...


W = TypeVar("W", bound=Groupable)


def grouping_ids(work: Groupable) -> list[StoredExternalId]:
    return [ext for ext in work.external_ids if ext.relationship in GROUPING_RELATIONSHIPS]


def group_works(works: Sequence[W]) -> list[list[W]]:
    """Groups in the order of their first work; a work without grouping identifiers is a group of its own."""
    parent = list(range(len(works)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    first_with: dict[tuple[str, str], int] = {}
    for index, work in enumerate(works):
        for ext in grouping_ids(work):
            key = (ext.type, ext.normalized)
            if key in first_with:
                a, b = root(first_with[key]), root(index)
                # The earlier work stays the root, so a group sits where its first work is.
                parent[max(a, b)] = min(a, b)
            else:
                first_with[key] = index
    groups: dict[int, list[W]] = {}
    for index, work in enumerate(works):
        groups.setdefault(root(index), []).append(work)
    return [sorted(members, key=lambda w: (-w.display_index, w.put_code)) for _, members in sorted(groups.items())]


def group_external_ids(members: Sequence[Groupable]) -> list[StoredExternalId]:
    """The group's identifiers: each grouping identifier of its works once (by type and normalized value)."""
    seen: set[tuple[str, str]] = set()
    result = []
    for work in members:
        for ext in grouping_ids(work):
            if (ext.type, ext.normalized) not in seen:
                seen.add((ext.type, ext.normalized))
                result.append(ext)
    return result
