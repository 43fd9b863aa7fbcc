"""Fingerprints of what a tutorial run depends on: the same fingerprint means the same run, so it can be skipped.

Whole folders are hashed (file names and contents), so a new module, template or fixture anywhere in them
counts without a list to keep up to date.
"""

from __future__ import annotations

import ast
import hashlib
from collections.abc import Iterable
from pathlib import Path

_IGNORED_PARTS = {"__pycache__", ".mypy_cache", ".pytest_cache"}


def hash_tree(folder: Path) -> str:
    """A hash of every file under ``folder`` (its relative path and bytes); the same for an absent folder."""
    digest = hashlib.sha256()
    if folder.is_dir():
        files = sorted(
            path
            for path in folder.rglob("*")
            if path.is_file() and not _IGNORED_PARTS.intersection(path.parts) and path.suffix != ".pyc"
        )
        for path in files:
            _add_file(digest, path.relative_to(folder).as_posix(), path)
    return digest.hexdigest()


def hash_texts(parts: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def _add_file(digest: hashlib._Hash, name: str, path: Path) -> None:
    digest.update(name.encode("utf-8") + b"\0")
    digest.update(hashlib.sha256(path.read_bytes()).digest())


def local_imports(folder: Path, module: Path) -> list[Path]:
    """``module`` and the modules beside it in ``folder`` that it imports, directly or through each other."""
    found: list[Path] = []
    waiting = [module]
    while waiting:
        current = waiting.pop()
        if current in found:
            continue
        found.append(current)
        if current.is_dir():
            continue  # a package beside the tutorials: hashed whole, its imports need no following
        tree = ast.parse(current.read_text(encoding="utf-8"), filename=str(current))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".", 1)[0]
                for candidate in (folder / f"{top}.py", folder / top):
                    if candidate.exists():
                        waiting.append(candidate)
    return sorted(found)


def tutorial_fingerprint(shared: str, folder: Path, name: str, baselines: Path) -> str:
    """The fingerprint of one tutorial's run.

    ``shared`` hashes what every tutorial depends on (engine, sandbox, settings, browser); to it come the
    tutorial's module, the helper modules it imports, any data files in the tutorials folder, and its baselines.
    """
    digest = hashlib.sha256(shared.encode("ascii"))
    for path in local_imports(folder, folder / f"{name}.py"):
        if path.is_dir():
            digest.update(f"{path.name}/\0{hash_tree(path)}".encode())
        else:
            _add_file(digest, path.name, path)
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.suffix not in (".py", ".pyc"):
            _add_file(digest, path.name, path)
    digest.update(hash_tree(baselines).encode("ascii"))
    return digest.hexdigest()
