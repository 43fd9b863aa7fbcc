"""The MkDocs plugin ``orcid-guide``: expands ``<!-- tutorial: NAME -->``, ``<!-- animation: NAME -->`` and the
run-status marker in the page's language.

The site's languages are the i18n plugin's (mkdocs-static-i18n), or the theme's language on a site without it;
what the engine writes around the steps' words comes, per language, from the site's words file
(engine/wording.py). Each step screenshot gets its pixel size and lazy loading; a screenshot with a marked element
also gets the region around that element for narrow screens (engine/phone_crop.py), written beside it in the
built site.

The tutorials (and Playwright with them) and Pillow are imported only when an expansion is not already kept from
an earlier build (``expansion_cache``): importing them, and measuring and cropping screenshots, is most of what
the plugin costs. The phone crops are kept beside the expansions and copied into the site from there, and so are
the animations, made here from the step screenshots with each frame's caption in the page's language.
"""

from __future__ import annotations

import functools
import os
import posixpath
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from orcid_guide.engine.expansion_cache import cached, engine_key, kept_files, screenshots_key, source_key
from orcid_guide.engine.fingerprint import hash_texts
from orcid_guide.engine.markers import ANIMATION_MARKER, MARKER
from orcid_guide.engine.phone_names import PHONE_CLASS, PHONE_FOLDER
from orcid_guide.engine.run_record import RUNS_FILE, RunOutcome, Runs, load_runs, shown_runs
from orcid_guide.engine.run_status import STATUS_MARKER, tutorials_shown
from orcid_guide.engine.run_text import StatusRow, run_html, status_html
from orcid_guide.engine.wording import Wording, load_words
from orcid_guide.errors import UserError

if TYPE_CHECKING:
    from orcid_guide.engine.steps import Tutorial

_PHONE_IMAGE = re.compile(r'<img (?=[^>]*class="[^"]*\b' + PHONE_CLASS + r"\b)[^>]*>")
_ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')
ANIMATION_FOLDER = "animations"


# MkDocs's Config and BasePlugin set up their subclasses in an untyped __init_subclass__.
class OrcidGuideConfig(base.Config):  # type: ignore[no-untyped-call]
    """Paths are relative to mkdocs.yml."""

    tutorials = c.Dir(exists=True, default="tutorials")
    screenshots = c.Dir(exists=True, default="docs/assets/screenshots")
    # Where expansions, phone crops and animations are kept between builds.
    cache = c.Type(str, default="build/expansion-cache")
    # This machine's record of runs (orcid-guide shoot writes it; the committed one is beside the screenshots).
    runs = c.Type(str, default="build/runs.json")
    words = c.File(exists=True, default="words.toml")
    # Up to this width (CSS pixels) a page shows the phone crop; the whole screenshot is one tap away.
    phone_width = c.Type(int, default=600)


def site_languages(config: MkDocsConfig) -> tuple[list[str], str]:
    """The languages the site is built in and its default one: the i18n plugin's, else the theme's language."""
    i18n: Any = config.plugins.get("i18n")
    if i18n is not None:
        languages = [language.locale for language in i18n.config.languages]
        default = next((language.locale for language in i18n.config.languages if language.default), languages[0])
        return languages, default
    theme = str(config.theme.get("language") or config.theme.locale)
    return [theme], theme


