"""A tutorial's baselines as one unit: its images, their texts, and the manifest ``shots.json`` beside them.

The manifest records what drew the baselines (the renderer) and, per screenshot, where its subject is: the
box of the element the step acts on and the boxes of the elements that show each bold label (CSS pixels of
the viewport), which is what a phone crop must keep in view.

Accepting is all or nothing per tutorial: a run's shots move in only once every step of it passed.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from orcid_guide.engine.images import Box
from orcid_guide.engine.renderer import Renderer
from orcid_guide.engine.shots import Capture, ShotPolicy, ShotResult
from orcid_guide.engine.text_baselines import text_name

MANIFEST = "shots.json"


@dataclass(frozen=True)
class ShotPlace:
    target: Box | None
    labels: Mapping[str, tuple[Box, ...]]


@dataclass(frozen=True)
class Manifest:
    renderer: Renderer | None
    shots: Mapping[str, ShotPlace]


def _box(values: Sequence[float] | None) -> Box | None:
    return None if values is None else Box(*(float(value) for value in values))


def _numbers(box: Box) -> list[float]:
    return [round(box.x, 1), round(box.y, 1), round(box.width, 1), round(box.height, 1)]


def read_manifest(folder: Path) -> Manifest:
    path = folder / MANIFEST
    if not path.is_file():
        return Manifest(None, {})
    data = json.loads(path.read_text(encoding="utf-8"))
    shots = {
        name: ShotPlace(
            _box(place.get("target")),
            {label: tuple(Box(*box) for box in boxes) for label, boxes in place.get("labels", {}).items()},
        )
        for name, place in data.get("shots", {}).items()
    }
    return Manifest(data.get("renderer"), shots)


def manifest_text(renderer: Renderer, captures: Sequence[Capture]) -> str:
    shots: dict[str, Any] = {}
    for capture in captures:
        shots[capture.name] = {
            "target": _numbers(capture.target) if capture.target is not None else None,
            "labels": {label: [_numbers(box) for box in boxes] for label, boxes in capture.labels.items()},
        }
    return dump_manifest({"renderer": dict(renderer), "shots": shots})


_BOX = re.compile(r"\[\s*(-?[0-9.]+),\s*(-?[0-9.]+),\s*(-?[0-9.]+),\s*(-?[0-9.]+)\s*\]")


def dump_manifest(data: Mapping[str, Any]) -> str:
    """JSON with one line per box, so a changed box reads as one changed line in a diff."""
    return _BOX.sub(r"[\1, \2, \3, \4]", json.dumps(data, indent=1, ensure_ascii=False)) + "\n"


def accept(
    policy: ShotPolicy, tutorial: str, shots: Sequence[ShotResult], captures: Sequence[Capture]
) -> list[ShotResult]:
    """After ``tutorial`` passed: move its new and (with ``--update``) changed shots into the baselines.

    A screenshot without a baseline gets one. ``--update`` on another renderer than the one that drew the
    baselines writes them all, even when none differs beyond the tolerance: the manifest's renderer is then true
    of every image, and the next run compares them pixel for pixel again. Returns the shots with ``written`` set.
    """
    folder = policy.baselines / tutorial
    manifest = read_manifest(folder)
    wanted = [shot for shot in shots if shot.status == "new" or (policy.update and shot.status == "changed")]
    if policy.update and manifest.renderer is not None and manifest.renderer != policy.renderer:
        wanted = list(shots)
    if not wanted and (folder / MANIFEST).is_file():
        return list(shots)
    folder.mkdir(parents=True, exist_ok=True)
    names = {shot.name for shot in wanted}
    for shot in wanted:
        shutil.copyfile(shot.new, shot.baseline)
        shutil.copyfile(shot.new_text, shot.baseline.with_name(text_name(shot.name)))
    # The manifest keeps the renderer of the images it describes: the old one when only a missing manifest
    # is written for baselines that were all kept.
    drawn_by = policy.renderer if wanted or manifest.renderer is None else manifest.renderer
    (folder / MANIFEST).write_text(manifest_text(drawn_by, captures), encoding="utf-8")
    return [replace(shot, written=shot.name in names) for shot in shots]
