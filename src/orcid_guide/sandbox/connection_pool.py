"""Idle SQLite connections to one file, handed to one request at a time and kept for the next.

Opening a connection and running its first statement (which reads the file's header, its write-ahead log index
and its schema) cost more than most whole API answers of the emulator; a pool pays that once per connection.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable

# More idle connections than this are closed: the server has about as many requests at once as it has clients.
KEEP_IDLE = 16


class ConnectionPool:
    def __init__(self, connect: Callable[[], sqlite3.Connection], keep_idle: int = KEEP_IDLE) -> None:
        self._connect = connect
        self._keep_idle = keep_idle
        self._idle: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._closed = False

    def take(self) -> sqlite3.Connection:
        """An idle connection, or a new one when none is idle."""
        with self._lock:
            if self._idle:
                return self._idle.pop()
        return self._connect()

    def give_back(self, connection: sqlite3.Connection) -> None:
        """Return a connection after its request. A transaction left open (a view that failed between BEGIN and
        COMMIT) is rolled back first, so the next request never sees or extends it."""
        if connection.in_transaction:
            connection.rollback()
        with self._lock:
            if not self._closed and len(self._idle) < self._keep_idle:
                self._idle.append(connection)
                return
        connection.close()

    def close(self) -> None:
        """Close the idle connections; connections given back later are closed too (the server has stopped)."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for connection in idle:
            connection.close()
