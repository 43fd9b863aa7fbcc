"""Where each tutorial is shown, as a reader knows it: the page's title and the section above its marker.

For the status page (``<!-- run-status -->``), which lists every tutorial with its last runs. Reads the pages'
Markdown only, so the plugin needs neither the tutorials' modules nor Playwright for it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from orcid_guide.engine.markers import MARKER

STATUS_MARKER = re.compile(r"^<!--\s*run-status\s*-->\s*$", re.MULTILINE)
_HEADING = re.compile(r"^(#{1,3})\s+(.+?)\s*$")
_OWN_ID = re.compile(r"\s*\{\s*#([\w-]+)\s*\}\s*$")


def slugify(text: str, separator: str) -> str:
    """A heading's id as Python-Markdown's toc extension makes it (its ``slugify``, which has no type stubs)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[-\s]+", separator, re.sub(r"[^\w\s-]", "", ascii_text).strip().lower())


@dataclass(frozen=True)
class Shown:
    tutorial: str
    page: str  # the page's path in the docs folder, such as "en/auto-update.md"
    title: str  # "Register your ORCID iD in LUCRIS: Type your iD"
    anchor: str  # the id of that section ("" when the marker is under the page title)
    line: int  # where on the page, to list a page's tutorials in reading order


def _heading(line: str) -> tuple[int, str, str] | None:
    found = _HEADING.match(line)
    if found is None:
        return None
    text = found.group(2)
    own = _OWN_ID.search(text)
    text = _OWN_ID.sub("", text)
    return len(found.group(1)), text, own.group(1) if own else slugify(text, "-")


def tutorials_shown(docs: Path, language_folder: str) -> dict[str, Shown]:
    """Tutorial name → where it is first shown among the pages of one language folder ("en", "nl")."""
    shown: dict[str, Shown] = {}
    for page in sorted((docs / language_folder).rglob("*.md")):
        title, section, anchor = page.stem, "", ""
        in_code = False
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines()):
            in_code = in_code != line.startswith("```")
            heading = None if in_code else _heading(line)
            if heading is not None:
                level, text, own_id = heading
                if level == 1:
                    title, section, anchor = text, "", ""
                else:
                    section, anchor = text, own_id
            found = MARKER.match(line)
            if found and found.group(1) not in shown:
                name = f"{title}: {section}" if section else title
                shown[found.group(1)] = Shown(found.group(1), page.relative_to(docs).as_posix(), name, anchor, number)
    return shown
