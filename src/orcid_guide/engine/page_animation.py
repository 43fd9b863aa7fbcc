"""The animation a page shows: made when the site is built, from the committed step screenshots, once per
language, each frame captioned with its step's number and words in that language (engine/animation.py).

Made from the baselines rather than kept as a file of its own, it always says what the steps say now.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from orcid_guide.engine.animation import Caption, animate
from orcid_guide.engine.steps import Tutorial, screenshot_name
from orcid_guide.engine.wording import Wording

# Markup a caption drops: a link keeps its words, code its text; bold ("**") stays, to be drawn in bold.
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def caption_words(markdown: str) -> str:
    """A step's words for its caption: its labels still between ``**``, links and code as plain words."""
    return " ".join(_LINK.sub(r"\1", markdown).replace("`", "").replace("__", "").split())


def animation_file(language: str) -> str:
    return f"animation-{language}.png"


def captions(tutorial: Tutorial, words: Wording) -> list[Caption]:
    """One caption per screenshot: "Step N" and the step's words with their bold labels, in ``words``' language."""
    return [
        Caption(words.step_title.format(number=number), caption_words(step.text(words.language)))
        for number, step in enumerate(tutorial.steps, start=1)
        if step.shot
    ]


def page_animations(tutorial: Tutorial, folder: Path, languages: Iterable[Wording]) -> dict[str, bytes]:
    """The captioned animation of each of the site's languages by file name, from the screenshots in ``folder``."""
    frames = [
        (folder / screenshot_name(number, step)).read_bytes()
        for number, step in enumerate(tutorial.steps, start=1)
        if step.shot
    ]
    return {animation_file(words.language): animate(frames, captions(tutorial, words)) for words in languages}
