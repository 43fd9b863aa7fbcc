"""Recording one screenshot: keep the new image and its text aside, and compare both with the baselines.

Nothing here writes a baseline: a run's shots stay in its work folder until the whole tutorial has passed,
and then ``baselines.accept`` moves them in at once (or not at all).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from PIL import Image

from orcid_guide.engine.images import Box, Comparison, Rule, compare_and_show, encode, same_pixels
from orcid_guide.engine.renderer import Renderer
from orcid_guide.engine.text_baselines import text_difference, text_name

# Step screenshots are named NN-step-id.png; other files beside them (the animation) are not steps.
STEP_SHOTS = "[0-9][0-9]-*.png"
ANIMATION = "animation.png"

Status = Literal["same", "changed", "new"]


@dataclass(frozen=True)
class Capture:
    """What a step's screenshot holds: the marked image, the screen's text, and where its subject is."""

    name: str  # NN-step-id.png
    png: bytes
    text: str
    target: Box | None = None
    labels: Mapping[str, tuple[Box, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class ShotPolicy:
    baselines: Path  # docs/assets/screenshots
    work: Path  # where this run's new shots go
    renderer: Renderer  # what draws this run's shots
    pixel_threshold: int = 24
    character: tuple[int, int] = (4, 6)
    update: bool = False  # accept the shots that changed, once their tutorial passed
    # False when shooting another target than the baselines were made on: keep the shots, compare nothing.
    compare: bool = True
    # False only to measure what text baselines cost (scripts/bench_exact.py).
    text: bool = True

    def rule(self, drawn_by: Renderer | None) -> Rule:
        """Exact on the renderer that drew the baselines; noise-tolerant on any other."""
        return Rule(exact=drawn_by == self.renderer, pixel_threshold=self.pixel_threshold, character=self.character)


@dataclass(frozen=True)
class ShotResult:
    tutorial: str
    name: str
    baseline: Path
    new: Path
    comparison: Comparison
    text_changes: tuple[str, ...] = ()  # the text baseline's changed lines; empty when it agrees
    written: bool = False  # whether the baseline was (re)written, which happens only after the tutorial passed
    old: Path | None = None  # the baseline image as it was before this run (a copy beside the new shot)
    # The changed pixels in red on the new shot faded, made by the comparison itself (when pixels changed).
    difference: Path | None = None

    @property
    def new_text(self) -> Path:
        return self.new.with_name(text_name(self.name))

    @property
    def status(self) -> Status:
        if self.comparison.status == "new":
            return "new"
        return "changed" if self.comparison.status == "changed" or self.text_changes else "same"


def encoded(policy: ShotPolicy, tutorial: str, name: str, image: Image.Image) -> bytes:
    """``image`` as PNG: the baseline's own bytes when it holds the same pixels, which is most shots of most runs
    and spares encoding (deflating a screenshot takes three times as long as decoding one)."""
    baseline = policy.baselines / tutorial / name
    if policy.compare and baseline.is_file():
        old = baseline.read_bytes()
        if same_pixels(old, image):
            return old
    return encode(image)


def record_shot(policy: ShotPolicy, tutorial: str, capture: Capture, drawn_by: Renderer | None) -> ShotResult:
    """Keep ``capture`` in the work folder and compare it with its baselines (drawn by ``drawn_by``)."""
    new_path = policy.work / tutorial / capture.name
    new_path.parent.mkdir(parents=True, exist_ok=True)
    new_path.write_bytes(capture.png)
    new_path.with_name(text_name(capture.name)).write_text(capture.text, encoding="utf-8")
    baseline = policy.baselines / tutorial / capture.name
    if not policy.compare:
        return ShotResult(tutorial, capture.name, baseline, new_path, Comparison("same"))
    old = baseline.read_bytes() if baseline.is_file() else None
    comparison, shown = compare_and_show(old, capture.png, policy.rule(drawn_by))
    text_changes: list[str] = []
    if policy.text and old is not None:
        text_file = baseline.with_name(text_name(capture.name))
        old_text = text_file.read_text(encoding="utf-8") if text_file.is_file() else None
        text_changes = text_difference(old_text, capture.text)
    kept = difference = None
    if old is not None and (comparison.status != "same" or text_changes):
        kept = new_path.with_suffix(".baseline.png")
        kept.write_bytes(old)
    if shown is not None:
        difference = new_path.with_suffix(".difference.png")
        difference.write_bytes(shown)
    return ShotResult(
        tutorial, capture.name, baseline, new_path, comparison, tuple(text_changes), old=kept, difference=difference
    )


def stale_baselines(baselines: Path, tutorial: str, current: set[str]) -> list[Path]:
    """Baselines (images and their texts) of steps the tutorial no longer has."""
    folder = baselines / tutorial
    if not folder.is_dir():
        return []
    keep = current | {text_name(name) for name in current}
    found = [*folder.glob(STEP_SHOTS), *folder.glob("[0-9][0-9]-*.aria.yml")]
    return sorted(path for path in found if path.name not in keep)
