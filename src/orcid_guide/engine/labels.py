"""Finding a step's quoted labels on the screen as a reader reads them: whole labels, exact words and case.

A label counts as shown when a visible element shows exactly those words as a whole: its rendered text
(innerText, so CSS text-transform counts as the reader sees it), one of its text nodes, its accessible name
from ``aria-label``, ``title`` or ``alt``, its placeholder, the value of an input button, or an option of a
visible drop-down list. Only whitespace and typographic quotes are normalised. "Add" is not found inside
"Add works", and "Search & link" is not found where the screen says "Search & Link".
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Mapping
from dataclasses import dataclass

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from orcid_guide.engine.images import Box

# Every whole label a visible element shows, with its box in the viewport. ``wanted`` limits the answer to
# those labels (null: every candidate, for telling a reader what was there instead).
_SHOWN = r"""(wanted) => {
  const norm = (s) => (s || "").replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, " ").trim();
  const keep = wanted ? new Set(wanted) : null;
  // A label is short: an element whose text is far longer cannot show one as a whole.
  const longest = keep ? Math.max(...[...keep].map((l) => l.length)) : 80;
  const found = [];
  const add = (text, rect) => {
    const label = norm(text);
    if (!label || (keep ? !keep.has(label) : label.length > longest)) return;
    if (rect.width <= 0 || rect.height <= 0) return;
    found.push([label, rect.x, rect.y, rect.width, rect.height]);
  };
  const shown = (el) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  const root = document.body;
  if (!root) return found;
  for (const el of root.querySelectorAll("*")) {
    if (!shown(el)) continue;
    const rect = el.getBoundingClientRect();
    const raw = el.textContent || "";
    if (raw.length <= 3 * longest + 40) add(el.innerText, rect);
    for (const name of ["aria-label", "placeholder", "title", "alt"]) {
      if (el.hasAttribute(name)) add(el.getAttribute(name), rect);
    }
    if (el instanceof HTMLInputElement && ["submit", "button", "reset"].includes(el.type)) add(el.value, rect);
    if (el instanceof HTMLSelectElement) for (const option of el.options) add(option.text, rect);
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !shown(parent) || node.data.length > 3 * longest + 40) continue;
    // A text that is all of its element's was found with the element.
    if (norm(parent.textContent) === norm(node.data)) continue;
    range.selectNodeContents(node);
    add(node.data, range.getBoundingClientRect());
  }
  return found;
}"""

_ALL_SHOWN = f"""(wanted) => {{
  const seen = new Set(({_SHOWN})(wanted).map((entry) => entry[0]));
  return wanted.every((label) => seen.has(label));
}}"""


def normalise(text: str) -> str:
    """The words as compared: typographic quotes made plain and whitespace collapsed; case is kept."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class LabelsSeen:
    """Where each quoted label is shown on the screen, in viewport pixels (only boxes inside the viewport)."""

    boxes: Mapping[str, tuple[Box, ...]]
    missing: tuple[str, ...]  # not shown anywhere on the page
    outside: tuple[str, ...]  # shown, but only outside the viewport that is photographed


def _entries(page: Page, wanted: list[str] | None) -> list[tuple[str, Box]]:
    answer = page.evaluate(_SHOWN, wanted)
    return [(str(label), Box(float(x), float(y), float(w), float(h))) for label, x, y, w, h in answer]


def _inside(box: Box, width: float, height: float) -> bool:
    return box.x < width and box.y < height and box.x + box.width > 0 and box.y + box.height > 0


def find_labels(page: Page, labels: tuple[str, ...]) -> LabelsSeen:
    """Look once for ``labels`` on the page as it is now."""
    wanted = {normalise(label): label for label in labels}
    viewport = page.viewport_size or {"width": 0, "height": 0}
    boxes: dict[str, list[Box]] = {label: [] for label in labels}
    anywhere: set[str] = set()
    try:
        entries = _entries(page, list(wanted)) if labels else []
    except PlaywrightError as error:
        # A page navigating away while it is read has no text yet: nothing counts as seen.
        if "context was destroyed" not in str(error):
            raise
        entries = []
    for text, box in entries:
        label = wanted[text]
        anywhere.add(label)
        if _inside(box, viewport["width"], viewport["height"]):
            boxes[label].append(box)
    missing = tuple(label for label in labels if label not in anywhere)
    outside = tuple(label for label in labels if label in anywhere and not boxes[label])
    return LabelsSeen({label: tuple(found) for label, found in boxes.items()}, missing, outside)


def wait_for_labels(page: Page, labels: tuple[str, ...], timeout_ms: float) -> LabelsSeen:
    """Wait up to ``timeout_ms`` until every label is shown (through navigations), then say where each is.

    A step's action may leave the page loading (a click on a link): its labels are waited for the way
    Playwright waits for an element, by polling in the page, not by sleeping.
    """
    seen = find_labels(page, labels)
    if not seen.missing:  # the usual case: the page is loaded, and one look answers
        return seen
    # On a timeout, find_labels says which are missing.
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function(_ALL_SHOWN, arg=[normalise(label) for label in labels], timeout=timeout_ms)
    return find_labels(page, labels)


def shown_texts(page: Page) -> list[str]:
    """Every short whole label on the screen, for saying what was there instead of a missing one."""
    try:
        return list(dict.fromkeys(text for text, _ in _entries(page, None)))
    except PlaywrightError:  # the page may be gone or navigating
        return []


def near_misses(label: str, shown: list[str]) -> list[str]:
    """Labels on the screen that a reader could take for ``label``: other case, or its words with more around."""
    wanted = normalise(label).casefold()
    same_words = [text for text in shown if text.casefold() == wanted and text != normalise(label)]
    whole_words = re.compile(r"(?<!\w)" + re.escape(wanted) + r"(?!\w)")
    longer = [text for text in shown if text.casefold() != wanted and whole_words.search(text.casefold())]
    return (same_words + sorted(longer, key=len))[:3]


def screen_text(page: Page) -> str:
    """The page's visible text, normalised, for telling a control that lost its name from one that is gone."""
    try:
        return normalise(str(page.evaluate("() => document.body ? document.body.innerText : ''")))
    except PlaywrightError:
        return ""
