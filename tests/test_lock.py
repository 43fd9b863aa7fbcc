"""The lock file pins what the setup installs: every declared dependency, with hashes, as installed here."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

ROOT = Path(__file__).parent.parent
PIN = re.compile(r"^([A-Za-z0-9_.-]+)==([^\s\\;]+)", re.MULTILINE)


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def locked() -> dict[str, str]:
    return {canonical(name): pinned for name, pinned in PIN.findall((ROOT / "requirements.lock").read_text())}


def declared() -> list[str]:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    requirements = pyproject["project"]["dependencies"] + pyproject["dependency-groups"]["dev"]
    return [canonical(re.match(r"[A-Za-z0-9_.-]+", requirement).group(0)) for requirement in requirements]  # type: ignore[union-attr]


def test_every_declared_dependency_is_pinned_with_hashes() -> None:
    pins = locked()
    assert [name for name in declared() if name not in pins] == []
    text = (ROOT / "requirements.lock").read_text()
    blocks = [block for block in re.split(r"\n(?=[A-Za-z0-9])", text) if PIN.match(block)]
    assert blocks and all("--hash=sha256:" in block for block in blocks)


def test_the_installed_releases_are_the_locked_ones() -> None:
    differing = {}
    for name, pinned in locked().items():
        try:
            installed = version(name)
        except PackageNotFoundError:
            installed = "absent"
        if installed != pinned:
            differing[name] = (pinned, installed)
    assert differing == {}, "run bash scripts/setup.sh to install requirements.lock"
