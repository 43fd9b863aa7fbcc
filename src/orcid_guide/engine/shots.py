"""Recording one screenshot: keep the new image, compare it with the baseline, rewrite the baseline if asked."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from orcid_guide.engine.images import Comparison, compare

# Step screenshots are named NN-step-id.png; other files beside them (the animation) are not steps.
STEP_SHOTS = "[0-9][0-9]-*.png"
ANIMATION = "animation.png"


@dataclass(frozen=True)
class ShotPolicy:
    baselines: Path  # docs/assets/screenshots
    work: Path  # where this run's new shots go
    tolerance: float
    pixel_threshold: int
    update: bool = False  # rewrite baselines that changed
    # False when shooting another target than the baselines were made on: keep the shots, compare nothing.
    compare: bool = True


@dataclass(frozen=True)
class ShotResult:
    tutorial: str
    name: str
    baseline: Path
    new: Path
    comparison: Comparison
    written: bool  # whether the baseline file was (re)written
    old: Path | None  # the baseline as it was before this run (a copy when it was rewritten)


def record_shot(policy: ShotPolicy, tutorial: str, name: str, png: bytes) -> ShotResult:
    new_path = policy.work / tutorial / name
    new_path.parent.mkdir(parents=True, exist_ok=True)
    new_path.write_bytes(png)
    baseline = policy.baselines / tutorial / name
    if not policy.compare:
        return ShotResult(tutorial, name, baseline, new_path, Comparison("same"), written=False, old=None)
    old = baseline.read_bytes() if baseline.is_file() else None
    comparison = compare(old, png, tolerance=policy.tolerance, pixel_threshold=policy.pixel_threshold)
    # A missing baseline is always written: there is nothing to lose, and the page needs an image.
    write = comparison.status == "new" or (comparison.status == "changed" and policy.update)
    kept = baseline if old is not None else None
    if write:
        if old is not None:
            kept = new_path.with_suffix(".baseline.png")
            kept.write_bytes(old)
        baseline.parent.mkdir(parents=True, exist_ok=True)
        baseline.write_bytes(png)
    return ShotResult(tutorial, name, baseline, new_path, comparison, written=write, old=kept)


def stale_baselines(policy: ShotPolicy, tutorial: str, current: set[str]) -> list[Path]:
    """Baselines of steps the tutorial no longer has."""
    folder = policy.baselines / tutorial
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.glob(STEP_SHOTS) if path.name not in current)
