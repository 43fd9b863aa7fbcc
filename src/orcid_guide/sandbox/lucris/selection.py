"""The outputs a researcher has ticked on the publications list, kept per browser session across pages."""

from __future__ import annotations

import sqlite3


def selected(db: sqlite3.Connection, session_key: str) -> set[int]:
    rows = db.execute("SELECT output_id FROM selections WHERE session_key = ?", (session_key,))
    return {row["output_id"] for row in rows}


def set_page(db: sqlite3.Connection, session_key: str, page: list[int], chosen: set[int]) -> None:
    """On one page of the list, exactly ``chosen`` is ticked; what is ticked on other pages stays as it was."""
    with db:
        db.executemany(
            "DELETE FROM selections WHERE session_key = ? AND output_id = ?", [(session_key, i) for i in page]
        )
        db.executemany(
            "INSERT INTO selections (session_key, output_id) VALUES (?, ?)",
            [(session_key, i) for i in page if i in chosen],
        )


def toggle_page(db: sqlite3.Connection, session_key: str, page: list[int]) -> bool:
    """LUCRIS's "Select / Deselect all": tick the whole page, or untick it when all of it is ticked already.

    Returns whether the page is now ticked.
    """
    select = not set(page) <= selected(db, session_key)
    set_page(db, session_key, page, set(page) if select else set())
    return select
