"""Static files as the real sites serve theirs: the address names the content, so browsers keep them.

ORCID and Converis serve their scripts and style sheets under content-hashed names with a long cache life.
Here each ``url_for('static', …)`` gains ``?v=`` and the first characters of the file's SHA-256, and the files
are sent with a year's cache life: a changed file gets a new address, an unchanged one is not asked for again
on every page a tutorial opens.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import Any

from flask import Flask

YEAR = 365 * 24 * 3600


def install(app: Flask) -> None:
    if app.static_folder is None:
        return
    folder = Path(app.static_folder)
    app.config["SEND_FILE_MAX_AGE_DEFAULT"] = YEAR

    @cache
    def version(filename: str) -> str:
        path = folder / filename
        return hashlib.sha256(path.read_bytes()).hexdigest()[:12] if path.is_file() else ""

    @app.url_defaults
    def _versioned(endpoint: str, values: dict[str, Any]) -> None:
        if endpoint == "static" and "filename" in values and "v" not in values:
            found = version(str(values["filename"]))
            if found:
                values["v"] = found
