"""Where an app may send a browser after sign-in (and back from a form): a path on its own site, nothing else.

One check for every app. A browser drops tabs and newlines from a URL and reads a backslash as a slash, so
``/\\t/evil.example`` and ``/\\evil.example`` both lead to another site; a newline would also break the
Location header. Such targets are refused outright rather than cleaned.
"""

from __future__ import annotations

from urllib.parse import urlsplit


def same_site_path(target: object) -> str | None:
    """``target`` when it is a path on this site (with its query); None for anything else."""
    if not isinstance(target, str) or not target.startswith("/") or target.startswith("//"):
        return None
    if "\\" in target or any(ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F for char in target):
        return None
    if not target.isascii() and any(char.isspace() for char in target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return target
