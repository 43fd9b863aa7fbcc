"""The CI workflow runs the README's commands, so what CI does cannot drift from what a newcomer runs; and it runs
each tutorial once, in shards whose results one job merges, before the site is built and deployed from main."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from orcid_guide.engine.loader import tutorial_names
from tests.helpers.tutorial_runs import SKIP_REASON, SKIP_TUTORIALS

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "guide.yml"
TUTORIAL_RUNS = ["tests/test_tutorials.py", "-m", "tutorials"]
MAIN_PUSH = "github.event_name == 'push' && github.ref == 'refs/heads/main'"


def workflow() -> dict[Any, Any]:
    loaded = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def jobs() -> dict[str, Any]:
    found: dict[str, Any] = workflow()["jobs"]
    return found


def commands(job: str) -> list[str]:
    return [step["run"].strip() for step in jobs()[job]["steps"] if "run" in step]


def uses(job: str, action: str) -> list[dict[str, Any]]:
    return [step for step in jobs()[job]["steps"] if step.get("uses", "").startswith(f"{action}@")]


def shards() -> list[int]:
    listed: list[int] = jobs()["shoot"]["strategy"]["matrix"]["shard"]
    return listed


def test_every_command_the_workflow_runs_is_a_command_of_the_readme() -> None:
    readme_lines = {line.strip() for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines()}
    every = [command for job in jobs() for command in commands(job)]
    assert every, "the workflow runs no command"
    for command in every:
        # The README names the matrix's shard I (one line for all of them).
        written = command.replace("${{ matrix.shard }}", "I")
        assert written in readme_lines, f"{written!r} is not a command line of README.md"


def test_the_tests_run_on_every_change_without_the_tutorials_and_keep_their_report_and_failures() -> None:
    assert set(workflow()[True]) == {"push", "pull_request"}  # YAML reads the key "on" as True
    test = jobs()["test"]
    assert "if" not in test
    assert test["env"][SKIP_TUTORIALS] == "1"
    (command,) = commands("test")
    assert command.split()[:2] == ["bash", "scripts/test.sh"]
    junit = re.fullmatch(r"--junitxml=(\S+)", command.split()[2])
    assert junit is not None
    report, failures = uses("test", "actions/upload-artifact")
    assert report["if"] == "always()" and report["with"]["path"] == junit.group(1)
    assert failures["if"] == "failure()"
    kept = failures["with"]["path"].split()
    assert "build/failures" in kept and any(path.startswith("/tmp/pytest-of-") for path in kept)


def test_the_tutorials_run_once_in_two_to_four_shards_each_keeping_its_build_folder() -> None:
    shoot = jobs()["shoot"]
    assert "if" not in shoot and "needs" not in shoot
    assert shoot["strategy"]["fail-fast"] is False
    count = len(shards())
    assert 2 <= count <= 4 and shards() == list(range(1, count + 1))
    assert commands("shoot") == [
        "bash scripts/setup.sh",
        f".venv/bin/orcid-guide shoot --shard ${{{{ matrix.shard }}}}/{count}",
    ]
    (kept,) = uses("shoot", "actions/upload-artifact")
    assert kept["if"] == "always()"
    assert kept["with"]["name"] == "shard-${{ matrix.shard }}" and kept["with"]["path"].rstrip("/") == "build"
    # Nothing else in the workflow runs a tutorial: not the tests (above), not the site's build (below).
    every = [command for job in jobs() for command in commands(job)]
    assert [command for command in every if " shoot" in command] == commands("shoot")[1:]


def test_one_job_merges_every_shard_and_keeps_the_review_page_whatever_happened() -> None:
    merge = jobs()["merge"]
    assert set(merge["needs"]) == {"test", "shoot"}
    assert merge["if"] == "${{ !cancelled() }}"
    (download,) = uses("merge", "actions/download-artifact")
    assert download["with"]["pattern"] == "shard-*"  # each artifact in its own folder, named after it
    names = " ".join(f"shard-{number}" for number in shards())
    assert f".venv/bin/orcid-guide merge {names} --into build" in commands("merge")
    review = next(s for s in uses("merge", "actions/upload-artifact") if s["with"]["name"] == "screenshot-review")
    assert review["if"] == "always()"
    assert {"build/review", "build/failures"} <= set(review["with"]["path"].split())


def test_on_main_the_site_is_built_from_the_committed_screenshots_after_everything_passed_and_deployed() -> None:
    steps = jobs()["merge"]["steps"]
    merged = next(i for i, step in enumerate(steps) if step.get("run", "").startswith(".venv/bin/orcid-guide merge"))
    build = next(i for i, step in enumerate(steps) if step.get("run") == ".venv/bin/orcid-guide build --no-shoot")
    (pages,) = uses("merge", "actions/upload-pages-artifact")
    assert merged < build < steps.index(pages) and pages["with"]["path"] == "site"
    for step in (steps[build], pages):
        condition = step["if"]
        assert MAIN_PUSH in condition
        assert "needs.test.result == 'success'" in condition and "needs.shoot.result == 'success'" in condition
    deploy = jobs()["deploy"]
    assert set(deploy["needs"]) == {"test", "shoot", "merge"} and deploy["if"] == MAIN_PUSH
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_every_job_checks_out_the_whole_history_and_caches_pip_by_the_lock() -> None:
    for name, job in jobs().items():
        if name == "deploy":
            continue  # it only publishes the artifact
        (checkout,) = uses(name, "actions/checkout")
        assert checkout["with"]["fetch-depth"] == 0, name  # page dates come from the whole history
        (cache,) = uses(name, "actions/cache")
        assert cache["with"]["path"] == "~/.cache/pip", name
        assert "hashFiles('requirements.lock')" in cache["with"]["key"], name
        assert (
            job["steps"].index(checkout)
            < job["steps"].index(cache)
            < next(i for i, step in enumerate(job["steps"]) if "run" in step)
        ), name


def test_a_newer_push_cancels_the_older_run_of_the_same_branch() -> None:
    assert workflow()["concurrency"] == {"group": "guide-${{ github.ref }}", "cancel-in-progress": True}


def test_with_the_workflows_setting_the_suite_skips_every_tutorial_run_and_nothing_else(tmp_path: Path) -> None:
    names = tutorial_names(ROOT / "tutorials")
    environment = {**os.environ, SKIP_TUTORIALS: "1"}
    ran = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-rs",
            "-p",
            "no:cacheprovider",
            f"--basetemp={tmp_path}",
            *TUTORIAL_RUNS,
        ],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert re.search(rf"^{len(names)} skipped, \d+ deselected", ran.stdout.splitlines()[-1]), ran.stdout
    assert SKIP_REASON in ran.stdout
