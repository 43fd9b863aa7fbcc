"""The publications list's state in its URL: the Author/Editors filter, the page size (10, 50, 100), the page."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from urllib.parse import urlencode

from flask import abort, url_for
from werkzeug.datastructures import MultiDict

from orcid_guide.sandbox.lucris import people
from orcid_guide.sandbox.whole_numbers import whole_number

PAGE_SIZES = (10, 50, 100)


@dataclass(frozen=True)
class ListQuery:
    author: people.Person | None = None
    size: int = PAGE_SIZES[0]
    page: int = 1

    def url(self, *, size: int | None = None, page: int | None = None) -> str:
        """This list's address, with another page size (which starts again at page 1) or page."""
        size, page = (size, 1) if size is not None else (self.size, page or self.page)
        arguments: dict[str, str] = {}
        if self.author is not None:
            arguments["author"] = self.author.uuid
        if size != PAGE_SIZES[0]:
            arguments["size"] = str(size)
        if page != 1:
            arguments["page"] = str(page)
        path = url_for("publications.publication_list")
        return f"{path}?{urlencode(arguments)}" if arguments else path

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size


def parse(db: sqlite3.Connection, values: MultiDict[str, str]) -> ListQuery:
    """The query in ``values``; a value no link of LUCRIS would make gets a 400 that says what is accepted."""
    author = None
    author_uuid = values.get("author", "").strip()
    if author_uuid:
        author = people.by_uuid(db, author_uuid)
        if author is None:
            abort(400, description="There is no person with this identifier to filter on; pick one with the plus.")
    size_text = values.get("size", str(PAGE_SIZES[0]))
    if size_text not in {str(size) for size in PAGE_SIZES}:
        abort(400, description="The list shows 10, 50 or 100 research outputs per page.")
    page_text = values.get("page", "1")
    page = whole_number(page_text, 1)
    if page is None:
        abort(400, description="A page number is a whole number from 1.")
    return ListQuery(author, int(size_text), page)


def last_page(total: int, size: int) -> int:
    return max(1, -(-total // size))
