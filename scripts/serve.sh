#!/usr/bin/env bash
# The main job: set up what is missing, run the tutorials, build the guide and serve it on http://127.0.0.1:8000.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/orcid-guide serve "$@"
