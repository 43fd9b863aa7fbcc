#!/usr/bin/env bash
# Installs what the guide needs and is missing: Debian's Chromium and fonts, and a virtual environment
# (.venv) with the project in it. Safe to run again: it only does what is not done yet.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
# Chromium's headless shell draws the baselines (src/orcid_guide/engine/browser.py says why not the full browser).
for package in chromium-headless-shell fonts-dejavu-core fonts-liberation; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing from Debian: ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "Error: ${missing[*]} must be installed with apt-get, which needs root; ask an administrator." >&2
    exit 1
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  echo "Creating the virtual environment .venv"
  python3 -m venv .venv
fi
# The exact releases of requirements.lock (with their hashes), so every machine draws and fingerprints alike;
# reinstalled when the lock or pyproject.toml changed since the last install.
if [ ! -f .venv/.installed ] || [ requirements.lock -nt .venv/.installed ] || [ pyproject.toml -nt .venv/.installed ]; then
  echo "Installing the locked dependencies and the project into .venv"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
  touch .venv/.installed
fi
