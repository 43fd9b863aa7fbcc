"""The guide's pages as mkdocs.yml's nav orders them, and what each page includes, read from the pages themselves.

Nothing here is kept by hand: a page added to the nav, or a tutorial or animation marker added to a page, is
tested without changing a test.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from orcid_guide.engine.markers import ANIMATION_MARKER, MARKER

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("en", "nl")


@dataclass(frozen=True)
class NavEntry:
    title: str  # in English, as the nav names it
    page: str  # the page's name: its file under docs/LANGUAGE/ without ".md"


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml's own tags (!ENV, !relative) as the plain values they are written with."""


def _untagged(loader: yaml.SafeLoader, _suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    assert isinstance(node, yaml.ScalarNode)
    return loader.construct_scalar(node)


_Loader.add_multi_constructor("!", _untagged)


def _config() -> dict[str, Any]:
    loaded = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    assert isinstance(loaded, dict)
    return loaded


def nav() -> list[NavEntry]:
    entries = []
    for item in _config()["nav"]:
        ((title, file),) = item.items()
        entries.append(NavEntry(str(title), str(file).removesuffix(".md")))
    return entries


def nav_titles() -> dict[str, list[str]]:
    """The nav's titles per language: English as written, the others from the i18n plugin's nav_translations."""
    listed = _config()["plugins"]
    # MkDocs takes plugins as a mapping (as mkdocs.yml writes them) or as a list of names and one-key mappings.
    plugins = (
        dict(listed)
        if isinstance(listed, dict)
        else {name: options for plugin in listed if isinstance(plugin, dict) for name, options in plugin.items()}
    )
    translations = {
        language["locale"]: language.get("nav_translations", {}) for language in plugins["i18n"]["languages"]
    }
    titles = {"en": [entry.title for entry in nav()]}
    for language in LANGUAGES[1:]:
        missing = [title for title in titles["en"] if title not in translations[language]]
        assert not missing, f"mkdocs.yml gives no {language} title (nav_translations) for {missing}"
        titles[language] = [translations[language][title] for title in titles["en"]]
    return titles


PAGES = tuple(entry.page for entry in nav())


def page_url(language: str, page: str) -> str:
    """The page's path from the site root, as a browser sees it."""
    prefix = "" if language == "en" else f"{language}/"
    return f"/{prefix}" if page == "index" else f"/{prefix}{page}/"


def _marked(marker: Any) -> dict[str, list[str]]:
    """Per page (in nav order), the names its English markdown marks, in their order; pages that mark none left out."""
    shown = {page: marker.findall((ROOT / "docs" / "en" / f"{page}.md").read_text(encoding="utf-8")) for page in PAGES}
    return {page: names for page, names in shown.items() if names}


TUTORIALS_SHOWN = _marked(MARKER)
ANIMATIONS_SHOWN = _marked(ANIMATION_MARKER)