class OrcidGuidePlugin(BasePlugin[OrcidGuideConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        super().__init__()
        self.words: dict[str, Wording] = {}
        self.default_language = ""
        # Per build: a tutorial shown on several pages and in several languages is hashed once.
        self._keys: dict[str, str] = {}
        self._engine = ""  # per build: the engine's hash, the same for every tutorial
        # Per build, read afresh by each, so a run between two builds is never missed: the committed record of
        # runs and this machine's.
        self._runs: tuple[Runs, Runs] | None = None
        # Per build: the kept phone crops of each tutorial whose steps were shown, to copy into the site at the end.
        self._crop_folders: dict[str, Path] = {}
        # Per build: the kept captioned animations (one per language) of each tutorial whose animation was shown.
        self._animation_folders: dict[str, Path] = {}

    def _path(self, config: MkDocsConfig, value: str) -> Path:
        return Path(config.config_file_path).parent / value

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        languages, self.default_language = site_languages(config)
        try:
            self.words = load_words(Path(self.config.words), languages)
        except UserError as error:
            raise PluginError(str(error)) from error
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        i18n: Any = config.plugins.get("i18n")
        # The i18n plugin builds each further language inside the first one's build, from the same sources: the
        # tutorials' keys still hold (hashing a tutorial and its helpers is most of what an unchanged build costs).
        if not getattr(i18n, "building", False):
            self._keys.clear()
            self._engine = ""
        self._crop_folders.clear()
        self._animation_folders.clear()
        self._runs = None

    def runs(self, config: MkDocsConfig) -> tuple[Runs, Runs]:
        """The committed record of runs and this machine's, read once per build."""
        if self._runs is None:
            self._runs = (
                load_runs(Path(self.config.screenshots) / RUNS_FILE),
                load_runs(self._path(config, self.config.runs)),
            )
        return self._runs

    def _language(self, page: Page) -> str:
        # mkdocs-static-i18n sets file.locale; without it, the language folder is the first path part.
        locale = getattr(page.file, "locale", None) or page.file.src_uri.split("/", 1)[0]
        return locale if locale in self.words else self.default_language

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not MARKER.search(markdown) and not ANIMATION_MARKER.search(markdown) and not STATUS_MARKER.search(markdown):
            return markdown
        return _PageExpansion(self, markdown, page, config, files).expanded()

    # After mkdocs-glightbox has wrapped each image in its link to the whole screenshot.
    @event_priority(-10)
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        media = f"(max-width: {self.config.phone_width}px)"
        return _PHONE_IMAGE.sub(lambda match: phone_picture(match.group(0), media), html)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        screenshots = Path(config.site_dir, os.path.relpath(self.config.screenshots, config.docs_dir))
        for tutorial, kept in self._animation_folders.items():
            _place(kept, screenshots / tutorial)
        for tutorial, kept in self._crop_folders.items():
            _place(kept, screenshots / tutorial / PHONE_FOLDER)


class _PageExpansion:
    """One page's markers, expanded in the page's language."""

    def __init__(self, plugin: OrcidGuidePlugin, markdown: str, page: Page, config: MkDocsConfig, files: Files):
        self.plugin, self.markdown, self.page, self.config, self.files = plugin, markdown, page, config, files
        settings = plugin.config
        self.tutorials, self.screenshots = Path(settings.tutorials), Path(settings.screenshots)
        self.cache = plugin._path(config, settings.cache)
        self.committed, self.local = plugin.runs(config)
        self.targets = config.extra.get("run_targets", {})
        self.words = plugin.words[plugin._language(page)]
        page_folder = Path(config.docs_dir, page.file.src_uri).parent
        self.images = Path(os.path.relpath(self.screenshots, page_folder)).as_posix()
        # The animation is inline HTML, which MkDocs does not rewrite: its address is relative to the built page.
        site_images = Path(os.path.relpath(self.screenshots, config.docs_dir)).as_posix()
        self.built_images = posixpath.relpath(site_images, page.url.rstrip("/") or ".")

    def expanded(self) -> str:
        markdown = MARKER.sub(self._with_runs, self.markdown)
        markdown = STATUS_MARKER.sub(lambda match: self._status(), markdown)
        return ANIMATION_MARKER.sub(lambda match: self._kept("animation", match.group(1)), markdown)

    def _runs(self, name: str) -> list[RunOutcome]:
        return shown_runs(name, self.committed, self.local)

    def _with_runs(self, match: re.Match[str]) -> str:
        name = match.group(1)
        level = _sub_heading_level(self.markdown[: match.start()])
        # Not part of the kept expansion: a new run changes this line and nothing else.
        return self._kept("steps", name, level) + "\n" + run_html(self._runs(name), self.words, self.targets)

    def _tutorial(self, name: str) -> Tutorial:
        from orcid_guide.engine.loader import load_tutorial

        try:
            return load_tutorial(self.tutorials, name)
        except UserError as error:
            raise PluginError(f"{self.page.file.src_uri}: {error}") from error

    def _steps(self, name: str, crops: Path, level: int) -> str:
        from orcid_guide.engine.expand import tutorial_markdown
        from orcid_guide.engine.shot_sizes import shot_images

        shown = self._tutorial(name)
        sizes, phone = shot_images(shown, self.screenshots / name)
        kept_files(crops, phone)
        return tutorial_markdown(shown, self.words, f"{self.images}/{name}", sizes, heading_level=level)

    def _animation(self, name: str, kept: Path) -> str:
        from orcid_guide.engine.expand import animation_markdown
        from orcid_guide.engine.page_animation import animation_file, page_animations
        from orcid_guide.engine.shot_sizes import image_size

        shown = self._tutorial(name)
        if not kept.is_dir():
            kept_files(kept, page_animations(shown, self.screenshots / name, self.plugin.words.values()))
        file_name = animation_file(self.words.language)
        size = image_size(kept / file_name)
        return animation_markdown(shown, self.words, f"{self.built_images}/{name}", size, file_name)

    def _kept(self, kind: str, name: str, level: int = 2) -> str:
        keys = self.plugin._keys
        if not (self.tutorials / f"{name}.py").is_file():
            self._tutorial(name)  # which says that there is no such tutorial
        if name not in keys:
            self.plugin._engine = self.plugin._engine or engine_key()
            every_language = repr(sorted(self.plugin.words.items()))
            source = source_key(self.tutorials, name, self.plugin._engine)
            keys[name] = hash_texts([source, screenshots_key(self.screenshots / name), every_language])
        language = self.words.language
        kept = self.cache / f"{name}-{kind}-{language}.md"
        make: Callable[[], str]
        if kind == "animation":
            movies = self.cache / ANIMATION_FOLDER / name / keys[name]
            if not movies.is_dir():
                kept.unlink(missing_ok=True)  # an expansion is only good with its animations
            self.plugin._animation_folders[name] = movies
            key = hash_texts([keys[name], kind, language, self.built_images])
            make = functools.partial(self._animation, name, movies)
        else:
            crops = self.cache / PHONE_FOLDER / name / keys[name]
            if not crops.is_dir():
                kept.unlink(missing_ok=True)  # an expansion is only good with its crops
            self.plugin._crop_folders[name] = crops
            key = hash_texts([keys[name], kind, language, self.images, str(level)])
            make = functools.partial(self._steps, name, crops, level)
        try:
            return cached(kept, key, make)
        except ValueError as error:  # a tutorial not written in this page's language
            raise PluginError(f"{self.page.file.src_uri}: tutorial {name}: {error}") from error

    def _status(self) -> str:
        folder = self.page.file.src_uri.split("/", 1)[0]
        shown = tutorials_shown(Path(self.config.docs_dir), folder)
        rows: list[tuple[int, int, StatusRow]] = []
        # As engine.loader lists them, without importing it (and Playwright with it).
        for name in sorted(path.stem for path in self.tutorials.glob("*.py") if not path.stem.startswith("_")):
            where = shown.get(name)
            shown_on = self.files.get_file_from_path(where.page) if where is not None else None
            if where is None or shown_on is None:
                continue  # a tutorial on no page of this language is no reader's concern
            link = shown_on.url_relative_to(self.page.file) + (f"#{where.anchor}" if where.anchor else "")
            row = StatusRow(where.title, link, self._runs(name))
            rows.append((_reading_order(self.config, where.page.removeprefix(f"{folder}/")), where.line, row))
        return status_html([row for *_, row in sorted(rows, key=lambda r: r[:2])], self.words, self.targets)


def _place(kept: Path, folder: Path) -> None:
    """The files kept in ``kept`` into the site's ``folder``: linked, which spares reading and writing them, where
    the site and the cache share a file system. Neither is written in place (a new key gets a new folder, and
    MkDocs clears the site by removing its files), so a link is as good as a copy."""
    folder.mkdir(parents=True, exist_ok=True)
    for file in kept.iterdir():
        target = folder / file.name
        target.unlink(missing_ok=True)
        try:
            os.link(file, target)
        except OSError:  # another file system, or one without links
            shutil.copyfile(file, target)


def _sub_heading_level(above: str) -> int:
    """One level below the heading the marker stands under (a tutorial's sections are part of that section)."""
    prose = re.sub(r"^(```|~~~).*?^\1", "", above, flags=re.MULTILINE | re.DOTALL)  # a "# comment" in code is none
    levels = [len(found.group(1)) for found in re.finditer(r"^(#{1,5})\s", prose, re.MULTILINE)]
    return min(6, (levels[-1] if levels else 1) + 1)


def _reading_order(config: MkDocsConfig, page: str) -> int:
    """Where ``page`` (as the nav names it, "auto-update.md") comes in the navigation; pages outside it last."""
    pages = [next(iter(item.values())) if isinstance(item, dict) else item for item in config.nav or []]
    return pages.index(page) if page in pages else len(pages)


def phone_picture(image_tag: str, media: str) -> str:
    """An ``<img>`` with a phone crop, as a ``<picture>`` that shows the crop on screens ``media`` matches."""
    attributes = dict(_ATTRIBUTE.findall(image_tag))
    source = attributes["src"]
    folder, _, name = source.rpartition("/")
    crop = f"{folder}/{PHONE_FOLDER}/{name}" if folder else f"{PHONE_FOLDER}/{name}"
    width, height = attributes.get("data-phone-width", ""), attributes.get("data-phone-height", "")
    return f'<picture><source media="{media}" srcset="{crop}" width="{width}" height="{height}">{image_tag}</picture>'
