"""Fingerprints of what a tutorial run depends on: the same fingerprint means the same run, so it can be skipped.

Whole folders are hashed (file names and contents), so a new module, template or fixture anywhere in them
counts without a list to keep up to date.
"""

from __future__ import annotations

import functools
import hashlib
import re
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
        for top in _imported_names(current.read_text(encoding="utf-8")):
            for candidate in (folder / f"{top}.py", folder / top):
                if candidate.exists():
                    waiting.append(candidate)
    return sorted(found)


@functools.lru_cache(maxsize=256)
def _imported_names(source: str) -> tuple[str, ...]:
    """The top-level names a module's source imports absolutely, wherever in it (a function's own imports
    too). Kept by source text: the shared helpers are read once per build, not once for every tutorial."""
    return tuple(dict.fromkeys(dotted.split(".", 1)[0] for dotted in _imported_modules(source)))


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


def imported_files(package: Path, roots: Iterable[str]) -> list[Path]:
    """The files a run starting at modules ``roots`` (dotted names inside ``package``) can read: the modules
    they import from ``package``, directly or not (a package's ``__init__`` with them), and the data files
    (templates, static files, SQL) in those modules' folders.

    Imports are read from the source, also those inside functions, so a module imported late still counts; a
    module nothing reaches (the command line, the site's hooks) does not.
    """
    name = package.name
    found: set[Path] = set()
    waiting = [_module_file(package, root) for root in roots]
    while waiting:
        current = waiting.pop()
        if current is None or current in found:
            continue
        found.add(current)
        parts = current.relative_to(package).parent.parts
        for depth in range(len(parts) + 1):  # importing a.b.c runs a/__init__ and a/b/__init__ first
            waiting.append(package.joinpath(*parts[:depth], "__init__.py"))
        for module in _imported_modules(current.read_text(encoding="utf-8")):
            if module == name or module.startswith(name + "."):
                waiting.append(_module_file(package, module.removeprefix(name).lstrip(".")))
    folders = {path.parent for path in found}
    data = {path for folder in folders for path in _data_files(folder)}
    return sorted(found | data)


_FROM_IMPORT = re.compile(r"(?:^|;)[ \t]*from[ \t]+([\w.]+)[ \t]+import[ \t]*(\([^)]*\)|[^\n;]*)", re.MULTILINE)
_PLAIN_IMPORT = re.compile(r"(?:^|;)[ \t]*import[ \t]+([^\n;#]*)", re.MULTILINE)


def _imported_modules(source: str) -> list[str]:
    """The dotted names a module's source may import absolutely: each ``import a.b`` and, for ``from a import
    b, c``, ``a`` and ``a.b`` and ``a.c`` (a name that is no module is dropped by whoever looks for its file).
    Read from the text, in a fiftieth of the time parsing took: an import statement at a line's start in a
    string counts too, which at worst hashes a file more."""
    source = source.replace("\\\n", " ")
    found = [dotted for listed in _PLAIN_IMPORT.findall(source) for dotted in re.findall(r"[\w.]+", listed)]
    for module, names in _FROM_IMPORT.findall(source):
        if not module.startswith("."):  # relative imports are not followed (the package has none)
            found += [module, *(f"{module}.{word}" for word in re.findall(r"\w+", re.sub(r"#[^\n]*", "", names)))]
    return found


def _module_file(package: Path, dotted: str) -> Path | None:
    base = package.joinpath(*dotted.split(".")) if dotted else package
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None  # a name imported from a module, not a module


def _data_files(folder: Path) -> list[Path]:
    """Files in ``folder`` and its plain subfolders that are not Python modules; subpackages count only when
    imported."""
    files = []
    for path in folder.iterdir():
        if path.name in _IGNORED_PARTS:
            continue
        if path.is_dir():
            if not (path / "__init__.py").is_file():
                inside = path.rglob("*")
                files += [inner for inner in inside if inner.is_file() and not _IGNORED_PARTS.intersection(inner.parts)]
        elif path.suffix not in (".py", ".pyc"):
            files.append(path)
    return files


def hash_files(root: Path, files: Iterable[Path]) -> str:
    """A hash of ``files`` (their paths relative to ``root`` and their bytes)."""
    digest = hashlib.sha256()
    for path in sorted(files):
        _add_file(digest, path.relative_to(root).as_posix(), path)
    return digest.hexdigest()
