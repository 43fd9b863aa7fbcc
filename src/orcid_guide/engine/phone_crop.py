"""The part of a step screenshot around its marked element, shown on narrow screens instead of the whole screen.

A whole 1024 px screenshot shrinks to a third on a phone, too small to read. The crop is found from the
screenshot alone (the frame ``images.mark`` draws, in its own colour), so it follows from the committed
baseline and gives the same bytes every time.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence

from PIL import Image, ImageChops

from orcid_guide.engine.images import MARK_COLOUR, Box, encode

# The crop's least size in screenshot pixels: about 0.8 of its size on a 390 px phone, so text stays legible.
CROP_WIDTH = 400
CROP_HEIGHT = 300
# Larger crops would shrink to the same unreadable size as the whole screen.
MOST_WIDTH = 520
MOST_HEIGHT = 390
MARGIN = 24

Bounds = tuple[int, int, int, int]


def mark_bounds(image: Image.Image) -> Bounds | None:
    """The box (left, top, right, bottom) of the pixels in the mark's colour, or None when nothing is marked."""
    difference = ImageChops.difference(image.convert("RGB"), Image.new("RGB", image.size, MARK_COLOUR))
    # Grey 0 only where (almost) every channel equals the mark's.
    exact = difference.convert("L").point([255] + [0] * 255)
    return exact.getbbox()


def _span(low: int, high: int, least: int, most: int, limit: int) -> tuple[int, int]:
    """A range of ``least`` to ``most`` around low..high (plus margin), within 0..limit.

    A mark too long for ``most`` is shown from its start (the left or top, where its label begins).
    """
    low, high = max(0, low - MARGIN), min(limit, high + MARGIN)
    size = min(limit, most, max(least, high - low))
    centred = (low + high - size) // 2 if high - low <= size else low
    start = max(0, min(limit - size, centred))
    return start, start + size


def crop_bounds(mark: Bounds, size: tuple[int, int]) -> Bounds | None:
    """Where to crop around ``mark`` in an image of ``size``; None when the mark covers most of the image."""
    width, height = size
    # A mark over most of the screen is about the whole screen.
    if (mark[2] - mark[0]) * (mark[3] - mark[1]) > 0.5 * width * height:
        return None
    left, right = _span(mark[0], mark[2], CROP_WIDTH, MOST_WIDTH, width)
    top, bottom = _span(mark[1], mark[3], CROP_HEIGHT, MOST_HEIGHT, height)
    return left, top, right, bottom


def subject_bounds(boxes: Sequence[Box], size: tuple[int, int], scale: float = 1) -> Bounds | None:
    """What a step is about, in screenshot pixels: the union of its target's and its labels' boxes (CSS pixels)."""
    inside = [box for box in boxes if box.width > 0 and box.height > 0]
    if not inside:
        return None
    left = max(0, math.floor(min(box.x for box in inside) * scale))
    top = max(0, math.floor(min(box.y for box in inside) * scale))
    right = min(size[0], math.ceil(max((box.x + box.width) for box in inside) * scale))
    bottom = min(size[1], math.ceil(max((box.y + box.height) for box in inside) * scale))
    return (left, top, right, bottom) if left < right and top < bottom else None


def crop_around(subject: Bounds, size: tuple[int, int]) -> Bounds | None:
    """A phone-sized crop holding all of ``subject``, never cutting it; None when it does not fit one."""
    width, height = size
    low_x, high_x = max(0, subject[0] - MARGIN), min(width, subject[2] + MARGIN)
    low_y, high_y = max(0, subject[1] - MARGIN), min(height, subject[3] + MARGIN)
    if high_x - low_x > MOST_WIDTH or high_y - low_y > MOST_HEIGHT:
        return None  # the whole screen, rather than a crop that cuts a label
    left, right = _span(subject[0], subject[2], CROP_WIDTH, MOST_WIDTH, width)
    top, bottom = _span(subject[1], subject[3], CROP_HEIGHT, MOST_HEIGHT, height)
    return left, top, right, bottom


def phone_crop_around(png: bytes, boxes: Sequence[Box], scale: float = 1) -> bytes | None:
    """The crop holding every box (the target and the labels of shots.json), or None for the whole screen."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    subject = subject_bounds(boxes, image.size, scale)
    bounds = crop_around(subject, image.size) if subject is not None else None
    return None if bounds is None else encode(image.crop(bounds))


def phone_crop(png: bytes) -> bytes | None:
    """The region around the marked element, or None when nothing is marked or the mark covers most of it."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    mark = mark_bounds(image)
    if mark is None:
        return None
    bounds = crop_bounds(mark, image.size)
    return None if bounds is None else encode(image.crop(bounds))
