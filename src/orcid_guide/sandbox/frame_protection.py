"""No sandbox page may be framed by another site (clickjacking): every app sends both headers browsers read."""

from __future__ import annotations

from flask import Flask, Response

HEADERS = {"X-Frame-Options": "DENY", "Content-Security-Policy": "frame-ancestors 'none'"}


def _no_framing(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def install(app: Flask) -> None:
    app.after_request(_no_framing)
