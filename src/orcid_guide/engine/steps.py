"""The step model: one place per step for its words in each language, its action and its screenshot."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from playwright.sync_api import Locator, Page

from orcid_guide.engine.actions import Actions
from orcid_guide.engine.elements import Element
from orcid_guide.engine.env import Env

__all__ = ["Env", "Section", "Step", "Target", "Tutorial"]

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_STEP_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


Locate = Callable[[Page], Locator]
# What a step points at: an element the engine describes itself, or any locator for what it cannot say.
Target = Element | Locate


Words = Mapping[str, str]  # a language's code (as the i18n plugin names it) → the text in that language
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def _words(owner: str, words: Words | None, more: Mapping[str, str]) -> dict[str, str]:
    """A step's or section's words from its language keywords (``en="…", nl="…"``); a keyword that is no
    language code is a misspelt option, not a language."""
    found = {**(words or {}), **more}
    for key in found:
        if not _LANGUAGE.match(key):
            raise TypeError(f"{owner}() got an unexpected keyword argument {key!r}")
    return found


def _in_language(words: Words, language: str, what: str) -> str:
    try:
        return words[language]
    except KeyError:
        raise ValueError(f"{what} has no words in the language {language!r}") from None


@dataclass(frozen=True, init=False)
class Step:
    """One numbered step of a tutorial, with its words in each language of the guide as keywords:
    ``Step("sign-in", en="Click **Sign in**.", nl="Klik op **Sign in**.", target=…)``.

    The runner checks the bold labels, runs ``act`` (navigate, fill, open a menu), takes the screenshot
    with ``target`` marked, then clicks ``target`` unless ``click`` is False.
    """

    id: str
    words: Words
    act: Actions | None
    target: Target | None
    click: bool
    shot: bool
    # When the click on ``target`` downloads a file: the name to keep it under for later steps.
    keep_download: str
    # Targets on which this step cannot run automatically, with the reason shown when it is skipped.
    skip_on: Mapping[str, str]
    # What the screenshot shows, per language, for its alt text, when what the engine knows of the step does not
    # say it well.
    alt: Words

    def __init__(
        self,
        id: str,
        *,
        act: Actions | None = None,
        target: Target | None = None,
        click: bool = True,
        shot: bool = True,
        keep_download: str = "",
        skip_on: Mapping[str, str] | None = None,
        alt: Words | None = None,
        words: Words | None = None,
        **languages: str,
    ) -> None:
        settings = {
            "id": id,
            "words": _words("Step", words, languages),
            "act": act,
            "target": target,
            "click": click,
            "shot": shot,
            "keep_download": keep_download,
            "skip_on": dict(skip_on or {}),
            "alt": dict(alt or {}),
        }
        for name, value in settings.items():
            object.__setattr__(self, name, value)

    def text(self, language: str) -> str:
        return _in_language(self.words, language, f"step {self.id!r}")

    def alt_text(self, language: str) -> str:
        return self.alt.get(language, "")

    @property
    def labels(self) -> tuple[str, ...]:
        """The interface labels the step quotes, in order of first appearance (the same in every language)."""
        return tuple(dict.fromkeys(_BOLD.findall(next(iter(self.words.values()), ""))))

    @property
    def element(self) -> Element | None:
        """The target as an element, named by the step's last label when it names itself not: a step's sentence
        ends on what it clicks ("…, and click **Sign in to ORCID**.")."""
        if not isinstance(self.target, Element):
            return None
        return self.target.named(self.labels[-1]) if self.target.takes_label and self.labels else self.target

    def locate(self, page: Page) -> Locator | None:
        element = self.element
        if element is not None:
            return element.locate(page)
        return self.target(page) if self.target is not None and not isinstance(self.target, Element) else None


@dataclass(frozen=True, init=False)
class Section:
    """A sub-heading before a group of steps, in each language; the numbering of the steps goes on under it.

    ``optional`` marks a demonstration the reader may skip (one that undoes what the steps before it did): its
    heading says so, and ``about`` (one sentence per language) says what it shows.
    """

    before: str  # the id of the group's first step
    id: str  # the heading's id, the same in every language, so a link to it works in either
    words: Words
    optional: bool
    about: Words

    def __init__(
        self,
        before: str,
        id: str,
        *,
        optional: bool = False,
        about: Words | None = None,
        words: Words | None = None,
        **languages: str,
    ) -> None:
        settings = {
            "before": before,
            "id": id,
            "words": _words("Section", words, languages),
            "optional": optional,
            "about": dict(about or {}),
        }
        for name, value in settings.items():
            object.__setattr__(self, name, value)

    def text(self, language: str) -> str:
        return _in_language(self.words, language, f"section {self.id!r}")

    def about_text(self, language: str) -> str:
        return self.about.get(language, "")


@dataclass(frozen=True)
class Tutorial:
    # The loader names a tutorial after its file (engine/loader.py).
    name: str = ""
    steps: tuple[Step, ...] = ()
    # Sub-headings between groups of steps (a long tutorial, or an optional demonstration after the procedure).
    sections: tuple[Section, ...] = ()
    # Runs before step 1 without words or screenshot: the situation the reader is assumed to be in.
    prepare: Actions | None = None
    # Meant to be shown as an animation too (a page's <!-- animation: NAME -->, made by the build from the step
    # screenshots with each frame's caption in the page's language: engine/page_animation.py).
    animation: bool = False
    # Targets on which the whole tutorial cannot run (prepare included), with the reason shown for every step;
    # a step's own skip_on skips that step and what follows it.
    skip_on: Mapping[str, str] = field(default_factory=dict)

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages the tutorial is written in: those of its first step (validate: every step has them)."""
        return tuple(self.steps[0].words) if self.steps else ()

    def __post_init__(self) -> None:
        problems = validate(self)
        if problems:
            raise ValueError(f"tutorial {self.name or '(not yet named)'}: " + "; ".join(problems))


