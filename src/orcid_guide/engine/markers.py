"""The marker a docs page uses to include a tutorial, and which pages include which tutorial."""

from __future__ import annotations

import re
from pathlib import Path

MARKER = re.compile(r"^<!--\s*tutorial:\s*([A-Za-z0-9_]+)\s*-->\s*$", re.MULTILINE)


def pages_showing(docs: Path, tutorial: str) -> list[str]:
    """Docs-relative paths of the pages that include ``tutorial``."""
    return sorted(
        page.relative_to(docs).as_posix()
        for page in docs.rglob("*.md")
        if tutorial in MARKER.findall(page.read_text(encoding="utf-8"))
    )
