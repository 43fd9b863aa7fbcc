"""What every tutorial run depends on besides its own module: this package (engine, sandbox code and data),
the guide's settings, the installed libraries and the browser."""

from __future__ import annotations

import re
import subprocess
import tomllib
from importlib.metadata import PackageNotFoundError, requires, version
from pathlib import Path

import orcid_guide
from orcid_guide.engine.browser import find_chromium
from orcid_guide.engine.fingerprint import hash_texts, hash_tree
from orcid_guide.project import Project


def shared_fingerprint(project: Project, target: str) -> str:
    package = Path(orcid_guide.__file__).parent
    return hash_texts(
        [
            target,
            hash_tree(package),
            _settings(project.root / "pyproject.toml"),
            *_library_versions(),
            browser_version(),
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
