"""MkDocs hook: expands ``<!-- tutorial: NAME -->`` and ``<!-- animation: NAME -->`` in the page's language.

Each step screenshot gets its pixel size and lazy loading; a screenshot with a marked element also gets the
region around that element for narrow screens (engine/phone_crop.py), written beside it in the built site.

The tutorials (and Playwright with them) and Pillow are imported only when an expansion is not already kept from
an earlier build (``expansion_cache``): importing them, and measuring and cropping screenshots, is most of what
the hook costs. The phone crops are kept beside the expansions and copied into the site from there, and so are
the animations, made here from the step screenshots with each frame's caption in the page's language.
"""

from __future__ import annotations

import os
import posixpath
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from orcid_guide.engine.expansion_cache import cached, kept_files, screenshots_key, source_key
from orcid_guide.engine.fingerprint import hash_texts
from orcid_guide.engine.markers import ANIMATION_MARKER, MARKER
from orcid_guide.engine.phone_names import PHONE_CLASS, PHONE_FOLDER
from orcid_guide.engine.run_record import RUNS_FILE, load_runs, shown_runs
from orcid_guide.engine.run_status import STATUS_MARKER, tutorials_shown
from orcid_guide.engine.run_text import StatusRow, run_html, status_html
from orcid_guide.errors import UserError
from orcid_guide.project import load_project

if TYPE_CHECKING:
    from orcid_guide.engine.steps import Tutorial

LANGUAGES = ("en", "nl")  # as in engine.steps, which this module does not import (see above)
# Below this width (CSS pixels) a page shows the crop; the whole screenshot is one tap away in the lightbox.
PHONE_MEDIA = "(max-width: 600px)"
_PHONE_IMAGE = re.compile(r'<img (?=[^>]*class="[^"]*\b' + PHONE_CLASS + r"\b)[^>]*>")
_ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')
# Per build: a tutorial shown on several pages and in two languages is hashed once.
_keys: dict[str, str] = {}
# Per build: the kept phone crops of each tutorial whose steps were shown, to copy into the site at the end.
_crop_folders: dict[str, Path] = {}
# Per build: the kept captioned animations (one per language) of each tutorial whose animation was shown.
_animation_folders: dict[str, Path] = {}
ANIMATION_FOLDER = "animations"


def on_pre_build(config: MkDocsConfig, **_: Any) -> None:
    _keys.clear()
    _crop_folders.clear()
    _animation_folders.clear()


