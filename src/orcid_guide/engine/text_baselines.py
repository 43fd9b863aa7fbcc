"""Text baselines: the accessible structure of what a screenshot shows, as a small text file compared exactly.

The text is Playwright's ARIA snapshot of the page (roles, names, text, states, link addresses). A changed
word or number changes it on any machine, where pixels may differ for other reasons. What changes from run
to run without changing what the reader sees is made stable here, and only that:
- the base URLs of the apps (the sandbox picks free loopback ports each run) become their names, as
  ``{orcid}``, so a link reads the same in every run and on every machine; the same for a base URL written
  percent-encoded inside another address (the ``redirect_uri`` of an OAuth link);
- the value of an OAuth ``state`` parameter in a link's address becomes ``{state}``: it must be unguessable
  (it is what stops a forged authorization reply), so it is new every run, and no reader ever reads it.
The sandbox's fixed clock and fixed ids keep dates, iDs and tokens shown on screen stable already.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from urllib.parse import quote

from playwright.sync_api import Page

SUFFIX = ".aria.yml"
_OAUTH_STATE = re.compile(r"(?<=[?&]state=)[^&#\s\"']+")


def text_name(shot_name: str) -> str:
    """``01-sign-in.png`` → ``01-sign-in.aria.yml``."""
    return shot_name.removesuffix(".png") + SUFFIX


def normalise_snapshot(snapshot: str, urls: Mapping[str, str]) -> str:
    # Longest first, so an address that extends another is replaced whole; also as it is written inside
    # another address's query (an OAuth redirect_uri).
    for name, url in sorted(urls.items(), key=lambda item: -len(item[1])):
        base = url.rstrip("/")
        snapshot = snapshot.replace(base, "{" + name + "}").replace(quote(base, safe=""), "{" + name + "}")
    snapshot = _OAUTH_STATE.sub("{state}", snapshot)
    return snapshot.rstrip("\n") + "\n"


def snapshot(page: Page, urls: Mapping[str, str]) -> str:
    return normalise_snapshot(page.locator("body").aria_snapshot(), urls)


def text_difference(old: str | None, new: str) -> list[str]:
    """The changed lines, as a unified diff without its file header; empty when the texts agree."""
    if old is None:
        return ["(no text baseline yet)"]
    if old == new:
        return []
    lines = difflib.unified_diff(old.splitlines(), new.splitlines(), "baseline", "new", n=1, lineterm="")
    return [line for line in lines if not line.startswith(("---", "+++"))]


def changed_words(difference: list[str]) -> list[tuple[str, str]]:
    """Pairs of (removed line, added line) of a difference, for a one-line summary such as "26 → 27"."""
    removed = [line[1:].strip() for line in difference if line.startswith("-")]
    added = [line[1:].strip() for line in difference if line.startswith("+")]
    return list(zip(removed, added, strict=False))
