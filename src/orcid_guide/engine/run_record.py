"""When each tutorial's steps last ran, against what, in which Chromium, and whether they passed.

Two files hold it, in the same shape (tutorial → target → outcome):
- ``build/runs.json``: the last run of each tutorial on each target, whatever its outcome; every ``shoot`` updates
  it and it is never committed.
- ``docs/assets/screenshots/runs.json``: the run that made each tutorial's committed screenshots; ``shoot``
  rewrites a tutorial's entry only when that run wrote one of its baselines (a first baseline, or changes
  accepted with ``--update``), so ordinary runs leave the committed files alone.

The site shows, per tutorial, the later of the two for the emulator (a failed last run is never shown as green)
and the last run on the real ORCID sandbox when there is one (``shown_runs``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

RUNS_FILE = "runs.json"
_VERSION = 1
_CHROMIUM = re.compile(r"(Chrom(e|ium)[^\d]*[\d.]+)")


@dataclass(frozen=True)
class RunOutcome:
    tutorial: str
    target: str  # "mock" (the embedded emulator) or "sandbox" (the real ORCID sandbox)
    finished: str  # ISO 8601 in UTC, to the second
    chromium: str  # "Chromium 131.0.6778.85"
    passed: bool
    steps: int  # how many steps the tutorial has
    skipped: int = 0  # steps that cannot run on this target and were skipped with a reason
    failed_step: int = 0  # the step that failed, when it did not pass (0: none, or its screenshots drifted)

    @property
    def moment(self) -> datetime:
        return datetime.fromisoformat(self.finished)


Runs = dict[str, dict[str, RunOutcome]]


def now_utc() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def chromium_name(version_line: str) -> str:
    """'Chromium 131.0.6778.85 built on Debian …' → 'Chromium 131.0.6778.85'."""
    found = _CHROMIUM.search(version_line)
    return found.group(1) if found else version_line.strip()[:60]


def load_runs(path: Path) -> Runs:
    """The record in ``path``; empty when it is missing, unreadable or of another version."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != _VERSION or not isinstance(data.get("runs"), dict):
        return {}
    runs: Runs = {}
    for tutorial, by_target in data["runs"].items():
        for target, outcome in by_target.items() if isinstance(by_target, dict) else ():
            try:
                read = RunOutcome(**outcome)
                read.moment  # noqa: B018 - only to refuse a time that cannot be read
            except (TypeError, ValueError):
                continue  # an entry written by hand or by another version: left out, not fatal
            runs.setdefault(tutorial, {})[target] = read
    return runs


def save_runs(path: Path, outcomes: Iterable[RunOutcome]) -> None:
    """Put ``outcomes`` into the record in ``path``, over the earlier ones of the same tutorial and target."""
    runs = load_runs(path)
    for outcome in outcomes:
        runs.setdefault(outcome.tutorial, {})[outcome.target] = outcome
    data = {
        "version": _VERSION,
        "runs": {name: {t: asdict(o) for t, o in sorted(by.items())} for name, by in sorted(runs.items())},
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    partial.replace(path)  # whole or not at all


def shown_runs(tutorial: str, committed: Mapping[str, Mapping[str, RunOutcome]], local: Runs) -> list[RunOutcome]:
    """What a page says of ``tutorial``: the later emulator run of the two records, then the last sandbox run."""
    shown = []
    emulator = [runs[tutorial]["mock"] for runs in (committed, local) if "mock" in runs.get(tutorial, {})]
    if emulator:
        shown.append(max(emulator, key=lambda outcome: outcome.moment))
    sandbox = local.get(tutorial, {}).get("sandbox")
    if sandbox is not None:
        shown.append(sandbox)
    return shown
