"""The upstream watch runs weekly and on demand, runs check-upstream on orcid-angular's main and keeps its report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]


def workflow() -> dict[Any, Any]:
    loaded = yaml.safe_load((ROOT / ".github" / "workflows" / "upstream.yml").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def test_it_runs_every_week_and_on_demand() -> None:
    # YAML reads the key "on" as True.
    triggers = workflow()[True]
    assert set(triggers) == {"schedule", "workflow_dispatch"}
    _minute, _hour, day, month, weekday = triggers["schedule"][0]["cron"].split()
    assert (day, month) == ("*", "*") and weekday.isdigit()


def test_it_checks_main_with_enough_history_and_keeps_the_report_even_when_it_fails() -> None:
    steps = workflow()["jobs"]["check-upstream"]["steps"]
    commands = [step["run"] for step in steps if "run" in step]
    assert commands[0] == "bash scripts/setup.sh"
    clone = commands[1].split()
    assert clone[:2] == ["git", "clone"] and "--depth" not in commands[1] and "main" in clone
    assert "https://github.com/ORCID/orcid-angular.git" in clone
    check = commands[2].split()
    assert check[:3] == [".venv/bin/orcid-guide", "check-upstream", clone[-1]]
    report = check[check.index("--report") + 1]
    kept = next(step for step in steps if step.get("uses", "").startswith("actions/upload-artifact"))
    assert kept["if"] == "always()" and kept["with"]["path"] == report
