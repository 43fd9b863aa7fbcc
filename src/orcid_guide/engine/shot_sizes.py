"""The pixel sizes of a tutorial's screenshots and the phone crops of its marked ones, as the site shows them.

This is the part of a site build that needs Pillow; the MkDocs plugin imports it only when it must measure or crop.
"""

from __future__ import annotations

import functools
import io
from pathlib import Path

from PIL import Image

from orcid_guide.engine.baselines import ShotPlace, read_manifest
from orcid_guide.engine.expand import ShotImage
from orcid_guide.engine.phone_crop import phone_crop, phone_crop_around
from orcid_guide.engine.steps import Tutorial, screenshot_name


@functools.lru_cache(maxsize=512)
def _crop(path: Path, modified: int) -> bytes | None:
    # Both languages' pages show the same screenshots: cropped once per build.
    return phone_crop(path.read_bytes())


def _crop_of(path: Path, place: ShotPlace | None) -> bytes | None:
    """From shots.json when it has the shot: all of the target and of every element showing a bold label."""
    if place is None:
        return _crop(path, path.stat().st_mtime_ns)
    boxes = [box for boxes in place.labels.values() for box in boxes]
    if place.target is not None:
        boxes.append(place.target)
    return phone_crop_around(path.read_bytes(), boxes)


def image_size(path: Path) -> tuple[int, int] | None:
    if not path.is_file():
        return None
    with Image.open(path) as image:
        return image.size


def shot_images(tutorial: Tutorial, folder: Path) -> tuple[dict[str, ShotImage], dict[str, bytes]]:
    """Each step screenshot's sizes by file name, and the phone crops of those with a marked element."""
    images: dict[str, ShotImage] = {}
    crops: dict[str, bytes] = {}
    places = read_manifest(folder).shots
    for number, step in enumerate(tutorial.steps, start=1):
        path = folder / screenshot_name(number, step)
        size = image_size(path) if step.shot else None
        if size is None:
            continue
        phone = None
        crop = _crop_of(path, places.get(path.name)) if step.target is not None else None
        if crop is not None:
            crops[path.name] = crop
            with Image.open(io.BytesIO(crop)) as cropped:
                phone = cropped.size
        images[path.name] = ShotImage(*size, phone)
    return images, crops
