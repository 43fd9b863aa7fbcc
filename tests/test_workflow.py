"""The CI workflow runs the README's commands, so what CI does cannot drift from what a newcomer runs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "guide.yml"


def workflow() -> dict[str, Any]:
    loaded = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def test_every_command_the_workflow_runs_is_a_command_of_the_readme() -> None:
    readme_lines = {line.strip() for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines()}
    commands = [step["run"].strip() for job in workflow()["jobs"].values() for step in job["steps"] if "run" in step]
    assert commands == ["bash scripts/test.sh", "bash scripts/setup.sh", ".venv/bin/orcid-guide build"]
    for command in commands:
        assert command in readme_lines, f"{command!r} is not a command line of README.md"


def test_tests_run_on_every_change_and_main_is_built_kept_and_deployed() -> None:
    jobs = workflow()["jobs"]
    assert "if" not in jobs["test"]
    assert jobs["build"]["needs"] == "test" and "refs/heads/main" in jobs["build"]["if"]
    kept = next(step for step in jobs["build"]["steps"] if step.get("uses", "").startswith("actions/upload-artifact"))
    assert kept["if"] == "always()"
    assert kept["with"]["path"].split() == ["build/review", "build/failures"]
    pages = next(s for s in jobs["build"]["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert pages["with"]["path"] == "site"
    assert jobs["deploy"]["needs"] == "build"
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages")
