"""The step model: one place per step for its English and Dutch words, its action and its screenshot."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Locator, Page

LANGUAGES = ("en", "nl")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_STEP_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Env:
    """What a tutorial may know about where it runs: named base URLs and values such as demo accounts."""

    target: str
    urls: Mapping[str, str]
    values: Mapping[str, str] = field(default_factory=dict)
    # Where this run keeps the files its steps download, for later steps to upload (engine/kept_files.py).
    kept: Path | None = None

    def url(self, name: str, path: str = "/") -> str:
        return self.urls[name].rstrip("/") + path


Action = Callable[[Page, Env], None]
Locate = Callable[[Page], Locator]


@dataclass(frozen=True)
class Step:
    """One numbered step of a tutorial.

    The runner checks the bold labels, runs ``act`` (navigate, fill, open a menu), takes the screenshot
    with ``target`` marked, then clicks ``target`` unless ``click`` is False.
    """

    id: str
    en: str
    nl: str
    act: Action | None = None
    target: Locate | None = None
    click: bool = True
    shot: bool = True
    # When the click on ``target`` downloads a file: the name to keep it under for later steps.
    keep_download: str = ""
    # Targets on which this step cannot run automatically, with the reason shown when it is skipped.
    skip_on: Mapping[str, str] = field(default_factory=dict)
    # What the screenshot shows, for its alt text, when what the engine knows of the step does not say it well.
    alt_en: str = ""
    alt_nl: str = ""

    def text(self, language: str) -> str:
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        return self.en if language == "en" else self.nl

    def alt(self, language: str) -> str:
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        return self.alt_en if language == "en" else self.alt_nl

    @property
    def labels(self) -> tuple[str, ...]:
        """The interface labels the step quotes, in order of first appearance."""
        return tuple(dict.fromkeys(_BOLD.findall(self.en)))


@dataclass(frozen=True)
class Section:
    """A sub-heading before a group of steps, in both languages; the numbering of the steps goes on under it.

    ``optional`` marks a demonstration the reader may skip (one that undoes what the steps before it did): its
    heading says so, and ``about`` (one sentence per language) says what it shows.
    """

    before: str  # the id of the group's first step
    id: str  # the heading's id, the same in both languages, so a link to it works in either
    en: str
    nl: str
    optional: bool = False
    about_en: str = ""
    about_nl: str = ""

    def text(self, language: str) -> str:
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        return self.en if language == "en" else self.nl

    def about(self, language: str) -> str:
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        return self.about_en if language == "en" else self.about_nl


@dataclass(frozen=True)
class Tutorial:
    name: str
    steps: tuple[Step, ...]
    # Sub-headings between groups of steps (a long tutorial, or an optional demonstration after the procedure).
    sections: tuple[Section, ...] = ()
    # Runs before step 1 without words or screenshot: the situation the reader is assumed to be in.
    prepare: Action | None = None
    # Meant to be shown as an animation too (a page's <!-- animation: NAME -->, made by the build from the step
    # screenshots with each frame's caption in the page's language: engine/page_animation.py).
    animation: bool = False

    def __post_init__(self) -> None:
        problems = validate(self)
        if problems:
            raise ValueError(f"tutorial {self.name}: " + "; ".join(problems))


def validate(tutorial: Tutorial) -> list[str]:
    """Why a tutorial cannot be shown in both languages alike (an empty list when it can)."""
    problems: list[str] = []
    seen: set[str] = set()
    if not tutorial.steps:
        problems.append("it has no steps")
    for number, step in enumerate(tutorial.steps, start=1):
        where = f"step {number} ({step.id})"
        if not _STEP_ID.match(step.id):
            problems.append(f"{where} needs an id of lower-case letters, digits and hyphens")
        if step.id in seen:
            problems.append(f"{where} repeats the id {step.id!r}")
        seen.add(step.id)
        for language in LANGUAGES:
            if not step.text(language).strip():
                problems.append(f"{where} has no {language} text")
        english, dutch = set(_BOLD.findall(step.en)), set(_BOLD.findall(step.nl))
        if english != dutch:
            only = sorted(english ^ dutch)
            problems.append(f"{where} quotes different labels in English and Dutch: {', '.join(only)}")
        if bool(step.alt_en.strip()) != bool(step.alt_nl.strip()):
            problems.append(f"{where} has an alt text in one language only")
        if "**" in step.alt_en + step.alt_nl or "](" in step.alt_en + step.alt_nl:
            problems.append(f"{where} has Markdown in its alt text, which is plain text")
        if (step.alt_en or step.alt_nl) and not step.shot:
            problems.append(f"{where} has an alt text but no screenshot")
        if step.keep_download and (step.target is None or not step.click):
            problems.append(f"{where} keeps a download but clicks nothing that could start one")
        if step.shot and step.target is None and step.act is None:
            problems.append(f"{where} takes a screenshot but does nothing to show")
    return problems + _section_problems(tutorial, seen)


def _section_problems(tutorial: Tutorial, step_ids: set[str]) -> list[str]:
    problems: list[str] = []
    starts: set[str] = set()
    ids: set[str] = set()
    for section in tutorial.sections:
        where = f"section {section.id!r}"
        if not _STEP_ID.match(section.id):
            problems.append(f"{where} needs an id of lower-case letters, digits and hyphens")
        if section.id in ids:
            problems.append(f"{where} repeats its id")
        ids.add(section.id)
        if section.before not in step_ids:
            problems.append(f"{where} comes before step {section.before!r}, which the tutorial does not have")
        if section.before in starts:
            problems.append(f"{where} starts at the same step as another section")
        starts.add(section.before)
        for language in LANGUAGES:
            if not section.text(language).strip():
                problems.append(f"{where} has no {language} heading")
        if bool(section.about_en.strip()) != bool(section.about_nl.strip()):
            problems.append(f"{where} says what it is about in one language only")
    order = [step.id for step in tutorial.steps]
    known = [section.before for section in tutorial.sections if section.before in order]
    if known != sorted(known, key=order.index):
        problems.append("the sections are not in the order of their steps")
    return problems


def section_before(tutorial: Tutorial, step: Step) -> Section | None:
    return next((section for section in tutorial.sections if section.before == step.id), None)


def screenshot_name(number: int, step: Step) -> str:
    return f"{number:02d}-{step.id}.png"
