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
    return encode(marked_image(png, box, scale))


def marked_image(png: bytes, box: Box | None, scale: float) -> Image.Image:
    """The screenshot with a frame drawn around ``box`` (CSS pixels), not encoded yet."""
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
    return image


def same_pixels(png: bytes, image: Image.Image) -> bool:
    """Whether the encoded ``png`` holds exactly the pixels of ``image``."""
    decoded = Image.open(io.BytesIO(png)).convert("RGB")
    return decoded.size == image.size and decoded.tobytes() == image.tobytes()


def encode(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


@dataclass(frozen=True)
class Comparison:
    status: Status
    changed_pixels: int = 0  # pixels whose largest channel difference exceeds the threshold
    # The box (left, top, right, bottom) around every changed pixel; None when none changed.
    bounds: tuple[int, int, int, int] | None = None
    size_changed: bool = False


@dataclass(frozen=True)
class Rule:
    """When two screenshots count as the same.

    ``exact`` holds on the renderer that drew the baselines: any changed pixel is a change. On another
    renderer, changed pixels (beyond ``pixel_threshold`` in some channel) are anti-aliasing noise as long as
    every cluster of them is smaller than a character, ``character`` (width, height) in pixels.
    """

    exact: bool
    pixel_threshold: int = 24
    character: tuple[int, int] = (4, 6)


def compare(baseline: bytes | None, new: bytes, rule: Rule) -> Comparison:
    return compare_and_show(baseline, new, rule)[0]


def compare_and_show(baseline: bytes | None, new: bytes, rule: Rule) -> tuple[Comparison, bytes | None]:
    """The comparison and, when it is a change, the difference image made from the same decoded images and
    mask (``difference_image``), so that a review page need not decode and compare the two again."""
    if baseline is None:
        return Comparison("new"), None
    if baseline == new:
        return Comparison("same"), None
    old_image = Image.open(io.BytesIO(baseline)).convert("RGB")
    new_image = Image.open(io.BytesIO(new)).convert("RGB")
    threshold = 0 if rule.exact else rule.pixel_threshold
    if old_image.size != new_image.size:
        resized = old_image.resize(new_image.size)
        mask = _changed_mask(resized, new_image, threshold)
        return Comparison("changed", size_changed=True), _shown(new_image, mask)
    if old_image.tobytes() == new_image.tobytes():
        return Comparison("same"), None  # the same pixels, encoded otherwise
    mask = _changed_mask(old_image, new_image, threshold)
    changed, bounds = mask.histogram()[255], mask.getbbox()
    if not rule.exact:
        wide, tall = largest_cluster(mask, stop_at=rule.character)
        if not (wide >= rule.character[0] and tall >= rule.character[1]):
            return Comparison("same", changed, bounds), None
    return Comparison("changed", changed, bounds), _shown(new_image, mask)


def _changed_mask(old: Image.Image, new: Image.Image, pixel_threshold: int) -> Image.Image:
    red, green, blue = ImageChops.difference(old, new).split()
    largest = ImageChops.lighter(ImageChops.lighter(red, green), blue)
    return largest.point(lambda value: 255 if value > pixel_threshold else 0)


# Pixels up to this far apart belong to one cluster: the strokes of one glyph are seldom further apart.
_REACH = 2


def largest_cluster(mask: Image.Image, stop_at: tuple[int, int] | None = None) -> tuple[int, int]:
    """The (width, height) of the largest cluster of set pixels in ``mask``, by the larger side.

    Pixels within two of each other join one cluster. With ``stop_at``, the search ends at the first cluster
    at least that wide and tall, which is all a caller deciding "a character or more" needs to know.
    """
    bounds = mask.getbbox()
    if bounds is None:
        return (0, 0)
    left, top, right, _bottom = bounds
    width = right - left
    data = mask.crop(bounds).tobytes()
    pending = {(index % width + left, index // width + top) for index, value in enumerate(data) if value}
    best = (0, 0)
    while pending:
        seed = pending.pop()
        low_x = high_x = seed[0]
        low_y = high_y = seed[1]
        frontier = [seed]
        while frontier:
            x, y = frontier.pop()
            for dx in range(-_REACH, _REACH + 1):
                for dy in range(-_REACH, _REACH + 1):
                    neighbour = (x + dx, y + dy)
                    if neighbour in pending:
                        pending.remove(neighbour)
                        frontier.append(neighbour)
                        low_x, high_x = min(low_x, neighbour[0]), max(high_x, neighbour[0])
                        low_y, high_y = min(low_y, neighbour[1]), max(high_y, neighbour[1])
            size = (high_x - low_x + 1, high_y - low_y + 1)
            if stop_at is not None and size[0] >= stop_at[0] and size[1] >= stop_at[1]:
                return size
        if max(size) > max(best):
            best = size
    return best


def difference_image(baseline: bytes, new: bytes, pixel_threshold: int = 0) -> bytes:
    """The new shot faded, with every pixel that changed beyond the threshold in solid red."""
    old_image = Image.open(io.BytesIO(baseline)).convert("RGB")
    new_image = Image.open(io.BytesIO(new)).convert("RGB")
    if old_image.size != new_image.size:
        old_image = old_image.resize(new_image.size)
    return _shown(new_image, _changed_mask(old_image, new_image, pixel_threshold))


def _shown(new_image: Image.Image, mask: Image.Image) -> bytes:
    faded = Image.blend(new_image, Image.new("RGB", new_image.size, "white"), 0.7)
    red = Image.new("RGB", new_image.size, (230, 0, 0))
    faded.paste(red, mask=mask)
    return encode(faded)
