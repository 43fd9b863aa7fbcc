"""Files a step downloads and keeps under a name, so that a later step can upload them (one folder per run)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page

from orcid_guide.engine.steps import Env


class KeptFileMissing(Exception):
    pass


def _path(env: Env, name: str) -> Path:
    if env.kept is None:
        raise ValueError("this run has no folder for kept files (Env.kept is not set)")
    # A plain file name only: a name with a folder in it could write outside the run's folder.
    if not name or name in (".", "..") or Path(name).name != name or "\\" in name:
        raise ValueError(f"a kept file needs a plain file name, not {name!r}")
    return env.kept / name


def keep_download(page: Page, env: Env, name: str, start: Callable[[], None]) -> Path:
    """Run ``start`` (a click), wait for the download it begins, and keep the file as ``name``."""
    path = _path(env, name)
    with page.expect_download() as started:
        start()
    download = started.value
    failure = download.failure()
    if failure is not None:
        raise KeptFileMissing(f"the download of {name} failed: {failure}.")
    path.parent.mkdir(parents=True, exist_ok=True)
    download.save_as(path)
    return path


def kept_file(env: Env, name: str) -> Path:
    """The file an earlier step kept as ``name``."""
    path = _path(env, name)
    if not path.is_file():
        raise KeptFileMissing(f"no file is kept under the name {name}; an earlier step must download it first.")
    return path
