"""The region around a screenshot's marked element, for narrow screens: found from the image alone."""

from __future__ import annotations

import io

from PIL import Image

from orcid_guide.engine.images import Box, mark
from orcid_guide.engine.phone_crop import CROP_HEIGHT, CROP_WIDTH, MOST_WIDTH, crop_bounds, mark_bounds, phone_crop


def screen(width: int = 1024, height: int = 700) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (240, 240, 245)).save(out, format="PNG")
    return out.getvalue()


def test_the_crop_surrounds_the_marked_element_and_repeats_byte_for_byte() -> None:
    marked = mark(screen(), Box(x=800, y=20, width=120, height=30), scale=1)
    crop = phone_crop(marked)
    assert crop is not None and crop == phone_crop(marked)
    image = Image.open(io.BytesIO(crop))
    assert image.size == (CROP_WIDTH, CROP_HEIGHT)
    found = mark_bounds(image)
    assert found is not None
    left, top, right, bottom = found
    # The whole frame is inside the crop, not cut at its edge.
    assert 0 < left < right < CROP_WIDTH - 1 and 0 <= top < bottom < CROP_HEIGHT - 1


def test_a_screenshot_without_a_mark_has_no_crop() -> None:
    assert phone_crop(mark(screen(), None, scale=1)) is None


def test_a_mark_over_most_of_the_screen_needs_no_crop() -> None:
    assert crop_bounds((10, 10, 1000, 650), (1024, 700)) is None


def test_the_crop_stays_inside_the_image_near_its_corner() -> None:
    assert crop_bounds((1000, 680, 1020, 698), (1024, 700)) == (1024 - CROP_WIDTH, 700 - CROP_HEIGHT, 1024, 700)


def test_a_mark_wider_than_a_phone_crop_is_shown_from_its_start() -> None:
    assert crop_bounds((30, 100, 900, 130), (1024, 700)) == (6, 0, 6 + MOST_WIDTH, CROP_HEIGHT)