def validate(tutorial: Tutorial) -> list[str]:
    """Why a tutorial cannot be shown in all its languages alike (an empty list when it can)."""
    problems: list[str] = []
    seen: set[str] = set()
    if not tutorial.steps:
        problems.append("it has no steps")
    languages = set(tutorial.languages)
    for number, step in enumerate(tutorial.steps, start=1):
        where = f"step {number} ({step.id})"
        if not _STEP_ID.match(step.id):
            problems.append(f"{where} needs an id of lower-case letters, digits and hyphens")
        if step.id in seen:
            problems.append(f"{where} repeats the id {step.id!r}")
        seen.add(step.id)
        if set(step.words) != languages:
            problems.append(f"{where} is written in {_listed(step.words)}, not in {_listed(languages)}")
        for language, text in step.words.items():
            if not text.strip():
                problems.append(f"{where} has no {language} text")
        quoted = {language: set(_BOLD.findall(text)) for language, text in step.words.items()}
        if len({frozenset(labels) for labels in quoted.values()}) > 1:
            only = sorted(set.union(*quoted.values()) - set.intersection(*quoted.values()))
            problems.append(f"{where} quotes different labels in {_listed(quoted)}: {', '.join(only)}")
        alts = {language for language, text in step.alt.items() if text.strip()}
        if alts and alts != languages:
            problems.append(f"{where} has an alt text in {_listed(alts)} only")
        if any("**" in text or "](" in text for text in step.alt.values()):
            problems.append(f"{where} has Markdown in its alt text, which is plain text")
        if alts and not step.shot:
            problems.append(f"{where} has an alt text but no screenshot")
        if step.keep_download and (step.target is None or not step.click):
            problems.append(f"{where} keeps a download but clicks nothing that could start one")
        if isinstance(step.target, Element) and step.target.takes_label and not step.labels:
            problems.append(f"{where} quotes no label to name its target by; name it")
        if step.shot and step.target is None and step.act is None:
            problems.append(f"{where} takes a screenshot but does nothing to show")
    return problems + _section_problems(tutorial, seen)


def _listed(languages: Iterable[str]) -> str:
    return " and ".join(sorted(languages))


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
        for language in tutorial.languages:
            if not section.words.get(language, "").strip():
                problems.append(f"{where} has no {language} heading")
        abouts = {language for language, text in section.about.items() if text.strip()}
        if abouts and abouts != set(tutorial.languages):
            problems.append(f"{where} says what it is about in {_listed(abouts)} only")
    order = [step.id for step in tutorial.steps]
    known = [section.before for section in tutorial.sections if section.before in order]
    if known != sorted(known, key=order.index):
        problems.append("the sections are not in the order of their steps")
    return problems


def section_before(tutorial: Tutorial, step: Step) -> Section | None:
    return next((section for section in tutorial.sections if section.before == step.id), None)


def screenshot_name(number: int, step: Step) -> str:
    return f"{number:02d}-{step.id}.png"
