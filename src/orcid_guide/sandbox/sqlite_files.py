"""How every sandbox app opens its SQLite file: write-ahead log, and commits that survive a killed process.

WAL lets pages read while a write is under way, and a crash mid-write leaves the last committed state: SQLite
replays or ignores the log on the next open. ``synchronous`` says how hard a commit waits for the disk:

- NORMAL (chosen): a COMMIT has written its pages to the log file (the operating system holds them) before it
  returns, so a process killed with SIGKILL right after it loses nothing; only a power cut or kernel crash can
  lose the last commits (never corrupting the file). The emulators need no more, and it costs no fsync per write.
- FULL: every COMMIT also waits for an fsync of the log, so acknowledged writes survive a power cut too.
"""

from __future__ import annotations

import sqlite3

SYNCHRONOUS = "NORMAL"


def use_wal(connection: sqlite3.Connection) -> None:
    """Switch the file to write-ahead logging (kept in the file; call it outside a transaction)."""
    connection.execute("PRAGMA journal_mode = WAL")


def tune(connection: sqlite3.Connection) -> None:
    """Per-connection settings: how durable a commit is (``synchronous`` is not stored in the file)."""
    connection.execute(f"PRAGMA synchronous = {SYNCHRONOUS}")
