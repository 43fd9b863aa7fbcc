"""Paging the Works panel as ORCID does: 10, 50 or 100 groups a page (50 unless chosen), pages counted from 1."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from orcid_guide.sandbox.whole_numbers import whole_number

PAGE_SIZES = (10, 50, 100)
DEFAULT_PAGE_SIZE = 50


@dataclass(frozen=True)
class Page:
    number: int  # 1 for the first page
    size: int
    total: int  # groups on the whole record

    @property
    def count(self) -> int:
        """How many pages there are; an empty record still has its one (empty) page."""
        return max(1, -(-self.total // self.size))

    @property
    def start(self) -> int:
        return (self.number - 1) * self.size

    @property
    def end(self) -> int:
        return min(self.start + self.size, self.total)

    @property
    def is_first(self) -> bool:
        return self.number == 1

    @property
    def is_last(self) -> bool:
        return self.number == self.count

    @property
    def shows_paginator(self) -> bool:
        # ORCID shows it only when there is more than one page or someone chose another page size.
        return self.count > 1 or self.size != DEFAULT_PAGE_SIZE

    def query(self, number: int | None = None, **changes: int) -> dict[str, int]:
        """The query string of page ``number`` (this one by default), left out where it is the default, so the
        first page of 50 stays plain /my-orcid."""
        wanted = {"page": self.number if number is None else number, "size": self.size, **changes}
        defaults = {"page": 1, "size": DEFAULT_PAGE_SIZE}
        return {name: value for name, value in wanted.items() if value != defaults[name]}

    @property
    def range_label(self) -> str:
        """The paginator's "1 – 50 of 7166" (Angular Material's words, with ORCID's "of")."""
        if self.total == 0:
            return f"0 of {self.total}"
        return f"{self.start + 1} – {self.end} of {self.total}"


def _whole_number(text: str | None) -> int | None:
    return None if text is None else whole_number(text, high=10**9)


def page_from(args: Mapping[str, str], total: int) -> Page:
    """The page a query string (``page``, ``size``) asks for; a size ORCID does not offer falls back to 50, a
    page past the end to the last one, so an old link after deleting works still shows works."""
    size = _whole_number(args.get("size"))
    if size not in PAGE_SIZES:
        size = DEFAULT_PAGE_SIZE
    assert size is not None
    last = max(1, -(-total // size))
    number = _whole_number(args.get("page")) or 1
    return Page(number=min(max(number, 1), last), size=size, total=total)
