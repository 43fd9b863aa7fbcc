"""MkDocs hook: expands ``<!-- tutorial: NAME -->`` and ``<!-- animation: NAME -->`` in the page's language.

Each step screenshot gets its pixel size and lazy loading; a screenshot with a marked element also gets the
region around that element for narrow screens (engine/phone_crop.py), written beside it in the built site.
"""

from __future__ import annotations

import functools
import io
import os
import re
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from PIL import Image

from orcid_guide.engine.expand import PHONE_CLASS, ShotImage, animation_markdown, tutorial_markdown
from orcid_guide.engine.loader import load_tutorial
from orcid_guide.engine.markers import ANIMATION_MARKER, MARKER
from orcid_guide.engine.phone_crop import PHONE_FOLDER, phone_crop
from orcid_guide.engine.shots import ANIMATION
from orcid_guide.engine.steps import LANGUAGES, Tutorial, screenshot_name
from orcid_guide.errors import UserError
from orcid_guide.project import load_project

# Below this width (CSS pixels) a page shows the crop; the whole screenshot is one tap away in the lightbox.
PHONE_MEDIA = "(max-width: 600px)"
_PHONE_IMAGE = re.compile(r'<img (?=[^>]*class="[^"]*\b' + PHONE_CLASS + r"\b)[^>]*>")
_ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')
# Crops to write into the built site after the build: (tutorial, file name) -> crop bytes.
_crops: dict[tuple[str, str], bytes] = {}


def _language(page: Page) -> str:
    # mkdocs-static-i18n sets file.locale; without it, the language folder is the first path part.
    locale = getattr(page.file, "locale", None) or page.file.src_uri.split("/", 1)[0]
    return locale if locale in LANGUAGES else "en"


@functools.lru_cache(maxsize=512)
def _crop(path: Path, modified: int) -> bytes | None:
    return phone_crop(path.read_bytes())


def _shot_images(tutorial: Tutorial, folder: Path) -> dict[str, ShotImage]:
    images: dict[str, ShotImage] = {}
    for number, step in enumerate(tutorial.steps, start=1):
        path = folder / screenshot_name(number, step)
        if not step.shot or not path.is_file():
            continue
        with Image.open(path) as image:
            width, height = image.size
        phone = None
        crop = _crop(path, path.stat().st_mtime_ns) if step.target is not None else None
        if crop is not None:
            _crops[(tutorial.name, path.name)] = crop
            with Image.open(io.BytesIO(crop)) as cropped:
                phone = cropped.size
        images[path.name] = ShotImage(width, height, phone)
    return images


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
        shown = tutorial(name)
        sizes = _shot_images(shown, project.screenshots / name)
        return tutorial_markdown(shown, _language(page), f"{images}/{name}", sizes)

    def animation(match: re.Match[str]) -> str:
        name = match.group(1)
        path = project.screenshots / name / ANIMATION
        size = None
        if path.is_file():
            with Image.open(path) as image:
                size = image.size
        return animation_markdown(tutorial(name), _language(page), f"{images}/{name}", size)

    return ANIMATION_MARKER.sub(animation, MARKER.sub(steps, markdown))


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
    for (tutorial, name), crop in _crops.items():
        target = screenshots / tutorial / PHONE_FOLDER / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(crop)
