"""Finding tutorials: each is a module in the tutorials folder with a module-level ``TUTORIAL``, named after its
file."""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import replace
from pathlib import Path

from orcid_guide.engine.steps import Tutorial
from orcid_guide.errors import UserError


def tutorial_names(folder: Path) -> list[str]:
    return sorted(path.stem for path in folder.glob("*.py") if not path.stem.startswith("_"))


def load_tutorial(folder: Path, name: str) -> Tutorial:
    path = folder / f"{name}.py"
    if not path.is_file():
        known = ", ".join(tutorial_names(folder)) or "none"
        raise UserError(f"There is no tutorial named {name!r}; known tutorials: {known}.")
    module_name = f"orcid_guide_tutorials.{name}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise UserError(f"The tutorial file {path.name} cannot be imported.")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    # Tutorials may share helpers in modules beside them (named with a leading underscore).
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
    spec.loader.exec_module(module)
    tutorial = getattr(module, "TUTORIAL", None)
    if not isinstance(tutorial, Tutorial):
        raise UserError(f"The tutorial file {path.name} defines no TUTORIAL.")
    if tutorial.name and tutorial.name != name:
        raise UserError(f"The tutorial in {path.name} is named {tutorial.name!r}; it must be named {name!r}.")
    # A tutorial is named after its file, which is what the guide's pages and the command line call it.
    return replace(tutorial, name=name)


def load_tutorials(folder: Path, names: list[str] | None = None) -> list[Tutorial]:
    """The named tutorials (all when ``names`` is empty), checking every name before loading any."""
    known = tutorial_names(folder)
    wanted = names or known
    unknown = [name for name in wanted if name not in known]
    if unknown:
        listing = ", ".join(known) or "none"
        raise UserError(f"There is no tutorial named {unknown[0]!r}; known tutorials: {listing}.")
    return [load_tutorial(folder, name) for name in wanted]
