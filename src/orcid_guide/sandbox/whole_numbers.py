"""Whole numbers from text that people and programs send: ASCII digits only, and small enough for SQLite.

``str.isdigit`` also accepts "²" and other digits ``int`` refuses, and SQLite's integers stop at 2**63 - 1, so a
put-code of 99999999999999999999999 would otherwise fail inside the database instead of being refused.
"""

from __future__ import annotations

from werkzeug.routing import IntegerConverter, Map

SQLITE_MAX = 2**63 - 1


def whole_number(text: str, low: int = 0, high: int = SQLITE_MAX) -> int | None:
    """The number ``text`` spells if it is ASCII digits from ``low`` to ``high``; None otherwise."""
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(high)):
        return None
    value = int(text)
    return value if low <= value <= high else None


class PutCodeConverter(IntegerConverter):
    """``<put_code:name>`` in a route: ASCII digits up to SQLite's largest integer, else the route does not match."""

    regex = r"[0-9]{1,19}"

    def __init__(self, url_map: Map) -> None:
        super().__init__(url_map, max=SQLITE_MAX)
