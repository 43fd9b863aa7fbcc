"""Which URLs may become links: http(s) only, in every sandbox app's input checks and templates.

A browser strips leading spaces and control characters and ignores case before it reads a scheme, so
" JaVaScRiPt:..." runs script; the check therefore wants the text to start with http:// or https:// itself.
"""

from __future__ import annotations

import re

from flask import Flask

# ORCID's own rule (orcid-angular URL_REGEXP_BACKEND): a protocol, then a host with a dot in it.
_WEB_URL = re.compile(r"^https?://[\w.-]+(?:\.[\w.-]+)+(?::\d{1,5})?(?:[/?#][^\x00-\x20\x7f]*)?$", re.IGNORECASE)
_LOOPBACK = re.compile(r"^http://(?:127\.0\.0\.1|localhost)(?::\d{1,5})?(?:[/?#][^\x00-\x20\x7f]*)?$")


def is_web_url(text: object) -> bool:
    """True for an http(s) URL with a host (loopback included, where the sandbox's own services live)."""
    return isinstance(text, str) and bool(_WEB_URL.match(text) or _LOOPBACK.match(text))


def install(app: Flask) -> None:
    """Templates write ``{% if url is web_url %}<a href=...>{% else %}text{% endif %}``."""
    app.jinja_env.tests["web_url"] = is_web_url
