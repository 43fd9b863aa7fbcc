"""'orcid-guide shoot' and 'build' on a tiny project of their own: exit status, summary, failures, review page."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from orcid_guide.cli import cli

TUTORIAL = """
from pathlib import Path
{imports}

from playwright.sync_api import Page

from orcid_guide.engine.actions import needs_env
from orcid_guide.engine.steps import Env, Step, Tutorial


@needs_env
def show(page: Page, env: Env) -> None:
    page.set_content((Path(__file__).parent / "{name}.html").read_text())


TUTORIAL = Tutorial(
    "{name}",
    (
        Step("look", en="You see **Hello**.", nl="U ziet **Hello**.", act=show),
        Step(
            "press", en="Click **Go**.", nl="Klik op **Go**.", target=lambda page: page.get_by_role("button", name="Go")
        ),
    ),
)
"""
PAGE = "<body style='font-family: DejaVu Sans'><h1>Hello</h1><p>{text}</p><button>Go</button></body>"
NAMES = ("tiny_alpha", "tiny_beta")
HELPER = "GREETING = 'Hello'\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with two one-page tutorials whose pages the test rewrites."""
    root = tmp_path / "project"
    (root / "tutorials").mkdir(parents=True)
    (root / "pyproject.toml").write_text(
        textwrap.dedent(
            """
            [tool.orcid-guide]
            viewport = [320, 200]
            """
        )
    )
    for name in NAMES:
        # Only tiny_beta uses the helper module beside the tutorials.
        imports = "import _tiny_helper" if name == "tiny_beta" else ""
        (root / "tutorials" / f"{name}.py").write_text(TUTORIAL.format(name=name, imports=imports))
        (root / "tutorials" / f"{name}.html").write_text(PAGE.format(text=name))
    (root / "tutorials" / "_tiny_helper.py").write_text(HELPER)
    monkeypatch.chdir(root)
    return root


@dataclass(frozen=True)
class Ran:
    exit_code: int
    output: str  # stdout and stderr as they came


def shoot(*arguments: str) -> Ran:
    """The command as staff run it, in a process of its own (this one may already drive a browser).

    One worker unless the test asks for more: starting a second browser costs more than these tiny tutorials.
    """
    jobs = [] if "--jobs" in arguments else ["--jobs", "1"]
    command = [str(Path(sys.executable).with_name("orcid-guide")), "shoot", *jobs, *arguments]
    environment = {**os.environ, "PYTHONUNBUFFERED": "1"}
    done = subprocess.run(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=environment, check=False
    )
    return Ran(done.returncode, done.stdout)


def test_a_changed_screenshot_fails_the_run_until_it_is_accepted(project: Path) -> None:
    first = shoot()
    assert first.exit_code == 0, first.output
    assert "Screenshots: 4 new, 0 changed, 0 unchanged." in first.output
    again = shoot()
    assert again.exit_code == 0, again.output
    for name in NAMES:
        assert f"{name}: skipped, unchanged since its last good run (--force runs it)" in again.output
    assert "Screenshots: 0 new, 0 changed, 0 unchanged." in again.output

    (project / "tutorials" / "tiny_beta.html").write_text(PAGE.format(text="something else entirely, at length"))
    changed = shoot()
    assert changed.exit_code == 1
    assert "Changed: tiny_beta/01-look.png (" in changed.output
    assert "Review page: build/review/index.html" in changed.output
    assert changed.output.endswith(
        "Error: 2 screenshots changed: see build/review/index.html; "
        "accept the changes with 'orcid-guide shoot --update'.\n"
    )
    assert "tiny_beta / 01-look.png: changed" in (project / "build" / "review" / "index.html").read_text()
    # A run that drifted is not a good run: the next one runs it again rather than skipping the drift.
    assert "Changed: tiny_beta/01-look.png (" in shoot().output

    accepted = shoot("--update")
    assert accepted.exit_code == 0, accepted.output
    assert "tiny_alpha: skipped" in accepted.output
    assert "tiny_beta: ok" in accepted.output
    after = shoot()
    assert after.exit_code == 0
    assert "tiny_beta: skipped" in after.output


