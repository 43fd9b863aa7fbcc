"""Benchmark: building the site with the orcid-guide plugin, against the same pages with the steps already expanded.

Run: .venv/bin/python scripts/bench_site.py [ROUNDS] [--short]
Both are 'mkdocs build --strict' in a new process. The second builds a copy of the docs in which every tutorial
and animation marker was replaced beforehand by what the plugin writes (image sizes included, and the phone crops
and animations as files beside the screenshots), with a small config of its own that inherits mkdocs.yml and
switches the plugin off (``enabled: false``), so mkdocs.yml is never rewritten. The first builds an unchanged
copy of the docs with the plugin, so that the two differ in nothing else: both copies lie under build/, and both
builds leave out the pages' dates from git. The plugin keeps its expansions, crops and animations in its cache
between builds; a third case empties that first, as for the first
build after a tutorial changed. Prints the median seconds of each and the ratios; the goal (for a build after an
unchanged build) is at most 1.05. ``--short`` is one timed round of the first two cases without a warm-up: a
quick check that the benchmark still runs, its ratio rougher.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

from bench_timing import ROOT, interleaved_medians, report, rounds_and_short, run
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.yaml import get_yaml_loader, yaml_load

from orcid_guide.engine.expand import animation_markdown, tutorial_markdown
from orcid_guide.engine.loader import load_tutorial
from orcid_guide.engine.markers import ANIMATION_MARKER, MARKER
from orcid_guide.engine.page_animation import animation_file, page_animations
from orcid_guide.engine.phone_names import PHONE_FOLDER
from orcid_guide.engine.shot_sizes import image_size, shot_images
from orcid_guide.engine.wording import Wording, load_words
from orcid_guide.project import load_project

MKDOCS = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
# As mkdocs.yml configures the plugin.
CACHE = ROOT / "build" / "expansion-cache"
WORDS = ROOT / "words.toml"
COPY = ROOT / "build" / "bench-site"


def derived_config(into: Path, plugin: bool) -> str:
    """The site of mkdocs.yml, from the docs in ``into``: with the plugin reading the project's tutorials, words
    and cache, or with it switched off. Hooks' paths are relative to the config that names them, and a list of
    the inheriting config replaces the inherited one, so they are named again. Both builds leave out the pages'
    dates from git: the copies are not in git, and git is not what is measured."""
    site = MkDocsConfig(config_file_path=str(ROOT / "mkdocs.yml"))
    with (ROOT / "mkdocs.yml").open("rb") as config:
        listed = yaml_load(config, get_yaml_loader(config=site)).get("hooks", [])
    settings = {"tutorials": "tutorials", "cache": "build/expansion-cache", "runs": "build/runs.json"}
    if plugin:
        options = "".join(f"    {key}: {relative(ROOT / value, into)}\n" for key, value in settings.items())
        options += f"    words: {relative(WORDS, into)}\n"
    else:
        options = "    enabled: false\n"
    return (
        "# Made by scripts/bench_site.py: the site of mkdocs.yml, from the docs beside this file.\n"
        + f"INHERIT: {relative(ROOT / 'mkdocs.yml', into)}\n"
        + "plugins:\n  git-revision-date-localized:\n    enabled: false\n  orcid-guide:\n"
        + options
        + "hooks:\n"
        + "".join(f"  - {relative(ROOT / hook, into)}\n" for hook in listed)
    )


def source_copy(into: Path, plugin: bool) -> Path:
    """A copy of the site's sources and its config; returns its mkdocs.yml."""
    shutil.rmtree(into, ignore_errors=True)
    for folder in ("docs", "overrides", "snippets"):
        shutil.copytree(ROOT / folder, into / folder)
    (into / "mkdocs.yml").write_text(derived_config(into, plugin), encoding="utf-8")
    return into / "mkdocs.yml"


def relative(path: Path, start: Path) -> str:
    return Path(os.path.relpath(path, start)).as_posix()


