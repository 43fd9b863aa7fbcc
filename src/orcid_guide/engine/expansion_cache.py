"""The MkDocs plugin's expansion of each tutorial, kept between site builds.

Expanding a tutorial means importing its module, and with it Playwright, and measuring and cropping its
screenshots with Pillow: most of what the plugin adds to a build. A build whose tutorials, their helpers, their
screenshots and the engine did not change since the last build reads the Markdown it wrote then instead, and
copies the phone crops it kept then.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path

from orcid_guide.engine.fingerprint import hash_texts, hash_tree, local_imports

ENGINE = Path(__file__).parent


def engine_key() -> str:
    """What every expansion depends on whatever the tutorial: the engine's files."""
    return hash_tree(ENGINE)


def source_key(tutorials: Path, name: str, engine: str | None = None) -> str:
    """What every expansion of a tutorial depends on: its module, the helpers it imports, and the engine
    (``engine``: its ``engine_key()``, when the caller already has it for this build)."""
    sources = [path.read_text(encoding="utf-8") for path in local_imports(tutorials, tutorials / f"{name}.py")]
    return hash_texts([name, engine or engine_key(), *sources])


def screenshots_key(folder: Path) -> str:
    """What a tutorial's image sizes and phone crops depend on: its screenshots, by content.

    Not by modification time: a fresh clone (CI) gives every file a new one, and hashing a few megabytes of PNG
    costs milliseconds.
    """
    # The phone crops also follow the boxes in shots.json.
    shots = sorted([*folder.glob("*.png"), *folder.glob("shots.json")]) if folder.is_dir() else []
    return hash_texts(f"{path.name}:{hashlib.sha256(path.read_bytes()).hexdigest()}" for path in shots)


def kept_files(folder: Path, files: Mapping[str, bytes]) -> None:
    """Keep ``files`` in ``folder`` (named after their key), whole or not at all; drop older keys' folders."""
    if not folder.is_dir():
        partial = folder.with_name(f"{folder.name}.{os.getpid()}.partial")
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        for name, data in files.items():
            (partial / name).write_bytes(data)
        try:
            partial.rename(folder)
        except OSError:  # another build kept the same files first
            shutil.rmtree(partial, ignore_errors=True)
    for other in folder.parent.iterdir():
        if other != folder and not other.name.endswith(".partial"):
            shutil.rmtree(other, ignore_errors=True)


def cached(path: Path, key: str, make: Callable[[], str]) -> str:
    """The text kept in ``path`` for ``key``, or ``make()``, kept there for next time."""
    try:
        kept_key, _, text = path.read_text(encoding="utf-8").partition("\n")
    except OSError:
        kept_key, text = "", ""
    if kept_key == key:
        return text
    text = make()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.partial")
    partial.write_text(f"{key}\n{text}", encoding="utf-8")
    partial.replace(path)  # whole or not at all, even when two builds run at once
    return text