def test_only_tutorials_whose_inputs_changed_run_again(project: Path) -> None:
    assert shoot().exit_code == 0
    tutorials = project / "tutorials"
    with (tutorials / "tiny_alpha.py").open("a") as module:
        module.write("# a comment is a change too\n")
    edited = shoot()
    assert "tiny_alpha: ok" in edited.output
    assert "tiny_beta: skipped" in edited.output

    (tutorials / "_tiny_helper.py").write_text(HELPER + "FAREWELL = 'Bye'\n")
    helper_edited = shoot()
    assert "tiny_alpha: skipped" in helper_edited.output
    assert "tiny_beta: ok" in helper_edited.output
    state = json.loads((project / "build" / "state.json").read_text())
    assert sorted(state["good"]) == list(NAMES)


def test_every_failure_is_listed_and_the_failures_folder_holds_this_run_only(project: Path) -> None:
    with (project / "pyproject.toml").open("a") as settings:
        settings.write("step-timeout = 1\n")  # each failure waits this long for its label, twice
    (project / "build" / "failures" / "old_tutorial").mkdir(parents=True)
    for name in NAMES:
        renamed = PAGE.format(text=name).replace("Go</button>", "Run</button>")
        (project / "tutorials" / f"{name}.html").write_text(renamed)
    result = shoot()
    assert result.exit_code == 1
    for name in NAMES:
        expected = f'FAILED: Tutorial {name}, step 2 (press), shown on no page yet: the label "Go" is not on'
        assert expected in result.output
    assert result.output.endswith("Error: 2 tutorials failed: see build/review/index.html.\n")
    assert sorted(path.name for path in (project / "build" / "failures").iterdir()) == sorted(NAMES)
    for name in NAMES:  # untraced first, then once more with tracing
        assert f"  {name}: step 2 failed; running the tutorial again with tracing" in result.output
        assert (project / "build" / "failures" / name / "trace.zip").stat().st_size > 0
        assert sorted(path.name for path in (project / "build" / "failures" / name).iterdir()) == [
            "02-press.png",
            "trace.zip",
        ]
    review = (project / "build" / "review" / "index.html").read_text()
    assert review.count("FAILED:") == 2
    assert "No screenshot differs" not in review


def without_timings(output: str) -> str:
    return re.sub(r" in \d+\.\d s,", " in … s,", output)


def test_two_workers_report_exactly_what_one_does_and_a_second_run_skips_everything(project: Path) -> None:
    parallel = shoot("--jobs", "2")
    assert parallel.exit_code == 0, parallel.output
    review = (project / "build" / "review" / "index.html").read_text()
    shutil.rmtree(project / "docs")  # start over, so that the serial run makes the same new baselines
    serial = shoot("--jobs", "1", "--force")
    assert serial.exit_code == 0, serial.output
    assert without_timings(parallel.output) == without_timings(serial.output)
    assert (project / "build" / "review" / "index.html").read_text() == review
    # Each run and each worker had a sandbox folder of its own, and none is left behind.
    assert [path.name for path in (project / "build").iterdir() if path.name.startswith("sandbox")] == []

    again = shoot("--jobs", "2")
    assert again.exit_code == 0
    assert [line for line in again.output.splitlines() if not line.startswith(" ")] == [
        "tiny_alpha: skipped, unchanged since its last good run (--force runs it)",
        "tiny_beta: skipped, unchanged since its last good run (--force runs it)",
        "Screenshots: 0 new, 0 changed, 0 unchanged.",
    ]
    one_shard = shoot("--shard", "2/2")
    assert one_shard.output.startswith("  Shard 2/2: tiny_beta\n")
    assert "tiny_alpha" not in one_shard.output


