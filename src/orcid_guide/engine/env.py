"""Where a tutorial runs, as far as a tutorial may know it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Env:
    """What a tutorial may know about where it runs: named base URLs and values such as demo accounts."""

    target: str
    urls: Mapping[str, str]
    values: Mapping[str, str] = field(default_factory=dict)
    # Where this run keeps the files its steps download, for later steps to upload (engine/kept_files.py).
    kept: Path | None = None

    def url(self, name: str, path: str = "/") -> str:
        return self.urls[name].rstrip("/") + path
