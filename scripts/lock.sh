#!/usr/bin/env bash
# Writes requirements.lock: every Python package the guide and its tests install, pinned with hashes, resolved
# from the ranges in pyproject.toml (the project and its dev dependency group). Run it after changing those
# ranges, or to take newer releases on purpose; then re-make the baselines, since a new Playwright or Pillow
# may draw otherwise (the lock's hash is part of the renderer recorded beside them).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python -m pip install --quiet --disable-pip-version-check "uv==0.13.9"
.venv/bin/uv pip compile pyproject.toml --group dev --python-version 3.11 --generate-hashes \
  --no-header --quiet --output-file requirements.lock
echo "Wrote requirements.lock"
