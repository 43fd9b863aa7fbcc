"""MkDocs hook: a shallow clone on CI is a reason for rough page dates, not for failing the --strict build.

mkdocs-git-revision-date-localized-plugin warns on GitHub Actions when the checkout is shallow (the default
``fetch-depth: 1``): every page then gets the date of that one commit. The CI workflow should fetch the whole
history (``fetch-depth: 0``); until it does, the warning is kept as an info line so that the build goes on.
"""

from __future__ import annotations

import logging
from typing import Any

PLUGIN_LOGGER = "mkdocs.plugins.mkdocs_git_revision_date_localized_plugin.ci"
SHALLOW = "shallow git fetch depth"


def keep_shallow_clone_warning_as_info(record: logging.LogRecord) -> bool:
    if record.levelno == logging.WARNING and SHALLOW in record.getMessage():
        record.levelno, record.levelname = logging.INFO, "INFO"
    return True


def on_startup(**_: Any) -> None:
    logger = logging.getLogger(PLUGIN_LOGGER)
    if keep_shallow_clone_warning_as_info not in logger.filters:
        logger.addFilter(keep_shallow_clone_warning_as_info)
