"""MkDocs hook: expands ``<!-- tutorial: NAME -->`` and ``<!-- animation: NAME -->`` in the page's language."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from orcid_guide.engine.expand import animation_markdown, tutorial_markdown
from orcid_guide.engine.loader import load_tutorial
from orcid_guide.engine.markers import ANIMATION_MARKER, MARKER
from orcid_guide.engine.steps import LANGUAGES, Tutorial
from orcid_guide.errors import UserError
from orcid_guide.project import load_project


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

    def tutorial(name: str) -> Tutorial:
        try:
            return load_tutorial(project.tutorials, name)
        except UserError as error:
            raise PluginError(f"{page.file.src_uri}: {error}") from error

    def steps(match: re.Match[str]) -> str:
        name = match.group(1)
        return tutorial_markdown(tutorial(name), _language(page), f"{images}/{name}")

    def animation(match: re.Match[str]) -> str:
        name = match.group(1)
        return animation_markdown(tutorial(name), _language(page), f"{images}/{name}")

    return ANIMATION_MARKER.sub(animation, MARKER.sub(steps, markdown))
