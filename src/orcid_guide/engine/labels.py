"""Looking for a step's quoted labels on the screen, as a reader would: visible text, placeholders, names."""

from __future__ import annotations

import re

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

# innerText honours visibility and CSS text-transform; attributes cover what a reader sees but is not text.
_SCREEN_TEXT = """() => {
  const parts = [document.body ? document.body.innerText : ""];
  const visible = (el) => !el.checkVisibility || el.checkVisibility();
  for (const el of document.querySelectorAll("[placeholder], [aria-label], input[type=submit], input[type=button]")) {
    if (!visible(el)) continue;
    parts.push(el.getAttribute("placeholder") || "", el.getAttribute("aria-label") || "");
    if (el.type === "submit" || el.type === "button") parts.push(el.value || "");
  }
  for (const select of document.querySelectorAll("select")) {
    if (visible(select)) for (const option of select.options) parts.push(option.text);
  }
  return parts.join("\\n");
}"""


# The same text and normalisation as below, polled in the page until every (normalised) label is in it.
_ALL_SHOWN = f"""(labels) => {{
  const seen = ({_SCREEN_TEXT})().replace(/[\\u2018\\u2019]/g, "'").replace(/[\\u201c\\u201d]/g, '"')
    .replace(/\\s+/g, " ").trim().toLowerCase();
  return labels.every((label) => seen.includes(label));
}}"""


def normalise(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().casefold()


def screen_text(page: Page) -> str:
    return normalise(str(page.evaluate(_SCREEN_TEXT)))


def missing_labels(page: Page, labels: tuple[str, ...]) -> list[str]:
    if not labels:
        return []
    try:
        seen = screen_text(page)
    except PlaywrightError as error:
        # A page navigating away while it is read has no text yet: every label counts as not seen, and the
        # caller waits for them on the page that arrives.
        if "context was destroyed" not in str(error):
            raise
        return list(labels)
    return [label for label in labels if normalise(label) not in seen]


def wait_for_labels(page: Page, labels: tuple[str, ...], timeout_ms: float) -> list[str]:
    """The labels still missing after waiting up to ``timeout_ms`` for all of them (through navigations).

    An action may leave the page loading (a click on a link): its labels are waited for the way Playwright
    waits for an element, by polling in the page, not by sleeping.
    """
    if not labels:
        return []
    try:
        page.wait_for_function(_ALL_SHOWN, arg=[normalise(label) for label in labels], timeout=timeout_ms)
    except PlaywrightTimeout:
        return missing_labels(page, labels)
    return []
