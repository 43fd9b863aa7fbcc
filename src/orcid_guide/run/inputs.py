"""What every tutorial run depends on besides its own module: the parts of this package a run executes (engine,
sandbox code and data, the run's workers), the guide's settings, the installed libraries and the browser.

Only what a run reaches is hashed (engine/fingerprint.py, ``imported_files``): editing the command line, the
site's hooks or the review page changes no screenshot, so it re-runs nothing.
"""

from __future__ import annotations

import re
import subprocess
import tomllib
from importlib.metadata import PackageNotFoundError, requires, version
from pathlib import Path

import orcid_guide
from orcid_guide.engine.browser import find_chromium
from orcid_guide.engine.fingerprint import hash_files, hash_texts, imported_files
from orcid_guide.project import Project

# Where a run starts: the workers that run the tutorials, the options they run with, and the acceptance of
# their shots as baselines.
RUN_ROOTS = ("run.workers", "run.options", "engine.baselines")


def run_package_hash(package: Path, tutorials: Path | None = None) -> str:
    """A hash of the files of ``package`` a run executes or reads, reached from ``RUN_ROOTS`` and from what the
    tutorials in ``tutorials`` import of it."""
    roots = [*RUN_ROOTS, *_imported_by_tutorials(package.name, tutorials)]
    return hash_files(package, imported_files(package, roots))


def _imported_by_tutorials(name: str, tutorials: Path | None) -> list[str]:
    if tutorials is None or not tutorials.is_dir():
        return []
    found = set()
    for module in tutorials.glob("*.py"):
        for line in module.read_text(encoding="utf-8").splitlines():
            match = re.match(rf"\s*(?:from|import)\s+{name}\.([\w.]+)", line)
            if match:
                found.add(match.group(1))
    return sorted(found)


def shared_fingerprint(project: Project, target: str, browser: str) -> str:
    """``browser``: what the Chromium says of its version (``browser_version``)."""
    package = Path(orcid_guide.__file__).parent
    return hash_texts(
        [
            target,
            run_package_hash(package, project.tutorials),
            _settings(project.root / "pyproject.toml"),
            *_library_versions(),
            browser,
        ]
    )


def _settings(pyproject: Path) -> str:
    table = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    return repr(sorted(table.get("tool", {}).get("orcid-guide", {}).items()))


def _library_versions() -> list[str]:
    """Installed versions of the libraries a run uses (a new Pillow or Werkzeug may draw or answer differently)."""
    names = {"playwright", "pillow", "werkzeug", "jinja2"}
    try:
        declared = requires("orcid-guide") or []
    except PackageNotFoundError:
        declared = []
    for requirement in declared:
        distribution = re.match(r"[A-Za-z0-9_.-]+", requirement)
        if distribution and "extra ==" not in requirement:  # the dev tools do not take part in a run
            names.add(distribution.group(0).lower())
    found = []
    for name in sorted(names):
        try:
            found.append(f"{name}=={version(name)}")
        except PackageNotFoundError:
            found.append(f"{name} absent")
    return found


def browser_version() -> str:
    """What the Chromium the tutorials run in says of its version ('Chromium 131.0.6778.85 built on …')."""
    chromium = find_chromium()
    try:
        answer = subprocess.run([chromium, "--version"], capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"{chromium}: {error}"  # then every run differs from the last, and nothing is skipped
    return answer.stdout.strip() or f"{chromium}: no version"
