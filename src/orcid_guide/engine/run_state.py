"""The record of good runs (build/state.json): per tutorial, the fingerprint of its inputs at its last good run.

Only good runs are recorded (every step passed, every screenshot matches or was accepted), so a tutorial that
failed or drifted always runs again.
"""

from __future__ import annotations

import json
from pathlib import Path

_VERSION = 1


def load_good_runs(path: Path) -> dict[str, str]:
    """Tutorial name → fingerprint; empty when the file is missing, unreadable or from another version."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != _VERSION or not isinstance(data.get("good"), dict):
        return {}
    return {str(name): str(fingerprint) for name, fingerprint in data["good"].items()}


def save_good_runs(path: Path, good: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"version": _VERSION, "good": dict(sorted(good.items()))}, indent=2)
    # Written whole and then renamed, so an interrupted run never leaves half a file.
    partial = path.with_suffix(".partial")
    partial.write_text(text + "\n", encoding="utf-8")
    partial.replace(path)
