"""The switch that leaves the suite's end-to-end tutorial runs (the tests marked ``tutorials``) to someone else."""

from __future__ import annotations

# Set to 1 by the CI workflow, whose shoot shards run every tutorial once; locally the suite runs them too.
SKIP_TUTORIALS = "ORCID_GUIDE_SKIP_TUTORIALS"
SKIP_REASON = f"{SKIP_TUTORIALS}=1: the workflow's shoot shards run the tutorials"
