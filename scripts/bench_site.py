"""Benchmark: building the site with the tutorial hook, against the same pages with the steps already expanded.

Run: .venv/bin/python scripts/bench_site.py [ROUNDS]
Both are 'mkdocs build --strict' in a new process. The second builds a copy of the site's sources in which
every tutorial and animation marker was replaced beforehand by what the hook writes (image sizes included, and
the phone crops as files beside the screenshots), and with the hook removed from mkdocs.yml. The hook keeps
its expansions and crops in build/hook-cache between builds; a third case empties that first, as for the first
build after a tutorial changed. Prints the median seconds of each and the ratios; the goal (for a build after
an unchanged build) is at most 1.15.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

from bench_timing import ROOT, interleaved_medians, report, run

from orcid_guide.engine.expand import animation_markdown, tutorial_markdown
from orcid_guide.engine.loader import load_tutorial
from orcid_guide.engine.markers import ANIMATION_MARKER, MARKER
from orcid_guide.engine.phone_names import PHONE_FOLDER
from orcid_guide.engine.shot_sizes import image_size, shot_images
from orcid_guide.engine.shots import ANIMATION
from orcid_guide.project import load_project

MKDOCS = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]


def expanded_copy(into: Path) -> Path:
    """A copy of mkdocs.yml and its sources with every marker expanded and no hook; returns its mkdocs.yml."""
    project = load_project(ROOT)
    for folder in ("docs", "overrides", "snippets"):
        shutil.copytree(ROOT / folder, into / folder)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config, hooks = re.subn(r"(?m)^hooks:\n(?:  - .*\n)+", "", config)
    assert hooks == 1, "mkdocs.yml no longer declares the hook as this benchmark expects"
    (into / "mkdocs.yml").write_text(config, encoding="utf-8")
    screenshots = into / project.screenshots.relative_to(ROOT)
    for page in (into / "docs").rglob("*.md"):
        language = page.relative_to(into / "docs").parts[0]
        images = Path(os.path.relpath(screenshots, page.parent)).as_posix()
        text = expand(page.read_text(encoding="utf-8"), language, images, project.tutorials, screenshots)
        page.write_text(text, encoding="utf-8")
    return into / "mkdocs.yml"


def expand(text: str, language: str, images: str, tutorials: Path, screenshots: Path) -> str:
    def steps(match: re.Match[str]) -> str:
        tutorial = load_tutorial(tutorials, match[1])
        sizes, crops = shot_images(tutorial, screenshots / match[1])
        for name, crop in crops.items():
            (screenshots / match[1] / PHONE_FOLDER).mkdir(exist_ok=True)
            (screenshots / match[1] / PHONE_FOLDER / name).write_bytes(crop)
        return tutorial_markdown(tutorial, language, f"{images}/{match[1]}", sizes)

    def animation(match: re.Match[str]) -> str:
        size = image_size(screenshots / match[1] / ANIMATION)
        return animation_markdown(load_tutorial(tutorials, match[1]), language, f"{images}/{match[1]}", size)

    return ANIMATION_MARKER.sub(animation, MARKER.sub(steps, text))


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    with tempfile.TemporaryDirectory() as scratch:
        plain = expanded_copy(Path(scratch) / "expanded")
        hook_site, plain_site = Path(scratch) / "site-hook", Path(scratch) / "site-plain"
        with_hook = [*MKDOCS, "-f", str(ROOT / "mkdocs.yml"), "-d", str(hook_site)]

        def first_build() -> None:
            shutil.rmtree(load_project(ROOT).work / "hook-cache", ignore_errors=True)
            run(with_hook)

        cases = {
            "with the tutorial hook": lambda: run(with_hook),
            "with the hook, no expansion kept": first_build,
            "steps already expanded": lambda: run([*MKDOCS, "-f", str(plain), "-d", str(plain_site)]),
        }
        medians = interleaved_medians(cases, rounds)
        sites = (hook_site, plain_site)
        hook_page = (hook_site / "create-orcid-id" / "index.html").read_text(encoding="utf-8")
        plain_page = (plain_site / "create-orcid-id" / "index.html").read_text(encoding="utf-8")
        assert hook_page.count("<img") == plain_page.count("<img"), "the two builds do not show the same pages"
        crops = [sorted(path.relative_to(site) for path in site.rglob(f"{PHONE_FOLDER}/*.png")) for site in sites]
        assert crops[0] and crops[0] == crops[1], "the two builds do not have the same phone crops"
    report("hook / pre-expanded", medians, "with the tutorial hook", "steps already expanded", 1.15, rounds)
    cold = medians["with the hook, no expansion kept"] / medians["steps already expanded"]
    print(f"hook with no expansion kept / pre-expanded: ratio {cold:.2f} (a first build, for information)")


if __name__ == "__main__":
    main()
