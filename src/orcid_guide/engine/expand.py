"""Turning a tutorial into Markdown in one language: numbered steps, each followed by its screenshot."""

from __future__ import annotations

import re

from orcid_guide.engine.shots import ANIMATION
from orcid_guide.engine.steps import Tutorial, screenshot_name

ALT_PREFIX = {"en": "Screenshot", "nl": "Schermafbeelding"}
ANIMATION_ALT = {
    "en": "Animation: the {count} steps above, one after another",
    "nl": "Animatie: de {count} stappen hierboven, na elkaar",
}
_MARKUP = re.compile(r"\*\*|__|`|\[([^\]]*)\]\([^)]*\)")


def plain(markdown: str) -> str:
    """Step text without Markdown markup, for alt text."""
    text = _MARKUP.sub(lambda match: match.group(1) or "", markdown)
    return " ".join(text.replace("[", "(").replace("]", ")").split())


def tutorial_markdown(tutorial: Tutorial, language: str, image_folder: str) -> str:
    """``image_folder`` is the page-relative URL of this tutorial's screenshot folder."""
    lines: list[str] = []
    for number, step in enumerate(tutorial.steps, start=1):
        text = step.text(language).strip().replace("\n", "\n    ")
        lines.append(f"{number}. {text}")
        if step.shot:
            alt = f"{ALT_PREFIX[language]}: {plain(step.text(language))}"
            lines.append("")
            lines.append(f"    ![{alt}]({image_folder}/{screenshot_name(number, step)})")
        lines.append("")
    return "\n".join(lines)


def animation_markdown(tutorial: Tutorial, language: str, image_folder: str) -> str:
    count = sum(step.shot for step in tutorial.steps)
    alt = ANIMATION_ALT[language].format(count=count)
    return f"![{alt}]({image_folder}/{ANIMATION})"
