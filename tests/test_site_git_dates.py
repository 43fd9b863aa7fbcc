"""Page dates from git: a shallow CI checkout gives an info line, not a warning that fails a --strict build."""

from __future__ import annotations

import logging

from orcid_guide.site_hooks.git_dates import keep_shallow_clone_warning_as_info


def record(level: int, message: str) -> logging.LogRecord:
    return logging.LogRecord("plugin", level, __file__, 1, message, None, None)


def test_the_shallow_clone_warning_becomes_an_info_line() -> None:
    shallow = record(
        logging.WARNING, "Running on GitHub Actions might lead to wrong dates due to a shallow git fetch depth."
    )
    assert keep_shallow_clone_warning_as_info(shallow)
    assert (shallow.levelno, shallow.levelname) == (logging.INFO, "INFO")


def test_other_warnings_stay_warnings() -> None:
    other = record(logging.WARNING, "Unable to read git logs of 'docs/en/index.md'.")
    assert keep_shallow_clone_warning_as_info(other)
    assert other.levelno == logging.WARNING
