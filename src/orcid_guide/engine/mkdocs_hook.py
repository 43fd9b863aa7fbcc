"""MkDocs hook: expands ``<!-- tutorial: NAME -->`` and ``<!-- animation: NAME -->`` in the page's language.

The tutorials (and Playwright with them) are imported only when an expansion is not already kept from an earlier
build (``expansion_cache``): importing them is most of what the hook costs.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from orcid_guide.engine.expansion_cache import cached, source_key
from orcid_guide.engine.fingerprint import hash_texts
from orcid_guide.engine.markers import ANIMATION_MARKER, MARKER
from orcid_guide.errors import UserError
from orcid_guide.project import load_project

LANGUAGES = ("en", "nl")  # as in engine.steps, which this module does not import (see above)
# Per build: a tutorial shown on several pages and in two languages is hashed once.
_source_keys: dict[str, str] = {}


def on_pre_build(config: MkDocsConfig, **_: Any) -> None:
    _source_keys.clear()


def _language(page: Page) -> str:
    # mkdocs-static-i18n sets file.locale; without it, the language folder is the first path part.
    locale = getattr(page.file, "locale", None) or page.file.src_uri.split("/", 1)[0]
    return locale if locale in LANGUAGES else "en"


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files, **_: Any) -> str:
    if not MARKER.search(markdown) and not ANIMATION_MARKER.search(markdown):
        return markdown
    project = load_project(Path(config.config_file_path).parent)
    page_folder = Path(config.docs_dir, page.file.src_uri).parent
    images = Path(os.path.relpath(project.screenshots, page_folder)).as_posix()

    language = _language(page)

    def expanded(kind: str, name: str) -> str:
        def make() -> str:
            from orcid_guide.engine.expand import animation_markdown, tutorial_markdown
            from orcid_guide.engine.loader import load_tutorial

            try:
                tutorial = load_tutorial(project.tutorials, name)
            except UserError as error:
                raise PluginError(f"{page.file.src_uri}: {error}") from error
            write = tutorial_markdown if kind == "steps" else animation_markdown
            return write(tutorial, language, f"{images}/{name}")

        if not (project.tutorials / f"{name}.py").is_file():
            return make()  # which says that there is no such tutorial
        if name not in _source_keys:
            _source_keys[name] = source_key(project.tutorials, name)
        key = hash_texts([_source_keys[name], kind, language, images])
        return cached(project.work / "hook-cache" / f"{name}-{kind}-{language}.md", key, make)

    markdown = MARKER.sub(lambda match: expanded("steps", match.group(1)), markdown)
    return ANIMATION_MARKER.sub(lambda match: expanded("animation", match.group(1)), markdown)