@pytest.mark.parametrize(
    ("argv", "error"),
    [
        (["--shard", "3/2"], "--shard 3/2 does not exist; I/N needs N at least 1 and I from 1 to N."),
        (
            ["--shard", "half"],
            "--shard takes I/N, such as 1/3 for the first of three shards; 'half' is not of that form.",
        ),
        (["--jobs", "0"], "--jobs 0 runs nothing; give at least 1 (the default is the number of cores)."),
        (["--jobs", "many"], "--jobs takes a number of tutorials to run side by side, such as 2; 'many' is not one."),
    ],
)
def test_bad_jobs_and_shards_are_one_sentence(project: Path, argv: list[str], error: str) -> None:
    result = CliRunner().invoke(cli, ["shoot", *argv])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {error}")
    assert result.output.count("\n") == 1


def test_on_another_renderer_the_run_says_so_tolerates_noise_and_still_fails_a_changed_word(project: Path) -> None:
    assert shoot().exit_code == 0
    manifest = project / "docs" / "assets" / "screenshots" / "tiny_beta" / "shots.json"
    recorded = json.loads(manifest.read_text())
    assert set(recorded["renderer"]) == {"chromium", "fonts", "lock"}
    recorded["renderer"]["chromium"] = "Chromium 1.0"
    manifest.write_text(json.dumps(recorded))

    other = shoot("--force")
    assert other.exit_code == 0, other.output
    sentence = (
        "This machine draws otherwise than the baselines of tiny_beta (chromium 'Chromium 1.0' drew the baselines"
    )
    assert sentence in other.output
    assert "pixel noise smaller than a character is tolerated, every word is still compared exactly." in other.output
    assert sentence.replace("'", "&#x27;") in (project / "build" / "review" / "index.html").read_text()

    (project / "tutorials" / "tiny_beta.html").write_text(PAGE.format(text="tiny_betA"))
    changed = shoot()
    assert changed.exit_code == 1
    assert "Changed: tiny_beta/01-look.png (text '- paragraph: tiny_beta' became '- paragraph: tiny_betA'" in (
        changed.output
    )


def test_update_on_another_renderer_pins_the_baselines_to_this_one(project: Path) -> None:
    assert shoot().exit_code == 0
    manifest = project / "docs" / "assets" / "screenshots" / "tiny_beta" / "shots.json"
    drawn_here = json.loads(manifest.read_text())["renderer"]
    recorded = json.loads(manifest.read_text())
    recorded["renderer"]["chromium"] = "Chromium 1.0"
    manifest.write_text(json.dumps(recorded))

    updated = shoot("--update", "--force")
    assert updated.exit_code == 0, updated.output
    assert "This machine draws otherwise than the baselines of tiny_beta" in updated.output
    assert json.loads(manifest.read_text())["renderer"] == drawn_here
    again = shoot("--force")
    assert again.exit_code == 0, again.output
    assert "draws otherwise" not in again.output


def orcid_guide(*arguments: str) -> Ran:
    command = [str(Path(sys.executable).with_name("orcid-guide")), *arguments]
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=False)
    return Ran(done.returncode, done.stdout)


def run_shard(project: Path, shard: str, folder: str) -> Ran:
    """``shoot --shard`` as a CI runner does it, its build folder then kept as the runner's artifact."""
    ran = shoot("--shard", shard)
    (project / "build").rename(project / folder)
    return ran


