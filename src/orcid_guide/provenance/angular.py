"""Reading the strings an orcid-angular source file renders: ``$localize`` in TypeScript, ``i18n`` in templates.

Angular marks a translatable string in two ways. In TypeScript, ``$localize`:meaning|description@@id:Text```.
In a template, an ``i18n="…@@id"`` attribute marks the element's content, and ``i18n-label="…@@id"`` marks
the value of its ``label`` attribute. This module finds those units with their ids and words, and the words
of a file as a reader would see them, for labels that carry no id.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from orcid_guide.engine.labels import normalise

# A template literal after $localize; its text may hold escaped backticks and ${…} interpolations.
_LOCALIZE = re.compile(r"\$localize\s*`((?:[^`\\]|\\.)*)`", re.DOTALL)
# An opening tag with its attributes; a quoted value may hold ">" (*ngIf="a > b").
_OPEN_TAG = re.compile(r"""<([a-zA-Z][\w.-]*)((?:\s+[^\s=>/"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*(/?)>""")
_ATTRIBUTE = re.compile(r"""([^\s=>/"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?""")
_ANY_TAG = re.compile(r"""<!--.*?-->|</?[a-zA-Z][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>""", re.DOTALL)


@dataclass(frozen=True)
class Unit:
    """One translatable string: its i18n id (empty when it has none) and its words, normalised."""

    id: str
    text: str


def _id_of(meta: str) -> str:
    return meta.split("@@", 1)[1].strip() if "@@" in meta else ""


def words(markup: str) -> str:
    """What a reader reads of a piece of template: tags and comments dropped, entities decoded, spaces collapsed."""
    return normalise(html.unescape(_ANY_TAG.sub(" ", markup)))


def localize_units(source: str) -> list[Unit]:
    units = []
    for match in _LOCALIZE.finditer(source):
        body = match.group(1)
        meta, text = "", body
        if body.startswith(":"):
            end = body.find(":", 1)
            if end > 0:
                meta, text = body[1:end], body[end + 1 :]
        units.append(Unit(_id_of(meta), normalise(text.replace("\\`", "`"))))
    return units


def _attributes(raw: str) -> dict[str, str]:
    found = {}
    for match in _ATTRIBUTE.finditer(raw):
        value = next((group for group in match.groups()[1:] if group is not None), "")
        found[match.group(1)] = value
    return found


def _content(source: str, tag: str, start: int) -> str:
    """The markup between an opening tag ending at ``start`` and its own closing tag."""
    depth = 1
    pattern = re.compile(rf"<(/?){re.escape(tag)}(?=[\s/>])[^>]*?(/?)>", re.IGNORECASE)
    for match in pattern.finditer(source, start):
        if match.group(1):
            depth -= 1
            if depth == 0:
                return source[start : match.start()]
        elif not match.group(2):
            depth += 1
    return source[start:]


def template_units(source: str) -> list[Unit]:
    units = []
    for match in _OPEN_TAG.finditer(source):
        tag, attributes = match.group(1), _attributes(match.group(2))
        for name, meta in attributes.items():
            if name == "i18n" and not match.group(3):
                units.append(Unit(_id_of(meta), words(_content(source, tag, match.end()))))
            elif name.startswith("i18n-"):
                units.append(Unit(_id_of(meta), normalise(html.unescape(attributes.get(name[5:], "")))))
    return units


def units(path: str, source: str) -> list[Unit]:
    """The translatable strings of one file of orcid-angular, by its kind (TypeScript or template)."""
    found = localize_units(source)
    if path.endswith(".html"):
        found += template_units(source)
    return found


def readable(path: str, source: str) -> str:
    """All the words of a file, for finding a label that has no i18n id (a template's text, or the TypeScript)."""
    return words(source) if path.endswith(".html") else normalise(source)
