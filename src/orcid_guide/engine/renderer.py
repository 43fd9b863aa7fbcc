"""What draws the screenshots: the record kept beside the baselines, and the one of this machine.

Pixels are compared exactly only with baselines drawn by the same renderer: the same Chromium, the same font
packages, and the same locked libraries (Playwright, Pillow and the rest, through the lock file's hash).
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

Renderer = Mapping[str, str]


def _run(command: Sequence[str]) -> str:
    try:
        answer = subprocess.run(list(command), capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return answer.stdout.strip()


def chromium_version(chromium: str) -> str:
    return _run([chromium, "--version"]) or f"{Path(chromium).name}: no version"


def font_versions(packages: Sequence[str]) -> str:
    """The installed versions of the font packages, as ``name=version`` (Debian's; else fontconfig's files)."""
    if shutil.which("dpkg-query"):
        found = []
        for package in packages:
            installed = _run(["dpkg-query", "-W", "-f=${Version}", package])
            found.append(f"{package}={installed or 'absent'}")
        return " ".join(found)
    files = _run(["fc-list", "--format=%{file}\\n"])
    return "fontconfig " + hashlib.sha256(files.encode()).hexdigest()[:12]


def lock_hash(lock: Path) -> str:
    if not lock.is_file():
        return "no lock file"
    return hashlib.sha256(lock.read_bytes()).hexdigest()[:16]


def this_renderer(chromium: str, font_packages: Sequence[str], lock: Path) -> dict[str, str]:
    return {
        "chromium": chromium_version(chromium),
        "fonts": font_versions(font_packages),
        "lock": f"{lock.name} {lock_hash(lock)}",
    }


def differences(recorded: Renderer | None, current: Renderer) -> list[str]:
    """What differs between the renderer that drew a set of baselines and this one, one phrase each."""
    if recorded is None:
        return ["no renderer is recorded for the baselines"]
    return [
        f"{key} {recorded.get(key, 'unknown')!r} drew the baselines, {value!r} draws now"
        for key, value in current.items()
        if recorded.get(key) != value
    ]
