"""What the engine writes around a tutorial's own words (alt texts, captions, run records), in one language.

The engine has no language of its own: the site gives these words per language in a TOML file, one table per
language code with every field of ``Wording`` (the project's is words.toml beside mkdocs.yml).
"""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from orcid_guide.errors import UserError


@dataclass(frozen=True)
class Wording:
    language: str
    screenshot: str  # what an alt text starts with
    step: str  # "step {number}", inside a sentence
    step_title: str  # "Step {number}", as a caption's title
    showing: str
    # The word between the last two of a list of labels, with its spaces.
    and_: str
    marked: str
    shown_marked: str
    optional: str
    animation_alt: str
    animation_summary: str
    animation_open: str
    months: tuple[str, ...]
    passed: str
    failed: str
    at_step: str
    skipped: str
    never: str
    headers: tuple[str, ...]  # of the status table: steps, last run, against, browser, outcome
    verdicts: tuple[str, ...]  # passed, failed, not run yet


# A file's key for a field: "and" is a Python keyword.
_KEYS = {field.name: field.name.rstrip("_") for field in dataclasses.fields(Wording) if field.name != "language"}
_LENGTHS = {"months": 12, "headers": 5, "verdicts": 3}


def _texts(value: object) -> tuple[str, ...] | None:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        return None
    return tuple(str(item) for item in value)


def wording(table: dict[str, object], language: str, where: str) -> Wording:
    """One language's table of a words file, checked: every key, no other, lists of the right length."""
    missing = sorted(key for key in _KEYS.values() if key not in table)
    unknown = sorted(set(table) - set(_KEYS.values()))
    if missing or unknown:
        problems = [f"no {', '.join(missing)}"] if missing else []
        problems += [f"unknown {', '.join(unknown)}"] if unknown else []
        raise UserError(f"{where}: the words in {language!r} have " + "; ".join(problems) + ".")
    values: dict[str, str | tuple[str, ...]] = {}
    for name, key in _KEYS.items():
        value = table[key]
        if name in _LENGTHS:
            if (
                not isinstance(value, list)
                or len(value) != _LENGTHS[name]
                or not all(isinstance(v, str) for v in value)
            ):
                raise UserError(f"{where}: {key} in {language!r} must be a list of {_LENGTHS[name]} texts.")
            values[name] = tuple(value)
        elif isinstance(value, str):
            values[name] = value
        else:
            raise UserError(f"{where}: {key} in {language!r} must be a text.")
    return Wording(language=language, **values)  # type: ignore[arg-type]


def load_words(path: Path, languages: Iterable[str]) -> dict[str, Wording]:
    """The wording of each of ``languages`` from the words file at ``path``."""
    try:
        tables = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise UserError(f"The words file {path.name} cannot be read: {error}") from error
    words: dict[str, Wording] = {}
    for language in languages:
        table = tables.get(language)
        if not isinstance(table, dict):
            raise UserError(f"{path.name} has no words in the site's language {language!r} (a table [{language}]).")
        words[language] = wording(table, language, path.name)
    return words
