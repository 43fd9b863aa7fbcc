"""For every step of every tutorial: its phone crop holds the boxes of its target and of all its bold labels
(from the committed shots.json), or the step shows the whole screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from orcid_guide.engine.baselines import read_manifest
from orcid_guide.engine.phone_crop import crop_around, subject_bounds

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "docs" / "assets" / "screenshots"
TUTORIALS = sorted(folder.name for folder in SCREENSHOTS.iterdir() if (folder / "shots.json").is_file())


@pytest.mark.parametrize("tutorial", TUTORIALS)
def test_every_crop_holds_its_steps_target_and_labels(tutorial: str) -> None:
    folder = SCREENSHOTS / tutorial
    places = read_manifest(folder).shots
    assert places
    for name, place in places.items():
        with Image.open(folder / name) as image:
            size = image.size
        boxes = [box for boxes in place.labels.values() for box in boxes]
        boxes += [place.target] if place.target is not None else []
        subject = subject_bounds(boxes, size)
        bounds = crop_around(subject, size) if subject is not None else None
        if bounds is None:
            continue  # the whole screen is shown, so nothing is cut
        left, top, right, bottom = bounds
        for box in boxes:
            # Within the screenshot, every box lies whole inside the crop.
            assert left <= max(0, box.x) and top <= max(0, box.y), (name, box)
            assert right >= min(size[0], box.x + box.width) and bottom >= min(size[1], box.y + box.height), (name, box)
