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
    tolerance: float
    pixel_threshold: int
    step_timeout: float = 5.0  # seconds a step waits for an element or a label to appear


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
    return Project(
        root=root,
        tutorials=root / table.get("tutorials", "tutorials"),
        docs=root / table.get("docs", "docs"),
        screenshots=root / table.get("screenshots", "docs/assets/screenshots"),
        work=root / table.get("work", "build"),
        viewport=Viewport(width, height, table.get("device-scale", 1)),
        tolerance=float(table.get("tolerance", 0.002)),
        pixel_threshold=int(table.get("pixel-threshold", 24)),
        step_timeout=float(table.get("step-timeout", 5.0)),
    )
