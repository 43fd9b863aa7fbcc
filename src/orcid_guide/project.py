"""The project's settings for the engine, read from ``[tool.orcid-guide]`` in pyproject.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from orcid_guide.engine.browser import Viewport
from orcid_guide.errors import UserError


@dataclass(frozen=True)
class Project:
    root: Path
    tutorials: Path
    docs: Path
    screenshots: Path
    work: Path
    viewport: Viewport
    pixel_threshold: int = 24
    # On another renderer than the baselines', a cluster of changed pixels this size (width, height) or larger
    # is a change, whatever its share of the image; smaller ones are anti-aliasing noise.
    character: tuple[int, int] = (4, 6)
    step_timeout: float = 5.0  # seconds a step waits for an element or a label to appear
    # The Debian font packages the setup installs, recorded with the baselines as part of their renderer.
    font_packages: tuple[str, ...] = ("fonts-dejavu-core", "fonts-liberation")
    lock: Path = Path("requirements.lock")


def find_root(start: Path) -> Path:
    for folder in (start, *start.parents):
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "[tool.orcid-guide]" in pyproject.read_text(encoding="utf-8"):
            return folder
    raise UserError(f"No orcid-guide project here: no pyproject.toml with [tool.orcid-guide] in {start} or above.")


def load_project(start: Path | None = None) -> Project:
    root = find_root((start or Path.cwd()).resolve())
    table = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["orcid-guide"]
    width, height = table.get("viewport", [1024, 700])
    character = table.get("character", [4, 6])
    return Project(
        root=root,
        tutorials=root / table.get("tutorials", "tutorials"),
        docs=root / table.get("docs", "docs"),
        screenshots=root / table.get("screenshots", "docs/assets/screenshots"),
        work=root / table.get("work", "build"),
        viewport=Viewport(width, height, table.get("device-scale", 1)),
        pixel_threshold=int(table.get("pixel-threshold", 24)),
        character=(int(character[0]), int(character[1])),
        step_timeout=float(table.get("step-timeout", 5.0)),
        font_packages=tuple(table.get("font-packages", ["fonts-dejavu-core", "fonts-liberation"])),
        lock=root / table.get("lock", "requirements.lock"),
    )