def expanded_copy(into: Path) -> Path:
    """A copy of the site's sources with every marker expanded, and its config; returns its mkdocs.yml."""
    project = load_project(ROOT)
    config = source_copy(into, plugin=False)
    screenshots = into / project.screenshots.relative_to(ROOT)
    languages = sorted(path.name for path in (into / "docs").iterdir() if path.is_dir() and path.name != "assets")
    words = load_words(WORDS, languages)
    for page in (into / "docs").rglob("*.md"):
        language = page.relative_to(into / "docs").parts[0]
        images = Path(os.path.relpath(screenshots, page.parent)).as_posix()
        text = expand(page.read_text(encoding="utf-8"), words, language, images, project.tutorials, screenshots)
        page.write_text(text, encoding="utf-8")
    return config


def expand(text: str, words: dict[str, Wording], language: str, images: str, tutorials: Path, screenshots: Path) -> str:
    def steps(match: re.Match[str]) -> str:
        tutorial = load_tutorial(tutorials, match[1])
        sizes, crops = shot_images(tutorial, screenshots / match[1])
        for name, crop in crops.items():
            (screenshots / match[1] / PHONE_FOLDER).mkdir(exist_ok=True)
            (screenshots / match[1] / PHONE_FOLDER / name).write_bytes(crop)
        return tutorial_markdown(tutorial, words[language], f"{images}/{match[1]}", sizes)

    def animation(match: re.Match[str]) -> str:
        tutorial = load_tutorial(tutorials, match[1])
        folder = screenshots / match[1]
        file_name = animation_file(language)
        if not (folder / file_name).is_file():
            for name, movie in page_animations(tutorial, folder, words.values()).items():
                (folder / name).write_bytes(movie)
        size = image_size(folder / file_name)
        return animation_markdown(tutorial, words[language], f"{images}/{match[1]}", size, file_name)

    return ANIMATION_MARKER.sub(animation, MARKER.sub(steps, text))


def main() -> None:
    rounds, short = rounds_and_short(__doc__, 5)
    plain = expanded_copy(COPY / "expanded")
    sources = source_copy(COPY / "plugin", plugin=True)
    try:
        with tempfile.TemporaryDirectory() as scratch:
            plugin_site, plain_site = Path(scratch) / "site-plugin", Path(scratch) / "site-plain"
            with_plugin = [*MKDOCS, "-f", str(sources), "-d", str(plugin_site)]

            def first_build() -> None:
                shutil.rmtree(CACHE, ignore_errors=True)
                run(with_plugin)

            cases = {
                "with the orcid-guide plugin": lambda: run(with_plugin),
                "steps already expanded": lambda: run([*MKDOCS, "-f", str(plain), "-d", str(plain_site)]),
            }
            if not short:
                cases["with the plugin, no expansion kept"] = first_build
            medians = interleaved_medians(cases, rounds, warm_up=not short)
            check_same(plugin_site, plain_site)
    finally:
        shutil.rmtree(COPY, ignore_errors=True)
    report("plugin / pre-expanded", medians, "with the orcid-guide plugin", "steps already expanded", 1.05, rounds)
    if not short:
        cold = medians["with the plugin, no expansion kept"] / medians["steps already expanded"]
        print(f"plugin with no expansion kept / pre-expanded: ratio {cold:.2f} (a first build, for information)")


def check_same(plugin_site: Path, plain_site: Path) -> None:
    """Both builds show the same screenshots, phone crops and animations (else the ratio compares nothing)."""
    for page in ("create-orcid-id/index.html", "nl/create-orcid-id/index.html"):
        with_plugin, plain = ((site / page).read_text(encoding="utf-8") for site in (plugin_site, plain_site))
        assert with_plugin.count("<img") == plain.count("<img"), f"the two builds do not show the same {page}"
    for pattern in (f"{PHONE_FOLDER}/*.png", "animation-*.png"):
        found = [sorted(path.relative_to(site) for path in site.rglob(pattern)) for site in (plugin_site, plain_site)]
        assert found[0] and found[0] == found[1], f"the two builds do not have the same {pattern}"


if __name__ == "__main__":
    main()
