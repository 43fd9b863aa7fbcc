"""Fingerprints of a run's inputs: any change in a hashed folder counts, nothing else does."""

from __future__ import annotations

from pathlib import Path

import pytest

from orcid_guide.engine.fingerprint import hash_tree, imported_files, local_imports, tutorial_fingerprint
from orcid_guide.engine.run_state import load_good_runs, save_good_runs


def test_a_new_edited_or_renamed_file_anywhere_in_a_folder_changes_its_hash(tmp_path: Path) -> None:
    package = tmp_path / "sandbox"
    (package / "orcid" / "templates").mkdir(parents=True)
    (package / "orcid" / "app.py").write_text("APP = 1\n")
    first = hash_tree(package)
    (package / "orcid" / "__pycache__").mkdir()
    (package / "orcid" / "__pycache__" / "app.cpython-311.pyc").write_bytes(b"compiled")
    assert hash_tree(package) == first, "compiled files are not inputs"
    (package / "crossref").mkdir()
    (package / "crossref" / "app.py").write_text("APP = 2\n")
    with_new_package = hash_tree(package)
    assert with_new_package != first
    (package / "orcid" / "templates" / "works.html").write_text("<h1>Works</h1>")
    assert hash_tree(package) != with_new_package
    (package / "orcid" / "templates" / "works.html").rename(package / "orcid" / "templates" / "record.html")
    assert len({first, with_new_package, hash_tree(package)}) == 3


@pytest.mark.parametrize(
    "source",
    [
        "import json, _login as login\n",
        "import json; import _login\n",
        "def act():\n    from _login.forms import log_in\n",
        "import json, \\\n    _login\n",
        "from _login import (\n    log_in,\n)\n",
    ],
)
def test_every_form_of_an_import_of_a_helper_counts(tmp_path: Path, source: str) -> None:
    (tmp_path / "one.py").write_text(source)
    (tmp_path / "_login.py").write_text("")
    assert [path.name for path in local_imports(tmp_path, tmp_path / "one.py")] == ["_login.py", "one.py"]


def test_a_relative_import_or_a_word_that_starts_with_import_is_no_helper(tmp_path: Path) -> None:
    (tmp_path / "one.py").write_text("from . import _login\nimport_login = 1\n")
    (tmp_path / "_login.py").write_text("")
    assert [path.name for path in local_imports(tmp_path, tmp_path / "one.py")] == ["one.py"]


def test_a_tutorial_depends_on_the_helpers_it_imports_directly_or_not(tmp_path: Path) -> None:
    (tmp_path / "one.py").write_text("from _login import log_in\n")
    (tmp_path / "two.py").write_text("import json\n")
    (tmp_path / "_login.py").write_text("import _urls\n")
    (tmp_path / "_urls.py").write_text("HOME = '/'\n")
    assert [path.name for path in local_imports(tmp_path, tmp_path / "one.py")] == ["_login.py", "_urls.py", "one.py"]
    assert [path.name for path in local_imports(tmp_path, tmp_path / "two.py")] == ["two.py"]

    def fingerprints() -> tuple[str, str]:
        one, two = (tutorial_fingerprint("shared", tmp_path, n, tmp_path / "shots" / n) for n in ("one", "two"))
        return one, two

    before = fingerprints()
    (tmp_path / "_urls.py").write_text("HOME = '/home'\n")
    after = fingerprints()
    assert after[0] != before[0] and after[1] == before[1]
    (tmp_path / "shots" / "two").mkdir(parents=True)
    (tmp_path / "shots" / "two" / "01-open.png").write_bytes(b"png")
    assert fingerprints()[1] != after[1]
    assert tutorial_fingerprint("other", tmp_path, "two", tmp_path / "shots" / "two") != fingerprints()[1]


def test_the_record_of_good_runs_survives_a_round_trip_and_ignores_a_damaged_file(tmp_path: Path) -> None:
    state = tmp_path / "build" / "state.json"
    assert load_good_runs(state) == {}
    save_good_runs(state, {"two": "b", "one": "a"})
    assert load_good_runs(state) == {"one": "a", "two": "b"}
    state.write_text("{not json")
    assert load_good_runs(state) == {}


def test_a_run_reads_every_module_it_imports_however_the_import_is_written(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    for module in ("__init__", "a", "b", "c", "d", "unused", "sub/__init__", "sub/e"):
        (package / f"{module}.py").write_text("")
    (package / "a.py").write_text(
        "from pkg import (\n    b,  # a comment between names\n    c,\n)\n"
        "def later():\n    import pkg.d as renamed\n"
        "x = 1; from pkg.sub import e\n"
    )
    found = imported_files(package, ["a"])
    assert sorted(path.relative_to(package).as_posix() for path in found) == [
        "__init__.py",
        "a.py",
        "b.py",
        "c.py",
        "d.py",
        "sub/__init__.py",
        "sub/e.py",
    ]
