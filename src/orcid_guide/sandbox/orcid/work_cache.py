"""Every work of a record as last read, reused while nothing it is read from has changed.

Reading a record's works (three queries and an object per work, identifier and contributor) was half the time of
GET /works and of the record page. The database counts the changes to works, their identifiers and contributors
and to people (``work_changes``, raised by triggers in the changing transaction, so also by writers that bypass
the app). A reader first reads that count; the works it then reads are at least that new, so they may serve every
reader that finds the same count. What is cached is the whole record, whoever may read it: the visibility filter
(ReadAccess) is applied afresh for every reader.

The record pages only use a read that is already kept (``kept_record``): without one they read in full just the
works of the page they show, which for a record of thousands of works is far cheaper than reading all of them.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from orcid_guide.sandbox.orcid.stored_works import ReadAccess, StoredWork, record_works

# Records kept at once (each holds all its works); the least recently read goes first.
KEEP_RECORDS = 64


@dataclass(frozen=True)
class RecordWorks:
    works: tuple[StoredWork, ...]  # newest publication first
    by_put_code: dict[int, StoredWork] = field(compare=False)

    def readable(self, access: ReadAccess) -> list[StoredWork]:
        return [work for work in self.works if access.allows(work)]

    def find(self, put_code: int) -> StoredWork | None:
        """The work with this put-code, whoever may read it (callers check access)."""
        return self.by_put_code.get(put_code)


def _read(db: sqlite3.Connection, orcid: str) -> RecordWorks:
    works = tuple(record_works(db, orcid))
    return RecordWorks(works, {work.put_code: work for work in works})


class WorkCache:
    def __init__(self, keep: int = KEEP_RECORDS) -> None:
        self._keep = keep
        self._lock = threading.Lock()
        # (the file's generation, iD) -> (the change count it was read at, the works)
        self._records: OrderedDict[tuple[str, str], tuple[int, RecordWorks]] = OrderedDict()

    def record(self, db: sqlite3.Connection, orcid: str) -> RecordWorks:
        """The record's works, reused from a read at the current change count or read now (and kept)."""
        kept, key, count = self._lookup(db, orcid)
        if kept is not None:
            return kept
        record = _read(db, orcid)
        if key is not None:
            with self._lock:
                self._records[key] = (count, record)
                self._records.move_to_end(key)
                while len(self._records) > self._keep:
                    self._records.popitem(last=False)
        return record

    def kept(self, db: sqlite3.Connection, orcid: str) -> RecordWorks | None:
        """The record's works if a read at the current change count is kept, else None (nothing is read)."""
        return self._lookup(db, orcid)[0]

    def _lookup(self, db: sqlite3.Connection, orcid: str) -> tuple[RecordWorks | None, tuple[str, str] | None, int]:
        if db.in_transaction:
            # Inside a transaction the count and the works may be changes not yet committed (or never): such a
            # reader neither uses nor keeps a read.
            return None, None, 0
        generation, count = db.execute("SELECT generation, count FROM work_changes").fetchone()
        key = (str(generation), orcid)
        with self._lock:
            kept = self._records.get(key)
            if kept is None or kept[0] != count:
                return None, key, int(count)
            self._records.move_to_end(key)
            return kept[1], key, int(count)


_CACHE = WorkCache()


def cached_record(db: sqlite3.Connection, orcid: str) -> RecordWorks:
    """The record's works, read now or reused from a read at the same change count of the same file."""
    return _CACHE.record(db, orcid)


def kept_record(db: sqlite3.Connection, orcid: str) -> RecordWorks | None:
    """The record's works if they were read at the current change count of this file, else None."""
    return _CACHE.kept(db, orcid)


def readable_works(db: sqlite3.Connection, orcid: str, access: ReadAccess) -> list[StoredWork]:
    """The record's works this caller may read, newest publication first (the order groups are listed in)."""
    return cached_record(db, orcid).readable(access)


def find_work(db: sqlite3.Connection, orcid: str, put_code: int) -> StoredWork | None:
    """The work with this put-code on this record, whoever may read it (callers check access)."""
    return cached_record(db, orcid).find(put_code)
