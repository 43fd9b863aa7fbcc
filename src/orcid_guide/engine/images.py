"""Screenshot images: marking the acted-on element, and comparing a new shot with its baseline."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Literal

from PIL import Image, ImageChops, ImageDraw

MARK_COLOUR = (214, 40, 90)
MARK_WIDTH = 3
MARK_PADDING = 4

Status = Literal["same", "changed", "new"]


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float


def mark(png: bytes, box: Box | None, scale: float) -> bytes:
    """The screenshot with a frame drawn around ``box`` (CSS pixels); re-encoded so bytes repeat."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    if box is not None:
        pad = MARK_PADDING * scale
        frame = (
            max(0.0, box.x * scale - pad),
            max(0.0, box.y * scale - pad),
            min(image.width - 1.0, (box.x + box.width) * scale + pad),
            min(image.height - 1.0, (box.y + box.height) * scale + pad),
        )
        ImageDraw.Draw(image).rounded_rectangle(
            frame, radius=int(6 * scale), outline=MARK_COLOUR, width=round(MARK_WIDTH * scale)
        )
    return encode(image)


def encode(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


@dataclass(frozen=True)
class Comparison:
    status: Status
    # Share of pixels whose largest channel difference exceeds the threshold (1.0 when sizes differ).
    changed_share: float = 0.0


def compare(baseline: bytes | None, new: bytes, *, tolerance: float, pixel_threshold: int) -> Comparison:
    if baseline is None:
        return Comparison("new", 1.0)
    if baseline == new:
        return Comparison("same")
    old_image = Image.open(io.BytesIO(baseline)).convert("RGB")
    new_image = Image.open(io.BytesIO(new)).convert("RGB")
    if old_image.size != new_image.size:
        return Comparison("changed", 1.0)
    share = _changed_share(old_image, new_image, pixel_threshold)
    return Comparison("changed" if share > tolerance else "same", share)


def _changed_mask(old: Image.Image, new: Image.Image, pixel_threshold: int) -> Image.Image:
    red, green, blue = ImageChops.difference(old, new).split()
    largest = ImageChops.lighter(ImageChops.lighter(red, green), blue)
    return largest.point(lambda value: 255 if value > pixel_threshold else 0)


def _changed_share(old: Image.Image, new: Image.Image, pixel_threshold: int) -> float:
    if ImageChops.difference(old, new).getbbox() is None:
        return 0.0
    changed = _changed_mask(old, new, pixel_threshold).histogram()[255]
    return changed / (old.width * old.height)


def difference_image(baseline: bytes, new: bytes, pixel_threshold: int) -> bytes:
    """The new shot faded, with every pixel that changed beyond the threshold in solid red."""
    old_image = Image.open(io.BytesIO(baseline)).convert("RGB")
    new_image = Image.open(io.BytesIO(new)).convert("RGB")
    if old_image.size != new_image.size:
        old_image = old_image.resize(new_image.size)
    faded = Image.blend(new_image, Image.new("RGB", new_image.size, "white"), 0.7)
    red = Image.new("RGB", new_image.size, (230, 0, 0))
    faded.paste(red, mask=_changed_mask(old_image, new_image, pixel_threshold))
    return encode(faded)
