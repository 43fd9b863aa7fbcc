"""The markers a docs page uses to include a tutorial or its animation, and which pages include which."""

from __future__ import annotations

import re
from pathlib import Path

MARKER = re.compile(r"^<!--\s*tutorial:\s*([A-Za-z0-9_]+)\s*-->\s*$", re.MULTILINE)
ANIMATION_MARKER = re.compile(r"^<!--\s*animation:\s*([A-Za-z0-9_]+)\s*-->\s*$", re.MULTILINE)


def pages_showing(docs: Path, tutorial: str) -> list[str]:
    """Docs-relative paths of the pages that include ``tutorial``."""
    showing = []
    for page in docs.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        if tutorial in MARKER.findall(text) or tutorial in ANIMATION_MARKER.findall(text):
            showing.append(page.relative_to(docs).as_posix())
    return sorted(showing)
