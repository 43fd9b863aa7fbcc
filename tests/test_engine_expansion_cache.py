"""The hook keeps each tutorial's expansion between builds, so an unchanged guide builds without Playwright."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from orcid_guide.engine.expansion_cache import cached, engine_key, screenshots_key, source_key


def test_an_expansion_is_made_again_only_when_its_key_changes(tmp_path: Path) -> None:
    made: list[str] = []

    def make(text: str) -> str:
        made.append(text)
        return text

    kept = tmp_path / "cache" / "join-steps-en.md"
    assert cached(kept, "key-1", lambda: make("1. Open the form.\n")) == "1. Open the form.\n"
    assert cached(kept, "key-1", lambda: make("never made")) == "1. Open the form.\n"
    assert cached(kept, "key-2", lambda: make("1. Open the new form.\n")) == "1. Open the new form.\n"
    assert made == ["1. Open the form.\n", "1. Open the new form.\n"]
    assert [path.name for path in kept.parent.iterdir()] == ["join-steps-en.md"]


def test_the_key_follows_the_tutorial_and_the_helpers_it_imports(tmp_path: Path) -> None:
    (tmp_path / "join.py").write_text("import _shared\n")
    (tmp_path / "_shared.py").write_text("WORDS = 'Join us'\n")
    (tmp_path / "_other.py").write_text("WORDS = 'Leave'\n")
    first = source_key(tmp_path, "join")
    (tmp_path / "_other.py").write_text("WORDS = 'Stay'\n")
    assert source_key(tmp_path, "join") == first
    (tmp_path / "_shared.py").write_text("WORDS = 'Join them'\n")
    assert source_key(tmp_path, "join") != first


def test_the_key_follows_the_engine_whether_hashed_here_or_once_per_build(tmp_path: Path) -> None:
    (tmp_path / "join.py").write_text("WORDS = 'Join us'\n")
    assert source_key(tmp_path, "join") == source_key(tmp_path, "join", engine_key())
    assert source_key(tmp_path, "join", "engine-1") != source_key(tmp_path, "join", "engine-2")


def test_the_screenshots_key_follows_their_bytes_not_their_times(tmp_path: Path) -> None:
    shot = tmp_path / "01-open.png"
    shot.write_bytes(b"first")
    first = screenshots_key(tmp_path)
    os.utime(shot, ns=(1, 1))  # as on a fresh clone, where every file is new
    assert screenshots_key(tmp_path) == first
    shot.write_bytes(b"other")
    assert screenshots_key(tmp_path) != first


def test_the_plugin_loads_neither_playwright_nor_pillow_until_it_must() -> None:
    script = "import sys, orcid_guide.plugin; print(sorted(set(sys.modules) & {'playwright', 'PIL'}))"
    loaded = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert loaded == "[]\n"