def test_every_run_writes_a_report_with_each_step_and_its_comparison(project: Path) -> None:
    assert shoot().exit_code == 0
    report = json.loads((project / "build" / "report.json").read_text())
    assert set(report["renderer"]) == {"chromium", "fonts", "lock"}
    assert [entry["name"] for entry in report["tutorials"]] == list(NAMES)
    beta = report["tutorials"][1]
    assert (beta["status"], beta["failure"]) == ("passed", None)
    assert [(step["number"], step["id"], step["status"]) for step in beta["steps"]] == [
        (1, "look", "passed"),
        (2, "press", "passed"),
    ]
    look = beta["steps"][0]
    assert look["seconds"] > 0
    assert (look["shot"]["name"], look["shot"]["status"], look["shot"]["written"]) == ("01-look.png", "new", True)
    assert (project / "build" / look["shot"]["new"]).is_file()

    (project / "tutorials" / "tiny_beta.html").write_text(PAGE.format(text="something else entirely, at length"))
    assert shoot().exit_code == 1
    report = json.loads((project / "build" / "report.json").read_text())
    assert [entry["status"] for entry in report["tutorials"]] == ["passed", "changed"]
    shot = report["tutorials"][1]["steps"][0]["shot"]
    assert (shot["status"], shot["pixels"], shot["written"]) == ("changed", "changed", False)
    assert shot["changed_pixels"] > 0
    assert "+- paragraph: something else entirely, at length" in shot["text_changes"]
    # The comparison's own difference image is what the review page shows.
    difference = (project / "build" / shot["difference"]).read_bytes()
    review = project / "build" / "review"
    assert (review / "images" / "tiny_beta--01-look--difference.png").read_bytes() == difference


def test_two_shards_merge_into_one_report_review_page_and_record_of_runs(project: Path) -> None:
    first, second = run_shard(project, "1/2", "shard-1"), run_shard(project, "2/2", "shard-2")
    assert (first.exit_code, second.exit_code) == (0, 0), first.output + second.output
    merged = orcid_guide("merge", "shard-1", "shard-2", "--into", "build")
    assert merged.exit_code == 0, merged.output
    report = json.loads((project / "build" / "report.json").read_text())
    assert [(entry["name"], entry["status"]) for entry in report["tutorials"]] == [
        ("tiny_alpha", "passed"),
        ("tiny_beta", "passed"),
    ]
    for entry in report["tutorials"]:  # every path in it leads to a file copied from its shard
        for step in entry["steps"]:
            assert (project / "build" / step["shot"]["new"]).is_file()
    runs = json.loads((project / "build" / "runs.json").read_text())["runs"]
    assert sorted(runs) == list(NAMES)
    assert all(runs[name]["mock"]["passed"] for name in NAMES)
    page = (project / "build" / "review" / "index.html").read_text()
    assert "4 of 4 screenshots differ from their baselines." in page  # the first baselines, new
    assert page.count("baseline written") == 4

    # A shard whose screenshot changed, and one whose tutorial failed: the merge says so and fails.
    shutil.rmtree(project / "build")
    for folder in ("shard-1", "shard-2"):
        shutil.rmtree(project / folder)
    (project / "tutorials" / "tiny_alpha.html").write_text(PAGE.format(text="tiny_alpha, changed"))
    renamed = PAGE.format(text="tiny_beta").replace("Go</button>", "Run</button>")
    (project / "tutorials" / "tiny_beta.html").write_text(renamed)
    with (project / "pyproject.toml").open("a") as settings:
        settings.write("step-timeout = 1\n")
    first, second = run_shard(project, "1/2", "shard-1"), run_shard(project, "2/2", "shard-2")
    assert (first.exit_code, second.exit_code) == (1, 1)
    merged = orcid_guide("merge", "shard-1", "shard-2", "--into", "build")
    assert merged.exit_code == 1
    assert "tiny_alpha: changed" in merged.output and "tiny_beta: failed" in merged.output
    assert merged.output.endswith(
        "Error: 3 screenshots changed and 1 tutorial failed: see build/review/index.html.\n"
    ), merged.output
    page = (project / "build" / "review" / "index.html").read_text()
    assert page.index("FAILED: tiny_beta, step 2 (press)") < page.index("tiny_alpha / 01-look.png: changed")
    assert (project / "build" / "failures" / "tiny_beta" / "trace.zip").stat().st_size > 0
    assert "images/tiny_alpha--01-look--difference.png" in page


def test_merging_a_folder_without_a_report_is_one_sentence(project: Path) -> None:
    (project / "empty").mkdir()
    merged = orcid_guide("merge", "empty")
    assert merged.exit_code == 1
    assert merged.output.startswith("Error: empty holds no run report to merge: ")
    assert merged.output.count("\n") == 1
