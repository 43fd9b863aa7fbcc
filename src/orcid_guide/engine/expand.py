"""Turning a tutorial into Markdown in one language: numbered steps, each followed by its screenshot.

What it writes around the steps' own words (alt texts, captions) is the site's, per language: engine/wording.py.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass

from orcid_guide.engine.phone_names import PHONE_CLASS
from orcid_guide.engine.shots import ANIMATION
from orcid_guide.engine.steps import Section, Step, Tutorial, screenshot_name, section_before
from orcid_guide.engine.wording import Wording

# The class of the animation's details block and image (mkdocs-glightbox leaves images of this class alone).
ANIMATION_CLASS = "animation"
_MARKUP = re.compile(r"\*\*|__|`|\[([^\]]*)\]\([^)]*\)")


@dataclass(frozen=True)
class ShotImage:
    """The pixel size of a step's screenshot, and of its crop for narrow screens when it has one."""

    width: int
    height: int
    phone: tuple[int, int] | None = None


def plain(markdown: str) -> str:
    """Step text without Markdown markup."""
    text = _MARKUP.sub(lambda match: match.group(1) or "", markdown)
    return " ".join(text.replace("[", "(").replace("]", ")").split())


def _listed(labels: tuple[str, ...], words: Wording) -> str:
    quoted = [f"“{label}”" for label in labels]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + words.and_ + quoted[-1]


def alt_text(step: Step, number: int, words: Wording) -> str:
    """What the screenshot of ``step`` shows, in ``words``' language: the step's own words for it, or what is
    known. What a step's screenshot shows is known from the step: the runner finds each quoted label on screen at
    that step, and frames the target it acts on."""
    own = step.alt_text(words.language)
    if own:
        return f"{words.screenshot}: {own}"
    parts = [words.step.format(number=number)]
    if step.labels:
        parts.append(words.showing.format(labels=_listed(step.labels, words)))
    if step.target is not None:
        parts.append(words.marked if step.click else words.shown_marked)
    return f"{words.screenshot}: " + ", ".join(parts)


def _quoted(text: str) -> str:
    """Text for an attribute value in attr_list's braces: no straight double quotes (typographic ones instead)."""
    parts = text.split('"')
    return "".join(part + ("“" if index % 2 == 0 else "”") for index, part in enumerate(parts[:-1])) + parts[-1]


def caption_attributes(step: Step, number: int, words: Wording) -> str:
    """The lightbox's caption (mkdocs-glightbox's data-title and data-description): the step's number and words."""
    title = words.step_title.format(number=number)
    text = _quoted(plain(step.text(words.language))).replace("{", "(").replace("}", ")")
    return f'data-title="{title}" data-description="{text}"'


def _attributes(image: ShotImage | None, caption: str = "") -> str:
    if image is None:
        return "{ " + (f"{caption} " if caption else "") + 'loading="lazy" }'
    attributes = (f"{caption} " if caption else "") + f'width="{image.width}" height="{image.height}" loading="lazy"'
    if image.phone is not None:
        attributes += f' .{PHONE_CLASS} data-phone-width="{image.phone[0]}" data-phone-height="{image.phone[1]}"'
    return "{ " + attributes + " }"


def section_markdown(section: Section, words: Wording, level: int) -> list[str]:
    """A section's heading (its id the same in every language) and, for an optional one, what it shows."""
    language = words.language
    heading = section.text(language).strip()
    if section.optional:
        heading = words.optional.format(heading=heading)
    lines = [f"{'#' * level} {heading} {{ #{section.id} }}", ""]
    if section.about_text(language).strip():
        lines += [section.about_text(language).strip(), ""]
    return lines


def tutorial_markdown(
    tutorial: Tutorial,
    words: Wording,
    image_folder: str,
    images: Mapping[str, ShotImage] | None = None,
    heading_level: int = 2,
) -> str:
    """``image_folder`` is the page-relative URL of this tutorial's screenshot folder; ``images`` by file name.

    The steps are numbered through the whole tutorial, also under its sections' headings (``heading_level``), so
    that "step 12" means the same in the text, the alt texts and a failure message.
    """
    lines: list[str] = []
    for number, step in enumerate(tutorial.steps, start=1):
        section = section_before(tutorial, step)
        if section is not None:
            lines += section_markdown(section, words, heading_level)
        text = step.text(words.language).strip().replace("\n", "\n    ")
        lines.append(f"{number}. {text}")
        if step.shot:
            name = screenshot_name(number, step)
            alt = alt_text(step, number, words).replace("[", "(").replace("]", ")")
            lines.append("")
            caption = caption_attributes(step, number, words)
            lines.append(f"    ![{alt}]({image_folder}/{name}){_attributes((images or {}).get(name), caption)}")
        lines.append("")
    return "\n".join(lines)


def animation_markdown(
    tutorial: Tutorial,
    words: Wording,
    image_folder: str,
    size: tuple[int, int] | None = None,
    file_name: str = ANIMATION,
) -> str:
    """The animation behind a closed ``details``: nothing moves until the reader opens it, closing it stops it.

    Under it a link opens the image by itself, where a phone can zoom into it (the lightbox would only fit it to
    the screen again).
    """
    count = sum(step.shot for step in tutorial.steps)
    alt = html.escape(words.animation_alt.format(count=count))
    summary = words.animation_summary.format(count=count)
    attributes = f' width="{size[0]}" height="{size[1]}"' if size else ""
    source = html.escape(f"{image_folder}/{file_name}")
    # Inline HTML: the file is made by the build (engine/page_animation.py), so it is not among the pages' files
    # that MkDocs checks Markdown links against.
    return (
        f'??? {ANIMATION_CLASS} "{summary}"\n\n'
        f'    <img src="{source}" alt="{alt}"{attributes} loading="lazy" class="{ANIMATION_CLASS}">\n\n'
        f'    <a class="{ANIMATION_CLASS}-open" href="{source}">{words.animation_open}</a>\n'
    )
