"""The suite's own shape: shared fixtures once in conftest, shared code in tests/helpers, no test-only code in the
shipped package, and every library the code imports declared where pip installs it from."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"
# Modules of the project itself, or beside the code that imports them (scripts/ and tutorials/ import their own).
LOCAL = {"orcid_guide", "tests", "__future__"}
LOCAL |= {path.stem for folder in ("scripts", "tutorials") for path in (ROOT / folder).glob("*.py")}
SHIPPED = {"src", "tutorials"}  # what `pip install .` and its runs need: the project's dependencies
CHECKS = {"tests", "scripts", "snippets"}  # these may also use the dev group (the snippets run in the tests)


def imported(path: Path) -> set[str]:
    """The top-level modules a file imports (absolute imports only)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def test_no_test_module_imports_another_or_conftest() -> None:
    offending = {
        path.name: sorted(name for name in imported(path) if re.match(r"(tests\.)?(test_\w+|conftest)(\.|$)", name))
        for path in TESTS.rglob("*.py")
    }
    assert {name: found for name, found in offending.items() if found} == {}


def test_the_app_and_client_fixtures_are_defined_once_in_conftest() -> None:
    defined = {
        path.relative_to(TESTS).as_posix(): node.name
        for path in TESTS.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef)
        and node.name in ("app", "client")
        and any("fixture" in ast.unparse(decorator) for decorator in node.decorator_list)
    }
    # A module-scoped app, built once for a module's many read-only tests, is the one kind kept beside its tests.
    module_scoped = {
        path.relative_to(TESTS).as_posix()
        for path in TESTS.glob("test_*.py")
        if re.search(r'@pytest\.fixture\(scope="module"\)\ndef app\(', path.read_text(encoding="utf-8"))
    }
    assert {name for name in defined if name not in module_scoped} == {"conftest.py"}


def test_the_shipped_package_holds_no_test_code() -> None:
    package = ROOT / "src" / "orcid_guide"
    assert not [path for path in package.rglob("*.py") if path.stem in ("testing", "conftest") or "test" in path.parts]
    for path in package.rglob("*.py"):
        assert not {name for name in imported(path) if name.split(".")[0] in ("tests", "pytest")}, path


def _declared(names: list[str]) -> set[str]:
    return {re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0].lower().replace("_", "-") for requirement in names}


def test_every_library_the_code_imports_is_declared() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    runtime = _declared(pyproject["project"]["dependencies"])
    dev = runtime | _declared(pyproject["dependency-groups"]["dev"])
    distributions = packages_distributions()
    undeclared: dict[str, set[str]] = {}
    for folder in SHIPPED | CHECKS:
        allowed = runtime if folder in SHIPPED else dev
        for path in (ROOT / folder).rglob("*.py"):
            for name in imported(path):
                top = name.split(".")[0]
                if top in sys.stdlib_module_names or top in LOCAL:
                    continue
                installed_as = {d.lower().replace("_", "-") for d in distributions.get(top, [top])}
                if not installed_as & allowed:
                    undeclared.setdefault(top, set()).add(path.relative_to(ROOT).as_posix())
    assert undeclared == {}, (
        f"imported but not declared in pyproject.toml (run scripts/lock.sh after adding): {undeclared}"
    )
