"""Looking for a step's quoted labels on the screen, as a reader would: visible text, placeholders, names."""

from __future__ import annotations

import re

from playwright.sync_api import Page

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


def normalise(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().casefold()


def screen_text(page: Page) -> str:
    return normalise(str(page.evaluate(_SCREEN_TEXT)))


def missing_labels(page: Page, labels: tuple[str, ...]) -> list[str]:
    if not labels:
        return []
    seen = screen_text(page)
    return [label for label in labels if normalise(label) not in seen]
