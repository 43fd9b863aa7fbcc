"""The markers a docs page uses to include a tutorial or its animation, and which pages include which."""

from __future__ import annotations

import re
from pathlib import Path

MARKER = re.compile(r"^<!--\s*tutorial:\s*([A-Za-z0-9_]+)\s*-->\s*$", re.MULTILINE)
ANIMATION_MARKER = re.compile(r"^<!--\s*animation:\s*([A-Za-z0-9_]+)\s*-->\s*$", re.MULTILINE)


def pages_showing(docs: Path, tutorial: str) -> list[str]:
    """Docs-relative paths of the pages that include ``tutorial``."""
    return list(pages_by_tutorial(docs).get(tutorial, ()))


def pages_by_tutorial(docs: Path) -> dict[str, tuple[str, ...]]:
    """Every tutorial a page includes → the docs-relative paths of those pages, from one reading of docs/."""
    showing: dict[str, set[str]] = {}
    for page in docs.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        for tutorial in {*MARKER.findall(text), *ANIMATION_MARKER.findall(text)}:
            showing.setdefault(tutorial, set()).add(page.relative_to(docs).as_posix())
    return {tutorial: tuple(sorted(pages)) for tutorial, pages in showing.items()}
