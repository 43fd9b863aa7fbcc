"""The hook's expansion of each tutorial, kept between site builds.

Expanding a tutorial means importing its module, and with it Playwright: most of what the hook adds to a build.
A build whose tutorials, their helpers and the engine did not change since the last build reads the Markdown
it wrote then instead.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from orcid_guide.engine.fingerprint import hash_texts, hash_tree, local_imports

ENGINE = Path(__file__).parent


def source_key(tutorials: Path, name: str) -> str:
    """What every expansion of a tutorial depends on: its module, the helpers it imports, and the engine."""
    sources = [path.read_text(encoding="utf-8") for path in local_imports(tutorials, tutorials / f"{name}.py")]
    return hash_texts([name, hash_tree(ENGINE), *sources])


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
