"""The built MkDocs site: both languages, the language switcher, translated navigation, embedded snippets."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from PIL import Image, ImageChops, ImageSequence

from orcid_guide.engine.animation import SCALE, Caption, with_caption
from orcid_guide.engine.loader import load_tutorial
from orcid_guide.engine.page_animation import caption_words
from orcid_guide.engine.steps import screenshot_name
from tests.helpers.site_pages import (
    ANIMATIONS_SHOWN,
    LANGUAGES,
    PAGES,
    TUTORIALS_SHOWN,
    nav_titles,
    page_url,
)

ROOT = Path(__file__).resolve().parents[1]
NAV_TITLES = nav_titles()
SNIPPETS_SHOWN = {"create-orcid-id": ["check_orcid_id"], "for-developers": ["read_orcid_emulator"]}


@dataclass
class RenderedPage:
    """What a reader gets from one built page: its language, navigation, switcher, code and images."""

    url: str
    html_lang: str = ""
    nav_titles: list[str] = field(default_factory=list)
    switcher: dict[str, str] = field(default_factory=dict)
    code_blocks: list[str] = field(default_factory=list)
    images: list[tuple[str, str]] = field(default_factory=list)
    # The animations' "open full size" links: (href, words).
    links: list[tuple[str, str]] = field(default_factory=list)
    resources: list[str] = field(default_factory=list)
    text: str = ""


class _PageParser(HTMLParser):
    def __init__(self, page: RenderedPage) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.nav_stack: list[bool] = []
        self.in_nav_title = False
        self.title_parts: list[str] = []
        self.code_depth = 0
        self.code_parts: list[str] = []
        self.text_parts: list[str] = []
        self.link: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        classes = attributes.get("class", "").split()
        if tag == "html":
            self.page.html_lang = attributes.get("lang", "")
        elif tag == "nav":
            inside_primary = bool(self.nav_stack) and self.nav_stack[-1]
            self.nav_stack.append(
                "md-nav--primary" in classes or (inside_primary and "md-nav--secondary" not in classes)
            )
        elif tag == "a" and "md-select__link" in classes:
            self.page.switcher[attributes.get("hreflang", "")] = attributes.get("href", "")
        elif tag == "a" and "md-nav__link" in classes and self.nav_stack and self.nav_stack[-1]:
            self.in_nav_title = True
            self.title_parts = []
        elif tag == "pre":
            self.code_depth += 1
            self.code_parts = []
        elif tag == "a" and "animation-open" in classes:
            self.link = (attributes.get("href", ""), [])
        elif tag == "img":
            self.page.images.append((attributes.get("src", ""), attributes.get("alt", "")))
        # A canonical or alternate link names an address; the browser loads nothing from it.
        navigation_only = tag == "link" and attributes.get("rel") in ("canonical", "alternate", "prev", "next")
        if tag in ("link", "script", "img", "iframe", "source") and not navigation_only:
            resource = attributes.get("href") or attributes.get("src")
            if resource:
                self.page.resources.append(resource)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.link is not None:
            self.page.links.append((self.link[0], " ".join("".join(self.link[1]).split())))
            self.link = None
        if tag == "nav" and self.nav_stack:
            self.nav_stack.pop()
        elif tag == "a" and self.in_nav_title:
            self.in_nav_title = False
            self.page.nav_titles.append(" ".join("".join(self.title_parts).split()))
        elif tag == "pre" and self.code_depth:
            self.code_depth -= 1
            self.page.code_blocks.append("".join(self.code_parts))

    def handle_data(self, data: str) -> None:
        self.text_parts.append(data)
        if self.link is not None:
            self.link[1].append(data)
        if self.in_nav_title:
            self.title_parts.append(data)
        if self.code_depth:
            self.code_parts.append(data)

    def close(self) -> None:
        super().close()
        self.page.text = "".join(self.text_parts)


def rendered(site: Path, language: str, page: str) -> RenderedPage:
    url = page_url(language, page)
    result = RenderedPage(url=url)
    parser = _PageParser(result)
    parser.feed((site / url.lstrip("/") / "index.html").read_text(encoding="utf-8"))
    parser.close()
    return result


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_is_built_in_both_languages(site: Path, language: str, page: str) -> None:
    assert (site / page_url(language, page).lstrip("/") / "index.html").is_file()
    assert rendered(site, language, page).html_lang == language


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_language_switcher_keeps_the_reader_on_the_same_page(site: Path, language: str, page: str) -> None:
    shown = rendered(site, language, page)
    assert set(shown.switcher) == set(LANGUAGES)
    for other, href in shown.switcher.items():
        # Relative links, so the switcher also works when the site is served from a sub-path.
        assert not urlsplit(href).scheme and not href.startswith("/"), href
        assert urlsplit(urljoin(shown.url, href)).path == page_url(other, page)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_navigation_is_in_the_page_language(site: Path, language: str, page: str) -> None:
    assert rendered(site, language, page).nav_titles == NAV_TITLES[language]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_pages_load_nothing_from_other_hosts(site: Path, language: str, page: str) -> None:
    shown = rendered(site, language, page)
    assert shown.resources
    assert [resource for resource in shown.resources if urlsplit(resource).netloc] == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("page", "snippet"), [(p, s) for p, names in SNIPPETS_SHOWN.items() for s in names])
def test_snippet_code_and_its_output_are_shown(site: Path, language: str, page: str, snippet: str) -> None:
    blocks = [block.rstrip("\n") for block in rendered(site, language, page).code_blocks]
    source = ROOT / "snippets" / f"{snippet}.py"
    assert source.read_text(encoding="utf-8").rstrip("\n") in blocks
    assert source.with_suffix(".out").read_text(encoding="utf-8").rstrip("\n") in blocks


ALT_PREFIX = {"en": "Screenshot: ", "nl": "Schermafbeelding: "}


def step_images(site: Path, language: str, page: str, tutorial: str) -> list[tuple[str, str]]:
    """The step screenshots of ``tutorial`` on the page: a page may show several tutorials and an animation."""
    from orcid_guide.engine.shots import ANIMATION

    shown = rendered(site, language, page)
    folder = f"/assets/screenshots/{tutorial}/"
    return [
        (src, alt)
        for src, alt in shown.images
        if urlsplit(urljoin(shown.url, src)).path.startswith(folder)
        and not src.endswith(f"/{ANIMATION}")
        and "/animation-" not in src
    ]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("page", "tutorial"), [(p, t) for p, ts in TUTORIALS_SHOWN.items() for t in ts])
def test_every_tutorial_step_is_shown_with_its_screenshot_in_the_page_language(
    site: Path, language: str, page: str, tutorial: str
) -> None:
    from orcid_guide.engine.loader import load_tutorial
    from orcid_guide.engine.steps import screenshot_name

    steps = load_tutorial(ROOT / "tutorials", tutorial).steps
    shown = rendered(site, language, page)
    images = step_images(site, language, page, tutorial)
    expected = [f"/assets/screenshots/{tutorial}/{screenshot_name(n, s)}" for n, s in enumerate(steps, 1) if s.shot]
    assert [urlsplit(urljoin(shown.url, src)).path for src, _ in images] == expected
    for src, alt in images:
        assert (site / urlsplit(urljoin(shown.url, src)).path.lstrip("/")).is_file(), src
        assert alt.startswith(ALT_PREFIX[language])
    for step in steps:
        first_words = step.text(language).split("**")[0].split("[")[0].strip()[:20]
        assert first_words in shown.text


OPEN_FULL_SIZE = {"en": "Open the animation full size", "nl": "Open de animatie op ware grootte"}


def _frames(path: Path) -> list[Image.Image]:
    with Image.open(path) as movie:
        assert movie.format == "PNG" and getattr(movie, "is_animated", False)
        return [frame.convert("RGB") for frame in ImageSequence.Iterator(movie)]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("page", "tutorial"), [(p, t) for p, ts in ANIMATIONS_SHOWN.items() for t in ts])
def test_the_animation_is_shown_with_alt_text_and_a_full_size_link_in_the_page_language(
    site: Path, language: str, page: str, tutorial: str
) -> None:
    shown = rendered(site, language, page)
    animations = [(src, alt) for src, alt in shown.images if src.endswith(f"/{tutorial}/animation-{language}.png")]
    assert len(animations) == 1
    src, alt = animations[0]
    assert (site / urlsplit(urljoin(shown.url, src)).path.lstrip("/")).is_file()
    assert alt.startswith({"en": "Animation: ", "nl": "Animatie: "}[language])
    # The link that opens it by itself, where a phone can zoom in, is worded in the page's language.
    assert (src, OPEN_FULL_SIZE[language]) in shown.links


@pytest.mark.parametrize(("page", "tutorial"), [(p, t) for p, ts in ANIMATIONS_SHOWN.items() for t in ts])
def test_each_frame_of_the_animation_carries_its_step_number_and_words_in_the_page_language(
    site: Path, page: str, tutorial: str
) -> None:
    steps = load_tutorial(ROOT / "tutorials", tutorial)
    numbered = [(number, step) for number, step in enumerate(steps.steps, start=1) if step.shot]
    folder = site / "assets" / "screenshots" / tutorial
    movies = {language: _frames(folder / f"animation-{language}.png") for language in LANGUAGES}
    for language, frames in movies.items():
        assert len(frames) == len(numbered)
        for frame, (number, step) in zip(frames, numbered, strict=True):
            with Image.open(folder / screenshot_name(number, step)) as screen:
                shot_width, shot_height = round(screen.width * SCALE), round(screen.height * SCALE)
            assert frame.width == shot_width and frame.height > shot_height
            # The strip under the screenshot is exactly this step's caption in this language, drawn in type that
            # stays readable on a phone.
            expected = Caption(
                {"en": "Step", "nl": "Stap"}[language] + f" {number}", caption_words(step.text(language))
            )
            strip = frame.crop((0, shot_height, frame.width, frame.height))
            drawn = with_caption(Image.new("RGB", (frame.width, 0)), expected, strip.height)
            assert ImageChops.difference(strip, drawn).getbbox() is None, (language, number)
    # Same screens, other words: the two languages' frames differ, and only in their captions.
    for english, dutch, (number, step) in zip(movies["en"], movies["nl"], numbered, strict=True):
        changed = ImageChops.difference(english, dutch).getbbox()
        with Image.open(folder / screenshot_name(number, step)) as screen:
            shot_height = round(screen.height * SCALE)
        assert changed is not None and changed[1] >= shot_height, number


# What a reader must learn to be found by Lookup ORCID, in ORCID's labels, and how to tell namesakes apart.
NAME_PUBLIC = {
    "en": ("Make your name public", "Who can see your names", "Save changes", "two records are called Eva de Vries"),
    "nl": ("Uw naam openbaar maken", "Who can see your names", "Save changes", "hier heten twee records Eva de Vries"),
}


def _html(site: Path, language: str, page: str) -> str:
    return (site / page_url(language, page).lstrip("/") / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("language", LANGUAGES)
def test_making_your_name_public_is_a_tutorial_with_orcids_labels_and_lookup_is_pointed_to_it(
    site: Path, language: str
) -> None:
    heading, who, save, namesakes = NAME_PUBLIC[language]
    visibility = _html(site, language, "visibility")
    assert f'id="make-your-name-public">{heading}' in visibility
    # Bold labels come out as <strong>, before the works' tutorial on the same page.
    assert f"<strong>{who}</strong>" in visibility and f"<strong>{save}</strong>" in visibility
    assert visibility.index(f"<strong>{who}</strong>") < visibility.index("set_visibility_on_orcid/01-works.png")
    register = _html(site, language, "register-orcid-in-lucris")
    assert 'href="../visibility/#make-your-name-public"' in register
    assert namesakes in register and "<strong>Institution</strong>" in register
