"""Screenshots on the built pages: sized, lazy, one tap from full size, and cropped to the marked part on phones."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.helpers.site_pages import LANGUAGES, PAGES, page_url


@dataclass
class Shot:
    attributes: dict[str, str]
    link: str | None  # the lightbox link around it
    phone: str | None  # the srcset of its narrow-screen source
    phone_size: tuple[str, str] = ("", "")


@dataclass
class _ShotParser(HTMLParser):
    shots: list[Shot] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.link: str | None = None
        self.source: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "a" and "glightbox" in attributes.get("class", "").split():
            self.link = attributes.get("href", "")
        elif tag == "source":
            self.source = attributes
        elif tag == "img" and "/screenshots/" in attributes.get("src", ""):
            source = self.source or {}
            size = (source.get("width", ""), source.get("height", ""))
            self.shots.append(Shot(attributes, self.link, source.get("srcset"), size))

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self.link = None
        elif tag == "picture":
            self.source = None


def shots_on(site: Path, language: str, page: str) -> list[Shot]:
    parser = _ShotParser()
    parser.feed((site / page_url(language, page).lstrip("/") / "index.html").read_text(encoding="utf-8"))
    return [shot for shot in parser.shots if "animation" not in shot.attributes["src"]]


def on_disk(site: Path, language: str, page: str, url: str) -> Path:
    return site / urlsplit(urljoin(page_url(language, page), url)).path.lstrip("/")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_every_screenshot_is_sized_lazy_and_opens_full_size(site: Path, language: str, page: str) -> None:
    for shot in shots_on(site, language, page):
        src = shot.attributes["src"]
        assert shot.attributes.get("loading") == "lazy", src
        assert shot.attributes.get("width", "").isdigit() and shot.attributes.get("height", "").isdigit(), src
        assert shot.link == src, f"{src} is not wrapped in a lightbox link to itself"
        assert on_disk(site, language, page, src).is_file(), src


def test_screenshots_with_a_marked_element_show_its_region_on_phones(site: Path) -> None:
    from PIL import Image

    cropped = 0
    for language in LANGUAGES:
        for page in PAGES:
            for shot in shots_on(site, language, page):
                if shot.phone is None:
                    continue
                cropped += 1
                crop = on_disk(site, language, page, shot.phone)
                with Image.open(crop) as image:
                    assert (str(image.width), str(image.height)) == shot.phone_size, crop
                    assert image.width < int(shot.attributes["width"]), crop
    assert cropped >= 40


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_animation_waits_behind_a_closed_details_and_stops_after_a_few_loops(site: Path, language: str) -> None:
    from PIL import Image, ImageSequence

    from orcid_guide.engine.animation import LOOPS

    html = (site / page_url(language, "connect-lucris-to-orcid").lstrip("/") / "index.html").read_text(encoding="utf-8")
    details = re.search(r'<details class="animation">\s*<summary>([^<]+)</summary>(.*?)</details>', html, re.DOTALL)
    assert details is not None, "the animation is not inside a closed <details>"
    assert {"en": "Show the animation", "nl": "Toon de animatie"}[language] in details.group(1)
    image = re.search(rf'<img [^>]*src="([^"]+animation-{language}\.png)"', details.group(2))
    assert image is not None
    with Image.open(on_disk(site, language, "connect-lucris-to-orcid", image.group(1))) as animation:
        assert len(list(ImageSequence.Iterator(animation))) > 1
        assert animation.info["loop"] == LOOPS > 0