def _language(page: Page) -> str:
    # mkdocs-static-i18n sets file.locale; without it, the language folder is the first path part.
    locale = getattr(page.file, "locale", None) or page.file.src_uri.split("/", 1)[0]
    return locale if locale in LANGUAGES else "en"


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files, **_: Any) -> str:
    if not MARKER.search(markdown) and not ANIMATION_MARKER.search(markdown) and not STATUS_MARKER.search(markdown):
        return markdown
    project = load_project(Path(config.config_file_path).parent)
    # When each tutorial last ran: read afresh on every page, so a run between two builds is never missed.
    committed, local = load_runs(project.screenshots / RUNS_FILE), load_runs(project.work / RUNS_FILE)
    targets = config.extra.get("run_targets", {})
    page_folder = Path(config.docs_dir, page.file.src_uri).parent
    images = Path(os.path.relpath(project.screenshots, page_folder)).as_posix()
    language = _language(page)
    cache = project.work / "hook-cache"
    # The animation is inline HTML, which MkDocs does not rewrite: its address is relative to the built page.
    site_images = Path(os.path.relpath(project.screenshots, config.docs_dir)).as_posix()
    built_images = posixpath.relpath(site_images, page.url.rstrip("/") or ".")

    def steps(name: str, crops: Path, level: int) -> str:
        from orcid_guide.engine.expand import tutorial_markdown
        from orcid_guide.engine.shot_sizes import shot_images

        shown = tutorial(name)
        sizes, phone = shot_images(shown, project.screenshots / name)
        kept_files(crops, phone)
        return tutorial_markdown(shown, language, f"{images}/{name}", sizes, heading_level=level)

    def animation(name: str, kept: Path) -> str:
        from orcid_guide.engine.expand import animation_markdown
        from orcid_guide.engine.page_animation import animation_file, page_animations
        from orcid_guide.engine.shot_sizes import image_size

        shown = tutorial(name)
        if not kept.is_dir():
            kept_files(kept, page_animations(shown, project.screenshots / name))
        file_name = animation_file(language)
        size = image_size(kept / file_name)
        return animation_markdown(shown, language, f"{built_images}/{name}", size, file_name)

    def tutorial(name: str) -> Tutorial:
        from orcid_guide.engine.loader import load_tutorial

        try:
            return load_tutorial(project.tutorials, name)
        except UserError as error:
            raise PluginError(f"{page.file.src_uri}: {error}") from error

    def expanded(kind: str, name: str, level: int = 2) -> str:
        if not (project.tutorials / f"{name}.py").is_file():
            tutorial(name)  # which says that there is no such tutorial
        if name not in _keys:
            _keys[name] = hash_texts([source_key(project.tutorials, name), screenshots_key(project.screenshots / name)])
        kept = cache / f"{name}-{kind}-{language}.md"
        if kind == "animation":
            movies = cache / ANIMATION_FOLDER / name / _keys[name]
            if not movies.is_dir():
                kept.unlink(missing_ok=True)  # an expansion is only good with its animations
            _animation_folders[name] = movies
            key = hash_texts([_keys[name], kind, language, built_images])
            return cached(kept, key, lambda: animation(name, movies))
        crops = cache / PHONE_FOLDER / name / _keys[name]
        if not crops.is_dir():
            kept.unlink(missing_ok=True)  # an expansion is only good with its crops
        _crop_folders[name] = crops
        key = hash_texts([_keys[name], kind, language, images, str(level)])
        return cached(kept, key, lambda: steps(name, crops, level))

    def with_runs(match: re.Match[str]) -> str:
        name = match.group(1)
        level = _sub_heading_level(markdown[: match.start()])
        # Not part of the kept expansion: a new run changes this line and nothing else.
        return expanded("steps", name, level) + "\n" + run_html(shown_runs(name, committed, local), language, targets)

    def status() -> str:
        folder = page.file.src_uri.split("/", 1)[0]
        shown = tutorials_shown(Path(config.docs_dir), folder)
        rows: list[tuple[int, int, StatusRow]] = []
        # As engine.loader lists them, without importing it (and Playwright with it).
        for name in sorted(path.stem for path in project.tutorials.glob("*.py") if not path.stem.startswith("_")):
            where = shown.get(name)
            shown_on = files.get_file_from_path(where.page) if where is not None else None
            if where is None or shown_on is None:
                continue  # a tutorial on no page of this language is no reader's concern
            link = shown_on.url_relative_to(page.file) + (f"#{where.anchor}" if where.anchor else "")
            row = StatusRow(where.title, link, shown_runs(name, committed, local))
            rows.append((_reading_order(config, where.page.removeprefix(f"{folder}/")), where.line, row))
        return status_html([row for *_, row in sorted(rows, key=lambda r: r[:2])], language, targets)

    markdown = MARKER.sub(with_runs, markdown)
    markdown = STATUS_MARKER.sub(lambda match: status(), markdown)
    return ANIMATION_MARKER.sub(lambda match: expanded("animation", match.group(1)), markdown)


def _sub_heading_level(above: str) -> int:
    """One level below the heading the marker stands under (a tutorial's sections are part of that section)."""
    prose = re.sub(r"^(```|~~~).*?^\1", "", above, flags=re.MULTILINE | re.DOTALL)  # a "# comment" in code is none
    levels = [len(found.group(1)) for found in re.finditer(r"^(#{1,5})\s", prose, re.MULTILINE)]
    return min(6, (levels[-1] if levels else 1) + 1)


def _reading_order(config: MkDocsConfig, page: str) -> int:
    """Where ``page`` (as the nav names it, "auto-update.md") comes in the navigation; pages outside it last."""
    pages = [next(iter(item.values())) if isinstance(item, dict) else item for item in config.nav or []]
    return pages.index(page) if page in pages else len(pages)


def phone_picture(image_tag: str) -> str:
    """An ``<img>`` with a phone crop, as a ``<picture>`` that shows the crop on narrow screens."""
    attributes = dict(_ATTRIBUTE.findall(image_tag))
    source = attributes["src"]
    folder, _, name = source.rpartition("/")
    crop = f"{folder}/{PHONE_FOLDER}/{name}" if folder else f"{PHONE_FOLDER}/{name}"
    width, height = attributes.get("data-phone-width", ""), attributes.get("data-phone-height", "")
    return (
        f'<picture><source media="{PHONE_MEDIA}" srcset="{crop}" width="{width}" height="{height}">'
        f"{image_tag}</picture>"
    )


# After mkdocs-glightbox has wrapped each image in its link to the whole screenshot.
@event_priority(-10)
def on_page_content(html: str, page: Page, **_: Any) -> str:
    return _PHONE_IMAGE.sub(lambda match: phone_picture(match.group(0)), html)


def on_post_build(config: MkDocsConfig, **_: Any) -> None:
    project = load_project(Path(config.config_file_path).parent)
    screenshots = Path(config.site_dir, os.path.relpath(project.screenshots, config.docs_dir))
    for tutorial, kept in _animation_folders.items():
        for movie in kept.iterdir():
            (screenshots / tutorial).mkdir(parents=True, exist_ok=True)
            shutil.copyfile(movie, screenshots / tutorial / movie.name)
    for tutorial, kept in _crop_folders.items():
        for crop in kept.iterdir():
            target = screenshots / tutorial / PHONE_FOLDER / crop.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(crop, target)
