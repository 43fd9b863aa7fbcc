"""The provenance record (``provenance/*.toml``, one file per site): where each label a tutorial quotes comes from.

A site's file lists its screens (the tutorial steps photographed on them, and for ORCID the orcid-angular
templates behind them) and one ``[[label]]`` per label quoted on a screen: for ORCID the source file, its i18n
ids and the orcid-angular commit it was checked at; for LUCRIS the Leiden guide that quotes it. ``problems``
says, entry by entry, what is missing or left over, so that the record cannot fall behind the tutorials.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from orcid_guide.engine.loader import load_tutorial, tutorial_names
from orcid_guide.engine.markers import pages_showing
from orcid_guide.errors import UserError

ORCID = "orcid"


@dataclass(frozen=True)
class Screen:
    site: str
    name: str
    steps: tuple[str, ...]  # "tutorial/step-id"
    templates: tuple[str, ...] = ()


@dataclass(frozen=True)
class Label:
    site: str
    screen: str
    text: str
    file: str = ""  # ORCID: the orcid-angular file that renders it
    i18n: tuple[str, ...] = ()  # ORCID: its i18n ids, in reading order (a label may be made of several)
    data: str = ""  # ORCID: which of its words come from ORCID's data (a member's name), not from its code
    source: str = ""  # LUCRIS: the guide page that quotes it
    quote: str = ""  # LUCRIS: the sentence of that page that quotes it
    confirmed: bool = True  # LUCRIS: False when no Leiden page quotes it (then ``note`` says why it is used)
    note: str = ""


@dataclass(frozen=True)
class Site:
    name: str  # the file's stem
    title: str
    commit: str  # ORCID: the orcid-angular commit the entries were checked at
    screens: tuple[Screen, ...]
    labels: tuple[Label, ...]


@dataclass(frozen=True)
class Quote:
    """One label as one step quotes it."""

    tutorial: str
    number: int
    step: str
    label: str
    pages: tuple[str, ...]

    @property
    def where(self) -> str:
        return f"step {self.number} ({self.step}) of {self.tutorial}"


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise UserError(f"{where} must be a string or a list of strings.")


def _text(table: dict[str, Any], key: str, where: str) -> str:
    value = table.get(key, "")
    if not isinstance(value, str):
        raise UserError(f"{where}: {key} must be a string.")
    return value


def load_site(path: Path) -> Site:
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise UserError(f"{path.name} is not valid TOML: {error}.") from None
    site = path.stem
    screens = []
    for number, entry in enumerate(table.get("screen", []), start=1):
        where = f"{path.name}, screen {number}"
        screens.append(
            Screen(
                site,
                _text(entry, "name", where),
                _strings(entry.get("steps", []), f"{where}: steps"),
                _strings(entry.get("templates", []), f"{where}: templates"),
            )
        )
    labels = []
    for number, entry in enumerate(table.get("label", []), start=1):
        where = f"{path.name}, label {number}"
        unknown = set(entry) - {"screen", "text", "file", "i18n", "data", "source", "quote", "confirmed", "note"}
        if unknown:
            raise UserError(f"{where} has fields the record does not know: {', '.join(sorted(unknown))}.")
        labels.append(
            Label(
                site,
                _text(entry, "screen", where),
                _text(entry, "text", where),
                _text(entry, "file", where),
                _strings(entry.get("i18n", []), f"{where}: i18n"),
                _text(entry, "data", where),
                _text(entry, "source", where),
                _text(entry, "quote", where),
                bool(entry.get("confirmed", True)),
                _text(entry, "note", where),
            )
        )
    return Site(
        site, _text(table, "title", path.name), _text(table, "commit", path.name), tuple(screens), tuple(labels)
    )


def load_record(folder: Path) -> dict[str, Site]:
    if not folder.is_dir():
        raise UserError(f"There is no provenance record: the folder {folder.name}/ is missing.")
    return {path.stem: load_site(path) for path in sorted(folder.glob("*.toml"))}


def quotes_by_step(tutorials: Path, docs: Path) -> dict[str, list[Quote]]:
    """Every step of every tutorial ("tutorial/step-id") with the labels it quotes (an empty list for none)."""
    found: dict[str, list[Quote]] = {}
    for name in tutorial_names(tutorials):
        pages = tuple(pages_showing(docs, name))
        for number, step in enumerate(load_tutorial(tutorials, name).steps, start=1):
            found[f"{name}/{step.id}"] = [Quote(name, number, step.id, label, pages) for label in step.labels]
    return found


def screen_of_step(record: dict[str, Site]) -> dict[str, list[Screen]]:
    screens: dict[str, list[Screen]] = {}
    for site in record.values():
        for screen in site.screens:
            for step in screen.steps:
                screens.setdefault(step, []).append(screen)
    return screens


def _toml(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _new_entry(site: str, screen: str, label: str) -> str:
    if site == ORCID:
        fields = (
            'file = "src/app/…"  # the orcid-angular file that renders it\ni18n = ["…"]  # its id(s), if any\n'
            f"(find them with: git grep -n -F {_toml(label)} -- src/app, in a checkout of orcid-angular)"
        )
    else:
        fields = 'source = "…"  # the Leiden guide page that quotes it\nquote = "…"  # the sentence quoting it'
    return f"[[label]]\nscreen = {_toml(screen)}\ntext = {_toml(label)}\n{fields}"


def problems(record: dict[str, Site], quotes: dict[str, list[Quote]]) -> list[str]:
    """What the record lacks or holds in excess, one sentence each, saying exactly what to add or remove."""
    found: list[str] = []
    screens = screen_of_step(record)
    for step, step_quotes in quotes.items():
        on = screens.get(step, [])
        if not on:
            found.append(
                f"The step {step} is on no screen of provenance/*.toml: add {_toml(step)} to the steps of the "
                "[[screen]] it is photographed on (orcid.toml, lucris.toml or registries.toml), or add a screen:\n"
                f'[[screen]]\nname = "…"\nsteps = [{_toml(step)}]\ntemplates = ["src/app/…"]  # ORCID only'
            )
            continue
        if len(on) > 1:
            names = ", ".join(f"{screen.site}/{screen.name}" for screen in on)
            found.append(f"The step {step} is on more than one screen ({names}): keep it on one.")
            continue
        screen = on[0]
        entries = {label.text for label in record[screen.site].labels if label.screen == screen.name}
        for quote in step_quotes:
            if quote.label not in entries:
                found.append(
                    f"The label {_toml(quote.label)} quoted in {quote.where} has no provenance: add to "
                    f"provenance/{screen.site}.toml:\n{_new_entry(screen.site, screen.name, quote.label)}"
                )
    for site in record.values():
        for screen in site.screens:
            for step in screen.steps:
                if step not in quotes:
                    found.append(
                        f"The screen {_toml(screen.name)} of provenance/{site.name}.toml names the step {step}, "
                        "which no tutorial has: remove it."
                    )
        known = {screen.name for screen in site.screens}
        for label in site.labels:
            where = f"The label {_toml(label.text)} on the screen {_toml(label.screen)} of provenance/{site.name}.toml"
            if label.screen not in known:
                found.append(f"{where} names a screen the file does not have: add the screen or correct the name.")
                continue
            steps = next(screen.steps for screen in site.screens if screen.name == label.screen)
            if not any(quote.label == label.text for step in steps for quote in quotes.get(step, [])):
                found.append(f"{where} is quoted by no step on that screen: remove the entry.")
            if site.name == ORCID and not label.file:
                found.append(f'{where} names no orcid-angular file: add file = "src/app/…".')
            if site.name != ORCID and not label.source and not (not label.confirmed and label.note):
                found.append(f"{where} names no source: add source and quote, or confirmed = false with a note.")
            if label.quote and label.text not in label.quote:
                found.append(f"{where} has a quote that does not hold the label: copy the sentence that quotes it.")
    return found
