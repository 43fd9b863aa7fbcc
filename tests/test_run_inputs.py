"""The shared fingerprint covers what a run executes or reads, and nothing else."""

from __future__ import annotations

import shutil
from pathlib import Path

import orcid_guide
from orcid_guide.run.inputs import run_package_hash

PACKAGE = Path(orcid_guide.__file__).parent
TUTORIALS = Path(__file__).parent.parent / "tutorials"


def copy_of_package(tmp_path: Path) -> Path:
    copy = tmp_path / "orcid_guide"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as file:
        file.write(text)


def test_editing_the_command_line_or_the_site_hooks_reruns_nothing(tmp_path: Path) -> None:
    package = copy_of_package(tmp_path)
    before = run_package_hash(package, TUTORIALS)
    assert before == run_package_hash(PACKAGE, TUTORIALS), "the copy hashes as the package does"
    append(package / "cli.py", "# a comment is an edit\n")
    for hook in (package / "site_hooks").glob("*.py"):
        append(hook, "# a comment is an edit\n")
    (package / "site_hooks" / "new_hook.py").write_text("HOOK = 1\n")
    append(package / "run" / "review.py", "# the review page draws no screenshot\n")
    assert run_package_hash(package, TUTORIALS) == before


def test_editing_what_a_run_executes_or_reads_reruns_it(tmp_path: Path) -> None:
    package = copy_of_package(tmp_path)
    before = run_package_hash(package, TUTORIALS)
    edits = [
        package / "engine" / "runner.py",  # the steps
        package / "engine" / "images.py",  # the comparison
        package / "sandbox" / "orcid" / "views_record.py",  # a screen's code
        package / "run" / "workers.py",
        package / "targets.py",
    ]
    seen = {before}
    for path in edits:
        append(path, "# an edit\n")
        seen.add(run_package_hash(package, TUTORIALS))
    templates = sorted((package / "sandbox" / "orcid" / "templates").rglob("*.html"))
    append(templates[0], "<!-- a changed screen -->\n")  # data beside a module counts
    seen.add(run_package_hash(package, TUTORIALS))
    assert len(seen) == len(edits) + 2, "an edit a run depends on left the fingerprint as it was"
