"""A site build with the orcid-guide plugin keeps each tutorial's expansion and phone crops, and makes them again
when a screenshot changes.

Each build runs in a new process, as ``mkdocs build`` does, on a one-page site with one tutorial.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

from PIL import Image

from orcid_guide.engine.images import Box, mark
from orcid_guide.engine.phone_crop import phone_crop

TUTORIAL = """
from orcid_guide.engine.steps import Step, Tutorial


def form(page, env):
    return page.get_by_role("form")


TUTORIAL = Tutorial(
    name="join",
    steps=(Step(id="open", en="Open the **Join** form.", nl="Open het formulier **Join**.", target=form),),
)
"""
# Builds the site and says which of the slow modules the build imported.
BUILD = """
import json, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
build(load_config(sys.argv[1], site_dir=sys.argv[2]))
print(json.dumps(sorted(set(sys.modules) & {"playwright", "PIL"})))
"""
SHOT = "docs/assets/screenshots/join/01-open.png"
WORDS = Path(__file__).parents[1] / "words.toml"


def screenshot(width: int, box: Box) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, 700), (240, 240, 245)).save(out, format="PNG")
    return mark(out.getvalue(), box, scale=1)


def guide(root: Path) -> Path:
    (root / "pyproject.toml").write_text("[tool.orcid-guide]\n")
    # The plugin's defaults: tutorials/, docs/assets/screenshots/, words.toml (here the guide's own).
    (root / "mkdocs.yml").write_text("site_name: Join\nmarkdown_extensions: [attr_list]\nplugins: [orcid-guide]\n")
    shutil.copyfile(WORDS, root / "words.toml")
    (root / "tutorials").mkdir()
    (root / "tutorials" / "join.py").write_text(TUTORIAL)
    (root / "docs" / "en").mkdir(parents=True)
    (root / "docs" / "en" / "index.md").write_text("# Join\n\n<!-- tutorial: join -->\n")
    (root / SHOT).parent.mkdir(parents=True)
    (root / SHOT).write_bytes(screenshot(1024, Box(x=800, y=20, width=120, height=30)))
    return root


def build(root: Path, site: str) -> tuple[list[str], str, Path]:
    """What the build imported of Playwright and Pillow, the page's HTML, and the crop it wrote."""
    result = subprocess.run(
        [sys.executable, "-c", BUILD, str(root / "mkdocs.yml"), str(root / site)],
        capture_output=True,
        text=True,
        check=True,
    )
    html = (root / site / "en" / "index.html").read_text(encoding="utf-8")
    return json.loads(result.stdout), html, root / site / "assets/screenshots/join/phone/01-open.png"


def test_a_build_after_an_unchanged_one_writes_the_crops_without_playwright_or_pillow(tmp_path: Path) -> None:
    root = guide(tmp_path)
    cold, cold_html, _ = build(root, "site-1")
    warm, warm_html, crop = build(root, "site-2")
    assert cold == ["PIL", "playwright"]
    assert warm == []
    assert warm_html == cold_html
    assert 'srcset="../assets/screenshots/join/phone/01-open.png"' in warm_html
    assert crop.read_bytes() == phone_crop((root / SHOT).read_bytes())


def test_a_changed_screenshot_makes_its_expansion_and_crop_again(tmp_path: Path) -> None:
    root = guide(tmp_path)
    _, before, _ = build(root, "site-1")
    (root / SHOT).write_bytes(screenshot(1100, Box(x=40, y=500, width=300, height=120)))
    made, after, crop = build(root, "site-2")
    assert made == ["PIL", "playwright"]
    assert 'width="1024"' in before and 'width="1100"' in after
    assert crop.read_bytes() == phone_crop((root / SHOT).read_bytes())
    assert crop.read_bytes() != phone_crop(screenshot(1024, Box(x=800, y=20, width=120, height=30)))
    # Only the crops of today's screenshot are kept.
    assert len(list((root / "build" / "expansion-cache" / "phone" / "join").iterdir())) == 1
